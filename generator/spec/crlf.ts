/**
 * CRLF line ends for the common-YAML reader. The yaml package reads CRLF as one line break, so a
 * file checked out with CRLF (git's `core.autocrlf=true`) composes the tree of the same text with
 * LF, except that every offset past a line break is one further per CR before it. The reader
 * reads the LF text, and the offsets of the tree it built are moved back onto the file's.
 */
import { isMap, isPair, isScalar, isSeq } from "yaml";
import type { Node } from "yaml";

/** A text with each CRLF made LF, and where each dropped CR's LF sits in the new text. */
export interface LfText {
  readonly text: string;
  /** Ascending offsets, in `text`, of the LFs that had a CR before them. */
  readonly droppedBefore: readonly number[];
}

/** The text with CRLF made LF (a lone CR stays, for the reader to give way on). */
export function withLf(text: string): LfText {
  const droppedBefore: number[] = [];
  if (!text.includes("\r\n")) return { text, droppedBefore };
  for (let at = text.indexOf("\r\n"); at !== -1; at = text.indexOf("\r\n", at + 2)) {
    droppedBefore.push(at - droppedBefore.length);
  }
  return { text: text.replaceAll("\r\n", "\n"), droppedBefore };
}

/**
 * Moves every range in the tree from offsets in the LF text to offsets in the original one: an
 * offset gains one for each dropped CR whose LF comes before it, so an offset at an LF lands on
 * its CR, where the yaml package ends a line's content too.
 */
export function moveToOriginal(root: Node, lf: LfText): void {
  const dropped = lf.droppedBefore;
  if (dropped.length === 0) return;
  const original = (offset: number): number => {
    let low = 0;
    let high = dropped.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((dropped[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
  const move = (node: unknown): void => {
    if (isPair(node)) {
      move(node.key);
      move(node.value);
      return;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return;
    const range = node.range;
    if (range) node.range = [original(range[0]), original(range[1]), original(range[2])];
    if (!isScalar(node)) for (const item of node.items) move(item);
  };
  move(root);
}
