/**
 * The orchestrator: spec text → every generated file, in one pure function.
 *
 *   load + check (spec/) → names (names/) → emit/<target> → GeneratedFile[]
 *
 * No I/O here; the CLI reads the spec and writes or compares the result.
 */
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import type { GeneratedFile, Protocol } from "./model.js";
import type { Names } from "./names/index.js";
import { loadProtocol } from "./spec/index.js";
import { namesOf, TARGETS } from "./targets.js";

export type GenerateResult =
  | {
      readonly ok: true;
      readonly protocol: Protocol;
      readonly files: readonly GeneratedFile[];
      /** The directories the outputs own: a file in one of them that is not in `files` is orphaned. */
      readonly outputDirs: readonly string[];
      readonly warnings: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Loads, checks and emits. `file` is the spec path as it should appear in messages. */
export function generate(text: string, file: string): GenerateResult {
  const loaded = loadProtocol(text, file);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const { names, diagnostics } = namesOf(loaded.protocol);
  if (diagnostics.some((d) => d.severity === "error")) {
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  const files = emitAll(loaded.protocol, names);
  return {
    ok: true,
    protocol: loaded.protocol,
    files,
    outputDirs: outputDirs(loaded.protocol),
    warnings: sortDiagnostics([...loaded.warnings, ...diagnostics]),
  };
}

/** Runs every target the spec's `outputs` names, in a fixed order; paths sorted, checked unique. */
export function emitAll(protocol: Protocol, names: Names): GeneratedFile[] {
  const files = TARGETS.flatMap((target) => (target.enabled(protocol) ? target.emit(protocol, names) : []));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two emitters produced ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function outputDirs(protocol: Protocol): string[] {
  const o = protocol.outputs;
  return [o.typescript?.dir, o.python?.dir, o.docs?.dir, o.schema?.dir].filter((d): d is string => d !== undefined);
}
