/**
 * The JSON Schema of whole messages against the conversation vectors of three protocols of the
 * class (a tagged envelope like the Debug Adapter Protocol, JSON-RPC 2.0 told apart by the keys
 * present, a kernel-messaging frame with a nested topic and several channels): jsonschema and ajv
 * give every message vector the vector's verdict (which comes from how the case was built, not
 * from the schema or a validator), and every conversation step refused as `invalid` is invalid
 * for the schema while every other step's message is valid.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { ConversationVector, MessageVector } from "../../generator/conformance/conversation.js";
import { generate } from "../../generator/generate.js";
import { ajvVerdicts, jsonschemaVerdicts, type SchemaCase } from "./message-schema.js";

const FIXTURES = new URL("../fixtures/envelope/", import.meta.url);
const OUTPUTS = "\noutputs:\n  schema: { dir: schema, conformance: true }\n";

function generated(name: string) {
  const result = generate(readFileSync(new URL(`${name}.yaml`, FIXTURES), "utf8") + OUTPUTS, "protocol.yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const file = (path: string): string => {
    const found = result.files.find((f) => f.path === path);
    if (found === undefined) throw new Error(`${path} not generated`);
    return found.text;
  };
  const bundle = JSON.parse(file("schema/messages.schema.json")) as { [key: string]: unknown };
  const vectors = JSON.parse(file("schema/conversation.json")) as { messages: MessageVector[]; conversations: ConversationVector[] };
  return { protocol: result.protocol, bundle, vectors };
}

describe.each(["dap", "jsonrpc", "kernel"])("whole-message schema of %s", (name) => {
  const gen = generated(name);
  const messages: SchemaCase[] = gen.vectors.messages.map((v) => ({ message: v.message, request: v.request }));
  const steps = gen.vectors.conversations.flatMap((c) => c.steps.map((s, i) => ({ conversation: c.description, i, ...s })));
  const cases = [...messages, ...steps.map((s) => ({ message: s.message }))];
  const want = [...gen.vectors.messages.map((v) => v.expect.ok), ...steps.map((s) => s.expect.ok || s.expect.code !== "invalid")];
  const what = [...gen.vectors.messages.map((v) => v.description), ...steps.map((s) => `${s.conversation}, step ${s.i}`)];

  test("the vectors hold valid and invalid messages, and replies judged with their request's topic", () => {
    expect(want.filter((w) => w).length).toBeGreaterThan(5);
    expect(want.filter((w) => !w).length).toBeGreaterThan(5);
    if (name === "jsonrpc") expect(messages.some((m) => m.request !== undefined)).toBe(true);
  });

  test("jsonschema gives each message the vectors' verdict", () => {
    const got = jsonschemaVerdicts(gen.protocol, gen.bundle, cases);
    const wrong = what.flatMap((w, i) => (got[i] === want[i] ? [] : [`${w}: expected ${want[i] ? "valid" : "invalid"}`]));
    expect(wrong).toEqual([]);
  });

  test("ajv (strict) gives each message the vectors' verdict", () => {
    const got = ajvVerdicts(gen.protocol, gen.bundle, cases);
    const wrong = what.flatMap((w, i) => (got[i] === want[i] ? [] : [`${w}: expected ${want[i] ? "valid" : "invalid"}`]));
    expect(wrong).toEqual([]);
  });
});

test("channels: each channel's topics as an enum, each topic's message says where it travels", () => {
  const { bundle } = generated("kernel");
  const defs = bundle["$defs"] as { [name: string]: { enum?: string[]; description?: string } };
  expect(defs["ShellTopic"]?.enum).toEqual(["execute_request", "execute_reply", "shutdown_request", "shutdown_reply"]);
  expect(defs["ControlTopic"]?.enum).toEqual(["shutdown_request", "shutdown_reply"]);
  expect(defs["IopubTopic"]?.enum).toEqual(["status"]);
  expect(defs["ShutdownRequestMessage"]?.description).toContain('Travels on channels "shell", "control".');
  expect(bundle["$ref"]).toBe("#/$defs/AnyMessage");
});

test("a payload chosen by a field: a failed response carries the when-rule's record instead of its topic's response", () => {
  const { protocol, bundle } = generated("dap");
  const response = (success: boolean, body?: unknown): unknown => ({
    seq: 2,
    type: "response",
    request_seq: 1,
    command: "threads",
    success,
    ...(body === undefined ? {} : { body }),
  });
  // The spec: threads' response requires `threads`; `when: failed` (success false) carries an
  // ErrorBody, whose one field, `error`, is an optional string.
  const cases = [
    { message: response(false), valid: true },
    { message: response(false, { error: "no threads" }), valid: true },
    { message: response(false, { error: 5 }), valid: false },
    { message: response(true), valid: false },
    { message: response(true, { threads: [] }), valid: true },
    { message: response(true, { error: "no threads" }), valid: false },
  ];
  expect(jsonschemaVerdicts(protocol, bundle, cases)).toEqual(cases.map((c) => c.valid));
  expect(ajvVerdicts(protocol, bundle, cases)).toEqual(cases.map((c) => c.valid));
  const defs = bundle["$defs"] as { [name: string]: unknown };
  expect(defs["FailedResponse"]).toMatchObject({ $ref: "#/$defs/ResponseMessage", properties: { success: { const: false } }, required: ["success"] });
});
