/**
 * The comparison: a previous version of the protocol (the lock, or the spec at a git ref) against
 * the current spec, as a list of findings named by the rules in rules.ts. Pure.
 */
import { compareEnvelope } from "./envelope.js";
import type { Severity } from "../diagnostics.js";
import type { AcceptedBreaking, Protocol } from "../model.js";
import { Findings, sortFindings } from "./finding.js";
import type { Finding } from "./finding.js";
import type { Dict, Lock, LockedAcceptance, LockedEnumType, LockedPayload } from "./lock.js";
import { compareText } from "./lock.js";
import { matchMembers, q } from "./members.js";
import type { Entry, Matched } from "./members.js";
import type { LockFile } from "./parse-lock.js";
import { comparePayloads, compareRecordRules } from "./payloads.js";
import { rule } from "./rules.js";
import { sideOfProtocol, sideOfSpans } from "./side.js";
import type { Side } from "./side.js";
import { compareTypes } from "./types.js";

export interface ComparePolicy {
  /** VERSION_NOT_BUMPED is an error (the spec's `breaking: require_version_bump: true`). */
  readonly requireVersionBump: boolean;
  /** The spec's accept entries. Those the previous side already records were spent there. */
  readonly accepted: readonly AcceptedBreaking[];
}

/** Compares against a parsed lock file or against the protocol at another revision. */
export function compare(previous: Protocol | LockFile, current: Protocol): Finding[] {
  const before = isLockFile(previous) ? sideOfSpans(previous.lock, previous.spans, previous.root) : sideOfProtocol(previous);
  return compareSides(before, sideOfProtocol(current), {
    requireVersionBump: current.requireVersionBump ?? false,
    accepted: current.acceptedBreaking,
  });
}

export function isLockFile(x: Protocol | LockFile): x is LockFile {
  return "lock" in x && "spans" in x;
}

export function compareSides(before: Side, after: Side, policy: ComparePolicy): Finding[] {
  const severityOf = (id: string): Severity => (id === "VERSION_NOT_BUMPED" && policy.requireVersionBump ? "error" : rule(id).severity);
  const f = new Findings(before, after, severityOf);
  const b = before.lock;
  const a = after.lock;

  if (b.channel !== a.channel) {
    f.report("CHANNEL_CHANGED", "CHANNEL", `channel changed from ${q(b.channel)} to ${q(a.channel)}`, ["channel"], ["channel"]);
  }
  const versionOrder = compareVersions(b.version, a.version);
  if (versionOrder > 0) {
    f.report("VERSION_DECREASED", "PROTOCOL_VERSION", `protocol version decreased from ${q(b.version)} to ${q(a.version)}`, ["version"], ["version"]);
  }
  compareConstants(f, b, a);
  compareEnvelope(f, b.envelope, a.envelope);
  const keyPairs = matchMembers(f, keyEntries(b), keyEntries(a), "WIRE_VALUE_REMOVED", "key");
  const keyValue = translation(keyPairs);
  for (const { before: k0, after: k1 } of keyPairs) {
    const t0 = b.keys[k0.group]?.[k0.name]?.type ?? "any";
    const t1 = a.keys[k1.group]?.[k1.name]?.type ?? "any";
    reportTypeChange(f, k0.item, t0, b, t1, a, [...k0.path, "type"], [...k1.path, "type"]);
  }
  const topicPairs = matchMembers(f, topicEntries(b), topicEntries(a), "WIRE_VALUE_REMOVED", "topic");
  for (const { before: t0, after: t1 } of topicPairs) {
    const x = b.topics[t0.group]?.[t0.name];
    const y = a.topics[t1.group]?.[t1.name];
    if (x === undefined || y === undefined) continue;
    if ((x.from !== undefined && y.from !== undefined && x.from !== y.from) || (x.to !== undefined && y.to !== undefined && x.to !== y.to)) {
      f.report("TOPIC_DIRECTION_CHANGED", t0.item, `${t0.item} was sent ${x.from ?? "?"} → ${x.to ?? "?"}, now ${y.from ?? "?"} → ${y.to ?? "?"}`, [...t0.path, "from"], [...t1.path, "from"]);
    }
    comparePayloads(
      f,
      { payload: x, item: t0.item, path: t0.path, keyName: keyNames(b) },
      { payload: y, item: t1.item, path: t1.path, keyName: keyNames(a) },
      keyValue,
    );
    compareLocalFields(f, { payload: x, item: t0.item, path: t0.path, lock: b }, { payload: y, item: t1.item, path: t1.path, lock: a }, keyValue);
  }
  compareEnums(f, b, a);
  compareRecords(f, b, a, keyValue);
  compareUnions(f, b, a);
  compareReserved(f, b, a);

  const wireBreak = f.list.some((x) => x.category === "wire" && x.severity === "error");
  if (wireBreak && versionOrder === 0) {
    f.report("VERSION_NOT_BUMPED", "PROTOCOL_VERSION", `wire-breaking changes keep protocol version ${q(a.version)}; raise it`, ["version"], ["version"]);
  }
  return sortFindings(applyAcceptances(f.list, policy.accepted, b.accepted));
}

