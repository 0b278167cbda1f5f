/** Rules on wire values: empty, untidy, duplicated within a set, colliding with reserved values. */
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Field, Protocol, ReservedValue, Span } from "../model.js";

interface Valued {
  readonly name: string;
  readonly value: string;
  readonly valueSpan: Span;
}

export function wireValueRules(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sets: [string, readonly Valued[]][] = [
    ...p.enums.map((e): [string, readonly Valued[]] => [`enum ${e.name}`, e.members]),
    ...p.keySets.map((s): [string, readonly Valued[]] => [`key set ${s.name}`, s.keys]),
    ...p.topicSets.map((s): [string, readonly Valued[]] => [`topic set ${s.name}`, s.topics]),
    ...(p.channels.length === 0 ? [] : [["channels", p.channels] as [string, readonly Valued[]]]),
  ];
  for (const [where, members] of sets) {
    for (const m of members) out.push(...tidiness(m.value, `wire value of ${where}.${m.name}`, m.valueSpan));
    out.push(...duplicates(where, members));
  }
  if (p.channels.length === 0) out.push(...tidiness(String(p.channel.value), "channel", p.channel.valueSpan));
  for (const r of p.reserved) {
    for (const v of [...r.channels, ...r.topics, ...r.keys]) out.push(...tidiness(v.value, "reserved value", v.span));
  }
  for (const [where, fields] of localFieldOwners(p)) {
    for (const f of fields) if (f.local) out.push(...tidiness(f.key.value, `wire key of field "${f.key.value}" of ${where}`, f.span));
  }
  for (const u of p.unions) {
    out.push(...tidiness(u.tag, `tag of union ${u.name}`, u.tagSpan));
    for (const v of u.variants) out.push(...tidiness(v.value, `tag value of union ${u.name}`, v.span));
  }
  out.push(...acrossTopicSets(p));
  out.push(...reservedCollisions(p));
  return out;
}

function localFieldOwners(p: Protocol): [string, readonly Field[]][] {
  return [
    ...p.topicSets.flatMap((s) => s.topics.map((t): [string, readonly Field[]] => [`payload of ${s.name}.${t.name}`, t.payload.fields])),
    ...p.records.filter((r) => r.base === undefined).map((r): [string, readonly Field[]] => [`record ${r.name}`, r.fields]),
  ];
}

/**
 * A topic's wire value names one message: the same value in two topic sets would be two
 * constants for one string (TypeScript rejects the duplicate identifiers of the merged unions,
 * Python silently keeps one), so it is an error naming both places.
 */
function acrossTopicSets(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, { set: string; topic: Valued }>();
  for (const s of p.topicSets) {
    const own = new Set<string>();
    for (const t of s.topics) {
      if (own.has(t.value)) continue; // a duplicate within the set is WD306
      own.add(t.value);
      const earlier = first.get(t.value);
      if (earlier === undefined) {
        first.set(t.value, { set: s.name, topic: t });
        continue;
      }
      const message = `topic ${s.name}.${t.name} has wire value "${t.value}", already used by topic ${earlier.set}.${earlier.topic.name} of another topic set`;
      out.push(
        diagnostic("WD351", message, t.valueSpan, {
          hint: "a wire value names one topic across all topic sets; give one of them another value",
          related: [{ message: `${earlier.set}.${earlier.topic.name} has it here`, span: earlier.topic.valueSpan }],
        }),
      );
    }
  }
  return out;
}

function tidiness(value: string, what: string, span: Span): Diagnostic[] {
  if (value === "") return [diagnostic("WD314", `${what} is empty`, span, { hint: "write a non-empty value, or remove value: to derive it from the name" })];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(value)) {
    return [diagnostic("WD315", `${what} ${JSON.stringify(value)} contains control characters`, span, { hint: "remove the control characters" })];
  }
  if (value.trim() !== value) {
    return [diagnostic("WD315", `${what} ${JSON.stringify(value)} has leading or trailing whitespace`, span, { hint: `write ${JSON.stringify(value.trim())}` })];
  }
  return [];
}

function duplicates(where: string, members: readonly Valued[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Valued>();
  for (const m of members) {
    const earlier = first.get(m.value);
    if (earlier === undefined) {
      first.set(m.value, m);
      continue;
    }
    const message = `${where}.${m.name} has wire value "${m.value}", already used by ${where}.${earlier.name}`;
    out.push(
      diagnostic("WD306", message, m.valueSpan, {
        hint: "every member of a set needs its own wire value",
        related: [{ message: `${earlier.name} has it here`, span: earlier.valueSpan }],
      }),
    );
  }
  return out;
}

function reservedCollisions(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (kind: string, reserved: readonly ReservedValue[], used: readonly Valued[]) => {
    for (const r of reserved) {
      for (const u of used) {
        if (u.value !== r.value) continue;
        const message = `${kind} ${u.name} has the reserved value "${r.value}"`;
        out.push(
          diagnostic("WD313", message, u.valueSpan, {
            hint: "choose another value; reserved values must never be used",
            related: [{ message: "reserved here", span: r.span }],
          }),
        );
      }
    }
  };
  for (const r of p.reserved) {
    check("channel", r.channels, p.channels.length > 0 ? p.channels : [{ name: "CHANNEL", value: String(p.channel.value), valueSpan: p.channel.valueSpan }]);
    check("topic", r.topics, p.topicSets.flatMap((s) => s.topics));
    check("key", r.keys, p.keySets.flatMap((s) => s.keys));
  }
  return out;
}
