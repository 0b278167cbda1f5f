/**
 * The wire lock and breaking-change rules for the IDL constructs: int and open enums, unions,
 * nullable, literals, constraints, local fields, derived records and tagged unions. Lock entries
 * round-trip; each rule fires in the breaking direction and stays quiet in the safe one.
 */
import { describe, expect, it } from "vitest";
import { compare } from "../../generator/contract/compare.js";
import { buildLock, renderLock } from "../../generator/contract/lock.js";
import { parseLock } from "../../generator/contract/parse-lock.js";
import { flat, protocolOf } from "./helpers.js";

const header = (version: number) => `wiredefs: 1\nprotocol: { name: demo, channel: demo, version: ${version} }\n`;

const SPEC = `enums:
  ErrorCode:
    type: int
    values:
      PARSE_ERROR: { value: -32700 }
  Reason:
    open: true
    values:
      STEP: {}
keys:
  K:
    keys:
      ID: { type: int | string | null }
      COUNT: { type: int, min: 0, max: 100 }
      LINES: { type: list<int>, min_items: 1 }
      STARTED: { type: string, format: date-time }
      RPC: { type: '"2.0"' }
      CODE: { type: ErrorCode }
records:
  Source:
    fields:
      name: { type: string | null, optional: true }
      path: { type: string, optional: true, min_length: 1 }
  SourceRef: { from: Source, required: [path] }
  Ok: { fields: { result: { type: json } } }
  Err: { fields: { message: { type: string } } }
unions:
  Reply: { tag: status, variants: { ok: Ok, error: Err } }
topics:
  T:
    keys: K
    topics:
      R:
        payload:
          required: [ID]
          fields:
            reply: { type: Reply }
            src: { type: list<SourceRef>, optional: true }
`;

describe("lock entries", () => {
  const text = renderLock(buildLock(protocolOf(header(1) + SPEC, "p.yaml")));
  const json = JSON.parse(text) as Record<string, unknown>;

  it("write types as text in the spec's syntax, constraints as a suffix", () => {
    expect(json.keys).toEqual({
      K: {
        CODE: { value: "code", type: "ErrorCode" },
        COUNT: { value: "count", type: "int[min=0,max=100]" },
        ID: { value: "id", type: "int | string | null" },
        LINES: { value: "lines", type: "list<int>[min_items=1]" },
        RPC: { value: "rpc", type: '"2.0"' },
        STARTED: { value: "started", type: "string[format=date-time]" },
      },
    });
  });

  it("record int and open enums, unions and local fields (with a derived record's base)", () => {
    expect(json.enums).toEqual({ ErrorCode: { PARSE_ERROR: "-32700" }, Reason: { STEP: "step" } });
    expect(json.enumTypes).toEqual({ ErrorCode: { valueType: "int", open: false }, Reason: { valueType: "string", open: true } });
    expect(json.unions).toEqual({ Reply: { tag: "status", variants: { error: "Err", ok: "Ok" } } });
    const records = json.records as Record<string, Record<string, unknown>>;
    expect(records.SourceRef).toEqual({
      from: "Source",
      required: ["path"],
      optional: ["name"],
      unknownKeys: "allow",
      fields: { name: "string | null", path: "string[min_length=1]" },
      rules: {},
    });
    expect((json.topics as Record<string, Record<string, unknown>>).T?.R).toMatchObject({
      required: ["id", "reply"],
      optional: ["src"],
      fields: { reply: "Reply", src: "list<SourceRef>" },
    });
    expect(Object.keys(json)).toEqual([
      "lockFormat", "protocol", "version", "channel", "constants", "enums", "enumTypes", "keys", "topics", "records", "unions", "reserved", "accepted",
    ]);
  });

  it("round-trip through the lock's parser", () => {
    const parsed = parseLock(text, "p.lock.json");
    if (Array.isArray(parsed)) throw new Error(parsed.map((d) => d.message).join("\n"));
    expect(renderLock(parsed.lock)).toBe(text);
    expect(compare(parsed, protocolOf(header(1) + SPEC, "p.yaml"))).toEqual([]);
  });

  it("a lock without the new sections (an older lock) still reads, and a malformed new entry is located", () => {
    const old = renderLock(buildLock(protocolOf(`${header(1)}enums:\n  E: { values: { A: {} } }\n`, "p.yaml")));
    expect(old).not.toMatch(/enumTypes|unions|"fields"/);
    expect(Array.isArray(parseLock(old, "old.lock.json"))).toBe(false);
    const bad = text.replace('"valueType": "int"', '"valueType": "number"');
    const problems = parseLock(bad, "bad.lock.json");
    expect(Array.isArray(problems) ? problems.map((d) => [d.code, d.span?.line]) : []).toEqual([["WD602", bad.split("\n").findIndex((l) => l.includes('"number"')) + 1]]);
  });
});

