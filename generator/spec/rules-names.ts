/** Rules on names: one top-level namespace, identifiers valid in both languages. */
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Item, Protocol, Span } from "../model.js";
import { PYTHON_KEYWORDS, PYTHON_RESERVED } from "../names/keywords-python.js";
import { isIdentifier, TYPESCRIPT_RESERVED } from "../names/keywords-typescript.js";

const SPECIAL_MEMBER_NAMES = new Set(["__proto__", "constructor", "prototype"]);

export function nameRules(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  const topLevel: [string, Item][] = [
    ["the protocol's constant", p.channel],
    ["the protocol's constant", p.version],
    ...p.constants.map((c): [string, Item] => ["constant", c]),
    ...p.enums.map((e): [string, Item] => ["enum", e]),
    ...p.keySets.map((s): [string, Item] => ["key set", s]),
    ...p.topicSets.map((s): [string, Item] => ["topic set", s]),
    ...p.records.map((r): [string, Item] => ["record", r]),
    ...p.unions.map((u): [string, Item] => ["union", u]),
  ];
  const first = new Map<string, [string, Item]>();
  for (const [kind, item] of topLevel) {
    const earlier = first.get(item.name);
    if (earlier === undefined) first.set(item.name, [kind, item]);
    else {
      const message = `${kind} ${item.name} has the same name as ${earlier[0]} ${earlier[1].name}`;
      out.push(
        diagnostic("WD307", message, item.span, {
          hint: "constants, enums, key sets, topic sets, records and unions share one namespace; rename one",
          related: [{ message: "first defined here", span: earlier[1].span }],
        }),
      );
    }
    if (item !== p.channel && item !== p.version) out.push(...topLevelName(kind, item.name, item.span));
  }
  const members: [string, Item][] = [
    ...p.enums.flatMap((e) => e.members.map((m): [string, Item] => [`member of enum ${e.name}`, m])),
    ...p.keySets.flatMap((s) => s.keys.map((k): [string, Item] => [`key of ${s.name}`, k])),
    ...p.topicSets.flatMap((s) => s.topics.map((t): [string, Item] => [`topic of ${s.name}`, t])),
    ...p.channels.map((c): [string, Item] => ["channel", c]),
    ...(p.envelope?.kinds ?? []).map((k): [string, Item] => ["envelope kind", k]),
  ];
  for (const [kind, item] of members) out.push(...memberName(kind, item.name, item.span));
  return out;
}

function identifier(kind: string, name: string, span: Span): Diagnostic[] {
  if (isIdentifier(name)) return [];
  const message = `${kind} name "${name}" is not an ASCII identifier`;
  return [diagnostic("WD330", message, span, { hint: "use letters, digits and _, not starting with a digit" })];
}

function dunder(kind: string, name: string, span: Span): Diagnostic[] {
  if (!name.startsWith("__")) return [];
  const message = `${kind} name "${name}" starts with "__", which Python mangles inside classes`;
  return [diagnostic("WD332", message, span, { hint: "drop the leading underscores" })];
}

function topLevelName(kind: string, name: string, span: Span): Diagnostic[] {
  const basic = [...identifier(kind, name, span), ...dunder(kind, name, span)];
  if (basic.length > 0) return basic;
  const why = [
    TYPESCRIPT_RESERVED.has(name) ? "reserved in TypeScript" : "",
    PYTHON_KEYWORDS.has(name) ? "a Python keyword" : PYTHON_RESERVED.has(name) ? "a Python builtin it would shadow" : "",
  ].filter(Boolean);
  if (why.length === 0) return [];
  const message = `${kind} name "${name}" is ${why.join(" and ")}`;
  return [diagnostic("WD331", message, span, { hint: "rename it; generated code declares this name at module level" })];
}

function memberName(kind: string, name: string, span: Span): Diagnostic[] {
  const basic = [...identifier(kind, name, span)];
  if (basic.length > 0) return basic;
  if (SPECIAL_MEMBER_NAMES.has(name)) {
    const message = `${kind} name "${name}" is a special JavaScript property name`;
    return [diagnostic("WD333", message, span, { hint: "rename it; it would break objects keyed by member name" })];
  }
  const dunders = dunder(kind, name, span);
  if (dunders.length > 0) return dunders;
  if (PYTHON_KEYWORDS.has(name)) {
    const message = `${kind} name "${name}" is a Python keyword and cannot be a class attribute`;
    return [diagnostic("WD331", message, span, { hint: "rename it (the wire value can stay: set value: explicitly)" })];
  }
  return [];
}

/**
 * A name generated code uses as a Python identifier and, camelCased, a TypeScript identifier —
 * or, for a verify parameter, only a TypeScript property name (`expected.case`), which may be
 * a reserved word.
 */
export function pythonName(kind: string, name: string, span: Span, typescript: "identifier" | "property" = "identifier"): Diagnostic[] {
  const basic = [...identifier(kind, name, span), ...dunder(kind, name, span)];
  if (basic.length > 0) return basic;
  if (PYTHON_KEYWORDS.has(name) || (typescript === "identifier" && TYPESCRIPT_RESERVED.has(name))) {
    return [diagnostic("WD331", `${kind} name "${name}" is a reserved word`, span, { hint: "rename it" })];
  }
  return [];
}
