/**
 * The spec arbitrary's draws of the constructs real protocols need: type expressions (nullable,
 * `A | B` unions, literals, json, list and map of them, enum, record and union names) with the
 * constraints their outermost non-null node takes (min/max, format, min_length, min_items), local
 * field declarations, tagged unions of earlier records, channels, and envelopes in both styles (a
 * tag selecting the kind, as the Debug Adapter Protocol; kinds told apart by their keys, as
 * JSON-RPC 2.0) with response bodies and correlation. Each draw keeps to what the loader accepts
 * for the class (names fresh where a clash is an error), so most specs get through to the tools.
 */
import type { Draw } from "./draw.js";
import { docText, snakeName, wireValue } from "./text.js";

export type Obj = { [key: string]: unknown };

/** A drawn type expression and the kind of its outermost non-null node (what a constraint applies to). */
export interface DrawnType {
  readonly text: string;
  readonly outer: "int" | "float" | "string" | "list" | "other";
}

export interface EnumInfo {
  readonly name: string;
  readonly members: string[];
  readonly valueType: "string" | "int";
  readonly open: boolean;
}

/** A record drawn so far: its wire keys (for derived records' overrides and a union's tag) and whether each is required. */
export interface RecordInfo {
  readonly name: string;
  readonly fields: { readonly wire: string; readonly required: boolean }[];
  /** Set once the record is a variant of a union (a record is a variant of at most one). */
  inUnion: boolean;
}

export interface TypeScope {
  readonly d: Draw;
  readonly enums: readonly EnumInfo[];
  readonly records: readonly RecordInfo[];
  readonly unions: readonly string[];
}

const BASIC = ["string", "int", "float", "bool"] as const;
const OUTER: { readonly [name: string]: DrawnType["outer"] } = { string: "string", int: "int", float: "float" };
const FORMATS = ["date-time", "date", "uuid", "uri"] as const;

/** A scalar, json or any, a named type, a literal, a union (maybe nullable) or a list/map of one. */
export function drawType(c: TypeScope, depth: number): DrawnType {
  const { d } = c;
  if (depth < 3 && d.chance(4)) {
    const kind = d.pick(["list", "map"] as const);
    return { text: `${kind}<${drawType(c, depth + 1).text}>`, outer: kind === "list" ? "list" : "other" };
  }
  if (d.chance(7)) {
    const of = memberType(c, depth);
    return { text: d.chance(4) ? `null | ${of.text}` : `${of.text} | null`, outer: of.outer };
  }
  if (d.chance(9)) {
    const members = new Map<string, DrawnType>();
    for (let i = d.int(2, 3); i > 0; i--) {
      const m = memberType(c, depth);
      members.set(m.text, m);
    }
    if (members.size < 2) members.set("bool", { text: "bool", outer: "other" });
    const texts = [...members.keys()];
    if (d.chance(3)) texts.splice(d.int(0, texts.length), 0, "null");
    return { text: texts.join(d.pick([" | ", "|", " |  "])), outer: "other" };
  }
  if (d.chance(14)) return literal(d);
  const named = [...c.enums.map((e) => e.name), ...c.records.map((r) => r.name), ...c.unions];
  if (named.length > 0 && d.chance(2)) return { text: d.pick(named), outer: "other" };
  const scalar = d.pick([...BASIC, "any", "json"]);
  return { text: scalar, outer: OUTER[scalar] ?? "other" };
}

/** A union member: never any, json or null (the loader rejects those in a union). */
function memberType(c: TypeScope, depth: number): DrawnType {
  const { d } = c;
  if (d.chance(8)) return literal(d);
  if (depth < 2 && d.chance(8)) return { text: `${d.pick(["list", "map"])}<${d.pick(BASIC)}>`, outer: "other" };
  const named = [...c.enums.map((e) => e.name), ...c.records.map((r) => r.name), ...c.unions];
  if (named.length > 0 && d.chance(3)) return { text: d.pick(named), outer: "other" };
  const scalar = d.pick(BASIC);
  return { text: scalar, outer: OUTER[scalar] ?? "other" };
}

/** A JSON literal in a type expression: a string (JSON-quoted), a plain number or a boolean. */
function literal(d: Draw): DrawnType {
  const v = d.pick(["string", "string", "int", "float", "bool"] as const);
  if (v === "string") return { text: JSON.stringify(d.chance(2) ? wireValue(d) : d.pick(["2.0", "1", "true", "null", ""])), outer: "other" };
  if (v === "int") return { text: String(d.pick([0, 1, -1, 2, 42, -32700])), outer: "other" };
  if (v === "float") return { text: String(d.pick([1.5, -0.25, 1e-7])), outer: "other" };
  return { text: d.pick(["true", "false"]), outer: "other" };
}

