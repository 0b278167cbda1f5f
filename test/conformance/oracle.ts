/**
 * An independent reference for the validation semantics: a direct recursive reading of the
 * README table over the model (every value kind: scalars with their constraints and formats,
 * string, int and open enums, lists, maps, records and variant records, nullable, unions, tagged
 * unions, literals and json), written for clarity rather than speed, sharing no code with the
 * emitters or the conformance samples. Returns the expected issues (path and code) for a parsed
 * JSON value.
 */
import type { Constraints, Field, Protocol, Record, StringFormat, Topic, ValueType } from "../../generator/model.js";

export interface OracleIssue {
  path: (string | number)[];
  code: string;
}

interface Shape {
  fields: readonly Field[];
  unknownKeys: "allow" | "forbid";
  rules: Record["rules"];
  /** A variant record's tag: its key must hold exactly this value (checked first). */
  tag?: { key: string; value: string } | undefined;
}

const shapeOfRecord = (r: Record): Shape => ({
  fields: r.fields,
  unknownKeys: r.unknownKeys,
  rules: r.rules,
  tag: r.variantOf === undefined ? undefined : { key: r.variantOf.union.tag, value: r.variantOf.value },
});
const shapeOfTopic = (t: Topic): Shape => ({ fields: t.payload.fields, unknownKeys: t.payload.unknownKeys, rules: [] });

export function oracleFor(protocol: Protocol, shape: { record?: string; topic?: string; response?: string }): (value: unknown) => OracleIssue[] {
  const record = protocol.records.find((r) => r.name === shape.record);
  const topics = protocol.topicSets.flatMap((s) => s.topics);
  const topic = topics.find((t) => t.value === shape.topic);
  const response = topics.find((t) => t.value === shape.response)?.response;
  const target =
    record !== undefined
      ? shapeOfRecord(record)
      : topic !== undefined
        ? shapeOfTopic(topic)
        : response !== undefined
          ? { fields: response.payload.fields, unknownKeys: response.payload.unknownKeys, rules: [] }
          : undefined;
  if (target === undefined) throw new Error(`oracle: no such shape ${JSON.stringify(shape)}`);
  return (value) => {
    const out: OracleIssue[] = [];
    checkObject(value, target, [], out);
    return out;
  };
}

/**
 * Validating by topic: a string that is not one of the protocol's topic wire values is the one
 * issue `unknown_topic`; a topic is judged as its payload.
 */
export function oracleForTopic(protocol: Protocol, topic: string): (value: unknown) => OracleIssue[] {
  const known = protocol.topicSets.some((s) => s.topics.some((t) => t.value === topic));
  if (!known) return () => [{ path: [], code: "unknown_topic" }];
  return oracleFor(protocol, { topic });
}

function isPlainObject(v: unknown): v is { [key: string]: unknown } {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function own(o: object, key: string): boolean {
  return Object.keys(o).includes(key);
}

function checkObject(value: unknown, shape: Shape, path: (string | number)[], out: OracleIssue[]): void {
  if (!isPlainObject(value)) {
    out.push({ path, code: "not_object" });
    return;
  }
  if (shape.tag !== undefined) {
    const key = shape.tag.key;
    if (!own(value, key)) out.push({ path: [...path, key], code: "missing_key" });
    else if (value[key] !== shape.tag.value) out.push({ path: [...path, key], code: "wrong_type" });
  }
  const bad = new Set<string>();
  for (const field of shape.fields) {
    const key = field.key.value;
    if (!own(value, key)) {
      if (field.required) {
        out.push({ path: [...path, key], code: "missing_key" });
        bad.add(key);
      }
      continue;
    }
    const found: OracleIssue[] = [];
    checkType(value[key], field.type, [...path, key], found);
    if (found.length > 0) bad.add(key);
    out.push(...found);
  }
  for (const rule of shape.rules) {
    const a = rule.if.key.value;
    const b = rule.then.key.value;
    if (bad.has(a) || bad.has(b) || !own(value, a) || !own(value, b)) continue;
    const va = value[a];
    const vb = value[b];
    const holds = typeof va === "string" && rule.if.values.includes(va);
    const ok = typeof vb === "string" && rule.then.values.includes(vb);
    if (holds && !ok) out.push({ path: [...path, b], code: "rule_violated" });
  }
  if (shape.unknownKeys === "forbid") {
    const known = [...shape.fields.map((f) => f.key.value), ...(shape.tag === undefined ? [] : [shape.tag.key])];
    const unknown = Object.keys(value).filter((k) => !known.includes(k));
    unknown.sort(byCodeUnits);
    for (const k of unknown) out.push({ path: [...path, k], code: "unknown_key" });
  }
}

function byCodeUnits(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && Math.floor(v) === v;

/** The formats, as the README's semantics table states them (`\d` an ASCII digit, `\s` ASCII whitespace). */
export function hasFormat(format: StringFormat, s: string): boolean {
  const D = "[0-9]";
  const inRange = (text: string | undefined, low: number, high: number): boolean => text !== undefined && Number(text) >= low && Number(text) <= high;
  if (format === "uuid") return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s);
  if (format === "uri") return /^[A-Za-z][A-Za-z0-9+.-]*:[^ \t\n\r\f\v]*$/.test(s);
  if (format === "date") {
    const m = new RegExp(`^(${D}{4})-(${D}{2})-(${D}{2})$`).exec(s);
    return m !== null && inRange(m[2], 1, 12) && inRange(m[3], 1, 31);
  }
  const m = new RegExp(`^(${D}{4})-(${D}{2})-(${D}{2})[Tt](${D}{2}):(${D}{2}):(${D}{2})(\\.${D}+)?([Zz]|[+-]${D}{2}:${D}{2})$`).exec(s);
  return m !== null && inRange(m[2], 1, 12) && inRange(m[3], 1, 31) && inRange(m[4], 0, 23) && inRange(m[5], 0, 59) && inRange(m[6], 0, 60);
}

function checkConstraints(value: unknown, c: Constraints | undefined, path: (string | number)[], out: OracleIssue[]): void {
  if (c === undefined) return;
  if (typeof value === "number") {
    if (c.minimum !== undefined && value < c.minimum) out.push({ path, code: "out_of_range" });
    else if (c.maximum !== undefined && value > c.maximum) out.push({ path, code: "out_of_range" });
  }
  if (typeof value === "string") {
    if (c.minLength !== undefined && value.length < c.minLength) out.push({ path, code: "too_short" });
    if (c.format !== undefined && !hasFormat(c.format, value)) out.push({ path, code: "bad_format" });
  }
  if (Array.isArray(value) && c.minItems !== undefined && value.length < c.minItems) out.push({ path, code: "too_short" });
}

/** A `json` value: every non-JSON value inside it is `wrong_type` at its own path, depth first, objects by sorted key. */
function checkJson(value: unknown, path: (string | number)[], out: OracleIssue[]): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push({ path, code: "wrong_type" });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkJson(item, [...path, i], out));
    return;
  }
  if (isPlainObject(value)) {
    for (const k of Object.keys(value).sort(byCodeUnits)) checkJson(value[k], [...path, k], out);
    return;
  }
  out.push({ path, code: "wrong_type" });
}

