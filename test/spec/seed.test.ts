/**
 * The seed protocol.yaml loads cleanly, and the model says what the seed documents say.
 * Expectations are written from the documents (the hand-written constants), not from the loader.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Protocol } from "../../generator/model.js";
import { loadProtocol } from "../../generator/spec/index.js";

const text = readFileSync(new URL("../../protocol.yaml", import.meta.url), "utf8");

function seed(): Protocol {
  const result = loadProtocol(text, "protocol.yaml");
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return result.protocol;
}

describe("the seed protocol.yaml", () => {
  it("loads with no errors and no warnings", () => {
    const result = loadProtocol(text, "protocol.yaml");
    expect(result.ok ? result.warnings : result.diagnostics).toEqual([]);
    expect(result.ok && result.source).toBe(text);
  });

  it("has the channel, version and name", () => {
    const p = seed();
    expect(p.name).toBe("client_api");
    expect(p.channel).toMatchObject({ name: "CHANNEL", type: "string", value: "client_api" });
    expect(p.version).toMatchObject({ name: "PROTOCOL_VERSION", type: "int", value: 1 });
    expect(p.title).toBe("Client API Cell control-protocol vocabulary.");
    expect(p.file).toBe("protocol.yaml");
  });

  it("has the 17 topics with their wire values", () => {
    const topics = seed().topicSets.find((s) => s.name === "Topic");
    expect(topics?.prefix).toBe("client_api.");
    expect(topics?.topics.map((t) => t.name)).toEqual([
      "HELLO", "HELLO_CHALLENGE", "HELLO_PROOF", "HELLO_ACCEPTED", "HELLO_REJECTED", "TASK_READY",
      "TASK_ACCEPTED", "TASK_FAILED", "RESULT_READY", "RESULT_ACCEPTED", "RESULT_REJECTED", "LOG",
      "HEARTBEAT", "ABORT", "SHUTDOWN", "BYE", "ERROR",
    ]);
    const byName = new Map(topics?.topics.map((t) => [t.name, t]));
    expect(byName.get("HELLO_REJECTED")?.value).toBe("client_api.hello_rejected");
    expect(byName.get("HEARTBEAT")?.value).toBe("client_api.heartbeat");
    expect(byName.get("HELLO")?.derived).toBe(true);
    expect(byName.get("HELLO_PROOF")?.replies.map((t) => t.name)).toEqual(["HELLO_ACCEPTED", "HELLO_REJECTED"]);
    expect(byName.get("HELLO")?.payload.fields.map((f) => [f.key.name, f.required])).toEqual([
      ["SESSION_ID", true], ["JOB_ID", true], ["SITE_NAME", true], ["TRAINER_FQCN", true], ["RANK", true],
      ["PROTOCOL_VERSION", true],
    ]);
    expect(byName.get("TASK_FAILED")?.from).toBeUndefined();
    expect(byName.get("ABORT")?.from?.name).toBe("engine");
    expect(byName.get("TASK_READY")?.section?.title).toBe("Per task");
  });

  it("has the 15 message keys, typed", () => {
    const keys = seed().keySets.find((s) => s.name === "MsgKey")?.keys ?? [];
    expect(keys).toHaveLength(15);
    const byName = new Map(keys.map((k) => [k.name, k]));
    expect(byName.get("SESSION_ID")?.value).toBe("session_id");
    expect(byName.get("TRAINER_FQCN")?.value).toBe("trainer_fqcn");
    expect(byName.get("RANK")?.type).toEqual({ kind: "scalar", name: "int" });
    expect(byName.get("MODEL")?.type).toEqual({ kind: "scalar", name: "any" });
  });

  it("has the model-exchange enums and keys", () => {
    const p = seed();
    const encoding = p.enums.find((e) => e.name === "ModelEncoding");
    expect(encoding?.members.map((m) => [m.name, m.value])).toEqual([
      ["BASE64", "base64"], ["HEX", "hex"], ["UTF8", "utf8"], ["ASCII", "ascii"], ["NONE", "none"],
    ]);
    expect(encoding?.members[4]?.derived).toBe(false);
    const format = p.keySets.find((s) => s.name === "ModelExchangeFormat");
    const type = format?.keys.find((k) => k.name === "MODEL_BUFFER_ENCODING")?.type;
    expect(type?.kind === "enum" && type.enum).toBe(encoding);
    expect(format?.keys.find((k) => k.name === "MODEL_BUFFER_TYPE")?.value).toBe("model_buffer_type");
  });

  it("has the record's rules as wire values and its verify function", () => {
    const record = seed().records[0];
    expect(record?.name).toBe("ModelExchangeMeta");
    expect(record?.fields.map((f) => [f.key.name, f.required])).toEqual([
      ["MODEL_BUFFER_TYPE", true], ["MODEL_BUFFER_NATIVE_FORMAT", true], ["MODEL_BUFFER_ENCODING", true],
      ["MODEL_VERSION", false],
    ]);
    expect(record?.rules.map((r) => [r.id, r.if.key.name, r.if.values, r.then.key.name, r.then.values])).toEqual([
      ["binary_needs_text_encoding", "MODEL_BUFFER_NATIVE_FORMAT", ["binary"], "MODEL_BUFFER_ENCODING", ["base64", "hex"]],
      ["string_needs_character_encoding", "MODEL_BUFFER_NATIVE_FORMAT", ["string"], "MODEL_BUFFER_ENCODING", ["utf8", "ascii", "none"]],
    ]);
    expect(record?.verify).toMatchObject({
      function: "verify_payload",
      argument: "task_dxo",
      argumentDoc: "The task data dxo to verify",
      attribute: "meta",
      containerType: "DXO",
    });
    expect(record?.verify?.expects.map((e) => [e.key.name, e.param, e.label])).toEqual([
      ["MODEL_BUFFER_TYPE", "expected_type", "model type"],
      ["MODEL_BUFFER_NATIVE_FORMAT", "expected_format", "native format"],
      ["MODEL_BUFFER_ENCODING", "expected_encoding", "encoding"],
    ]);
  });

  it("has the session flow with replies marked", () => {
    const flow = seed().flows[0];
    expect(flow?.name).toBe("session");
    const [hello, challenge, proof, alt, loop] = flow?.steps ?? [];
    expect(hello).toMatchObject({ kind: "message", reply: false });
    expect(hello?.kind === "message" && [hello.from.name, hello.to.name]).toEqual(["trainer", "engine"]);
    expect(challenge).toMatchObject({ kind: "message", reply: true });
    // HELLO_PROOF answers HELLO_CHALLENGE, itself a reply: drawn as the diagram draws it, a solid arrow.
    expect(proof).toMatchObject({ kind: "message", reply: false });
    expect(alt?.kind === "alt" && alt.branches.map((b) => b.label)).toEqual([
      "auth success", "auth failure (bad proof / wrong scope / expired nonce)",
    ]);
    expect(alt?.kind === "alt" && alt.branches[0]?.steps[0]).toMatchObject({ kind: "message", reply: true });
    expect(loop).toMatchObject({ kind: "loop", label: "Every training round" });
  });

  it("has docs trimmed, reserved values and outputs", () => {
    const p = seed();
    expect(p.doc?.startsWith("The Client API Cell control-protocol vocabulary, consumed by")).toBe(true);
    expect(p.doc?.endsWith("does not use this protocol.")).toBe(true);
    expect(p.doc).toContain("\n\nPure constants");
    expect(p.license?.endsWith("limitations under the License.")).toBe(true);
    expect(p.reserved[0]?.channels.map((v) => v.value)).toEqual(["flare_agent"]);
    expect(p.reserved[0]?.topics.map((v) => v.value)).toEqual(["get_task", "submit_result", "heartbeat", "hello", "bye", "abort"]);
    // Each output also carries the span of its dir (where messages about its files point).
    expect(p.outputs).toMatchObject({
      typescript: { dir: "generated/ts" },
      python: { dir: "generated/python", package: "client_api" },
      docs: { dir: "generated/docs" },
      schema: { dir: "generated/schema" },
    });
    expect(text.split("\n")[(p.outputs.typescript?.span?.line ?? 0) - 1]).toBe("    dir: generated/ts");
  });

  it("locates items by their key (1-based)", () => {
    const hello = seed().topicSets[0]?.topics[0];
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l === "      HELLO:") + 1;
    expect(hello?.span).toMatchObject({ file: "protocol.yaml", line, col: 7 });
  });

  it("reads the same with CRLF line endings", () => {
    const crlf = loadProtocol(text.replace(/\n/g, "\r\n"), "protocol.yaml");
    const noSpans = (k: string, v: unknown) => (k === "span" || k.endsWith("Span") ? undefined : v);
    expect(crlf.ok && JSON.stringify(crlf.protocol, noSpans)).toBe(JSON.stringify(seed(), noSpans));
  });

  it("is deep-frozen", () => {
    const p = seed();
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.topicSets[0]?.topics[0]?.payload.fields[0]?.key)).toBe(true);
    expect(Object.isFrozen(p.records[0]?.rules[0]?.then.values)).toBe(true);
  });
});
