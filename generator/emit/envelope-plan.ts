/**
 * What both runtimes' envelope modules are printed from: per kind, the checks of a message in
 * the order both validators run them, and the topics with the shape each selects. One plan, two
 * printers (emit/typescript/envelope.ts, emit/python/envelope.ts), so the verdicts agree.
 */
import type { Constraints, Envelope, EnvelopeKind, Field, PayloadWhen, Protocol, Record, Topic, ValueType } from "../model.js";
import type { Shape } from "../names/index.js";
import { kindTopics, whenTypeName } from "../names/envelope.js";

/** A value test both printers can render as one boolean expression (no loops, no tables). */
export type Test =
  | { readonly kind: "any" }
  | { readonly kind: "string" | "int" | "float" | "bool" | "null" | "object" | "array" }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "enum"; readonly values: readonly string[]; readonly name?: string }
  /** `name`: the closed int enum the union's literals are the values of. */
  | { readonly kind: "oneOf"; readonly of: readonly Test[]; readonly name?: string };

/** A field check: presence, then either a test or the record's validator. */
export interface FieldCheck {
  readonly key: string;
  readonly required: boolean;
  readonly test?: Test | undefined;
  /** The record validated by its own validator (issues nested under the key). */
  readonly record?: Shape | undefined;
  /** What the value should have been, in the messages' words ("an integer or null"). */
  readonly expected: string;
  /**
   * The field's constraints (`min: 1`, `format: uri`, `min_items: 1`), checked once the value has
   * passed its test (a null of a nullable field is not checked), with the payloads' issue codes
   * and words; `on` says what the constrained value is.
   */
  readonly constraints?: { readonly on: "number" | "string" | "list"; readonly c: Constraints } | undefined;
}

export interface TopicCase {
  readonly topic: Topic;
  /** The shape the payload is validated as; undefined: the payload is not examined. */
  readonly shape: Shape | undefined;
  /** The payload key must be present. */
  readonly required: boolean;
  /** The payload may be null (`nullable: true`): null is valid and not examined further. */
  readonly nullable: boolean;
}

/** A `when:` rule: when the value at `path` is `value`, the payload is validated as `record`. */
export interface WhenCase {
  readonly rule: PayloadWhen;
  /** Its message type (`FailedResponse`). */
  readonly typeName: string;
  readonly path: readonly string[];
  readonly value: string | number | boolean;
  readonly record: Record;
  /** The payload key must be present. */
  readonly required: boolean;
}

export interface KindPlan {
  readonly kind: EnvelopeKind;
  /** The kind's `when:` rules, in spec order (the first that matches chooses the payload). */
  readonly when: readonly WhenCase[];
  readonly fields: readonly FieldCheck[];
  /** Keys of the path to the topic value (none: the topic comes from the answered request). */
  readonly topicPath: readonly string[];
  readonly topics: readonly TopicCase[];
  /** For kinds without a tag: the keys the kind requires, and the keys only other kinds declare. */
  readonly requires: readonly string[];
  readonly excludes: readonly string[];
}

export interface EnvelopePlan {
  readonly envelope: Envelope;
  readonly kinds: readonly KindPlan[];
}

/** Envelope field types the validators check inline; anything else is rejected by the loader. */
export function testOf(type: ValueType): Test | undefined {
  switch (type.kind) {
    case "scalar":
      return type.name === "any" || type.name === "json" ? { kind: "any" } : { kind: type.name };
    case "literal":
      return { kind: "literal", value: type.value };
    case "enum":
      if (type.enum.open) return { kind: type.enum.valueType === "int" ? "int" : "string" };
      // A closed int enum is one of its integers (an enum test compares strings).
      if (type.enum.valueType === "int") return { kind: "oneOf", of: type.enum.members.map((m) => ({ kind: "literal", value: m.intValue ?? Number(m.value) })), name: type.enum.name };
      return { kind: "enum", values: type.enum.members.map((m) => m.value), name: type.enum.name };
    case "nullable": {
      const inner = testOf(type.of);
      return inner === undefined ? undefined : { kind: "oneOf", of: [inner, { kind: "null" }] };
    }
    case "oneOf": {
      const members = type.of.map(testOf);
      return members.some((m) => m === undefined) ? undefined : { kind: "oneOf", of: members as Test[] };
    }
    case "list":
      return type.of.kind === "scalar" && type.of.name === "any" ? { kind: "array" } : undefined;
    case "map":
      return type.of.kind === "scalar" && type.of.name === "any" ? { kind: "object" } : undefined;
    default:
      return undefined;
  }
}

