/**
 * What an editor needs from a spec that may be half-written: the items it defines (with their
 * docs and where they are) and where the cursor is in the YAML tree. Read from a lenient parse
 * (errors tolerated), so completion and hover keep working while the text does not load.
 */
import { isCollection, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Node, Pair, Scalar } from "yaml";

export type ItemKind = "actor" | "enum" | "member" | "keySet" | "key" | "topicSet" | "topic" | "record" | "union" | "flow" | "constant";

export interface Item {
  readonly kind: ItemKind;
  readonly name: string;
  /** `Set.NAME` for members of a set, else the name. */
  readonly qualified: string;
  readonly doc?: string | undefined;
  /** The mapping that defines the item (its fields). */
  readonly node: unknown;
  /** The name's own text in the spec. */
  readonly start: number;
  readonly end: number;
  /** For sets: their members; for topic sets and records: the key set their keys come from. */
  readonly members: ReadonlyMap<string, Item>;
  readonly keySet?: string | undefined;
  readonly prefix?: string | undefined;
  /** For a member of a set: the set's prefix, which its derived wire value starts with. */
  readonly setPrefix?: string | undefined;
}

export interface Outline {
  readonly actors: ReadonlyMap<string, Item>;
  readonly enums: ReadonlyMap<string, Item>;
  readonly keySets: ReadonlyMap<string, Item>;
  readonly topicSets: ReadonlyMap<string, Item>;
  readonly records: ReadonlyMap<string, Item>;
  readonly unions: ReadonlyMap<string, Item>;
  readonly flows: ReadonlyMap<string, Item>;
  readonly constants: ReadonlyMap<string, Item>;
  readonly root: unknown;
}

export type Segment = string | number;

/** Where the cursor is: on a mapping key, on a mapping value, or on a list item (possibly empty). */
export interface Cursor {
  readonly role: "key" | "value" | "item";
  /** Keys and indexes from the root to the key, value or item. */
  readonly path: readonly Segment[];
  /** The scalar under the cursor, if it is on one. */
  readonly scalar?: Scalar | undefined;
  /** For an item: the list it is (or will be) in. */
  readonly list?: readonly unknown[] | undefined;
}

export function parseLenient(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, merge: false, strict: false });
  return doc.contents;
}

export function outline(text: string): Outline {
  const root = parseLenient(text);
  return {
    actors: definitions(valueOf(root, "actors"), "actor"),
    enums: definitions(valueOf(root, "enums"), "enum", { field: "values", kind: "member" }),
    keySets: definitions(valueOf(root, "keys"), "keySet", { field: "keys", kind: "key" }),
    topicSets: definitions(valueOf(root, "topics"), "topicSet", { field: "topics", kind: "topic" }),
    records: definitions(valueOf(root, "records"), "record"),
    unions: definitions(valueOf(root, "unions"), "union"),
    flows: definitions(valueOf(root, "flows"), "flow"),
    constants: definitions(valueOf(root, "constants"), "constant"),
    root,
  };
}

/** The items a mapping defines, by name (of a duplicated name, an error the loader reports, the first). */
function definitions(node: unknown, kind: ItemKind, members?: { field: string; kind: ItemKind }): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const [name, value, keyNode] of entries(node)) {
    if (out.has(name)) continue;
    const inner = new Map<string, Item>();
    if (members !== undefined) {
      const setPrefix = stringValue(valueOf(value, "prefix"));
      for (const [m, mValue, mKey] of entries(valueOf(value, members.field))) {
        if (!inner.has(m)) inner.set(m, { ...item(members.kind, m, `${name}.${m}`, mValue, mKey, new Map()), setPrefix });
      }
    }
    out.set(name, item(kind, name, name, value, keyNode, inner));
  }
  return out;
}

function item(kind: ItemKind, name: string, qualified: string, node: unknown, keyNode: Node, members: Map<string, Item>): Item {
  const [start, end] = keyNode.range ?? [0, 0];
  return {
    kind,
    name,
    qualified,
    doc: stringValue(valueOf(node, "doc")),
    node,
    start,
    end,
    members,
    keySet: stringValue(valueOf(node, "keys")),
    prefix: stringValue(valueOf(node, "prefix")),
  };
}

/** The named entries of a mapping: name, value node and key node. */
export function entries(node: unknown): [string, unknown, Node][] {
  if (!isMap(node)) return [];
  const out: [string, unknown, Node][] = [];
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const key = pair.key;
    if (isScalar(key) && typeof key.value === "string") out.push([key.value, pair.value, key]);
  }
  return out;
}

export function valueOf(node: unknown, key: string): unknown {
  return entries(node).find(([name]) => name === key)?.[1];
}

export function stringValue(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

/** The string items of a list node. */
export function stringItems(node: unknown): string[] {
  return isSeq(node) ? node.items.flatMap((i) => (isScalar(i) && typeof i.value === "string" ? [i.value] : [])) : [];
}

/** Where `offset` is in the tree. Iterative descent, so any nesting depth is safe. */
export function locate(root: unknown, offset: number): Cursor | undefined {
  let node = root;
  const path: Segment[] = [];
  for (;;) {
    if (isMap(node)) {
      const pairs = node.items as Pair<unknown, unknown>[];
      // The last pair whose key starts at or before the cursor is the one the cursor is in.
      let pair: Pair<unknown, unknown> | undefined;
      for (const p of pairs) {
        const start = rangeOf(p.key)?.[0];
        if (start !== undefined && start <= offset) pair = p;
      }
      if (pair === undefined) return undefined;
      const key = pair.key;
      const keyRange = rangeOf(key);
      if (!isScalar(key) || typeof key.value !== "string" || keyRange === undefined) return undefined;
      if (offset <= keyRange[1]) return { role: "key", path: [...path, key.value], scalar: key };
      path.push(key.value);
      const value = pair.value;
      if (isCollection(value) && contains(value, offset)) {
        node = value;
        continue;
      }
      if (value === null || value === undefined || (isScalar(value) && value.value === null)) return { role: "value", path };
      if (isScalar(value) && contains(value, offset)) return { role: "value", path, scalar: value };
      return undefined;
    }
    if (isSeq(node)) {
      const items = node.items;
      const index = items.findIndex((i) => rangeOf(i) !== undefined && contains(i, offset));
      const hit = index < 0 ? undefined : items[index];
      if (isCollection(hit)) {
        path.push(index);
        node = hit;
        continue;
      }
      if (isScalar(hit) && hit.value !== null) return { role: "item", path: [...path, index], scalar: hit, list: items };
      return { role: "item", path: [...path, index < 0 ? items.length : index], list: items };
    }
    return undefined;
  }
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  if (node === null || typeof node !== "object" || !("range" in node)) return undefined;
  const range = (node as { range?: unknown }).range;
  return Array.isArray(range) && range.length === 3 ? (range as [number, number, number]) : undefined;
}

/** Whether the cursor is on the node's text (its end included: the cursor just after a word is on it). */
function contains(node: unknown, offset: number): boolean {
  const range = rangeOf(node);
  return range !== undefined && range[0] <= offset && offset <= range[1];
}
