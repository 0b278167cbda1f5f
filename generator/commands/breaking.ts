/** `wiredefs breaking`: the spec against its lock, or against the spec at a git revision. */
import { checkAccepted } from "../contract/check.js";
import { compare } from "../contract/compare.js";
import { isBlocking, type Finding } from "../contract/finding.js";
import { readSpecAtRef } from "./spec-at-ref.js";
import { parseLock, type LockFile } from "../contract/parse-lock.js";
import type { Protocol } from "../model.js";
import { loadProtocol } from "../spec/index.js";
import { readLockFile } from "./lock-file.js";
import { EXIT } from "./exit.js";
import { note, printBreaking, summary } from "./output.js";
import { elapsed } from "./progress.js";
import { loadSpec, printDiagnostics, sourcesOf, type SpecFile } from "./spec-file.js";

export interface BreakingOptions {
  readonly spec: string;
  readonly against?: string | undefined;
  readonly strict: boolean;
}

export function runBreaking(options: BreakingOptions): number {
  const started = Date.now();
  const current = loadSpec(options.spec);
  if (typeof current === "number") return current;
  const problems = checkAccepted(current.protocol);
  if (problems.length > 0) {
    printDiagnostics(problems, sourcesOf(current.spec));
    return EXIT.findings;
  }
  const previous =
    options.against === undefined ? readLock(current.spec) : readAtRef(options.against, current.spec.display);
  if (previous === "missing") {
    const lock = readLockFile(current.spec).display;
    summary(`wiredefs: no lock at ${lock} yet; nothing to compare (run \`wiredefs gen\` to create it)`);
    return EXIT.ok;
  }
  if (previous === "new") {
    summary(`wiredefs: ${current.spec.display} does not exist at ${options.against ?? ""}: a new protocol, nothing to compare`);
    return EXIT.ok;
  }
  if (previous === "usage") return EXIT.usage;
  if (previous === undefined) return EXIT.findings;
  return report(compare(previous.against, current.protocol), previous.label, options.strict, started);
}

function report(findings: readonly Finding[], against: string, strict: boolean, started: number): number {
  if (findings.length === 0) {
    summary(`wiredefs: no breaking changes against ${against} ${elapsed(started)}`);
    return EXIT.ok;
  }
  printBreaking(findings, against, "stdout");
  const failing = findings.some((f) => isBlocking(f) || (strict && f.accepted === undefined));
  return failing ? EXIT.findings : EXIT.ok;
}

interface Previous {
  readonly against: Protocol | LockFile;
  readonly label: string;
}

function readLock(spec: SpecFile): Previous | "missing" | undefined {
  const lock = readLockFile(spec);
  if (lock.text === undefined) return "missing";
  const parsed = parseLock(lock.text, lock.display);
  if (Array.isArray(parsed)) {
    printDiagnostics(parsed, new Map([[lock.display, lock.text]]));
    return undefined;
  }
  return { against: parsed, label: lock.display };
}

function readAtRef(ref: string, specDisplay: string): Previous | "new" | "usage" | undefined {
  const at = readSpecAtRef(ref, specDisplay);
  if (!at.ok) {
    if (at.absent) return "new";
    note(`error: cannot read ${specDisplay} at ${ref}: ${at.message}${at.hint === undefined ? "" : `\n  hint: ${at.hint}`}`);
    return "usage";
  }
  const label = `${ref}:${specDisplay}`;
  const loaded = loadProtocol(at.text, label);
  if (!loaded.ok) {
    printDiagnostics(loaded.diagnostics, new Map([[label, at.text]]));
    return undefined;
  }
  return { against: loaded.protocol, label };
}
