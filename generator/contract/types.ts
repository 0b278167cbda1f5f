/**
 * How a key's or field's type changed, judged by the values a receiver accepts.
 *
 * widened: every value the old type accepts, the new one accepts too (int → float, enum → string,
 *          anything → any, an enum → one with more values, T → T | null, A → A | B, a looser
 *          constraint, a closed enum → an open one);
 * tightened: the same type with a tighter constraint (a higher min, a lower max, a new format, a
 *          longer min_length or min_items), so some old values are now rejected;
 * narrowed: the new type accepts only part of the old one's values (float → int, string → enum,
 *           any → anything else, an enum → one with fewer values, T | null → T, A | B → A);
 * changed: the two have (almost) nothing in common (string → int, list → map).
 * `list<T>` and `map<T>` are judged by their element types; a union by its members, each old
 * member matched with the new member that accepts the most of it.
 */
import type { Lock } from "./lock.js";
import { parseType as parseSyntax } from "../spec/type-syntax.js";
import type { ConstraintSyntax, TypeSyntax } from "../spec/type-syntax.js";

export type TypeChange = "same" | "widened" | "tightened" | "narrowed" | "changed";

interface Bounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly format?: string | undefined;
  readonly minLength?: number | undefined;
  readonly minItems?: number | undefined;
}

type WireType =
  | { readonly kind: "scalar"; readonly name: string; readonly bounds: Bounds }
  | { readonly kind: "enum"; readonly name: string; readonly values: ReadonlySet<string>; readonly valueType: string; readonly open: boolean }
  | { readonly kind: "record" | "union"; readonly name: string }
  | { readonly kind: "list"; readonly of: WireType; readonly bounds: Bounds }
  | { readonly kind: "map"; readonly of: WireType }
  | { readonly kind: "null" }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "oneOf"; readonly of: readonly WireType[] };

export function compareTypes(before: string, beforeLock: Lock, after: string, afterLock: Lock): TypeChange {
  return relate(parseType(before, beforeLock), parseType(after, afterLock));
}

const SCALARS = new Set(["string", "int", "float", "bool", "any", "json"]);

/** Reads a lock's type text; names resolve to the enums, unions and records of the same lock. */
export function parseType(text: string, lock: Lock): WireType {
  const syntax = parseSyntax(text, { constraints: true });
  // A type text this wiredefs cannot read (a lock edited by hand) compares as a record of that name.
  return syntax === undefined ? { kind: "record", name: text.trim() } : fromSyntax(syntax, lock);
}

function fromSyntax(t: TypeSyntax, lock: Lock): WireType {
  switch (t.kind) {
    case "null":
      return { kind: "null" };
    case "literal":
      return { kind: "literal", value: t.value };
    case "union":
      return { kind: "oneOf", of: t.members.map((m) => fromSyntax(m, lock)) };
    case "list":
      return { kind: "list", of: fromSyntax(t.of, lock), bounds: bounds(t.constraints) };
    case "map":
      return { kind: "map", of: fromSyntax(t.of, lock) };
    case "name": {
      const name = t.name;
      if (SCALARS.has(name)) return { kind: "scalar", name: name === "json" ? "any" : name, bounds: bounds(t.constraints) };
      const members = lock.enums[name];
      if (members !== undefined) {
        const type = lock.enumTypes?.[name];
        return { kind: "enum", name, values: new Set(Object.values(members)), valueType: type?.valueType ?? "string", open: type?.open ?? false };
      }
      if (lock.unions?.[name] !== undefined) return { kind: "union", name };
      return { kind: "record", name };
    }
  }
}

function bounds(c: ConstraintSyntax | undefined): Bounds {
  if (c === undefined) return {};
  const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
  return { min: num(c.min), max: num(c.max), format: c.format, minLength: num(c.min_length), minItems: num(c.min_items) };
}

const RANK: { readonly [C in TypeChange]: number } = { same: 0, widened: 1, tightened: 2, narrowed: 3, changed: 4 };

function alternatives(t: WireType): readonly WireType[] {
  return t.kind === "oneOf" ? t.of : [t];
}

function relate(a: WireType, b: WireType): TypeChange {
  if (a.kind === "oneOf" || b.kind === "oneOf") return relateUnions(alternatives(a), alternatives(b));
  return relateOne(a, b);
}

/**
 * Each old member matched with the new member that accepts the most of it: all same → same; all
 * accepted (some more widely) → widened; a new member beyond the old ones → widened; some old
 * member lost (nothing accepts it) → narrowed, or changed when no old member is accepted at all.
 */
function relateUnions(as: readonly WireType[], bs: readonly WireType[]): TypeChange {
  const best = as.map((x) => bs.map((y) => relateOne(x, y)).reduce((p, c) => (RANK[c] < RANK[p] ? c : p), "changed" as TypeChange));
  if (best.every((c) => c === "changed")) return "changed";
  const worst = best.reduce((p, c) => (RANK[c] > RANK[p] ? c : p), "same" as TypeChange);
  if (worst === "changed" || worst === "narrowed") return "narrowed";
  if (worst === "tightened") return "tightened";
  const extra = bs.some((y) => !as.some((x) => relateOne(x, y) === "same"));
  return worst === "widened" || extra ? "widened" : "same";
}

