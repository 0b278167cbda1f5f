/** Reading and loading the spec, and printing diagnostics: the I/O shared by every command. */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import type { Protocol } from "../model.js";
import { loadProtocol } from "../spec/index.js";

export interface SpecFile {
  /** The path relative to the working directory, POSIX separators: used in every message. */
  readonly display: string;
  /** The directory outputs and the lock are relative to. */
  readonly root: string;
  readonly text: string;
}

/** Reads the spec, or prints why it can't and returns undefined. */
export function readSpec(path: string): SpecFile | undefined {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    process.stderr.write(`error: cannot read spec ${path}: ${reason}\n  hint: pass the spec with --spec FILE\n`);
    return undefined;
  }
  return { display: displayPath(absolute), root: dirname(absolute), text };
}

/** Reads and checks the spec; prints every problem and returns undefined when it is not valid. */
export function loadSpec(path: string): { readonly spec: SpecFile; readonly protocol: Protocol } | undefined {
  const spec = readSpec(path);
  if (spec === undefined) return undefined;
  const loaded = loadProtocol(spec.text, spec.display);
  if (!loaded.ok) {
    printDiagnostics(loaded.diagnostics, sourcesOf(spec));
    return undefined;
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

/** Prints diagnostics with code frames to stderr, then a count line ending with `outcome`. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  outcome?: string,
): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d, sources)}\n\n`);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (errors === 0) return;
  const counts = [plural(errors, "error"), ...(warnings > 0 ? [plural(warnings, "warning")] : [])].join(", ");
  const files = [...new Set(diagnostics.flatMap((d) => (d.span === undefined ? [] : [d.span.file])))];
  const where = files.length === 0 ? "" : ` in ${files.join(", ")}`;
  process.stderr.write(`${counts}${where}${outcome === undefined ? "" : `; ${outcome}`}.\n`);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
