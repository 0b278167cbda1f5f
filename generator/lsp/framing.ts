/**
 * The LSP base protocol: each message is a header block (`Content-Length: N`, optionally
 * `Content-Type`, each line ending CRLF, then an empty line) followed by N bytes of UTF-8 JSON.
 * Pure: bytes in, messages out, and back.
 */

/** One framed message as read: its JSON value, or why its body is not JSON. */
export type Frame = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

const HEADER_END = Buffer.from("\r\n\r\n");
/** A header block longer than this without its end is not LSP; drop it rather than buffer forever. */
const MAX_HEADER = 8 * 1024;

export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  /** Adds bytes read from the stream; returns every message they complete. */
  push(chunk: Buffer): Frame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: Frame[] = [];
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER) {
          out.push({ ok: false, error: "a header block without its end" });
          this.buffer = Buffer.alloc(0);
        }
        return out;
      }
      const length = contentLength(this.buffer.subarray(0, end).toString("latin1"));
      const bodyStart = end + HEADER_END.length;
      if (length === undefined) {
        out.push({ ok: false, error: "a header block without a valid Content-Length" });
        this.buffer = this.buffer.subarray(bodyStart);
        continue;
      }
      if (this.buffer.length < bodyStart + length) return out;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString("utf8");
      this.buffer = this.buffer.subarray(bodyStart + length);
      try {
        out.push({ ok: true, value: JSON.parse(body) as unknown });
      } catch (error) {
        out.push({ ok: false, error: `the body is not JSON: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
}

function contentLength(header: string): number | undefined {
  for (const line of header.split("\r\n")) {
    const match = /^content-length:[ \t]*([0-9]{1,9})[ \t]*$/i.exec(line);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}

/** A message as bytes on the wire. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), "utf8");
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]);
}
