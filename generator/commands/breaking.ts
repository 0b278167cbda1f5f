/** `wiredefs breaking`: the spec against its lock, or against the spec at a git revision. */
import { checkAccepted } from "../contract/check.js";
import { compare } from "../contract/compare.js";
import { isBlocking, type Finding } from "../contract/finding.js";
import { formatFinding, summarizeFindings } from "../contract/format.js";
import { readSpecAtRef } from "./spec-at-ref.js";
import { parseLock, type LockFile } from "../contract/parse-lock.js";
import type { Protocol } from "../model.js";
import { loadProtocol } from "../spec/index.js";
import { readLockFile } from "./lock-file.js";
import { loadSpec, printDiagnostics, sourcesOf, type SpecFile } from "./spec-file.js";

export interface BreakingOptions {
  readonly spec: string;
  readonly against?: string | undefined;
  readonly strict: boolean;
}

export function runBreaking(options: BreakingOptions): number {
  const current = loadSpec(options.spec);
  if (current === undefined) return 1;
  const problems = checkAccepted(current.protocol);
  if (problems.length > 0) {
    printDiagnostics(problems, sourcesOf(current.spec));
    return 1;
  }
  const previous =
    options.against === undefined ? readLock(current.spec) : readAtRef(options.against, current.spec.display);
  if (previous === "missing") {
    const lock = readLockFile(current.spec).display;
    process.stdout.write(`wiredefs: no lock at ${lock} yet; nothing to compare (run \`wiredefs gen\` to create it)\n`);
    return 0;
  }
  if (previous === undefined) return 1;
  return report(compare(previous.against, current.protocol), previous.label, options.strict);
}

function report(findings: readonly Finding[], against: string, strict: boolean): number {
  for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
  if (findings.length === 0) {
    process.stdout.write(`wiredefs: no breaking changes against ${against}\n`);
    return 0;
  }
  process.stdout.write(`\n${summarizeFindings(findings)} against ${against}\n`);
  const failing = findings.some((f) => isBlocking(f) || (strict && f.accepted === undefined));
  return failing ? 1 : 0;
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

function readAtRef(ref: string, specDisplay: string): Previous | undefined {
  const at = readSpecAtRef(ref, specDisplay);
  if (!at.ok) {
    process.stderr.write(`error: cannot read ${specDisplay} at ${ref}: ${at.message}\n`);
    return undefined;
  }
  const label = `${ref}:${specDisplay}`;
  const loaded = loadProtocol(at.text, label);
  if (!loaded.ok) {
    printDiagnostics(loaded.diagnostics, new Map([[label, at.text]]));
    return undefined;
  }
  return { against: loaded.protocol, label };
}
