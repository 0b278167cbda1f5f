/**
 * A minimal LSP client for the tests: spawns `node bin/wiredefs.js lsp` and talks to it over
 * stdio as an editor does (Content-Length framing, JSON-RPC). It parses the server's output
 * independently of the server's own framing code.
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/wiredefs.js", import.meta.url));

export interface Message {
  readonly jsonrpc: "2.0";
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export class Client {
  readonly process: ChildProcessWithoutNullStreams;
  readonly received: Message[] = [];
  stderr = "";
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [BIN, "lsp"], { stdio: ["pipe", "pipe", "pipe"] });
    this.process.stdout.on("data", (chunk: Buffer) => this.read(chunk));
    this.process.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.exited = new Promise((resolve) => this.process.on("exit", (code) => resolve(code)));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const text = this.buffer.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(text.slice(0, end))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.received.push(message);
      for (const w of [...this.waiters]) {
        if (w.test(message)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(message);
        }
      }
    }
  }

  /** Writes raw bytes (for malformed input). */
  raw(bytes: string | Buffer): void {
    this.process.stdin.write(bytes);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  /** The first message (already received or still to come) that passes `test`. */
  waitFor(test: (m: Message) => boolean, since = 0): Promise<Message> {
    const seen = this.received.slice(since).find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  request(method: string, params?: unknown): Promise<Message> {
    const id = this.nextId++;
    const since = this.received.length;
    this.send({ id, method, ...(params === undefined ? {} : { params }) });
    return this.waitFor((m) => m.id === id && m.method === undefined, since);
  }

  notify(method: string, params?: unknown): void {
    this.send({ method, ...(params === undefined ? {} : { params }) });
  }

  async initialize(capabilities: object = {}): Promise<Message> {
    const reply = await this.request("initialize", { processId: null, rootUri: null, capabilities });
    this.notify("initialized", {});
    return reply;
  }

  /** Opens (or replaces) a document and waits for the diagnostics of that version. */
  async open(uri: string, text: string, version = 1): Promise<LspDiagnostic[]> {
    const since = this.received.length;
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version, text } });
    return this.diagnosticsOf(uri, version, since);
  }

  async change(uri: string, text: string, version: number): Promise<LspDiagnostic[]> {
    const since = this.received.length;
    this.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.diagnosticsOf(uri, version, since);
  }

  async diagnosticsOf(uri: string, version: number | undefined, since: number): Promise<LspDiagnostic[]> {
    const m = await this.waitFor((x) => {
      const p = x.params as { uri?: string; version?: number } | undefined;
      return x.method === "textDocument/publishDiagnostics" && p?.uri === uri && (version === undefined || p.version === version);
    }, since);
    return (m.params as { diagnostics: LspDiagnostic[] }).diagnostics;
  }

  async stop(): Promise<number | null> {
    await this.request("shutdown");
    this.notify("exit");
    return this.exited;
  }
}

export interface LspDiagnostic {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly severity: number;
  readonly code: string;
  readonly source: string;
  readonly message: string;
}
