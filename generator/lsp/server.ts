/**
 * The language server: JSON-RPC over the LSP base protocol, its lifecycle, the open documents,
 * and the features (diagnostics, completion, hover). No I/O of its own: it is handed framed
 * messages and a `send` for its replies (commands/lsp.ts connects it to stdin and stdout).
 */
import { complete, hover } from "./features.js";
import type { Frame } from "./framing.js";
import { isSpec, specDiagnostics, toLsp } from "./diagnostics.js";
import { LineIndex } from "./positions.js";
import type { Position } from "./positions.js";

export interface Connection {
  send(message: object): void;
  /** Ends the process after `exit`. */
  exit(code: number): void;
  /** A line for the server's log (stderr), never the protocol stream. */
  log(line: string): void;
}

/** JSON-RPC and LSP error codes. */
const ERROR = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  serverNotInitialized: -32002,
} as const;

interface Document {
  readonly uri: string;
  readonly version: number | null;
  readonly text: string;
}

type Id = number | string | null;

class RequestError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

export class LanguageServer {
  private state: "new" | "running" | "shut down" = "new";
  private snippets = false;
  private readonly documents = new Map<string, Document>();
  private readonly pending = new Set<string>();
  private readonly connection: Connection;
  private readonly version: string;

  constructor(connection: Connection, version: string) {
    this.connection = connection;
    this.version = version;
  }

  receive(frame: Frame): void {
    if (!frame.ok) {
      this.connection.log(`wiredefs lsp: ${frame.error}`);
      this.connection.send({ jsonrpc: "2.0", id: null, error: { code: ERROR.parse, message: frame.error } });
      return;
    }
    const message = frame.value;
    if (message === null || typeof message !== "object" || Array.isArray(message)) {
      this.connection.send({ jsonrpc: "2.0", id: null, error: { code: ERROR.invalidRequest, message: "a message must be a JSON object" } });
      return;
    }
    const { id, method, params } = message as { id?: unknown; method?: unknown; params?: unknown };
    const isRequest = typeof id === "number" || typeof id === "string";
    if (typeof method !== "string") {
      // A response to a request of ours (we send none) or garbage: answer only what asks for an answer.
      if (isRequest && !("result" in message) && !("error" in message)) {
        this.reply(id, undefined, new RequestError(ERROR.invalidRequest, "a request needs a method"));
      }
      return;
    }
    if (isRequest) this.request(id, method, params);
    else this.notification(method, params);
  }

