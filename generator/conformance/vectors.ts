/**
 * Conformance vectors: for every payload and record, valid inputs and invalid ones covering
 * every issue code, each with the expected verdict and issues (path and code). Expectations
 * come from how each case is built (one mutation of a valid sample), not from any validator;
 * the tests also check them against an independent oracle. Runtimes in other languages can run
 * the same file. Pure: Protocol in, file out.
 */
import type { GeneratedFile, Protocol, Topic } from "../model.js";
import type { Names } from "../names/index.js";
import { generatedNotice } from "../emit/header.js";
import { jsonText, type Json } from "../emit/jsonschema/json-text.js";
import {
  badValues,
  edgeGoodValues,
  jsonObject,
  merged,
  nestedBad,
  ruleCombinations,
  sampleObject,
  sampleRecordCount,
  withKey,
  withoutKey,
  type JsonObject,
  type JsonValue,
} from "./samples.js";
import type { IssueCode } from "./semantics.js";
import { allTopics, listShapes, topicView, type ShapeView } from "./shapes.js";

export interface ExpectedIssue {
  readonly path: readonly (string | number)[];
  readonly code: IssueCode;
}

export interface Vector {
  /** The shape's TypeScript type name (`HelloPayload`, `ModelExchangeMeta`); see `shapes`. */
  readonly shape: string;
  readonly description: string;
  readonly input: JsonValue;
  /** When present, the exact JSON text to parse instead of `input` (number spellings matter). */
  readonly json?: string;
  readonly valid: boolean;
  readonly errors: readonly ExpectedIssue[];
}

/**
 * A case for validating by topic (TypeScript `validatePayload`, Python `validate_payload`): the
 * topic string comes off the wire, so it is input too.
 */
export interface TopicVector {
  readonly topic: string;
  readonly description: string;
  readonly input: JsonValue;
  readonly valid: boolean;
  readonly errors: readonly ExpectedIssue[];
}

export interface ShapeIndex {
  /** The topic wire string, for payloads. */
  readonly topic?: string;
  readonly typescript: { readonly validator: string; readonly guard: string };
  readonly python: { readonly validator: string; readonly parser: string };
}

/** Keys every object gets as unknown keys: prototype names, an index-like key, plain text. */
export const UNKNOWN_KEYS: readonly string[] = ["zz_extra", "__proto__", "constructor", "toString", "10", "2"];

/** Where the vectors go: `conformance.json` in the schema directory, beside the schema they exercise. */
export function conformancePath(protocol: Protocol): string | undefined {
  const dir = protocol.outputs.schema?.dir;
  return dir === undefined ? undefined : `${dir.replace(/\/+$/, "")}/conformance.json`;
}

export function emitConformance(protocol: Protocol, names: Names): GeneratedFile[] {
  const path = conformancePath(protocol);
  if (path === undefined) return [];
  const shapes = Object.create(null) as { [name: string]: Json };
  for (const view of listShapes(protocol)) shapes[names.typescript.type(view.shape)] = shapeIndex(view, names) as unknown as Json;
  const document = {
    $comment: generatedNotice(protocol).join(" "),
    description:
      "Conformance vectors: parse `json` when present, else `input`; validate it as `shape`; expect `valid` and exactly `errors` (path and code, in order). `topicCases`: validate `input` as the payload of the wire string `topic` (TypeScript `validatePayload`, Python `validate_payload`), with the same expectations.",
    shapes,
    cases: buildVectors(protocol, names) as unknown as Json,
    topicCases: buildTopicVectors(protocol) as unknown as Json,
  };
  return [{ path, text: jsonText(document) }];
}

function shapeIndex(view: ShapeView, names: Names): ShapeIndex {
  const ts = names.typescript;
  const py = names.python;
  const index = {
    typescript: { validator: ts.validator(view.shape), guard: ts.guard(view.shape) },
    python: { validator: py.validator(view.shape), parser: py.guard(view.shape) },
  };
  return view.shape.kind === "topic" ? { topic: view.shape.value, ...index } : index;
}

export function buildVectors(protocol: Protocol, names: Names): Vector[] {
  return listShapes(protocol).flatMap((view) => shapeVectors(view, names.typescript.type(view.shape)));
}

/**
 * How many fields of a shape get cases of their own (one mutation of a valid sample each). A
 * wider shape gets combined cases instead, each breaking every field at once, so the number of
 * cases per shape is bounded and their total size grows linearly with the shape's width.
 */
export const FIELD_CASE_LIMIT = 8;

/**
 * A shape whose valid sample holds more nested records than this gets only the cases that need
 * no valid sample (not an object; every required key missing): a chain of n records would
 * otherwise write n samples of up to n levels each.
 */
export const NESTED_RECORD_LIMIT = 16;

