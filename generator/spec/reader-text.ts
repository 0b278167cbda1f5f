/**
 * The text the common-YAML reader reads, and the way back to the file's offsets. The yaml package
 * reads CRLF as one line break and skips a byte order mark at the start, so a file checked out
 * with CRLF (git's `core.autocrlf=true`) or saved with a BOM (as some Windows editors save UTF-8)
 * composes the tree of the same text with LF and without the BOM, except that every offset is
 * one further for the BOM and for each CR before it. The reader reads that text, and the offsets
 * of the tree it built are moved back onto the file's.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import type { Node } from "yaml";

/** A text with each CRLF made LF and a leading BOM dropped, and where what was dropped sat. */
export interface ReaderText {
  readonly text: string;
  /** Whether the file starts with a byte order mark (dropped from `text`). */
  readonly bom: boolean;
  /** Ascending offsets, in `text`, of the LFs that had a CR before them. */
  readonly crBefore: readonly number[];
}

/** The text with CRLF made LF and a leading BOM dropped (a lone CR stays, for the reader to give way on). */
export function readerText(file: string): ReaderText {
  const bom = file.startsWith("\ufeff");
  const text = bom ? file.slice(1) : file;
  const crBefore: number[] = [];
  if (!text.includes("\r\n")) return { text, bom, crBefore };
  for (let at = text.indexOf("\r\n"); at !== -1; at = text.indexOf("\r\n", at + 2)) {
    crBefore.push(at - crBefore.length);
  }
  return { text: text.replaceAll("\r\n", "\n"), bom, crBefore };
}

/**
 * Moves every range in the tree from offsets in the reader's text to offsets in the file: an
 * offset gains one for the BOM and one for each dropped CR whose LF comes before it, so an
 * offset at an LF lands on its CR, where the yaml package ends a line's content too.
 */
export function moveToFile(root: Node, read: ReaderText): void {
  const { crBefore } = read;
  const shift = read.bom ? 1 : 0;
  if (crBefore.length === 0 && shift === 0) return;
  const inFile = (offset: number): number => {
    let low = 0;
    let high = crBefore.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((crBefore[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    return offset + shift + low;
  };
  const move = (node: unknown): void => {
    if (node instanceof Pair) {
      move(node.key);
      move(node.value);
      return;
    }
    if (!(node instanceof Scalar || node instanceof YAMLMap || node instanceof YAMLSeq)) return;
    const range = node.range;
    if (range) {
      range[0] = inFile(range[0]);
      range[1] = inFile(range[1]);
      range[2] = inFile(range[2]);
    }
    if (!(node instanceof Scalar)) for (const item of node.items) move(item);
  };
  move(root);
}
