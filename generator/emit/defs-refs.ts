/**
 * References from a messages module to the constants of its defs module (`MsgKey.SESSION_ID`,
 * `Topic.HELLO`, `ModelEncoding.BASE64`), recording which defs names they use: that set becomes
 * the module's import line. Shared by the TypeScript and Python emitters; only the string literal
 * syntax differs.
 */
import { topicSetOf } from "../conformance/shapes.js";
import type { Key, Protocol, Topic } from "../model.js";

export interface DefsRefs {
  /** `MsgKey.SESSION_ID` */
  keyRef(key: Key): string;
  /** `Topic.HELLO` */
  topicRef(topic: Topic): string;
  /** `ModelEncoding.BASE64`, or a string literal when the key is not enum-typed. */
  valueRef(key: Key, value: string): string;
  /** Marks a defs name as used and returns it. */
  use(name: string): string;
  /** The defs names used so far, in first-use order. */
  used(): string[];
}

export function defsRefs(protocol: Protocol, literal: (text: string) => string): DefsRefs {
  const used = new Set<string>();
  const use = (name: string): string => {
    used.add(name);
    return name;
  };
  const keySetOf = new Map<Key, string>();
  for (const set of protocol.keySets) for (const key of set.keys) keySetOf.set(key, set.name);
  const setOf = topicSetOf(protocol);
  return {
    keyRef(key) {
      const set = keySetOf.get(key);
      if (set === undefined) throw new Error(`key ${key.name} is not in this protocol`);
      return `${use(set)}.${key.name}`;
    },
    topicRef: (topic) => `${use(setOf(topic).name)}.${topic.name}`,
    valueRef(key, value) {
      if (key.type.kind !== "enum") return literal(value);
      const member = key.type.enum.members.find((m) => m.value === value);
      return member === undefined ? literal(value) : `${use(key.type.enum.name)}.${member.name}`;
    },
    use,
    used: () => [...used],
  };
}
