/**
 * The wire lock: every wire- and source-visible fact of a protocol, as committed JSON.
 *
 * The lock holds no spans, timestamps or generator version, so its diff in review reads as the
 * protocol change and nothing else. Names are sorted (code-unit order), so reordering the spec
 * does not touch it. References between items (payload keys, replies) are written as wire values:
 * what travels, and what stays put when only an identifier is renamed.
 */
import type { Field, Protocol, Topic, ValueType } from "../model.js";
import { escapeInvisible, unicodeEscape } from "../emit/text.js";
import { typeText as sharedTypeText } from "../type-text.js";
import { envelopeFacts } from "./envelope.js";

/** Format of the lock file itself; bump only with a migration. */
export const LOCK_FORMAT = 1;

export type Dict<T> = { readonly [name: string]: T };

export interface LockedConstant {
  readonly type: string;
  readonly value: string | number | boolean;
}

export interface LockedKey {
  readonly value: string;
  /** `string`, `int`, `float`, `bool`, `any`, an enum or record name, `list<T>`, `map<T>`. */
  readonly type: string;
}

export interface LockedPayload {
  /** Wire values of the required keys (key-set and local), sorted. */
  readonly required: readonly string[];
  /** Wire values of the optional keys (key-set and local), sorted. */
  readonly optional: readonly string[];
  readonly unknownKeys: "allow" | "forbid";
  /** Local fields: wire key -> type text. Absent when there are none (and in older locks). */
  readonly fields?: Dict<string> | undefined;
}

export interface LockedTopic extends LockedPayload {
  readonly value: string;
  readonly from?: string;
  readonly to?: string;
  /** Wire values of the replies, sorted. */
  readonly replies: readonly string[];
}

export interface LockedCondition {
  /** Wire value of the key. */
  readonly key: string;
  readonly in: readonly string[];
}

export interface LockedRule {
  readonly if: LockedCondition;
  readonly then: LockedCondition;
}

export interface LockedRecord extends LockedPayload {
  /** The key set its key-set fields come from; absent when every field is local. */
  readonly keys?: string | undefined;
  /** The record it is derived from (`from:`); its fields above are materialized. */
  readonly from?: string | undefined;
  readonly rules: Dict<LockedRule>;
}

/** How an enum's values are read, written only when not the default (closed, string values). */
export interface LockedEnumType {
  readonly valueType: "string" | "int";
  readonly open: boolean;
}

export interface LockedUnion {
  /** Wire key of the tag field. */
  readonly tag: string;
  /** Tag value → variant record name. */
  readonly variants: Dict<string>;
}

export interface LockedReserved {
  readonly channels: readonly string[];
  readonly topics: readonly string[];
  readonly keys: readonly string[];
}

export interface LockedAcceptance {
  readonly rule: string;
  readonly item: string;
  readonly reason: string;
}

export interface Lock {
  readonly lockFormat: number;
  readonly protocol: string;
  readonly version: string | number | boolean;
  readonly channel: string;
  readonly constants: Dict<LockedConstant>;
  /** Enum name → member name → wire value (an int enum's as decimal text). */
  readonly enums: Dict<Dict<string>>;
  /** Int and open enums (absent: every enum is a closed string enum, as in older locks). */
  readonly enumTypes?: Dict<LockedEnumType> | undefined;
  /** Key set name → key name → value and type. */
  readonly keys: Dict<Dict<LockedKey>>;
  /** Topic set name → topic name → value, direction, replies, payload. */
  readonly topics: Dict<Dict<LockedTopic>>;
  readonly records: Dict<LockedRecord>;
  /** Tagged unions (absent when the protocol has none). */
  readonly unions?: Dict<LockedUnion> | undefined;
  readonly reserved: LockedReserved;
  /** The spec's `breaking: accept:` entries, so an acceptance shows up in the lock's diff. */
  readonly accepted: readonly LockedAcceptance[];
  /** Channels, the envelope and response bodies as fact → value (contract/envelope.ts); absent when there are none. */
  readonly envelope?: Dict<string> | undefined;
}

