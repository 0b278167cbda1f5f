/**
 * The programmatic API: everything the CLI does, as functions over text and the model.
 *
 *   import { generate, loadProtocol, findDrift, compare, lint, writeFiles } from "wiredefs";
 *
 * load: loadProtocol · generate: generate, emitAll, TARGETS (each a `Target`) · check: findDrift,
 * contractCheck · breaking: compare (a Protocol or parsed lock against a Protocol), checkAccepted,
 * planLock · lint: lint · write: writeFiles (or planWrite + applyPlan, as gen runs them; these
 * and findDrift are the only functions here that touch the disk) · printing: formatDiagnostic, formatFinding, formatLintFinding.
 */
export { generate, checkSpec, emitAll, outputDirs, selectTargets, type CheckResult, type GenerateOptions, type GenerateResult } from "./generate.js";
export { TARGETS, type Target } from "./targets.js";
export { loadProtocol, type LoadResult } from "./spec/index.js";
export { assignNames, type Names } from "./names/index.js";
export {
  findDrift,
  writeFiles,
  planWrite,
  applyPlan,
  acquireGenLock,
  Probe,
  IoFailure,
  hasGeneratedHeader,
  type Drift,
  type WriteSummary,
  type WriteFilesOptions,
  type WriteFilesResult,
} from "./write/index.js";
export { diffStat, DRIFT_CODES, type DiffStat } from "./drift.js";
export {
  buildLock,
  renderLock,
  parseLock,
  lockPathFor,
  compare,
  contractCheck,
  planLock,
  checkAccepted,
  isBlocking,
  sortFindings,
  formatFinding,
  summarizeFindings,
  RULES,
  ruleById,
  type Lock,
  type LockFile,
  type Finding,
  type ContractCheck,
  type LockPlan,
  type Category,
  type Rule,
} from "./contract/index.js";
export { lint, LINT_RULES, lintRuleById, formatLintFinding, type LintConfig, type LintResult, type LintFinding, type LintRule } from "./lint/index.js";
export { formatDiagnostic, CODES, type Diagnostic, type Severity } from "./diagnostics.js";
export { diagnosticAnnotation, breakingAnnotation, lintAnnotation, githubLine, jsonLine, type Annotation } from "./commands/output.js";
export { namesOf } from "./targets.js";
export type * from "./model.js";
