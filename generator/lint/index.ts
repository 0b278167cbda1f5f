/** Lint: style and safety rules over a valid spec. */
export { lint } from "./lint.js";
export type { LintConfig, LintResult } from "./lint.js";
export type { LintFinding } from "./finding.js";
export { LINT_RULES, lintRuleById } from "./rules.js";
export type { LintRule } from "./rules.js";
export { formatLintFinding } from "./format.js";
