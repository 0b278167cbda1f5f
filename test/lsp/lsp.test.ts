/**
 * `wiredefs lsp`, driven over stdio as an editor drives it: the diagnostics it publishes are the
 * ones `wiredefs gen` prints for the same file (compared with the CLI's actual output), and
 * completion, hover and the lifecycle behave as LSP requires.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, Client } from "./client.js";
import type { LspDiagnostic } from "./client.js";

const SPEC = `wiredefs: 1
protocol:
  name: demo
  channel: demo
  version: 1
actors:
  client: { doc: The caller. }
  server: { doc: The callee. }
enums:
  Level:
    doc: How loud a message is.
    values:
      LOW: { doc: Quiet. }
      HIGH: {}
keys:
  Key:
    doc: The payload keys.
    prefix: k_
    keys:
      SESSION_ID: { type: string, doc: Identifies the session. }
      LEVEL: { type: Level }
      TAGS: { type: list<string> }
      EXTRA: { type: "map<list<Level>>" }
  Other:
    keys:
      NOTE: { type: string }
      SIZE: { type: int }
records:
  Meta:
    doc: What travels with a model.
    keys: Other
    required: [NOTE]
topics:
  Topic:
    prefix: demo.
    keys: Key
    topics:
      HELLO:
        doc: Opens a session.
        from: client
        to: server
        replies: [WELCOME]
        payload: { required: [SESSION_ID], optional: [LEVEL] }
      WELCOME:
        from: server
        to: client
        payload: { required: [SESSION_ID, TAGS, EXTRA] }
      BYE: { doc: "👋 Ends it.", from: client, to: server }
flows:
  session:
    steps: [HELLO, WELCOME, { topic: BYE, from: client, to: server }]
`;

const URI = "file:///project/protocol.yaml";

interface Printed {
  readonly line: number;
  readonly col: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "wiredefs-lsp-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `wiredefs gen` prints for this text: each diagnostic's location, code, message and hint. */
