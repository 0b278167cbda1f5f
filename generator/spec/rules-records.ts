/** Rules on records: no record may contain itself, directly or through other records. */
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol, Record, ValueType } from "../model.js";

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
  const walk = (t: ValueType): void => {
    if (t.kind === "record") out.push(t.record);
    else if (t.kind === "list" || t.kind === "map") walk(t.of);
  };
  for (const f of record.fields) walk(f.key.type);
  return out;
}
