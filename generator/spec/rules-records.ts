/** Rules on records: no record may contain itself, directly or through other records. */
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol, Record, ValueType } from "../model.js";

/** Calls `visit` on `t` and every type nested in it (list, map, nullable and union members). */
export function forEachType(t: ValueType, visit: (t: ValueType) => void): void {
  visit(t);
  if (t.kind === "list" || t.kind === "map" || t.kind === "nullable") forEachType(t.of, visit);
  else if (t.kind === "oneOf") for (const m of t.of) forEachType(m, visit);
}

export function recursionRules(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  const state = new Map<Record, "active" | "done">();
  const visit = (record: Record, path: Record[]): void => {
    state.set(record, "active");
    for (const next of referencedRecords(record)) {
      if (state.get(next) === "active") {
        const cycle = [...path.slice(path.indexOf(next)), next].map((x) => x.name).join(" → ");
        out.push(diagnostic("WD320", `record ${next.name} contains itself: ${cycle}`, next.span, {
          hint: "break the cycle; records are plain data and cannot nest themselves",
        }));
      } else if (state.get(next) === undefined) {
        visit(next, [...path, next]);
      }
    }
    state.set(record, "done");
  };
  for (const r of p.records) if (state.get(r) === undefined) visit(r, [r]);
  return out;
}

function referencedRecords(record: Record): Record[] {
  const out: Record[] = [];
  for (const f of record.fields) forEachType(f.type, (t) => {
    if (t.kind === "record") out.push(t.record);
    else if (t.kind === "tagged") for (const v of t.union.variants) out.push(v.record);
  });
  return out;
}

/** Combinations of rule-key values tried at most per record; beyond that the check is skipped. */
const MAX_COMBINATIONS = 100_000;

/**
 * A record's cross-field rules must be satisfiable together: some choice of values for the keys
 * they name (absent, for an optional key) passes every rule. Otherwise no valid record exists and
 * every validator would reject all input.
 */
export function satisfiableRules(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const record of p.records) {
    if (record.rules.length === 0) continue;
    const keys = [...new Set(record.rules.flatMap((r) => [r.if.key, r.then.key]))];
    const domains = keys.map((key) => {
      const field = record.fields.find((f) => f.key === key);
      const values: (string | undefined)[] = key.type.kind === "enum" ? key.type.enum.members.map((m) => m.value) : [];
      return field?.required === true ? values : [...values, undefined];
    });
    if (domains.some((d) => d.length === 0)) continue;
    if (domains.reduce((n, d) => n * d.length, 1) > MAX_COMBINATIONS) continue;
    const holds = (pick: readonly (string | undefined)[]): boolean =>
      record.rules.every((rule) => {
        const when = pick[keys.indexOf(rule.if.key)];
        const then = pick[keys.indexOf(rule.then.key)];
        return when === undefined || then === undefined || !rule.if.values.includes(when) || rule.then.values.includes(then);
      });
    if (!someCombination(domains, holds)) {
      const names = keys.map((k) => k.name).join(", ");
      out.push(
        diagnostic("WD324", `the cross-field rules of record ${record.name} can never all hold: no value of ${names} passes them`, record.span, {
          hint: "the rules contradict each other; relax one of them",
          related: record.rules.map((r) => ({ message: `rule ${r.id}`, span: r.span })),
        }),
      );
    }
  }
  return out;
}

function someCombination<T>(domains: readonly (readonly T[])[], test: (pick: readonly T[]) => boolean): boolean {
  const pick: T[] = [];
  const walk = (i: number): boolean => {
    if (i === domains.length) return test(pick);
    for (const value of domains[i] ?? []) {
      pick[i] = value;
      if (walk(i + 1)) return true;
    }
    return false;
  };
  return walk(0);
}