  private request(id: Id, method: string, params: unknown): void {
    try {
      this.reply(id, this.answer(method, params));
    } catch (error) {
      const failure = error instanceof RequestError ? error : new RequestError(ERROR.internal, String(error instanceof Error ? error.message : error));
      if (!(error instanceof RequestError)) this.connection.log(`wiredefs lsp: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.reply(id, undefined, failure);
    }
  }

  private answer(method: string, params: unknown): unknown {
    if (this.state === "shut down") throw new RequestError(ERROR.invalidRequest, "the server is shut down");
    if (method === "initialize") {
      if (this.state !== "new") throw new RequestError(ERROR.invalidRequest, "the server is already initialized");
      this.state = "running";
      this.snippets = field(params, "capabilities", "textDocument", "completion", "completionItem", "snippetSupport") === true;
      return {
        capabilities: {
          positionEncoding: "utf-16",
          textDocumentSync: { openClose: true, change: 1 },
          completionProvider: { triggerCharacters: [" ", "[", ",", "<", "|"] },
          hoverProvider: true,
        },
        serverInfo: { name: "wiredefs", version: this.version },
      };
    }
    if (this.state === "new") throw new RequestError(ERROR.serverNotInitialized, "initialize first");
    switch (method) {
      case "shutdown":
        this.state = "shut down";
        return null;
      case "textDocument/completion": {
        const at = this.at(params);
        return at === undefined ? null : { isIncomplete: false, items: complete(at.text, at.offset, { snippets: this.snippets }) };
      }
      case "textDocument/hover": {
        const at = this.at(params);
        return at === undefined ? null : (hover(at.text, at.offset) ?? null);
      }
      default:
        throw new RequestError(ERROR.methodNotFound, `unknown method ${method}`);
    }
  }

  private notification(method: string, params: unknown): void {
    if (method === "exit") {
      this.connection.exit(this.state === "shut down" ? 0 : 1);
      return;
    }
    if (this.state !== "running") return; // before initialize or after shutdown, notifications are dropped
    try {
      switch (method) {
        case "textDocument/didOpen": {
          const uri = field(params, "textDocument", "uri");
          const text = field(params, "textDocument", "text");
          if (typeof uri === "string" && typeof text === "string") this.update(uri, text, versionOf(params));
          return;
        }
        case "textDocument/didChange":
          this.change(params);
          return;
        case "textDocument/didClose": {
          const uri = field(params, "textDocument", "uri");
          if (typeof uri !== "string") return;
          this.documents.delete(uri);
          this.pending.delete(uri);
          this.connection.send({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri, diagnostics: [] } });
          return;
        }
        default:
          return; // initialized, $/cancelRequest, didSave, anything unknown: nothing to do
      }
    } catch (error) {
      this.connection.log(`wiredefs lsp: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Applies content changes: whole texts (full sync), or ranges should a client send them anyway. */
  private change(params: unknown): void {
    const uri = field(params, "textDocument", "uri");
    const changes = field(params, "contentChanges");
    const document = typeof uri === "string" ? this.documents.get(uri) : undefined;
    if (document === undefined || !Array.isArray(changes)) return;
    let text = document.text;
    for (const change of changes as unknown[]) {
      const next = field(change, "text");
      if (typeof next !== "string") continue;
      const range = field(change, "range") as { start?: Position; end?: Position } | undefined;
      if (range?.start === undefined || range.end === undefined) {
        text = next;
      } else {
        const lines = new LineIndex(text);
        const [a, b] = [lines.offset(range.start), lines.offset(range.end)];
        text = text.slice(0, Math.min(a, b)) + next + text.slice(Math.max(a, b));
      }
    }
    this.update(document.uri, text, versionOf(params));
  }

  private update(uri: string, text: string, version: number | null): void {
    this.documents.set(uri, { uri, version, text });
    // Checked once the messages read so far are handled: a burst of edits is checked once.
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    setImmediate(() => {
      this.pending.delete(uri);
      this.publish(uri);
    });
  }

  private publish(uri: string): void {
    const document = this.documents.get(uri);
    if (document === undefined || this.state !== "running") return;
    try {
      const diagnostics = isSpec(uri, document.text) ? toLsp(specDiagnostics(document.text, uri), document.text, uri) : [];
      this.connection.send({
        jsonrpc: "2.0",
        method: "textDocument/publishDiagnostics",
        params: { uri, ...(document.version === null ? {} : { version: document.version }), diagnostics },
      });
    } catch (error) {
      this.connection.log(`wiredefs lsp: checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** The open document and offset a position request names. */
  private at(params: unknown): { text: string; offset: number } | undefined {
    const uri = field(params, "textDocument", "uri");
    const position = field(params, "position") as Position | undefined;
    if (typeof uri !== "string" || position === null || typeof position !== "object") {
      throw new RequestError(ERROR.invalidParams, "expected textDocument.uri and position");
    }
    const document = this.documents.get(uri);
    if (document === undefined) return undefined;
    return { text: document.text, offset: new LineIndex(document.text).offset(position) };
  }

  private reply(id: Id, result: unknown, error?: RequestError): void {
    this.connection.send(
      error === undefined
        ? { jsonrpc: "2.0", id, result: result ?? null }
        : { jsonrpc: "2.0", id, error: { code: error.code, message: error.message } },
    );
  }
}

/** A nested field of an untrusted JSON value, or undefined. */
function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as { [key: string]: unknown })[key];
  }
  return current;
}

function versionOf(params: unknown): number | null {
  const version = field(params, "textDocument", "version");
  return typeof version === "number" ? version : null;
}
