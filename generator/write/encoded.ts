/**
 * A generated file as the bytes `gen` writes: its text encoded to UTF-8 once, so the digest the
 * stamp records, the comparison with the file on disk and the write itself all use the same
 * buffer (no second encoding, no second copy of a large output).
 */
import type { GeneratedFile } from "../model.js";

export interface EncodedFile {
  /** Path relative to the spec's directory, POSIX separators. */
  readonly path: string;
  /** The text's UTF-8 encoding. */
  readonly bytes: Uint8Array;
}

export function encodeFile(file: GeneratedFile): EncodedFile {
  return { path: file.path, bytes: Buffer.from(file.text, "utf8") };
}

/** Whether two byte strings are equal (a memory comparison, no decoding). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