function shapeVectors(view: ShapeView, shape: string): Vector[] {
  const cases: Vector[] = [];
  const ok = (description: string, input: JsonValue, json?: string): void => {
    cases.push({ shape, description, input, ...(json === undefined ? {} : { json }), valid: true, errors: [] });
  };
  const fail = (description: string, input: JsonValue, errors: ExpectedIssue[], json?: string): void => {
    cases.push({ shape, description, input, ...(json === undefined ? {} : { json }), valid: false, errors });
  };
  const sampled = sampleRecordCount(view) <= NESTED_RECORD_LIMIT;
  const minimal = sampled ? sampleObject(view, "required") : undefined;
  const full = sampled ? sampleObject(view, "all") : undefined;
  if (minimal !== undefined) ok("required keys only", minimal);
  if (full !== undefined && minimal !== undefined && Object.keys(full).length > Object.keys(minimal).length) ok("every key", full);

  const notObjects: [string, JsonValue][] = [
    ["null", null],
    ["an array", []],
    ...(full === undefined ? [] : [["an array holding a valid object", [full]] as [string, JsonValue]]),
    ["a string", "text"],
    ["a number", 1],
    ["a boolean", true],
  ];
  for (const [description, value] of notObjects) {
    fail(`not an object: ${description}`, value, [{ path: [], code: "not_object" }]);
  }

  if (full !== undefined) {
    if (view.fields.length <= FIELD_CASE_LIMIT) fieldCases(view, full, ok, fail);
    else combinedCases(view, full, ok, fail);

    // A wire key that happens to be one of UNKNOWN_KEYS (`__proto__`…) is known, not extra.
    const fieldKeys = new Set(view.fields.map((f) => f.key.value));
    const extraKeys = UNKNOWN_KEYS.filter((k) => !fieldKeys.has(k));
    const withUnknown = merged(full, jsonObject(extraKeys.map((k, i) => [k, i])));
    if (view.unknownKeys === "allow") {
      ok("unknown keys (allowed)", withUnknown);
    } else {
      const unknown = [...extraKeys].sort().map((k) => ({ path: [k], code: "unknown_key" as const }));
      fail("unknown keys (forbidden), reported sorted", withUnknown, unknown);
    }

    // A variant record's tag must hold exactly its own tag value.
    const variant = view.shape.kind === "record" ? view.shape.variantOf : undefined;
    if (variant !== undefined) {
      const tag = variant.union.tag;
      const other = [`${variant.value}x`, "other"].find((v) => v !== variant.value) ?? "";
      fail(`its tag ${tag} absent`, withoutKey(full, tag), [{ path: [tag], code: "missing_key" }]);
      fail(`its tag ${tag} holds another value`, withKey(full, tag, other), [{ path: [tag], code: "wrong_type" }]);
    }

    for (const combo of ruleCombinations(view)) {
      const input = merged(full, jsonObject(combo.values));
      const label = [...combo.values]
        .map(([k, v]) => `${k}=${v}`)
        .join(", ");
      if (combo.violated.length === 0) ok(`rules hold: ${label}`, input);
      else fail(`rule broken: ${label}`, input, combo.violated.map((r) => ({ path: [r.then.key.value], code: "rule_violated" as const })));
    }
  }

  const required = view.fields.filter((f) => f.required);
  if (required.length > 1 || (required.length > 0 && (view.unknownKeys === "forbid" || full === undefined))) {
    const input = jsonObject(
      view.unknownKeys === "forbid"
        ? [
            ["zz_extra", 1],
            ["a_extra", 2],
          ]
        : [],
    );
    // A variant record's tag is a required key too, checked first.
    const variant = view.shape.kind === "record" ? view.shape.variantOf : undefined;
    const tag: ExpectedIssue[] = variant === undefined ? [] : [{ path: [variant.union.tag], code: "missing_key" }];
    const errors: ExpectedIssue[] = [...tag, ...required.map((f) => ({ path: [f.key.value], code: "missing_key" as const }))];
    if (view.unknownKeys === "forbid") errors.push({ path: ["a_extra"], code: "unknown_key" }, { path: ["zz_extra"], code: "unknown_key" });
    fail("every issue, in order", input, errors);
  }
  return cases;
}

type Ok = (description: string, input: JsonValue, json?: string) => void;
type Fail = (description: string, input: JsonValue, errors: ExpectedIssue[], json?: string) => void;

/** Cases of their own for every field: absent, each bad value, each edge good value, a bad nested value. */
function fieldCases(view: ShapeView, full: JsonObject, ok: Ok, fail: Fail): void {
  for (const field of view.fields) {
    const key = field.key.value;
    const path = [key];
    if (field.required) fail(`missing required key ${key}`, withoutKey(full, key), [{ path, code: "missing_key" }]);
    else ok(`optional key ${key} absent`, withoutKey(full, key));
    for (const b of badValues(field.type)) {
      const input = withKey(full, key, b.value);
      const json = b.json === undefined ? undefined : withRawValues(input, [[key, b.json]]);
      fail(`${key}: ${b.why}`, input, [{ path, code: b.code }], json);
    }
    for (const g of edgeGoodValues(field.type)) {
      const input = withKey(full, key, g.value);
      ok(`${key}: ${g.why}`, input, g.json === undefined ? undefined : withRawValues(input, [[key, g.json]]));
    }
    for (const n of nestedBad(field.type)) {
      fail(`${key}: a bad nested value`, withKey(full, key, n.value), [{ path: [...path, ...n.suffix], code: n.code }]);
    }
  }
}

