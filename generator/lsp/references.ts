/**
 * Which kind of name a place in the spec holds: a reference (an actor in `from`, a topic in
 * `replies`, a key in a payload, a key set in `keys`, a type in `type`) or a definition — and
 * the items it may name, by the same scoping the loader resolves with.
 */
import { isScalar } from "yaml";
import type { Cursor, Item, Outline, Segment } from "./outline.js";

export type Place =
  | { readonly kind: "actor" }
  /** `set` scopes `replies` to its own topic set; a flow step may name a topic of any set. */
  | { readonly kind: "topic"; readonly set?: string | undefined; readonly listed?: readonly string[] }
  | { readonly kind: "key"; readonly keySet?: string | undefined; readonly listed?: readonly string[] }
  | { readonly kind: "keySet" }
  | { readonly kind: "type" }
  /** A record's `from:` and a union's variants name a record. */
  | { readonly kind: "record" };

const at = (path: readonly Segment[], i: number): Segment | undefined => path[i < 0 ? path.length + i : i];

/** The reference the cursor's value or item is, if it is one. */
export function placeOf(cursor: Cursor, o: Outline): Place | undefined {
  const p = cursor.path;
  const item = cursor.role === "item";
  const value = cursor.role === "value";
  const last = at(p, -1);
  const root = p[0];
  const name = typeof p[1] === "string" ? p[1] : undefined;
  // Names already in the list (but the one being edited), so completion does not offer them again.
  const listed = (cursor.list ?? []).flatMap((i) => (i !== cursor.scalar && isScalar(i) && typeof i.value === "string" ? [i.value] : []));
  if (root === "topics" && p[2] === "topics" && p.length >= 5) {
    const field = p[4];
    if (value && p.length === 5 && (field === "from" || field === "to")) return { kind: "actor" };
    if (item && p.length === 6 && field === "replies") return { kind: "topic", set: name, listed };
    if (item && p.length === 7 && field === "payload" && (p[5] === "required" || p[5] === "optional")) {
      return { kind: "key", keySet: name === undefined ? undefined : o.topicSets.get(name)?.keySet, listed };
    }
    if (value && p.length === 8 && field === "payload" && p[5] === "fields" && last === "type") return { kind: "type" };
  }
  if ((root === "topics" || root === "records") && value && p.length === 3 && p[2] === "keys") return { kind: "keySet" };
  if (root === "records" && value && p.length === 5 && p[2] === "fields" && last === "type") return { kind: "type" };
  if (root === "records" && value && p.length === 3 && p[2] === "from") return { kind: "record" };
  if (root === "unions" && value && p.length === 4 && p[2] === "variants") return { kind: "record" };
  if (root === "records" && name !== undefined) {
    const keySet = o.records.get(name)?.keySet;
    if (item && p.length === 4 && (p[2] === "required" || p[2] === "optional")) return { kind: "key", keySet, listed };
    const ruleKey = p.length === 6 && p[2] === "rules" && (p[4] === "if" || p[4] === "then");
    const expectKey = p.length === 6 && p[2] === "verify" && p[3] === "expect";
    if (value && last === "key" && (ruleKey || expectKey)) return { kind: "key", keySet };
  }
  if (root === "keys" && value && p.length === 5 && p[2] === "keys" && last === "type") return { kind: "type" };
  if (root === "flows" && p[2] === "steps") {
    if (item && at(p, -2) === "steps") return { kind: "topic" };
    if (value && at(p, -3) === "steps" && last === "topic") return { kind: "topic" };
    if (value && at(p, -3) === "steps" && (last === "from" || last === "to")) return { kind: "actor" };
  }
  return undefined;
}

/** The items a reference may name. */
export function candidates(place: Place, o: Outline): Item[] {
  switch (place.kind) {
    case "actor":
      return [...o.actors.values()];
    case "topic": {
      if (place.set !== undefined) return [...(o.topicSets.get(place.set)?.members.values() ?? [])];
      // A flow step names a topic of any set; the first set defining a name wins.
      const seen = new Map<string, Item>();
      for (const set of o.topicSets.values()) for (const t of set.members.values()) if (!seen.has(t.name)) seen.set(t.name, t);
      return [...seen.values()];
    }
    case "key":
      return [...(place.keySet === undefined ? [] : (o.keySets.get(place.keySet)?.members.values() ?? []))];
    case "keySet":
      return [...o.keySets.values()];
    case "type":
      return [...o.enums.values(), ...o.records.values(), ...o.unions.values()];
    case "record":
      return [...o.records.values()];
  }
}

/** The item a reference names, if the spec defines it. */
export function resolve(place: Place, name: string, o: Outline): Item | undefined {
  return candidates(place, o).find((c) => c.name === name);
}

/** The item the cursor's key defines, when it is the name of a definition. */
export function definitionAt(cursor: Cursor, o: Outline): Item | undefined {
  if (cursor.role !== "key") return undefined;
  const p = cursor.path;
  const [root, set, inner, member] = p;
  if (typeof set !== "string") return undefined;
  const tops: { readonly [key: string]: ReadonlyMap<string, Item> } = {
    actors: o.actors,
    enums: o.enums,
    keys: o.keySets,
    topics: o.topicSets,
    records: o.records,
    unions: o.unions,
    flows: o.flows,
    constants: o.constants,
  };
  const top = typeof root === "string" && Object.hasOwn(tops, root) ? tops[root]?.get(set) : undefined;
  if (p.length === 2) return top;
  const membersKey = root === "enums" ? "values" : root === "keys" ? "keys" : root === "topics" ? "topics" : undefined;
  if (p.length === 4 && inner === membersKey && typeof member === "string") return top?.members.get(member);
  return undefined;
}
