/**
 * Diagnostics: one shape for every problem any stage reports, and their printing.
 *
 * Every code lives in `CODES` (one table, like a compiler's); creating a diagnostic with a code
 * that is not in the table throws, so a typo can't invent a code. Stages return diagnostics;
 * only the CLI prints them and sets the exit code.
 */
import type { Span } from "./model.js";

export type Severity = "error" | "warning";

export interface Related {
  readonly message: string;
  readonly span: Span;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: Span | undefined;
  /** How to fix it ("did you mean …?", "quote the value"). */
  readonly hint?: string | undefined;
  /** Other places involved (the first definition of a duplicate, say). */
  readonly related?: readonly Related[] | undefined;
}

export interface CodeInfo {
  readonly severity: Severity;
  /** What the code is about, one line (printed by `wiredefs explain`-style docs and the README). */
  readonly title: string;
}

/**
 * The table. Stages register their codes here; keep codes stable once released.
 * WD1xx: reading YAML; WD2xx: spec structure; WD3xx: semantic rules; WD4xx: names;
 * WD5xx: outputs; WD6xx: wire contract (lock, breaking); WD7xx: lint.
 */
export const CODES: { readonly [code: string]: CodeInfo } = {};

/** Adds codes to the table (each stage calls this once at module load). */
export function registerCodes(codes: { readonly [code: string]: CodeInfo }): void {
  for (const [code, info] of Object.entries(codes)) {
    if (Object.hasOwn(CODES, code)) throw new Error(`diagnostic code registered twice: ${code}`);
    (CODES as { [code: string]: CodeInfo })[code] = info;
  }
}

export function diagnostic(
  code: string,
  message: string,
  span?: Span,
  extra: { hint?: string | undefined; related?: readonly Related[] | undefined } = {},
): Diagnostic {
  const info = CODES[code];
  if (info === undefined) throw new Error(`unknown diagnostic code: ${code}`);
  return {
    code,
    severity: info.severity,
    message,
    ...(span === undefined ? {} : { span }),
    ...(extra.hint === undefined ? {} : { hint: extra.hint }),
    ...(extra.related === undefined || extra.related.length === 0 ? {} : { related: extra.related }),
  };
}

/** Sorts by file, then offset, then code: a stable order for printing and for tests. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.span?.file ?? "").localeCompare(b.span?.file ?? "") ||
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      a.code.localeCompare(b.code),
  );
}

/** `protocol.yaml:12:5` */
export function formatLocation(span: Span): string {
  return `${span.file}:${span.line}:${span.col}`;
}

/**
 * Prints one diagnostic: `file:line:col severity CODE: message`, then a code frame when the
 * source text is known, then the hint and the related locations.
 */
export function formatDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, string> = new Map()): string {
  const where = d.span === undefined ? "" : `${formatLocation(d.span)} `;
  const lines = [`${where}${d.severity} ${d.code}: ${d.message}`];
  if (d.span !== undefined) {
    const text = sources.get(d.span.file);
    if (text !== undefined) lines.push(codeFrame(text, d.span));
  }
  if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  for (const r of d.related ?? []) lines.push(`  ${formatLocation(r.span)} ${r.message}`);
  return lines.join("\n");
}

/** Widest source text a frame shows per line; longer lines are cut to a window around the span. */
const FRAME_WIDTH = 100;

/**
 * A frame of the line before, the line itself with a caret run under the span, and the line after.
 * Control characters are shown as `\u{…}` escapes (never sent raw to a terminal), and a long line is
 * cut to a window around the span, so a frame stays readable whatever the file holds.
 */
export function codeFrame(text: string, span: Span): string {
  const starts = lineStarts(text);
  const lineCount = starts.length;
  const lineOf = (i: number): string => {
    const start = starts[i];
    if (start === undefined) return "";
    const next = starts[i + 1];
    return text.slice(start, next === undefined ? text.length : next - 1).replace(/\r$/, "");
  };
  const index = span.line - 1;
  const width = String(Math.min(lineCount, span.line + 1)).length;
  const startCol = span.col - 1;
  const target = lineOf(index);
  const spanLength = Math.max(1, Math.min(span.end - span.start, target.length - startCol));
  // One window for all three lines, so they stay aligned.
  const from = startCol + spanLength <= FRAME_WIDTH ? 0 : Math.max(0, startCol - 20);
  const out: string[] = [];
  for (let i = Math.max(0, index - 1); i <= Math.min(lineCount - 1, index + 1); i++) {
    const lineText = lineOf(i);
    const shown = visible(lineText.slice(from, from + FRAME_WIDTH));
    const cut = `${from > 0 ? "…" : ""}${shown}${lineText.length > from + FRAME_WIDTH ? "…" : ""}`;
    const marker = i === index ? ">" : " ";
    out.push(`${marker} ${String(i + 1).padStart(width)} | ${cut}`.trimEnd());
    if (i === index) {
      const before = visible(lineText.slice(from, startCol)).length + (from > 0 ? 1 : 0);
      const under = visible(lineText.slice(startCol, startCol + spanLength)).length;
      const carets = Math.max(1, Math.min(under, FRAME_WIDTH));
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(before)}${"^".repeat(carets)}`);
    }
  }
  return out.join("\n");
}

/**
 * Where each line of `text` starts (lines end at LF, as the frame counts them), computed once per
 * text: every diagnostic of a spec frames the same text, and splitting it per diagnostic made
 * printing n diagnostics quadratic.
 */
let lastLines: { readonly text: string; readonly starts: readonly number[] } | undefined;
function lineStarts(text: string): readonly number[] {
  if (lastLines !== undefined && lastLines.text === text) return lastLines.starts;
  // Lines end at LF, CRLF or a lone CR (the loader reads a CR-only file's lines the same way).
  const starts = [0];
  const breaks = /\r\n?|\n/g;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  lastLines = { text, starts };
  return starts;
}

/** Text with control and invisible formatting characters escaped for a terminal. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) =>
    `\\u{${c.codePointAt(0)?.toString(16) ?? ""}}`,
  );
}

/** The closest candidate by edit distance, when it is close enough to be a likely typo. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  for (const c of candidates) {
    // The distance is at least the difference in length: a candidate that cannot be close
    // enough, or closer than the best so far, costs no distance computation.
    const candidate = c.toLowerCase();
    const bound = Math.abs(candidate.length - lower.length);
    if (bound > limit || bound >= bestDistance) continue;
    const d = editDistanceAtMost(lower, candidate, Math.min(limit, bestDistance - 1));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= limit ? best : undefined;
}

/**
 * The edit distance of `a` and `b` when it is at most `max`, else `max + 1`: a row whose every
 * cell exceeds `max` ends the computation, so far-off candidates cost one or two rows.
 */
function editDistanceAtMost(a: string, b: string, max: number): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const cell = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] as number, max + 1);
}
