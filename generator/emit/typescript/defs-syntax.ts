/**
 * TypeScript source text for spec values: string and number literals, property keys, doc
 * comments and line comments, written exactly as prettier (default options) prints them, and
 * safe for any text: a literal round-trips its value, a comment can't end early or carry a tag
 * or directive the spec didn't mean.
 */
import { escapeInvisible, unicodeEscape, width } from "../text.js";
import { PRINT_WIDTH } from "./doc.js";

function jsEscape(char: string): string {
  if (char === "\\") return "\\\\";
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "\t") return "\\t";
  return unicodeEscape(char);
}

/**
 * A string literal. Double quotes unless the text holds more `"` than `'` (prettier's choice).
 * Unlike JSON.stringify, U+2028/U+2029, bidi controls and odd spaces are escaped too.
 */
export function tsString(value: string): string {
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  const body = escapeInvisible(value.replace(/[\\\t]/g, jsEscape), jsEscape).replaceAll(quote, `\\${quote}`);
  return `${quote}${body}${quote}`;
}

/** A number as prettier prints it (`1e21`, not `1e+21`). Callers handle non-finite values. */
export function tsNumber(value: number): string {
  if (Object.is(value, -0)) return "-0"; // String(-0) is "0": the sign would be lost
  return String(value).replace("e+", "e");
}

/**
 * An object-literal key. `__proto__: v` would set the prototype instead of a property, so it is
 * written computed; every other spec name is an identifier and written bare.
 */
export function tsPropertyKey(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : name;
}

/** A leading `@` (a tag, `@ts-nocheck`) or a tool directive at the start of a comment line. */
const DIRECTIVE = /^(\s*)(?=@|prettier-ignore|eslint[-\s]|tslint:|istanbul\s|c8\s|biome-ignore|deno-)/i;

function defuse(line: string): string {
  return line.replace(DIRECTIVE, "$1\\");
}

/** `// text` (or `//` for a blank line), with directive-like text defused. */
export function tsLineComment(line: string): string {
  return line === "" ? "//" : `// ${defuse(line)}`;
}

/** The `@deprecated` tag lines for a reason (possibly empty or several lines). */
export function tsDeprecatedTag(reasonLines: readonly string[]): string[] {
  const [first, ...rest] = reasonLines;
  return first === undefined ? ["@deprecated"] : [`@deprecated ${first}`, ...rest.map(defuse)];
}

/**
 * The lines of a `/** … *\/` doc comment, unindented, for a comment starting at `column`: one
 * line when it holds one line and fits the print width, else one ` * ` line per text line.
 * `*\/` in the text is written `*\/`; a line starting with `@` becomes `\@` so doc text can't
 * add a tag. `tags` (from tsDeprecatedTag) follow the text after a blank line.
 */
export function tsDocComment(lines: readonly string[], tags: readonly string[], column: number): string[] {
  const body = [
    ...lines.map(defuse),
    ...(lines.length > 0 && tags.length > 0 ? [""] : []),
    ...tags,
  ].map((line) => line.replaceAll("*/", "*\\/"));
  if (body.length === 0) return [];
  const single = `/** ${body[0] ?? ""} */`;
  if (body.length === 1 && column + width(single) <= PRINT_WIDTH) return [single];
  return ["/**", ...body.map((line) => (line === "" ? " *" : ` * ${line}`)), " */"];
}
