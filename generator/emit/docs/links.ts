/** Links to the rows and headings other parts of the docs point at. */
import type { Enum, Key, Record, Topic, ValueType } from "../../model.js";
import { anchor } from "./anchors.js";
import { code, link } from "./markdown.js";
import type { Refs } from "./refs.js";
import { notYet } from "../../not-yet.js";

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

/** A value type: `string`, `list<int>`, a link to an enum or record, `list<…>` around a link. */
export function typeText(type: ValueType): string {
  const plain = plainType(type);
  return plain === undefined ? linkedType(type) : code(plain);
}

/** The type as one code span's text when it names no enum or record. */
function plainType(type: ValueType): string | undefined {
  switch (type.kind) {
    case "scalar":
      return type.name;
    case "enum":
    case "record":
      return undefined;
    case "list":
    case "map": {
      const of = plainType(type.of);
      return of === undefined ? undefined : `${type.kind}<${of}>`;
    }
  }
}

function linkedType(type: ValueType): string {
  switch (type.kind) {
    case "scalar":
      return code(type.name);
    case "enum":
      return link(code(type.enum.name), enumAnchor(type.enum));
    case "record":
      return link(code(type.record.name), recordAnchor(type.record));
    case "list":
    case "map":
      return `${type.kind}&lt;${typeText(type.of)}&gt;`;
  }
  return notYet("the docs", type);
}
