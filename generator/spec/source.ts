/** Turning offsets and YAML nodes into `Span`s of the spec file. */
import type { LineCounter, Node } from "yaml";
import type { Span } from "../model.js";

export interface Source {
  readonly file: string;
  readonly text: string;
  readonly lines: LineCounter;
}

export function spanAt(source: Source, start: number, end: number): Span {
  const safeStart = clamp(start, 0, source.text.length);
  const safeEnd = clamp(end, safeStart, source.text.length);
  const pos = source.lines.linePos(safeStart);
  return { file: source.file, start: safeStart, end: safeEnd, line: pos.line, col: pos.col };
}

/** The span of a node's own text (without trailing comments); the start of the file for none. */
export function spanOf(source: Source, node: Node | null | undefined): Span {
  const range = node?.range;
  if (range === undefined || range === null) return spanAt(source, 0, 0);
  return spanAt(source, range[0], range[1]);
}

function clamp(n: number, low: number, high: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(n, low), high) : low;
}
