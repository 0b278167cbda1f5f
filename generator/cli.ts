/**
 * The command line: commander wiring only. Each action runs a command from commands/, which reads
 * its input, calls the pure stages and prints; commands/ and write/ are the only code that does
 * I/O, and this file the only one that sets the exit code. Actions import their command lazily,
 * so `--help` evaluates none of the stages.
 */
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { RULES } from "./contract/rules.js";
import { LINT_RULES } from "./lint/rules.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const program = new Command();

program
  .name("wiredefs")
  .description(
    "Keep a wire protocol in lock-step across runtimes: protocol.yaml is the single source of truth for " +
      "the TypeScript and Python constants, typed messages, validators, docs and JSON Schema.",
  )
  .version(pkg.version, "-V, --version", "print the wiredefs version")
  .showHelpAfterError("(run wiredefs --help for usage)")
  .configureHelp({ sortSubcommands: false });

const specOption = (): Option =>
  new Option("-s, --spec <file>", "the protocol spec to read").default("protocol.yaml");

program
  .command("gen")
  .summary("validate the spec and write every output (all or nothing)")
  .description(
    "Validate the spec, then write every output it names (all or nothing: on any error, no file is touched) " +
      "and update the wire lock for additive changes.",
  )
  .addOption(specOption())
  .option("--accept-breaking", "rewrite the wire lock even when the spec breaks the wire contract", false)
  .option("--adopt <path...>", "let generated files replace these hand-written files (paths as gen reports them)")
  .option("--lock-timeout <seconds>", "how long to wait for another gen running on the same spec directory", "10")
  .action(async (options: { spec: string; acceptBreaking: boolean; adopt?: string[]; lockTimeout: string }) => {
    const { runGen } = await import("./commands/gen.js");
    const seconds = Number(options.lockTimeout);
    if (!Number.isFinite(seconds) || seconds < 0) program.error(`error: --lock-timeout takes a number of seconds, not ${JSON.stringify(options.lockTimeout)}`, { exitCode: 2 });
    process.exitCode = runGen(options.spec, { acceptBreaking: options.acceptBreaking, adopt: options.adopt, lockTimeoutMs: seconds * 1000 });
  });

program
  .command("check")
  .summary("fail with a diff when generated files or the wire lock are out of date (for CI)")
  .description(
    "Regenerate in memory and compare with the files on disk: exit 1 with a unified diff for every stale, " +
      "missing, hand-edited or orphaned file, or when the spec breaks the wire lock. Exit 0 when clean. For CI.",
  )
  .addOption(specOption())
  .action(async (options: { spec: string }) => {
    const { runCheck } = await import("./commands/check.js");
    process.exitCode = runCheck(options.spec);
  });

program
  .command("breaking")
  .summary("list breaking changes against the wire lock or a git revision")
  .description(
    "Compare the spec with its wire lock (protocol.lock.json, the default) or with the spec at a git revision, " +
      "and print every breaking change with its rule ID, category (wire: peers stop understanding each other; " +
      "source: code using the generated names stops compiling) and both locations. Exit 1 on any unaccepted " +
      "breaking change. Accept one with a `breaking: accept:` entry in the spec, or `wiredefs gen --accept-breaking`.",
  )
  .addOption(specOption())
  .option("--against <ref>", "compare with the spec at this git revision (main, HEAD~1, a tag or sha) instead of the lock")
  .option("--strict", "fail on warnings too (VERSION_NOT_BUMPED)", false)
  .addHelpText("after", `\nRules:\n${RULES.map((r) => `  ${r.id.padEnd(28)} ${r.category.padEnd(6)} ${r.purpose}`).join("\n")}\n`)
  .action(async (options: { spec: string; against?: string; strict: boolean }) => {
    const { runBreaking } = await import("./commands/breaking.js");
    process.exitCode = runBreaking(options);
  });

program
  .command("lint")
  .summary("check the spec's naming, docs and consistency")
  .description(
    "Check the spec's style and safety: naming conventions, consistent wire values, docs, unused topics and keys, " +
      "requests without replies, deprecations without a reason. Warnings do not fail unless --strict. " +
      "Turn a rule off for good with `lint: { disable: [RULE_ID] }` in the spec.",
  )
  .addOption(specOption())
  .option("--strict", "fail on warnings too", false)
  .option("--disable <ids...>", "turn off these rules for this run", [])
  .addHelpText("after", `\nRules:\n${LINT_RULES.map((r) => `  ${r.id.padEnd(32)} ${r.purpose}`).join("\n")}\n`)
  .action(async (options: { spec: string; strict: boolean; disable: string[] }) => {
    const { runLint } = await import("./commands/lint.js");
    process.exitCode = runLint(options);
  });

program
  .command("lsp")
  .summary("run the language server on stdin and stdout (for editors)")
  .description(
    "Run a language server for protocol.yaml on stdin and stdout (LSP): the diagnostics `wiredefs gen` prints, " +
      "as you type; completion of actors, topics, keys, key sets and types; hover docs. Editors start it themselves.",
  )
  .action(async () => {
    const { runLsp } = await import("./commands/lsp.js");
    runLsp(pkg.version);
  });

await program.parseAsync(process.argv);
