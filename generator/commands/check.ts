/** `wiredefs check`: regenerate in memory and fail on any drift from the files on disk. */
import { contractCheck } from "../contract/check.js";
import { generate } from "../generate.js";
import { findDrift, formatIoFailure, IoFailure, Probe } from "../write/index.js";
import { printFindings, readLockFile } from "./lock-file.js";
import { outputsOnDisk, readOwned } from "./owned-files.js";
import { plural, printDiagnostics, readSpec, sourcesOf } from "./spec-file.js";

export function runCheck(specPath: string): number {
  const spec = readSpec(specPath);
  if (spec === undefined) return 1;
  const result = generate(spec.text, spec.display);
  if (!result.ok) {
    printDiagnostics(result.diagnostics, sourcesOf(spec));
    return 1;
  }
  try {
    const lock = readLockFile(spec);
    const contract = contractCheck(result.protocol, lock.text, lock.display);
    printFindings(contract.findings, lock.display);
    if (contract.diagnostics.length > 0) printDiagnostics(contract.diagnostics, sourcesOf(spec));
    const disk = outputsOnDisk(spec, result.protocol, result.files, lock.path);
    const probe = new Probe(spec.root, disk.show);
    const { owned, warnings } = readOwned(probe, disk);
    if (warnings.length > 0) printDiagnostics(warnings, sourcesOf(spec));
    const files = [...result.files, disk.ownedList];
    const drift = findDrift(probe, files, owned, disk.show);
    if (drift.length === 0 && contract.ok) {
      process.stdout.write(`wiredefs: ${plural(files.length, "generated file")} match ${spec.display}\n`);
      return 0;
    }
    if (drift.length === 0) return 1;
    for (const d of drift) if (d.diff !== "") process.stdout.write(`${d.diff}\n`);
    for (const d of drift) process.stderr.write(`${d.kind}: ${disk.show(d.path)}${d.detail === undefined ? "" : ` (${d.detail})`}\n`);
    process.stderr.write(
      `${plural(drift.length, "generated file")} out of date with ${spec.display}; run \`wiredefs gen\` (npm run gen) and commit the result.\n`,
    );
    return 1;
  } catch (error) {
    if (!(error instanceof IoFailure)) throw error;
    process.stderr.write(formatIoFailure(error, "nothing was compared"));
    return 2;
  }
}