function cliDiagnostics(text: string): Printed[] {
  writeFileSync(join(dir, "protocol.yaml"), text);
  const run = spawnSync(process.execPath, [BIN, "gen", "--spec", "protocol.yaml"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const out: Printed[] = [];
  let last: { -readonly [k in keyof Printed]: Printed[k] } | undefined;
  for (const line of run.stderr.split("\n")) {
    const head = /^protocol\.yaml:(\d+):(\d+) (error|warning) (WD\d+): (.*)$/.exec(line);
    if (head !== null) {
      last = { line: Number(head[1]), col: Number(head[2]), severity: head[3] ?? "", code: head[4] ?? "", message: head[5] ?? "" };
      out.push(last);
      continue;
    }
    const hint = /^ {2}hint: (.*)$/.exec(line);
    if (hint !== null && last !== undefined) last.hint = hint[1] ?? "";
  }
  return out;
}

/** The same facts, from what the server published. */
function published(list: readonly LspDiagnostic[]): Printed[] {
  return list.map((d) => {
    const [message = "", hint] = d.message.split("\nhint: ");
    return {
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      severity: d.severity === 1 ? "error" : "warning",
      code: d.code,
      message,
      ...(hint === undefined ? {} : { hint }),
    };
  });
}

/** The position of the `n`th occurrence of `needle` in `text`, plus `shift` characters (UTF-16). */
function positionOf(text: string, needle: string, shift = 0, n = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle} in the text`);
  const before = text.slice(0, at + shift);
  const lines = before.split("\n");
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? "").length };
}

describe("diagnostics", () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client();
    await client.initialize();
  });
  afterAll(async () => {
    await client.stop();
  });

  it("the clean spec has none, as gen prints none", async () => {
    expect(cliDiagnostics(SPEC)).toEqual([]);
    expect(await client.open("file:///project/clean.yaml", SPEC)).toEqual([]);
  });

  it("a typo gets the diagnostic gen prints: code, message, location and did-you-mean", async () => {
    const text = SPEC.replace("replies: [WELCOME]", "replys: [WELCOME]");
    const cli = cliDiagnostics(text);
    expect(cli.map((d) => d.code)).toEqual(["WD202"]);
    expect(cli[0]?.hint).toBe('did you mean "replies"?');
    expect(published(await client.open(URI, text, 1))).toEqual(cli);
  });

  it("semantic errors (unknown payload key, type, actor) match gen's, columns in UTF-16 past an emoji", async () => {
    const text = SPEC.replace("required: [SESSION_ID]", "required: [SESION_ID]")
      .replace("{ type: Level }", "{ type: Levl }")
      .replace('to: server }', "to: srver }");
    const cli = cliDiagnostics(text);
    expect(cli.map((d) => d.code)).toEqual(["WD302", "WD301", "WD304"]);
    expect(cli.every((d) => d.hint?.startsWith("did you mean") === true)).toBe(true);
    const lsp = await client.change(URI, text, 2);
    expect(published(lsp)).toEqual(cli);
    // The actor after the emoji: the CLI's column counts UTF-16 code units, as LSP does.
    const srver = lsp.find((d) => d.code === "WD304");
    expect(srver?.range.start).toEqual(positionOf(text, "srver"));
    expect(srver?.range.end).toEqual(positionOf(text, "srver", "srver".length));
  });

  it("a names-stage error (two topics becoming one identifier) matches gen's, with its related location", async () => {
    const text = SPEC.replace("      BYE:", "      HEL_LO: {}\n      HEL__LO: {}\n      BYE:");
    const cli = cliDiagnostics(text);
    expect(cli.map((d) => d.code)).toContain("WD401");
    const lsp = await client.change(URI, text, 3);
    expect(published(lsp)).toEqual(cli);
    expect(lsp.find((d) => d.code === "WD401")).toHaveProperty("relatedInformation.0.location.uri", URI);
  });

  it("warnings of a spec that loads are published as gen prints them", async () => {
    const text = SPEC.replace("      LEVEL: { type: Level }\n", "      LEVEL: { type: string }\n").replace("{ type: \"map<list<Level>>\" }", "{ type: any }");
    const cli = cliDiagnostics(text);
    expect(cli.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning WD391"]);
    expect(published(await client.change(URI, text, 4))).toEqual(cli);
  });

  it("checks only documents that are specs, so it can be attached to every YAML file", async () => {
    expect(await client.open("file:///project/docker-compose.yaml", "services:\n  web: { image: nginx }\n")).toEqual([]);
    // Named like a spec, or saying it is one: checked, even when the rest is wrong.
    expect((await client.open("file:///project/api/protocol.yml", "services: {}\n")).map((d) => d.code)).toContain("WD203");
    const text = "wiredefs: 1\nprotocl: {}\n";
    expect((await client.open("file:///project/chat.yaml", text)).map((d) => d.code)).toEqual(cliDiagnostics(text).map((d) => d.code));
  });

  it("fixing the spec clears the diagnostics, and closing the document clears them too", async () => {
    const broken = SPEC.replace("version: 1", "version: one");
    expect((await client.change(URI, broken, 5)).length).toBeGreaterThan(0);
    expect(await client.change(URI, SPEC, 6)).toEqual([]);
    await client.change(URI, broken, 7);
    const since = client.received.length;
    client.notify("textDocument/didClose", { textDocument: { uri: URI } });
    expect(await client.diagnosticsOf(URI, undefined, since)).toEqual([]);
  });
});

describe("completion and hover", () => {
  let client: Client;
  const uri = "file:///project/edit.yaml";
  beforeAll(async () => {
    client = new Client();
    await client.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
  });
  afterAll(async () => {
    await client.stop();
  });

  async function labels(text: string, needle: string, shift: number, n = 1): Promise<string[]> {
    await client.open(uri, text);
    const reply = await client.request("textDocument/completion", { textDocument: { uri }, position: positionOf(text, needle, shift, n) });
    expect(reply.error).toBeUndefined();
    return ((reply.result as { items?: { label: string }[] } | null)?.items ?? []).map((i) => i.label);
  }

  async function hoverText(text: string, needle: string, shift: number, n = 1): Promise<string | undefined> {
    await client.open(uri, text);
    const reply = await client.request("textDocument/hover", { textDocument: { uri }, position: positionOf(text, needle, shift, n) });
    expect(reply.error).toBeUndefined();
    return (reply.result as { contents: { value: string } } | null)?.contents.value;
  }

  it("completes actors in from and to, also while the value is still empty", async () => {
    expect(await labels(SPEC, "from: client", "from: cl".length)).toEqual(["client", "server"]);
    expect(await labels(SPEC.replace("        to: server\n", "        to: \n"), "to: \n", "to: ".length)).toEqual(["client", "server"]);
  });

  it("completes topics of the same set in replies, without the ones already listed", async () => {
    const text = SPEC.replace("replies: [WELCOME]", "replies: [WELCOME, ]");
    expect(await labels(text, "replies: [WELCOME, ]", "replies: [WELCOME, ".length)).toEqual(["HELLO", "BYE"]);
  });

  it("completes payload keys from the topic set's key set (not another set's)", async () => {
    const text = SPEC.replace("optional: [LEVEL]", "optional: [LEVEL, ]");
    expect(await labels(text, "optional: [LEVEL, ]", "optional: [LEVEL, ".length)).toEqual(["SESSION_ID", "TAGS", "EXTRA"]);
  });

  it("completes key sets in keys:, types in type: (built-ins, enums, list<…>, map<…>) and inside list<…>", async () => {
    expect(await labels(SPEC, "keys: Key", "keys: K".length)).toEqual(["Key", "Other"]);
    const types = ["Level", "Meta", "string", "int", "float", "bool", "any", "json", "null", "list<…>", "map<…>"];
    expect(await labels(SPEC, "type: Level", "type: Le".length)).toEqual(types);
    expect(await labels(SPEC, "list<string>", "list<st".length)).toEqual(types);
  });

  it("completes types after | in a union, in local fields of records and payloads, unions among them; records in from: and variants", async () => {
    const text = `wiredefs: 1
protocol: { name: demo, channel: demo, version: 1 }
enums:
  Level: { values: { LOW: {} } }
records:
  Ok: { fields: { result: { type: json } } }
  Ref: { from: Ok }
unions:
  Reply: { tag: status, variants: { ok: Ok } }
topics:
  T:
    topics:
      R:
        payload:
          fields:
            id: { type: int | st }
`;
    const types = ["Level", "Ok", "Ref", "Reply", "string", "int", "float", "bool", "any", "json", "null", "list<…>", "map<…>"];
    expect(await labels(text, "int | st", "int | st".length)).toEqual(types);
    expect(await labels(text, "type: json", "type: js".length)).toEqual(types);
    expect(await labels(text, "from: Ok", "from: O".length)).toEqual(["Ok", "Ref"]);
    expect(await labels(text, "ok: Ok", "ok: O".length)).toEqual(["Ok", "Ref"]);
    expect(await hoverText(text, "type: json", "type: js".length)).toContain("JsonValue");
  });

  it("completes a record's fields from its key set", async () => {
    const text = SPEC.replace("required: [NOTE]", "required: [NOTE, ]");
    expect(await labels(text, "required: [NOTE, ]", "required: [NOTE, ".length)).toEqual(["SIZE"]);
  });

  it("completes topics in flow steps, and actors in a step's from", async () => {
    const text = SPEC.replace("steps: [HELLO, WELCOME,", "steps: [HELLO, , WELCOME,");
    expect(await labels(text, "steps: [HELLO, ,", "steps: [HELLO, ".length)).toEqual(["HELLO", "WELCOME", "BYE"]);
    expect(await labels(SPEC, "topic: BYE, from: client", "topic: BYE, from: ".length)).toEqual(["client", "server"]);
  });

  it("offers nothing where no name is expected", async () => {
    expect(await labels(SPEC, "doc: Opens a session.", "doc: Op".length)).toEqual([]);
  });

  it("replaces the word being typed, counting UTF-16 code units after an emoji", async () => {
    const text = SPEC.replace("to: server }", "to: ser }");
    await client.open(uri, text);
    const position = positionOf(text, "to: ser }", "to: ser".length);
    const reply = await client.request("textDocument/completion", { textDocument: { uri }, position });
    const items = (reply.result as { items: { label: string; textEdit: { range: { start: object; end: object } } }[] }).items;
    expect(items.map((i) => i.label)).toEqual(["client", "server"]);
    expect(items[1]?.textEdit.range).toEqual({ start: positionOf(text, "ser }"), end: positionOf(text, "ser }", 3) });
  });

  it("shows the doc of a referenced actor, topic, key and type, and of a definition", async () => {
    expect(await hoverText(SPEC, "from: client", "from: c".length)).toContain("The caller.");
    expect(await hoverText(SPEC, "replies: [WELCOME]", "replies: [W".length)).toContain("**topic** `Topic.WELCOME`");
    const key = await hoverText(SPEC, "required: [SESSION_ID]", "required: [S".length);
    expect(key).toContain("Identifies the session.");
    expect(key).toContain('"k_session_id"');
    expect(await hoverText(SPEC, "map<list<Level>>", "map<list<Le".length)).toContain("How loud a message is.");
    expect(await hoverText(SPEC, "list<string>", "list<s".length)).toContain("built-in type");
    expect(await hoverText(SPEC.replace("list<string>", "list<Meta>"), "list<Meta>", "list<M".length)).toContain("What travels with a model.");
    const topic = await hoverText(SPEC, "HELLO:", 1);
    expect(topic).toContain("Opens a session.");
    expect(topic).toContain('"demo.hello"');
    expect(await hoverText(SPEC, "LOW:", 1)).toContain("Quiet.");
    expect(await hoverText(SPEC, "keys: Key", "keys: K".length)).toContain("The payload keys.");
    expect(await hoverText(SPEC, "steps: [HELLO", "steps: [H".length)).toContain("Opens a session.");
    expect(await hoverText(SPEC, "topic: BYE", "topic: B".length)).toContain("👋 Ends it.");
    expect(await hoverText(SPEC, "Level:", 1)).toContain("How loud a message is.");
  });

  it("shows nothing for a name the spec does not define", async () => {
    expect(await hoverText(SPEC.replace("from: client", "from: nobody"), "from: nobody", "from: n".length)).toBeUndefined();
  });
});

describe("lifecycle and robustness", () => {
  it("refuses requests before initialize, answers unknown requests with MethodNotFound, ignores unknown notifications", async () => {
    const client = new Client();
    const early = await client.request("textDocument/hover", { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    expect(early.error?.code).toBe(-32002);
    const init = await client.initialize();
    expect(init.result).toMatchObject({ capabilities: { hoverProvider: true, textDocumentSync: { openClose: true, change: 1 } } });
    client.notify("$/somethingNew", { x: 1 });
    client.notify("workspace/didChangeConfiguration", { settings: {} });
    expect((await client.request("workspace/somethingUnknown", {})).error?.code).toBe(-32601);
    expect((await client.request("initialize", { capabilities: {} })).error?.code).toBe(-32600);
    expect(await client.stop()).toBe(0);
  });

  it("exits with 1 on exit without shutdown", async () => {
    const client = new Client();
    await client.initialize();
    client.notify("exit");
    expect(await client.exited).toBe(1);
  });

  it("answers a body that is not JSON with a parse error and keeps serving", async () => {
    const client = new Client();
    await client.initialize();
    client.raw("Content-Length: 9\r\n\r\n{not json");
    const error = await client.waitFor((m) => m.error?.code === -32700);
    expect(error.id).toBeNull();
    expect(await client.open(URI, SPEC)).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it("never fails a request on a half-written spec: every prefix of the repository's protocol.yaml", async () => {
    const seed = readFileSync(new URL("../../protocol.yaml", import.meta.url), "utf8");
    const client = new Client();
    await client.initialize();
    const step = Math.max(1, Math.floor(seed.length / 60));
    let version = 0;
    for (let cut = 0; cut <= seed.length; cut += step) {
      const text = seed.slice(0, cut);
      const lines = text.split("\n");
      const end = { line: lines.length - 1, character: (lines[lines.length - 1] ?? "").length };
      await client.open(URI, text, ++version);
      for (const method of ["textDocument/completion", "textDocument/hover"]) {
        for (const position of [end, { line: 0, character: 0 }, { line: Math.floor(lines.length / 2), character: 9 }]) {
          const reply = await client.request(method, { textDocument: { uri: URI }, position });
          expect(reply.error, `${method} at ${cut}`).toBeUndefined();
        }
      }
    }
    // Nonsense the server must survive: positions past the end, a document it never saw.
    const far = await client.request("textDocument/completion", { textDocument: { uri: URI }, position: { line: 1e9, character: -5 } });
    expect(far.error).toBeUndefined();
    expect((await client.request("textDocument/hover", { textDocument: { uri: "file:///nope.yaml" }, position: { line: 0, character: 0 } })).result).toBeNull();
    expect(client.stderr).toBe("");
    expect(await client.stop()).toBe(0);
  });
});
