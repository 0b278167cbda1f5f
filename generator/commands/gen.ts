/** `wiredefs gen`: validate, render everything, then write it all or nothing. */
import { planLock } from "../contract/check.js";
import { generate, type GenerateResult } from "../generate.js";
import { acquireGenLock, applyPlan, encodeFile, formatIoFailure, IoFailure, planWrite, Probe, sameDigests, stampOf, type FsOps } from "../write/index.js";
import { EXIT } from "./exit.js";
import { printFindings, readLockFile } from "./lock-file.js";
import { summary as printSummary } from "./output.js";
import { adoptedPaths, outputsOnDisk, readOwned, showFor } from "./owned-files.js";
import { elapsed, startProgress, type Progress } from "./progress.js";
import { plural, printDiagnostics, readSpec, sourcesOf, type SpecFile } from "./spec-file.js";
import { checkTargetsEnabled } from "./targets-option.js";

export interface GenOptions {
  readonly acceptBreaking: boolean;
  /** Only these targets (typescript, python, docs, schema); all by default. */
  readonly targets?: readonly string[] | undefined;
  /** Paths (relative to the working directory) whose hand-written file the generated one may replace. */
  readonly adopt?: readonly string[] | undefined;
  /** How long to wait for another gen on the same spec directory, in milliseconds. */
  readonly lockTimeoutMs?: number | undefined;
  /** The repository root outputs may not leave (default: the nearest ancestor with `.git`). */
  readonly root?: string | undefined;
  /** The file-system calls that change the tree (tests inject failures here). */
  readonly fs?: FsOps | undefined;
}

/**
 * Exit code: 0 written; 1 a problem in the spec or the wire contract (nothing written); 2 the
 * file system stops gen: what sits at an output path (WD5xx), an OS refusal, another gen (nothing changed).
 */
export function runGen(specPath: string, options: GenOptions): number {
  const progress = startProgress();
  const spec = readSpec(specPath, options.root);
  if (typeof spec === "number") return spec;
  const result = generate(spec.text, spec.display, { targets: options.targets, onStage: progress.stage, rootDepth: spec.depth });
  progress.done();
  if (result.ok && !checkTargetsEnabled(result.protocol, options.targets, spec.display)) return EXIT.usage;
  if (!result.ok) {
    printDiagnostics(result.diagnostics, sourcesOf(spec), "no file was written");
    return EXIT.findings;
  }
  if (result.warnings.length > 0) printDiagnostics(result.warnings, sourcesOf(spec));
  try {
    const lock = acquireGenLock(spec.root, showFor(spec), options.lockTimeoutMs);
    try {
      return writeAll(spec, result, options, progress);
    } finally {
      lock.release();
    }
  } catch (error) {
    if (!(error instanceof IoFailure)) throw error;
    process.stderr.write(formatIoFailure(error, "no file was changed"));
    return EXIT.usage;
  }
}

function writeAll(spec: SpecFile, result: Extract<GenerateResult, { ok: true }>, options: GenOptions, progress: Progress): number {
  const lock = readLockFile(spec);
  const plan = planLock(result.protocol, lock.text, lock.display, { acceptBreaking: options.acceptBreaking });
  printFindings(plan.findings, lock.display);
  if (!plan.ok) {
    if (plan.diagnostics.length > 0) printDiagnostics(plan.diagnostics, sourcesOf(spec), "no file was written");
    process.stderr.write(
      "the spec breaks the wire contract; no file was written.\n" +
        "  hint: if the change is meant, accept it with a `breaking: accept:` entry (rule, item, reason) in the spec,\n" +
        "        or run `wiredefs gen --accept-breaking`; the lock's diff then shows it for review.\n",
    );
    return EXIT.findings;
  }
  // The owned-file list covers every enabled target; files of targets `--target` left out are
  // neither written nor treated as orphans.
  // The stamp lets check trust a tree whose files all have the digests of what the spec renders.
  // It covers every rendered file, those of targets `--target` leaves out too: the fast path
  // compares the disk with the renders, so a file gen did not write only makes it decline.
  // A stamp on disk whose digests all still hold is kept, even from another build of the
  // generator: the files it vouches for are the same, so an up-to-date tree stays untouched.
  // Each output is encoded once: the stamp hashes the bytes that are compared and written.
  // It records whether the spec drew warnings: gen's fast path would not print them again.
  const all = [...result.files, ...result.skipped];
  const files = result.files.map(encodeFile);
  const lockFile = plan.write === undefined ? undefined : encodeFile({ path: lock.path, text: plan.write });
  const lockFiles = lockFile === undefined ? [] : [lockFile];
  const listed = outputsOnDisk(spec, result.protocol, all, lock.path);
  const probe = new Probe(spec.root, listed.show);
  const { owned, stamp: before, warnings } = readOwned(probe, listed, spec.depth);
  // The wire lock as gen leaves it: the bytes it writes, else the text already on disk.
  const lockAfter = lockFile?.bytes ?? lock.text;
  const fresh = spec.digest === undefined ? undefined : stampOf(spec.digest, lockAfter, [...files, ...result.skipped.map(encodeFile)], result.warnings.length > 0);
  const stamp = before !== undefined && fresh !== undefined && sameDigests(before, fresh) ? before : fresh;
  const disk = outputsOnDisk(spec, result.protocol, all, lock.path, stamp);
  const skipped = new Set(result.skipped.map((f) => f.path));
  const planned = planWrite(probe, {
    files: [...files, encodeFile(disk.ownedList), ...lockFiles],
    owned: owned.filter((path) => !skipped.has(path)),
    adopt: adoptedPaths(spec, options.adopt ?? []),
    always: new Set([lock.path]),
    spec: disk.spec,
    origin: disk.origin,
    show: disk.show,
  });
  if (!planned.ok) {
    printDiagnostics([...warnings, ...planned.diagnostics], sourcesOf(spec), "no file was written");
    return EXIT.usage;
  }
  if (warnings.length + planned.warnings.length > 0) printDiagnostics([...warnings, ...planned.warnings], sourcesOf(spec));
  progress.stage("writing files");
  const summary = applyPlan(spec.root, planned.plan, disk.show, options.fs);
  progress.done();
  const parts = [`wrote ${plural(summary.written.length, "file")}`, `${summary.unchanged.length} unchanged`];
  if (summary.deleted.length > 0) parts.push(`deleted ${summary.deleted.length} orphaned`);
  printSummary(`wiredefs: ${parts.join(", ")} (from ${spec.display}) ${elapsed(progress.started)}`);
  return EXIT.ok;
}
