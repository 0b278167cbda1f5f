/** `wiredefs lsp`: the language server on stdin and stdout (its log on stderr). */
import { FrameReader, frame } from "../lsp/framing.js";
import { LanguageServer } from "../lsp/server.js";

export function runLsp(version: string): void {
  const reader = new FrameReader();
  let exited = false;
  const server = new LanguageServer(
    {
      send: (message) => {
        if (!exited) process.stdout.write(frame(message));
      },
      exit: (code) => {
        exited = true;
        process.exitCode = code;
        process.stdin.destroy();
      },
      log: (line) => process.stderr.write(`${line}\n`),
    },
    version,
  );
  // The editor closed the pipe: nobody is left to talk to.
  process.stdout.on("error", () => {
    exited = true;
    process.stdin.destroy();
  });
  process.stdin.on("data", (chunk: Buffer) => {
    for (const message of reader.push(chunk)) if (!exited) server.receive(message);
  });
  // The editor went away without `exit`: end too (exit code 1, as LSP asks of an exit without shutdown).
  process.stdin.on("end", () => {
    if (!exited) process.exitCode = 1;
  });
}
