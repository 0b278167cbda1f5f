/** Documentation: every public item has a doc; every deprecation has a reason. */
import type { Item, Protocol } from "../model.js";
import type { Report } from "./finding.js";

/** Public items that need a doc. Enum members are left out: their set's doc usually says it all. */
function documented(p: Protocol): { readonly item: string; readonly kind: string; readonly of: Item }[] {
  return [
    ...p.constants.map((c) => ({ item: c.name, kind: "constant", of: c })),
    ...p.actors.map((a) => ({ item: a.name, kind: "actor", of: a })),
    ...p.enums.map((e) => ({ item: e.name, kind: "enum", of: e })),
    ...p.keySets.flatMap((s) => [{ item: s.name, kind: "key set", of: s as Item }, ...s.keys.map((k) => ({ item: `${s.name}.${k.name}`, kind: "key", of: k }))]),
    ...p.topicSets.flatMap((s) => [{ item: s.name, kind: "topic set", of: s as Item }, ...s.topics.map((t) => ({ item: `${s.name}.${t.name}`, kind: "topic", of: t }))]),
    ...p.records.map((r) => ({ item: r.name, kind: "record", of: r })),
    ...p.unions.map((u) => ({ item: u.name, kind: "union", of: u })),
    ...p.flows.map((f) => ({ item: f.name, kind: "flow", of: f })),
  ];
}

export function checkDocs(p: Protocol, report: Report): void {
  if (p.doc === undefined || p.doc.trim() === "") report("DOC_MISSING", p.name, `protocol ${p.name} has no doc`, p.span);
  for (const { item, kind, of } of documented(p)) {
    if (of.doc === undefined || of.doc.trim() === "") report("DOC_MISSING", item, `${kind} ${item} has no doc`, of.span);
  }
}

export function checkDeprecations(p: Protocol, report: Report): void {
  const all: { item: string; of: Item }[] = [
    ...documented(p).map(({ item, of }) => ({ item, of })),
    ...p.enums.flatMap((e) => e.members.map((m) => ({ item: `${e.name}.${m.name}`, of: m as Item }))),
  ];
  for (const { item, of } of all) {
    if (of.deprecated !== undefined && of.deprecated.trim() === "") {
      report("DEPRECATED_WITHOUT_REASON", item, `${item} is deprecated without a reason; write \`deprecated: "why, and what to use instead"\``, of.span);
    }
  }
}
