/** Reading and loading the spec, and printing diagnostics: the I/O shared by every command. */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { Protocol } from "../model.js";
import { loadProtocol } from "../spec/index.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics } from "./output.js";

export interface SpecFile {
  /** The path relative to the working directory, POSIX separators: used in every message. */
  readonly display: string;
  /** The directory outputs and the lock are relative to. */
  readonly root: string;
  readonly text: string;
}

/**
 * Reads the spec, or prints why it can't and returns the exit code: EXIT.usage when the file
 * cannot be read, EXIT.findings when its bytes are not UTF-8 text (a located problem in the spec).
 */
export function readSpec(path: string): SpecFile | ExitCode {
  const absolute = resolve(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : String(error);
    process.stderr.write(`error: cannot read spec ${path}: ${reason}\n  hint: pass the spec with --spec FILE\n`);
    return EXIT.usage;
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const at = firstInvalidUtf8(bytes);
    process.stderr.write(
      `${displayPath(absolute)}:${at.line}:${at.col} error: the spec is not UTF-8 text (invalid byte 0x${at.byte})\n` +
        "  hint: save the file as UTF-8\n",
    );
    return EXIT.findings;
  }
  return { display: displayPath(absolute), root: dirname(absolute), text };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Line, column (in characters) and value of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number; byte: string } {
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
  return { line: lines.length, col: last.length + 1, byte: (bytes[lo] ?? 0).toString(16).padStart(2, "0") };
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
