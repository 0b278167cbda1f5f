/**
 * Sample values for conformance vectors: a valid value for every type (records satisfy their
 * cross-field rules) and, per type, JSON values that must be rejected with the code they earn.
 * Pure functions of the model; the expectations come from how each case is built.
 */
import type { Constraints, CrossFieldRule, Enum, Record, StringFormat, ValueType } from "../model.js";
import { JUST_ABOVE_MAX_DOUBLE, type IssueCode } from "./semantics.js";
import { recordView, type ShapeView } from "./shapes.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A rejected value and, when the value must be written as raw JSON text, that text. */
export interface BadValue {
  readonly value: JsonValue;
  /** Raw JSON text for numbers whose text matters (`1e400`); replaces `value` in the case's JSON. */
  readonly json?: string;
  readonly code: IssueCode;
  readonly why: string;
}

/** An accepted value that is worth a case of its own (`1.0` for an int). */
export interface GoodValue {
  readonly value: JsonValue;
  readonly json?: string;
  readonly why: string;
}

/**
 * JSON objects here are null-prototype objects built with own properties only, so a wire key
 * named `__proto__`, `constructor` or `toString` is an ordinary key: writing it never sets a
 * prototype and reading it never finds an inherited member. (`JSON.stringify` writes an own
 * `__proto__` key like any other; `JSON.parse` reads it back as an own key.)
 */
export type JsonObject = { [key: string]: JsonValue };

