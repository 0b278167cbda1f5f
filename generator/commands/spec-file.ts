/** Reading and loading the spec, and printing diagnostics: the I/O shared by every command. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { diagnostic } from "../diagnostics.js";
import { digest } from "../write/stamp.js";
import type { Protocol } from "../model.js";
import { loadProtocol } from "../spec/index.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics } from "./output.js";

export interface SpecFile {
  /** The path relative to the working directory, POSIX separators: used in every message. */
  readonly display: string;
  /** The directory outputs and the lock are relative to. */
  readonly root: string;
  /**
   * How many directories the spec's directory lies below the repository root: the nearest
   * ancestor holding `.git`, or `--root`; 0 when there is neither (outputs then stay in the spec's
   * directory). Output directories may climb (`..`) that far and no further.
   */
  readonly depth: number;
  readonly text: string;
  /** Digest of the file's bytes (what gen records and check's fast path compares). */
  readonly digest?: string | undefined;
}

/**
 * Reads the spec, or prints why it can't and returns the exit code: EXIT.usage when the file
 * cannot be read, EXIT.findings when its bytes are not UTF-8 text (a located problem in the spec).
 */
export function readSpec(path: string, rootOption?: string): SpecFile | ExitCode {
  const absolute = resolve(path);
  let bytes: Buffer;
  try {
    // A FIFO or a device would block or never end: read regular files only.
    const stat = statSync(absolute);
    if (!stat.isFile() && !stat.isDirectory()) throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "ENOTREG"
            ? "it is not a regular file (a FIFO, socket or device)"
            : String(error);
    process.stderr.write(`error: cannot read spec ${path}: ${reason}\n  hint: pass the spec with --spec FILE\n`);
    return EXIT.usage;
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const at = firstInvalidUtf8(bytes);
    const span = { file: displayPath(absolute), start: at.offset, end: at.offset + 1, line: at.line, col: at.col };
    const d = diagnostic("WD110", `the spec is not UTF-8 text (invalid byte 0x${at.byte})`, span, { hint: "save the file as UTF-8" });
    printDiagnostics([d], new Map());
    return EXIT.findings;
  }
  const depth = rootDepth(dirname(absolute), rootOption);
  if (typeof depth === "number" && depth < 0) {
    process.stderr.write(`error: --root ${rootOption ?? ""} does not hold the spec ${displayPath(absolute)}\n  hint: name a directory the spec is in, such as the repository root\n`);
    return EXIT.usage;
  }
  return { display: displayPath(absolute), root: dirname(absolute), depth, text, digest: digest(bytes) };
}

/** Directories between the root (`--root`, else the nearest ancestor with `.git`) and `dir`; -1 when the root does not hold it. */
export function rootDepth(dir: string, rootOption?: string): number {
  const depthOf = (root: string): number => {
    const rel = relative(root, dir);
    if (rel === "") return 0;
    if (rel.startsWith("..") || isAbsolute(rel)) return -1;
    return rel.split(sep).length;
  };
  if (rootOption !== undefined) return depthOf(resolve(rootOption));
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, ".git"))) return depthOf(at);
    if (dirname(at) === at) return 0;
  }
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Line, column (in characters) and value of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number; offset: number; byte: string } {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection over decodability (a cut inside a character fails too,
  // so step back to the character's start before reporting).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (decodeUtf8(bytes.subarray(0, mid)) !== undefined) lo = mid;
    else hi = mid - 1;
  }
  const prefix = decodeUtf8(bytes.subarray(0, lo)) ?? "";
  const lines = prefix.split("\n");
  const last = lines[lines.length - 1] ?? "";
  return { line: lines.length, col: last.length + 1, offset: prefix.length, byte: (bytes[lo] ?? 0).toString(16).padStart(2, "0") };
}

/**
 * Reads and checks the spec; prints every problem and returns the exit code when there is none to
 * use: EXIT.usage when it cannot be read, EXIT.findings when it is not valid.
 */
export function loadSpec(path: string): { readonly spec: SpecFile; readonly protocol: Protocol } | ExitCode {
  const spec = readSpec(path);
  if (typeof spec === "number") return spec;
  const loaded = loadProtocol(spec.text, spec.display);
  if (!loaded.ok) {
    printDiagnostics(loaded.diagnostics, sourcesOf(spec));
    return EXIT.findings;
  }
  return { spec, protocol: loaded.protocol };
}

/** `path` relative to the working directory, POSIX separators. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), resolve(path)) || path;
  return shown.split(sep).join("/");
}

export function sourcesOf(spec: SpecFile): ReadonlyMap<string, string> {
  return new Map([[spec.display, spec.text]]);
}

/** Printing lives in output.ts (text, JSON lines or GitHub annotations); re-exported for the commands. */
export { plural, printDiagnostics } from "./output.js";
