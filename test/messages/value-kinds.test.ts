/**
 * The TypeScript validators of the value kinds real protocols need (nullable, unions, tagged
 * unions, literals, json, constraints and formats, int and open enums), on a protocol model built
 * by hand. Only the validator half of messages.ts is printed (the types are another emitter's),
 * transpiled and run; every expectation is written out by hand from the README's semantics table,
 * and every value is checked by both the guard and the validator, which must agree.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { beforeAll, describe, expect, test } from "vitest";
import type { Enum, Field, Key, Record, TaggedUnion, ValueType } from "../../generator/model.js";
import { listShapes } from "../../generator/conformance/shapes.js";
import { reachable } from "../../generator/emit/chunks.js";
import { tsContext } from "../../generator/emit/typescript/messages-context.js";
import { CORE, issueTypes } from "../../generator/emit/typescript/messages-runtime.js";
import { emitPayloadDispatch, emitShapeValidators } from "../../generator/emit/typescript/messages-validators.js";
import { namesOf } from "../../generator/targets.js";
import { key, member, protocol, SPAN, topicSet } from "../docs/model.js";

interface Issue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}
type Result = { readonly ok: true } | { readonly ok: false; readonly errors: readonly Issue[] };
type Module = { readonly [name: string]: (value: unknown) => unknown };

const INT: ValueType = { kind: "scalar", name: "int" };
const STRING: ValueType = { kind: "scalar", name: "string" };
const JSON_: ValueType = { kind: "scalar", name: "json" };

const localField = (wire: string, type: ValueType, required = true): Field => ({
  key: key(wire, type, { value: wire }),
  type,
  required,
  local: true,
  span: SPAN,
});

function intEnum(name: string, values: readonly number[], open = false): Enum {
  const members = values.map((v, i) => ({ ...member(`V${String(i)}`, { value: String(v) }), intValue: v }));
  return { kind: "enum", name, valueType: "int", open, members, span: SPAN };
}

function buildProtocol() {
  const errorCode = intEnum("ErrorCode", [-32700, -32600]);
  const stopReason: Enum = { kind: "enum", name: "StopReason", valueType: "string", open: true, members: [member("STEP")], span: SPAN };
  const record = (name: string, fields: readonly Field[], unknownKeys: "allow" | "forbid" = "allow"): Record & { variantOf?: unknown } => ({
    kind: "record",
    name,
    fields,
    unknownKeys,
    rules: [],
    span: SPAN,
  });
  const ok = record("OkReply", [localField("result", JSON_)], "forbid");
  const error = record("ErrorReply", [localField("ename", STRING)]);
  const union: TaggedUnion = {
    kind: "union",
    name: "Reply",
    tag: "status",
    tagSpan: SPAN,
    variants: [
      { value: "ok", record: ok, span: SPAN },
      { value: "error", record: error, span: SPAN },
    ],
    span: SPAN,
  };
  ok.variantOf = { union, value: "ok" };
  error.variantOf = { union, value: "error" };
  const keys: Key[] = [
    key("ID", { kind: "nullable", of: { kind: "oneOf", of: [INT, STRING] } }),
    key("COUNT", { kind: "scalar", name: "int", constraints: { minimum: 0, maximum: 100 } }),
    key("NAME", { kind: "scalar", name: "string", constraints: { minLength: 2, format: "uuid" } }),
    key("STARTED", { kind: "scalar", name: "string", constraints: { format: "date-time" } }),
    key("DAY", { kind: "scalar", name: "string", constraints: { format: "date" } }),
    key("LINK", { kind: "scalar", name: "string", constraints: { format: "uri" } }),
    key("LINES", { kind: "list", of: INT, constraints: { minItems: 1 } }),
    key("DATA", JSON_),
    key("CODE", { kind: "enum", enum: errorCode }),
    key("REASON", { kind: "enum", enum: stopReason }),
    key("JSONRPC", { kind: "literal", value: "2.0" }),
    key("REPLY", { kind: "tagged", union }),
    key("MAYBE", { kind: "nullable", of: STRING }),
  ];
  const fieldsOf = keys.map((k) => ({ key: k, type: k.type, required: false, local: false, span: SPAN }));
  const topics = topicSet("Topic", "demo.", [["ALL", { fields: fieldsOf }]]);
  return protocol({
    enums: [errorCode, stopReason],
    keySets: [{ kind: "keySet", name: "K", prefix: "", keys, span: SPAN }],
    topicSets: [topics],
    records: [ok, error],
    unions: [union],
    outputs: { typescript: { dir: "ts" } },
  });
}

let validate: (value: unknown) => Result;
let guard: (value: unknown) => boolean;

beforeAll(async () => {
  const model = buildProtocol();
  const assigned = namesOf(model);
  expect(assigned.diagnostics).toEqual([]);
  const ctx = tsContext(model, assigned.names);
  const body = [issueTypes(), ...listShapes(model).map((s) => emitShapeValidators(s, ctx)), emitPayloadDispatch(model, ctx)];
  const { chunks } = reachable(CORE, ctx.needs.names);
  const { code } = await transform([...body, ...chunks.map((c) => c.text)].join("\n"), { loader: "ts", format: "esm" });
  const file = join(mkdtempSync(join(tmpdir(), "wiredefs-kinds-")), "validators.mjs");
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as Module;
  const validateAll = module.validateAllPayload;
  const isAll = module.isAllPayload;
  if (validateAll === undefined || isAll === undefined) throw new Error("no validator for ALL");
  validate = (value) => validateAll(value) as Result;
  guard = (value) => isAll(value) as boolean;
});

/** The issues of `payload`, after checking the guard agrees with the validator. */
function issuesOf(payload: unknown): readonly Issue[] {
  const result = validate(payload);
  expect(guard(payload), "the guard agrees with the validator").toBe(result.ok);
  return result.ok ? [] : result.errors;
}

