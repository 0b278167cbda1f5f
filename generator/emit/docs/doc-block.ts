/**
 * A multi-line doc string as Markdown blocks. Line structure is kept, so lists written in a doc
 * stay lists; an indented run after a line ending in `:` or after a blank line (an example, as
 * docstrings write them) becomes a fenced text block shown verbatim; every other line is escaped
 * so it can neither open a heading, a fence, a quote or HTML, nor underline the line above.
 */
import { splitLines } from "../text.js";
import { fenced, inline } from "./markdown.js";

const LIST_ITEM = /^\s*(?:[-+*]|\d{1,9}[.)])(?:\s|$)/;
/** A list marker and the whitespace after it, which when wide would open code inside the item. */
const LIST_MARKER_GAP = /^([-+*]|\d{1,9}[.)])[ \t]+/;
const INDENTED = /^(?: {4}|\t)/;
/** A thematic break or a setext underline: one of `=-*_`, repeated, spaces allowed. */
const RULE_OR_UNDERLINE = /^([=\-*_])(?:\s*\1)*$/;

/** The doc's lines as Markdown, without leading or trailing blank lines; [] when absent. */
export function docBlock(doc: string | undefined): string[] {
  if (doc === undefined || doc.trim() === "") return [];
  const lines = splitLines(doc.trim()).map((l) => l.trimEnd());
  const out: string[] = [];
  let inList = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const previous = lines[i - 1];
    const startsExample =
      INDENTED.test(line) && !inList && previous !== undefined && (previous === "" || previous.endsWith(":"));
    if (startsExample) {
      const end = exampleEnd(lines, i);
      if (previous !== "") out.push("");
      out.push(...fenced("text", dedent(lines.slice(i, end))));
      if (end < lines.length) out.push("");
      i = end;
      continue;
    }
    if (line === "") inList = false;
    else if (LIST_ITEM.test(line)) inList = true;
    out.push(blockLine(line));
    i++;
  }
  return collapseBlanks(out);
}

/** Index after the indented run starting at `start`, trailing blank lines left out. */
function exampleEnd(lines: readonly string[], start: number): number {
  let end = start;
  let last = start;
  while (end < lines.length) {
    const l = lines[end] ?? "";
    if (l !== "" && !INDENTED.test(l)) break;
    if (l !== "") last = end;
    end++;
  }
  return last + 1;
}

function dedent(lines: readonly string[]): string[] {
  const widths = lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const cut = widths.length === 0 ? 0 : Math.min(...widths);
  return lines.map((l) => l.slice(cut));
}

/** One doc line outside an example: leading indentation kept, block syntax neutralised. */
function blockLine(line: string): string {
  const indent = line.slice(0, line.length - line.trimStart().length);
  const body = inline(line.trimStart().replace(LIST_MARKER_GAP, "$1 "), "text");
  return indent + (opensBlock(body) ? `\\${body}` : body);
}

/** A heading, a `~~~` fence, a thematic break or a setext underline (a lone `-` included). */
function opensBlock(body: string): boolean {
  return /^(?:#|~~~)/.test(body) || RULE_OR_UNDERLINE.test(body);
}

/**
 * Inline Markdown (already escaped) that starts a line inside a list item or paragraph of ours:
 * a leading list marker is escaped too, so it reads as text.
 */
export function lineStart(text: string): string {
  if (opensBlock(text) || /^[-+*](?:\s|$)/.test(text)) return `\\${text}`;
  return text.replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

function collapseBlanks(lines: readonly string[]): string[] {
  return lines.filter((l, i) => l !== "" || (i > 0 && lines[i - 1] !== ""));
}