/** The lock of a protocol. Pure; the same protocol always gives an equal lock. */
export function buildLock(p: Protocol): Lock {
  return {
    lockFormat: LOCK_FORMAT,
    protocol: p.name,
    version: p.version.value,
    channel: String(p.channel.value),
    constants: dictOf(p.constants, (c) => c.name, (c) => ({ type: c.type, value: c.value })),
    enums: dictOf(p.enums, (e) => e.name, (e) => dictOf(e.members, (m) => m.name, (m) => m.value)),
    ...nonEmpty("enumTypes", dictOf(p.enums.filter((e) => e.valueType !== "string" || e.open), (e) => e.name, (e) => ({ valueType: e.valueType, open: e.open }))),
    keys: dictOf(p.keySets, (s) => s.name, (s) => dictOf(s.keys, (k) => k.name, (k) => ({ value: k.value, type: typeText(k.type) }))),
    topics: dictOf(p.topicSets, (s) => s.name, (s) => dictOf(s.topics, (t) => t.name, lockedTopic)),
    records: dictOf(p.records, (r) => r.name, (r) => ({
      ...(r.keySet === undefined ? {} : { keys: r.keySet.name }),
      ...(r.base === undefined ? {} : { from: r.base.name }),
      ...lockedFields(r.fields, r.unknownKeys),
      rules: dictOf(r.rules, (rule) => rule.id, (rule) => ({
        if: { key: rule.if.key.value, in: sorted(rule.if.values) },
        then: { key: rule.then.key.value, in: sorted(rule.then.values) },
      })),
    })),
    ...nonEmpty("unions", dictOf(p.unions, (u) => u.name, (u) => ({ tag: u.tag, variants: dictOf(u.variants, (v) => v.value, (v) => v.record.name) }))),
    reserved: {
      channels: sortedUnique(p.reserved.flatMap((r) => r.channels.map((v) => v.value))),
      topics: sortedUnique(p.reserved.flatMap((r) => r.topics.map((v) => v.value))),
      keys: sortedUnique(p.reserved.flatMap((r) => r.keys.map((v) => v.value))),
    },
    accepted: [...p.acceptedBreaking]
      .map((a) => ({ rule: a.rule, item: a.item, reason: a.reason }))
      .sort((a, b) => compareText(a.rule, b.rule) || compareText(a.item, b.item) || compareText(a.reason, b.reason)),
    ...envelopeEntry(p),
  };
}

function envelopeEntry(p: Protocol): { envelope?: Dict<string> } {
  const { facts } = envelopeFacts(p);
  return Object.keys(facts).length === 0 ? {} : { envelope: facts };
}

/** Pretty JSON, 2-space indent, fixed key order, LF, trailing newline. */
export function renderLock(lock: Lock): string {
  // JSON.stringify writes -0 as 0; a float constant of -0.0 keeps its sign in the lock.
  const negativeZero = "\u0000-0\u0000";
  const text = JSON.stringify(canonical(lock), (_key, value: unknown) => (Object.is(value, -0) ? negativeZero : value), 2);
  // Wire values and reasons are spec text: no raw control, bidi or invisible character (JSON escapes).
  // Line by line: JSON.stringify escapes every line break inside a string, so each LF is layout.
  const lines = text.replaceAll(JSON.stringify(negativeZero), "-0.0").split("\n");
  return `${lines.map((line) => escapeInvisible(line, unicodeEscape)).join("\n")}\n`;
}

/**
 * A type in the spec's own syntax: `string`, `ModelBufferType`, `list<int>`, `map<list<string>>`,
 * `int | string | null`, `"2.0"`; constraints as a suffix of the node they apply to, properties
 * in a fixed order: `int[min=0,max=100]`, `string[format=uuid,min_length=1]`, `list<int>[min_items=1]`.
 */
/** A type with its constraints, as the lock records it (`int[min=1]`). */
export function typeText(t: ValueType): string {
  return sharedTypeText(t, { constraints: true });
}