const wrong = (path: (string | number)[], message: string): Issue => ({ path, code: "wrong_type", message });

describe("the value kinds of the IDL, validated as the README's semantics table says", () => {
  test("a valid payload of every kind", () => {
    const payload = {
      id: null,
      count: 100,
      name: "123e4567-e89b-12d3-a456-426614174000",
      started: "2024-02-29T23:59:60.5+01:00",
      day: "2024-12-31",
      link: "file:///tmp/x",
      lines: [1],
      data: { a: [1, "x", null, true, { b: -0.5 }] },
      code: -32700,
      reason: "anything at all",
      jsonrpc: "2.0",
      reply: { status: "ok", result: [] },
      maybe: null,
    };
    expect(issuesOf(payload)).toEqual([]);
    expect(issuesOf({ id: 7, reply: { status: "error", ename: "E", extra: 1 } })).toEqual([]);
    expect(issuesOf({ id: "seven", code: -32600, reason: "step" })).toEqual([]);
  });

  test("nullable and unions", () => {
    expect(issuesOf({ id: true })).toEqual([wrong(["id"], "expected an integer or a string or null, got a boolean")]);
    expect(issuesOf({ id: 1.5 })).toEqual([wrong(["id"], "expected an integer or a string or null, got a number")]);
    expect(issuesOf({ maybe: 3 })).toEqual([wrong(["maybe"], "expected a string or null, got an integer")]);
  });

  test("constraints: ranges, lengths, formats, non-empty lists", () => {
    expect(issuesOf({ count: -1 })).toEqual([{ path: ["count"], code: "out_of_range", message: "expected at least 0, got -1" }]);
    expect(issuesOf({ count: 101 })).toEqual([{ path: ["count"], code: "out_of_range", message: "expected at most 100, got 101" }]);
    expect(issuesOf({ count: 5.5 })).toEqual([wrong(["count"], "expected an integer, got a number")]);
    expect(issuesOf({ name: "x" })).toEqual([
      { path: ["name"], code: "too_short", message: "expected at least 2 characters, got 1" },
      { path: ["name"], code: "bad_format", message: 'expected a uuid string, got "x"' },
    ]);
    expect(issuesOf({ started: "2024-13-01T00:00:00Z" })).toEqual([
      { path: ["started"], code: "bad_format", message: 'expected a date-time string, got "2024-13-01T00:00:00Z"' },
    ]);
    expect(issuesOf({ started: "2024-01-01T00:00:00Z\n" })[0]?.code).toBe("bad_format");
    expect(issuesOf({ started: "２０24-01-01T00:00:00Z" })[0]?.code).toBe("bad_format");
    expect(issuesOf({ day: "2024-00-10" })[0]?.code).toBe("bad_format");
    expect(issuesOf({ link: "no scheme" })[0]?.code).toBe("bad_format");
    expect(issuesOf({ link: "a:b\u00a0c" })).toEqual([]);
    expect(issuesOf({ lines: [] })).toEqual([{ path: ["lines"], code: "too_short", message: "expected at least 1 items, got 0" }]);
    expect(issuesOf({ lines: ["a"] })).toEqual([wrong(["lines", 0], "expected an integer, got a string")]);
  });

  test("int enums and open enums", () => {
    expect(issuesOf({ code: 5 })).toEqual([{ path: ["code"], code: "not_in_enum", message: "expected one of -32700, -32600, got 5" }]);
    expect(issuesOf({ code: "-32700" })).toEqual([wrong(["code"], "expected one of -32700, -32600, got a string")]);
    expect(issuesOf({ reason: 3 })).toEqual([wrong(["reason"], "expected a string, got an integer")]);
  });

  test("literals", () => {
    expect(issuesOf({ jsonrpc: "1.0" })).toEqual([wrong(["jsonrpc"], 'expected "2.0", got "1.0"')]);
    expect(issuesOf({ jsonrpc: 2 })).toEqual([wrong(["jsonrpc"], 'expected "2.0", got an integer')]);
  });

  test("tagged unions dispatch on the tag", () => {
    expect(issuesOf({ reply: { status: "maybe" } })).toEqual([
      { path: ["reply", "status"], code: "unknown_tag", message: 'unknown tag "maybe", expected one of "ok", "error"' },
    ]);
    expect(issuesOf({ reply: {} })).toEqual([{ path: ["reply", "status"], code: "missing_key", message: 'missing required key "status"' }]);
    expect(issuesOf({ reply: { status: 1 } })).toEqual([wrong(["reply", "status"], 'expected one of "ok", "error", got an integer')]);
    expect(issuesOf({ reply: [] })).toEqual([{ path: ["reply"], code: "not_object", message: "expected an object, got an array" }]);
    expect(issuesOf({ reply: { status: "error" } })).toEqual([
      { path: ["reply", "ename"], code: "missing_key", message: 'missing required key "ename"' },
    ]);
    // OkReply forbids unknown keys; its tag is known to it.
    expect(issuesOf({ reply: { status: "ok", result: 1, x: 2 } })).toEqual([
      { path: ["reply", "x"], code: "unknown_key", message: 'unknown key "x"' },
    ]);
  });

  test("json: deep, every non-JSON value at its own path, any depth", () => {
    expect(issuesOf({ data: { b: [1, Number.NaN], a: undefined } })).toEqual([
      wrong(["data", "a"], "expected a JSON value, got undefined"),
      wrong(["data", "b", 1], "expected a JSON value, got a non-finite number"),
    ]);
    expect(issuesOf({ data: new Date(0) })).toEqual([wrong(["data"], "expected a JSON value, got an object")]);
    const cycle: { [k: string]: unknown } = {};
    cycle.self = cycle;
    expect(issuesOf({ data: cycle })).toEqual([wrong(["data", "self"], "expected a JSON value, got a cycle")]);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(issuesOf({ data: deep })).toEqual([]);
    const holes: unknown[] = [1];
    holes.length = 3;
    expect(issuesOf({ data: holes })).toEqual([wrong(["data", 1], "expected a JSON value, got a hole")]);
  });
});
