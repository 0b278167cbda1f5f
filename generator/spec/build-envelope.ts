/**
 * The envelope: the common frame of every message (DAP's seq/type, JSON-RPC's jsonrpc/id, a kernel
 * message's header), the tag selecting the kind, and per kind the field naming the topic, the key
 * holding the payload, its own fields and the correlation of replies to requests.
 *
 * Without a tag, kinds are told apart by the keys present (JSON-RPC): see `distinguishable`.
 */
import { isScalar, isSeq } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Answers, Envelope, EnvelopeKind, Field, FieldPath, Key, PayloadWhen, Span, TopicSet, ValueType } from "../model.js";
import { declaredType } from "./build-types.js";
import type { TypeScope } from "./build-types.js";
import { unresolved } from "./lookup.js";
import { child, docs, entries, keyNodeOf, span, str, strings } from "./read.js";
import type { Located, Reader } from "./read.js";
import { keyText, pairsOf, unrepresentable } from "./yaml-node.js";

export interface EnvelopeScope extends TypeScope {
  readonly topicSets: ReadonlyMap<string, TopicSet>;
}

type MutableKind = { -readonly [K in keyof EnvelopeKind]: EnvelopeKind[K] };

export function buildEnvelope(r: Reader, root: unknown, scope: EnvelopeScope): Envelope | undefined {
  const node = child(r, root, "envelope");
  if (node === undefined) return undefined;
  const at = span(r, keyNodeOf(root, "envelope"));
  const common = localFields(r, child(r, node, "fields"), scope, "the envelope");
  const tagName = str(r, node, "tag");
  const tag = tagName === undefined ? undefined : { key: tagName.value, span: tagName.span };
  const kindEntries = entries(r, node, "kinds");
  const kinds: MutableKind[] = kindEntries.map((e) => {
    const where = `envelope kind ${e.name}`;
    const explicit = str(r, e.node, "value");
    if (explicit !== undefined && tag === undefined) {
      const hint = `add "tag: <wire key>" to the envelope, or drop "value"`;
      r.diagnostics.push(diagnostic("WD366", `${where} has a tag value, but the envelope has no tag`, explicit.span, { hint }));
    }
    const own = localFields(r, child(r, e.node, "fields"), scope, where);
    const payloadName = str(r, e.node, "payload");
    const required = child(r, e.node, "payload_required");
    const responses = child(r, e.node, "responses");
    const kind: MutableKind = {
      kind: "envelopeKind",
      name: e.name,
      ...docs(r, e.node),
      span: e.span,
      ...(tag === undefined ? {} : { value: explicit?.value ?? e.name }),
      valueSpan: explicit?.span ?? e.span,
      fields: own,
      ...(payloadName === undefined
        ? {}
        : { payload: { key: payloadName.value, span: payloadName.span, required: isScalar(required) && required.value === true } }),
      responses: isScalar(responses) && responses.value === true,
      topicSets: topicSetsOf(r, e.node, scope, where),
      when: [],
    };
    const topic = str(r, e.node, "topic");
    if (topic !== undefined) {
      const path = topicPath(r, topic, common, kind, where);
      if (path !== undefined) kind.topic = path;
    }
    return kind;
  });
  kindEntries.forEach((e, i) => {
    const kind = kinds[i];
    if (kind !== undefined) {
      const answers = buildAnswers(r, e.node, kind, kinds, common, `envelope kind ${e.name}`);
      if (answers !== undefined) kind.answers = answers;
      kind.when = buildWhen(r, e.node, kind, common, scope, `envelope kind ${e.name}`);
    }
  });
  const envelope: Envelope = { ...docs(r, node), span: at, fields: common, ...(tag === undefined ? {} : { tag }), kinds };
  for (const f of [...common, ...kinds.flatMap((k) => k.fields)]) {
    if (!inlineType(f.type)) {
      const hint = "envelope fields are scalars, literals, enums, records, list<any> or map<any> (nullable or in a union); put anything else in a record";
      r.diagnostics.push(diagnostic("WD368", `envelope field "${f.key.value}" has a type an envelope cannot check inline`, f.span, { hint }));
    }
  }
  kindEntries.forEach((e, i) => {
    const k = kinds[i];
    if (k !== undefined) kindRules(r, envelope, k, { topic: keyNodeOf(e.node, "topic") !== undefined, topics: keyNodeOf(e.node, "topics") !== undefined });
  });
  distinguishable(r, envelope);
  return envelope;
}

