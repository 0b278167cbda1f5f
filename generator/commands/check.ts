/** `wiredefs check`: regenerate in memory and fail on any drift from the files on disk. */
import { contractCheck } from "../contract/check.js";
import { generate } from "../generate.js";
import { findDrift } from "../write.js";
import { printFindings, readLockFile } from "./lock-file.js";
import { plural, printDiagnostics, readSpec, sourcesOf } from "./spec-file.js";

export function runCheck(specPath: string): number {
  const spec = readSpec(specPath);
  if (spec === undefined) return 1;
  const result = generate(spec.text, spec.display);
  if (!result.ok) {
    printDiagnostics(result.diagnostics, sourcesOf(spec));
    return 1;
  }
  const lock = readLockFile(spec);
  const contract = contractCheck(result.protocol, lock.text, lock.display);
  printFindings(contract.findings, lock.display);
  if (contract.diagnostics.length > 0) printDiagnostics(contract.diagnostics, sourcesOf(spec));
  const drift = findDrift(spec.root, result.files, result.outputDirs);
  if (drift.length === 0 && contract.ok) {
    process.stdout.write(`wiredefs: ${plural(result.files.length, "generated file")} match ${spec.display}\n`);
    return 0;
  }
  if (drift.length === 0) return 1;
  for (const d of drift) process.stdout.write(`${d.diff}\n`);
  for (const d of drift) process.stderr.write(`${d.kind}: ${d.path}\n`);
  process.stderr.write(
    `${plural(drift.length, "generated file")} out of date with ${spec.display}; run \`wiredefs gen\` (npm run gen) and commit the result.\n`,
  );
  return 1;
}