/** Marks findings an unspent accept entry (same rule and item) covers. */
function applyAcceptances(list: readonly Finding[], accepted: readonly AcceptedBreaking[], spent: readonly LockedAcceptance[]): Finding[] {
  const isSpent = (x: AcceptedBreaking): boolean => spent.some((s) => s.rule === x.rule && s.item === x.item && s.reason === x.reason);
  const live = accepted.filter((x) => !isSpent(x));
  return list.map((finding) => {
    const entry = live.find((x) => x.rule === finding.rule && x.item === finding.item);
    return entry === undefined ? finding : { ...finding, accepted: { reason: entry.reason, span: entry.span } };
  });
}

function compareConstants(f: Findings, b: Lock, a: Lock): void {
  for (const [name, c0] of Object.entries(b.constants)) {
    const c1 = a.constants[name];
    if (c1 === undefined) {
      f.report("CONSTANT_REMOVED", name, `constant ${name} removed`, ["constants", name], ["constants"]);
    } else if (c0.type !== c1.type || !Object.is(c0.value, c1.value)) {
      f.report("CONSTANT_VALUE_CHANGED", name, `constant ${name} changed from ${c0.type} ${q(c0.value)} to ${c1.type} ${q(c1.value)}`, ["constants", name, "value"], ["constants", name, "value"]);
    }
  }
}

/** Enums match by name, or a vanished enum by the new enum sharing most of its values (a rename). */
function compareEnums(f: Findings, b: Lock, a: Lock): void {
  const newNames = Object.keys(a.enums).filter((n) => b.enums[n] === undefined);
  for (const [name, members] of Object.entries(b.enums)) {
    let target = a.enums[name] === undefined ? undefined : name;
    if (target === undefined) {
      target = renamedEnum(Object.values(members), newNames, a.enums);
      if (target === undefined) {
        const values = Object.values(members).map(q).join(", ");
        f.report("ENUM_REMOVED", name, `enum ${name} removed with its values ${values}`, ["enums", name], ["enums"]);
        continue;
      }
      newNames.splice(newNames.indexOf(target), 1);
      f.report("NAME_CHANGED", name, `enum ${name} renamed to ${target}`, ["enums", name], ["enums", target]);
    }
    compareEnumType(f, name, b.enumTypes?.[name], target, a.enumTypes?.[target]);
    const entries = (lockName: string, dict: Dict<string>): Entry[] =>
      Object.entries(dict).map(([m, value]) => ({ group: name, name: m, value, item: `${lockName}.${m}`, path: ["enums", lockName, m] }));
    matchMembers(f, entries(name, members), entries(target, a.enums[target] ?? {}), "ENUM_VALUE_REMOVED", "enum value");
  }
}

function renamedEnum(values: readonly string[], candidates: readonly string[], enums: Dict<Dict<string>>): string | undefined {
  let best: string | undefined;
  let bestShared = 0;
  for (const name of [...candidates].sort(compareText)) {
    const theirs = new Set(Object.values(enums[name] ?? {}));
    const shared = values.filter((v) => theirs.has(v)).length;
    if (shared > bestShared) {
      best = name;
      bestShared = shared;
    }
  }
  return best;
}

function compareRecords(f: Findings, b: Lock, a: Lock, keyValue: (v: string) => string): void {
  for (const [name, r0] of Object.entries(b.records)) {
    const r1 = a.records[name];
    const path = ["records", name];
    if (r1 === undefined) {
      f.report("RECORD_REMOVED", name, `record ${name} removed`, path, ["records"]);
      continue;
    }
    comparePayloads(
      f,
      { payload: r0, item: name, path, keyName: keyNames(b, r0.keys) },
      { payload: r1, item: name, path, keyName: keyNames(a, r1.keys) },
      keyValue,
    );
    compareRecordRules(f, { record: r0, item: name, path }, { record: r1, item: name, path }, keyValue);
    compareLocalFields(f, { payload: r0, item: name, path, lock: b, keySet: r0.keys }, { payload: r1, item: name, path, lock: a, keySet: r1.keys }, keyValue);
  }
}

