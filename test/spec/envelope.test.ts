/**
 * The envelope and channels in the spec stage: the model each construct builds, and a located
 * error with its own code for every bad input.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadProtocol } from "../../generator/spec/index.js";
import type { LoadResult } from "../../generator/spec/index.js";
import { positions, reported } from "./helpers.js";

const FIXTURES = new URL("../fixtures/envelope/", import.meta.url);
const fixture = (name: string): LoadResult => loadProtocol(readFileSync(new URL(`${name}.yaml`, FIXTURES), "utf8"), `${name}.yaml`);

function load(protocolBlock: string, body: string): LoadResult {
  return loadProtocol(`wiredefs: 1\nprotocol:\n  name: demo\n  version: 1\n${protocolBlock}${body}`, "inline.yaml");
}
const ONE = "  channel: demo\n";
const TOPICS = `keys:
  K:
    keys:
      A: { type: string }
topics:
  Req:
    keys: K
    topics:
      PING: { payload: { required: [A] } }
      PONG: {}
`;

function codes(result: LoadResult): string[] {
  return positions(reported(result));
}

describe("envelope: the model", () => {
  it("DAP: a tag, kinds with tag values, implicit topic fields, correlation to the request kind", () => {
    const r = fixture("dap");
    expect(codes(r)).toEqual([]);
    if (!r.ok) return;
    const e = r.protocol.envelope;
    expect(e?.tag?.key).toBe("type");
    expect(e?.kinds.map((k) => [k.name, k.value, k.topic?.keys.join("."), k.payload?.key, k.responses])).toEqual([
      ["request", "request", "command", "arguments", false],
      ["response", "response", "command", "body", true],
      ["event", "event", "event", "body", false],
    ]);
    const response = e?.kinds[1];
    expect(response?.fields.map((f) => [f.key.value, f.required])).toEqual([
      ["command", true],
      ["request_seq", true],
      ["success", true],
      ["message", false],
    ]);
    expect(response?.answers?.field.keys).toEqual(["request_seq"]);
    expect(response?.answers?.request.keys).toEqual(["seq"]);
    expect(response?.answers?.kinds.map((k) => k.name)).toEqual(["request"]);
    const threads = r.protocol.topicSets[0]?.topics.find((t) => t.name === "THREADS");
    expect(threads?.response?.payload.fields.map((f) => f.key.value)).toEqual(["threads"]);
  });

  it("JSON-RPC: no tag, a literal field, union and nullable ids", () => {
    const r = fixture("jsonrpc");
    expect(codes(r)).toEqual([]);
    if (!r.ok) return;
    const e = r.protocol.envelope;
    expect(e?.tag).toBeUndefined();
    expect(e?.fields[0]?.type).toEqual({ kind: "literal", value: "2.0" });
    expect(e?.kinds.map((k) => k.value)).toEqual([undefined, undefined, undefined, undefined]);
    const id = e?.kinds[2]?.fields[0]?.type;
    expect(id?.kind === "nullable" && id.of.kind === "oneOf" && id.of.of.length).toBe(2);
    expect(e?.kinds[2]?.payload).toMatchObject({ key: "result", required: true });
  });

  it("kernel messaging: a nested topic path, channels per set and per topic", () => {
    const r = fixture("kernel");
    expect(codes(r)).toEqual([]);
    if (!r.ok) return;
    const kind = r.protocol.envelope?.kinds[0];
    expect(kind?.topic?.keys).toEqual(["header", "msg_type"]);
    expect(kind?.topic?.fields.map((f) => f.key.value)).toEqual(["header", "msg_type"]);
    expect(kind?.answers?.field.keys).toEqual(["parent_header", "msg_id"]);
    expect(kind?.answers?.kinds.map((k) => k.name)).toEqual(["message"]);
    expect(r.protocol.channels.map((c) => c.value)).toEqual(["shell", "iopub", "control"]);
    expect(r.protocol.channel.value).toBe("shell");
    const byTopic = Object.fromEntries(r.protocol.topicSets.flatMap((s) => s.topics.map((t) => [t.name, t.channels.map((c) => c.name)])));
    expect(byTopic).toEqual({
      EXECUTE_REQUEST: ["shell"],
      EXECUTE_REPLY: ["shell"],
      SHUTDOWN_REQUEST: ["shell", "control"],
      SHUTDOWN_REPLY: ["shell", "control"],
      STATUS: ["iopub"],
    });
  });

  it("one channel: topics carry no channel list", () => {
    const r = load(ONE, TOPICS);
    expect(r.ok && r.protocol.channels).toEqual([]);
    expect(r.ok && r.protocol.topicSets[0]?.topics[0]?.channels).toEqual([]);
  });
});

describe("channels: located errors", () => {
  it("WD360: both channel and channels; WD203 when neither, as before channels existed", () => {
    expect(codes(load("  channel: x\n  channels: { a: {} }\n", ""))).toEqual(["WD360 6:3"]);
    expect(codes(load("", ""))).toEqual(["WD203 2:1"]);
  });
  it("WD361: an unknown channel, with a suggestion", () => {
    const r = load("  channels: { shell: {}, iopub: {} }\n", TOPICS.replace("    keys: K\n    topics:", "    keys: K\n    channel: shel\n    topics:"));
    expect(codes(r)).toEqual(["WD361 13:14"]);
    expect(!r.ok && r.diagnostics[0]?.hint).toBe('did you mean "shell"?');
  });
  it("WD362: a channel named in a one-channel protocol", () => {
    expect(codes(load(ONE, TOPICS.replace("PONG: {}", "PONG: { channels: [x] }")))).toEqual(["WD362 15:26"]);
  });
  it("WD306: two channels with one wire value", () => {
    expect(codes(load("  channels: { a: { value: x }, b: { value: x } }\n", ""))).toEqual(["WD306 5:44"]);
  });
});

const ENV = (kinds: string, head = "") => `envelope:\n${head}  kinds:\n${kinds}`;

describe("envelope: located errors", () => {
  it("WD363: an unknown topic set", () => {
    expect(codes(load(ONE, TOPICS + ENV("    req: { topic: op, topics: Reqs }\n")))).toEqual(["WD363 18:31"]);
  });
  it("WD363: a topic field but no topic set", () => {
    expect(codes(load(ONE, TOPICS + ENV("    req: { topic: op }\n")))).toEqual(["WD363 18:5"]);
  });
  it("WD364: a field path that names no field", () => {
    const head = "  fields:\n    header: { type: map<any> }\n";
    expect(codes(load(ONE, TOPICS + ENV("    req: { topic: header.op, topics: Req }\n", head)))).toEqual(["WD364 20:19"]);
    const answers = "    req: { topic: op, topics: Req, answers: { field: re, request: id } }\n";
    expect(codes(load(ONE, TOPICS + ENV(answers)))).toEqual(["WD364 18:54", "WD364 18:67"]);
  });
  it("WD365: a wire key with two roles in one kind", () => {
    const head = "  tag: type\n  fields:\n    type: { type: string }\n    seq: { type: int }\n";
    expect(codes(load(ONE, TOPICS + ENV("    req: { topic: op, payload: seq, topics: Req }\n", head)))).toEqual(["WD365 19:5", "WD365 22:32"]);
  });
  it("WD366: two kinds with one tag value; a tag value without a tag; kinds no key tells apart", () => {
    const tagged = "    a: { value: x, topic: op, topics: Req }\n    b: { value: x, topic: op, topics: Req }\n";
    expect(codes(load(ONE, TOPICS + ENV(tagged, "  tag: type\n")))).toEqual(["WD366 20:17"]);
    expect(codes(load(ONE, TOPICS + ENV("    a: { value: x, topic: op, topics: Req }\n")))).toEqual(["WD366 18:17"]);
    const shapes = "    a: { topic: op, topics: Req }\n    b: { topic: op, payload: p, topics: Req }\n";
    expect(codes(load(ONE, TOPICS + ENV(shapes)))).toEqual(["WD366 19:5"]);
  });
  it("WD367: responses without answers; a response no kind carries; topics without a topic field", () => {
    expect(codes(load(ONE, TOPICS + ENV("    r: { topic: op, responses: true, topics: Req }\n")))).toEqual(["WD367 18:5"]);
    expect(codes(load(ONE, TOPICS.replace("PONG: {}", "PONG: { response: {} }")))).toEqual(["WD367 15:15"]);
    expect(codes(load(ONE, TOPICS + ENV("    r: { payload: p, topics: Req }\n")))).toEqual(["WD367 18:5"]);
  });
  it("WD368: a topic field that is not a string; correlation by a non-id field", () => {
    const head = "  fields:\n    op: { type: int }\n    seq: { type: bool }\n";
    const kinds = "    req: { topic: op, topics: Req }\n    res: { fields: { re: { type: int } }, answers: { field: re, request: seq } }\n";
    expect(codes(load(ONE, TOPICS + ENV(kinds, head)))).toEqual(["WD368 21:19", "WD368 22:74"]);
  });
  it("envelope fields carry constraints like payload fields; one that does not fit the type is WD343", () => {
    const r = load(ONE, TOPICS + ENV("    req: { topic: op, payload: p, topics: Req }\n", "  fields:\n    seq: { type: int, min: 1, max: 9 }\n    at: { type: string | null, format: date-time }\n"));
    expect(codes(r)).toEqual([]);
    if (r.ok) {
      expect(r.protocol.envelope?.fields.map((f) => f.type)).toEqual([
        { kind: "scalar", name: "int", constraints: { minimum: 1, maximum: 9 } },
        { kind: "nullable", of: { kind: "scalar", name: "string", constraints: { format: "date-time" } } },
      ]);
    }
    expect(codes(load(ONE, TOPICS + ENV("    req: { topic: op, topics: Req }\n", "  fields:\n    seq: { type: string, min: 1 }\n")))).toEqual(["WD343 18:31"]);
  });
  it("present and nullable on a payload or response: in the model; WD369 when no kind carries it", () => {
    const kinds = "    req: { topic: op, payload: p, topics: Req }\n    res: { topic: op, payload: r, responses: true, fields: { re: { type: int } }, answers: { field: re, request: re }, topics: Req }\n";
    const topics = TOPICS.replace("PONG: {}", "PONG: { payload: { present: true }, response: { nullable: true } }");
    const r = load(ONE, topics + ENV(kinds));
    expect(codes(r)).toEqual([]);
    const pong = r.ok ? r.protocol.topicSets[0]?.topics[1] : undefined;
    expect([pong?.payload.inMessage?.present, pong?.payload.inMessage?.nullable, pong?.response?.payload.inMessage?.nullable]).toEqual([true, false, true]);
    expect(codes(load(ONE, TOPICS.replace("PONG: {}", "PONG: { payload: { present: true } }")))).toEqual(["WD369 15:26"]);
    expect(codes(load(ONE, topics + ENV("    req: { topic: op, payload: p, topics: Req }\n")))).toEqual(["WD367 15:43", "WD369 15:55"]);
  });
  it("when: the model; WD358 for a kind without payload, an unknown record, a value the field cannot hold, a repeated rule", () => {
    const records = "records:\n  Err:\n    fields: { e: { type: string, optional: true } }\n";
    const kind = (when: string) => `    req: { topic: op, payload: p, topics: Req, fields: { ok: { type: bool } }, when: { ${when} } }\n`;
    const r = load(ONE, TOPICS + records + ENV(kind("failed: { field: ok, value: false, payload: Err }")));
    expect(codes(r)).toEqual([]);
    const w = r.ok ? r.protocol.envelope?.kinds[0]?.when[0] : undefined;
    expect([w?.name, w?.field.keys, w?.value, w?.record.name, w?.present]).toEqual(["failed", ["ok"], false, "Err", false]);
    expect(codes(load(ONE, TOPICS + records + ENV("    req: { topic: op, topics: Req, fields: { ok: { type: bool } }, when: { f: { field: ok, value: false, payload: Err } } }\n")))).toEqual(["WD358 21:76"]);
    expect(codes(load(ONE, TOPICS + records + ENV(kind("f: { field: ok, value: false, payload: Er }"))))).toEqual(["WD358 21:127"]);
    expect(codes(load(ONE, TOPICS + records + ENV(kind("f: { field: ok, value: nope, payload: Err }"))))).toEqual(["WD358 21:111"]);
    expect(codes(load(ONE, TOPICS + records + ENV(kind("f: { field: ok, value: false, payload: Err }, g: { field: ok, value: false, payload: Err }"))))).toEqual(["WD358 21:157"]);
    expect(codes(load(ONE, TOPICS + records + ENV(kind("f: { field: nok, value: false, payload: Err }"))))).toEqual(["WD364 21:100"]);
  });
  it("WD302: a malformed field type", () => {
    expect(codes(load(ONE, TOPICS + ENV("    req: { topic: op, topics: Req }\n", "  fields:\n    x: { type: 'int |' }\n")))).toEqual(["WD302 18:16"]);
  });
});
