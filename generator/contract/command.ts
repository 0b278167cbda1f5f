/** `wiredefs breaking`: the spec against its lock, or against the spec at a git revision. */
import { Option } from "commander";
import type { Command } from "commander";
import { checkAccepted } from "./check.js";
import { compare } from "./compare.js";
import { isBlocking } from "./finding.js";
import type { Finding } from "./finding.js";
import { formatFinding, summarizeFindings } from "./format.js";
import { readSpecAtRef } from "./git.js";
import { parseLock } from "./parse-lock.js";
import type { LockFile } from "./parse-lock.js";
import { RULES } from "./rules.js";
import { displayPath, loadOrReport, lockPathFor, printDiagnostics, readIfExists, readSpecFile } from "./spec-input.js";
import type { CommandDeps, LoadedSpec } from "./spec-input.js";
import type { Protocol } from "../model.js";

interface BreakingOptions {
  readonly spec: string;
  readonly against?: string | undefined;
  readonly strict: boolean;
}

export function registerBreakingCommand(program: Command, deps: CommandDeps): Command {
  const spec = deps.specOption?.() ?? new Option("-s, --spec <file>", "the protocol spec to read").default("protocol.yaml");
  return program
    .command("breaking")
    .description(
      "Compare the spec with its wire lock (protocol.lock.json, the default) or with the spec at a git revision,\n" +
        "and print every breaking change with its rule ID, category (wire: peers stop understanding each other;\n" +
        "source: code using the generated names stops compiling) and both locations. Exit 1 on any unaccepted\n" +
        "breaking change. Accept one with a `breaking: accept:` entry in the spec, or `wiredefs gen --accept-breaking`.",
    )
    .addOption(spec)
    .option("--against <ref>", "compare with the spec at this git revision (main, HEAD~1, a tag or sha) instead of the lock")
    .option("--strict", "fail on warnings too (VERSION_NOT_BUMPED)", false)
    .addHelpText("after", `\nRules:\n${RULES.map((r) => `  ${r.id.padEnd(28)} ${r.category.padEnd(6)} ${r.purpose}`).join("\n")}\n`)
    .action((options: BreakingOptions) => {
      process.exitCode = runBreaking(deps, options);
    });
}

export function runBreaking(deps: CommandDeps, options: BreakingOptions): number {
  const current = readSpecFile(deps.loadProtocol, options.spec);
  if (current === undefined) return 1;
  const problems = checkAccepted(current.protocol);
  if (problems.length > 0) {
    printDiagnostics(problems, new Map([[current.display, current.text]]));
    return 1;
  }
  const previous = options.against === undefined ? readLock(options.spec) : readAtRef(deps, options.against, current.display);
  if (previous === "missing") {
    process.stdout.write(`wiredefs: no lock at ${displayPath(lockPathFor(options.spec))} yet; nothing to compare (run \`wiredefs gen\` to create it)\n`);
    return 0;
  }
  if (previous === undefined) return 1;
  const findings = compare(previous.against, current.protocol);
  return report(findings, previous.label, options.strict);
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

type Previous = { readonly against: Protocol | LockFile; readonly label: string };

function readLock(specPath: string): Previous | "missing" | undefined {
  const path = lockPathFor(specPath);
  const display = displayPath(path);
  const text = readIfExists(path);
  if (text === undefined) return "missing";
  const parsed = parseLock(text, display);
  if (Array.isArray(parsed)) {
    printDiagnostics(parsed, new Map([[display, text]]));
    return undefined;
  }
  return { against: parsed, label: display };
}

function readAtRef(deps: CommandDeps, ref: string, specDisplay: string): Previous | undefined {
  const at = readSpecAtRef(ref, specDisplay);
  if (!at.ok) {
    process.stderr.write(`error: cannot read ${specDisplay} at ${ref}: ${at.message}\n`);
    return undefined;
  }
  const loaded: LoadedSpec | undefined = loadOrReport(deps.loadProtocol, at.text, `${ref}:${specDisplay}`);
  return loaded === undefined ? undefined : { against: loaded.protocol, label: `${ref}:${specDisplay}` };
}
