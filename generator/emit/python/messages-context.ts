/**
 * What the Python messages emitter's parts share: the identifier table, references to the
 * constants of defs.py (`MsgKey.SESSION_ID`, `Topic.HELLO`, `ModelEncoding.BASE64`) and the
 * defs.py names those references use, which become the `from .defs import (…)` line.
 */
import type { Key, Protocol, Record, Topic, ValueType } from "../../model.js";
import type { Names, PythonNames } from "../../names/index.js";
import { Uses } from "../chunks.js";
import { defsRefs } from "../defs-refs.js";
import { pythonString } from "./defs-syntax.js";
import { pyAtom, pySubscript, type PyExpr } from "./messages-layout.js";
import { notYet } from "../../not-yet.js";

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
  /** Records already defined above the current point (later ones are quoted forward refs). */
  readonly defined: Set<Record>;
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
    defined: new Set<Record>(),
  };
}

/** The Python annotation of a value (TypedDict field types), to lay out with `pyLayout`. */
export function pyType(type: ValueType, ctx: PyContext): PyExpr {
  switch (type.kind) {
    case "scalar":
      if (type.name === "any" || type.name === "json") return pyAtom(ctx.need("Any"));
      return pyAtom({ string: "str", int: "int", float: "float", bool: "bool" }[type.name]);
    case "enum":
      return pySubscript(
        ctx.need("Literal"),
        type.enum.members.map((m) => pyAtom(pythonString(m.value))),
      );
    case "record": {
      const name = ctx.names.type(type.record);
      return pyAtom(ctx.defined.has(type.record) ? name : pythonString(name));
    }
    case "list":
      return pySubscript("list", [pyType(type.of, ctx)]);
    case "map":
      return pySubscript("dict", [pyAtom("str"), pyType(type.of, ctx)]);
  }
  return notYet("the Python types", type);
}
