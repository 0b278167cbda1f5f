/**
 * Whole messages in JSON Schema: what `validateMessage` / `validate_message` accept, as `$defs`
 * named like the envelope module's types. Built from the same plan as both runtimes' message
 * validators (emit/envelope-plan.ts), so the verdicts agree:
 *
 * - `AnyMessage`: exactly one kind (`oneOf` of the kinds' `$ref`s);
 * - per kind (`RequestMessage`): its tag as a required `const`, or, told apart by the keys
 *   present, `required` for the keys it requires and `false` for the keys only other kinds declare;
 *   the common and kind fields; then, on the topic key, the known topics (an `enum` once the value
 *   is a string) and per topic an `if` (the topic's `const`) / `then` (its payload key, required
 *   when the payload is, holding the payload's `$ref`, or null too when it is nullable; before it,
 *   the kind's `when:` rules as `if`/`then`/`else` in order, each choosing its record);
 * - per kind and topic (`InitializeRequest`): the kind's schema with that topic. For a kind whose
 *   messages name no topic (a JSON-RPC response) it adds the topic's payload, what
 *   `validateMessage(value, request)` checks when it knows the answered request's topic;
 * - per `when:` rule (`FailedResponse`): the kind's schema with the rule's field holding its value.
 *
 * Channels: `<Name>Topic`, the wire values of the topics that travel on the channel.
 */
import type { Envelope, EnvelopeKind, Protocol } from "../../model.js";
import type { TargetNames } from "../../names/index.js";
import { topicsOn } from "../../conformance/shapes.js";
import { channelTopicsType, kindTypeName, messageTypeName } from "../../names/envelope.js";
import { envelopePlan, type KindPlan, type TopicCase, type WhenCase } from "../envelope-plan.js";
import type { Json } from "./json-text.js";
import { valueSchema, withDoc } from "./values.js";

type Schema = { [key: string]: Json };

/** The `AnyMessage` name of the envelope module. */
export const ANY_MESSAGE = "AnyMessage";

/** The `$defs` entries for the envelope and the channels, in a fixed order (none without them). */
export function messageDefs(protocol: Protocol, names: TargetNames): [string, Json][] {
  const out: [string, Json][] = protocol.channels.map((c) => [
    channelTopicsType(c),
    {
      title: channelTopicsType(c),
      description: [`The topics that travel on channel ${JSON.stringify(c.value)}.`, ...(c.doc === undefined ? [] : [c.doc])].join("\n\n"),
      type: "string",
      enum: topicsOn(protocol, c).map((t) => t.value),
    },
  ]);
  const plan = envelopePlan(protocol);
  if (plan === undefined) return out;
  const { envelope } = plan;
  out.push([
    ANY_MESSAGE,
    {
      title: ANY_MESSAGE,
      ...(envelope.doc === undefined ? {} : { description: envelope.doc }),
      oneOf: envelope.kinds.map((k) => ({ $ref: `#/$defs/${kindTypeName(k)}` })),
    },
  ]);
  for (const kind of plan.kinds) {
    out.push([kindTypeName(kind.kind), kindSchema(envelope, kind, names)]);
    for (const c of kind.topics) out.push([messageTypeName(kind.kind, c.topic), topicMessageSchema(kind, c, names)]);
    for (const w of kind.when) out.push([w.typeName, whenMessageSchema(kind, w)]);
  }
  return out;
}

function kindSchema(envelope: Envelope, plan: KindPlan, names: TargetNames): Json {
  const { kind } = plan;
  const schema: Schema = { title: kindTypeName(kind) };
  const description = [`A message of kind ${JSON.stringify(kind.name)}.`, kind.doc, answersText(kind)].filter((d): d is string => d !== undefined);
  schema["description"] = description.join("\n\n");
  if (kind.deprecated !== undefined) schema["deprecated"] = true;
  schema["type"] = "object";
  const properties = Object.create(null) as Schema;
  const required: string[] = [];
  const tag = envelope.tag;
  if (tag !== undefined && kind.value !== undefined) {
    properties[tag.key] = { const: kind.value };
    required.push(tag.key);
  }
  for (const field of [...envelope.fields, ...kind.fields]) {
    properties[field.key.value] = withDoc(valueSchema(field.type, names), field.key.doc, field.key.deprecated);
    if (field.required) required.push(field.key.value);
  }
  if (kind.payload?.required === true) {
    properties[kind.payload.key] ??= {};
    required.push(kind.payload.key);
  }
  // Told apart by the keys present: the keys only other kinds declare must be absent.
  if (tag === undefined) for (const key of plan.excludes) properties[key] = false;
  schema["properties"] = properties;
  if (required.length > 0) schema["required"] = [...new Set(required)];
  if (plan.topicPath.length > 0) schema["allOf"] = [knownTopics(plan), ...plan.topics.map((c) => topicPayload(plan, c, names))];
  return schema;
}

