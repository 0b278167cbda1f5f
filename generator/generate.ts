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
import { namesOf, TARGETS, type Target } from "./targets.js";

export type GenerateResult =
  | {
      readonly ok: true;
      readonly protocol: Protocol;
      /** The files of the chosen targets (every enabled target unless `targets` narrowed them). */
      readonly files: readonly GeneratedFile[];
      /**
       * The files of the enabled targets that `targets` left out: rendered, so the list of files
       * wiredefs owns stays whole, but neither written nor compared.
       */
      readonly skipped: readonly GeneratedFile[];
      /** The directories the outputs write into. wiredefs owns only its files, not these directories. */
      readonly outputDirs: readonly string[];
      readonly warnings: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export type CheckResult =
  | {
      readonly ok: true;
      readonly protocol: Protocol;
      readonly names: Names;
      readonly warnings: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface GenerateOptions {
  /** Emit only these targets (by name: typescript, python, docs, schema); all by default. */
  readonly targets?: readonly string[] | undefined;
  /** Called as each stage starts ("loading the spec", "emitting python"…), for progress reports. */
  readonly onStage?: ((stage: string) => void) | undefined;
  /** Directories between the repository root and the spec (outputs may climb that far); undefined: not judged. */
  readonly rootDepth?: number | undefined;
}

/**
 * Loads and checks, and assigns names: every diagnostic `generate` reports, without emitting
 * (what an editor shows while the spec is being written).
 */
export function checkSpec(
  text: string,
  file: string,
  stage: (stage: string) => void = () => undefined,
  rootDepth: number | undefined = undefined,
): CheckResult {
  stage("loading the spec");
  const loaded = loadProtocol(text, file, { rootDepth });
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  stage("assigning names");
  const { names, diagnostics } = namesOf(loaded.protocol);
  if (diagnostics.some((d) => d.severity === "error")) {
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  return { ok: true, protocol: loaded.protocol, names, warnings: sortDiagnostics([...loaded.warnings, ...diagnostics]) };
}

/** Loads, checks and emits. `file` is the spec path as it should appear in messages. */
export function generate(text: string, file: string, options: GenerateOptions = {}): GenerateResult {
  const stage = options.onStage ?? ((): void => undefined);
  const checked = checkSpec(text, file, stage, options.rootDepth);
  if (!checked.ok) return checked;
  const chosen = selectTargets(checked.protocol, options.targets);
  const others = TARGETS.filter((t) => t.enabled(checked.protocol) && !chosen.includes(t));
  return {
    ok: true,
    protocol: checked.protocol,
    files: emitAll(checked.protocol, checked.names, chosen, stage),
    skipped: emitAll(checked.protocol, checked.names, others, stage),
    outputDirs: outputDirs(checked.protocol, chosen),
    warnings: checked.warnings,
  };
}

/** The enabled targets to emit: every one, or the named ones. */
export function selectTargets(protocol: Protocol, names: readonly string[] | undefined): readonly Target[] {
  const enabled = TARGETS.filter((t) => t.enabled(protocol));
  if (names === undefined) return enabled;
  return enabled.filter((t) => names.includes(t.name));
}

/** Runs every target the spec's `outputs` names (or `targets`), in a fixed order; paths sorted, checked unique. */
export function emitAll(
  protocol: Protocol,
  names: Names,
  targets: readonly Target[] = TARGETS.filter((t) => t.enabled(protocol)),
  stage: (stage: string) => void = () => undefined,
): GeneratedFile[] {
  // Paths as the file system knows them: `./a` is `a`, a dir of `.` adds nothing.
  const files = targets.flatMap((target) => {
    stage(`emitting ${target.name}`);
    return target.emit(protocol, names).map((f) => ({ path: normalizePath(f.path), text: f.text }));
  });
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two emitters produced ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `./a` → `a`, `a/./b` → `a/b`: the `.` a dir may be adds nothing (a dir never holds `..` after a name). */
export function normalizePath(path: string): string {
  return path.split("/").filter((s) => s !== "." && s !== "").join("/");
}

/** The directories the targets write into, in target order. */
export function outputDirs(protocol: Protocol, targets: readonly Target[] = TARGETS): string[] {
  return targets.flatMap((t) => t.output(protocol)?.dir ?? []);
}
