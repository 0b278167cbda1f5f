/** `wiredefs check`: regenerate in memory and fail on any drift from the files on disk. */
import { contractCheck } from "../contract/check.js";
import { generate } from "../generate.js";
import { findDrift } from "../write.js";
import { printFindings, readLockFile } from "./lock-file.js";
import { EXIT } from "./exit.js";
import { DEFAULT_MAX_DIFF_LINES, printDrift, summary } from "./output.js";
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
}

export function runCheck(specPath: string, options: CheckOptions = {}): number {
  const progress = startProgress();
  const spec = readSpec(specPath);
  if (typeof spec === "number") return spec;
  const result = generate(spec.text, spec.display, { targets: options.targets, onStage: progress.stage });
  progress.done();
  if (result.ok && !checkTargetsEnabled(result.protocol, options.targets, spec.display)) return EXIT.usage;
  if (!result.ok) {
    printDiagnostics(result.diagnostics, sourcesOf(spec));
    return 1;
  }
  const lock = readLockFile(spec);
  const contract = contractCheck(result.protocol, lock.text, lock.display);
  printFindings(contract.findings, lock.display);
  if (contract.diagnostics.length > 0) printDiagnostics(contract.diagnostics, sourcesOf(spec));
  progress.stage("comparing with the files on disk");
  const drift = findDrift(spec.root, result.files, result.outputDirs);
  progress.done();
  if (drift.length === 0 && contract.ok) {
    summary(`wiredefs: ${plural(result.files.length, "generated file")} match ${spec.display} ${elapsed(progress.started)}`);
    return 0;
  }
  if (drift.length === 0) return 1;
  printDrift(drift, spec.root, { stat: options.stat ?? false, maxDiffLines: options.maxDiffLines ?? DEFAULT_MAX_DIFF_LINES });
  process.stderr.write(
    `${plural(drift.length, "generated file")} out of date with ${spec.display}; run \`wiredefs gen\` (npm run gen) and commit the result.\n`,
  );
  return 1;
}
