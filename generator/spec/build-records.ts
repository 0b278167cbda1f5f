/** Building records: fields from a key set, cross-field rules, the verify function. */
import { diagnostic, didYouMean } from "../diagnostics.js";
import type { CrossFieldRule, Field, Key, KeySet, Record, Verify, VerifyExpect } from "../model.js";
import type { TypeScope } from "./build-types.js";
import { unknownKeysOf } from "./build-topics.js";
import { buildFields } from "./fields.js";
import { unresolved } from "./lookup.js";
import { pythonName } from "./rules-names.js";
import type { NameIndex } from "./lookup.js";
import { child, doc, docs, entries, keyNodeOf, span, str, strings } from "./read.js";
import type { Entry, Located, Reader } from "./read.js";
import { itemsOf } from "./yaml-node.js";

export type MutableRecord = { -readonly [K in keyof Record]: Record[K] };

/** A record without its key set and fields yet, so key types can point at it. */
export function recordShell(r: Reader, entry: Entry): MutableRecord {
  return {
    kind: "record",
    name: entry.name,
    ...docs(r, entry.node),
    span: entry.span,
    fields: [],
    unknownKeys: unknownKeysOf(r, entry.node) ?? "allow",
    rules: [],
  };
}

export interface RecordScope {
  readonly keySets: ReadonlyMap<string, KeySet>;
  readonly index: NameIndex;
  readonly types: TypeScope;
}

/** True for a derived record (`from:`), completed by `deriveRecords` once its base is. */
export function isDerived(r: Reader, entry: Entry): boolean {
  return child(r, entry.node, "from") !== undefined;
}

/**
 * Fills a shell of a record that is not derived; returns false when its key set is unresolved
 * (the record is then dropped).
 */
export function completeRecord(r: Reader, entry: Entry, record: MutableRecord, scope: RecordScope): boolean {
  const name = str(r, entry.node, "keys");
  const keySet = name === undefined ? undefined : scope.keySets.get(name.value);
  if (name !== undefined && keySet === undefined) {
    r.diagnostics.push(
      unresolved({
        code: "WD305",
        expected: "key set",
        where: `record ${entry.name}`,
        name: name.value,
        span: name.span,
        candidates: scope.keySets.keys(),
        index: scope.index,
      }),
    );
    return false;
  }
  const listsKeys = strings(r, entry.node, "required").length + strings(r, entry.node, "optional").length > 0;
  if (keySet === undefined && listsKeys) {
    const message = `record ${entry.name} names no key set, but lists keys in required or optional`;
    const hint = `add "keys: <key set>" to record ${entry.name}, or declare its fields under "fields:"`;
    r.diagnostics.push(diagnostic("WD305", message, entry.span, { hint }));
    return false;
  }
  if (keySet !== undefined) record.keySet = keySet;
  record.fields = buildFields(r, entry.node, {
    keySet,
    allKeySets: [...scope.keySets.values()],
    index: scope.index,
    where: `record ${entry.name}`,
    types: scope.types,
  });
  record.rules = entries(r, entry.node, "rules").flatMap((rule) => buildRule(r, rule, record));
  const verify = buildVerify(r, entry, record);
  if (verify !== undefined) record.verify = verify;
  return true;
}

const OWN_PARTS = ["keys", "fields", "rules", "verify"] as const;

/**
 * Completes the derived records (`from: Base` with `required:` / `optional:` overrides naming the
 * base's fields by wire key): each gets its base's fields, key set and rules, with optionality
 * changed as the overrides say. A base is completed before what derives from it (in one pass over
 * the chain, memoized); a chain that comes back to itself is WD355. Returns the records kept.
 */
