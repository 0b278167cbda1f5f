/** Markdown describing an item of the spec: what an editor shows on hover and beside a completion. */
import type { Item } from "./outline.js";
import { entries, stringItems, stringValue, valueOf } from "./outline.js";

const NOUNS: { readonly [kind in Item["kind"]]: string } = {
  actor: "actor",
  enum: "enum",
  member: "enum member",
  keySet: "key set",
  key: "key",
  topicSet: "topic set",
  topic: "topic",
  record: "record",
  union: "union",
  flow: "flow",
  constant: "constant",
};

/** The built-in key types and what a value of each is. */
export const BUILT_IN_TYPES: ReadonlyMap<string, string> = new Map([
  ["string", "A JSON string."],
  ["int", "A JSON number that is a whole number."],
  ["float", "A JSON number."],
  ["bool", "true or false."],
  ["any", "Anything (typed `unknown`)."],
  ["json", "Any JSON value: null, a bool, a finite number, a string, a list or an object of JSON values (TypeScript `JsonValue`)."],
  ["null", "As a union member, the value may be `null`: `int | null` (distinct from `optional`, a key that may be absent)."],
]);

/** One line naming the item: `topic Topic.HELLO`. */
export function title(item: Item): string {
  return `${NOUNS[item.kind]} ${item.qualified}`;
}

/** Facts about the item beyond its doc, as short Markdown lines. */
export function facts(item: Item): string[] {
  const node = item.node;
  const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
  const out: string[] = [];
  const type = stringValue(valueOf(node, "type"));
  if (type !== undefined) out.push(`type ${code(type)}`);
  if (item.kind === "member" || item.kind === "key" || item.kind === "topic") {
    const explicit = stringValue(valueOf(node, "value"));
    const derived = `${item.kind === "member" ? "" : (item.setPrefix ?? "")}${item.name.toLowerCase()}`;
    out.push(`wire value ${code(JSON.stringify(explicit ?? derived))}`);
  }
  if (item.kind === "constant") {
    const value = valueOf(node, "value");
    const written = value !== null && typeof value === "object" && "source" in value ? String((value as { source: unknown }).source) : undefined;
    if (written !== undefined) out.push(`value ${code(written)}`);
  }
  const from = stringValue(valueOf(node, "from"));
  const to = stringValue(valueOf(node, "to"));
  if (from !== undefined || to !== undefined) out.push(`from ${code(from ?? "?")} to ${code(to ?? "?")}`);
  const replies = stringItems(valueOf(node, "replies"));
  if (replies.length > 0) out.push(`replies ${replies.map(code).join(", ")}`);
  const payload = valueOf(node, "payload");
  for (const list of ["required", "optional"]) {
    const keys = stringItems(valueOf(payload ?? node, list));
    if (keys.length > 0) out.push(`${list} ${keys.map(code).join(", ")}`);
  }
  if (item.keySet !== undefined && (item.kind === "topicSet" || item.kind === "record")) out.push(`keys from ${code(item.keySet)}`);
  if (item.members.size > 0 && item.kind !== "enum") out.push(`${item.members.size} ${item.kind === "keySet" ? "keys" : "topics"}`);
  const deprecated = valueOf(node, "deprecated");
  if (deprecated !== undefined) out.push(`deprecated${stringValue(deprecated) === undefined ? "" : `: ${stringValue(deprecated) ?? ""}`}`);
  if (item.kind === "enum") out.push(`values ${entries(valueOf(node, "values")).map(([n]) => code(n)).join(", ")}`);
  return out;
}

export function markdown(item: Item): string {
  const parts = [`**${NOUNS[item.kind]}** \`${item.qualified}\``];
  if (item.doc !== undefined && item.doc.trim() !== "") parts.push(item.doc.trim());
  const more = facts(item);
  if (more.length > 0) parts.push(more.join(" · "));
  return parts.join("\n\n");
}
