/** `wiredefs lint`: style and safety rules over the spec. */
import { formatLintFinding } from "../lint/format.js";
import { lint } from "../lint/lint.js";
import { loadSpec, plural, printDiagnostics, sourcesOf } from "./spec-file.js";

export interface LintOptions {
  readonly spec: string;
  readonly strict: boolean;
  readonly disable: readonly string[];
}

export function runLint(options: LintOptions): number {
  const loaded = loadSpec(options.spec);
  if (loaded === undefined) return 1;
  const sources = sourcesOf(loaded.spec);
  const disable = options.disable
    .flatMap((d) => d.split(","))
    .map((d) => d.trim())
    .filter((d) => d !== "");
  const result = lint(loaded.protocol, { disable });
  if (result.diagnostics.length > 0) {
    printDiagnostics(result.diagnostics, sources);
    return 1;
  }
  for (const f of result.findings) process.stdout.write(`${formatLintFinding(f, sources)}\n\n`);
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  process.stdout.write(
    result.findings.length === 0
      ? `wiredefs: ${loaded.spec.display} is lint-clean\n`
      : `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${loaded.spec.display}\n`,
  );
  return errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}
