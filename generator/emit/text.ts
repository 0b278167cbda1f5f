/**
 * Text helpers shared by the emitters: turning spec text (docs, wire values) into comments and
 * literals of each target language that can never break out of their syntax, and that the
 * target's formatter (prettier, ruff format) leaves exactly as they are.
 *
 * Spec text is untrusted: it may hold comment terminators, quotes, backslashes, line terminators
 * a tokenizer knows but an editor hides (U+2028), control and bidi-override characters. The rules:
 * - comments are for people: line terminators split lines, invisible characters are shown as
 *   `\uXXXX`, and text a tool would read as a directive is defused (see the language helpers);
 * - literals and docstrings are for programs: they round-trip the text exactly.
 */
import type { Enum, KeySet, Member, Protocol, TopicSet } from "../model.js";
import { EAST_ASIAN_WIDE, PRETTIER_WIDE, PRETTIER_ZERO } from "./char-widths.js";
import { style } from "./style.js";

/**
 * Characters never written raw into generated text of any target: C0/C1 controls (tab
 * excepted), DEL, every line break, bidi embeddings/overrides/isolates and marks (a "Trojan
 * Source" comment or string could reorder what a reviewer sees), zero-width and other invisible
 * formatting characters (soft hyphen, the Mongolian vowel separator, interlinear annotations,
 * the BOM, the tag characters U+E0000–U+E007F that can smuggle hidden text), and lone surrogates
 * (which the spec loader rejects: they cannot be encoded as UTF-8).
 */
const INVISIBLE =
  /\udb40[\udc00-\udc7f]|[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Unicode space separators other than U+0020: they look like a space but are not one. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Text escapeInvisible leaves as it is without looking further: no invisible character or odd space can be in it. */
const PLAIN_TEXT = /^[\t\x20-\x7e]*$/;

/**
 * Every sequence some tool reads as the end of a line: CR, LF, CRLF, U+2028/U+2029 (JavaScript),
 * VT, FF, the separators U+001C–U+001E and NEL U+0085 (Python's `str.splitlines`, editors).
 */
const LINE_BREAK = /\r\n|[\n\v\f\r\u001c-\u001e\u0085\u2028\u2029]/;

/** Splits text into lines on every line break any target, tool or editor knows (LINE_BREAK). */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/**
 * Text for a place that holds one line (a file name in a header, a label inside a tag line):
 * every invisible character, line breaks included, shown as `\uXXXX`, so nothing can start a
 * new line or hide there.
 */
export function oneLine(text: string): string {
  return text.replace(INVISIBLE, unicodeEscape);
}

/**
 * `\u` + four lower-case hex digits per UTF-16 code unit of `char` (one unit, or both halves of a
 * tag character): valid in a JavaScript string, and shown as is in a comment.
 */
export function unicodeEscape(char: string): string {
  let out = "";
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}

/**
 * The lines of a doc as they go into comments: split on every line terminator either language
 * knows (so no line of the doc can end a line comment), trailing whitespace dropped, invisible
 * characters shown as `\uXXXX`. Empty for an absent or blank doc.
 */
export function commentLines(doc: string | undefined): string[] {
  if (doc === undefined || doc.trim() === "") return [];
  const lines = splitLines(doc.trim()).map((line) => line.replace(INVISIBLE, unicodeEscape).trimEnd());
  // A line break trim() does not know (NEL, U+001C–U+001E) can still open or close the doc: the
  // blank lines it leaves at either end are dropped too.
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first] === "") first++;
  while (last > first && lines[last - 1] === "") last--;
  return lines.slice(first, last);
}

/**
 * Doc paragraphs joined by a blank line: each trimmed, and blank ones dropped — a doc of only
 * spaces and line breaks says nothing, and must not leave empty lines in a docstring or comment.
 */
export function paragraphs(parts: readonly (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim() ?? "")
    .filter((part) => part !== "")
    .join("\n\n");
}

/** INVISIBLE and ODD_SPACES without the `g` flag, for a test that keeps no state between calls. */
const ANY_INVISIBLE = new RegExp(INVISIBLE.source);
const ANY_ODD_SPACE = new RegExp(ODD_SPACES.source);

/** True when `text` holds a character that must be escaped in a string literal or docstring. */
export function hasInvisible(text: string): boolean {
  if (PLAIN_TEXT.test(text)) return false;
  return ANY_INVISIBLE.test(text) || ANY_ODD_SPACE.test(text);
}

/** Replaces every invisible character and odd space with `escape(char)`. */
export function escapeInvisible(text: string, escape: (char: string) => string): string {
  // Printable ASCII and tabs, by far the common case, hold neither: no replacement pass runs.
  if (PLAIN_TEXT.test(text)) return text;
  return text.replace(INVISIBLE, escape).replace(ODD_SPACES, escape);
}

