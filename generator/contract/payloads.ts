/**
 * Comparing what a payload or record carries: required and optional keys, unknown keys, and a
 * record's cross-field rules. Keys are compared by wire value, after mapping each old value to
 * the value its key has now, so a key whose value changed is reported once, on the key.
 */
import type { Findings } from "./finding.js";
import type { LockedPayload, LockedRecord } from "./lock.js";
import { q } from "./members.js";

export interface PayloadSide {
  readonly payload: LockedPayload;
  readonly item: string;
  readonly path: readonly string[];
  /** Wire value → key name, for messages and item paths. */
  readonly keyName: (value: string) => string;
}

export function comparePayloads(f: Findings, before: PayloadSide, after: PayloadSide, translate: (value: string) => string): void {
  const was = new Map<string, "required" | "optional">();
  const original = new Map<string, string>();
  for (const part of ["required", "optional"] as const) {
    for (const v of before.payload[part]) {
      was.set(translate(v), part);
      original.set(translate(v), v);
    }
  }
  const now = new Map<string, "required" | "optional">();
  for (const part of ["required", "optional"] as const) for (const v of after.payload[part]) now.set(v, part);
  const item = (name: string): string => `${after.item}.${name}`;
  const key = (side: PayloadSide, v: string): string => `key ${side.keyName(v)} (${q(v)})`;

  for (const [v, part] of now) {
    const old = was.get(v);
    const beforeValue = original.get(v) ?? v;
    if (part === "required" && old === undefined) {
      f.report("REQUIRED_KEY_ADDED", item(after.keyName(v)), `${after.item} now requires ${key(after, v)}`, [...before.path, "required"], [...after.path, "required", v]);
    } else if (part === "required" && old === "optional") {
      f.report("OPTIONAL_KEY_MADE_REQUIRED", item(after.keyName(v)), `${after.item}: ${key(after, v)} changed from optional to required`, [...before.path, "optional", beforeValue], [...after.path, "required", v]);
    } else if (part === "optional" && old === "required") {
      f.report("REQUIRED_KEY_MADE_OPTIONAL", item(after.keyName(v)), `${after.item}: ${key(after, v)} changed from required to optional`, [...before.path, "required", beforeValue], [...after.path, "optional", v]);
    }
  }
  for (const [v, part] of was) {
    if (now.has(v)) continue;
    const beforeValue = original.get(v) ?? v;
    const forbidden = after.payload.unknownKeys === "forbid";
    if (part === "required" || forbidden) {
      const why = part === "required" ? "" : " (unknown keys are forbidden, so old senders' messages are rejected)";
      f.report("PAYLOAD_KEY_REMOVED", `${before.item}.${before.keyName(beforeValue)}`, `${after.item} no longer carries ${part} ${key(before, beforeValue)}${why}`, [...before.path, part, beforeValue], [...after.path, part]);
    }
  }
  if (before.payload.unknownKeys === "allow" && after.payload.unknownKeys === "forbid") {
    f.report("UNKNOWN_KEYS_FORBIDDEN", after.item, `${after.item} now rejects unknown keys`, [...before.path, "unknownKeys"], [...after.path, "unknownKeys"]);
  }
}

/**
 * A rule is tighter when it is new, or when it now applies to more values (`if.in` grew), allows
 * fewer (`then.in` shrank), or looks at other keys.
 */
export function compareRecordRules(f: Findings, before: { record: LockedRecord; item: string; path: readonly string[] }, after: { record: LockedRecord; item: string; path: readonly string[] }, translate: (value: string) => string): void {
  for (const [id, rule] of Object.entries(after.record.rules)) {
    const old = before.record.rules[id];
    const item = `${after.item}.${id}`;
    const at = [...after.path, "rules", id];
    if (old === undefined) {
      f.report("RECORD_RULE_TIGHTENED", item, `${after.item} gained cross-field rule ${id}`, [...before.path, "rules"], at);
      continue;
    }
    const reasons: string[] = [];
    if (translate(old.if.key) !== rule.if.key || translate(old.then.key) !== rule.then.key) reasons.push("it checks other keys");
    const applies = rule.if.in.filter((v) => !old.if.in.includes(v));
    if (applies.length > 0) reasons.push(`it now also applies when ${rule.if.key} is ${applies.map(q).join(", ")}`);
    const dropped = old.then.in.filter((v) => !rule.then.in.includes(v));
    if (dropped.length > 0) reasons.push(`${rule.then.key} may no longer be ${dropped.map(q).join(", ")}`);
    if (reasons.length > 0) {
      f.report("RECORD_RULE_TIGHTENED", item, `${after.item} cross-field rule ${id} is tighter: ${reasons.join("; ")}`, [...before.path, "rules", id], at);
    }
  }
}