/**
 * For a wide shape: round i gives every field its type's i-th bad value (then i-th edge good
 * value, then a bad nested value) at once, so every field's check is exercised in a fixed number
 * of cases, and the issues come in field order.
 */
function combinedCases(view: ShapeView, full: JsonObject, ok: Ok, fail: Fail): void {
  type Pick = { readonly value: JsonValue; readonly json?: string; readonly code?: IssueCode; readonly suffix?: readonly (string | number)[] };
  const round = (pick: (field: ShapeView["fields"][number]) => Pick | undefined) => {
    const values: [string, JsonValue][] = [];
    const raws: [string, string][] = [];
    const errors: ExpectedIssue[] = [];
    for (const field of view.fields) {
      const key = field.key.value;
      const p = pick(field);
      if (p === undefined) continue;
      values.push([key, p.value]);
      if (p.json !== undefined) raws.push([key, p.json]);
      if (p.code !== undefined) errors.push({ path: [key, ...(p.suffix ?? [])], code: p.code });
    }
    if (values.length === 0) return undefined;
    const input = merged(full, jsonObject(values));
    return { input, errors, json: raws.length === 0 ? undefined : withRawValues(input, raws) };
  };
  const rounds = (of: (field: ShapeView["fields"][number]) => readonly unknown[]) => Math.max(0, ...view.fields.map((f) => of(f).length));
  for (let i = 0; i < rounds((f) => badValues(f.type)); i++) {
    const r = round((f) => badValues(f.type)[i]);
    if (r !== undefined) fail(`every field at once: bad value ${i + 1}`, r.input, r.errors, r.json);
  }
  for (let i = 0; i < rounds((f) => edgeGoodValues(f.type)); i++) {
    const r = round((f) => edgeGoodValues(f.type)[i]);
    if (r !== undefined) ok(`every field at once: edge value ${i + 1}`, r.input, r.json);
  }
  const nested = round((f) => nestedBad(f.type)[0]);
  if (nested !== undefined) fail("every field at once: a bad nested value", nested.input, nested.errors);
}

/** Strings that are no topic yet look up something in a careless table: prototype names. */
export const PROTOTYPE_TOPICS: readonly string[] = ["__proto__", "constructor", "toString", "hasOwnProperty"];

/**
 * Validating by topic: every topic routes to its own payload's validator (its minimal valid
 * sample passes; the first topic also gets a non-object), and strings that are not topics — the
 * empty string, near misses of a real topic, prototype names — are `unknown_topic`, whatever the
 * value (a valid payload of the first topic here).
 */
export function buildTopicVectors(protocol: Protocol): TopicVector[] {
  const topics = allTopics(protocol);
  const known = new Set(topics.map((t) => t.value));
  const sampled = (topic: Topic): boolean => sampleRecordCount(topicView(topic)) <= NESTED_RECORD_LIMIT;
  const cases: TopicVector[] = topics.map((topic) =>
    sampled(topic)
      ? {
          topic: topic.value,
          description: `${topic.value}: a valid payload`,
          input: sampleObject(topicView(topic), "required"),
          valid: true,
          errors: [],
        }
      : {
          topic: topic.value,
          description: `${topic.value}: not an object (its valid sample nests too many records)`,
          input: "text",
          valid: false,
          errors: [{ path: [], code: "not_object" }],
        },
  );
  const first = topics[0];
  if (first !== undefined) {
    cases.push({
      topic: first.value,
      description: `${first.value}: not an object`,
      input: null,
      valid: false,
      errors: [{ path: [], code: "not_object" }],
    });
  }
  const input = first === undefined || !sampled(first) ? jsonObject() : sampleObject(topicView(first), "required");
  const unknown: [string, string][] = [["", "the empty string"]];
  if (first !== undefined) {
    const near = `a near miss of ${first.value}`;
    unknown.push(
      [first.value.toUpperCase(), `${near} (upper case)`],
      [first.value.slice(0, -1), `${near} (last character dropped)`],
      [`${first.value} `, `${near} (trailing space)`],
    );
  }
  unknown.push(...PROTOTYPE_TOPICS.map((t): [string, string] => [t, "a prototype property name"]));
  const seen = new Set<string>();
  for (const [topic, why] of unknown) {
    if (known.has(topic) || seen.has(topic)) continue;
    seen.add(topic);
    cases.push({
      topic,
      description: `unknown topic ${JSON.stringify(topic)}: ${why}`,
      input,
      valid: false,
      errors: [{ path: [], code: "unknown_topic" }],
    });
  }
  return cases;
}

/** The JSON text of `input` with the value at each top-level key spelled as the raw text given. */
function withRawValues(input: JsonObject, raws: readonly (readonly [string, string])[]): string {
  const text = JSON.stringify(merged(input, jsonObject(raws.map(([key], i) => [key, `\u0000raw${i}\u0000`]))));
  // One pass over the text, however many values are raw.
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)]?.[1] ?? "");
}
