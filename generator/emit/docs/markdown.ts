/**
 * Markdown escaping: the docs target's one mechanism for spec text. Spec text (docs, section
 * titles, reasons, labels) is plain text in which `code spans` are kept; everything else that
 * Markdown or HTML would interpret is escaped, so a doc can never break a table, open a fence,
 * start a heading, inject a tag, or make a link or image: no `[…](…)`, `![…](…)`, reference
 * definition or footnote (brackets escaped), no `<…>` autolink or raw HTML (`<` escaped), and no
 * GFM autolink literal (the `:` after `http`, `https`, `ftp`, `mailto` and `xmpp`, the `.` of
 * `www.` escaped, an empty comment before an e-mail address's `@`, so neither a URL, a `www.`
 * domain nor an address is recognised). Invisible characters are shown as `\uXXXX` everywhere, code included.
 */
import { escapeInvisible, splitLines, unicodeEscape } from "../text.js";

/** Spec text with every invisible character (and line break) shown as `\uXXXX`. */
export function shown(text: string): string {
  return escapeInvisible(text, unicodeEscape);
}

interface Segment {
  readonly code: boolean;
  readonly text: string;
}

/** Splits one line into plain text and complete code spans (CommonMark: equal backtick runs). */
function segments(line: string): Segment[] {
  const out: Segment[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < line.length) {
    if (line[i] !== "`") {
      i++;
      continue;
    }
    const open = runEnd(line, i);
    const close = findRun(line, open, open - i);
    if (close < 0) {
      i = open;
      continue;
    }
    if (i > plainStart) out.push({ code: false, text: line.slice(plainStart, i) });
    const end = close + (open - i);
    out.push({ code: true, text: line.slice(i, end) });
    i = end;
    plainStart = end;
  }
  if (plainStart < line.length) out.push({ code: false, text: line.slice(plainStart) });
  return out;
}

function runEnd(text: string, start: number): number {
  let j = start;
  while (text[j] === "`") j++;
  return j;
}

/** Index of the next backtick run of exactly `length` at or after `from`, or -1. */
function findRun(text: string, from: number, length: number): number {
  let k = from;
  while (k < text.length) {
    if (text[k] !== "`") {
      k++;
      continue;
    }
    const end = runEnd(text, k);
    if (end - k === length) return k;
    k = end;
  }
  return -1;
}

const PLAIN: { readonly [c: string]: string } = {
  "\\": "\\\\",
  "`": "\\`",
  "|": "\\|",
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "[": "\\[",
  "]": "\\]",
};

/** A URL scheme GFM links bare (`https://…`, `mailto:…`) and `www.`: a backslash before the `:` or `.`. */
const AUTOLINK = /(?<=\b(?:https?|ftp|mailto|xmpp))(?=:)|(?<=\bwww)(?=\.)/gi;

/**
 * The `@` of an e-mail address. GFM (cmark-gfm) finds addresses in text after escapes and
 * character references are resolved, so neither stops it; an empty HTML comment before the `@`
 * does, and shows nothing.
 */
const EMAIL_AT = /(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9_-])/g;

/**
 * Plain text outside code spans: backslashes, stray backticks, pipes, brackets and HTML
 * characters, then what would start an autolink literal (AUTOLINK, EMAIL_AT).
 */
function escapePlain(text: string): string {
  return text
    .replace(/[\\`|&<>[\]]/g, (c) => PLAIN[c] ?? c)
    .replace(AUTOLINK, "\\")
    .replace(EMAIL_AT, "<!-- -->@");
}

/**
 * Where inline Markdown goes. In a table cell every pipe, code spans' included, needs a backslash;
 * elsewhere a backslash in a code span would show.
 */
export type Where = "table" | "text";

/** One line of spec text as inline Markdown: code spans kept, the rest escaped. No line break. */
export function inline(line: string, where: Where): string {
  return segments(shown(line))
    .map((s) => (s.code ? tableSafe(s.text, where) : escapePlain(s.text)))
    .join("");
}

/**
 * A code span for its place. In a table every pipe gets a backslash; where the pipe already
 * follows an odd run of backslashes, renderers disagree on which backslash escapes what
 * (GitHub's cmark-gfm vs micromark), so that span is written as `<code>` with character
 * references instead, which every renderer reads alike.
 */
function tableSafe(span: string, where: Where): string {
  if (where === "text") return span;
  if (/(?:^|[^\\])(?:\\\\)*\\\|/.test(span)) return htmlCode(spanContent(span));
  return span.replace(/\|/g, "\\|");
}

/** The content of a complete code span: delimiters and one padding space each side removed. */
function spanContent(span: string): string {
  const fence = span.length - span.replace(/^`+/, "").length;
  const inner = span.slice(fence, span.length - fence);
  return inner.length > 2 && inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() !== ""
    ? inner.slice(1, -1)
    : inner;
}

function htmlCode(text: string): string {
  return `<code>${text.replace(/[^A-Za-z0-9 ]/gu, (c) => `&#${c.codePointAt(0) ?? 0};`)}</code>`;
}

/** Spec text on one line, `<br>` for its line breaks. */
export function flat(text: string | undefined, where: Where): string {
  if (text === undefined) return "";
  return splitLines(text.trim())
    .map((l) => inline(l.trim(), where))
    .join("<br>");
}

/** Spec text for a table cell: one line, every pipe escaped. */
export function cell(text: string | undefined): string {
  return flat(text, "table");
}

/** Spec text for a heading: one line, `#` escaped so a trailing run is not a closing sequence. */
export function headingText(text: string): string {
  const flat = splitLines(text.trim())
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join(" ");
  return inline(flat, "text").replace(/#/g, "\\#");
}

/** A code span holding `text` verbatim (a longer fence when it has backticks). */
export function code(text: string, where: Where = "table"): string {
  return splitLines(text)
    .map((l) => tableSafe(codeLine(shown(l)), where))
    .join("<br>");
}

function codeLine(text: string): string {
  if (text === "") return "` `";
  const runs = text.match(/`+/g) ?? [];
  const longest = runs.reduce((n, r) => Math.max(n, r.length), 0);
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || (text.startsWith(" ") && text.endsWith(" ")) ? " " : "";
  return fence + pad + text + pad + fence;
}

/** A fenced block whose fence is longer than any backtick run in `lines` (shown, see above). */
export function fenced(info: string, raw: readonly string[]): string[] {
  const lines = raw.map(shown);
  const longest = lines.reduce((n, l) => Math.max(n, ...(l.match(/`+/g) ?? []).map((r) => r.length)), 0);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [fence + info, ...lines, fence];
}

/** A Markdown link to an anchor in this document. */
export function link(label: string, anchor: string): string {
  return `[${label}](#${anchor})`;
}

/** An inline anchor target. */
export function anchorTag(anchor: string): string {
  return `<a id="${anchor}"></a>`;
}

/** The body of an HTML comment: no `<` or `>`, so nothing in it can close or nest the comment. */
export function commentText(text: string): string {
  return shown(text).replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