/** Constraints for a declaration of this type (sometimes none); always within what its outer node takes. */
export function drawConstraints(d: Draw, type: DrawnType): Obj {
  if (!d.chance(3)) return {};
  switch (type.outer) {
    case "int": {
      const min = d.int(-5, 5);
      const out: Obj = {};
      if (d.chance(3) !== d.chance(3)) out.min = min;
      if (d.chance(2) || out.min === undefined) out.max = min + d.int(0, 10);
      return out;
    }
    case "float": {
      const min = d.pick([-2.5, 0, 0.5, 1]);
      return d.chance(2) ? { min } : d.chance(2) ? { max: min + d.pick([0, 0.5, 10]) } : { min, max: min + d.pick([0, 0.5, 10]) };
    }
    case "string": {
      const out: Obj = {};
      if (d.chance(2)) out.format = d.pick(FORMATS);
      if (d.chance(2) || out.format === undefined) out.min_length = d.int(0, 5);
      return out;
    }
    case "list":
      return { min_items: d.int(0, 3) };
    default:
      return {};
  }
}

/** Local field declarations (`fields:`), wire keys fresh against `taken` (the shape's key-set keys). */
export function drawFields(c: TypeScope, taken: Set<string>, count: number): { fields: Obj; list: { wire: string; required: boolean }[] } {
  const { d } = c;
  const fields: Obj = {};
  const list: { wire: string; required: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const wire = d.fresh(taken, () => (d.chance(3) ? wireValue(d) : snakeName(d)));
    const type = drawType(c, 0);
    const f: Obj = { type: type.text, ...drawConstraints(d, type) };
    const optional = d.chance(3);
    if (optional || d.chance(6)) f.optional = optional;
    if (d.chance(3)) f.doc = docText(d);
    if (d.chance(10)) f.deprecated = d.chance(2) ? true : docText(d);
    fields[wire] = f;
    list.push({ wire, required: !optional });
  }
  return { fields, list };
}

/**
 * A tagged union of earlier records that are in no union yet; the tag is a wire key none of them
 * declares. Undefined when no record is free.
 */
export function drawUnion(c: TypeScope): Obj | undefined {
  const { d } = c;
  const free = c.records.filter((r) => !r.inUnion);
  if (free.length === 0) return undefined;
  const chosen = d.subset(free).slice(0, 3);
  if (chosen.length === 0) chosen.push(d.pick(free));
  const keys = new Set(chosen.flatMap((r) => r.fields.map((f) => f.wire)));
  const tag = d.fresh(keys, () => (d.chance(3) ? d.pick(["type", "status", "kind", "event"]) : snakeName(d)));
  const values = new Set<string>();
  const variants: Obj = {};
  for (const r of chosen) {
    r.inUnion = true;
    variants[d.fresh(values, () => (d.chance(2) ? snakeName(d) : wireValue(d)))] = r.name;
  }
  const union: Obj = { tag, variants };
  if (d.chance(2)) union.doc = docText(d);
  return union;
}

/** Channels for `protocol.channels:` (1–3, names and values unique); returns their names too. */
export function drawChannels(d: Draw): { channels: Obj; names: string[] } {
  const names = new Set<string>();
  const values = new Set<string>();
  const channels: Obj = {};
  for (let i = d.int(1, 3); i > 0; i--) {
    const name = d.fresh(names, () => snakeName(d));
    const ch: Obj = {};
    if (d.chance(2) || values.has(name)) ch.value = d.fresh(values, () => wireValue(d));
    else values.add(name);
    if (d.chance(2)) ch.doc = docText(d);
    channels[name] = ch;
  }
  return { channels, names: [...names] };
}

/** A topic set as the envelope sees it: its name and whether its topics may carry a `response:`. */
export interface EnvelopeSets {
  /** Sets whose topics are requests (they get a response kind when there is one). */
  readonly requests: readonly string[];
  /** Sets of events or notifications (no response). */
  readonly others: readonly string[];
}

/** Envelope common-field types the envelope validators check inline. */
function envelopeFieldType(c: TypeScope): string {
  const { d } = c;
  const closed = c.enums.filter((e) => !e.open).map((e) => e.name);
  return d.pick(["int", "string", "bool", "float", "int | string", "string | null", "int | null", '"2.0"', "list<any>", "map<any>", ...closed]);
}

