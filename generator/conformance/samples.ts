/**
 * Sample values for conformance vectors: a valid value for every type (records satisfy their
 * cross-field rules) and, per type, JSON values that must be rejected with the code they earn.
 * Pure functions of the model; the expectations come from how each case is built.
 */
import type { CrossFieldRule, Record, ScalarTypeName, StringFormat, ValueType } from "../model.js";
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
    case "scalar": {
      const c = type.constraints ?? {};
      switch (type.name) {
        case "string":
          if (c.format !== undefined) return FORMAT_SAMPLES[c.format];
          return "text".padEnd(c.minLength ?? 0, "t");
        case "int":
          return clamp(7, c.minimum, c.maximum);
        case "float":
          return clamp(2.5, c.minimum, c.maximum);
        case "bool":
          return true;
        case "any":
        case "json":
          return jsonObject([["opaque", [1, "x", null]]]);
      }
      break;
    }
    case "enum": {
      const first = type.enum.members[0];
      if (type.enum.valueType === "int") return first?.intValue ?? 0;
      return first?.value ?? "";
    }
    case "list":
      return Array.from({ length: Math.max(1, type.constraints?.minItems ?? 1) }, () => sampleValue(type.of));
    case "map":
      return jsonObject([["k", sampleValue(type.of)]]);
    case "record":
      return sampleObject(recordView(type.record), "required");
    case "nullable":
      return sampleValue(type.of);
    case "oneOf":
      return sampleValue(type.of[0] as ValueType);
    case "tagged": {
      const variant = type.union.variants[0];
      return variant === undefined ? jsonObject() : sampleObject(recordView(variant.record), "required");
    }
    case "literal":
      return type.value;
  }
  return null;
}

/** A valid string of each format. */
export const FORMAT_SAMPLES: { readonly [F in StringFormat]: string } = {
  "date-time": "2024-02-29T23:59:60.5+01:00",
  date: "2024-12-31",
  uuid: "123e4567-e89b-12d3-a456-426614174000",
  uri: "https://example.com/a?b=c",
};

/** Strings each format rejects, with why (all ASCII-lookalike traps included). */
const FORMAT_BAD: { readonly [F in StringFormat]: readonly (readonly [string, string])[] } = {
  "date-time": [
    ["2024-13-01T00:00:00Z", "month 13"],
    ["2024-01-01T24:00:00Z", "hour 24"],
    ["2024-01-01T00:00:00Z\n", "a trailing newline"],
    ["\uff12\uff10\uff12\uff14-01-01T00:00:00Z", "non-ASCII digits"],
    ["2024-01-01 00:00:00Z", "a space for T"],
  ],
  date: [
    ["2024-00-10", "month 00"],
    ["2024-01-32", "day 32"],
    ["2024-01-01\n", "a trailing newline"],
  ],
  uuid: [
    ["123e4567-e89b-12d3-a456-42661417400g", "a non-hex digit"],
    ["123e4567e89b12d3a456426614174000", "no hyphens"],
  ],
  uri: [
    ["no scheme", "no scheme"],
    ["1http://x", "a scheme starting with a digit"],
    ["http://a b", "a space"],
  ],
};

function clamp(n: number, minimum: number | undefined, maximum: number | undefined): number {
  if (minimum !== undefined && n < minimum) return minimum;
  if (maximum !== undefined && n > maximum) return maximum;
  return n;
}

/**
 * How many record objects `sampleObject(view, "all")` holds, nested at any depth (a nested
 * record's sample has its required keys only). Counting stops just past `NESTED_RECORD_CAP`, and
 * each record's count is computed once, so this is linear in the spec even where the samples
 * themselves would be huge (a chain of records, or records holding several of the next).
 */
