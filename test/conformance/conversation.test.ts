/**
 * Whole messages and conversations, in both runtimes: the conversation vectors generated for
 * three protocols of the class (a tagged envelope like the Debug Adapter Protocol, JSON-RPC 2.0
 * told apart by the keys present, a kernel-messaging frame with a nested topic and several
 * channels) are run through the generated TypeScript (imported) and Python (one python3 process
 * per protocol); both must give the vectors' verdicts, and the same messages word for word.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import type { ConversationVector, MessageVector } from "../../generator/conformance/conversation.js";

const FIXTURES = new URL("../fixtures/envelope/", import.meta.url);
const OUTPUTS = "\noutputs:\n  typescript: { dir: ts }\n  python: { dir: py }\n  schema: { dir: schema, conformance: true }\n";

interface Vectors {
  readonly messages: readonly MessageVector[];
  readonly conversations: readonly ConversationVector[];
}
interface TsResult {
  readonly ok: boolean;
  readonly kind?: string;
  readonly topic?: string;
  readonly errors?: readonly { path: (string | number)[]; code: string; message: string }[];
}
interface TsVerdict {
  readonly ok: boolean;
  readonly answers?: number;
  readonly code?: string;
  readonly message?: string;
}

function generated(name: string, edit: (spec: string) => string = (spec) => spec): { dir: string; pkg: string; vectors: Vectors } {
  const text = edit(readFileSync(new URL(`${name}.yaml`, FIXTURES), "utf8")) + OUTPUTS;
  const result = generate(text, "protocol.yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const dir = mkdtempSync(join(tmpdir(), `wiredefs-conv-${name}-`));
  for (const f of result.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  writeFileSync(join(dir, "package.json"), '{"type":"module"}');
  const vectors = JSON.parse(readFileSync(join(dir, "schema/conversation.json"), "utf8")) as Vectors;
  return { dir, pkg: result.protocol.outputs.python?.package ?? name, vectors };
}

const HAS_PYTHON = (() => {
  try {
    execFileSync("python3", ["--version"]);
    return true;
  } catch {
    return false;
  }
})();

/**
 * The fixtures, and dap with its `event` kind renamed `number_min_1` or `numberMin1`: the names
 * made from a kind's name (Python's `_check_number_min_1`, TypeScript's `checkNumberMin1`) must
 * keep clear of those made from a field's constraints (`seq`'s `min: 1`), or one function
 * replaces the other (Python) or the module does not compile (TypeScript).
 */
const CASES = [
  { label: "dap", name: "dap" },
  { label: "jsonrpc", name: "jsonrpc" },
  { label: "kernel", name: "kernel" },
  { label: "dap, its event kind named like a Python constraint checker", name: "dap", edit: (spec: string) => spec.replace("\n    event:\n", "\n    number_min_1:\n") },
  { label: "dap, its event kind named like a TypeScript constraint checker", name: "dap", edit: (spec: string) => spec.replace("\n    event:\n", "\n    numberMin1:\n") },
  { label: "dap, a topic the flow orders named __proto__", name: "dap", edit: (spec: string) => spec.replace("value: launch\n", "value: __proto__\n") },
];

