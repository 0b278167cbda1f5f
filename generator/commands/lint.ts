/** `wiredefs lint`: style and safety rules over the spec. */
import { lint } from "../lint/lint.js";
import { EXIT } from "./exit.js";
import { printLint, summary } from "./output.js";
import { elapsed } from "./progress.js";
import { loadSpec, plural, printDiagnostics, sourcesOf } from "./spec-file.js";

export interface LintOptions {
  readonly spec: string;
  readonly strict: boolean;
  readonly disable: readonly string[];
}

export function runLint(options: LintOptions): number {
  const started = Date.now();
  const loaded = loadSpec(options.spec);
  if (typeof loaded === "number") return loaded;
  const sources = sourcesOf(loaded.spec);
  const disable = options.disable
    .flatMap((d) => d.split(","))
    .map((d) => d.trim())
    .filter((d) => d !== "");
  const result = lint(loaded.protocol, { disable });
  if (result.diagnostics.length > 0) {
    printDiagnostics(result.diagnostics, sources);
    return EXIT.findings;
  }
  printLint(result.findings, sources);
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  summary(
    result.findings.length === 0
      ? `wiredefs: ${loaded.spec.display} is lint-clean ${elapsed(started)}`
      : `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${loaded.spec.display} ${elapsed(started)}`,
  );
  return errors > 0 || (options.strict && warnings > 0) ? EXIT.findings : EXIT.ok;
}
