/** `wiredefs check`: regenerate in memory and fail on any drift from the files on disk. */
import { contractCheck } from "../contract/check.js";
import { generate } from "../generate.js";
import { findDrift, formatIoFailure, IoFailure, Probe } from "../write/index.js";
import { EXIT } from "./exit.js";
import { printFindings, readLockFile } from "./lock-file.js";
import { DEFAULT_MAX_DIFF_LINES, printDrift, summary } from "./output.js";
import { outputsOnDisk, readOwned } from "./owned-files.js";
import { elapsed, startProgress } from "./progress.js";
import { plural, printDiagnostics, readSpec, sourcesOf } from "./spec-file.js";
import { checkTargetsEnabled } from "./targets-option.js";

export interface CheckOptions {
  /** Only these targets (typescript, python, docs, schema); all by default. */
  readonly targets?: readonly string[] | undefined;
  /** One line per drifted file instead of diffs. */
  readonly stat?: boolean;
  /** Most diff lines printed (0: all). */
  readonly maxDiffLines?: number;
  /** The repository root outputs may not leave (default: the nearest ancestor with `.git`). */
  readonly root?: string | undefined;
}

/** Exit code: 0 clean; 1 drift, a spec problem or an unaccepted break; 2 a file that cannot be read. */
export function runCheck(specPath: string, options: CheckOptions = {}): number {
  const progress = startProgress();
  const spec = readSpec(specPath, options.root);
  if (typeof spec === "number") return spec;
  const result = generate(spec.text, spec.display, { targets: options.targets, onStage: progress.stage, rootDepth: spec.depth });
  progress.done();
  if (result.ok && !checkTargetsEnabled(result.protocol, options.targets, spec.display)) return EXIT.usage;
  if (!result.ok) {
    printDiagnostics(result.diagnostics, sourcesOf(spec));
    return EXIT.findings;
  }
  try {
    const lock = readLockFile(spec);
    const contract = contractCheck(result.protocol, lock.text, lock.display);
    printFindings(contract.findings, lock.display);
    if (contract.diagnostics.length > 0) printDiagnostics(contract.diagnostics, sourcesOf(spec));
    progress.stage("comparing with the files on disk");
    // The stamp in the owned-file list is gen's record, not content: compare the list with the
    // stamp it carries on disk, so a stamp from another build of the generator is no drift.
    const listed = outputsOnDisk(spec, result.protocol, [...result.files, ...result.skipped], lock.path);
    const probe = new Probe(spec.root, listed.show);
    const { owned, stamp, warnings } = readOwned(probe, listed, spec.depth);
    const disk = stamp === undefined ? listed : outputsOnDisk(spec, result.protocol, [...result.files, ...result.skipped], lock.path, stamp);
    if (warnings.length > 0) printDiagnostics(warnings, sourcesOf(spec));
    const skipped = new Set(result.skipped.map((f) => f.path));
    const files = [...result.files, disk.ownedList];
    const drift = findDrift(
      probe,
      files,
      owned.filter((path) => !skipped.has(path)),
      disk.show,
    );
    progress.done();
    if (drift.length === 0 && contract.ok) {
      summary(`wiredefs: ${plural(files.length, "generated file")} match ${spec.display} ${elapsed(progress.started)}`);
      return EXIT.ok;
    }
    if (drift.length === 0) return EXIT.findings;
    printDrift(drift, spec.root, { stat: options.stat ?? false, maxDiffLines: options.maxDiffLines ?? DEFAULT_MAX_DIFF_LINES });
    process.stderr.write(
      `${plural(drift.length, "generated file")} out of date with ${spec.display}; run \`wiredefs gen\` (npm run gen) and commit the result.\n`,
    );
    return EXIT.findings;
  } catch (error) {
    if (!(error instanceof IoFailure)) throw error;
    process.stderr.write(formatIoFailure(error, "nothing was compared"));
    return EXIT.usage;
  }
}
