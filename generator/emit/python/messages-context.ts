/**
 * What the Python messages emitter's parts share: the identifier table, references to the
 * constants of defs.py (`MsgKey.SESSION_ID`, `Topic.HELLO`, `ModelEncoding.BASE64`) and the
 * defs.py names those references use, which become the `from .defs import (…)` line.
 */
import type { Key, Protocol, Record, TaggedUnion, Topic, ValueType } from "../../model.js";
import type { Names, PythonNames } from "../../names/index.js";
import { Uses } from "../chunks.js";
import { defsRefs } from "../defs-refs.js";
import { pythonString } from "./defs-syntax.js";
import { pyAtom, pyFlat, pySubscript, type PyExpr } from "./messages-layout.js";
import { unionMembers } from "../value-types.js";

export interface PyContext {
  readonly protocol: Protocol;
  readonly names: PythonNames;
  keyRef(key: Key): string;
  topicRef(topic: Topic): string;
  /** `ModelEncoding.BASE64`, or a string literal when the key is not enum-typed. */
  valueRef(key: Key, value: string): string;
  /** Marks a defs.py name as used (the enums the module re-exports). */
  use(name: string): string;
  imports(): string[];
  /**
   * Marks a module-level name the printed code refers to — a runtime helper (`_check_shape`),
   * a standard-library import (`TypedDict`, `json`) — and returns it: the module prints the
   * helpers and imports its code reaches, nothing else.
   */
  need(name: string): string;
  readonly needs: Uses;
  /** Records and unions already defined above the current point (later ones are quoted forward refs). */
  readonly defined: Set<Record | TaggedUnion>;
}

export function pyContext(protocol: Protocol, names: Names): PyContext {
  const refs = defsRefs(protocol, pythonString);
  const needs = new Uses();
  return {
    protocol,
    names: names.python,
    keyRef: refs.keyRef,
    topicRef: refs.topicRef,
    valueRef: refs.valueRef,
    use: refs.use,
    imports: refs.used,
    need: (name) => needs.use(name),
    needs,
    defined: new Set<Record | TaggedUnion>(),
  };
}

/** The name of the JSON value alias messages.py defines when a field holds `json`. */
export const JSON_VALUE = "JsonValue";

/** The Python annotation of a value (TypedDict field types), to lay out with `pyLayout`. */
export function pyType(type: ValueType, ctx: PyContext): PyExpr {
  switch (type.kind) {
    case "scalar":
      if (type.name === "json") return pyAtom(JSON_VALUE);
      if (type.name === "any") return pyAtom(ctx.need("Any"));
      return pyAtom({ string: "str", int: "int", float: "float", bool: "bool" }[type.name]);
    case "enum":
      // An open enum admits any other value of its type: the annotation is the type itself.
      if (type.enum.open) return pyAtom(type.enum.valueType === "int" ? "int" : "str");
      return pySubscript(
        ctx.need("Literal"),
        type.enum.members.map((m) => pyAtom(m.intValue === undefined ? pythonString(m.value) : String(m.intValue))),
      );
    case "record":
      return definedName(type.record, ctx.names.type(type.record), ctx);
    case "tagged":
      return definedName(type.union, ctx.names.union(type.union), ctx);
    case "list":
      return pySubscript("list", [pyType(type.of, ctx)]);
    case "map":
      return pySubscript("dict", [pyAtom("str"), pyType(type.of, ctx)]);
    case "nullable":
      return pySubscript(ctx.need("Optional"), [pyType(type.of, ctx)]);
    case "oneOf": {
      // A Literal member whose type is a member too (`"x" | string`) adds nothing (ruff PYI051).
      const members = unionMembers(type.of);
      const bare = new Set(members.flatMap((t) => (t.kind === "scalar" ? [t.name] : t.kind === "enum" && t.enum.open ? [t.enum.valueType] : [])));
      const kept = members.filter((t) => {
        const of = t.kind === "literal" ? literalType(t.value) : t.kind === "enum" && !t.enum.open ? t.enum.valueType : undefined;
        return of === undefined || !bare.has(of);
      });
      // Literal members (literals, closed enums) are one `Literal[…]`, where the first stood (ruff PYI030).
      const literalValues = (t: ValueType): string[] | undefined => {
        if (t.kind === "literal" && literalType(t.value) !== undefined) return [pythonLiteral(t.value)];
        if (t.kind === "enum" && !t.enum.open) return t.enum.members.map((m) => (m.intValue === undefined ? pythonString(m.value) : String(m.intValue)));
        return undefined;
      };
      const literals = kept.flatMap((t) => literalValues(t) ?? []);
      const exprs: PyExpr[] = [];
      // Members that are the same annotation once written (`-0.25 | float` is `float` twice) are
      // written once, where the first stood (ruff PYI016).
      const written = new Set<string>();
      let merged = false;
      for (const t of kept) {
        if (literalValues(t) === undefined) {
          const expr = pyType(t, ctx);
          const text = pyFlat(expr);
          if (!written.has(text)) exprs.push(expr);
          written.add(text);
        } else if (!merged) {
          merged = true;
          exprs.push(pySubscript(ctx.need("Literal"), [...new Set(literals)].map((v) => pyAtom(v))));
        }
      }
      const [only] = exprs;
      if (exprs.length === 1 && only !== undefined) return only;
      return pySubscript(ctx.need("Union"), exprs);
    }
    case "literal":
      // `Literal[…]` takes strings, ints and bools; a float literal is typed as a float.
      if (typeof type.value === "number" && !Number.isInteger(type.value)) return pyAtom("float");
      return pySubscript(ctx.need("Literal"), [pyAtom(pythonLiteral(type.value))]);
  }
}

/** The scalar a `Literal[…]` of this value belongs to; undefined for a float (typed `float`). */
function literalType(value: string | number | boolean): "string" | "int" | "bool" | undefined {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  return Number.isInteger(value) ? "int" : undefined;
}

/** `"2.0"`, `-32700`, `True`. */
export function pythonLiteral(value: string | number | boolean): string {
  if (typeof value === "string") return pythonString(value);
  return typeof value === "number" ? String(value) : value ? "True" : "False";
}

/** A record's or union's name; quoted as a forward reference while it is defined further down. */
function definedName(item: Record | TaggedUnion, name: string, ctx: PyContext): PyExpr {
  return pyAtom(ctx.defined.has(item) ? name : pythonString(name));
}