/** Code-unit order: stable across locales and platforms. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lockedTopic(t: Topic): LockedTopic {
  return {
    value: t.value,
    ...(t.from === undefined ? {} : { from: t.from.name }),
    ...(t.to === undefined ? {} : { to: t.to.name }),
    replies: sorted(t.replies.map((r) => r.value)),
    ...lockedFields(t.payload.fields, t.payload.unknownKeys),
  };
}

function lockedFields(fields: readonly Field[], unknownKeys: "allow" | "forbid"): LockedPayload {
  const local = fields.filter((f) => f.local);
  return {
    required: sorted(fields.filter((f) => f.required).map((f) => f.key.value)),
    optional: sorted(fields.filter((f) => !f.required).map((f) => f.key.value)),
    unknownKeys,
    ...nonEmpty("fields", dictOf(local, (f) => f.key.value, (f) => typeText(f.type))),
  };
}

/** `{ [key]: dict }` unless the dict is empty: new lock sections appear only where they say something. */
function nonEmpty<K extends string, V>(key: K, dict: Dict<V> | undefined): { [P in K]?: Dict<V> } {
  return (dict === undefined || Object.keys(dict).length === 0 ? {} : { [key]: dict }) as { [P in K]?: Dict<V> };
}

/** A prototype-free object keyed by name in sorted order (`__proto__` is just a name here). */
function dictOf<T, V>(items: readonly T[], name: (item: T) => string, value: (item: T) => V): Dict<V> {
  const out: { [name: string]: V } = Object.create(null) as { [name: string]: V };
  for (const item of [...items].sort((a, b) => compareText(name(a), name(b)))) out[name(item)] = value(item);
  return out;
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort(compareText);
}

function sortedUnique(values: readonly string[]): string[] {
  return sorted([...new Set(values)]);
}

/** A copy built field by field in the lock's fixed order, whatever order `lock` was built in. */
function canonical(lock: Lock): Lock {
  const payload = (x: LockedPayload): LockedPayload => ({
    required: sorted(x.required),
    optional: sorted(x.optional),
    unknownKeys: x.unknownKeys,
    ...nonEmpty("fields", x.fields === undefined ? undefined : mapDict(x.fields, (t) => t)),
  });
  const condition = (c: LockedCondition): LockedCondition => ({ key: c.key, in: sorted(c.in) });
  return {
    lockFormat: lock.lockFormat,
    protocol: lock.protocol,
    version: lock.version,
    channel: lock.channel,
    constants: mapDict(lock.constants, (c) => ({ type: c.type, value: c.value })),
    enums: mapDict(lock.enums, (members) => mapDict(members, (v) => v)),
    ...nonEmpty("enumTypes", lock.enumTypes === undefined ? undefined : mapDict(lock.enumTypes, (e) => ({ valueType: e.valueType, open: e.open }))),
    keys: mapDict(lock.keys, (set) => mapDict(set, (k) => ({ value: k.value, type: k.type }))),
    topics: mapDict(lock.topics, (set) =>
      mapDict(set, (t) => ({
        value: t.value,
        ...(t.from === undefined ? {} : { from: t.from }),
        ...(t.to === undefined ? {} : { to: t.to }),
        replies: sorted(t.replies),
        ...payload(t),
      })),
    ),
    records: mapDict(lock.records, (r) => ({
      ...(r.keys === undefined ? {} : { keys: r.keys }),
      ...(r.from === undefined ? {} : { from: r.from }),
      ...payload(r),
      rules: mapDict(r.rules, (rule) => ({ if: condition(rule.if), then: condition(rule.then) })),
    })),
    ...nonEmpty("unions", lock.unions === undefined ? undefined : mapDict(lock.unions, (u) => ({ tag: u.tag, variants: mapDict(u.variants, (v) => v) }))),
    reserved: {
      channels: sortedUnique(lock.reserved.channels),
      topics: sortedUnique(lock.reserved.topics),
      keys: sortedUnique(lock.reserved.keys),
    },
    accepted: lock.accepted
      .map((a) => ({ rule: a.rule, item: a.item, reason: a.reason }))
      .sort((a, b) => compareText(a.rule, b.rule) || compareText(a.item, b.item) || compareText(a.reason, b.reason)),
    ...(lock.envelope === undefined ? {} : { envelope: mapDict(lock.envelope, (v) => v) }),
  };
}

function mapDict<T, V>(dict: Dict<T>, value: (item: T) => V): Dict<V> {
  const out: { [name: string]: V } = Object.create(null) as { [name: string]: V };
  for (const name of Object.keys(dict).sort(compareText)) out[name] = value(dict[name] as T);
  return out;
}

/** `protocol.yaml` → `protocol.lock.json`: the lock sits beside its spec. */
export function lockPathFor(specPath: string): string {
  return `${specPath.replace(/\.ya?ml$/i, "")}.lock.json`;
}
