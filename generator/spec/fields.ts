/** Required/optional key lists of payloads and records → `Field`s, with duplicate checks. */
import { diagnostic } from "../diagnostics.js";
import { isScalar } from "yaml";
import type { Field, Key, KeySet } from "../model.js";
import { declaredType } from "./build-types.js";
import type { TypeScope } from "./build-types.js";
import { unresolved } from "./lookup.js";
import type { NameIndex } from "./lookup.js";
import { child, docs, entries, strings } from "./read.js";
import type { Entry, Located, Reader } from "./read.js";

export interface FieldScope {
  /** The key set the fields must come from; undefined when the owner names none (or it is unresolved). */
  readonly keySet: KeySet | undefined;
  readonly allKeySets: readonly KeySet[];
  readonly index: NameIndex;
  /** "payload of Topic.HELLO", "record ModelExchangeMeta". */
  readonly where: string;
  /** What local field types resolve against. */
  readonly types: TypeScope;
}

export function buildFields(r: Reader, node: unknown, scope: FieldScope): Field[] {
  const fields: Field[] = [];
  const seen = new Map<string, Located<string> & { list: string }>();
  for (const list of ["required", "optional"] as const) {
    for (const name of strings(r, node, list)) {
      const first = seen.get(name.value);
      if (first !== undefined) {
        const how = first.list === list ? `twice in "${list}"` : `both in "required" and "optional"`;
        const message = `key "${name.value}" is listed ${how} of ${scope.where}`;
        r.diagnostics.push(
          diagnostic("WD309", message, name.span, {
            hint: "list each key once",
            related: [{ message: "first listed here", span: first.span }],
          }),
        );
        continue;
      }
      seen.set(name.value, { ...name, list });
      const key = resolveKey(r, name, scope);
      if (key !== undefined) fields.push({ key, type: key.type, required: list === "required", local: false, span: name.span });
    }
  }
  const byWire = new Map(fields.map((f) => [f.key.value, f] as const));
  for (const e of entries(r, node, "fields")) {
    const shared = byWire.get(e.name);
    if (shared !== undefined) {
      const message = `local field "${e.name}" of ${scope.where} has the wire key of key ${shared.key.name}, also listed there`;
      r.diagnostics.push(
        diagnostic("WD352", message, e.span, {
          hint: "keep one of them: the key-set key, or the local field",
          related: [{ message: `key ${shared.key.name} listed here`, span: shared.span }],
        }),
      );
      continue;
    }
    fields.push(localField(r, e, scope));
  }
  return fields;
}

/** A `fields:` entry: a key made for this field alone, its name and value the wire key as written. */
export function localField(r: Reader, e: Entry, scope: FieldScope): Field {
  const type = declaredType(r, e.node, scope.types, `field "${e.name}" of ${scope.where}`);
  const optional = child(r, e.node, "optional");
  const key: Key = { kind: "key", name: e.name, ...docs(r, e.node), span: e.span, value: e.name, valueSpan: e.span, derived: false, type };
  return { key, type, required: !(isScalar(optional) && optional.value === true), local: true, span: e.span };
}

/**
 * The keys of a key set by name (the first of a duplicated name, as a search in spec order
 * finds it), built once per key set (complete before any field is built): a lookup per field
 * instead of a scan of the set.
 */
const keyIndexes = new WeakMap<KeySet, ReadonlyMap<string, Key>>();
function keyIndex(keySet: KeySet): ReadonlyMap<string, Key> {
  let index = keyIndexes.get(keySet);
  if (index === undefined) {
    const built = new Map<string, Key>();
    for (const k of keySet.keys) if (!built.has(k.name)) built.set(k.name, k);
    keyIndexes.set(keySet, built);
    index = built;
  }
  return index;
}

function resolveKey(r: Reader, name: Located<string>, scope: FieldScope): Key | undefined {
  if (scope.keySet === undefined) return undefined;
  const key = keyIndex(scope.keySet).get(name.value);
  if (key !== undefined) return key;
  const owner = scope.allKeySets.find((s) => keyIndex(s).has(name.value));
  if (owner !== undefined) {
    const message = `key "${name.value}" in ${scope.where} belongs to key set ${owner.name}, not ${scope.keySet.name}`;
    r.diagnostics.push(diagnostic("WD308", message, name.span, { hint: `add it to ${scope.keySet.name} or use a key of ${scope.keySet.name}` }));
    return undefined;
  }
  r.diagnostics.push(
    unresolved({
      code: "WD301",
      expected: "key",
      where: scope.where,
      name: name.value,
      span: name.span,
      candidates: scope.keySet.keys.map((k) => k.name),
      index: scope.index,
    }),
  );
  return undefined;
}
