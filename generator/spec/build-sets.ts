/** Building enums and key sets (members with derived wire values, sections, key types). */
import { isScalar } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Enum, EnumMember, Key, KeySet, Section } from "../model.js";
import { declaredType } from "./build-types.js";
import type { TypeScope } from "./build-types.js";
import { child, docs, entries, span, str } from "./read.js";
import { describeNode, unrepresentable } from "./yaml-node.js";
import type { Entry, Reader } from "./read.js";

export { SCALARS } from "./build-types.js";

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
  const valueType = str(r, entry.node, "type")?.value === "int" ? "int" : "string";
  const openNode = child(r, entry.node, "open");
  const open = isScalar(openNode) && openNode.value === true;
  const members = entries(r, entry.node, "values").flatMap((m): EnumMember[] => {
    const valueNode = child(r, m.node, "value");
    if (valueType === "string") {
      if (isScalar(valueNode) && typeof valueNode.value !== "string") {
        // As the structure stage words a wire value that is not a string (the schema lets numbers
        // and bools through for int enums).
        const written = String(valueNode.source ?? valueNode.value);
        const message = `"value" of enum member ${m.name} must be a string, got ${describeNode(valueNode)}`;
        r.diagnostics.push(diagnostic("WD201", message, span(r, valueNode), { hint: `quote it to make it a string: "${written}"` }));
        return [];
      }
      return [{ kind: "enumMember", ...memberBase(r, m, "") }];
    }
    const written = isScalar(valueNode) ? String(valueNode.source ?? valueNode.value) : undefined;
    const n = isScalar(valueNode) ? valueNode.value : undefined;
    if (typeof n !== "number" || !Number.isSafeInteger(n) || !/^[-+]?[0-9]+$/.test(written ?? "")) {
      const beyond = unrepresentable(valueNode);
      const value = beyond?.problem ?? `${written ?? "(not a scalar)"}, not an integer`;
      const message = `member ${m.name} of int enum ${entry.name} ${valueNode === undefined ? "has no value" : `has the value ${value}`}`;
      const hint = beyond?.hint ?? `write an integer value: ${m.name}: { value: 1 }`;
      r.diagnostics.push(diagnostic("WD346", message, valueNode === undefined ? m.span : span(r, valueNode), { hint }));
      return [];
    }
    const intValue = Object.is(n, -0) ? 0 : n;
    const base = memberBase(r, m, "");
    return [{ kind: "enumMember", ...base, value: String(intValue), valueSpan: span(r, valueNode), derived: false, intValue }];
  });
  return { kind: "enum", name: entry.name, ...docs(r, entry.node), span: entry.span, valueType, open, members };
}

export function buildKeySet(r: Reader, entry: Entry, scope: TypeScope): KeySet {
  const prefix = str(r, entry.node, "prefix")?.value ?? "";
  const keys: Key[] = [];
  for (const k of entries(r, entry.node, "keys")) {
    const type = declaredType(r, k.node, scope, `key ${entry.name}.${k.name}`);
    keys.push({ kind: "key", ...memberBase(r, k, prefix), type });
  }
  return { kind: "keySet", name: entry.name, ...docs(r, entry.node), span: entry.span, prefix, keys };
}
