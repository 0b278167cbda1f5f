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
import { arrayOf, readonlyOf, readonlyRecord, ref, unionOf, type Type } from "./ts-ast.js";
import { tsNumber } from "./defs-syntax.js";
import { unionMembers } from "../value-types.js";

export interface TsContext {
  readonly protocol: Protocol;
  readonly names: TargetNames;
  /**
   * False under `outputs.typescript.readonly: false`: the types are printed without `readonly`
   * (properties, arrays, records), assignable to and from hand-written mutable types.
   */
  readonly readonly: boolean;
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
    readonly: protocol.outputs.typescript?.readonly ?? true,
    keyRef: refs.keyRef,
    topicRef: refs.topicRef,
    valueRef: refs.valueRef,
    enumType: (e) => refs.use(e.name),
    imports: () => refs.used().sort(),
    need: (name) => needs.use(name),
    needs,
  };
}

/** The name of the JSON value type messages.ts declares when a field holds `json`. */
export const JSON_VALUE = "JsonValue";

/** The TypeScript type of a value. */
export function tsType(type: ValueType, ctx: TsContext): Type {
  switch (type.kind) {
    case "scalar":
      return ref({ string: "string", int: "number", float: "number", bool: "boolean", any: "unknown", json: JSON_VALUE }[type.name]);
    case "enum":
      return ref(ctx.enumType(type.enum));
    case "record":
      return ref(ctx.names.type(type.record));
    case "tagged":
      return ref(ctx.names.union(type.union));
    case "list":
      return arrayType(tsType(type.of, ctx), ctx);
    case "map":
      return recordType(ref("string"), tsType(type.of, ctx), ctx);
    case "nullable":
      return unionOf([tsType(type.of, ctx), ref("null")]);
    case "oneOf":
      return unionOf(withoutRedundantMembers(unionMembers(type.of), ctx));
    case "literal":
      return ref(literalText(type.value));
  }
}

/**
 * The types of a union's members without the ones another member already holds (the rules
 * no-redundant-type-constituents and no-duplicate-type-constituents): a literal or a closed
 * enum next to its primitive (`-0.25 | number`), and a type written twice (`int | float` is
 * `number` twice), each kept where it first stood.
 */
function withoutRedundantMembers(members: readonly ValueType[], ctx: TsContext): Type[] {
  const typed = members.map((member) => ({ member, type: tsType(member, ctx) }));
  const primitives = new Set(typed.flatMap(({ type: t }) => (t.kind === "ref" && t.args.length === 0 && PRIMITIVES.has(t.name) ? [t.name] : [])));
  const written = new Set<string>();
  const kept: Type[] = [];
  for (const { member, type } of typed) {
    const text = JSON.stringify(type);
    if (primitives.has(primitiveOf(member) ?? "") || written.has(text)) continue;
    written.add(text);
    kept.push(type);
  }
  return kept;
}

const PRIMITIVES: ReadonlySet<string> = new Set(["string", "number", "boolean"]);

/** The primitive a literal or a closed enum's values are of; undefined for any other member. */
function primitiveOf(member: ValueType): string | undefined {
  if (member.kind === "literal") return typeof member.value === "string" ? "string" : typeof member.value === "number" ? "number" : "boolean";
  if (member.kind === "enum" && !member.enum.open) return member.enum.valueType === "int" ? "number" : "string";
  return undefined;
}

/** A literal type: `"2.0"`, `-32700`, `true`. */
export function literalText(value: string | number | boolean): string {
  if (typeof value === "string") return str(value);
  return typeof value === "number" ? tsNumber(value) : String(value);
}

/** `readonly T[]`, or `T[]` when the types are mutable. */
export function arrayType(of: Type, ctx: TsContext): Type {
  return ctx.readonly ? readonlyOf(arrayOf(of)) : arrayOf(of);
}

/** `Readonly<Record<K, V>>`, or `Record<K, V>` when the types are mutable. */
export function recordType(key: Type, value: Type, ctx: TsContext): Type {
  return ctx.readonly ? readonlyRecord(key, value) : ref("Record", [key, value]);
}