/** The rules that `current` breaks relative to `previous` (both bodies under one header each). */
function rules(previous: string, current: string): string[] {
  return compare(protocolOf(header(1) + previous, "previous.yaml"), protocolOf(header(2) + current, "current.yaml")).map((f) => `${flat(f).rule} ${f.item}`);
}

const key = (type: string, extra = "") => `keys:\n  K:\n    keys:\n      A: { type: ${JSON.stringify(type)}${extra} }\n`;

describe("breaking rules, both directions", () => {
  it("making a key nullable is safe for readers (no finding); dropping null narrows it", () => {
    expect(rules(key("int"), key("int | null"))).toEqual([]);
    expect(rules(key("int | null"), key("int"))).toEqual(["KEY_TYPE_NARROWED K.A"]);
  });

  it("a union widened by a member is no finding; one losing a member narrows; no member in common is a change", () => {
    expect(rules(key("int"), key("int | string"))).toEqual([]);
    expect(rules(key("int | string"), key("string"))).toEqual(["KEY_TYPE_NARROWED K.A"]);
    expect(rules(key("int | string"), key("bool | list<int>"))).toEqual(["KEY_TYPE_CHANGED K.A"]);
    expect(rules(key("int | string"), key("string | int"))).toEqual([]);
  });

  it("a literal widens to its type and narrows from it; two literals differ", () => {
    expect(rules(key('"2.0"'), key("string"))).toEqual([]);
    expect(rules(key("string"), key('"2.0"'))).toEqual(["KEY_TYPE_NARROWED K.A"]);
    expect(rules(key('"2.0"'), key('"3.0"'))).toEqual(["KEY_TYPE_CHANGED K.A"]);
  });

  it("json and any accept the same wire values", () => {
    expect(rules(key("any"), key("json"))).toEqual([]);
    expect(rules(key("json"), key("int"))).toEqual(["KEY_TYPE_NARROWED K.A"]);
  });

  it("tightening a constraint is CONSTRAINT_TIGHTENED; loosening or removing one is no finding", () => {
    expect(rules(key("int", ", min: 0"), key("int", ", min: 1"))).toEqual(["CONSTRAINT_TIGHTENED K.A"]);
    expect(rules(key("int", ", max: 10"), key("int", ", max: 9"))).toEqual(["CONSTRAINT_TIGHTENED K.A"]);
    expect(rules(key("int"), key("int", ", max: 9"))).toEqual(["CONSTRAINT_TIGHTENED K.A"]);
    expect(rules(key("string"), key("string", ", format: uuid"))).toEqual(["CONSTRAINT_TIGHTENED K.A"]);
    expect(rules(key("list<int>"), key("list<int>", ", min_items: 1"))).toEqual(["CONSTRAINT_TIGHTENED K.A"]);
    expect(rules(key("string | null", ", min_length: 1"), key("string | null", ", min_length: 2"))).toEqual(["CONSTRAINT_TIGHTENED K.A"]);
    expect(rules(key("int", ", min: 1"), key("int", ", min: 0"))).toEqual([]);
    expect(rules(key("string", ", format: uuid"), key("string"))).toEqual([]);
    expect(rules(key("int", ", min: 1"), key("float"))).toEqual([]);
  });

  const e = (body: string) => `enums:\n  E:\n${body}    values:\n      A: { value: ${body.includes("int") ? "1" : "a"} }\n${key("E")}`;
  it("closing an open enum is ENUM_CLOSED; opening one is no finding", () => {
    expect(rules(e("    open: true\n"), e(""))).toEqual(["ENUM_CLOSED E"]);
    expect(rules(e(""), e("    open: true\n"))).toEqual([]);
  });

  it("an enum switching between string and int values is ENUM_VALUE_TYPE_CHANGED", () => {
    expect(rules(e(""), e("    type: int\n"))).toEqual(["ENUM_VALUE_TYPE_CHANGED E", "WIRE_VALUE_CHANGED E.A"]);
  });

  it("an open enum type accepts every value of its type: string → open enum is no finding, → closed enum narrows", () => {
    const withKey = (t: string, enumBody: string) => `enums:\n  E:\n${enumBody}    values:\n      A: {}\n${key(t)}`;
    expect(rules(withKey("string", "    open: true\n"), withKey("E", "    open: true\n"))).toEqual([]);
    expect(rules(withKey("string", ""), withKey("E", ""))).toEqual(["KEY_TYPE_NARROWED K.A"]);
  });

  const local = (type: string) => `topics:\n  T:\n    topics:\n      R:\n        payload:\n          fields:\n            status: { type: ${JSON.stringify(type)} }\n`;
  it("local field types follow the same rules, named by their wire key", () => {
    expect(rules(local("string"), local("string | null"))).toEqual([]);
    expect(rules(local("string | null"), local("string"))).toEqual(["KEY_TYPE_NARROWED T.R.status"]);
    expect(rules(local("string"), local("int"))).toEqual(["KEY_TYPE_CHANGED T.R.status"]);
    expect(rules(local("int"), local("int"))).toEqual([]);
  });

  it("a key-set key that becomes a local field of another type is compared with the key's type", () => {
    const keyed = `keys:\n  K:\n    keys:\n      STATUS: { type: string }\ntopics:\n  T:\n    keys: K\n    topics:\n      R:\n        payload: { required: [STATUS] }\n`;
    const localInt = `keys:\n  K:\n    keys:\n      STATUS: { type: string }\ntopics:\n  T:\n    keys: K\n    topics:\n      R:\n        payload:\n          fields: { status: { type: int } }\n`;
    expect(rules(keyed, localInt)).toEqual(["KEY_TYPE_CHANGED T.R.status"]);
  });

  const U = "records:\n  Ok: { fields: { r: { type: json } } }\n  Err: { fields: { m: { type: string } } }\n";
  it("union rules: removing a union or a variant, changing the tag; adding a variant is a warning", () => {
    const u = (tag: string, variants: string) => `${U}unions:\n  Reply: { tag: ${tag}, variants: { ${variants} } }\n`;
    expect(rules(u("status", "ok: Ok, error: Err"), U)).toEqual(["UNION_REMOVED Reply"]);
    expect(rules(u("status", "ok: Ok, error: Err"), u("state", "ok: Ok, error: Err"))).toEqual(["UNION_TAG_CHANGED Reply"]);
    expect(rules(u("status", "ok: Ok, error: Err"), u("status", "ok: Ok"))).toEqual(["UNION_VARIANT_REMOVED Reply.error"]);
    const added = compare(protocolOf(header(1) + u("status", "ok: Ok"), "p.yaml"), protocolOf(header(1) + u("status", "ok: Ok, error: Err"), "c.yaml"));
    expect(added.map((f) => [f.rule, f.severity])).toEqual([["UNION_VARIANT_ADDED", "warning"]]);
  });
});
