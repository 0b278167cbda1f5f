/**
 * The IDL constructs real protocols need: int and open enums, union / nullable / json / literal
 * types, constraints, local fields, records without a key set, derived records, tagged unions,
 * and one topic wire value per protocol. Each loads into the model as documented, and each bad
 * input is a located error with its own code.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import type { Field, Protocol, ValueType } from "../../generator/model.js";
import { loadInline } from "./helpers.js";

const HEADER_LINES = 5; // loadInline's header: wiredefs, protocol, name, channel, version

/** `CODE line:col` of the `nth` occurrence of `needle` in the body, counted in the full text. */
function at(code: string, body: string, needle: string, nth = 1): string {
  let start = -1;
  for (let i = 0; i < nth; i++) {
    start = body.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`no ${needle} in the body`);
  }
  const before = body.slice(0, start).split("\n");
  return `${code} ${HEADER_LINES + before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

function ok(body: string): Protocol {
  const result = loadInline(body);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col} ${d.message}`).join("\n"));
  return result.protocol;
}

function errors(body: string): Diagnostic[] {
  const result = loadInline(body);
  return result.ok ? [] : result.diagnostics;
}

function located(body: string): string[] {
  return errors(body).map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`);
}

/** A readable form of a type, independent of the lock's and emitters' renderings. */
function show(t: ValueType): unknown {
  switch (t.kind) {
    case "scalar":
      return t.constraints === undefined ? t.name : { [t.name]: t.constraints };
    case "enum":
      return `enum:${t.enum.name}`;
    case "record":
      return `record:${t.record.name}`;
    case "tagged":
      return `union:${t.union.name}`;
    case "literal":
      return { literal: t.value };
    case "list":
      return t.constraints === undefined ? { list: show(t.of) } : { list: show(t.of), ...t.constraints };
    case "map":
      return { map: show(t.of) };
    case "nullable":
      return { nullable: show(t.of) };
    case "oneOf":
      return { oneOf: t.of.map(show) };
  }
}

function keyType(p: Protocol, name: string): unknown {
  const key = p.keySets.flatMap((s) => s.keys).find((k) => k.name === name);
  if (key === undefined) throw new Error(`no key ${name}`);
  return show(key.type);
}

const fieldsOf = (fields: readonly Field[]) => fields.map((f) => ({ key: f.key.value, type: show(f.type), required: f.required, local: f.local }));

const keysWithTypes = (types: Record<string, string>) =>
  `keys:\n  K:\n    keys:\n${Object.entries(types).map(([n, t]) => `      ${n}: { type: ${JSON.stringify(t)} }`).join("\n")}\n`;

describe("enums", () => {
  const body = `enums:
  ErrorCode:
    type: int
    values:
      PARSE_ERROR: { value: -32700 }
      INVALID_REQUEST: { value: -32600 }
      ZERO: { value: -0 }
  StopReason:
    open: true
    values:
      STEP: { value: step }
      PAUSE: {}
`;
  it("an int enum keeps each value as decimal text and as its number; -0 is 0", () => {
    const e = ok(body).enums[0];
    expect(e?.valueType).toBe("int");
    expect(e?.open).toBe(false);
    expect(e?.members.map((m) => [m.name, m.value, m.intValue])).toEqual([
      ["PARSE_ERROR", "-32700", -32700],
      ["INVALID_REQUEST", "-32600", -32600],
      ["ZERO", "0", 0],
    ]);
  });

  it("an open enum is a string enum with open set; values derive as before", () => {
    const e = ok(body).enums[1];
    expect([e?.valueType, e?.open]).toEqual(["string", true]);
    expect(e?.members.map((m) => [m.value, m.intValue])).toEqual([["step", undefined], ["pause", undefined]]);
  });

  it("an int enum member needs an explicit integer value (WD346), located at the member or its value", () => {
    const bad = `enums:
  Code:
    type: int
    values:
      MISSING: {}
      TEXT: { value: "1" }
      FRACTION: { value: 1.5 }
      HEX: { value: 0x1F }
`;
    expect(located(bad)).toEqual([at("WD346", bad, "MISSING"), at("WD346", bad, '"1"'), at("WD346", bad, "1.5"), at("WD346", bad, "0x1F")]);
    expect(errors(bad)[0]?.hint).toContain("value: 1");
  });

  it("a string enum member with a number value is still the structure error with a hint to quote", () => {
    const bad = "enums:\n  Level:\n    values:\n      LOW: { value: 12 }\n";
    expect(errors(bad).map((d) => [d.code, d.hint])).toEqual([["WD201", 'quote it to make it a string: "12"']]);
  });

  it("two int members with one value are a duplicate wire value (WD306), both located", () => {
    const bad = "enums:\n  Code:\n    type: int\n    values:\n      A: { value: 1 }\n      B: { value: 1 }\n";
    const [d] = errors(bad);
    expect(`${d?.code} ${d?.span?.line}:${d?.span?.col}`).toBe(at("WD306", bad, "1 }", 2));
    expect(d?.related?.[0]?.span.line).toBe(HEADER_LINES + 5);
  });
});

describe("type expressions", () => {
  it("unions lift null out: int | string | null is nullable(oneOf[int, string])", () => {
    const p = ok(keysWithTypes({ ID: "int | string | null", NS: "string|null", U: "int | string", L: "list<int | null>", M: "map<json>" }));
    expect(keyType(p, "ID")).toEqual({ nullable: { oneOf: ["int", "string"] } });
    expect(keyType(p, "NS")).toEqual({ nullable: "string" });
    expect(keyType(p, "U")).toEqual({ oneOf: ["int", "string"] });
    expect(keyType(p, "L")).toEqual({ list: { nullable: "int" } });
    expect(keyType(p, "M")).toEqual({ map: "json" });
  });

  it("json is its own scalar beside any; literals are JSON strings, numbers and bools", () => {
    const p = ok(keysWithTypes({ J: "json", A: "any", S: '"2.0"', I: "-1", F: "0.5", B: "true", E: '"a\\"b"' }));
    expect(["J", "A", "S", "I", "F", "B", "E"].map((k) => keyType(p, k))).toEqual([
      "json",
      "any",
      { literal: "2.0" },
      { literal: -1 },
      { literal: 0.5 },
      { literal: true },
      { literal: 'a"b' },
    ]);
  });

  it("a number literal not in its plain form is WD357: type: \"2.0\" loses its quotes in YAML and reads as the number 2", () => {
    const bad = keysWithTypes({ V: "2.0", E: "1e3" });
    expect(located(bad)).toEqual([at("WD357", bad, '"2.0"'), at("WD357", bad, '"1e3"')]);
    expect(errors(bad)[0]?.hint).toBe(`for the string, keep its JSON quotes: '"2.0"'; for the number, write 2`);
  });

  it("names resolve to enums, records and unions, also inside unions and containers", () => {
    const p = ok(`enums:
  E: { values: { A: {} } }
records:
  R: { fields: { x: { type: int } } }
  V: { fields: { z: { type: int } } }
unions:
  U: { tag: kind, variants: { v: V } }
${keysWithTypes({ T: "E | R | null", L: "list<U>", M: "map<R>" })}`);
    expect(keyType(p, "T")).toEqual({ nullable: { oneOf: ["enum:E", "record:R"] } });
    expect(keyType(p, "L")).toEqual({ list: "union:U" });
    expect(keyType(p, "M")).toEqual({ map: "record:R" });
  });

  it("bad unions are located errors with their own codes", () => {
    const bad = keysWithTypes({ A: "any | int", J: "json | null", D: "int | int", DN: "int | null | null", NUL: "null", NN: "list<null>" });
    expect(located(bad)).toEqual([
      at("WD340", bad, '"any | int"'),
      at("WD340", bad, '"json | null"'),
      at("WD341", bad, '"int | int"'),
      at("WD341", bad, '"int | null | null"'),
      at("WD342", bad, '"null"'),
      at("WD342", bad, '"list<null>"'),
    ]);
    for (const d of errors(bad)) expect(d.hint).toBeTruthy();
  });

  it("malformed expressions are WD302 with the grammar in the hint", () => {
    const bad = keysWithTypes({ A: "int |", B: "list<int", C: "| int", D: "int[min=1]", E: "'x'" });
    expect(located(bad)).toEqual(["int |", "list<int", "| int", "int[min=1]", "'x'"].map((t) => at("WD302", bad, JSON.stringify(t))));
    expect(errors(bad)[0]?.hint).toContain("joined by |");
  });

  it("lists and maps nested deeper than the limit are WD302 saying so, not \"malformed\"", () => {
    const nested = (depth: number, inner: string): string => "list<map<".repeat(depth / 2) + inner + ">>".repeat(depth / 2);
    expect(errors(keysWithTypes({ A: nested(16, '"<<"') }))).toEqual([]);
    const bad = keysWithTypes({ A: nested(18, '"<<"') });
    expect(located(bad)).toEqual([at("WD302", bad, JSON.stringify(nested(18, '"<<"')))]);
    expect(errors(bad)[0]?.message).toBe("the type of key K.A nests lists and maps 18 deep; wiredefs reads at most 16");
    expect(errors(bad)[0]?.hint).toContain("a record with one field");
  });

  it("an unknown name in a union is WD302 with a suggestion", () => {
    const bad = "records:\n  Source: { fields: { a: { type: int } } }\n" + keysWithTypes({ A: "int | Sorce" });
    const [d] = errors(bad);
    expect(d?.code).toBe("WD302");
    expect(d?.hint).toBe('did you mean "Source"?');
  });
});

describe("constraints", () => {
  it("attach to the outermost node that is not null", () => {
    const p = ok(`keys:
  K:
    keys:
      COUNT: { type: int, min: 0, max: 100 }
      RATIO: { type: float | null, min: -0.5 }
      STARTED: { type: string, format: date-time, min_length: 1 }
      LINES: { type: list<int>, min_items: 1 }
`);
    expect(keyType(p, "COUNT")).toEqual({ int: { minimum: 0, maximum: 100 } });
    expect(keyType(p, "RATIO")).toEqual({ nullable: { float: { minimum: -0.5 } } });
    expect(keyType(p, "STARTED")).toEqual({ string: { format: "date-time", minLength: 1 } });
    expect(keyType(p, "LINES")).toEqual({ list: "int", minItems: 1 });
  });

  it("apply to local fields too", () => {
    const p = ok("records:\n  R:\n    fields:\n      id: { type: string, format: uuid }\n      count: { type: int, min: 1, optional: true }\n");
    expect(fieldsOf(p.records[0]?.fields ?? [])).toEqual([
      { key: "id", type: { string: { format: "uuid" } }, required: true, local: true },
      { key: "count", type: { int: { minimum: 1 } }, required: false, local: true },
    ]);
  });

  it("a constraint on a type it cannot apply to is WD343 at the constraint", () => {
    const bad = `keys:
  K:
    keys:
      A: { type: string, min: 1 }
      B: { type: int, format: uuid }
      C: { type: map<int>, min_items: 1 }
      D: { type: int | string, max: 3 }
      E: { type: int, min_length: 2 }
`;
    expect(located(bad)).toEqual([
      at("WD343", bad, "1 }"),
      at("WD343", bad, "uuid"),
      at("WD343", bad, "1 }", 2),
      at("WD343", bad, "3 }"),
      at("WD343", bad, "2 }"),
    ]);
    expect(errors(bad)[0]?.message).toContain("applies to an int or a float, not to string");
  });

  it("min above max, a fractional int bound and a negative length are WD344", () => {
    const bad = `keys:
  K:
    keys:
      A: { type: int, min: 5, max: 1 }
      B: { type: int, min: 0.5 }
      C: { type: string, min_length: -1 }
      D: { type: list<int>, min_items: -2 }
`;
    expect(located(bad)).toEqual([at("WD344", bad, "5,"), at("WD344", bad, "0.5"), at("WD344", bad, "-1"), at("WD344", bad, "-2")]);
    expect(errors(bad)[0]?.related?.[0]?.message).toBe("max here");
  });

  it("an unknown format is WD345 listing the known ones", () => {
    const bad = "keys:\n  K:\n    keys:\n      A: { type: string, format: email }\n";
    const [d] = errors(bad);
    expect(`${d?.code} ${d?.span?.line}:${d?.span?.col}`).toBe(at("WD345", bad, "email"));
    expect(d?.hint).toBe("write one of the known formats: date-time or date or uuid or uri");
  });
});

describe("local fields, records without a key set, derived records", () => {
  const body = `keys:
  MsgKey:
    keys:
      ID: { type: int }
records:
  Source:
    fields:
      name: { type: string, optional: true, doc: The short name. }
      path: { type: string, optional: true }
  Checkpoint:
    keys: MsgKey
    required: [ID]
    fields:
      status: { type: string }
  SourceRef:
    from: Source
    required: [path]
    unknown_keys: forbid
topics:
  Topic:
    keys: MsgKey
    topics:
      EXECUTE_REPLY:
        payload:
          required: [ID]
          fields:
            status: { type: "'ok' | 'error'" }
`;

  it("a record of local fields only has no key set; field name = wire key, verbatim", () => {
    const p = ok(body.replace(`{ type: "'ok' | 'error'" }`, "{ type: string }"));
    const source = p.records.find((r) => r.name === "Source");
    expect(source?.keySet).toBeUndefined();
    expect(fieldsOf(source?.fields ?? [])).toEqual([
      { key: "name", type: "string", required: false, local: true },
      { key: "path", type: "string", required: false, local: true },
    ]);
    expect(source?.fields[0]?.key.doc).toBe("The short name.");
    expect(source?.fields[0]?.key.name).toBe("name");
  });

  it("key-set and local fields mix in records and payloads, key-set fields first", () => {
    const p = ok(body.replace(`{ type: "'ok' | 'error'" }`, "{ type: map<json>, optional: true }"));
    const checkpoint = p.records.find((r) => r.name === "Checkpoint");
    expect(checkpoint?.keySet?.name).toBe("MsgKey");
    expect(fieldsOf(checkpoint?.fields ?? [])).toEqual([
      { key: "id", type: "int", required: true, local: false },
      { key: "status", type: "string", required: true, local: true },
    ]);
    expect(fieldsOf(p.topicSets[0]?.topics[0]?.payload.fields ?? [])).toEqual([
      { key: "id", type: "int", required: true, local: false },
      { key: "status", type: { map: "json" }, required: false, local: true },
    ]);
  });

  it("a derived record materializes its base's fields with the overrides, and points at its base", () => {
    const p = ok(body.replace(`{ type: "'ok' | 'error'" }`, "{ type: string }"));
    const ref = p.records.find((r) => r.name === "SourceRef");
    expect(ref?.base?.name).toBe("Source");
    expect(ref?.unknownKeys).toBe("forbid");
    expect(fieldsOf(ref?.fields ?? [])).toEqual([
      { key: "name", type: "string", required: false, local: true },
      { key: "path", type: "string", required: true, local: true },
    ]);
    // The base is untouched.
    expect(p.records.find((r) => r.name === "Source")?.fields.map((f) => f.required)).toEqual([false, false]);
  });

  it("derived records chain, in any order of the spec", () => {
    const p = ok(`records:
  C: { from: B, optional: [a] }
  B: { from: A, required: [b] }
  A: { fields: { a: { type: int }, b: { type: int, optional: true } } }
`);
    const c = p.records.find((r) => r.name === "C");
    expect(c?.base?.name).toBe("B");
    expect(c?.fields.map((f) => [f.key.value, f.required])).toEqual([["a", false], ["b", true]]);
  });

  it("a local field with the wire key of a listed key-set field is WD352, both located", () => {
    const bad = body.replace(`{ type: "'ok' | 'error'" }`, "{ type: string }\n            id: { type: string }");
    const d = errors(bad).find((x) => x.code === "WD352");
    expect(`${d?.code} ${d?.span?.line}:${d?.span?.col}`).toBe(at("WD352", bad, "id: {", 1));
    expect(d?.related?.[0]?.span.line).toBe(Number(at("X", bad, "required: [ID]", 2).split(" ")[1]?.split(":")[0]));
  });

  it("a record listing keys without a key set is WD305", () => {
    const bad = "records:\n  R:\n    required: [ID]\n";
    expect(located(bad)).toEqual([at("WD305", bad, "R:")]);
  });

  it("derived-record mistakes are located: unknown base, field the base lacks, own fields, a cycle", () => {
    const bad = `records:
  Base: { fields: { path: { type: string } } }
  A: { from: Bas }
  B: { from: Base, optional: [pth] }
  C: { from: Base, fields: { x: { type: int } } }
  D: { from: E }
  E: { from: D }
`;
    const list = errors(bad);
    expect(list.map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`)).toEqual([
      at("WD349", bad, "Bas }"),
      at("WD350", bad, "pth"),
      at("WD353", bad, "fields: { x"),
      at("WD355", bad, "D:"),
    ]);
    expect(list[0]?.hint).toBe('did you mean "Base"?');
    expect(list[1]?.hint).toBe('did you mean "path"?');
  });
});