/** KEY_TYPE_CHANGED, KEY_TYPE_NARROWED or CONSTRAINT_TIGHTENED for a key's or field's type change; nothing for a widening. */
function reportTypeChange(f: Findings, item: string, t0: string, b: Lock, t1: string, a: Lock, before: readonly string[], after: readonly string[]): void {
  const change = compareTypes(t0, b, t1, a);
  if (change === "same" || change === "widened") return;
  const id = change === "changed" ? "KEY_TYPE_CHANGED" : change === "narrowed" ? "KEY_TYPE_NARROWED" : "CONSTRAINT_TIGHTENED";
  const how = change === "tightened" ? "constraints tightened" : `type ${change}`;
  f.report(id, item, `${item} ${how} from ${t0} to ${t1}`, before, after);
}

interface FieldSide {
  readonly payload: LockedPayload;
  readonly item: string;
  readonly path: readonly string[];
  readonly lock: Lock;
  /** The key set its key-set fields come from (a record's); topics look in every key set. */
  readonly keySet?: string | undefined;
}

/**
 * The types of fields carried on both sides where either side declares the field locally (a
 * key-set key's own type change is reported once, on the key). A local field that became a
 * key-set key, or the other way round, is compared with that key's type.
 */
function compareLocalFields(f: Findings, before: FieldSide, after: FieldSide, translate: (value: string) => string): void {
  const local0 = before.payload.fields ?? {};
  const local1 = after.payload.fields ?? {};
  if (Object.keys(local0).length === 0 && Object.keys(local1).length === 0) return;
  const carried = new Set([...after.payload.required, ...after.payload.optional]);
  for (const v0 of [...before.payload.required, ...before.payload.optional]) {
    const v1 = local0[v0] === undefined ? translate(v0) : v0;
    if (!carried.has(v1) || (local0[v0] === undefined && local1[v1] === undefined)) continue;
    const t0 = local0[v0] ?? keyTypeOf(before.lock, v0, before.keySet);
    const t1 = local1[v1] ?? keyTypeOf(after.lock, v1, after.keySet);
    if (t0 === undefined || t1 === undefined) continue;
    const at = (side: FieldSide, v: string) => [...side.path, (side.payload.fields ?? {})[v] === undefined ? (side.payload.required.includes(v) ? "required" : "optional") : "fields", v];
    reportTypeChange(f, `${after.item}.${v1}`, t0, before.lock, t1, after.lock, at(before, v0), at(after, v1));
  }
}

/** Wire value → key type, looking in `preferred` key set first; one table per lock and key set. */
const keyTypeTables = new WeakMap<Lock, Map<string | undefined, ReadonlyMap<string, string>>>();
function keyTypeOf(lock: Lock, value: string, preferred?: string): string | undefined {
  let tables = keyTypeTables.get(lock);
  if (tables === undefined) keyTypeTables.set(lock, (tables = new Map()));
  let table = tables.get(preferred);
  if (table === undefined) {
    const built = new Map<string, string>();
    const sets = Object.entries(lock.keys).sort(([x], [y]) => Number(y === preferred) - Number(x === preferred));
    for (const [, keys] of sets) for (const k of Object.values(keys)) if (!built.has(k.value)) built.set(k.value, k.type);
    tables.set(preferred, (table = built));
  }
  return table.get(value);
}

function compareEnumType(f: Findings, name: string, t0: LockedEnumType | undefined, target: string, t1: LockedEnumType | undefined): void {
  const type0 = t0?.valueType ?? "string";
  const type1 = t1?.valueType ?? "string";
  if (type0 !== type1) {
    const at = (t: LockedEnumType | undefined, n: string) => (t === undefined ? ["enums", n] : ["enumTypes", n, "valueType"]);
    f.report("ENUM_VALUE_TYPE_CHANGED", name, `enum ${name} values changed from ${type0} to ${type1}`, at(t0, name), at(t1, target));
  }
  if ((t0?.open ?? false) && !(t1?.open ?? false)) {
    f.report("ENUM_CLOSED", name, `enum ${name} was open and is now closed: values beyond its members are rejected`, ["enumTypes", name, "open"], ["enums", target]);
  }
}

