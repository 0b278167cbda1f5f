/**
 * Declared types: a key's or field's `type:` expression resolved to a `ValueType`, with the
 * constraints its declaration states (`min`, `max`, `format`, `min_length`, `min_items`) attached
 * to the outermost node that is not `null` (`int | null` with `min: 0` constrains the int).
 *
 * `null` is lifted out of a union: `int | string | null` is nullable(oneOf[int, string]).
 */
import { isScalar } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Constraints, Enum, Record, ScalarTypeName, Span, StringFormat, TaggedUnion, ValueType } from "../model.js";
import { typeText } from "../type-text.js";
import { unresolved } from "./lookup.js";
import type { NameIndex } from "./lookup.js";
import { child, span, str } from "./read.js";
import { unrepresentable } from "./yaml-node.js";
import type { Reader } from "./read.js";
import { MAX_TYPE_NESTING, parseType, typeNesting } from "./type-syntax.js";
import type { TypeSyntax } from "./type-syntax.js";

export const SCALARS: readonly ScalarTypeName[] = ["string", "int", "float", "bool", "any", "json"];

export const FORMATS: readonly StringFormat[] = ["date-time", "date", "uuid", "uri"];

export interface TypeScope {
  readonly enums: ReadonlyMap<string, Enum>;
  readonly records: ReadonlyMap<string, Record>;
  readonly unions: ReadonlyMap<string, TaggedUnion>;
  readonly index: NameIndex;
}

const ANY: ValueType = { kind: "scalar", name: "any" };

const HINT = "write string, int, float, bool, any, json, an enum, record or union name, list<T>, map<T>, a literal such as \"2.0\", or members joined by |";

/**
 * The type declared by `node` (a key or a field declaration); `any` (after reporting) when it is
 * malformed or unresolved, so later stages still see the key. `what` names it: `key MsgKey.ID`.
 */
export function declaredType(r: Reader, node: unknown, scope: TypeScope, what: string): ValueType {
  const text = str(r, node, "type");
  if (text === undefined) return ANY;
  const syntax = parseType(text.value);
  if (syntax === undefined) {
    const depth = typeNesting(text.value);
    r.diagnostics.push(
      depth > MAX_TYPE_NESTING
        ? diagnostic("WD302", `the type of ${what} nests lists and maps ${depth} deep; wiredefs reads at most ${MAX_TYPE_NESTING}`, text.span, {
            hint: "give an inner level a name: a record with one field of the inner type",
          })
        : diagnostic("WD302", `malformed type "${text.value}" of ${what}`, text.span, { hint: HINT }),
    );
    return ANY;
  }
  const type = resolve(r, syntax, scope, what, text.span);
  if (type === undefined) return ANY;
  return constrained(r, node, type, what);
}

function resolve(r: Reader, t: TypeSyntax, scope: TypeScope, what: string, at: Span): ValueType | undefined {
  switch (t.kind) {
    case "list":
    case "map": {
      const of = resolve(r, t.of, scope, what, at);
      return of === undefined ? undefined : { kind: t.kind, of };
    }
    case "literal":
      if (typeof t.value === "number" && String(t.value) !== t.text) {
        // `type: "2.0"` reads as the number 2 once YAML drops its quotes: most likely the string was meant.
        const message = `the literal ${t.text} in the type of ${what} is the number ${String(t.value)}`;
        r.diagnostics.push(diagnostic("WD357", message, at, { hint: `for the string, keep its JSON quotes: '"${t.text}"'; for the number, write ${String(t.value)}` }));
        return undefined;
      }
      return { kind: "literal", value: t.value };
    case "null":
      r.diagnostics.push(diagnostic("WD342", `the type of ${what} is null alone`, at, { hint: "null is a union member: write T | null" }));
      return undefined;
    case "union":
      return union(r, t.members, scope, what, at);
    case "name":
      return named(r, t.name, scope, what, at);
  }
}

function named(r: Reader, name: string, scope: TypeScope, what: string, at: Span): ValueType | undefined {
  if ((SCALARS as readonly string[]).includes(name)) return { kind: "scalar", name: name as ScalarTypeName };
  const e = scope.enums.get(name);
  if (e !== undefined) return { kind: "enum", enum: e };
  const rec = scope.records.get(name);
  if (rec !== undefined) return { kind: "record", record: rec };
  const u = scope.unions.get(name);
  if (u !== undefined) return { kind: "tagged", union: u };
  r.diagnostics.push(
    unresolved({
      code: "WD302",
      expected: "type",
      where: what,
      name,
      span: at,
      candidates: [...SCALARS, ...scope.enums.keys(), ...scope.records.keys(), ...scope.unions.keys()],
      index: scope.index,
    }),
  );
  return undefined;
}