/** The topic sets a kind carries: `topics: Name` or `topics: [A, B]`. */
function topicSetsOf(r: Reader, node: unknown, scope: EnvelopeScope, where: string): TopicSet[] {
  const value = child(r, node, "topics");
  const names: Located<string>[] = isSeq(value) ? strings(r, node, "topics") : [str(r, node, "topics")].filter((x) => x !== undefined);
  const out: TopicSet[] = [];
  for (const name of names) {
    const set = scope.topicSets.get(name.value);
    if (set === undefined) {
      r.diagnostics.push(
        unresolved({ code: "WD363", expected: "topic set", where: `"topics" of ${where}`, name: name.value, span: name.span, candidates: scope.topicSets.keys(), index: scope.index }),
      );
    } else if (out.includes(set)) {
      r.diagnostics.push(diagnostic("WD309", `topic set ${name.value} is listed twice in ${where}`, name.span, { hint: "list each topic set once" }));
    } else out.push(set);
  }
  return out;
}

/**
 * Local field declarations (`fields:`): the wire key as written, its type, optional. A field of
 * the envelope is a key made for the field alone, like a payload-local field.
 */
export function localFields(r: Reader, node: unknown, scope: TypeScope, where: string): Field[] {
  if (node === undefined || r.bad.has(node)) return [];
  const out: Field[] = [];
  for (const p of pairsOf(node)) {
    const wireKey = keyText(p);
    if (wireKey === undefined || r.bad.has(p.value)) continue;
    const type = declaredType(r, p.value, scope, `field "${wireKey}" of ${where}`);
    const optional = child(r, p.value, "optional");
    out.push(localField(wireKey, span(r, p.key), type, !(isScalar(optional) && optional.value === true), docs(r, p.value)));
  }
  return out;
}

export function localField(wireKey: string, at: Span, type: ValueType, required: boolean, d: { doc?: string; deprecated?: string }): Field {
  const key: Key = { kind: "key", name: wireKey, ...d, span: at, value: wireKey, valueSpan: at, derived: false, type };
  return { key, type, required, local: true, span: at };
}

/** A single-key topic path that is no declared field declares a required string field of the kind. */
function topicPath(r: Reader, text: Located<string>, common: readonly Field[], kind: MutableKind, where: string): FieldPath | undefined {
  const keys = text.value.split(".");
  if (keys.length === 1 && fieldByKey([...common, ...kind.fields], keys[0] ?? "") === undefined) {
    const field = localField(keys[0] ?? "", text.span, { kind: "scalar", name: "string" }, true, {});
    kind.fields = [field, ...kind.fields];
    return { keys, fields: [field], span: text.span };
  }
  const path = resolvePath(r, text, [...common, ...kind.fields], `"topic" of ${where}`);
  if (path !== undefined && !isStringy(last(path).type)) {
    const hint = "the topic field holds the topic's wire value: give it type string";
    r.diagnostics.push(diagnostic("WD368", `"topic" of ${where} names field ${text.value}, which is not a string`, text.span, { hint }));
    return undefined;
  }
  return path;
}

/** The field types the message validators check inline (emit/envelope-plan.ts renders each). */
function inlineType(t: ValueType): boolean {
  switch (t.kind) {
    case "scalar":
    case "literal":
    case "enum":
    case "record":
      return true;
    case "nullable":
      return t.of.kind !== "record" && inlineType(t.of);
    case "oneOf":
      return t.of.every((m) => m.kind !== "record" && inlineType(m));
    case "list":
    case "map":
      return t.of.kind === "scalar" && t.of.name === "any";
    default:
      return false;
  }
}

function last(path: FieldPath): Field {
  return path.fields[path.fields.length - 1] as Field;
}

function isStringy(t: ValueType): boolean {
  return (t.kind === "scalar" && t.name === "string") || (t.kind === "enum" && t.enum.valueType === "string");
}

