/**
 * How a key's type changed, judged by the values a receiver accepts.
 *
 * widened: every value the old type accepts, the new one accepts too (int → float, enum → string,
 *          anything → any, an enum → one with more values);
 * narrowed: the new type accepts only part of the old one's values (float → int, string → enum,
 *           any → anything else, an enum → one with fewer values);
 * changed: the two have (almost) nothing in common (string → int, list → map).
 * `list<T>` and `map<T>` are judged by their element types.
 */
import type { Lock } from "./lock.js";

export type TypeChange = "same" | "widened" | "narrowed" | "changed";

type WireType =
  | { readonly kind: "scalar"; readonly name: string }
  | { readonly kind: "enum"; readonly name: string; readonly values: ReadonlySet<string> }
  | { readonly kind: "record"; readonly name: string }
  | { readonly kind: "list" | "map"; readonly of: WireType };

export function compareTypes(before: string, beforeLock: Lock, after: string, afterLock: Lock): TypeChange {
  return relate(parseType(before, beforeLock), parseType(after, afterLock));
}

const SCALARS = new Set(["string", "int", "float", "bool", "any"]);

/** Reads a lock's type text; names resolve to the enums and records of the same lock. */
export function parseType(text: string, lock: Lock): WireType {
  const container = /^(list|map)<(.*)>$/.exec(text.trim());
  if (container !== null) return { kind: container[1] as "list" | "map", of: parseType(container[2] ?? "", lock) };
  const name = text.trim();
  if (SCALARS.has(name)) return { kind: "scalar", name };
  const members = lock.enums[name];
  if (members !== undefined) return { kind: "enum", name, values: new Set(Object.values(members)) };
  return { kind: "record", name };
}

function relate(a: WireType, b: WireType): TypeChange {
  if (isAny(b)) return isAny(a) ? "same" : "widened";
  if (isAny(a)) return "narrowed";
  if ((a.kind === "list" || a.kind === "map") && b.kind === a.kind) return relate(a.of, (b as typeof a).of);
  if (a.kind === "scalar" && b.kind === "scalar") return relateScalars(a.name, b.name);
  if (a.kind === "enum" && b.kind === "scalar") return b.name === "string" ? "widened" : "changed";
  if (a.kind === "scalar" && b.kind === "enum") return a.name === "string" ? "narrowed" : "changed";
  if (a.kind === "enum" && b.kind === "enum") return relateEnums(a, b);
  if (a.kind === "record" && b.kind === "record") return a.name === b.name ? "same" : "changed";
  return "changed";
}

function relateScalars(a: string, b: string): TypeChange {
  if (a === b) return "same";
  if (a === "int" && b === "float") return "widened";
  if (a === "float" && b === "int") return "narrowed";
  return "changed";
}

/**
 * An enum kept under its name is "same": its removed members are reported one by one
 * (ENUM_VALUE_REMOVED). Switching to another enum is judged by the values in common.
 */
function relateEnums(a: { name: string; values: ReadonlySet<string> }, b: { name: string; values: ReadonlySet<string> }): TypeChange {
  if (a.name === b.name) return "same";
  const kept = [...a.values].filter((v) => b.values.has(v)).length;
  if (kept === 0) return "changed";
  if (kept < a.values.size) return "narrowed";
  return b.values.size > a.values.size ? "widened" : "same";
}

function isAny(t: WireType): boolean {
  return t.kind === "scalar" && t.name === "any";
}