export function deriveRecords(r: Reader, derived: readonly { entry: Entry; record: MutableRecord }[], complete: ReadonlySet<Record>, scope: { readonly records: ReadonlyMap<string, Record>; readonly index: NameIndex }): Set<Record> {
  const byRecord = new Map(derived.map((d) => [d.record as Record, d] as const));
  const state = new Map<Record, "active" | "done" | "failed">();
  const kept = new Set<Record>();
  const finish = (d: { entry: Entry; record: MutableRecord }): boolean => {
    const known = state.get(d.record);
    if (known === "done") return true;
    if (known === "failed") return false;
    if (known === "active") {
      r.diagnostics.push(diagnostic("WD355", `record ${d.record.name} derives from itself through "from:"`, d.entry.span, { hint: "break the chain of from: references" }));
      state.set(d.record, "failed");
      return false;
    }
    state.set(d.record, "active");
    const ok = derive(r, d.entry, d.record, scope, (base) => {
      if (complete.has(base)) return true;
      const next = byRecord.get(base);
      return next !== undefined && finish(next);
    });
    state.set(d.record, ok ? "done" : "failed");
    if (ok) kept.add(d.record);
    return ok;
  };
  for (const d of derived) finish(d);
  return kept;
}

function derive(r: Reader, entry: Entry, record: MutableRecord, scope: { readonly records: ReadonlyMap<string, Record>; readonly index: NameIndex }, ready: (base: Record) => boolean): boolean {
  let ok = true;
  for (const part of OWN_PARTS) {
    if (child(r, entry.node, part) === undefined) continue;
    ok = false;
    const message = `derived record ${entry.name} declares "${part}"; it takes its base's fields and changes only their optionality`;
    r.diagnostics.push(diagnostic("WD353", message, span(r, keyNodeOf(entry.node, part)), { hint: `remove "${part}", or declare a record of its own instead of "from:"` }));
  }
  const from = str(r, entry.node, "from");
  if (from === undefined) return false;
  const base = scope.records.get(from.value);
  if (base === undefined) {
    r.diagnostics.push(
      unresolved({ code: "WD349", expected: "record", where: `"from" of record ${entry.name}`, name: from.value, span: from.span, candidates: scope.records.keys(), index: scope.index }),
    );
    return false;
  }
  if (!ready(base) || !ok) return false;
  const overrides = new Map<string, boolean>();
  const seen = new Map<string, Located<string>>();
  const byWire = new Map(base.fields.map((f) => [f.key.value, f] as const));
  for (const list of ["required", "optional"] as const) {
    for (const name of strings(r, entry.node, list)) {
      const first = seen.get(name.value);
      if (first !== undefined) {
        ok = false;
        r.diagnostics.push(diagnostic("WD309", `field "${name.value}" is listed twice in the overrides of record ${entry.name}`, name.span, { hint: "list each field once", related: [{ message: "first listed here", span: first.span }] }));
        continue;
      }
      seen.set(name.value, name);
      if (!byWire.has(name.value)) {
        ok = false;
        const suggestion = didYouMean(name.value, byWire.keys());
        const hint = suggestion === undefined ? `name a field of ${base.name} by its wire key: ${[...byWire.keys()].join(", ")}` : `did you mean "${suggestion}"?`;
        r.diagnostics.push(diagnostic("WD350", `"${list}" of record ${entry.name} names "${name.value}", which is not a field of its base ${base.name}`, name.span, { hint }));
        continue;
      }
      overrides.set(name.value, list === "required");
    }
  }
  if (!ok) return false;
  record.base = base;
  if (base.keySet !== undefined) record.keySet = base.keySet;
  record.fields = base.fields.map((f) => {
    const required = overrides.get(f.key.value);
    return required === undefined ? f : { ...f, required };
  });
  if (unknownKeysOf(r, entry.node) === undefined) record.unknownKeys = base.unknownKeys;
  record.rules = base.rules;
  return true;
}

function buildRule(r: Reader, rule: Entry, record: MutableRecord): CrossFieldRule[] {
  const where = `rule ${record.name}.${rule.name}`;
  const cond = (part: "if" | "then") => condition(r, child(r, rule.node, part), `"${part}" of ${where}`, record.fields);
  const ifPart = cond("if");
  const thenPart = cond("then");
  if (ifPart === undefined || thenPart === undefined) return [];
  const d = doc(r, rule.node);
  return [{ id: rule.name, ...(d === undefined ? {} : { doc: d }), if: ifPart, then: thenPart, span: rule.span }];
}

