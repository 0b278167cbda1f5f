/**
 * Fixed code at the team's widths: the one path by which every block of fixed runtime text (the
 * checking core of the messages modules, the envelope and conversation runtimes) reaches a
 * generated module. A block is written once, as its formatter prints it at the default width
 * (prettier at 80, ruff at 88), and declared with `fixedTypeScript` / `fixedPython` where it is
 * defined; `laidOut` gives it as the formatter prints it at the width (and, for TypeScript, the
 * semicolon setting) in force (../style.ts).
 *
 * The other widths are not imitated: `tools/fixed-layouts.mjs` asks prettier and ruff format
 * themselves to print every declared block at every width from MIN_WIDTH up to where nothing
 * changes, and writes the distinct layouts to fixed-layouts.ts, keyed by a hash of the block.
 * Generation stays pure and needs no formatter; a block without a current entry at a
 * non-default style is a generator bug the tests report (test/emit/fixed-layouts.test.ts), and
 * fails loudly here rather than printing a layout the formatter would change. The spec allows
 * no width below MIN_WIDTH (the `minimum` of `print_width` and `line_length` in
 * protocol.schema.json, which a test holds equal to it); a caller's narrower one gets the
 * MIN_WIDTH layout.
 */
import { fixedLayouts, type FixedLayouts } from "./fixed-layouts.js";
import { DEFAULT_STYLE, style } from "./style.js";

export type FixedLanguage = "typescript" | "python";

/** The narrowest width the tables hold. */
export const MIN_WIDTH = 40;

const declared: { readonly language: FixedLanguage; readonly text: string }[] = [];

/** Declares `text`, a block of top-level code of `language` as its formatter prints it at the default width, as fixed code. */
function declare(language: FixedLanguage, text: string): string {
  declared.push({ language, text });
  return text;
}

/** Declares `text` (a block of top-level TypeScript, as prettier prints it at 80) as fixed code. */
export function fixedTypeScript(text: string): string {
  return declare("typescript", text);
}

/** Declares `text` (a block of top-level Python, as ruff format prints it at 88) as fixed code. */
export function fixedPython(text: string): string {
  return declare("python", text);
}

/** Every declared block, in declaration order (for the table tool and its test). */
export function declaredFixedCode(): readonly { readonly language: FixedLanguage; readonly text: string }[] {
  return declared;
}

/** The key of a block in the table: its language and an FNV-1a hash of its text. */
export function fixedKey(language: FixedLanguage, text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${language === "typescript" ? "ts" : "py"}:${h.toString(16).padStart(8, "0")}:${text.length}`;
}

/** `text` (a declared block) as its formatter prints it in the style in force. */
export function laidOut(language: FixedLanguage, text: string, table?: FixedLayouts): string {
  const s = style();
  const width = Math.max(MIN_WIDTH, language === "typescript" ? s.printWidth : s.lineLength);
  const semicolons = language === "python" || s.semicolons;
  const isDefault =
    language === "typescript" ? width === DEFAULT_STYLE.printWidth && semicolons : width === DEFAULT_STYLE.lineLength;
  if (isDefault) return text;
  const entry = (table ?? fixedLayouts())[fixedKey(language, text)];
  if (entry === undefined) {
    throw new Error(`fixed ${language} code without a layout table entry (run node tools/fixed-layouts.mjs):\n${text.slice(0, 200)}`);
  }
  let chosen: readonly (number | string)[] | null = null;
  for (const [from, variant] of (semicolons ? entry.semi : entry.bare) ?? []) if (from <= width) chosen = variant;
  if (chosen === null) return text;
  const own = text.split("\n").map((line) => (semicolons ? line : line.replace(/;$/, "")));
  return chosen.map((line) => (typeof line === "number" ? (own[line] ?? "") : line)).join("\n");
}

/** Declares the text of each chunk as fixed code of `language` (see fixedTypeScript, fixedPython). */
export function fixedChunks<T extends { readonly text: string }>(language: FixedLanguage, chunks: readonly T[]): readonly T[] {
  for (const c of chunks) declare(language, c.text);
  return chunks;
}

/**
 * Stand-in code around fixed code that is not a whole top-level block (a function head, the
 * statements of a body), so that the formatter can print it: prettier and ruff lay a head out
 * the same whatever its body holds, and a body's statements the same whatever their function.
 * `laidOutAfter` matches `after` as laid out (prettier without semicolons drops the `;`).
 */
interface StandIn {
  readonly language: FixedLanguage;
  readonly before: string;
  readonly after: string;
  readonly laidOutAfter: RegExp;
}

const TS_HEAD: StandIn = { language: "typescript", before: "", after: "{\n  return;\n}\n", laidOutAfter: /\{\n {2}return;?\n\}\n$/ };
const TS_BODY: StandIn = { language: "typescript", before: "function body() {\n", after: "}\n", laidOutAfter: /\}\n$/ };
const PY_BODY: StandIn = { language: "python", before: "def body():\n", after: "", laidOutAfter: /$/ };

function declareWithin(standIn: StandIn, part: string): string {
  declare(standIn.language, `${standIn.before}${part}${standIn.after}`);
  return part;
}

function laidOutWithin(standIn: StandIn, part: string): string {
  const laid = laidOut(standIn.language, `${standIn.before}${part}${standIn.after}`);
  return laid.slice(standIn.before.length).replace(standIn.laidOutAfter, "");
}

/** Declares fixed TypeScript function heads (overloads, then the implementation's head, ending in a space before its body) as fixed code. */
export function fixedTypeScriptHead(head: string): string {
  return declareWithin(TS_HEAD, head);
}

/** A head declared with fixedTypeScriptHead, laid out for the style in force. */
export function laidOutHead(head: string): string {
  return laidOutWithin(TS_HEAD, head);
}

/** Declares fixed TypeScript statements of a function body (each line indented two spaces, as prettier prints them at 80) as fixed code. */
export function fixedTypeScriptBody(statements: string): string {
  return declareWithin(TS_BODY, statements);
}

/** Statements declared with fixedTypeScriptBody, laid out for the style in force. */
export function laidOutBody(statements: string): string {
  return laidOutWithin(TS_BODY, statements);
}

/** Declares fixed Python statements of a function body (each line indented four spaces, as ruff format prints them at 88) as fixed code. */
export function fixedPythonBody(statements: string): string {
  return declareWithin(PY_BODY, statements);
}

/** Statements declared with fixedPythonBody, laid out for the style in force. */
export function laidOutPythonBody(statements: string): string {
  return laidOutWithin(PY_BODY, statements);
}