/** Scalar types a correlation value can have: int, string, their unions, nullable. */
function isIdentity(t: ValueType): boolean {
  if (t.kind === "nullable") return isIdentity(t.of);
  if (t.kind === "oneOf") return t.of.every(isIdentity);
  return (t.kind === "scalar" && (t.name === "int" || t.name === "string")) || t.kind === "enum" || (t.kind === "literal" && typeof t.value !== "boolean");
}

function fieldByKey(fields: readonly Field[], key: string): Field | undefined {
  return fields.find((f) => f.key.value === key);
}

/** Walks `a.b.c` through the fields, then the fields of the record each one holds. */
function resolvePath(r: Reader, text: Located<string>, top: readonly Field[], where: string): FieldPath | undefined {
  const keys = text.value.split(".");
  const fields: Field[] = [];
  let scopeFields: readonly Field[] | undefined = top;
  for (const key of keys) {
    const found: Field | undefined = scopeFields === undefined ? undefined : fieldByKey(scopeFields, key);
    if (found === undefined) {
      const within = fields.length === 0 ? "the message" : `field ${keys.slice(0, fields.length).join(".")}`;
      const known = (scopeFields ?? []).map((f) => f.key.value);
      const hint = known.length === 0 ? `${within} holds no record` : `expected one of: ${known.join(", ")}`;
      r.diagnostics.push(diagnostic("WD364", `${where} names "${text.value}", but ${within} has no field "${key}"`, text.span, { hint }));
      return undefined;
    }
    fields.push(found);
    scopeFields = recordFields(found.type);
  }
  return { keys, fields, span: text.span };
}

function recordFields(t: ValueType): readonly Field[] | undefined {
  if (t.kind === "nullable") return recordFields(t.of);
  return t.kind === "record" ? t.record.fields : undefined;
}

function kindsCarrying(kinds: readonly EnvelopeKind[], common: readonly Field[], key: string): EnvelopeKind[] {
  return kinds.filter((k) => fieldByKey([...common, ...k.fields], key) !== undefined);
}

function buildAnswers(r: Reader, node: unknown, kind: MutableKind, kinds: readonly MutableKind[], common: readonly Field[], where: string): Answers | undefined {
  const answersNode = child(r, node, "answers");
  if (answersNode === undefined) return undefined;
  const fieldText = str(r, answersNode, "field");
  const requestText = str(r, answersNode, "request");
  if (fieldText === undefined || requestText === undefined) return undefined;
  const field = resolvePath(r, fieldText, [...common, ...kind.fields], `"answers.field" of ${where}`);
  const kindNode = child(r, answersNode, "kind");
  const named: Located<string>[] = isSeq(kindNode) ? strings(r, answersNode, "kind") : [str(r, answersNode, "kind")].filter((x) => x !== undefined);
  let targets: EnvelopeKind[] = [];
  for (const name of named) {
    const k = kinds.find((x) => x.name === name.value);
    if (k === undefined) {
      r.diagnostics.push(
        unresolved({ code: "WD364", expected: "envelope kind", where: `"answers.kind" of ${where}`, name: name.value, span: name.span, candidates: kinds.map((x) => x.name), index: new Map() }),
      );
    } else if (!targets.includes(k)) targets.push(k);
  }
  const firstKey = requestText.value.split(".")[0] ?? "";
  if (named.length === 0) targets = kindsCarrying(kinds, common, firstKey);
  let request: FieldPath | undefined;
  for (const target of targets.length === 0 ? [undefined] : targets) {
    const fields = [...common, ...(target?.fields ?? [])];
    const path = resolvePath(r, requestText, fields, `"answers.request" of ${where}${target === undefined ? "" : ` (in kind ${target.name})`}`);
    if (path === undefined) return undefined;
    request ??= path;
  }
  if (field === undefined || request === undefined) return undefined;
  for (const [path, text] of [[field, fieldText], [request, requestText]] as const) {
    if (!isIdentity(last(path).type)) {
      const hint = "correlation compares ids: give the field type int, string or a union of them (nullable allowed)";
      r.diagnostics.push(diagnostic("WD368", `${where} correlates by ${text.value}, which is not an int or string field`, text.span, { hint }));
      return undefined;
    }
  }
  return { field, request, kinds: targets, span: span(r, keyNodeOf(node, "answers")) };
}

