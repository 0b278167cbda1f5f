/**
 * A resolved type as the spec writes it (`list<int | null>`, `Position`, `"2.0"`): one text for the
 * loader's messages and duplicate checks, and — with its constraints (`int[min=1]`) — for the lock.
 */
import type { Constraints, ValueType } from "./model.js";

export function typeText(t: ValueType, options: { readonly constraints?: boolean } = {}): string {
  const inner = (x: ValueType): string => typeText(x, options);
  const limits = (c: Constraints | undefined): string => (options.constraints === true ? constraintText(c) : "");
  switch (t.kind) {
    case "scalar":
      return t.name + limits(t.constraints);
    case "enum":
      return t.enum.name;
    case "record":
      return t.record.name;
    case "tagged":
      return t.union.name;
    case "list":
      return `list<${inner(t.of)}>${limits(t.constraints)}`;
    case "map":
      return `map<${inner(t.of)}>`;
    case "nullable":
      return `${inner(t.of)} | null`;
    case "oneOf":
      return t.of.map(inner).join(" | ");
    case "literal":
      return JSON.stringify(t.value);
  }
}

/** `[min=1,max=9]`: the constraints in a fixed order; empty for none. */
function constraintText(c: Constraints | undefined): string {
  if (c === undefined) return "";
  const parts = [
    c.minimum === undefined ? "" : `min=${String(c.minimum)}`,
    c.maximum === undefined ? "" : `max=${String(c.maximum)}`,
    c.format === undefined ? "" : `format=${c.format}`,
    c.minLength === undefined ? "" : `min_length=${String(c.minLength)}`,
    c.minItems === undefined ? "" : `min_items=${String(c.minItems)}`,
  ].filter((x) => x !== "");
  return parts.length === 0 ? "" : `[${parts.join(",")}]`;
}
