/**
 * Warnings: things that are legal but most likely mistakes. Style and usage checks (unused keys
 * and topics, missing docs) belong to the lint stage, which can turn them off.
 */
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Enum, Protocol, ValueType } from "../model.js";
import { forEachType } from "./rules-records.js";

export function warningRules(p: Protocol): Diagnostic[] {
  return [...unusedEnums(p), ...replyDirections(p)];
}

function unusedEnums(p: Protocol): Diagnostic[] {
  const used = new Set<Enum>();
  const walk = (t: ValueType): void =>
    forEachType(t, (x) => {
      if (x.kind === "enum") used.add(x.enum);
    });
  for (const s of p.keySets) for (const k of s.keys) walk(k.type);
  for (const s of p.topicSets) {
    for (const t of s.topics) for (const f of [...t.payload.fields, ...(t.response?.payload.fields ?? [])]) if (f.local) walk(f.type);
  }
  for (const r of p.records) for (const f of r.fields) if (f.local) walk(f.type);
  // The envelope's fields (common and per kind) are local fields too.
  for (const f of [...(p.envelope?.fields ?? []), ...(p.envelope?.kinds.flatMap((k) => k.fields) ?? [])]) walk(f.type);
  return p.enums
    .filter((e) => !used.has(e))
    .map((e) => diagnostic("WD391", `enum ${e.name} is the type of no key`, e.span, { hint: "use it as a key's type, or remove it" }));
}

function replyDirections(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of p.topicSets) {
    for (const t of s.topics) {
      for (const reply of t.replies) {
        if (t.from === undefined || reply.from === undefined || t.from === t.to || reply.from !== t.from) continue;
        out.push(diagnostic("WD392", `${s.name}.${t.name} is sent by ${t.from.name}, and so is its reply ${reply.name}`, t.span, {
          hint: `a reply usually travels back: check "from" of ${reply.name}`,
        }));
      }
    }
  }
  return out;
}
