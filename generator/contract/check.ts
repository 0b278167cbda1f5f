/**
 * What `gen` and `check` do with the lock, as pure functions the CLI edge calls.
 *
 * gen: additive changes update the lock on their own; a blocking finding keeps the old lock
 * unless accepted (a `breaking: accept:` entry, or `--accept-breaking` for all of them).
 * check: fails when the lock is missing or stale, and on every unaccepted blocking finding.
 */
import "./codes.js";
import { didYouMean, diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol } from "../model.js";
import { compare } from "./compare.js";
import { isBlocking } from "./finding.js";
import type { Finding } from "./finding.js";
import { buildLock, renderLock } from "./lock.js";
import { parseLock } from "./parse-lock.js";
import { RULES, ruleById } from "./rules.js";

export interface ContractCheck {
  readonly findings: Finding[];
  /** The lock the current spec renders to (what `gen` would write). */
  readonly lockText: string;
  /** Missing, unreadable or stale lock; unknown rule IDs in accept entries. */
  readonly diagnostics: Diagnostic[];
  readonly ok: boolean;
}

/** `lockText` undefined: no lock on disk yet. */
export function contractCheck(p: Protocol, lockText: string | undefined, lockFile: string): ContractCheck {
  const expected = renderLock(buildLock(p));
  const diagnostics = checkAccepted(p);
  if (lockText === undefined) {
    diagnostics.push(diagnostic("WD604", `${lockFile} is missing; run \`wiredefs gen\` to create it`));
    return { findings: [], lockText: expected, diagnostics, ok: false };
  }
  // A lock identical to what the spec renders holds no finding: skip parsing it (the common case in CI).
  if (lockText === expected) return { findings: [], lockText: expected, diagnostics, ok: diagnostics.length === 0 };
  const parsed = parseLock(lockText, lockFile);
  if (Array.isArray(parsed)) return { findings: [], lockText: expected, diagnostics: [...diagnostics, ...parsed], ok: false };
  const findings = compare(parsed, p);
  if (lockText !== expected && !findings.some(isBlocking)) {
    const crlfOnly = lockText.replaceAll("\r\n", "\n") === expected;
    const why = crlfOnly
      ? `${lockFile} differs only in line endings (CRLF, as git's core.autocrlf checks files out; wiredefs writes LF): mark it \`eol=lf\` in .gitattributes (wiredefs init does), or run \`wiredefs gen\``
      : `${lockFile} is out of date; run \`wiredefs gen\` to update it`;
    diagnostics.push(diagnostic("WD605", why));
  }
  return { findings, lockText: expected, diagnostics, ok: diagnostics.length === 0 && !findings.some(isBlocking) };
}

export interface LockPlan {
  readonly findings: Finding[];
  /** The text to write, or undefined to leave the lock as it is (unchanged, or blocked). */
  readonly write: string | undefined;
  readonly diagnostics: Diagnostic[];
  /** False when a blocking finding (or an unreadable lock) keeps gen from updating the lock. */
  readonly ok: boolean;
}

/** What `gen` does with the lock. `acceptBreaking`: `--accept-breaking`, accept every finding. */
export function planLock(p: Protocol, lockText: string | undefined, lockFile: string, options: { acceptBreaking?: boolean } = {}): LockPlan {
  const expected = renderLock(buildLock(p));
  const diagnostics = checkAccepted(p);
  const write = lockText === expected ? undefined : expected;
  // No lock yet, or one identical to what the spec renders: nothing to compare.
  if (lockText === undefined || lockText === expected) {
    return { findings: [], write: diagnostics.length === 0 ? write : undefined, diagnostics, ok: diagnostics.length === 0 };
  }
  const parsed = parseLock(lockText, lockFile);
  if (Array.isArray(parsed)) {
    return options.acceptBreaking === true && diagnostics.length === 0
      ? { findings: [], write, diagnostics, ok: true }
      : { findings: [], write: undefined, diagnostics: [...diagnostics, ...parsed], ok: false };
  }
  let findings = compare(parsed, p);
  if (options.acceptBreaking === true) {
    findings = findings.map((f) => (f.accepted === undefined ? { ...f, accepted: { reason: "--accept-breaking" } } : f));
  }
  const blocked = findings.some(isBlocking) || diagnostics.length > 0;
  return { findings, write: blocked ? undefined : write, diagnostics, ok: !blocked };
}

/** Every `breaking: accept:` entry names a known rule. */
export function checkAccepted(p: Protocol): Diagnostic[] {
  return p.acceptedBreaking
    .filter((a) => ruleById(a.rule) === undefined)
    .map((a) => {
      const near = didYouMean(a.rule, RULES.map((r) => r.id));
      return diagnostic("WD606", `unknown breaking-change rule ${JSON.stringify(a.rule)} in breaking: accept:`, a.span, {
        hint: near === undefined ? `rules: ${RULES.map((r) => r.id).join(", ")}` : `did you mean ${near}?`,
      });
    });
}
