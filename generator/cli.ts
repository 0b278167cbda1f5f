/**
 * The command line: commander wiring only. Each action reads its input, calls the pure API and
 * prints; this file and write.ts are the only places that do I/O or set the exit code.
 * Heavy modules are imported inside the action that needs them, so `--help` stays instant.
 */
import { Command, Option } from "commander";

const program = new Command();

program
  .name("wiredefs")
  .description(
    "Keep a wire protocol in lock-step across runtimes: protocol.yaml is the single source of truth for\n" +
      "the TypeScript and Python constants, typed messages, validators, docs and JSON Schema.",
  )
  .showHelpAfterError("(run wiredefs --help for usage)")
  .configureHelp({ sortSubcommands: false });

const specOption = (): Option =>
  new Option("-s, --spec <file>", "the protocol spec to read").default("protocol.yaml");

program
  .command("gen")
  .description(
    "Validate the spec, then write every output it names (all or nothing: on any error, no file is touched)\n" +
      "and update the wire lock for additive changes.",
  )
  .addOption(specOption())
  .option("--accept-breaking", "rewrite the wire lock even when the spec breaks the wire contract", false)
  .action(async (options: { spec: string; acceptBreaking: boolean }) => {
    const { runGen } = await import("./commands/gen.js");
    process.exitCode = runGen(options.spec, { acceptBreaking: options.acceptBreaking });
  });

program
  .command("check")
  .description(
    "Regenerate in memory and compare with the files on disk: exit 1 with a unified diff for every stale,\n" +
      "missing, hand-edited or orphaned file, or when the spec breaks the wire lock. Exit 0 when clean. For CI.",
  )
  .addOption(specOption())
  .action(async (options: { spec: string }) => {
    const { runCheck } = await import("./commands/check.js");
    process.exitCode = runCheck(options.spec);
  });

const { registerContractCommands } = await import("./commands/contract.js");
registerContractCommands(program, specOption);

await program.parseAsync(process.argv);