/** "Answers the `request` message whose `seq` equals its `request_seq`." */
function answersText(kind: EnvelopeKind): string | undefined {
  const a = kind.answers;
  if (a === undefined) return undefined;
  const kinds = a.kinds.map((k) => JSON.stringify(k.name)).join(" or ");
  const key = (p: { readonly keys: readonly string[] }): string => JSON.stringify(p.keys.join("."));
  return `Answers the latest earlier ${kinds} message whose ${key(a.request)} equals its ${key(a.field)}.`;
}

/** The topic value, once it is a string, is one of the kind's topics. */
function knownTopics(plan: KindPlan): Json {
  return atPath(plan.topicPath, { if: { type: "string" }, then: { enum: plan.topics.map((c) => c.topic.value) } }, false);
}

/** `if` the topic key holds this topic, `then` its payload. */
function topicPayload(plan: KindPlan, c: TopicCase, names: TargetNames): Json {
  return {
    if: atPath(plan.topicPath, { const: c.topic.value }, true),
    then: payloadSchema(plan, c, names),
  };
}

/**
 * The payload of a message of topic `c`: the kind's `when:` rules in order (the first whose field
 * holds its value chooses its record), else the topic's payload (null too when it is nullable).
 */
function payloadSchema(plan: KindPlan, c: TopicCase, names: TargetNames): Schema {
  const key = plan.kind.payload?.key;
  if (key === undefined) return {};
  const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
  const own = c.shape === undefined ? undefined : c.nullable ? { anyOf: [ref(names.type(c.shape)), { type: "null" }] } : ref(names.type(c.shape));
  let out = keyed(key, own, c.required);
  for (const w of [...plan.when].reverse()) {
    out = { if: atPath(w.path, { const: w.value }, true), then: keyed(key, ref(names.type(w.record)), w.required), else: out };
  }
  return out;
}

/** The payload key holding `schema` (not examined when undefined), required or not. */
function keyed(key: string, schema: Schema | undefined, required: boolean): Schema {
  return {
    ...(schema === undefined && !required ? {} : { properties: { [key]: schema ?? {} } }),
    ...(required ? { required: [key] } : {}),
  };
}

/** `schema` applied to the value at `keys` (nested `properties`); `required` makes the path's keys required. */
function atPath(keys: readonly string[], schema: Schema, required: boolean): Schema {
  let out = schema;
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i] ?? "";
    out = { ...(i > 0 ? { type: "object" } : {}), properties: { [key]: out }, ...(required ? { required: [key] } : {}) };
  }
  return out;
}

/** The kind's schema with one topic: its topic key holds the topic, or (no topic key) the payload is the topic's. */
function topicMessageSchema(plan: KindPlan, c: TopicCase, names: TargetNames): Json {
  const { kind } = plan;
  const channels = c.topic.channels.map((ch) => JSON.stringify(ch.value));
  const description = [
    `The ${JSON.stringify(kind.name)} message of topic ${JSON.stringify(c.topic.value)}.`,
    ...(plan.topicPath.length === 0 ? [`A ${JSON.stringify(kind.name)} message names no topic: validate one against this when it answers a request of topic ${JSON.stringify(c.topic.value)}.`] : []),
    ...(channels.length === 0 ? [] : [`Travels on ${channels.length === 1 ? "channel" : "channels"} ${channels.join(", ")}.`]),
  ];
  return {
    title: messageTypeName(kind, c.topic),
    description: description.join("\n\n"),
    ...(c.topic.deprecated === undefined ? {} : { deprecated: true }),
    $ref: `#/$defs/${kindTypeName(kind)}`,
    type: "object",
    ...(plan.topicPath.length === 0 ? payloadSchema(plan, c, names) : atPath(plan.topicPath, { const: c.topic.value }, true)),
  };
}

/** The kind's message chosen by a `when:` rule (`FailedResponse`): the kind's schema with the rule's field holding its value. */
function whenMessageSchema(plan: KindPlan, w: WhenCase): Json {
  const description = [
    `The ${JSON.stringify(plan.kind.name)} message whose ${JSON.stringify(w.path.join("."))} is ${JSON.stringify(w.value)}: its payload is ${w.record.name}.`,
    ...(w.rule.doc === undefined ? [] : [w.rule.doc]),
  ];
  return {
    title: w.typeName,
    description: description.join("\n\n"),
    $ref: `#/$defs/${kindTypeName(plan.kind)}`,
    type: "object",
    ...atPath(w.path, { const: w.value }, true),
  };
}
