/**
 * Matching the members of a set across two versions: by name first, then by wire value.
 *
 * Same name, other value: WIRE_VALUE_CHANGED. Name gone but its value lives on under a name that
 * is new: NAME_CHANGED (source only). Name gone and its value gone, or taken over by a member
 * that already existed: the removal rule of the set's kind.
 */
import { compareText } from "./lock.js";
import type { Findings } from "./finding.js";

export interface Entry {
  /** What names are matched within (a set's name; for a renamed enum, its old name on both sides). */
  readonly group: string;
  readonly name: string;
  readonly value: string;
  /** `Topic.HELLO` */
  readonly item: string;
  /** Path of the entry in the lock's shape. */
  readonly path: readonly string[];
}

export interface Matched {
  readonly before: Entry;
  readonly after: Entry;
}

export function matchMembers(f: Findings, before: readonly Entry[], after: readonly Entry[], removedRule: string, noun: string): Matched[] {
  const id = (e: Entry): string => `${e.group}\u0000${e.name}`;
  const afterById = new Map(after.map((e) => [id(e), e]));
  const beforeIds = new Set(before.map(id));
  const afterByValue = new Map<string, Entry[]>();
  for (const e of after) afterByValue.set(e.value, [...(afterByValue.get(e.value) ?? []), e]);

  const matched: Matched[] = [];
  for (const b of before) {
    const same = afterById.get(id(b));
    if (same !== undefined) {
      matched.push({ before: b, after: same });
      if (same.value !== b.value) {
        f.report("WIRE_VALUE_CHANGED", b.item, `${b.item} value changed from ${q(b.value)} to ${q(same.value)}`, [...b.path, "value"], [...same.path, "value"]);
      }
      continue;
    }
    const holders = afterByValue.get(b.value) ?? [];
    const renamed = holders
      .filter((e) => !beforeIds.has(id(e)))
      .sort((x, y) => Number(y.group === b.group) - Number(x.group === b.group) || compareText(x.item, y.item))[0];
    if (renamed !== undefined) {
      matched.push({ before: b, after: renamed });
      f.report("NAME_CHANGED", b.item, `${b.item} (${q(b.value)}) renamed to ${renamed.item}`, b.path, renamed.path);
    } else if (holders[0] !== undefined) {
      const other = holders[0];
      f.report(removedRule, b.item, `${noun} ${b.item} removed; its value ${q(b.value)} now belongs to ${other.item}`, b.path, other.path);
    } else {
      f.report(removedRule, b.item, `${noun} ${b.item} (${q(b.value)}) removed`, b.path, b.path.slice(0, -1));
    }
  }
  return matched;
}

export function q(value: unknown): string {
  return Object.is(value, -0) ? "-0.0" : JSON.stringify(value);
}