export function sampleRecordCount(view: ShapeView): number {
  return capped(view.fields.map((f) => typeRecordCount(f.type)));
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
    case "nullable":
      return typeRecordCount(type.of);
    case "oneOf":
      return typeRecordCount(type.of[0] as ValueType);
    case "tagged": {
      const first = type.union.variants[0];
      return first === undefined ? 0 : typeRecordCount({ kind: "record", record: first.record });
    }
    case "record": {
      const known = recordCounts.get(type.record);
      if (known !== undefined) return known;
      // Records form no cycle (the spec checker rejects one), so the walk ends; it is iterative
      // so that a chain of thousands of records needs no deep call stack.
      const requiredRecords = (record: Record): Record[] =>
        record.fields.flatMap((f) => {
          const inner = innermost(f.type);
          if (!f.required) return [];
          if (inner.kind === "record") return [inner.record];
          const variant = inner.kind === "tagged" ? inner.union.variants[0] : undefined;
          return variant === undefined ? [] : [variant.record];
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
  for (;;) {
    if (t.kind === "list" || t.kind === "map" || t.kind === "nullable") t = t.of;
    else if (t.kind === "oneOf") t = t.of[0] as ValueType;
    else return t;
  }
}

/** A valid object for the shape: required keys only, or every key. Enum values satisfy its rules. */
export function sampleObject(view: ShapeView, which: "required" | "all"): JsonObject {
  const combo = ruleCombinations(view).find((c) => c.violated.length === 0)?.values ?? new Map<string, string>();
  const variant = view.shape.kind === "record" ? view.shape.variantOf : undefined;
  const tag: [string, JsonValue][] = variant === undefined ? [] : [[variant.union.tag, variant.value]];
  return jsonObject([
    ...tag,
    ...view.fields
      .filter((field) => which === "all" || field.required)
      .map((field) => [field.key.value, combo.get(field.key.value) ?? sampleValue(field.type)] as [string, JsonValue]),
  ]);
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
      return [...scalarBad(type.name), ...constraintBad(type)];
    case "enum": {
      const e = type.enum;
      if (e.valueType === "int") {
        const taken = new Set(e.members.map((m) => m.intValue));
        const outside = [1, 2, 3, 5, 7].find((n) => !taken.has(n)) ?? 0.5;
        return [
          ...(e.open ? [] : [bad(outside, "not_in_enum", "an integer outside the enum")]),
          bad(String(e.members[0]?.intValue ?? 0), "wrong_type", "a member's number as a string"),
          bad(1.5, "wrong_type", "a fraction"),
          bad(true, "wrong_type", "a boolean"),
          bad(null, "wrong_type", "null"),
        ];
      }
      if (e.open) return [bad(3, "wrong_type", "a number"), bad(null, "wrong_type", "null")];
      const first = e.members[0];
      const values: BadValue[] = [
        bad("not-a-member", "not_in_enum", "a string outside the enum"),
        bad(3, "wrong_type", "a number"),
        bad(null, "wrong_type", "null"),
      ];
      if (first !== undefined && first.value !== first.name && !e.members.some((m) => m.value === first.name)) {
        values.push(bad(first.name, "not_in_enum", "the member's name instead of its wire value"));
      }
      return values;
    }
    case "list": {
      const minItems = type.constraints?.minItems ?? 0;
      return [
        bad(jsonObject(), "wrong_type", "an object"),
        bad("text", "wrong_type", "a string"),
        bad(null, "wrong_type", "null"),
        ...(minItems > 0 ? [bad(Array.from({ length: minItems - 1 }, () => sampleValue(type.of)), "too_short", `${minItems - 1} items (fewer than ${minItems})`)] : []),
      ];
    }
    case "map":
      return [...notObject, bad("text", "wrong_type", "a string")];
    case "record":
    case "tagged":
      return [bad(null, "not_object", "null"), bad([], "not_object", "an array"), bad("text", "not_object", "a string")];
    case "nullable":
      return badValues(type.of).filter((b) => b.value !== null || b.json !== undefined);
    case "oneOf":
      return ONE_OF_PROBES.filter(([value]) => !type.of.some((m) => roughlyAccepts(m, value))).map(([value, why]) => bad(value, "wrong_type", why));
    case "literal": {
      const v = type.value;
      if (typeof v === "string") return [bad(`${v}x`, "wrong_type", "another string"), bad(7, "wrong_type", "a number"), bad(null, "wrong_type", "null")];
      if (typeof v === "boolean") return [bad(!v, "wrong_type", "the other boolean"), bad(String(v), "wrong_type", "its text"), bad(null, "wrong_type", "null")];
      return [bad(v + 1, "wrong_type", "another number"), bad(String(v), "wrong_type", "its text"), bad(null, "wrong_type", "null")];
    }
  }
}

function scalarBad(name: ScalarTypeName): BadValue[] {
  switch (name) {
    case "string":
      return [bad(7, "wrong_type", "a number"), bad(null, "wrong_type", "null"), bad(["text"], "wrong_type", "an array")];
    case "int":
      return [
        bad(true, "wrong_type", "a boolean (Python bool is an int)"),
        bad(false, "wrong_type", "false"),
        bad(1.5, "wrong_type", "a fraction"),
        bad("7", "wrong_type", "a numeric string"),
        bad(null, "wrong_type", "null"),
        bad(5e-324, "wrong_type", "5e-324 (a fraction)", "5e-324"),
        ...BEYOND_DOUBLE.map(([json, why]) => bad(0, "wrong_type", why, json)),
      ];
    case "float":
      return [
        bad(true, "wrong_type", "a boolean"),
        bad("2.5", "wrong_type", "a numeric string"),
        bad(null, "wrong_type", "null"),
        ...BEYOND_DOUBLE.map(([json, why]) => bad(0, "wrong_type", why, json)),
      ];
    case "bool":
      return [bad(1, "wrong_type", "1"), bad(0, "wrong_type", "0"), bad("true", "wrong_type", "a string"), bad(null, "wrong_type", "null")];
    case "json":
      // JSON text holds nothing else than JSON, but a number beyond the double range is Infinity.
      return [bad(0, "wrong_type", "1e400 (Infinity)", "1e400")];
    case "any":
      return [];
  }
}

/** Values of the right type that break a constraint (the type's own bad values come first). */
function constraintBad(type: ValueType & { kind: "scalar" }): BadValue[] {
  const c = type.constraints ?? {};
  const out: BadValue[] = [];
  if (type.name === "int" || type.name === "float") {
    const step = type.name === "int" ? 1 : 0.5;
    if (c.minimum !== undefined) out.push(bad(c.minimum - step, "out_of_range", `below the minimum ${c.minimum}`));
    if (c.maximum !== undefined) out.push(bad(c.maximum + step, "out_of_range", `above the maximum ${c.maximum}`));
  }
  if (type.name === "string") {
    if (c.format !== undefined) {
      const long = c.minLength ?? 0;
      for (const [value, why] of FORMAT_BAD[c.format]) if ([...value].length >= long && utf16Length(value) >= long) out.push(bad(value, "bad_format", `not a ${c.format}: ${why}`));
    } else if (c.minLength !== undefined && c.minLength > 0) {
      out.push(bad("t".repeat(c.minLength - 1), "too_short", `${c.minLength - 1} characters (fewer than ${c.minLength})`));
    }
  }
  return out;
}

function utf16Length(text: string): number {
  return text.length;
}

/** Values tried against a union: each is bad when no member takes it. */
const ONE_OF_PROBES: readonly (readonly [JsonValue, string])[] = [
  [null, "null"],
  [true, "a boolean"],
  [1.5, "a fraction"],
  ["text", "a string"],
  [[], "an array"],
];

/** Whether a member type takes a probe (probes are chosen so that this needs no validator). */
function roughlyAccepts(type: ValueType, value: JsonValue): boolean {
  switch (type.kind) {
    case "scalar":
      if (type.name === "any" || type.name === "json") return true;
      if (type.name === "string") return typeof value === "string";
      if (type.name === "float") return typeof value === "number";
      if (type.name === "int") return typeof value === "number" && Number.isInteger(value);
      return typeof value === "boolean";
    case "enum":
      return type.enum.open ? typeof value === (type.enum.valueType === "int" ? "number" : "string") && (type.enum.valueType !== "int" || Number.isInteger(value)) : type.enum.members.some((m) => m.value === value || m.intValue === value);
    case "literal":
      return type.value === value;
    case "list":
      return Array.isArray(value) && value.length >= (type.constraints?.minItems ?? 0);
    case "map":
      return false;
    case "record":
    case "tagged":
      return false;
    case "nullable":
      return value === null || roughlyAccepts(type.of, value);
    case "oneOf":
      return type.of.some((m) => roughlyAccepts(m, value));
  }
}

/** Values a key of this type accepts that deserve their own case. */
export function edgeGoodValues(type: ValueType): GoodValue[] {
  switch (type.kind) {
    case "nullable":
      return [{ value: null, why: "null (nullable)" }, ...edgeGoodValues(type.of)];
    case "oneOf":
      return type.of.slice(1).map((m, i) => ({ value: sampleValue(m), why: `a value of member ${i + 2}` }));
    case "tagged":
      // The sample is the first variant's; each other variant is accepted too.
      return type.union.variants.slice(1).map((v) => ({ value: sampleObject(recordView(v.record), "required"), why: `variant ${JSON.stringify(v.value)}` }));
    case "enum": {
      const first = type.enum.members[0];
      if (type.enum.valueType === "int") {
        const n = first?.intValue ?? 0;
        const taken = new Set(type.enum.members.map((m) => m.intValue));
        return [
          { value: n, json: `${n}.0`, why: "a member as an integral float" },
          ...(type.enum.open ? [{ value: [12345, 4321].find((x) => !taken.has(x)) ?? 0, why: "an unknown value (open enum)" }] : []),
        ];
      }
      return type.enum.open ? [{ value: "some-other-value", why: "an unknown value (open enum)" }] : [];
    }
    case "scalar":
      break;
    default:
      return [];
  }
  const c = type.constraints ?? {};
  const bounds: GoodValue[] = [];
  if (c.minimum !== undefined) bounds.push({ value: c.minimum, why: `the minimum ${c.minimum}` });
  if (c.maximum !== undefined) bounds.push({ value: c.maximum, why: `the maximum ${c.maximum}` });
  switch (type.name) {
    case "int":
      if (bounds.length > 0) return bounds;
      return [
        { value: 1, json: "1.0", why: "an integral float (1.0)" },
        { value: -3, why: "a negative integer" },
        { value: 1e21, json: "1e21", why: "1e21 (integral)" },
        ...edgeNumbers(true),
      ];
    case "float":
      if (bounds.length > 0) return bounds;
      return [
        { value: 3, why: "an integer" },
        { value: -0.5, why: "a negative fraction" },
        ...edgeNumbers(false),
      ];
    case "string":
      if (c.format !== undefined) return FORMAT_GOOD[c.format].filter(([v]) => v.length >= (c.minLength ?? 0)).map(([value, why]) => ({ value, why }));
      if (c.minLength !== undefined && c.minLength >= 2) {
        const value = "\u{1F600}".repeat(Math.floor(c.minLength / 2)) + (c.minLength % 2 === 1 ? "t" : "");
        return [{ value, why: `${c.minLength} UTF-16 code units in fewer characters (an emoji is two)` }];
      }
      return [];
    case "any":
      return [
        { value: null, why: "null" },
        { value: [], why: "an array" },
        { value: "text", why: "a string" },
      ];
    case "json":
      return [
        { value: null, why: "null" },
        { value: [jsonObject([["a", [true, -0.5, "x", null]]]), []], why: "nested arrays and objects" },
        { value: "text", why: "a string" },
      ];
    default:
      return [];
  }
}

/** Strings each format accepts that a looser check might not. */
const FORMAT_GOOD: { readonly [F in StringFormat]: readonly (readonly [string, string])[] } = {
  "date-time": [
    ["2024-01-01t00:00:00z", "lower-case t and z"],
    ["1990-12-31T23:59:60-08:00", "a leap second and an offset"],
  ],
  date: [["2000-02-29", "a leap day"]],
  uuid: [["123E4567-E89B-12D3-A456-426614174000", "upper-case hex"]],
  uri: [["urn:isbn:0451450523", "a URN"]],
};

function edgeNumbers(forInt: boolean): GoodValue[] {
  return EDGE_NUMBERS.filter(([, , , integral]) => integral || !forInt).map(([value, json, why]) =>
    json === undefined ? { value, why } : { value, json, why },
  );
}

/** A nested element to break inside a list, map or record value: [path suffix, value, code]. */
export function nestedBad(type: ValueType): { readonly suffix: (string | number)[]; readonly value: JsonValue; readonly code: IssueCode }[] {
  switch (type.kind) {
    case "list": {
      // As many items as min_items asks (at least two), the second one bad.
      const inner = badValues(type.of).find((b) => b.json === undefined);
      const items = Array.from({ length: Math.max(2, type.constraints?.minItems ?? 0) }, () => sampleValue(type.of));
      items[1] = inner?.value ?? null;
      return inner === undefined ? [] : [{ suffix: [1], value: items, code: inner.code }];
    }
    case "map": {
      const inner = badValues(type.of).find((b) => b.json === undefined);
      return inner === undefined ? [] : [{ suffix: ["b"], value: jsonObject([["a", sampleValue(type.of)], ["b", inner.value]]), code: inner.code }];
    }
    case "nullable":
      return nestedBad(type.of);
    case "tagged": {
      const first = type.union.variants[0];
      if (first === undefined) return [];
      const tag = type.union.tag;
      const sample = sampleObject(recordView(first.record), "required");
      const unknown = ["no-such-variant", "other"].find((v) => !type.union.variants.some((x) => x.value === v)) ?? "";
      return [
        { suffix: [tag], value: withKey(sample, tag, unknown), code: "unknown_tag" },
        { suffix: [tag], value: withoutKey(sample, tag), code: "missing_key" },
        { suffix: [tag], value: withKey(sample, tag, 1), code: "wrong_type" },
        ...nestedBad({ kind: "record", record: first.record }).filter((n) => n.suffix[0] !== tag),
      ];
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