function union(r: Reader, members: readonly TypeSyntax[], scope: TypeScope, what: string, at: Span): ValueType | undefined {
  let nullable = false;
  const of: ValueType[] = [];
  const seen = new Set<string>();
  let ok = true;
  for (const m of members) {
    const key = m.kind === "null" ? "null" : undefined;
    if (key === "null") {
      if (nullable) {
        r.diagnostics.push(diagnostic("WD341", `the type of ${what} names null twice`, at, { hint: "name each member once" }));
        ok = false;
      }
      nullable = true;
      continue;
    }
    const t = resolve(r, m, scope, what, at);
    if (t === undefined) {
      ok = false;
      continue;
    }
    if (t.kind === "scalar" && (t.name === "any" || t.name === "json")) {
      const message = `${t.name} in the union type of ${what}: it already accepts every value the other members do`;
      r.diagnostics.push(diagnostic("WD340", message, at, { hint: `write ${t.name} alone` }));
      ok = false;
      continue;
    }
    const text = typeText(t);
    if (seen.has(text)) {
      r.diagnostics.push(diagnostic("WD341", `the type of ${what} names ${text} twice`, at, { hint: "name each member once" }));
      ok = false;
      continue;
    }
    seen.add(text);
    of.push(t);
  }
  if (!ok) return undefined;
  const [only] = of;
  if (only === undefined) {
    r.diagnostics.push(diagnostic("WD342", `the type of ${what} is null alone`, at, { hint: "null is a union member: write T | null" }));
    return undefined;
  }
  const inner: ValueType = of.length === 1 ? only : { kind: "oneOf", of };
  return nullable ? { kind: "nullable", of: inner } : inner;
}

type Property = "min" | "max" | "format" | "min_length" | "min_items";

const APPLIES: { readonly [P in Property]: string } = {
  min: "an int or a float",
  max: "an int or a float",
  format: "a string",
  min_length: "a string",
  min_items: "a list",
};

function constrained(r: Reader, node: unknown, type: ValueType, what: string): ValueType {
  const target = type.kind === "nullable" ? type.of : type;
  const read = (p: Property) => {
    const n = child(r, node, p);
    return isScalar(n) ? { value: n.value, span: span(r, n), node: n } : undefined;
  };
  const present = (["min", "max", "format", "min_length", "min_items"] as const).flatMap((p) => {
    const v = read(p);
    return v === undefined ? [] : [[p, v] as const];
  });
  if (present.length === 0) return type;
  const numeric = target.kind === "scalar" && (target.name === "int" || target.name === "float");
  const fits = (p: Property): boolean =>
    p === "min" || p === "max" ? numeric : p === "min_items" ? target.kind === "list" : target.kind === "scalar" && target.name === "string";
  const c: { -readonly [K in keyof Constraints]: Constraints[K] } = {};
  let ok = true;
  for (const [p, v] of present) {
    if (!fits(p)) {
      ok = false;
      const message = `${p} of ${what} applies to ${APPLIES[p]}, not to ${typeText(target)}`;
      r.diagnostics.push(diagnostic("WD343", message, v.span, { hint: `remove ${p}, or give ${what} a type it applies to` }));
      continue;
    }
    if (p === "format") {
      if (typeof v.value === "string" && (FORMATS as readonly string[]).includes(v.value)) c.format = v.value as StringFormat;
      else ok = false; // reported by the structure stage (WD345)
      continue;
    }
    if (typeof v.value !== "number") {
      ok = false; // reported by the structure stage (WD201)
      continue;
    }
    const whole = p !== "min" && p !== "max" ? true : target.kind === "scalar" && target.name === "int";
    // A float bound written with more digits than a double holds is rounded alike in both runtimes.
    const beyond = unrepresentable(v.node);
    if (beyond !== undefined && (whole || beyond.kind === "infinite")) {
      // A bound JavaScript cannot hold as written would be a different bound in each runtime, or none.
      ok = false;
      r.diagnostics.push(diagnostic("WD344", `${p} of ${what} is ${beyond.problem}`, v.span, { hint: beyond.hint }));
      continue;
    }
    if ((whole && !Number.isSafeInteger(v.value)) || ((p === "min_length" || p === "min_items") && v.value < 0)) {
      ok = false;
      const wanted = p === "min_length" || p === "min_items" ? "a whole number, 0 or more" : "a whole number (the type is int)";
      r.diagnostics.push(diagnostic("WD344", `${p} of ${what} is ${String(v.value)}, but must be ${wanted}`, v.span, { hint: `write ${wanted}` }));
      continue;
    }
    const n = Object.is(v.value, -0) ? 0 : v.value;
    if (p === "min") c.minimum = n;
    else if (p === "max") c.maximum = n;
    else if (p === "min_length") c.minLength = n;
    else c.minItems = n;
  }
  if (c.minimum !== undefined && c.maximum !== undefined && c.minimum > c.maximum) {
    ok = false;
    const at = read("min")?.span;
    const message = `min of ${what} is ${String(c.minimum)}, above its max ${String(c.maximum)}: no value fits`;
    r.diagnostics.push(diagnostic("WD344", message, at, { hint: "swap them, or widen the range", related: [{ message: "max here", span: read("max")?.span ?? at ?? span(r, node) }] }));
  }
  if (!ok) return type;
  const inner = withConstraints(target, c);
  return type.kind === "nullable" ? { kind: "nullable", of: inner } : inner;
}

function withConstraints(t: ValueType, c: Constraints): ValueType {
  if (t.kind === "scalar") return { kind: "scalar", name: t.name, constraints: c };
  if (t.kind === "list") return { kind: "list", of: t.of, constraints: c };
  return t;
}