/**
 * `when: { <name>: { field, value, payload: <record>, present? } }`: the payload another field
 * selects. The field must hold a scalar the value fits (a literal of its type), the kind must carry
 * a payload, and the payload must be a record.
 */
function buildWhen(r: Reader, node: unknown, kind: MutableKind, common: readonly Field[], scope: EnvelopeScope, where: string): PayloadWhen[] {
  const out: PayloadWhen[] = [];
  for (const e of entries(r, node, "when")) {
    const what = `"when.${e.name}" of ${where}`;
    const fieldText = str(r, e.node, "field");
    const recordText = str(r, e.node, "payload");
    const valueNode = child(r, e.node, "value");
    if (fieldText === undefined || recordText === undefined || valueNode === undefined) continue;
    if (kind.payload === undefined || kind.topicSets.length === 0) {
      const hint = `add "payload: <wire key>" and "topics: <topic set>" to ${where}, or drop "when"`;
      r.diagnostics.push(diagnostic("WD358", `${what} chooses a payload, but ${where} carries no ${kind.payload === undefined ? "payload" : "topics"}`, e.span, { hint }));
      continue;
    }
    const field = resolvePath(r, fieldText, [...common, ...kind.fields], `"field" of ${what}`);
    const record = scope.records.get(recordText.value);
    if (record === undefined) {
      r.diagnostics.push(
        unresolved({ code: "WD358", expected: "record", where: `"payload" of ${what}`, name: recordText.value, span: recordText.span, candidates: scope.records.keys(), index: scope.index }),
      );
    }
    const raw: unknown = isScalar(valueNode) ? valueNode.value : undefined;
    const value = typeof raw === "string" || typeof raw === "boolean" || (typeof raw === "number" && Number.isFinite(raw)) ? raw : undefined;
    if (field === undefined || record === undefined) continue;
    const valueSpan = span(r, valueNode);
    const beyond = unrepresentable(valueNode);
    if (beyond !== undefined) {
      r.diagnostics.push(diagnostic("WD358", `"value" of ${what} is ${beyond.problem}`, valueSpan, { hint: beyond.hint }));
      continue;
    }
    if (value === undefined || !admits(last(field).type, value)) {
      const hint = `give "value" a string, number or boolean that field ${fieldText.value} can hold`;
      r.diagnostics.push(diagnostic("WD358", `"value" of ${what} is no value field ${fieldText.value} can hold`, valueSpan, { hint }));
      continue;
    }
    const earlier = out.find((w) => w.field.keys.join(".") === field.keys.join(".") && w.value === value);
    if (earlier !== undefined) {
      const hint = "each rule needs its own value; the first one would always win";
      r.diagnostics.push(diagnostic("WD358", `${what} repeats the field and value of "when.${earlier.name}"`, valueSpan, { hint, related: [{ message: "the first rule", span: earlier.span }] }));
      continue;
    }
    const present = child(r, e.node, "present");
    out.push({ name: e.name, ...docs(r, e.node), field, value, record, present: isScalar(present) && present.value === true, span: e.span });
  }
  return out;
}

/** Whether a field of type `t` can hold the scalar `v` (a literal, an enum's value, a member of a union). */
function admits(t: ValueType, v: string | number | boolean): boolean {
  switch (t.kind) {
    case "scalar":
      if (t.name === "any" || t.name === "json") return true;
      if (t.name === "string") return typeof v === "string";
      if (t.name === "bool") return typeof v === "boolean";
      return typeof v === "number" && (t.name === "float" || Number.isInteger(v));
    case "literal":
      return t.value === v;
    case "enum":
      return t.enum.open ? (t.enum.valueType === "int" ? Number.isInteger(v) : typeof v === "string") : t.enum.members.some((m) => (t.enum.valueType === "int" ? m.intValue === v : m.value === v));
    case "nullable":
      return admits(t.of, v);
    case "oneOf":
      return t.of.some((m) => admits(m, v));
    default:
      return false;
  }
}

