/**
 * The write stage as one call, for the programmatic API: plan every change with what is on disk,
 * refuse on any problem (nothing written), otherwise apply it all or nothing. `gen` runs the same
 * two steps itself, with the spec's lock, owned-file list and messages around them.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { GeneratedFile } from "../model.js";
import { encodeFile } from "./encoded.js";
import { Probe } from "./fs-guard.js";
import { planWrite } from "./plan.js";
import { applyPlan, type FsOps, type WriteSummary } from "./transaction.js";

export interface WriteFilesOptions {
  /** The files a previous run wrote (its owned-file list): the ones no longer in `files` are deleted. */
  readonly owned?: readonly string[] | undefined;
  /** Paths whose hand-written file a generated one may replace. */
  readonly adopt?: ReadonlySet<string> | undefined;
  readonly fs?: FsOps | undefined;
}

export type WriteFilesResult =
  | { readonly ok: true; readonly summary: WriteSummary; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Writes `files` (paths relative to `root`) all or nothing; an OS refusal throws `IoFailure` after rolling back. */
export function writeFiles(root: string, files: readonly GeneratedFile[], options: WriteFilesOptions = {}): WriteFilesResult {
  const show = (path: string): string => path;
  const probe = new Probe(root, show);
  const planned = planWrite(probe, {
    files: files.map(encodeFile),
    owned: options.owned ?? [],
    adopt: options.adopt ?? new Set(),
    always: new Set(),
    spec: { path: "", dev: -1, ino: -1 },
    origin: () => ({ label: "wiredefs" }),
    show,
  });
  if (!planned.ok) return planned;
  return { ok: true, summary: applyPlan(root, planned.plan, show, options.fs), warnings: planned.warnings };
}
