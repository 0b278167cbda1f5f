/** Links to the rows and headings other parts of the docs point at. */
import type { Constraints, Enum, Field, Key, Record, TaggedUnion, Topic, ValueType } from "../../model.js";
import { anchor } from "./anchors.js";
import { code, link } from "./markdown.js";
import type { Refs } from "./refs.js";
import { unionMembers } from "../value-types.js";

export function topicAnchor(refs: Refs, topic: Topic): string {
  return anchor("topic", refs.topicSetOf(topic)?.name ?? "", topic.name);
}

export function keyAnchor(refs: Refs, key: Key): string {
  return anchor("key", refs.keySetOf(key)?.name ?? "", key.name);
}

export function enumAnchor(e: Enum): string {
  return anchor("enum", e.name);
}

export function recordAnchor(r: Record): string {
  return anchor("record", r.name);
}

export function unionAnchor(u: TaggedUnion): string {
  return anchor("union", u.name);
}

export function recordLink(r: Record): string {
  return link(code(r.name), recordAnchor(r));
}

export function unionLink(u: TaggedUnion): string {
  return link(code(u.name), unionAnchor(u));
}

/** `[HELLO](#topic-Topic-HELLO)`, qualified with its set when it lives in another set. */
export function topicLink(refs: Refs, topic: Topic, from?: Topic): string {
  const set = refs.topicSetOf(topic);
  const sameSet = from !== undefined && refs.topicSetOf(from) === set;
  const label = sameSet || set === undefined ? topic.name : `${set.name}.${topic.name}`;
  return link(code(label), topicAnchor(refs, topic));
}

export function keyLink(refs: Refs, key: Key): string {
  return link(code(key.name), keyAnchor(refs, key));
}

/**
 * A payload field in a list of keys: a key-set key links to its row; a payload-local field has
 * no row, so its type follows its wire key: `` `status` (`string`) ``.
 */
export function fieldLink(refs: Refs, field: Field): string {
  return field.local ? `${code(field.key.value)} (${typeText(field.type)})` : keyLink(refs, field.key);
}

/**
 * A value type for a table cell: `string`, `list<int>`, `int | string | null`, a link to an enum,
 * record or union (`list<…>` around it), a literal as JSON (`"2.0"`); constraints follow the node
 * they apply to in words (`int` (≥ 0, ≤ 100)), an open enum says so.
 */
export function typeText(type: ValueType): string {
  const plain = plainType(type);
  return plain === undefined ? linkedType(type) : code(plain);
}

/** The type as one code span's text when it names no enum, record or union and has no constraints. */
function plainType(type: ValueType): string | undefined {
  switch (type.kind) {
    case "scalar":
      return type.constraints === undefined ? type.name : undefined;
    case "enum":
    case "record":
    case "tagged":
      return undefined;
    case "list":
      if (type.constraints !== undefined) return undefined;
      return wrapped("list", plainType(type.of));
    case "map":
      return wrapped("map", plainType(type.of));
    case "nullable": {
      const of = plainType(type.of);
      return of === undefined ? undefined : `${of} | null`;
    }
    case "oneOf": {
      const members = unionMembers(type.of).map(plainType);
      return members.every((m): m is string => m !== undefined) ? members.join(" | ") : undefined;
    }
    case "literal":
      return JSON.stringify(type.value);
  }
}

function wrapped(kind: string, of: string | undefined): string | undefined {
  return of === undefined ? undefined : `${kind}<${of}>`;
}

/** Table cells escape the pipes between members (GFM splits cells at a bare `|`). */
const OR = " \\| ";

function linkedType(type: ValueType): string {
  switch (type.kind) {
    case "scalar":
      return code(type.name) + constraintText(type.constraints);
    case "enum":
      return link(code(type.enum.name), enumAnchor(type.enum)) + (type.enum.open ? " (open)" : "");
    case "record":
      return recordLink(type.record);
    case "tagged":
      return unionLink(type.union);
    case "list":
      return `list&lt;${typeText(type.of)}&gt;${constraintText(type.constraints)}`;
    case "map":
      return `map&lt;${typeText(type.of)}&gt;`;
    case "nullable":
      return `${typeText(type.of)}${OR}${code("null")}`;
    case "oneOf":
      return unionMembers(type.of).map(typeText).join(OR);
    case "literal":
      return code(JSON.stringify(type.value));
  }
}

/** ` (≥ 0, ≤ 100)`, ` (date-time, at least 1 character)`, ` (at least 1 item)`; nothing without constraints. */
export function constraintText(c: Constraints | undefined): string {
  if (c === undefined) return "";
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const words = [
    ...(c.minimum === undefined ? [] : [`≥ ${c.minimum}`]),
    ...(c.maximum === undefined ? [] : [`≤ ${c.maximum}`]),
    ...(c.format === undefined ? [] : [`format ${code(c.format)}`]),
    ...(c.minLength === undefined ? [] : [`at least ${plural(c.minLength, "character")}`]),
    ...(c.minItems === undefined ? [] : [`at least ${plural(c.minItems, "item")}`]),
  ];
  return words.length === 0 ? "" : ` (${words.join(", ")})`;
}