function condition(r: Reader, node: unknown, where: string, fields: readonly Field[]) {
  const keyName = str(r, node, "key");
  if (keyName === undefined) return undefined;
  const key = fieldKey(r, keyName.value, keyName.span, where, fields);
  if (key === undefined) return undefined;
  if (key.type.kind !== "enum") {
    const message = `${where} uses key ${key.name}, whose type is not an enum`;
    r.diagnostics.push(diagnostic("WD311", message, keyName.span, { hint: "cross-field rules compare enum-typed keys" }));
    return undefined;
  }
  const members = key.type.enum.members;
  const values: string[] = [];
  let ok = true;
  for (const name of strings(r, node, "in")) {
    const member = members.find((m) => m.name === name.value);
    if (member === undefined) {
      ok = false;
      const suggestion = didYouMean(name.value, members.map((m) => m.name));
      const message = `"${name.value}" in ${where} is not a member of enum ${key.type.enum.name}`;
      const hint = suggestion === undefined ? `use one of: ${members.map((m) => m.name).join(", ")}` : `did you mean "${suggestion}"?`;
      r.diagnostics.push(diagnostic("WD311", message, name.span, { hint }));
    } else {
      values.push(member.value);
    }
  }
  return ok && values.length > 0 ? { key, values } : undefined;
}

function fieldKey(r: Reader, name: string, at: ReturnType<typeof span>, where: string, fields: readonly Field[]): Key | undefined {
  const field = fields.find((f) => f.key.name === name);
  if (field !== undefined) return field.key;
  const suggestion = didYouMean(name, fields.map((f) => f.key.name));
  const hint = suggestion === undefined ? "add it to the record's required or optional keys" : `did you mean "${suggestion}"?`;
  r.diagnostics.push(diagnostic("WD312", `${where} names key "${name}", which is not a field of the record`, at, { hint }));
  return undefined;
}

function buildVerify(r: Reader, entry: Entry, record: MutableRecord): Verify | undefined {
  const node = child(r, entry.node, "verify");
  const fn = str(r, node, "function");
  const argument = str(r, node, "argument");
  const attribute = str(r, node, "attribute");
  const container = str(r, node, "container");
  if (fn === undefined || argument === undefined || attribute === undefined || container === undefined) return undefined;
  for (const [kind, name] of [["verify function", fn], ["verify argument", argument], ["verify attribute", attribute]] as const) {
    r.diagnostics.push(...pythonName(kind, name.value, name.span));
  }
  const expects: VerifyExpect[] = [];
  const seenKeys = new Map<string, ReturnType<typeof span>>();
  const seenParams = new Map<string, ReturnType<typeof span>>();
  const where = `verify of record ${record.name}`;
  for (const item of itemsOf(child(r, node, "expect"))) {
    const keyName = str(r, item, "key");
    const param = str(r, item, "param");
    const label = str(r, item, "label");
    if (keyName === undefined || param === undefined || label === undefined) continue;
    const key = fieldKey(r, keyName.value, keyName.span, where, record.fields);
    r.diagnostics.push(...pythonName("verify parameter", param.value, param.span, "property"));
    let duplicate = false;
    for (const [seen, value, what] of [[seenKeys, keyName, "key"], [seenParams, param, "param"]] as const) {
      const first = seen.get(value.value);
      if (first !== undefined) {
        duplicate = true;
        r.diagnostics.push(
          diagnostic("WD322", `${what} "${value.value}" appears twice in ${where}`, value.span, {
            hint: `each expected value needs its own ${what}`,
            related: [{ message: "first used here", span: first }],
          }),
        );
      } else {
        seen.set(value.value, value.span);
      }
    }
    if (key === undefined || duplicate) continue;
    const d = doc(r, item);
    expects.push({ key, param: param.value, paramSpan: param.span, label: label.value, ...(d === undefined ? {} : { doc: d }) });
  }
  const d = doc(r, node);
  const argDoc = doc(r, node, "argument_doc");
  return {
    function: fn.value,
    functionSpan: fn.span,
    ...(d === undefined ? {} : { doc: d }),
    argument: argument.value,
    argumentSpan: argument.span,
    ...(argDoc === undefined ? {} : { argumentDoc: argDoc }),
    attribute: attribute.value,
    containerType: container.value,
    expects,
    span: span(r, keyNodeOf(entry.node, "verify")),
  };
}
