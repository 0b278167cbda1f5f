/**
 * The orchestrator: spec text → every generated file, in one pure function.
 *
 *   load + check (spec/) → names (names/) → emit/<target> → GeneratedFile[]
 *
 * No I/O here; the CLI reads the spec and writes or compares the result.
 */
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import type { GeneratedFile, Protocol } from "./model.js";
import { assignNames, type Names } from "./names/index.js";
import { loadProtocol } from "./spec/index.js";
import { TARGETS, type Target } from "./targets.js";

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

export interface GenerateOptions {
  /**
   * Emit only these targets (by name: typescript, python, docs, schema); all by default. A target
   * whose directory overlaps a chosen one's is emitted too, so no file it owns looks orphaned.
   */
  readonly targets?: readonly string[] | undefined;
  /** Called as each stage starts ("loading the spec", "emitting python"…), for progress reports. */
  readonly onStage?: ((stage: string) => void) | undefined;
}

/** Loads, checks and emits. `file` is the spec path as it should appear in messages. */
export function generate(text: string, file: string, options: GenerateOptions = {}): GenerateResult {
  const stage = options.onStage ?? ((): void => undefined);
  stage("loading the spec");
  const loaded = loadProtocol(text, file);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  stage("assigning names");
  const { names, diagnostics } = assignNames(loaded.protocol);
  if (diagnostics.some((d) => d.severity === "error")) {
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  const chosen = selectTargets(loaded.protocol, options.targets);
  const files = emitAll(loaded.protocol, names, chosen, stage);
  return {
    ok: true,
    protocol: loaded.protocol,
    files,
    outputDirs: outputDirs(loaded.protocol, chosen),
    warnings: sortDiagnostics([...loaded.warnings, ...diagnostics]),
  };
}

/**
 * The enabled targets to emit: every one, or the named ones plus any whose directory is, contains
 * or lies inside a named one's (their files share a directory, so both must be known).
 */
export function selectTargets(protocol: Protocol, names: readonly string[] | undefined): readonly Target[] {
  const enabled = TARGETS.filter((t) => t.enabled(protocol));
  if (names === undefined) return enabled;
  const chosen = enabled.filter((t) => names.includes(t.name));
  const overlaps = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
  return enabled.filter(
    (t) => chosen.includes(t) || chosen.some((c) => overlaps(c.dir(protocol) ?? "", t.dir(protocol) ?? "")),
  );
}

/** Runs every target the spec's `outputs` names (or `targets`), in a fixed order; paths sorted, checked unique. */
export function emitAll(
  protocol: Protocol,
  names: Names,
  targets: readonly Target[] = TARGETS.filter((t) => t.enabled(protocol)),
  stage: (stage: string) => void = () => undefined,
): GeneratedFile[] {
  const files = targets.flatMap((target) => {
    stage(`emitting ${target.name}`);
    return target.emit(protocol, names);
  });
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two emitters produced ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function outputDirs(protocol: Protocol, targets: readonly Target[] = TARGETS): string[] {
  return targets.map((t) => t.dir(protocol)).filter((d): d is string => d !== undefined);
}
