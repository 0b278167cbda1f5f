/**
 * The command line: commander wiring only. Each action runs a command from commands/, which reads
 * its input, calls the pure stages and prints; commands/ and write/ are the only code that does
 * I/O, and this file the only one that sets the exit code (0 clean, 1 findings, 2 usage or I/O
 * error: commands/exit.ts). Actions import their command lazily. `runCli` is called by
 * bin/wiredefs.js through the bundle (main.ts), which also carries the API.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { RULES } from "./contract/rules.js";
import { LINT_RULES } from "./lint/rules.js";
import { EXIT } from "./commands/exit.js";
import { specPathOrExplain } from "./commands/find-spec.js";
import { configureOutput, DEFAULT_MAX_DIFF_LINES, FORMATS, type Format } from "./commands/output.js";
import { configureProgress } from "./commands/progress.js";

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
  .configureHelp({ sortSubcommands: false })
  // Usage errors exit 2 (findings exit 1): commander throws instead of exiting, runCli decides.
  .exitOverride();

const specOption = (): Option =>
  new Option("-s, --spec <file>", "the protocol spec to read (default: the nearest protocol.yaml, from here up)").argParser(
    (value: string, previous: string | undefined) => {
      if (previous !== undefined) throw new InvalidArgumentError(`--spec given twice (${previous}, ${value}); a run reads one spec.`);
      return value;
    },
  );

const formatOption = (): Option =>
  new Option("--format <format>", "how findings are printed: text, JSON lines, or GitHub workflow annotations")
    .choices(FORMATS)
    .default("text");

const targetOption = (): Option =>
  new Option("--target <names>", "only these outputs: typescript, python, docs, schema (comma-separated or repeated)").argParser(
    (value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      ...value
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n !== ""),
    ],
  );

const progressOption = (): Option =>
  new Option("--progress", "show progress on stderr from the start (default: on a terminal, once a run takes over a second)");

interface Common {
  readonly spec?: string;
  readonly format: Format;
  readonly progress?: boolean;
}

/** Applies the options every command shares; returns the spec path, or undefined after printing why there is none. */
function setUp(options: Common): string | undefined {
  configureOutput(options.format);
  configureProgress(options.progress === true ? "always" : options.progress === false ? "never" : "auto");
  return specPathOrExplain(options.spec);
}

program
  .command("init")
  .summary("set wiredefs up in this repository (spec, scripts, CI job, pre-commit hook)")
  .description(
    "Scaffold wiredefs in the current repository: a commented protocol.yaml, npm scripts, a GitHub Actions workflow " +
      "and a pre-commit hook running `wiredefs check` and `wiredefs breaking --against` the base branch, " +
      ".gitattributes entries, and ignore entries for formatters that would otherwise touch generated files. " +
      "Never overwrites a file: existing ignore and attributes files only get the entries they lack.",
  )
  .option("--name <name>", "the protocol's name (a Python package name; default: from package.json or the directory)")
  .option("--base <branch>", "the branch pull requests merge into (default: the remote's default branch, else main)")
  .addOption(formatOption())
  .action(async (options: { name?: string; base?: string; format: Format }) => {
    const { runInit } = await import("./commands/init.js");
    process.exitCode = runInit({ cwd: process.cwd(), name: options.name, base: options.base, format: options.format });
  });

program
  .command("gen")
  .summary("validate the spec and write every output (all or nothing)")
  .description(
    "Validate the spec, then write every output it names (all or nothing: on any error, no file is touched) " +
      "and update the wire lock for additive changes.",
  )
  .addOption(specOption())
  .addOption(targetOption())
  .option("--accept-breaking", "rewrite the wire lock even when the spec breaks the wire contract", false)
  .option("--adopt <path...>", "let generated files replace these hand-written files (paths as gen reports them)")
  .option("--lock-timeout <seconds>", "how long to wait for another gen running on the same spec directory", "10")
  .option("-w, --watch", "regenerate each time the spec changes (Ctrl-C to stop)", false)
  .option("--root <dir>", "the repository root outputs may not leave (default: the nearest directory up from the spec with .git)")
  .addOption(formatOption())
  .addOption(progressOption())
  .option("--no-progress", "never show progress")
  .action(
    async (options: Common & { acceptBreaking: boolean; target?: string[]; watch: boolean; adopt?: string[]; lockTimeout: string; root?: string }) => {
    const spec = setUp(options);
    const { checkTargetNames } = await import("./commands/targets-option.js");
    if (spec === undefined || !checkTargetNames(options.target)) return void (process.exitCode = EXIT.usage);
    const seconds = Number(options.lockTimeout);
    if (!Number.isFinite(seconds) || seconds < 0) {
      process.stderr.write(`error: --lock-timeout takes a number of seconds, not ${JSON.stringify(options.lockTimeout)}\n`);
      return void (process.exitCode = EXIT.usage);
    }
    const gen = { acceptBreaking: options.acceptBreaking, targets: options.target, adopt: options.adopt, lockTimeoutMs: seconds * 1000, root: options.root };
    if (options.watch) {
      const { runWatch } = await import("./commands/watch.js");
      process.exitCode = await runWatch(spec, gen);
      return;
    }
    const { runGen } = await import("./commands/gen.js");
    process.exitCode = runGen(spec, gen);
    },
  );

