/** Building enums and key sets (members with derived wire values, sections, key types). */
import { isScalar } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Enum, EnumMember, Key, KeySet, Record, ScalarTypeName, Section, Span, ValueType } from "../model.js";
import { unresolved } from "./lookup.js";
import type { NameIndex } from "./lookup.js";
import { child, docs, entries, str } from "./read.js";
import type { Entry, Reader } from "./read.js";
import { parseType } from "./type-syntax.js";
import type { TypeSyntax } from "./type-syntax.js";

export const SCALARS: readonly ScalarTypeName[] = ["string", "int", "float", "bool", "any"];

/** The parts every member (enum member, key, topic) shares. */
export function memberBase(r: Reader, entry: Entry, prefix: string) {
  const explicit = str(r, entry.node, "value");
  const section = sectionOf(r, entry.node);
  return {
    name: entry.name,
    ...docs(r, entry.node),
    span: entry.span,
    value: explicit?.value ?? prefix + entry.name.toLowerCase(),
    valueSpan: explicit?.span ?? entry.span,
    derived: explicit === undefined,
    ...(section === undefined ? {} : { section }),
  };
}

function sectionOf(r: Reader, node: unknown): Section | undefined {
  const value = child(r, node, "section");
  if (isScalar(value) && typeof value.value === "string") return { title: value.value.trim() };
  const title = str(r, value, "title");
  if (title === undefined) return undefined;
  const d = docs(r, value).doc;
  return { title: title.value.trim(), ...(d === undefined ? {} : { doc: d }) };
}

export function buildEnum(r: Reader, entry: Entry): Enum {
  const members: EnumMember[] = entries(r, entry.node, "values").map((m) => ({
    kind: "enumMember",
    ...memberBase(r, m, ""),
  }));
  return { kind: "enum", name: entry.name, ...docs(r, entry.node), span: entry.span, valueType: "string", open: false, members };
}

export interface TypeScope {
  readonly enums: ReadonlyMap<string, Enum>;
  readonly records: ReadonlyMap<string, Record>;
  readonly index: NameIndex;
}

export function buildKeySet(r: Reader, entry: Entry, scope: TypeScope): KeySet {
  const prefix = str(r, entry.node, "prefix")?.value ?? "";
  const keys: Key[] = [];
  for (const k of entries(r, entry.node, "keys")) {
    const type = keyType(r, k, scope, `${entry.name}.${k.name}`);
    keys.push({ kind: "key", ...memberBase(r, k, prefix), type });
  }
  return { kind: "keySet", name: entry.name, ...docs(r, entry.node), span: entry.span, prefix, keys };
}

/** The key's type; `any` (after reporting) when unresolved, so later stages still see the key. */
function keyType(r: Reader, k: Entry, scope: TypeScope, path: string): ValueType {
  const text = str(r, k.node, "type");
  if (text === undefined) return { kind: "scalar", name: "any" };
  const syntax = parseType(text.value);
  if (syntax === undefined) {
    const message = `malformed type "${text.value}" of key ${path}`;
    const hint = "write string, int, float, bool, any, an enum or record name, list<T> or map<T>";
    r.diagnostics.push(diagnostic("WD302", message, text.span, { hint }));
    return { kind: "scalar", name: "any" };
  }
  return resolveType(r, syntax, scope, path, text.span) ?? { kind: "scalar", name: "any" };
}

export function resolveType(r: Reader, t: TypeSyntax, scope: TypeScope, path: string, at: Span): ValueType | undefined {
  if (t.kind !== "name") {
    const of = resolveType(r, t.of, scope, path, at);
    return of === undefined ? undefined : { kind: t.kind, of };
  }
  if ((SCALARS as readonly string[]).includes(t.name)) return { kind: "scalar", name: t.name as ScalarTypeName };
  const e = scope.enums.get(t.name);
  if (e !== undefined) return { kind: "enum", enum: e };
  const rec = scope.records.get(t.name);
  if (rec !== undefined) return { kind: "record", record: rec };
  r.diagnostics.push(
    unresolved({
      code: "WD302",
      expected: "type",
      where: `key ${path}`,
      name: t.name,
      span: at,
      candidates: [...SCALARS, ...scope.enums.keys(), ...scope.records.keys()],
      index: scope.index,
    }),
  );
  return undefined;
}

