/**
 * Channels, envelopes and response bodies in the wire lock and the breaking-change rules: the
 * lock round-trips through its file, and each change breaks by its documented direction.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compare } from "../../generator/contract/compare.js";
import { buildLock, renderLock } from "../../generator/contract/lock.js";
import { parseLock } from "../../generator/contract/parse-lock.js";
import { protocolOf } from "./helpers.js";

const text = (name: string) => readFileSync(new URL(`../fixtures/envelope/${name}.yaml`, import.meta.url), "utf8");

function rulesOf(before: string, after: string): string[] {
  return compare(protocolOf(before, "previous.yaml"), protocolOf(after, "protocol.yaml"))
    .filter((f) => f.rule !== "VERSION_NOT_BUMPED")
    .map((f) => `${f.rule} ${f.item}`);
}

function swap(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`fixture lacks ${from}`);
  return source.replace(from, to);
}

describe("envelope facts in the lock", () => {
  it("are written, and read back from the lock file unchanged", () => {
    for (const name of ["dap", "jsonrpc", "kernel"]) {
      const lock = buildLock(protocolOf(text(name), "protocol.yaml"));
      expect(Object.keys(lock.envelope ?? {}).length).toBeGreaterThan(3);
      const parsed = parseLock(renderLock(lock), "protocol.lock.json");
      expect(Array.isArray(parsed)).toBe(false);
      if (!Array.isArray(parsed)) expect(parsed.lock).toEqual(JSON.parse(renderLock(lock)));
    }
    expect(buildLock(protocolOf(text("dap"), "protocol.yaml")).envelope?.["kind response answers"]).toBe("request_seq = seq of request");
  });

  it("the same spec breaks nothing", () => {
    for (const name of ["dap", "jsonrpc", "kernel"]) expect(rulesOf(text(name), text(name))).toEqual([]);
  });
});

describe("breaking-change rules of the envelope", () => {
  const dap = text("dap");
  it("a tag value changed", () => {
    expect(rulesOf(dap, swap(dap, "    event:\n      topic: event", "    event:\n      value: evt\n      topic: event"))).toEqual(["ENVELOPE_TAG_CHANGED kind event"]);
  });
  it("a field made required, a required field added; an optional one added is safe", () => {
    expect(rulesOf(dap, swap(dap, "message: { type: string, optional: true, min_length: 1 }", "message: { type: string, min_length: 1 }"))).toEqual(["ENVELOPE_FIELD_CHANGED kind response field message"]);
    expect(rulesOf(dap, swap(dap, "seq: { type: int, min: 1, doc: Sequence number of the message. }", "seq: { type: int, min: 1 }\n    id: { type: string }"))).toEqual(["ENVELOPE_FIELD_CHANGED field id"]);
    expect(rulesOf(dap, swap(dap, "seq: { type: int, min: 1, doc: Sequence number of the message. }", "seq: { type: int, min: 1 }\n    id: { type: string, optional: true }"))).toEqual([]);
  });
  it("a field's constraints are part of its type: changed, added or dropped, each breaks one side", () => {
    const lock = buildLock(protocolOf(dap, "protocol.yaml")).envelope ?? {};
    expect(lock["field seq"]).toBe("int[min=1], required");
    expect(lock["kind response field message"]).toBe("string[min_length=1], optional");
    expect(rulesOf(dap, swap(dap, "seq: { type: int, min: 1,", "seq: { type: int, min: 0,"))).toEqual(["ENVELOPE_FIELD_CHANGED field seq"]);
    expect(rulesOf(dap, swap(dap, "seq: { type: int, min: 1,", "seq: { type: int,"))).toEqual(["ENVELOPE_FIELD_CHANGED field seq"]);
  });
  it("a payload's present and nullable: in the lock, and any change breaks", () => {
    const lock = buildLock(protocolOf(dap, "protocol.yaml")).envelope ?? {};
    expect(lock["topic Command.LAUNCH payload"]).toBe("present");
    expect(rulesOf(dap, swap(dap, "payload: { optional: [PROGRAM], present: true }", "payload: { optional: [PROGRAM] }"))).toEqual(["ENVELOPE_KIND_CHANGED topic Command.LAUNCH payload"]);
    expect(rulesOf(dap, swap(dap, "payload: { optional: [PROGRAM], present: true }", "payload: { optional: [PROGRAM], present: true, nullable: true }"))).toEqual([
      "ENVELOPE_KIND_CHANGED topic Command.LAUNCH payload",
    ]);
    const rpc = text("jsonrpc");
    expect(buildLock(protocolOf(rpc, "protocol.yaml")).envelope?.["topic Method.INITIALIZE response"]).toBe("required: capabilities; optional: ; unknown keys: allow; in messages: nullable");
    expect(rulesOf(rpc, swap(rpc, "response: { required: [CAPABILITIES], nullable: true }", "response: { required: [CAPABILITIES] }"))).toEqual(["RESPONSE_CHANGED topic Method.INITIALIZE response"]);
  });
  it("a when-rule: in the lock; added, changed or removed, it breaks", () => {
    expect(buildLock(protocolOf(dap, "protocol.yaml")).envelope?.["kind response when failed"]).toBe('1: success = false: ErrorBody');
    const rule = "      when: { failed: { field: success, value: false, payload: ErrorBody } }\n";
    expect(rulesOf(swap(dap, rule, ""), dap)).toEqual(["ENVELOPE_KIND_CHANGED kind response when failed"]);
    expect(rulesOf(dap, swap(dap, rule, ""))).toEqual(["ENVELOPE_KIND_CHANGED kind response when failed"]);
    expect(rulesOf(dap, swap(dap, "value: false, payload: ErrorBody }", "value: false, payload: ErrorBody, present: true }"))).toEqual(["ENVELOPE_KIND_CHANGED kind response when failed"]);
  });
  it("correlation and payload keys changed", () => {
    expect(rulesOf(dap, swap(dap, "payload: arguments", "payload: args"))).toEqual(["ENVELOPE_KIND_CHANGED kind request payload"]);
    expect(rulesOf(dap, swap(dap, "answers: { field: request_seq, request: seq, kind: request }", "answers: { field: request_seq, request: seq }"))).toEqual([
      "ENVELOPE_KIND_CHANGED kind response answers",
    ]);
  });
  it("a response body changed", () => {
    expect(rulesOf(dap, swap(dap, "response: { required: [THREADS] }", "response: { optional: [THREADS] }"))).toEqual(["RESPONSE_CHANGED topic Command.THREADS response"]);
  });
  it("a topic leaves a channel (breaking), joins one (safe); a channel's value changes", () => {
    const kernel = text("kernel");
    expect(rulesOf(kernel, swap(kernel, "SHUTDOWN_REQUEST: { channels: [shell, control]", "SHUTDOWN_REQUEST: { channels: [control]"))).toEqual([
      "TOPIC_CHANNEL_CHANGED topic Shell.SHUTDOWN_REQUEST channels",
    ]);
    expect(rulesOf(kernel, swap(kernel, "STATUS: { from: kernel", "STATUS: { channels: [iopub, control], from: kernel"))).toEqual([]);
    // Facts are wire values: the topics on the renamed value no longer travel where they did.
    expect(rulesOf(kernel, swap(kernel, "    control: {}", "    control: { value: ctl }"))).toEqual([
      "CHANNEL_CHANGED channel control",
      "TOPIC_CHANNEL_CHANGED topic Shell.SHUTDOWN_REQUEST channels",
      "TOPIC_CHANNEL_CHANGED topic Shell.SHUTDOWN_REPLY channels",
    ]);
  });
});