describe.each(CASES)("conversation vectors of $label", ({ name, edit }) => {
  const gen = generated(name, edit);

  it("cover every verdict the protocol can give", () => {
    const codes = new Set(gen.vectors.conversations.flatMap((c) => c.steps.map((s) => (s.expect.ok ? "ok" : s.expect.code))));
    expect([...codes].sort()).toEqual(
      // A JSON-RPC response names no method and a kernel message's reply topic its own request's
      // reply, so only the tagged envelope can get a reply of the wrong topic.
      name === "dap" ? ["invalid", "ok", "out_of_order", "unknown_request", "wrong_reply"] : ["invalid", "ok", "out_of_order", "unknown_request"],
    );
    const messageCodes = new Set(gen.vectors.messages.flatMap((m) => (m.expect.ok ? ["ok"] : m.expect.errors.map((e) => e.code))));
    expect(messageCodes.has("ok") && messageCodes.has("missing_key") && messageCodes.has("not_object")).toBe(true);
    expect(messageCodes.has(name === "jsonrpc" ? "unknown_kind" : "unknown_topic")).toBe(true);
  });

  it("TypeScript and Python give the vectors' verdicts, word for word alike", async () => {
    const envelope = (await import(pathToFileURL(join(gen.dir, "ts/envelope.ts")).href)) as {
      validateMessage(value: unknown, request?: string): TsResult;
    };
    const conversation = (await import(pathToFileURL(join(gen.dir, "ts/conversation.ts")).href)) as {
      Conversation: new () => { check(m: unknown): TsVerdict; accept(m: unknown): TsVerdict };
    };
    const tsMessages = gen.vectors.messages.map((v) => {
      const r = envelope.validateMessage(v.message, v.request);
      return { ok: r.ok, kind: r.ok ? r.kind : null, topic: r.ok ? (r.topic ?? null) : null, errors: r.ok ? [] : [...(r.errors ?? [])].map((e) => ({ ...e, path: [...e.path] })) };
    });
    const tsConversations = gen.vectors.conversations.map((c) => {
      const conv = new conversation.Conversation();
      return c.steps.map((s) => {
        const before = conv.check(s.message);
        const v = conv.accept(s.message);
        expect(before).toEqual(v);
        return { ok: v.ok, answers: v.ok ? (v.answers ?? null) : null, code: v.ok ? null : (v.code ?? null), message: v.ok ? "" : (v.message ?? "") };
      });
    });
    gen.vectors.messages.forEach((v, i) => {
      const got = tsMessages[i];
      const want = v.expect.ok ? { ok: true, kind: v.expect.kind, topic: v.expect.topic, errors: [] } : { ok: false, kind: null, topic: null, errors: v.expect.errors };
      expect({ ...got, errors: got?.errors.map((e) => ({ path: e.path, code: e.code })) }, `${name}: ${v.description}`).toEqual(want);
    });
    gen.vectors.conversations.forEach((c, i) => {
      const got = (tsConversations[i] ?? []).map((v) => (v.ok ? { ok: true, answers: v.answers } : { ok: false, code: v.code }));
      expect(got, `${name}: ${c.description}`).toEqual(c.steps.map((s) => s.expect));
    });
    if (!HAS_PYTHON) throw new Error("python3 is needed for this test");
    const out = join(gen.dir, "python-results.json");
    execFileSync("python3", [new URL("./run_conversation.py", import.meta.url).pathname, join(gen.dir, "py"), gen.pkg, join(gen.dir, "schema/conversation.json"), out]);
    const py = JSON.parse(readFileSync(out, "utf8")) as { messages: unknown[]; conversations: unknown[][] };
    expect(py.messages).toEqual(tsMessages);
    expect(py.conversations).toEqual(tsConversations);
  });
});

describe("an envelope field of a closed int enum (dap's Priority: LOW = 1, HIGH = 2)", () => {
  const gen = generated("dap");
  const request = (priority: unknown): unknown => ({ seq: 1, type: "request", command: "threads", priority });
  // Written from the spec: the field holds one of the enum's integers, and nothing else.
  const cases = [
    { message: request(2), ok: true },
    { message: request(1), ok: true },
    { message: request(3), ok: false },
    { message: request("2"), ok: false },
    { message: request(true), ok: false },
  ];

  it("takes its integers and refuses anything else, alike in TypeScript and Python", async () => {
    const envelope = (await import(pathToFileURL(join(gen.dir, "ts/envelope.ts")).href)) as {
      validateMessage(value: unknown, request?: string): TsResult;
    };
    const ts = cases.map((c) => {
      const r = envelope.validateMessage(c.message);
      return { ok: r.ok, kind: r.ok ? r.kind : null, topic: r.ok ? (r.topic ?? null) : null, errors: r.ok ? [] : [...(r.errors ?? [])].map((e) => ({ ...e, path: [...e.path] })) };
    });
    expect(ts.map((r) => r.ok)).toEqual(cases.map((c) => c.ok));
    for (const r of ts.filter((x) => !x.ok)) expect(r.errors.map((e) => [e.path, e.code])).toEqual([[["priority"], "wrong_type"]]);
    if (!HAS_PYTHON) throw new Error("python3 is needed for this test");
    const file = join(gen.dir, "priority-cases.json");
    writeFileSync(file, JSON.stringify({ messages: cases.map((c) => ({ message: c.message })), conversations: [] }));
    const out = join(gen.dir, "priority-results.json");
    execFileSync("python3", [new URL("./run_conversation.py", import.meta.url).pathname, join(gen.dir, "py"), gen.pkg, file, out]);
    const py = JSON.parse(readFileSync(out, "utf8")) as { messages: unknown[] };
    expect(py.messages).toEqual(ts);
  });
});
