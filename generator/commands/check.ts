/** `wiredefs check`: regenerate in memory and fail on any drift from the files on disk. */
import { generate } from "../generate.js";
import { findDrift } from "../write.js";
import { plural, printDiagnostics, readSpec } from "./spec-file.js";

export function runCheck(specPath: string): number {
  const spec = readSpec(specPath);
  if (spec === undefined) return 1;
  const result = generate(spec.text, spec.display);
  if (!result.ok) {
    printDiagnostics(spec, result.diagnostics);
    return 1;
  }
  const drift = findDrift(spec.root, result.files, result.outputDirs);
  if (drift.length === 0) {
    process.stdout.write(`wiredefs: ${plural(result.files.length, "generated file")} match ${spec.display}\n`);
    return 0;
  }
  for (const d of drift) process.stdout.write(`${d.diff}\n`);
  for (const d of drift) process.stderr.write(`${d.kind}: ${d.path}\n`);
  process.stderr.write(
    `${plural(drift.length, "generated file")} out of date with ${spec.display}; run \`wiredefs gen\` (npm run gen) and commit the result.\n`,
  );
  return 1;
}
