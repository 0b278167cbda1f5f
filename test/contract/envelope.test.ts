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
    expect(rulesOf(dap, swap(dap, "message: { type: string, optional: true }", "message: { type: string }"))).toEqual(["ENVELOPE_FIELD_CHANGED kind response field message"]);
    expect(rulesOf(dap, swap(dap, "seq: { type: int, doc: Sequence number of the message. }", "seq: { type: int }\n    id: { type: string }"))).toEqual(["ENVELOPE_FIELD_CHANGED field id"]);
    expect(rulesOf(dap, swap(dap, "seq: { type: int, doc: Sequence number of the message. }", "seq: { type: int }\n    id: { type: string, optional: true }"))).toEqual([]);
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