const WORDS: { readonly [k: string]: string } = {
  string: "a string",
  int: "an integer",
  float: "a number",
  bool: "a boolean",
  null: "null",
  object: "an object",
  array: "an array",
  any: "a value",
};

/** The words for what a test accepts: "an integer or a string or null", `"2.0"`, `one of "a", "b"`. */
export function expectedWords(test: Test): string {
  switch (test.kind) {
    case "literal":
      return JSON.stringify(test.value);
    case "enum":
      return `one of ${test.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "oneOf":
      return test.of.map(expectedWords).join(" or ");
    default:
      return WORDS[test.kind] ?? "a value";
  }
}

function fieldCheck(field: Field): FieldCheck {
  const t = field.type;
  const record = t.kind === "record" ? t.record : undefined;
  const test = record === undefined ? testOf(t) : undefined;
  return {
    key: field.key.value,
    required: field.required,
    test,
    record,
    expected: test === undefined ? "an object" : expectedWords(test),
    constraints: constraintsOf(t.kind === "nullable" ? t.of : t),
  };
}

/** Constraints sit on the field's type or on the type a nullable holds (the loader puts them nowhere else). */
function constraintsOf(t: ValueType): FieldCheck["constraints"] {
  if (t.kind !== "scalar" && t.kind !== "list") return undefined;
  const c = t.constraints;
  if (c === undefined || !Object.values(c).some((v) => v !== undefined)) return undefined;
  const on = t.kind === "list" ? "list" : t.name === "string" ? "string" : "number";
  return { on, c };
}

/** A name for a set of constraints (`int_min_1`, `string_min_length_1_format_uri`): one checker each. */
export function constraintWords(f: NonNullable<FieldCheck["constraints"]>): string {
  const n = (x: number): string => String(x).replace(/-/g, "minus_").replace(/[^A-Za-z0-9_]/g, "_");
  const parts: string[] = [f.on];
  if (f.c.minimum !== undefined) parts.push("min", n(f.c.minimum));
  if (f.c.maximum !== undefined) parts.push("max", n(f.c.maximum));
  if (f.c.minLength !== undefined) parts.push("min_length", n(f.c.minLength));
  if (f.c.format !== undefined) parts.push("format", f.c.format.replace(/-/g, "_"));
  if (f.c.minItems !== undefined) parts.push("min_items", n(f.c.minItems));
  return parts.join("_");
}

export function envelopePlan(protocol: Protocol): EnvelopePlan | undefined {
  const envelope = protocol.envelope;
  if (envelope === undefined) return undefined;
  const declared = envelope.kinds.map((k) => new Set([...k.fields.map((f) => f.key.value), ...(k.payload === undefined ? [] : [k.payload.key])]));
  const kinds = envelope.kinds.map((kind, i): KindPlan => {
    const own = declared[i] ?? new Set<string>();
    const others = new Set(declared.flatMap((d, j) => (j === i ? [] : [...d])));
    // One kind without a tag is every message's kind: its keys are checked, not matched.
    const single = envelope.tag === undefined && envelope.kinds.length === 1;
    const requires = single ? [] : [...kind.fields.filter((f) => f.required).map((f) => f.key.value), ...(kind.payload?.required === true ? [kind.payload.key] : [])];
    return {
      kind,
      when: kind.when.map((rule) => ({
        rule,
        typeName: whenTypeName(kind, rule.name),
        path: rule.field.keys,
        value: rule.value,
        record: rule.record,
        required: rule.present || (kind.payload?.required ?? false) || rule.record.fields.some((f) => f.required),
      })),
      fields: [...envelope.fields, ...kind.fields].map(fieldCheck),
      topicPath: kind.topic?.keys ?? [],
      topics: kindTopics(kind).map((topic) => topicCase(kind, topic)),
      requires,
      excludes: single ? [] : [...others].filter((k) => !own.has(k)).sort(),
    };
  });
  return { envelope, kinds };
}

function topicCase(kind: EnvelopeKind, topic: Topic): TopicCase {
  const shape: Shape | undefined = kind.responses ? topic.response : topic;
  const payload = kind.responses ? topic.response?.payload : topic.payload;
  const required = kind.payload !== undefined && (kind.payload.required || payload?.inMessage?.present === true || (payload?.fields.some((f) => f.required) ?? false));
  return { topic, shape, required, nullable: kind.payload !== undefined && payload?.inMessage?.nullable === true };
}
