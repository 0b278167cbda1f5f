/**
 * The stamp `gen` records in the owned-file list: digests of what it read (the spec's bytes, the
 * wire lock it left, the generator's build) and of every file it wrote, and whether it warned
 * about the spec. `check` and `gen` trust a tree whose files all still have the digests recorded,
 * for the same spec, lock and generator, without loading or rendering anything (fast-path.ts);
 * any difference, a one-byte hand edit included, sends them down the full path, which compares
 * the rendered files (and prints the diffs) or writes them. Pure apart from hashing; the
 * commands read and write the files.
 */
import { createHash } from "node:crypto";

export interface Stamp {
  /** The build of the generator that wrote the files (a digest of its sources and manifests). */
  readonly generator: string;
  /** Digest of the spec file's bytes. */
  readonly spec: string;
  /** Digest of the wire lock's bytes as gen left it ("" when there is none). */
  readonly lock: string;
  /**
   * Present (true) when gen printed warnings about the spec: they would be printed again, so
   * gen's fast path leaves such a tree to the full path. Absent otherwise, as in lists written
   * before it existed.
   */
  readonly warned?: true;
  /** Digest of each generated file's bytes, by path relative to the spec's directory. */
  readonly files: { readonly [path: string]: string };
}

/** SHA-256 of the bytes (a string is taken as its UTF-8 encoding), in hex. */
export function digest(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

declare const __WIREDEFS_BUILD_ID__: string | undefined;

/** The build ID the bundler writes into the CLI; "source" when running from the sources (tests). */
export function generatorBuild(): string {
  return typeof __WIREDEFS_BUILD_ID__ === "string" ? __WIREDEFS_BUILD_ID__ : "source";
}

/**
 * `lock`: the wire lock as gen leaves it (its text, or its bytes when gen writes it), undefined
 * for none; `warned`: whether gen printed warnings about the spec.
 */
export function stampOf(
  specDigest: string,
  lock: string | Uint8Array | undefined,
  files: readonly { readonly path: string; readonly bytes: Uint8Array }[],
  warned: boolean,
): Stamp {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    generator: generatorBuild(),
    spec: specDigest,
    lock: lock === undefined ? "" : digest(lock),
    ...(warned ? { warned: true } : {}),
    files: Object.fromEntries(sorted.map((f) => [f.path, digest(f.bytes)])),
  };
}

/** The same spec, lock and file digests, and the same word on warnings (whichever generator build recorded them). */
export function sameDigests(a: Stamp, b: Stamp): boolean {
  const files = Object.keys(a.files);
  return (
    a.spec === b.spec &&
    a.lock === b.lock &&
    a.warned === b.warned &&
    files.length === Object.keys(b.files).length &&
    files.every((path) => a.files[path] === b.files[path])
  );
}

const HEX = /^[0-9a-f]{64}$/;

/** The stamp of a parsed owned-file list, when it has a well-formed one. */
export function stampIn(value: unknown): Stamp | undefined {
  const stamp = (value as { stamp?: unknown } | null)?.stamp as { [key: string]: unknown } | undefined;
  if (typeof stamp !== "object" || stamp === null) return undefined;
  const { generator, spec, lock, warned, files } = stamp;
  if (typeof generator !== "string" || typeof spec !== "string" || typeof lock !== "string") return undefined;
  if (!HEX.test(spec) || (lock !== "" && !HEX.test(lock))) return undefined;
  if (warned !== undefined && warned !== true) return undefined;
  if (typeof files !== "object" || files === null || Array.isArray(files)) return undefined;
  const entries = Object.entries(files as { [path: string]: unknown });
  if (!entries.every(([, d]) => typeof d === "string" && HEX.test(d))) return undefined;
  return { generator, spec, lock, ...(warned === true ? { warned } : {}), files: Object.fromEntries(entries) as { [path: string]: string } };
}