function checkType(value: unknown, type: ValueType, path: (string | number)[], out: OracleIssue[]): void {
  const wrong = (): void => {
    out.push({ path, code: "wrong_type" });
  };
  switch (type.kind) {
    case "scalar": {
      const finite = typeof value === "number" && Number.isFinite(value);
      const ok =
        type.name === "string"
          ? typeof value === "string"
          : type.name === "int"
            ? isInt(value)
            : type.name === "float"
              ? finite
              : type.name === "bool"
                ? value === true || value === false
                : true;
      if (!ok) return wrong();
      if (type.name === "json") return checkJson(value, path, out);
      return checkConstraints(value, type.constraints, path, out);
    }
    case "enum": {
      const e = type.enum;
      if (e.valueType === "int") {
        if (!isInt(value)) return wrong();
        if (!e.open && !e.members.some((m) => m.intValue === value)) out.push({ path, code: "not_in_enum" });
        return;
      }
      if (typeof value !== "string") return wrong();
      if (!e.open && !e.members.some((m) => m.value === value)) out.push({ path, code: "not_in_enum" });
      return;
    }
    case "list":
      if (!Array.isArray(value)) return wrong();
      checkConstraints(value, type.constraints, path, out);
      value.forEach((item, i) => checkType(item, type.of, [...path, i], out));
      return;
    case "map": {
      if (!isPlainObject(value)) return wrong();
      for (const k of Object.keys(value).sort(byCodeUnits)) checkType(value[k], type.of, [...path, k], out);
      return;
    }
    case "record":
      return checkObject(value, shapeOfRecord(type.record), path, out);
    case "nullable":
      if (value === null) return;
      return checkType(value, type.of, path, out);
    case "oneOf": {
      // Some member takes it, or one wrong_type at the value (nothing of the members is reported).
      const takes = type.of.some((member) => {
        const trial: OracleIssue[] = [];
        checkType(value, member, path, trial);
        return trial.length === 0;
      });
      if (!takes) wrong();
      return;
    }
    case "tagged": {
      if (!isPlainObject(value)) {
        out.push({ path, code: "not_object" });
        return;
      }
      const tag = type.union.tag;
      if (!own(value, tag)) {
        out.push({ path: [...path, tag], code: "missing_key" });
        return;
      }
      const t = value[tag];
      if (typeof t !== "string") {
        out.push({ path: [...path, tag], code: "wrong_type" });
        return;
      }
      const variant = type.union.variants.find((v) => v.value === t);
      if (variant === undefined) {
        out.push({ path: [...path, tag], code: "unknown_tag" });
        return;
      }
      return checkObject(value, shapeOfRecord(variant.record), path, out);
    }
    case "literal":
      if (value !== type.value) wrong();
      return;
  }
}
