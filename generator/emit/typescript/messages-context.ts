/**
 * What the TypeScript messages emitter's parts share: the identifier table, references to the
 * constants of defs.ts (`MsgKey.SESSION_ID`, `Topic.HELLO`, `ModelEncoding.BASE64`) and the set
 * of defs.ts names those references use, which becomes the import line.
 */
import type { Enum, Key, Protocol, Topic, ValueType } from "../../model.js";
import type { Names, TargetNames } from "../../names/index.js";
import { Uses } from "../chunks.js";
import { defsRefs } from "../defs-refs.js";
import { str } from "./messages-layout.js";
import { arrayOf, readonlyOf, readonlyRecord, ref, type Type } from "./ts-ast.js";
import { notYet } from "../../not-yet.js";

export interface TsContext {
  readonly protocol: Protocol;
  readonly names: TargetNames;
  /** `MsgKey.SESSION_ID` */
  keyRef(key: Key): string;
  /** `Topic.HELLO` */
  topicRef(topic: Topic): string;
  /** `ModelEncoding.BASE64`, or a string literal when the key is not enum-typed. */
  valueRef(key: Key, value: string): string;
  /** The enum's union type (imported from defs.ts). */
  enumType(e: Enum): string;
  /** Names imported from defs.ts so far, sorted. */
  imports(): string[];
  /**
   * Marks a module-level helper the printed code refers to (`checkShape`, `hasOwn`) and
   * returns it: the module prints the helpers its code reaches, nothing else.
   */
  need(name: string): string;
  readonly needs: Uses;
}

export function tsContext(protocol: Protocol, names: Names): TsContext {
  const refs = defsRefs(protocol, str);
  const needs = new Uses();
  return {
    protocol,
    names: names.typescript,
    keyRef: refs.keyRef,
    topicRef: refs.topicRef,
    valueRef: refs.valueRef,
    enumType: (e) => refs.use(e.name),
    imports: () => refs.used().sort(),
    need: (name) => needs.use(name),
    needs,
  };
}

/** The TypeScript type of a value. */
export function tsType(type: ValueType, ctx: TsContext): Type {
  switch (type.kind) {
    case "scalar":
      return ref({ string: "string", int: "number", float: "number", bool: "boolean", any: "unknown", json: "unknown" }[type.name]);
    case "enum":
      return ref(ctx.enumType(type.enum));
    case "record":
      return ref(ctx.names.type(type.record));
    case "list":
      return readonlyOf(arrayOf(tsType(type.of, ctx)));
    case "map":
      return readonlyRecord(ref("string"), tsType(type.of, ctx));
  }
  return notYet("the TypeScript types", type);
}
