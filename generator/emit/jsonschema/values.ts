/**
 * The JSON Schema of each value type (the README's "How each type is rendered" table): one
 * function for payload, record and envelope fields alike, so a type means the same wherever it is.
 */
import type { Constraints, Enum, ValueType } from "../../model.js";
import type { TargetNames } from "../../names/index.js";
import type { Json } from "./json-text.js";
import { unionMembers } from "../value-types.js";

/** A schema with the field's doc and deprecation in front. */
export function withDoc(schema: { [key: string]: Json }, doc: string | undefined, deprecated: string | undefined): Json {
  return {
    ...(doc === undefined ? {} : { description: doc }),
    ...(deprecated === undefined ? {} : { deprecated: true }),
    ...schema,
  };
}

export function valueSchema(type: ValueType, names: TargetNames): { [key: string]: Json } {
  switch (type.kind) {
    case "scalar":
      if (type.name === "int" || type.name === "float") return { type: SCALAR_TYPES[type.name], ...FINITE, ...constraintSchema(type.constraints) };
      if (type.name === "any" || type.name === "json") return {};
      return { type: SCALAR_TYPES[type.name], ...constraintSchema(type.constraints) };
    case "enum":
      return enumSchema(type.enum);
    case "list":
      return { type: "array", items: valueSchema(type.of, names), ...constraintSchema(type.constraints) };
    case "map":
      return { type: "object", additionalProperties: valueSchema(type.of, names) };
    case "record":
      return { $ref: `#/$defs/${names.type(type.record)}` };
    case "tagged":
      return { $ref: `#/$defs/${names.union(type.union)}` };
    case "nullable": {
      // `anyOf` rather than `type: [T, "null"]`: it holds for every T (a $ref, an enum, a union).
      const of = valueSchema(type.of, names);
      const members = Object.keys(of).length === 1 && Array.isArray(of["anyOf"]) ? of["anyOf"] : [of];
      return { anyOf: [...members, { type: "null" }] };
    }
    case "oneOf":
      return { anyOf: unionMembers(type.of).map((t) => valueSchema(t, names)) };
    case "literal":
      return { const: type.value };
  }
}

/** Closed: one of the values; open: one of the values (for documentation) or any other of the type. */
function enumSchema(e: Enum): { [key: string]: Json } {
  const int = e.valueType === "int";
  const values = e.members.map((m) => (int ? (m.intValue ?? Number(m.value)) : m.value));
  const known = { type: int ? "integer" : "string", enum: values };
  if (!e.open) return known;
  return { anyOf: [known, int ? { type: "integer", ...FINITE } : { type: "string" }] };
}

/** The constraints as JSON Schema keywords (`minimum`/`maximum` tighten the double range). */
function constraintSchema(c: Constraints | undefined): { [key: string]: Json } {
  if (c === undefined) return {};
  const out: { [key: string]: Json } = {};
  if (c.minimum !== undefined) out["minimum"] = c.minimum;
  if (c.maximum !== undefined) out["maximum"] = c.maximum;
  if (c.format !== undefined) out["format"] = c.format;
  if (c.minLength !== undefined) out["minLength"] = c.minLength;
  if (c.minItems !== undefined) out["minItems"] = c.minItems;
  return out;
}

/** Within the double range: what JavaScript reads as a finite number. */
const FINITE = { minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE } as const;

const SCALAR_TYPES = { string: "string", int: "integer", float: "number", bool: "boolean" } as const;