function relateOne(a: WireType, b: WireType): TypeChange {
  if (isAny(b)) return isAny(a) ? relateBounds(boundsOf(a), boundsOf(b)) : "widened";
  if (isAny(a)) return "narrowed";
  if (a.kind === "null" || b.kind === "null") return a.kind === b.kind ? "same" : "changed";
  if (a.kind === "list" && b.kind === "list") return combine(relate(a.of, b.of), relateBounds(a.bounds, b.bounds));
  if (a.kind === "map" && b.kind === "map") return relate(a.of, b.of);
  if (a.kind === "literal") return relateLiteral(a.value, b);
  if (b.kind === "literal") return relateLiteral(b.value, a) === "widened" ? "narrowed" : relateLiteral(b.value, a) === "same" ? "same" : "changed";
  if (a.kind === "scalar" && b.kind === "scalar") return combine(relateScalars(a.name, b.name), relateBounds(a.bounds, b.bounds));
  if (a.kind === "enum" && b.kind === "scalar") return b.name === scalarOf(a) && b.bounds.format === undefined ? "widened" : "changed";
  if (a.kind === "scalar" && b.kind === "enum") return a.name === scalarOf(b) ? (b.open ? "same" : "narrowed") : "changed";
  if (a.kind === "enum" && b.kind === "enum") return relateEnums(a, b);
  if ((a.kind === "record" || a.kind === "union") && b.kind === a.kind) return a.name === b.name ? "same" : "changed";
  return "changed";
}

function scalarOf(e: { readonly valueType: string }): string {
  return e.valueType === "int" ? "int" : "string";
}

function relateLiteral(value: string | number | boolean, b: WireType): TypeChange {
  if (b.kind === "literal") return Object.is(b.value, value) || b.value === value ? "same" : "changed";
  if (b.kind === "scalar") {
    const fits =
      (typeof value === "string" && b.name === "string") ||
      (typeof value === "boolean" && b.name === "bool") ||
      (typeof value === "number" && (b.name === "float" || (b.name === "int" && Number.isInteger(value))));
    return fits ? "widened" : "changed";
  }
  if (b.kind === "enum") return b.open || b.values.has(String(value)) ? "widened" : "changed";
  return "changed";
}

function combine(base: TypeChange, bounds: TypeChange): TypeChange {
  if (base === "same") return bounds;
  if (base === "widened" && bounds === "tightened") return "tightened";
  return base;
}

function boundsOf(t: WireType): Bounds {
  return t.kind === "scalar" || t.kind === "list" ? t.bounds : {};
}

/** Tighter when any bound rejects more than before; else wider when any rejects less. */
function relateBounds(a: Bounds, b: Bounds): TypeChange {
  let tighter = false;
  let looser = false;
  const lower = (x: number | undefined, y: number | undefined): void => {
    if (x === y) return;
    if (y !== undefined && (x === undefined || y > x)) tighter = true;
    else looser = true;
  };
  lower(a.min, b.min);
  lower(a.minLength, b.minLength);
  lower(a.minItems, b.minItems);
  if (a.max !== b.max) {
    if (b.max !== undefined && (a.max === undefined || b.max < a.max)) tighter = true;
    else looser = true;
  }
  if (a.format !== b.format) {
    if (b.format !== undefined) tighter = true;
    else looser = true;
  }
  return tighter ? "tightened" : looser ? "widened" : "same";
}

function relateScalars(a: string, b: string): TypeChange {
  if (a === b) return "same";
  if (a === "int" && b === "float") return "widened";
  if (a === "float" && b === "int") return "narrowed";
  return "changed";
}

/**
 * An enum kept under its name is "same": its removed members are reported one by one
 * (ENUM_VALUE_REMOVED), its closing and its value type on the enum (ENUM_CLOSED,
 * ENUM_VALUE_TYPE_CHANGED). Switching to another enum is judged by the values in common.
 */
function relateEnums(
  a: { name: string; values: ReadonlySet<string>; valueType: string; open: boolean },
  b: { name: string; values: ReadonlySet<string>; valueType: string; open: boolean },
): TypeChange {
  if (a.name === b.name) return "same";
  if (a.valueType !== b.valueType) return "changed";
  if (b.open) return a.open ? "same" : "widened";
  if (a.open) return "narrowed";
  const kept = [...a.values].filter((v) => b.values.has(v)).length;
  if (kept === 0) return "changed";
  if (kept < a.values.size) return "narrowed";
  return b.values.size > a.values.size ? "widened" : "same";
}

function isAny(t: WireType): boolean {
  return t.kind === "scalar" && t.name === "any";
}
