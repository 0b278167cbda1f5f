/**
 * The comparison: a previous version of the protocol (the lock, or the spec at a git ref) against
 * the current spec, as a list of findings named by the rules in rules.ts. Pure.
 */
import { compareEnvelope } from "./envelope.js";
import type { Severity } from "../diagnostics.js";
import type { AcceptedBreaking, Protocol } from "../model.js";
import { Findings, sortFindings } from "./finding.js";
import type { Finding } from "./finding.js";
import type { Dict, Lock, LockedAcceptance } from "./lock.js";
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
    const change = compareTypes(t0, b, t1, a);
    if (change === "changed" || change === "narrowed") {
      const id = change === "changed" ? "KEY_TYPE_CHANGED" : "KEY_TYPE_NARROWED";
      f.report(id, k0.item, `${k0.item} type ${change} from ${t0} to ${t1}`, [...k0.path, "type"], [...k1.path, "type"]);
    }
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
  }
  compareEnums(f, b, a);
  compareRecords(f, b, a, keyValue);
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
