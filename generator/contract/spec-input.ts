/** Reading and loading the spec for the `breaking` and `lint` commands (CLI edge: reads files, prints). */
import { readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { Option } from "commander";
import { formatDiagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol } from "../model.js";

/** The spec loader's signature (generator/spec/index.ts). */
export type LoadProtocol = (
  text: string,
  file: string,
) =>
  | { readonly ok: true; readonly protocol: Protocol; readonly warnings: readonly Diagnostic[]; readonly source: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** What the CLI passes to `registerBreakingCommand` and `registerLintCommand`. */
export interface CommandDeps {
  readonly loadProtocol: LoadProtocol;
  /** The shared `-s, --spec <file>` option; a plain one is made when absent. */
  readonly specOption?: () => Option;
}

export interface LoadedSpec {
  readonly protocol: Protocol;
  /** The path as shown in messages (relative to the working directory, POSIX separators). */
  readonly display: string;
  readonly text: string;
}

/** `protocol.yaml` → `protocol.lock.json`, next to the spec. */
export function lockPathFor(specPath: string): string {
  return `${specPath.replace(/\.ya?ml$/i, "")}.lock.json`;
}

export function displayPath(path: string): string {
  const shown = relative(process.cwd(), resolve(path)) || path;
  return shown.split(sep).join("/");
}

/** Reads a file, or undefined when it does not exist (other errors throw). */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Loads `text` as `display`; prints the diagnostics and returns undefined when it is not a valid spec. */
export function loadOrReport(load: LoadProtocol, text: string, display: string): LoadedSpec | undefined {
  const loaded = load(text, display);
  if (!loaded.ok) {
    printDiagnostics(loaded.diagnostics, new Map([[display, text]]));
    return undefined;
  }
  return { protocol: loaded.protocol, display, text };
}

/** Reads and loads the spec at `path`; prints why not and returns undefined on failure. */
export function readSpecFile(load: LoadProtocol, path: string): LoadedSpec | undefined {
  const display = displayPath(path);
  const text = readIfExists(path);
  if (text === undefined) {
    process.stderr.write(`error: cannot read spec ${display}: no such file\n  hint: pass the spec with --spec FILE\n`);
    return undefined;
  }
  return loadOrReport(load, text, display);
}

export function printDiagnostics(list: readonly Diagnostic[], sources: ReadonlyMap<string, string>): void {
  for (const d of list) process.stderr.write(`${formatDiagnostic(d, sources)}\n\n`);
}
