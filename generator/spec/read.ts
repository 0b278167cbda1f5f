/**
 * Readers the build stage uses over YAML nodes. Total: a missing, mistyped or structurally bad
 * value (already reported by the structure stage) reads as undefined, so nothing is reported twice.
 */
import { isScalar } from "yaml";
import type { Pair } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import type { Span } from "../model.js";
import { spanOf } from "./source.js";
import type { Source } from "./source.js";
import { getPair, itemsOf, keyText, pairsOf } from "./yaml-node.js";

export interface Reader {
  readonly source: Source;
  readonly bad: ReadonlySet<unknown>;
  readonly diagnostics: Diagnostic[];
}

/** A string found in the spec with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly node: unknown;
  readonly span: Span;
}

/** A named entry of a mapping: its name, key span and value node. */
export interface Entry {
  readonly name: string;
  readonly node: unknown;
  readonly keyNode: unknown;
  readonly span: Span;
}

export function span(r: Reader, node: unknown): Span {
  return spanOf(r.source, node !== null && typeof node === "object" && "range" in node ? (node as never) : undefined);
}

/** The value node of `key` in `map`, unless missing or bad. */
export function child(r: Reader, map: unknown, key: string): unknown {
  if (map === undefined || r.bad.has(map)) return undefined;
  const pair = getPair(map, key);
  if (pair === undefined || r.bad.has(pair.value)) return undefined;
  return pair.value;
}

export function keyNodeOf(map: unknown, key: string): unknown {
  return getPair(map, key)?.key;
}

export function str(r: Reader, map: unknown, key: string): Located<string> | undefined {
  return asString(r, child(r, map, key));
}

export function asString(r: Reader, node: unknown): Located<string> | undefined {
  if (r.bad.has(node) || !isScalar(node) || typeof node.value !== "string") return undefined;
  return { value: node.value, node, span: span(r, node) };
}

/** The string items of a list (bad or mistyped items skipped). */
export function strings(r: Reader, map: unknown, key: string): Located<string>[] {
  const list = child(r, map, key);
  const out: Located<string>[] = [];
  for (const item of itemsOf(list)) {
    const s = asString(r, item);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/** The entries of the mapping at `key` (names are string keys; bad values skipped). */
export function entries(r: Reader, map: unknown, key: string): Entry[] {
  const node = child(r, map, key);
  return pairsOf(node)
    .filter((p: Pair<unknown, unknown>) => keyText(p) !== undefined && !r.bad.has(p.value))
    .map((p) => ({ name: keyText(p) as string, node: p.value, keyNode: p.key, span: span(r, p.key) }));
}

/** A doc string: trailing line breaks and surrounding blank space removed, inner line breaks kept. */
export function doc(r: Reader, map: unknown, key = "doc"): string | undefined {
  const text = str(r, map, key)?.value;
  if (text === undefined) return undefined;
  const trimmed = text.replace(/^\s*\n/, "").trimEnd();
  return trimmed;
}

/** `deprecated: reason` → the reason; `deprecated: true` → ""; absent or false → undefined. */
export function deprecated(r: Reader, map: unknown): string | undefined {
  const node = child(r, map, "deprecated");
  if (!isScalar(node)) return undefined;
  if (node.value === true) return "";
  if (typeof node.value === "string") return node.value.trim();
  return undefined;
}

/** `doc` and `deprecated` of an item, without undefined-valued properties. */
export function docs(r: Reader, map: unknown): { doc?: string; deprecated?: string } {
  const d = doc(r, map);
  const dep = deprecated(r, map);
  return { ...(d === undefined ? {} : { doc: d }), ...(dep === undefined ? {} : { deprecated: dep }) };
}