/** The wire keys of one kind of message: tag, common fields, own fields, payload key — each once. */
function kindRules(r: Reader, envelope: Envelope, kind: EnvelopeKind, written: { readonly topic: boolean; readonly topics: boolean }): void {
  const where = `envelope kind ${kind.name}`;
  const seen = new Map<string, { what: string; span: Span }>();
  const add = (key: string, what: string, at: Span) => {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, { what, span: at });
      return;
    }
    const message = `${where} has the wire key "${key}" twice: as ${first.what} and as ${what}`;
    r.diagnostics.push(diagnostic("WD365", message, at, { hint: "each key of a message has one role; rename or drop one", related: [{ message: `${first.what} here`, span: first.span }] }));
  };
  if (envelope.tag !== undefined) add(envelope.tag.key, "the tag", envelope.tag.span);
  for (const f of envelope.fields) add(f.key.value, "a field of the envelope", f.span);
  for (const f of kind.fields) add(f.key.value, "a field of the kind", f.span);
  if (kind.payload !== undefined) add(kind.payload.key, "the payload", kind.payload.span);
  if (kind.topicSets.length > 0 && !written.topic && !kind.responses) {
    const hint = `add "topic: <wire key>" naming the field that holds the topic`;
    r.diagnostics.push(diagnostic("WD367", `${where} carries topics but names no topic field`, kind.span, { hint }));
  }
  if ((kind.topic !== undefined || kind.payload !== undefined) && !written.topics && !kind.responses) {
    const hint = `add "topics: <topic set>"`;
    r.diagnostics.push(diagnostic("WD363", `${where} names a topic or payload field but no topic set`, kind.span, { hint }));
  }
  if (kind.responses && kind.answers === undefined) {
    const hint = `add "answers: { field: <its field>, request: <the request's field> }"`;
    r.diagnostics.push(diagnostic("WD367", `${where} carries responses but says not which request each answers`, kind.span, { hint }));
  }
}

interface Shape {
  readonly kind: EnvelopeKind;
  /** Keys only this kind declares (beside the common ones) that must be present. */
  readonly required: ReadonlySet<string>;
  /** Every key this kind declares beside the common ones. */
  readonly keys: ReadonlySet<string>;
}

/** The keys a kind adds to the common ones, and which of them must be present. */
export function kindShape(kind: EnvelopeKind): Shape {
  const keys = new Set<string>();
  const required = new Set<string>();
  for (const f of kind.fields) {
    keys.add(f.key.value);
    if (f.required) required.add(f.key.value);
  }
  if (kind.payload !== undefined) {
    keys.add(kind.payload.key);
    if (kind.payload.required) required.add(kind.payload.key);
  }
  return { kind, required, keys };
}

/**
 * With a tag: every tag value once. Without a tag (JSON-RPC), a message is of kind K when every
 * key K requires is present and no key that only other kinds declare is; two kinds A and B could
 * both match one message exactly when A's required keys are all keys B declares and the other way
 * round, so the loader rejects such a pair.
 */
function distinguishable(r: Reader, envelope: Envelope): void {
  if (envelope.tag !== undefined) {
    const first = new Map<string, EnvelopeKind>();
    for (const k of envelope.kinds) {
      const value = k.value ?? k.name;
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, k);
      else {
        const message = `envelope kinds ${earlier.name} and ${k.name} have the same tag value "${value}"`;
        r.diagnostics.push(diagnostic("WD366", message, k.valueSpan, { hint: "give each kind its own value", related: [{ message: `${earlier.name} has it here`, span: earlier.valueSpan }] }));
      }
    }
    return;
  }
  const shapes = envelope.kinds.map(kindShape);
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      const a = shapes[i] as Shape;
      const b = shapes[j] as Shape;
      const aInB = [...a.required].every((k) => b.keys.has(k));
      const bInA = [...b.required].every((k) => a.keys.has(k));
      if (!aInB || !bInA) continue;
      const message = `envelope kinds ${a.kind.name} and ${b.kind.name} cannot be told apart: the envelope has no tag, and a message can carry the keys both require`;
      const hint = `give one of them a required field the other does not declare, or add "tag: <wire key>"`;
      r.diagnostics.push(diagnostic("WD366", message, b.kind.span, { hint, related: [{ message: `${a.kind.name} is declared here`, span: a.kind.span }] }));
    }
  }
}
