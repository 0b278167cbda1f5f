/**
 * An independent reference for the validation semantics: a direct recursive reading of the
 * README table over the model, written for clarity rather than speed, sharing no code with the
 * emitters. Returns the expected issues (path and code) for a parsed JSON value.
 */
import type { Field, Protocol, Record, Topic, ValueType } from "../../generator/model.js";

export interface OracleIssue {
  path: (string | number)[];
  code: string;
}

interface Shape {
  fields: readonly Field[];
  unknownKeys: "allow" | "forbid";
  rules: Record["rules"];
}

const shapeOfRecord = (r: Record): Shape => ({ fields: r.fields, unknownKeys: r.unknownKeys, rules: r.rules });
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
    checkType(value[key], field.key.type, [...path, key], found);
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
    const known = shape.fields.map((f) => f.key.value);
    const unknown = Object.keys(value).filter((k) => !known.includes(k));
    unknown.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const k of unknown) out.push({ path: [...path, k], code: "unknown_key" });
  }
}

function checkType(value: unknown, type: ValueType, path: (string | number)[], out: OracleIssue[]): void {
  const wrong = (): void => {
    out.push({ path, code: "wrong_type" });
  };
  if (type.kind === "scalar") {
    const finite = typeof value === "number" && Number.isFinite(value);
    if (type.name === "string" && typeof value !== "string") wrong();
    if (type.name === "int" && !(finite && Math.floor(value) === value)) wrong();
    if (type.name === "float" && !finite) wrong();
    if (type.name === "bool" && value !== true && value !== false) wrong();
    return;
  }
  if (type.kind === "enum") {
    if (typeof value !== "string") wrong();
    else if (!type.enum.members.some((m) => m.value === value)) out.push({ path, code: "not_in_enum" });
    return;
  }
  if (type.kind === "list") {
    if (!Array.isArray(value)) return wrong();
    value.forEach((item, i) => checkType(item, type.of, [...path, i], out));
    return;
  }
  if (type.kind === "map") {
    if (!isPlainObject(value)) return wrong();
    const keys = Object.keys(value).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const k of keys) checkType(value[k], type.of, [...path, k], out);
    return;
  }
  if (type.kind === "record") return checkObject(value, shapeOfRecord(type.record), path, out);
  throw new Error(`the oracle does not check ${type.kind} values yet`);
}
