/**
 * Duplicate keys in a YAML document, found in one pass per mapping. The yaml package's own
 * `uniqueKeys` check compares each new key with every earlier one, which is quadratic in a
 * mapping's size; this finds the same duplicates (two scalar keys with the same value — other
 * keys never compare equal there, and NaN is no duplicate of NaN) with a Set.
 */
import { isMap, isScalar } from "yaml";
import { eachNode } from "./yaml-node.js";

/** The start offset of every key that repeats an earlier key of its mapping, in document order. */
export function duplicateKeyOffsets(root: unknown): number[] {
  const out: number[] = [];
  eachNode(root, (node) => duplicateKeysAt(node, out));
  return out;
}

/** One step of a document walk: when `node` is a mapping, the offsets of its repeated keys go to `out`. */
export function duplicateKeysAt(node: unknown, out: number[]): void {
  if (!isMap(node)) return;
  const seen = new Set<unknown>();
  for (const pair of node.items) {
    const key = pair.key;
    if (!isScalar(key) || Number.isNaN(key.value)) continue;
    if (seen.has(key.value)) out.push(key.range?.[0] ?? 0);
    else seen.add(key.value);
  }
}

/** The message the yaml package gives a duplicate key. */
export const DUPLICATE_KEY_MESSAGE = "Map keys must be unique";
