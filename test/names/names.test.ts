/** The names stage: derived identifiers, and every clash reported with both locations. */
import { describe, expect, it } from "vitest";
import { formatLocation } from "../../generator/diagnostics.js";
import type { Protocol } from "../../generator/model.js";
import { camelCase, pascalCase, snakeCase } from "../../generator/names/case.js";
import { namesOf } from "../../generator/targets.js";
import { loadProtocol } from "../../generator/spec/index.js";

function protocolOf(body: string): Protocol {
  const text = `wiredefs: 1\nprotocol: { name: demo, channel: demo, version: 1 }\n${body}`;
  const loaded = loadProtocol(text, "spec.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return loaded.protocol;
}

const clashes = (p: Protocol): string[] =>
  namesOf(p).diagnostics.map(
    (d) => `${d.code} ${d.span === undefined ? "" : formatLocation(d.span)}${(d.related ?? []).map((r) => ` ~ ${formatLocation(r.span)}`).join("")}`,
  );

describe("case conversions", () => {
  it.each([
    ["TASK_READY", "TaskReady", "taskReady", "task_ready"],
    ["HELLO", "Hello", "hello", "hello"],
    ["ModelExchangeMeta", "ModelExchangeMeta", "modelExchangeMeta", "model_exchange_meta"],
    ["verify_payload", "VerifyPayload", "verifyPayload", "verify_payload"],
    ["HTTPStatus", "HttpStatus", "httpStatus", "http_status"],
    ["V2_PING", "V2Ping", "v2Ping", "v2_ping"],
    // Nothing but underscores, or a digit first once they are dropped: still an identifier.
    ["_", "_", "_", "_"],
    ["_1", "_1", "_1", "_1"],
    ["__2x", "_2x", "_2x", "_2x"],
  ])("%s → %s, %s, %s", (name, pascal, camel, snake) => {
    expect([pascalCase(name), camelCase(name), snakeCase(name)]).toEqual([pascal, camel, snake]);
  });
});

describe("assignNames", () => {
  const topics = (names: string): string =>
    `keys:\n  K:\n    keys:\n      ID: { type: string }\ntopics:\n  T:\n    keys: K\n    topics:\n${names}`;

  it("derives payload, validator and guard names per language", () => {
    const p = protocolOf(topics("      TASK_READY: {}\n"));
    const topic = p.topicSets[0]!.topics[0]!;
    const { names, diagnostics } = namesOf(p);
    expect(diagnostics).toEqual([]);
    expect([names.typescript.type(topic), names.typescript.validator(topic), names.typescript.guard(topic)]).toEqual([
      "TaskReadyPayload",
      "validateTaskReadyPayload",
      "isTaskReadyPayload",
    ]);
    expect([names.python.type(topic), names.python.validator(topic), names.python.guard(topic)]).toEqual([
      "TaskReadyPayload",
      "validate_task_ready_payload",
      "parse_task_ready_payload",
    ]);
  });

  it("reports two topics whose derived names meet, with both locations, in each language", () => {
    // FOO_BAR and FOO__BAR are different spec names but both become FooBarPayload.
    const p = protocolOf(topics("      FOO_BAR: {}\n      FOO__BAR: {}\n"));
    expect(clashes(p)).toEqual(["WD401 spec.yaml:12:7 ~ spec.yaml:11:7", "WD401 spec.yaml:12:7 ~ spec.yaml:11:7"]);
    expect(namesOf(p).diagnostics.map((d) => d.message)).toEqual([
      'payload of topic FOO__BAR and payload of topic FOO_BAR both become the TypeScript identifier "FooBarPayload"',
      'payload of topic FOO__BAR and payload of topic FOO_BAR both become the Python identifier "FooBarPayload"',
    ]);
  });

  it("reports a record that takes a topic payload's name", () => {
    const p = protocolOf(`${topics("      PING: {}\n")}records:\n  PingPayload:\n    keys: K\n    required: [ID]\n`);
    const found = clashes(p);
    expect(found).toContain("WD401 spec.yaml:13:3 ~ spec.yaml:11:7");
    expect(found.every((c) => c.startsWith("WD401 "))).toBe(true);
  });

  it("reports a spec item named like a generated helper", () => {
    const p = protocolOf("enums:\n  PayloadByTopic:\n    values:\n      A: { value: a }\n");
    expect(clashes(p)).toEqual(["WD403 spec.yaml:4:3"]);
  });
});
