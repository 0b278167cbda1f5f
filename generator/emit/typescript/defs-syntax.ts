/**
 * TypeScript source text for spec values: string and number literals, property keys, doc
 * comments and line comments, written exactly as prettier (default options) prints them, and
 * safe for any text: a literal round-trips its value, a comment can't end early or carry a tag
 * or directive the spec didn't mean.
 */
import { escapeInvisible, oneLine, splitLines, unicodeEscape, width } from "../text.js";
import { style } from "../style.js";
import { requote } from "./restyle.js";

function jsEscape(char: string): string {
  if (char === "\\") return "\\\\";
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "\t") return "\\t";
  return unicodeEscape(char);
}

/**
 * A string literal in the quote prettier picks for the style in force (restyle.ts requote).
 * Unlike JSON.stringify, U+2028/U+2029, bidi controls and odd spaces are escaped too.
 */
export function tsString(value: string): string {
  return requote(escapeInvisible(value.replace(/[\\\t]/g, jsEscape), jsEscape), style().quote);
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

/**
 * What makes a line of a TypeScript comment a directive to some tool, at its start (after
 * whitespace; each tool trims the comment first):
 * - a leading `@`: a JSDoc tag, or TypeScript's `@ts-nocheck`/`@ts-check` (a `//` comment before
 *   the first statement, name in any case) and `@ts-ignore`/`@ts-expect-error` (a `//` comment,
 *   or the last line of a block comment, after any run of `/` and `*`: so a leading run of `/`,
 *   `*` and whitespace is passed over before every pattern of this kind, on every line);
 * - ESLint's directive comments (`eslint`, `eslint-disable…`, `eslint-enable`, `eslint-env`,
 *   `global`, `globals`, `exported`: the trimmed comment starts with the word), and oxlint's;
 * - `prettier-ignore` (the whole trimmed comment), `tslint:`, `biome-ignore…`, `deno-lint-ignore`
 *   / `deno-fmt-ignore`, and the coverage hints of istanbul, c8, v8 and node (`… ignore`).
 * ESLint's words are matched as ESLint matches them (lower case, then a space or the end), so
 * "Global …" stays as written; the other tools' names in any case, more broadly than each tool,
 * since a false alarm only costs a backslash.
 */
const ESLINT_DIRECTIVE =
  /^(\s*)(?=(?:eslint(?:-disable(?:-next)?-line|-disable|-enable|-env)?|globals?|exported)(?:\s|$)|oxlint-)/;
const OTHER_DIRECTIVE =
  /^([\s/*]*)(?=@|prettier-ignore|tslint\s*:|biome-ignore|deno-(?:lint|fmt|ts)-|(?:istanbul|c8|v8|node:coverage)\s+ignore)/i;

/**
 * TypeScript reads `@jsx`, `@jsxFrag`, `@jsxImportSource` and `@jsxRuntime` anywhere in a block
 * comment before the first statement (`/@(\S+)(\s+…)?$/gm`, name in any case): the `@` of such a
 * word is written as an escape, which no pattern takes for a tag.
 */
const JSX_PRAGMA = /@(?=(?:jsx|jsxfrag|jsximportsource|jsxruntime)(?:\s|$))/gi;

/**
 * The one defusing step for text in a TypeScript comment: invisible characters and line breaks
 * shown as `\uXXXX` (a line can't end early or hide anything), `*\/` written `*\\/` (a block
 * comment can't close), a directive-like start (the two patterns above) behind a backslash, and JSX pragmas
 * anywhere escaped. Every comment the TypeScript emitters write goes through it.
 */
export function tsCommentText(line: string): string {
  return oneLine(line)
    .replaceAll("*/", "*\\/")
    .replace(JSX_PRAGMA, "\\u0040")
    .replace(ESLINT_DIRECTIVE, "$1\\")
    .replace(OTHER_DIRECTIVE, "$1\\");
}

/** `// text` (or `//` for a blank line), through tsCommentText. */
export function tsLineComment(line: string): string {
  return line.trim() === "" ? "//" : `// ${tsCommentText(line.trimEnd())}`;
}

/** The `@deprecated` tag for a reason (possibly empty or several lines), as one tag. */
export function tsDeprecatedTag(reasonLines: readonly string[]): string[] {
  return [reasonLines.length === 0 ? "@deprecated" : `@deprecated ${reasonLines.join("\n")}`];
}

/**
 * The lines of a `/** … *\/` doc comment, unindented, for a comment starting at `column`: one
 * line when it holds one line and fits the print width, else one ` * ` line per text line.
 * Every text line goes through tsCommentText. `tags` (`@deprecated reason`, `@param name doc`,
 * written by the emitters, one string per tag, possibly of several lines) follow the text after
 * a blank line: the first line of each keeps its leading `@tag`; the rest of that line and every
 * further line, spec text all of it, go through tsCommentText too.
 */
export function tsDocComment(lines: readonly string[], tags: readonly string[], column: number): string[] {
  const body = [
    ...lines.flatMap((line) => splitLines(line)).map(tsCommentText),
    ...(lines.length > 0 && tags.length > 0 ? [""] : []),
    ...tags.flatMap((tag) => splitLines(tag).map((part, i) => (i === 0 && TAG.test(part) ? tagLine(part) : tsCommentText(part)))),
  ];
  if (body.length === 0) return [];
  const single = `/** ${body[0] ?? ""} */`;
  if (body.length === 1 && column + width(single) <= style().printWidth) return [single];
  return ["/**", ...body.map((line) => (line === "" ? " *" : ` * ${line}`)), " */"];
}

/** A tag the emitter starts a line with: `@deprecated`, `@param`, `@throws`, `@module`. */
const TAG = /^@[a-z]+(?=\s|$)/;

function tagLine(line: string): string {
  const tag = TAG.exec(line)?.[0] ?? "";
  const rest = line.slice(tag.length);
  return tag + tsCommentText(rest);
}