describe("tagged unions", () => {
  const body = `records:
  OkReply:
    fields: { result: { type: json } }
  ErrorReply:
    fields: { ename: { type: string }, evalue: { type: string } }
unions:
  Reply:
    doc: The reply.
    tag: status
    variants:
      ok: OkReply
      error: ErrorReply
`;
  it("load into Protocol.unions with the tag and variants in spec order; each variant record knows its union", () => {
    const p = ok(body);
    const u = p.unions[0];
    expect([u?.name, u?.tag, u?.doc]).toEqual(["Reply", "status", "The reply."]);
    expect(u?.variants.map((v) => [v.value, v.record.name])).toEqual([["ok", "OkReply"], ["error", "ErrorReply"]]);
    const ok_ = p.records.find((r) => r.name === "OkReply");
    expect(ok_?.variantOf?.union).toBe(u);
    expect(ok_?.variantOf?.value).toBe("ok");
    // The union adds the tag: the variant record does not carry it as a field.
    expect(ok_?.fields.map((f) => f.key.value)).toEqual(["result"]);
  });

  it("a union is a type: in fields, lists and maps", () => {
    const p = ok(`${body}topics:\n  T:\n    topics:\n      R:\n        payload: { fields: { reply: { type: Reply }, all: { type: "list<Reply>" } } }\n`);
    expect(fieldsOf(p.topicSets[0]?.topics[0]?.payload.fields ?? []).map((f) => f.type)).toEqual(["union:Reply", { list: "union:Reply" }]);
  });

  it("a variant declaring the tag, a record in two unions, an unknown variant record are located", () => {
    const bad = `${body.replace("result: { type: json }", "result: { type: json }, status: { type: string }")}  Other:
    tag: kind
    variants:
      e: ErrorReply
      x: Missing
`;
    const list = errors(bad);
    expect(list.map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`)).toEqual([
      at("WD347", bad, "OkReply", 2),
      at("WD348", bad, "ErrorReply", 3),
      at("WD354", bad, "Missing"),
    ]);
    expect(list[1]?.related?.[0]?.span.line).toBe(Number(at("X", bad, "ErrorReply", 2).split(" ")[1]?.split(":")[0]));
  });

  it("a union without variants is WD356", () => {
    const bad = "unions:\n  Empty: { tag: kind, variants: {} }\n";
    expect(located(bad)).toEqual([at("WD356", bad, "Empty")]);
  });

  it("a union shares the top-level namespace", () => {
    const bad = `${body}  OkReply: { tag: t, variants: {} }\n`;
    expect(errors(bad).map((d) => d.code).sort()).toEqual(["WD307", "WD356"]);
  });
});

describe("topic wire values", () => {
  it("a wire value in two topic sets is WD351 with both locations (it used to reach tsc)", () => {
    const bad = `topics:
  Request:
    topics:
      INITIALIZE: {}
  Event:
    topics:
      STARTED: {}
      BOOT: { value: initialize }
`;
    const [d, ...rest] = errors(bad);
    expect(rest).toEqual([]);
    expect(`${d?.code} ${d?.span?.line}:${d?.span?.col}`).toBe(at("WD351", bad, "initialize"));
    expect(d?.related?.[0]?.span.line).toBe(Number(at("X", bad, "INITIALIZE").split(" ")[1]?.split(":")[0]));
    expect(d?.message).toContain("Request.INITIALIZE");
  });
});
