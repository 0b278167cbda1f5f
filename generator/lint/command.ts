/** `wiredefs lint`: style and safety rules over the spec. */
import { Option } from "commander";
import type { Command } from "commander";
import { printDiagnostics, readSpecFile } from "../contract/spec-input.js";
import type { CommandDeps } from "../contract/spec-input.js";
import { formatLintFinding } from "./format.js";
import { lint } from "./lint.js";
import { LINT_RULES } from "./rules.js";

interface LintOptions {
  readonly spec: string;
  readonly strict: boolean;
  readonly disable: readonly string[];
}

export function registerLintCommand(program: Command, deps: CommandDeps): Command {
  const spec = deps.specOption?.() ?? new Option("-s, --spec <file>", "the protocol spec to read").default("protocol.yaml");
  return program
    .command("lint")
    .description(
      "Check the spec's style and safety: naming conventions, consistent wire values, docs, unused topics and keys,\n" +
        "requests without replies, deprecations without a reason. Warnings do not fail unless --strict.\n" +
        "Turn a rule off for good with `lint: { disable: [RULE_ID] }` in the spec.",
    )
    .addOption(spec)
    .option("--strict", "fail on warnings too", false)
    .option("--disable <ids...>", "turn off these rules for this run", [])
    .addHelpText("after", `\nRules:\n${LINT_RULES.map((r) => `  ${r.id.padEnd(32)} ${r.purpose}`).join("\n")}\n`)
    .action((options: LintOptions) => {
      process.exitCode = runLint(deps, options);
    });
}

export function runLint(deps: CommandDeps, options: LintOptions): number {
  const spec = readSpecFile(deps.loadProtocol, options.spec);
  if (spec === undefined) return 1;
  const sources = new Map([[spec.display, spec.text]]);
  const disable = options.disable.flatMap((d) => d.split(",")).map((d) => d.trim()).filter((d) => d !== "");
  const result = lint(spec.protocol, { disable });
  if (result.diagnostics.length > 0) {
    printDiagnostics(result.diagnostics, sources);
    return 1;
  }
  for (const f of result.findings) process.stdout.write(`${formatLintFinding(f, sources)}\n\n`);
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  process.stdout.write(
    result.findings.length === 0
      ? `wiredefs: ${spec.display} is lint-clean\n`
      : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${spec.display}\n`,
  );
  return errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}
