/**
 * JSON Schema (2020-12) for every record and topic payload: one bundle, `messages.schema.json`,
 * with a `$defs` entry per shape (named like the TypeScript types) and a deterministic `$id`.
 * A differential oracle for the generated validators, and a contract for other runtimes.
 *
 * Numbers are bounded by the largest double, so a schema validator rejects what the generated
 * validators reject as beyond the double range: `1e400` (Python reads inf, which `number` alone
 * accepts) and a 400-digit integer (which `integer` alone accepts; JavaScript reads Infinity).
 * What JSON Schema still judges apart is listed, by case, in conformance/semantics.ts
 * (DIFFERENCES). Issue codes, paths and messages are not part of a schema's verdict.
 */
import type { Constraints, CrossFieldRule, Enum, GeneratedFile, Protocol, TaggedUnion, ValueType } from "../../model.js";
import { listShapes, type ShapeView } from "../../conformance/shapes.js";
import type { Names, TargetNames } from "../../names/index.js";
import { generatedNotice } from "../header.js";
import { jsonText, type Json } from "./json-text.js";
import { unionMembers } from "../value-types.js";

export const SCHEMA_FILE = "messages.schema.json";

export function emitJsonSchemas(protocol: Protocol, names: Names): GeneratedFile[] {
  const dir = protocol.outputs.schema?.dir;
  if (dir === undefined) return [];
  return [{ path: `${dir}/${SCHEMA_FILE}`, text: jsonText(messagesSchema(protocol, names.typescript)) }];
}

/** The bundle as a value (what the file holds). */
export function messagesSchema(protocol: Protocol, names: TargetNames): Json {
  const defs = Object.create(null) as { [name: string]: Json };
  for (const view of listShapes(protocol)) defs[names.type(view.shape)] = shapeSchema(view, names);
  for (const u of protocol.unions) defs[names.union(u)] = unionSchema(u, names);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId(protocol),
    $comment: generatedNotice(protocol).join(" "),
    title: `${protocol.name} messages`,
    description: `Every topic payload and record of the ${protocol.name} protocol, under $defs.`,
    $defs: defs,
  };
}

export function schemaId(protocol: Protocol): string {
  return `urn:wiredefs:${protocol.name}:messages`;
}

/** `$defs` are named like the TypeScript types (`ModelExchangeMeta`, `HelloPayload`). */
function shapeSchema(view: ShapeView, names: TargetNames): Json {
  const { shape } = view;
  const description = [
    shape.kind === "topic" ? `Payload of topic ${shape.value}.` : undefined,
    shape.doc,
  ].filter((d): d is string => d !== undefined);
  // Null prototype: a wire key named `__proto__` is an own property like any other.
  const properties = Object.create(null) as { [key: string]: Json };
  // A tagged union's variant: its tag first, as a constant (what a discriminator reads).
  const variant = shape.kind === "record" ? shape.variantOf : undefined;
  if (variant !== undefined) properties[variant.union.tag] = { const: variant.value };
  for (const field of view.fields) {
    const schema = valueSchema(field.type, names);
    properties[field.key.value] = withDoc(schema, field.key.doc, field.key.deprecated);
  }
  const schema: { [key: string]: Json } = { title: names.type(shape) };
  if (description.length > 0) schema["description"] = description.join("\n\n");
  if (shape.deprecated !== undefined) schema["deprecated"] = true;
  schema["type"] = "object";
  schema["properties"] = properties;
  const required = [...(variant === undefined ? [] : [variant.union.tag]), ...view.fields.filter((f) => f.required).map((f) => f.key.value)];
  if (required.length > 0) schema["required"] = required;
  if (view.unknownKeys === "forbid") schema["additionalProperties"] = false;
  if (view.rules.length > 0) schema["allOf"] = view.rules.map(ruleSchema);
  return schema;
}

function withDoc(schema: { [key: string]: Json }, doc: string | undefined, deprecated: string | undefined): Json {
  return {
    ...(doc === undefined ? {} : { description: doc }),
    ...(deprecated === undefined ? {} : { deprecated: true }),
    ...schema,
  };
}

/**
 * A tagged union: exactly one of its variants, each a `$ref` to a record whose tag property is a
 * `const` and required, the shape OpenAPI-style discriminators and code generators read.
 */
function unionSchema(u: TaggedUnion, names: TargetNames): Json {
  const schema: { [key: string]: Json } = { title: names.union(u) };
  const description = [u.doc, `Told apart by ${JSON.stringify(u.tag)}.`].filter((d): d is string => d !== undefined);
  schema["description"] = description.join("\n\n");
  if (u.deprecated !== undefined) schema["deprecated"] = true;
  schema["oneOf"] = u.variants.map((v) => ({ $ref: `#/$defs/${names.type(v.record)}` }));
  return schema;
}

function valueSchema(type: ValueType, names: TargetNames): { [key: string]: Json } {
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

/** "If the `if` key holds one of these values, the `then` key must hold one of those." */
function ruleSchema(rule: CrossFieldRule): Json {
  return {
    $comment: `${rule.id}${rule.doc === undefined ? "" : `: ${rule.doc}`}`,
    if: {
      properties: { [rule.if.key.value]: { enum: [...rule.if.values] } },
      required: [rule.if.key.value],
    },
    then: {
      properties: { [rule.then.key.value]: { enum: [...rule.then.values] } },
    },
  };
}
