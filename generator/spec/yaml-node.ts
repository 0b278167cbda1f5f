/** Small, total readers over YAML nodes: what JSON type a node is, and how it is written. */
import { isCollection, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Node, Pair, Scalar, YAMLMap } from "yaml";

export type JsonType = "object" | "array" | "string" | "integer" | "number" | "boolean" | "null" | "other";

/** The JSON type of a node, strictly from YAML: `1.0` is a number, not an integer. */
export function jsonTypeOf(node: unknown): JsonType {
  if (node === null || node === undefined) return "null";
  if (isMap(node)) return "object";
  if (isSeq(node)) return "array";
  if (!isScalar(node)) return "other";
  const value = node.value;
  if (value === null) return "null";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return isDecimalInteger(node) ? "integer" : "number";
  return "other";
}

function isDecimalInteger(node: Scalar): boolean {
  return typeof node.value === "number" && Number.isSafeInteger(node.value) && /^[-+]?[0-9]+$/.test(node.source ?? "");
}

/**
 * Why a number the spec writes cannot be held as written by both runtimes, or undefined when it
 * can (or is no number): `unsafe`, an integer written beyond ±(2^53 − 1), which JavaScript rounds
 * to the nearest double; `infinite`, a value past a 64-bit float's range (`1e400`, `.inf`,
 * `.nan`). `problem` is the value as written with the reason (`1e400, which is no finite number
 * (it reads as Infinity)`): the one wording every stage that reads a number reports it with.
 */
export function unrepresentable(node: unknown): { readonly kind: "unsafe" | "infinite"; readonly problem: string; readonly hint: string } | undefined {
  if (!isScalar(node) || typeof node.value !== "number") return undefined;
  const written = typeof node.source === "string" && node.source !== "" ? node.source : String(node.value);
  if (!Number.isFinite(node.value)) {
    return {
      kind: "infinite",
      problem: `${written}, which is no finite number (it reads as ${String(node.value)})`,
      hint: "write a finite number, within ±1.7976931348623157e308",
    };
  }
  if (/^[-+]?[0-9]+$/.test(written) && !Number.isSafeInteger(node.value)) {
    return {
      kind: "unsafe",
      problem: `${written}, which lies beyond ±9007199254740991 (2^53 − 1), the integers JavaScript holds exactly`,
      hint: "write an integer within ±9007199254740991 (a larger identifier belongs in a string)",
    };
  }
  return undefined;
}

/** The text a scalar was written with (its source), or a short description of a collection. */
export function describeNode(node: unknown): string {
  const type = jsonTypeOf(node);
  if (type === "object") return "a mapping";
  if (type === "array") return "a list";
  if (type === "null") return "null";
  if (isScalar(node)) {
    const text = typeof node.source === "string" && node.source !== "" ? node.source : String(node.value);
    const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
    const noun = type === "integer" || type === "number" ? "the number" : type === "boolean" ? "the bool" : "the string";
    return `${noun} ${shown}`;
  }
  return "an unsupported node";
}

export function isPlain(node: unknown): boolean {
  return isScalar(node) && (node.type === "PLAIN" || node.type === undefined);
}

const NO_PAIRS: readonly Pair<unknown, unknown>[] = Object.freeze([]);

/** The pairs of a mapping, or none (the mapping's own list when every item is a pair, as a parsed one's are). */
export function pairsOf(node: unknown): readonly Pair<unknown, unknown>[] {
  if (!isMap(node)) return NO_PAIRS;
  const items = (node as YAMLMap<unknown, unknown>).items;
  return items.every((p) => isPair(p)) ? items : items.filter((p) => isPair(p));
}

/** The string value of a scalar key, or undefined. */
export function keyText(pair: Pair<unknown, unknown>): string | undefined {
  return stringOf(pair.key);
}

export function stringOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

/** The value node of `key` in a mapping. */
export function getPair(node: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  for (const p of (node as YAMLMap<unknown, unknown>).items) if (isPair(p) && keyText(p) === key) return p;
  return undefined;
}

export function itemsOf(node: unknown): readonly unknown[] {
  return isSeq(node) ? node.items : [];
}

/**
 * Calls `step` on every node under `root` (itself included) in document order, as yaml's `visit`
 * does: a collection before its items, a pair before its key and its value. Without a stack of
 * frozen path copies per node, which `visit` builds.
 */
export function eachNode(root: unknown, step: (node: unknown) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    step(node);
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
}

export type { Node };