/** A null-prototype object with these entries (later entries win). */
export function jsonObject(entries: Iterable<readonly [string, JsonValue]> = []): JsonObject {
  const object = Object.create(null) as JsonObject;
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** A copy of `object` with `key` set to `value`. */
export function withKey(object: JsonObject, key: string, value: JsonValue): JsonObject {
  return jsonObject([...Object.entries(object), [key, value]]);
}

/** A copy of `object` without `key`. */
export function withoutKey(object: JsonObject, key: string): JsonObject {
  return jsonObject(Object.entries(object).filter(([k]) => k !== key));
}

/** The own entries of every object, merged left to right, in a null-prototype object. */
export function merged(...objects: readonly JsonObject[]): JsonObject {
  return jsonObject(objects.flatMap((o) => Object.entries(o)));
}

const HUGE_INTEGER = `1${"0".repeat(400)}`;

/** 2^1024 − 2^971 + 1: above the largest double, yet JSON.parse rounds it down to it. */
const ABOVE_MAX_DOUBLE = (2n ** 1024n - 2n ** 971n + 1n).toString();

/** Numbers beyond the double range, as JSON text: every runtime must reject them as a number. */
const BEYOND_DOUBLE: readonly (readonly [json: string, why: string])[] = [
  ["1e400", "1e400 (Infinity)"],
  ["-1e309", "-1e309 (just beyond the double range, negative)"],
  [HUGE_INTEGER, "an integer beyond the double range"],
];

/** Numbers every runtime must accept as a number (a float; an int too when `integral`). */
const EDGE_NUMBERS: readonly (readonly [value: number, json: string | undefined, why: string, integral: boolean])[] = [
  [-0, "-0", "-0", true],
  [-0, "-0.0", "-0.0", true],
  [9007199254740993, "9007199254740993", "an integer beyond 2^53", true],
  [-Number.MAX_VALUE, "-1.7976931348623157e308", "the most negative double", true],
  [Number.MAX_VALUE, ABOVE_MAX_DOUBLE, JUST_ABOVE_MAX_DOUBLE, true],
  [5e-324, "5e-324", "5e-324 (the smallest double)", false],
];

export function sampleValue(type: ValueType): JsonValue {
  switch (type.kind) {
    case "scalar":
      switch (type.name) {
        case "string":
          return stringSample(type.constraints);
        case "int":
          return numberSample(7, type.constraints, true);
        case "float":
          return numberSample(2.5, type.constraints, false);
        case "bool":
          return true;
        case "any":
        case "json":
          return jsonObject([["opaque", [1, "x", null]]]);
      }
      break;
    case "enum":
      return enumSample(type.enum);
    case "list": {
      const item = sampleValue(type.of);
      return Array.from({ length: Math.max(1, type.constraints?.minItems ?? 0) }, () => item);
    }
    case "map":
      return jsonObject([["k", sampleValue(type.of)]]);
    case "record":
      return sampleObject(recordView(type.record), "required");
    case "nullable":
      return sampleValue(type.of);
    case "oneOf":
      return sampleValue(type.of[0] ?? { kind: "scalar", name: "any" });
    case "literal":
      return type.value;
    case "tagged": {
      const first = type.union.variants[0];
      if (first === undefined) return jsonObject();
      return merged(jsonObject([[type.union.tag, first.value]]), sampleObject(recordView(first.record), "required"));
    }
  }
  return null;
}

/** A string of each format (ASCII, exactly of the format the validators check). */
const FORMAT_SAMPLES: { readonly [F in StringFormat]: string } = {
  "date-time": "2024-02-29T23:59:60.5+01:00",
  date: "2024-02-29",
  uuid: "123e4567-e89b-12d3-a456-426614174000",
  uri: "file:///home/user/a.txt",
};

/** A string of each format, not of it (each fails the format's check, never its length). */
const FORMAT_MISSES: { readonly [F in StringFormat]: readonly [string, string] } = {
  "date-time": ["2024-13-01T00:00:00Z", "month 13"],
  date: ["2024-02-29T00:00:00Z", "a date-time"],
  uuid: ["123e4567e89b12d3a456426614174000", "no hyphens"],
  uri: ["no scheme here", "no scheme"],
};

function stringSample(c: Constraints | undefined): string {
  if (c?.format !== undefined) return FORMAT_SAMPLES[c.format];
  return "text".padEnd(c?.minLength ?? 0, "x");
}

/** `preferred` moved into the constraints' range (to an integer at the bound for an int). */
function numberSample(preferred: number, c: Constraints | undefined, integral: boolean): number {
  let n = preferred;
  if (c?.minimum !== undefined && n < c.minimum) n = integral ? Math.ceil(c.minimum) : c.minimum;
  if (c?.maximum !== undefined && n > c.maximum) n = integral ? Math.floor(c.maximum) : c.maximum;
  return n;
}

function enumSample(e: Enum): JsonValue {
  const first = e.members[0];
  if (first === undefined) return "";
  return e.valueType === "int" ? (first.intValue ?? Number(first.value)) : first.value;
}

/** Whether `n` is within the constraints' range. */
function inRange(n: number, c: Constraints | undefined): boolean {
  return (c?.minimum === undefined || n >= c.minimum) && (c?.maximum === undefined || n <= c.maximum);
}

/**
 * How many record objects `sampleObject(view, "all")` holds, nested at any depth (a nested
 * record's sample has its required keys only). Counting stops just past `NESTED_RECORD_CAP`, and
 * each record's count is computed once, so this is linear in the spec even where the samples
 * themselves would be huge (a chain of records, or records holding several of the next).
 */
export function sampleRecordCount(view: ShapeView): number {
  return capped(view.fields.map((f) => typeRecordCount(f.key.type)));
}

const NESTED_RECORD_CAP = 1_000_000;
const recordCounts = new WeakMap<Record, number>();

function capped(counts: readonly number[]): number {
  return Math.min(
    NESTED_RECORD_CAP,
    counts.reduce((a, b) => a + b, 0),
  );
}

function typeRecordCount(type: ValueType): number {
  switch (type.kind) {
    case "list":
    case "map":
      return typeRecordCount(type.of);
    case "record": {
      const known = recordCounts.get(type.record);
      if (known !== undefined) return known;
      // Records form no cycle (the spec checker rejects one), so the walk ends; it is iterative
      // so that a chain of thousands of records needs no deep call stack.
      const requiredRecords = (record: Record): Record[] =>
        record.fields.flatMap((f) => {
          const inner = innermost(f.key.type);
          return f.required && inner.kind === "record" ? [inner.record] : [];
        });
      const stack: [Record, boolean][] = [[type.record, false]];
      while (stack.length > 0) {
        const [record, expanded] = stack.pop() as [Record, boolean];
        if (recordCounts.has(record)) continue;
        if (expanded) {
          recordCounts.set(record, capped([1, ...requiredRecords(record).map((r) => recordCounts.get(r) ?? 0)]));
          continue;
        }
        stack.push([record, true]);
        for (const r of requiredRecords(record)) if (!recordCounts.has(r)) stack.push([r, false]);
      }
      return recordCounts.get(type.record) ?? 0;
    }
    default:
      return 0;
  }
}

function innermost(type: ValueType): ValueType {
  let t = type;
  while (t.kind === "list" || t.kind === "map") t = t.of;
  return t;
}

/** A valid object for the shape: required keys only, or every key. Enum values satisfy its rules. */
export function sampleObject(view: ShapeView, which: "required" | "all"): JsonObject {
  const combo = ruleCombinations(view).find((c) => c.violated.length === 0)?.values ?? new Map<string, string>();
  return jsonObject(
    view.fields
      .filter((field) => which === "all" || field.required)
      .map((field) => [field.key.value, combo.get(field.key.value) ?? sampleValue(field.type)] as const),
  );
}

/** Every combination of the enum values of the keys a shape's rules read (at most 256). */
export function ruleCombinations(view: ShapeView): { values: ReadonlyMap<string, string>; violated: CrossFieldRule[] }[] {
  const keys = [...new Set(view.rules.flatMap((r) => [r.if.key, r.then.key]))].filter(
    (k) => view.fields.some((f) => f.key === k) && k.type.kind === "enum",
  );
  let combos: Map<string, string>[] = [new Map()];
  for (const key of keys) {
    const members = key.type.kind === "enum" ? key.type.enum.members.map((m) => m.value) : [];
    combos = combos.flatMap((c) => members.map((v) => new Map([...c, [key.value, v]])));
    if (combos.length > 256) combos = combos.slice(0, 256);
  }
  return combos.map((values) => ({
    values,
    violated: view.rules.filter((r) => {
      const ifValue = values.get(r.if.key.value);
      const thenValue = values.get(r.then.key.value);
      return ifValue !== undefined && thenValue !== undefined && r.if.values.includes(ifValue) && !r.then.values.includes(thenValue);
    }),
  }));
}

const bad = (value: JsonValue, code: IssueCode, why: string, json?: string): BadValue =>
  json === undefined ? { value, code, why } : { value, json, code, why };

/** Values a key of this type must reject. */
export function badValues(type: ValueType): BadValue[] {
  const notObject: BadValue[] = [bad(null, "wrong_type", "null"), bad([], "wrong_type", "an array")];
  switch (type.kind) {
    case "scalar":
      return [...scalarBadValues(type.name), ...constraintBadValues(type)];
    case "enum":
      return enumBadValues(type.enum);
    case "list": {
      const values = [bad(jsonObject(), "wrong_type", "an object"), bad("text", "wrong_type", "a string"), bad(null, "wrong_type", "null")];
      const n = type.constraints?.minItems ?? 0;
      if (n > 0) values.push(bad(Array.from({ length: n - 1 }, () => sampleValue(type.of)), "too_short", `${n - 1} items (at least ${n})`));
      return values;
    }
    case "map":
      return [...notObject, bad("text", "wrong_type", "a string")];
    case "record":
      return [bad(null, "not_object", "null"), bad([], "not_object", "an array"), bad("text", "not_object", "a string")];
    case "nullable":
      // What the inner type rejects but null.
      return badValues(type.of).filter((b) => !(b.value === null && b.json === undefined));
    case "oneOf":
      // No member is nullable, any or json (the spec checker sees to that), so null matches none.
      return [bad(null, "wrong_type", "null (no member is nullable)")];
    case "literal":
      return [
        bad(null, "wrong_type", "null"),
        bad(typeof type.value === "string" ? `${type.value}x` : typeof type.value === "number" ? type.value + 1 : !type.value, "wrong_type", "another value of its kind"),
      ];
    case "tagged":
      return [];
  }
  return [];
}

function scalarBadValues(name: "string" | "int" | "float" | "bool" | "any" | "json"): BadValue[] {
  return {
    string: [bad(7, "wrong_type", "a number"), bad(null, "wrong_type", "null"), bad(["text"], "wrong_type", "an array")],
    int: [
      bad(true, "wrong_type", "a boolean (Python bool is an int)"),
      bad(false, "wrong_type", "false"),
      bad(1.5, "wrong_type", "a fraction"),
      bad("7", "wrong_type", "a numeric string"),
      bad(null, "wrong_type", "null"),
      bad(5e-324, "wrong_type", "5e-324 (a fraction)", "5e-324"),
      ...BEYOND_DOUBLE.map(([json, why]) => bad(0, "wrong_type", why, json)),
    ],
    float: [
      bad(true, "wrong_type", "a boolean"),
      bad("2.5", "wrong_type", "a numeric string"),
      bad(null, "wrong_type", "null"),
      ...BEYOND_DOUBLE.map(([json, why]) => bad(0, "wrong_type", why, json)),
    ],
    bool: [bad(1, "wrong_type", "1"), bad(0, "wrong_type", "0"), bad("true", "wrong_type", "a string"), bad(null, "wrong_type", "null")],
    any: [],
    json: [],
  }[name];
}

/** A value just outside each bound, a string of the wrong format, one too short. */
function constraintBadValues(type: ValueType & { kind: "scalar" }): BadValue[] {
  const c = type.constraints;
  if (c === undefined) return [];
  const out: BadValue[] = [];
  const integral = type.name === "int";
  if (type.name === "int" || type.name === "float") {
    if (c.minimum !== undefined) out.push(bad(integral ? Math.ceil(c.minimum) - 1 : c.minimum - 1, "out_of_range", "below the minimum"));
    if (c.maximum !== undefined) out.push(bad(integral ? Math.floor(c.maximum) + 1 : c.maximum + 1, "out_of_range", "above the maximum"));
  }
  if (type.name === "string") {
    if (c.format !== undefined) {
      const [value, why] = FORMAT_MISSES[c.format];
      if (value.length >= (c.minLength ?? 0)) out.push(bad(value, "bad_format", why));
    }
    const n = c.minLength ?? 0;
    if (n > 0 && c.format === undefined) out.push(bad("x".repeat(n - 1), "too_short", `${n - 1} characters (at least ${n})`));
  }
  return out;
}

function enumBadValues(e: Enum): BadValue[] {
  const first = e.members[0];
  if (e.valueType === "int") {
    const values: BadValue[] = [bad("1", "wrong_type", "a numeric string"), bad(1.5, "wrong_type", "a fraction"), bad(null, "wrong_type", "null")];
    if (!e.open) values.push(bad(unusedInt(e), "not_in_enum", "an integer outside the enum"));
    return values;
  }
  const values: BadValue[] = [bad(3, "wrong_type", "a number"), bad(null, "wrong_type", "null")];
  if (!e.open) {
    values.unshift(bad("not-a-member", "not_in_enum", "a string outside the enum"));
    if (first !== undefined && first.value !== first.name && !e.members.some((m) => m.value === first.name)) {
      values.push(bad(first.name, "not_in_enum", "the member's name instead of its wire value"));
    }
  }
  return values;
}

/** An integer no member of an int enum has. */
function unusedInt(e: Enum): number {
  const used = new Set(e.members.map((m) => m.intValue ?? Number(m.value)));
  let n = Math.max(0, ...used) + 1;
  while (used.has(n)) n++;
  return n;
}

/** Values a key of this type accepts that deserve their own case. */
export function edgeGoodValues(type: ValueType): GoodValue[] {
  switch (type.kind) {
    case "nullable":
      return [{ value: null, why: "null" }, ...edgeGoodValues(type.of)];
    case "oneOf":
      return type.of.slice(1).map((t) => ({ value: sampleValue(t), why: `a value of another member (${t.kind === "scalar" ? t.name : t.kind})` }));
    case "enum":
      if (!type.enum.open) return [];
      return type.enum.valueType === "int" ? [{ value: unusedInt(type.enum), why: "an integer outside the open enum" }] : [{ value: "not-a-member", why: "a string outside the open enum" }];
    case "scalar":
      break;
    default:
      return [];
  }
  const c = type.constraints;
  switch (type.name) {
    case "int":
      return [
        { value: 1, json: "1.0", why: "an integral float (1.0)" },
        { value: -3, why: "a negative integer" },
        { value: 1e21, json: "1e21", why: "1e21 (integral)" },
        ...edgeNumbers(true),
      ].filter((g) => typeof g.value !== "number" || inRange(g.value, c));
    case "float":
      return [
        { value: 3, why: "an integer" },
        { value: -0.5, why: "a negative fraction" },
        ...edgeNumbers(false),
      ].filter((g) => typeof g.value !== "number" || inRange(g.value, c));
    case "any":
      return [
        { value: null, why: "null" },
        { value: [], why: "an array" },
        { value: "text", why: "a string" },
      ];
    default:
      return [];
  }
}

function edgeNumbers(forInt: boolean): GoodValue[] {
  return EDGE_NUMBERS.filter(([, , , integral]) => integral || !forInt).map(([value, json, why]) =>
    json === undefined ? { value, why } : { value, json, why },
  );
}

/** A nested element to break inside a list, map or record value: [path suffix, value, code]. */
export function nestedBad(type: ValueType): { readonly suffix: (string | number)[]; readonly value: JsonValue; readonly code: IssueCode }[] {
  switch (type.kind) {
    case "nullable":
      return nestedBad(type.of);
    case "list": {
      const inner = badValues(type.of).find((b) => b.json === undefined);
      // Two items: a list that needs more would also be too short.
      if (inner === undefined || (type.constraints?.minItems ?? 0) > 2) return [];
      return [{ suffix: [1], value: [sampleValue(type.of), inner.value], code: inner.code }];
    }
    case "map": {
      const inner = badValues(type.of).find((b) => b.json === undefined);
      return inner === undefined ? [] : [{ suffix: ["b"], value: jsonObject([["a", sampleValue(type.of)], ["b", inner.value]]), code: inner.code }];
    }
    case "record": {
      const view = recordView(type.record as Record);
      const sample = sampleObject(view, "required");
      const first = view.fields.find((f) => f.required);
      if (first === undefined) return [];
      return [{ suffix: [first.key.value], value: withoutKey(sample, first.key.value), code: "missing_key" }];
    }
    default:
      return [];
  }
}
