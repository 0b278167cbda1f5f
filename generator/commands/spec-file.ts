/** Reading the spec and printing diagnostics: the I/O shared by every command. */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";

export interface SpecFile {
  /** The path as the user gave it, POSIX separators: used in every message. */
  readonly display: string;
  /** The directory outputs are relative to. */
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
  const shown = relative(process.cwd(), absolute) || path;
  return { display: shown.split(sep).join("/"), root: dirname(absolute), text };
}

/** Prints diagnostics with code frames to stderr, and a count line. */
export function printDiagnostics(spec: SpecFile, diagnostics: readonly Diagnostic[]): void {
  const sources = new Map([[spec.display, spec.text]]);
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d, sources)}\n\n`);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const counts = [plural(errors, "error"), ...(warnings > 0 ? [plural(warnings, "warning")] : [])].join(", ");
  if (errors > 0) process.stderr.write(`${counts} in ${spec.display}; no file was written.\n`);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
