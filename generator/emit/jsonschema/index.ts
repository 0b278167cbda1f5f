/**
 * JSON Schema (2020-12) for every record and topic payload: one bundle, `messages.schema.json`,
 * with a `$defs` entry per shape (named like the TypeScript types) and a deterministic `$id`;
 * with an envelope, whole messages too (messages.ts), and the bundle itself is `AnyMessage`.
 * A differential oracle for the generated validators, and a contract for other runtimes.
 *
 * Numbers are bounded by the largest double, so a schema validator rejects what the generated
 * validators reject as beyond the double range: `1e400` (Python reads inf, which `number` alone
 * accepts) and a 400-digit integer (which `integer` alone accepts; JavaScript reads Infinity).
 * What JSON Schema still judges apart is listed, by case, in conformance/semantics.ts
 * (DIFFERENCES). Issue codes, paths and messages are not part of a schema's verdict.
 */
import type { CrossFieldRule, GeneratedFile, Protocol, TaggedUnion } from "../../model.js";
import { listShapes, type ShapeView } from "../../conformance/shapes.js";
import type { Names, TargetNames } from "../../names/index.js";
import { generatedNotice } from "../header.js";
import { jsonText, type Json } from "./json-text.js";
import { ANY_MESSAGE, messageDefs } from "./messages.js";
import { valueSchema, withDoc } from "./values.js";

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
  for (const [name, schema] of messageDefs(protocol, names)) defs[name] = schema;
  const whole = protocol.envelope !== undefined;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId(protocol),
    $comment: generatedNotice(protocol).join(" "),
    title: `${protocol.name} messages`,
    description: whole
      ? `A whole message of the ${protocol.name} protocol (${ANY_MESSAGE}); every message, topic payload and record under $defs.`
      : `Every topic payload and record of the ${protocol.name} protocol, under $defs.`,
    ...(whole ? { $ref: `#/$defs/${ANY_MESSAGE}` } : {}),
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
