/**
 * Offsets into a document's text ↔ LSP positions. A JavaScript string is indexed in UTF-16 code
 * units, the unit LSP positions count in, so a character is an offset minus its line's start.
 * Lines end at LF, CRLF or a lone CR, as LSP defines them.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export class LineIndex {
  /** The offset each line starts at. */
  private readonly starts: number[] = [0];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    const at = Math.min(Math.max(0, offset), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: at - (this.starts[lo] ?? 0) };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offset of a position; a line or character past the end clamps to the end of the text or line. */
  offset(position: Position): number {
    const line = Math.floor(Number(position.line));
    if (!(line >= 0)) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line] ?? 0;
    const character = Math.max(0, Math.floor(Number(position.character)) || 0);
    return Math.min(start + character, this.lineEnd(line));
  }

  /** The offset of the line break ending `line` (or the end of the text). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    const crlf = this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10;
    return next - (crlf ? 2 : 1);
  }
}
