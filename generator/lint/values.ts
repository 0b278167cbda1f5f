/**
 * Wire values of one set should look alike: one case style, one prefix. A set's prefix is the
 * declared one (`prefix: client_api.`), or else the `word.`/`word:`/`word/` most of its values start with.
 */
import type { Member, Protocol } from "../model.js";
import type { Report } from "./finding.js";

interface ValueSet {
  readonly name: string;
  readonly prefix: string;
  readonly members: readonly Member[];
}

const STYLES: readonly (readonly [string, RegExp])[] = [
  ["snake_case", /^[a-z0-9]+(_[a-z0-9]+)*$/],
  ["SCREAMING_SNAKE_CASE", /^[A-Z0-9]+(_[A-Z0-9]+)*$/],
  ["kebab-case", /^[a-z0-9]+(-[a-z0-9]+)*$/],
  ["camelCase", /^[a-z][a-zA-Z0-9]*$/],
  ["PascalCase", /^[A-Z][a-zA-Z0-9]*$/],
];

export function checkValues(p: Protocol, report: Report): void {
  const sets: ValueSet[] = [
    // An int enum's values are numbers: they have no case style or prefix.
    ...p.enums.filter((e) => e.valueType === "string").map((e) => ({ name: e.name, prefix: "", members: e.members })),
    ...p.keySets.map((s) => ({ name: s.name, prefix: s.prefix, members: s.keys })),
    ...p.topicSets.map((s) => ({ name: s.name, prefix: s.prefix, members: s.topics })),
  ];
  for (const set of sets) {
    const prefix = set.prefix !== "" ? set.prefix : commonPrefix(set.members.map((m) => m.value));
    checkPrefix(set, prefix, report);
    checkCase(set, prefix, report);
  }
}

function checkPrefix(set: ValueSet, prefix: string, report: Report): void {
  if (prefix === "") return;
  for (const m of set.members) {
    if (!m.value.startsWith(prefix)) {
      const item = `${set.name}.${m.name}`;
      report("WIRE_VALUE_PREFIX_CONSISTENT", item, `${item} value ${JSON.stringify(m.value)} does not start with ${JSON.stringify(prefix)} like the other values of ${set.name}`, m.valueSpan);
    }
  }
}

function checkCase(set: ValueSet, prefix: string, report: Report): void {
  if (set.members.length < 2) return;
  const bare = set.members.map((m) => ({ m, text: withoutPrefix(m.value, prefix) }));
  let best: readonly [string, RegExp] | undefined;
  let bestCount = 0;
  for (const style of STYLES) {
    const count = bare.filter((b) => style[1].test(b.text)).length;
    if (count > bestCount) {
      best = style;
      bestCount = count;
    }
  }
  if (best === undefined) return;
  const [styleName, pattern] = best;
  for (const { m, text } of bare) {
    if (!pattern.test(text)) {
      const item = `${set.name}.${m.name}`;
      report("WIRE_VALUE_CASE_CONSISTENT", item, `${item} value ${JSON.stringify(m.value)} is not ${styleName} like the other values of ${set.name}`, m.valueSpan);
    }
  }
}

/** The value without the set's prefix, or without its own `word.` prefix when it has another one. */
function withoutPrefix(value: string, prefix: string): string {
  if (prefix !== "" && value.startsWith(prefix)) return value.slice(prefix.length);
  return value.replace(/^[^./:]+[./:]/, "");
}

/** The `word.`, `word:` or `word/` prefix more than half (and at least two) of the values start with. */
export function commonPrefix(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) {
    const match = /^[^./:]+[./:]/.exec(v);
    if (match !== null) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  for (const [prefix, count] of counts) if (count >= 2 && count * 2 > values.length) return prefix;
  return "";
}