program
  .command("check")
  .summary("fail with a diff when generated files or the wire lock are out of date (for CI)")
  .description(
    "Regenerate in memory and compare with the files on disk: exit 1 with a unified diff for every stale, " +
      "missing, hand-edited or orphaned file, or when the spec breaks the wire lock. Exit 0 when clean. For CI.",
  )
  .addOption(specOption())
  .addOption(targetOption())
  .option("--stat", "one line per out-of-date file (kind, path, lines added and removed) instead of diffs", false)
  .option("--root <dir>", "the repository root outputs may not leave (default: the nearest directory up from the spec with .git)")
  .addOption(
    new Option("--max-diff-lines <n>", "print at most this many diff lines (0: all)")
      .default(DEFAULT_MAX_DIFF_LINES)
      .argParser((value: string) => {
        if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number (0 prints every line).");
        return Number(value);
      }),
  )
  .addOption(formatOption())
  .addOption(progressOption())
  .option("--no-progress", "never show progress")
  .action(async (options: Common & { target?: string[]; stat: boolean; maxDiffLines: number; root?: string }) => {
    const spec = setUp(options);
    const { checkTargetNames } = await import("./commands/targets-option.js");
    if (spec === undefined || !checkTargetNames(options.target)) return void (process.exitCode = EXIT.usage);
    const { runCheck } = await import("./commands/check.js");
    process.exitCode = runCheck(spec, { targets: options.target, stat: options.stat, maxDiffLines: options.maxDiffLines, root: options.root });
  });

program
  .command("breaking")
  .summary("list breaking changes against the wire lock or a git revision")
  .description(
    "Compare the spec with its wire lock (protocol.lock.json, the default) or with the spec at a git revision, " +
      "and print every breaking change with its rule ID, category (wire: peers stop understanding each other; " +
      "source: code using the generated names stops compiling) and both locations. Exit 1 on any unaccepted " +
      "breaking change. Accept one with a `breaking: accept:` entry in the spec, or `wiredefs gen --accept-breaking`. " +
      "A spec that does not exist at the revision is a new protocol: nothing to compare, exit 0.",
  )
  .addOption(specOption())
  .option("--against <ref>", "compare with the spec at this git revision (main, HEAD~1, a tag or sha) instead of the lock")
  .option("--strict", "fail on warnings too (VERSION_NOT_BUMPED)", false)
  .addOption(formatOption())
  .addHelpText("after", `\nRules:\n${RULES.map((r) => `  ${r.id.padEnd(28)} ${r.category.padEnd(6)} ${r.purpose}`).join("\n")}\n`)
  .action(async (options: Common & { against?: string; strict: boolean }) => {
    const spec = setUp(options);
    if (spec === undefined) return void (process.exitCode = EXIT.usage);
    const { runBreaking } = await import("./commands/breaking.js");
    process.exitCode = runBreaking({ spec, against: options.against, strict: options.strict });
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
  .addOption(formatOption())
  .addHelpText("after", `\nRules:\n${LINT_RULES.map((r) => `  ${r.id.padEnd(32)} ${r.purpose}`).join("\n")}\n`)
  .action(async (options: Common & { strict: boolean; disable: string[] }) => {
    const spec = setUp(options);
    if (spec === undefined) return void (process.exitCode = EXIT.usage);
    const { runLint } = await import("./commands/lint.js");
    process.exitCode = runLint({ spec, strict: options.strict, disable: options.disable });
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

/**
 * Runs the command line. Exit codes: 0 clean, 1 findings, 2 usage or I/O error (an unknown option,
 * an unreadable spec, a file that cannot be written: one line saying what and where, no stack trace).
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const io = error as NodeJS.ErrnoException;
    if (typeof io.code === "string" && typeof io.syscall === "string") {
      process.stderr.write(`error: ${io.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    throw error;
  }
}
