/**
 * JSON Schema and docs of every value kind the IDL added. The schema is compiled by ajv (2020-12,
 * strict) and judges sample values of each kind, valid and invalid; the docs render each kind
 * as the README describes (types with constraints in words, local fields with their types,
 * derived records against their base, a section per tagged union).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { renderDocs } from "../../generator/emit/docs/index.js";
import { emitJsonSchemas } from "../../generator/emit/jsonschema/index.js";
import { namesOf } from "../../generator/targets.js";
import { markdownTree, nodes } from "../docs/helpers.js";
import { loadSpec, SINK_SPEC } from "./render.js";

const protocol = loadSpec(SINK_SPEC);
const [schemaFile] = emitJsonSchemas(protocol, namesOf(protocol).names);
const schema = JSON.parse(schemaFile?.text ?? "{}") as { $id: string };

// The formats as the README's semantics table defines them (ajv knows none without a plugin).
const FORMATS = {
  "date-time": /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
};
const ajv = new Ajv2020({ strict: true, allErrors: true });
for (const [name, re] of Object.entries(FORMATS)) ajv.addFormat(name, re);
ajv.addSchema(schema);
const validator = (def: string) => {
  const v = ajv.getSchema(`${schema.$id}#/$defs/${def}`);
  if (v === undefined) throw new Error(`no $defs entry ${def}`);
  return (value: unknown): boolean => v(value) === true;
};

const ok = { status: "ok", result: { a: [1, "x", null, true] } };
const valid = {
  id: 1,
  jsonrpc: "2.0",
  status: "s",
  reply: ok,
  sources: [{ name: "a" }, { "content-type": "text/plain", class: null }],
  source: null,
  replies: [null, ok, { status: "error", ename: "E", evalue: "v" }],
  user_expressions: { x: [1, { y: null }] },
  tries: 3,
  final: true,
  why: null,
  "x-trace": ["a"],
  started: "2024-02-29T23:59:60.5+01:00",
  lines: [1],
  name: "n",
  data: [null],
  code: -32600,
  reason: "other",
  level: 3,
};

describe("the JSON Schema of the new value kinds", () => {
  const payload = validator("ExecuteReplyPayload");

  test("accepts a payload using every kind", () => {
    expect(payload(valid)).toBe(true);
    expect(payload({ ...valid, id: "a" })).toBe(true);
    expect(payload({ ...valid, id: null })).toBe(true);
  });

  test.each([
    ["a union member of no listed type", { id: true }],
    ["another literal", { jsonrpc: "1.0" }],
    ["another number literal", { tries: 4 }],
    ["an unknown tag", { reply: { status: "maybe", result: 1 } }],
    ["a variant without its own field", { reply: { status: "error", ename: "E" } }],
    ["a missing tag", { reply: { result: 1 } }],
    ["null in a non-nullable list of records", { sources: [null] }],
    ["a wrong type in a record of local fields", { sources: [{ sourceReference: "1" }] }],
    ["a derived record without the field it requires", { source: { name: "a" } }],
    ["a closed int enum's other value", { code: -1 }],
    ["a float for an open int enum", { level: 1.5 }],
    ["a number for an open string enum", { reason: 1 }],
    ["a string not of its format", { started: "2024-13-01T00:00:00Z" }],
    ["an empty list below min_items", { lines: [] }],
    ["an empty string below min_length", { name: "" }],
    ["a list where a map is declared", { user_expressions: [] }],
  ])("rejects %s", (_what, change) => {
    expect(payload({ ...valid, ...change })).toBe(false);
  });

  test("int ranges, nullable without optional", () => {
    const status = validator("StatusPayload");
    expect(status({ status: null, count: 0 })).toBe(true);
    expect(status({ status: "x", count: 100 })).toBe(true);
    expect(status({ status: "x", count: 101 })).toBe(false);
    expect(status({ status: "x", count: -1 })).toBe(false);
    expect(status({ count: 1 })).toBe(false);
  });

  test("a tagged union is exactly one variant, each with its tag a required const", () => {
    const reply = validator("Reply");
    expect(reply(ok)).toBe(true);
    expect(reply({ status: "error", ename: "E", evalue: "v" })).toBe(true);
    expect(reply({ status: "ok" })).toBe(false);
    const defs = (schema as unknown as { $defs: Record<string, { properties: Record<string, unknown>; required: string[] }> }).$defs;
    expect(defs["OkReply"]?.properties["status"]).toEqual({ const: "ok" });
    expect(defs["OkReply"]?.required[0]).toBe("status");
  });
});

describe("the docs of the new value kinds", () => {
  const md = renderDocs(protocol);
  const line = (start: string): string => md.split("\n").find((l) => l.startsWith(start)) ?? "";

  test("types, constraints and open enums in words", () => {
    expect(line('| <a id="key-MsgKey-ID">')).toContain("| `int \\| string \\| null` |");
    expect(line('| <a id="key-MsgKey-COUNT">')).toContain("| `int` (≥ 0, ≤ 100) |");
    expect(line('| <a id="key-MsgKey-STARTED">')).toContain("| `string` (format `date-time`) |");
    expect(line('| <a id="key-MsgKey-LINES">')).toContain("| list&lt;`int`&gt; (at least 1 item) |");
    expect(line('| <a id="key-MsgKey-NAME">')).toContain("| `string` (at least 1 character) |");
    expect(line('| <a id="key-MsgKey-REASON">')).toContain("| [`StopReason`](#enum-StopReason) (open) |");
    expect(md).toContain("Open: the values below are the known ones; any other string is valid too.");
    expect(md).toContain('<a id="enum-ErrorCode-PARSE_ERROR"></a>`PARSE_ERROR` | `-32700` |');
  });

  test("payload-local fields with their types; derived records and variants named", () => {
    const row = line('| <a id="topic-Topic-EXECUTE_REPLY">');
    expect(row).toContain("`jsonrpc` (`\"2.0\"`)");
    expect(row).toContain("`reply` ([`Reply`](#union-Reply))");
    expect(row).toContain("`source` ([`SourceRef`](#record-SourceRef) \\| `null`)");
    expect(md).toContain("The fields of [`Source`](#record-Source), with `path` required. Other keys are allowed.");
    expect(md).toContain("A variant of [`Reply`](#union-Reply): its `status` is `\"ok\"`.");
    expect(md).toContain('### <a id="union-Reply"></a>`Reply`');
    expect(md).toContain('| `"error"` | [`ErrorReply`](#record-ErrorReply) |');
  });

  test("every link points at an anchor the page defines, and tables keep their columns", async () => {
    const anchors = new Set([...md.matchAll(/<a id="([^"]+)">/g)].map((m) => m[1]));
    const targets = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(targets.filter((t) => !anchors.has(t))).toEqual([]);
    const tree = await markdownTree(md);
    const tables = nodes(tree).filter((n) => n.type === "table");
    for (const t of tables) {
      const rows = (t.children ?? []).map((r) => (r.children ?? []).length);
      expect(new Set(rows).size).toBe(1);
    }
  });
});
