/**
 * Walks over the value types a protocol's shapes hold, shared by the type emitters of both
 * targets: which module-level type aliases a messages module needs (`JsonValue` only when a
 * field holds JSON), and what a derived record changes of its base.
 */
import type { Field, Protocol, Record, ValueType } from "../model.js";
import { listShapes } from "../conformance/shapes.js";

/** Every field's value type, of every record and topic payload, in spec order. */
export function fieldTypes(protocol: Protocol): ValueType[] {
  return listShapes(protocol).flatMap((view) => view.fields.map((f) => f.type));
}

/** True when `type` or a type inside it satisfies `test` (records and unions are not entered). */
export function containsType(type: ValueType, test: (t: ValueType) => boolean): boolean {
  if (test(type)) return true;
  switch (type.kind) {
    case "list":
    case "map":
    case "nullable":
      return containsType(type.of, test);
    case "oneOf":
      return type.of.some((t) => containsType(t, test));
    default:
      return false;
  }
}

export const isJson = (t: ValueType): boolean => t.kind === "scalar" && t.name === "json";

/** True when some field of the protocol holds a `json` value (its module declares `JsonValue`). */
export function usesJson(protocol: Protocol): boolean {
  return fieldTypes(protocol).some((t) => containsType(t, isJson));
}

/** The fields of a derived record whose presence differs from its base's field of the same wire key. */
export function changedPresence(record: Record): { readonly required: Field[]; readonly optional: Field[] } {
  const base = record.base;
  if (base === undefined) return { required: [], optional: [] };
  const before = new Map(base.fields.map((f) => [f.key.value, f.required]));
  const changed = record.fields.filter((f) => before.has(f.key.value) && before.get(f.key.value) !== f.required);
  return { required: changed.filter((f) => f.required), optional: changed.filter((f) => !f.required) };
}

/** The members of a union type with nested unions flattened (`oneOf` inside `oneOf` is one union). */
export function unionMembers(types: readonly ValueType[]): ValueType[] {
  return types.flatMap((t) => (t.kind === "oneOf" ? unionMembers(t.of) : [t]));
}