/** Pairs of types whose tests a lossy name would take for one. */
const LOOKALIKE_TYPES: readonly (readonly [string, string])[] = [
  ['"a-b"', '"a_b"'],
  ['"1"', "1"],
  ['"x" | null', '"X" | null'],
  ['"a-b" | int', '"a_b" | int'],
];

/** Wire keys that are Python keywords or no identifier at all. */
const AWKWARD_KEYS: readonly string[] = ["class", "from", "lambda", "$type", "Content-Length", "not"];

/**
 * An envelope over the spec's topic sets, tagged (kinds by a tag's value) or told apart by the
 * keys present, with a response kind carrying the request sets' `response:` bodies when
 * `responses` is true. Wire keys are fresh within the envelope: Python identifiers, and in a
 * tagged envelope sometimes a keyword or no identifier (`class`, `$type`).
 */
export function drawEnvelope(c: TypeScope, sets: EnvelopeSets, responses: boolean): Obj {
  const { d } = c;
  const keys = new Set<string>();
  const key = (stem: string): string => d.fresh(keys, () => (d.chance(2) ? stem : snakeName(d)));
  const kindNames = new Set<string>();
  const kindName = (stem: string): string => d.fresh(kindNames, () => (d.chance(2) ? stem : snakeName(d)));
  const one = (names: readonly string[]): unknown => (names.length === 1 && d.chance(2) ? names[0] : [...names]);
  const envelope: Obj = {};
  if (d.chance(2)) envelope.doc = docText(d);
  const kinds: Obj = {};
  if (d.chance(3) === d.chance(3)) {
    // Tagged, as the Debug Adapter Protocol: `type` selects request / response / event.
    envelope.tag = key("type");
    const seq = key("seq");
    const fields: Obj = { [seq]: { type: "int" } };
    if (d.chance(3)) fields[key("meta")] = { type: envelopeFieldType(c), ...(d.chance(2) ? { optional: true } : {}) };
    if (d.chance(4)) {
      // Two fields whose tests read alike, under keys a class body cannot always declare: each
      // must keep its own test, and the Python TypedDict must still parse.
      const [a, b] = d.pick(LOOKALIKE_TYPES);
      fields[d.fresh(keys, () => d.pick(AWKWARD_KEYS))] = { type: a, optional: true };
      fields[key("mark")] = { type: b, ...(d.chance(2) ? { optional: true } : {}) };
    }
    envelope.fields = fields;
    const topic = key("command");
    const payload = key("arguments");
    const request = kindName("request");
    kinds[request] = { topic, payload, topics: one(sets.requests), ...(d.chance(3) ? { value: wireValue(d) } : {}) };
    if (responses) {
      const body = key("body");
      const requestSeq = key("request_seq");
      kinds[kindName("response")] = {
        topic,
        payload: body,
        responses: true,
        fields: { [requestSeq]: { type: "int" }, [key("success")]: { type: "bool" }, ...(d.chance(2) ? { [key("message")]: { type: "string", optional: true } } : {}) },
        answers: { field: requestSeq, request: seq, kind: request },
        topics: one(sets.requests),
        ...(d.chance(4) ? { payload_required: true } : {}),
      };
    }
    if (sets.others.length > 0) kinds[kindName("event")] = { topic: key("event"), payload: key("body"), topics: one(sets.others) };
  } else {
    // Told apart by the keys present, as JSON-RPC 2.0.
    envelope.fields = { [key("jsonrpc")]: { type: '"2.0"' } };
    const id = key("id");
    const method = key("method");
    const params = key("params");
    const request = kindName("request");
    kinds[request] = { fields: { [id]: { type: "int | string" } }, topic: method, payload: params, topics: one(sets.requests) };
    if (sets.others.length > 0) kinds[kindName("notification")] = { topic: method, payload: params, topics: one(sets.others) };
    if (responses) {
      kinds[kindName("response")] = {
        fields: { [id]: { type: "int | string | null" } },
        payload: key("result"),
        payload_required: true,
        responses: true,
        answers: { field: id, request: id, kind: request },
        topics: one(sets.requests),
      };
      if (d.chance(2)) {
        kinds[kindName("error")] = {
          fields: { [id]: { type: "int | string | null" }, [key("error")]: { type: d.pick(["map<any>", "string", ...c.records.map((r) => r.name)]) } },
          responses: true,
          answers: { field: id, request: id, kind: request },
        };
      }
    }
  }
  envelope.kinds = kinds;
  return envelope;
}