/**
 * The one width source of the generated code: how many columns a text takes, measured the way
 * the formatter that reads each target measures a line. Every layout decision (fits or breaks)
 * of every emitter goes through `width` (TypeScript, docs, JSON) or `pythonWidth` (Python). The
 * per-code-point tables (./char-widths.ts) are written by tools/char-widths.mjs from prettier
 * itself and from Unicode's East Asian Width.
 *
 * `width` is prettier's getStringWidth: an emoji sequence of several code points (`❤️`, `1️⃣`, a
 * flag, a skin tone) is 2 columns as a whole; a single code point counts as prettier counts it
 * (0 for controls and combining marks, 2 for wide and fullwidth characters and most emoji, else 1).
 */
export function width(text: string): number {
  // ASCII from the space on (DEL included, as prettier counts it), by far the common case, is one column a character.
  if (/^[\x20-\x7f]*$/.test(text)) return text.length;
  let n = 0;
  // A sequence of several code points holds one of these (variation selector, keycap, joiner, a
  // skin tone or regional indicator, a tag); a lone code point is the table's.
  const rest = MAY_BE_SEQUENCE.test(text)
    ? text.replace(rgiEmoji(), (sequence) => {
        n += Array.from(sequence).length === 1 ? prettierChar(sequence) : 2;
        return "";
      })
    : text;
  for (const char of rest) n += prettierChar(char);
  return n;
}

/**
 * Whether a TypeScript line (its indentation included) fits the print width in force, measured as
 * prettier will see it: without the `;` that ends it when the style keeps no semicolons.
 */
export function fitsTypeScript(line: string): boolean {
  const dropped = !style().semicolons && line.endsWith(";") ? 1 : 0;
  return width(line) - dropped <= style().printWidth;
}

/** Whether a Python line (its indentation included) fits the line length in force. */
export function fitsPython(line: string): boolean {
  return pythonWidth(line) <= style().lineLength;
}

/** Whether every line of a Python text fits the line length in force (measured without splitting it, when it is printable ASCII). */
export function everyLineFitsPython(text: string): boolean {
  const limit = style().lineLength;
  if (!PRINTABLE_LINES.test(text)) return text.split("\n").every((line) => pythonWidth(line) <= limit);
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    if ((end === -1 ? text.length : end) - start > limit) return false;
    if (end === -1) return true;
    start = end + 1;
  }
}

function prettierChar(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || inRanges(PRETTIER_ZERO, code)) return 0;
  return inRanges(PRETTIER_WIDE, code) ? 2 : 1;
}

/**
 * A Python line's width as the team's formatter measures it: ruff and black from 24 count each
 * code point by its Unicode width (East Asian Wide and Fullwidth 2; controls, combining marks and
 * the Hangul vowels and finals that join a syllable 0; else 1 — so `❤️` is 1, `日本` 4); black
 * before 24 counts one column a code point (`日本` is 2) — the `outputs.python.unicode_width:
 * false` setting (./style.ts).
 */
export function pythonWidth(text: string): number {
  if (isPrintableAscii(text)) return text.length;
  if (!style().unicodeWidth) return Array.from(text).length;
  let columns = 0;
  for (const char of text) columns += unicodeChar(char);
  return columns;
}

function unicodeChar(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 0;
  if (COMBINING.test(char) || (code >= 0x1160 && code <= 0x11ff)) return 0;
  return inRanges(EAST_ASIAN_WIDE, code) ? 2 : 1;
}

/** Whether `code` lies in one of the sorted, disjoint `ranges` (binary search). */
function inRanges(ranges: readonly (readonly [number, number])[], code: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid] ?? [0, -1];
    if (code < from) hi = mid - 1;
    else if (code > to) lo = mid + 1;
    else return true;
  }
  return false;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Whether `text` is printable ASCII only: one column a character in every measure. */
export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}
const PRINTABLE_LINES = /^[\n\x20-\x7e]*$/;
const MAY_BE_SEQUENCE = /[\ufe0f\u20e3\u200d\ud83c\udb40]/;
const COMBINING = /^[\p{Mn}\p{Me}]$/u;
let rgiEmojiPattern: RegExp | undefined;

/**
 * Every emoji sequence, built on first use: compiling the set takes ~10–20 ms, more than most
 * runs spend measuring text, and most specs hold no sequence. Built at run time, as the `v` flag
 * is ES2024, newer than the emitted-code target of this file's tsconfig.
 */
function rgiEmoji(): RegExp {
  rgiEmojiPattern ??= new RegExp("\\p{RGI_Emoji}", "gv");
  return rgiEmojiPattern;
}

/** The doc of a generated module: the spec's title, a blank line, its doc; empty if neither (nothing is invented). */
export function moduleDocText(protocol: Protocol): string {
  const parts = [protocol.title, protocol.doc].filter((t): t is string => t !== undefined && t.trim() !== "");
  return parts.map((t) => t.trim()).join("\n\n");
}

/** The members of any set whose values are wire strings, in spec order. */
export function setMembers(set: Enum | KeySet | TopicSet): readonly Member[] {
  switch (set.kind) {
    case "enum":
      return set.members;
    case "keySet":
      return set.keys;
    case "topicSet":
      return set.topics;
  }
}

/** Every set of wire strings in the order both languages declare them: enums, key sets, topics. */
export function valueSets(protocol: Protocol): readonly (Enum | KeySet | TopicSet)[] {
  return [...protocol.enums, ...protocol.keySets, ...protocol.topicSets];
}