/** Unions match by name; variants by tag value. */
function compareUnions(f: Findings, b: Lock, a: Lock): void {
  for (const [name, u0] of Object.entries(b.unions ?? {})) {
    const u1 = a.unions?.[name];
    const path = ["unions", name];
    if (u1 === undefined) {
      f.report("UNION_REMOVED", name, `union ${name} removed with its tag values ${Object.keys(u0.variants).map(q).join(", ")}`, path, ["unions"]);
      continue;
    }
    if (u0.tag !== u1.tag) {
      f.report("UNION_TAG_CHANGED", name, `union ${name} tag changed from ${q(u0.tag)} to ${q(u1.tag)}`, [...path, "tag"], [...path, "tag"]);
    }
    for (const value of Object.keys(u0.variants)) {
      if (u1.variants[value] === undefined) {
        f.report("UNION_VARIANT_REMOVED", `${name}.${value}`, `union ${name} no longer has tag value ${q(value)}`, [...path, "variants", value], [...path, "variants"]);
      }
    }
    for (const value of Object.keys(u1.variants)) {
      if (u0.variants[value] === undefined) {
        f.report("UNION_VARIANT_ADDED", `${name}.${value}`, `union ${name} gained tag value ${q(value)}: receivers on the previous version report it as an unknown tag`, [...path, "variants"], [...path, "variants", value]);
      }
    }
  }
}

function compareReserved(f: Findings, b: Lock, a: Lock): void {
  const used = {
    channels: new Map([[a.channel, ["channel"]]]),
    topics: new Map(topicEntries(a).map((e) => [e.value, [...e.path, "value"]])),
    keys: new Map(keyEntries(a).map((e) => [e.value, [...e.path, "value"]])),
  };
  for (const part of ["channels", "topics", "keys"] as const) {
    for (const v of b.reserved[part]) {
      const item = `reserved.${part}.${v}`;
      const user = used[part].get(v);
      if (user !== undefined) {
        f.report("RESERVED_VALUE_REUSED", item, `${q(v)} was reserved and is now used by ${describe(user)}`, ["reserved", part, v], user);
      } else if (!a.reserved[part].includes(v)) {
        f.report("RESERVED_VALUE_REMOVED", item, `${q(v)} is no longer reserved`, ["reserved", part, v], ["reserved", part]);
      }
    }
  }
}

function describe(path: readonly string[]): string {
  return path.length >= 3 ? `${path[1]}.${path[2]}` : "the channel";
}

function keyEntries(lock: Lock): Entry[] {
  return Object.entries(lock.keys).flatMap(([set, keys]) =>
    Object.entries(keys).map(([name, k]) => ({ group: set, name, value: k.value, item: `${set}.${name}`, path: ["keys", set, name] })),
  );
}

function topicEntries(lock: Lock): Entry[] {
  return Object.entries(lock.topics).flatMap(([set, topics]) =>
    Object.entries(topics).map(([name, t]) => ({ group: set, name, value: t.value, item: `${set}.${name}`, path: ["topics", set, name] })),
  );
}

/** Old wire value → the value the same key has now. */
function translation(pairs: readonly Matched[]): (value: string) => string {
  const map = new Map(pairs.map((p) => [p.before.value, p.after.value]));
  return (v) => map.get(v) ?? v;
}

/** Wire value → key name, looking in `preferred` key set first. */
/** Built once per lock and preferred key set: every topic and record asks for the same table. */
const keyNameTables = new WeakMap<Lock, Map<string | undefined, (value: string) => string>>();
function keyNames(lock: Lock, preferred?: string): (value: string) => string {
  let tables = keyNameTables.get(lock);
  if (tables === undefined) keyNameTables.set(lock, (tables = new Map()));
  const known = tables.get(preferred);
  if (known !== undefined) return known;
  const table = buildKeyNames(lock, preferred);
  tables.set(preferred, table);
  return table;
}

function buildKeyNames(lock: Lock, preferred?: string): (value: string) => string {
  const names = new Map<string, string>();
  const sets = Object.entries(lock.keys).sort(([x], [y]) => Number(y === preferred) - Number(x === preferred));
  for (const [, keys] of sets) for (const [name, k] of Object.entries(keys)) if (!names.has(k.value)) names.set(k.value, name);
  return (v) => names.get(v) ?? v;
}

/** Numbers numerically; strings like "1.10.2" segment by segment. Negative: a before b. */
export function compareVersions(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === "number" && typeof b === "number") return Math.sign(a - b);
  const parts = (v: unknown): number[] => String(v).split(/[^0-9]+/).filter((s) => s !== "").map(Number);
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
