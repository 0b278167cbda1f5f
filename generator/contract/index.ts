/** The wire contract: the lock, the breaking-change rules and the comparison. */
export { buildLock, renderLock, LOCK_FORMAT } from "./lock.js";
export type { Lock } from "./lock.js";
export { parseLock } from "./parse-lock.js";
export type { LockFile } from "./parse-lock.js";
export { RULES, ruleById } from "./rules.js";
export type { Category, Rule } from "./rules.js";
export { compare } from "./compare.js";
export type { Finding } from "./finding.js";
export { isBlocking, sortFindings } from "./finding.js";
export { contractCheck, planLock, checkAccepted } from "./check.js";
export type { ContractCheck, LockPlan } from "./check.js";
export { formatFinding, summarizeFindings } from "./format.js";
export { lockPathFor } from "./lock.js";
