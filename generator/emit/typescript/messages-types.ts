/**
 * The type half of messages.ts: an interface per record and topic payload, a type alias per
 * tagged union, `JsonValue` when a field holds JSON, and the topic → payload and topic → replies
 * maps.
 */
import type { Protocol, Record, TaggedUnion, Topic, ValueType } from "../../model.js";
import { allTopics, listShapes, type ShapeView } from "../../conformance/shapes.js";
import { JSON_VALUE, recordType, tsType, type TsContext } from "./messages-context.js";
import { commentLines } from "../text.js";
import { changedPresence, usesJson } from "../value-types.js";
import { tsDeprecatedTag, tsDocComment } from "./defs-syntax.js";
import { jsDoc, propertyName } from "./messages-layout.js";
import { arrayOf, computed, dotted, readonlyOf, ref, toKey, typeOf, union, type PropSig, type Type } from "./ts-ast.js";
import { interfaceDecl, source, typeAlias } from "./ts-statements.js";

/** The names the type declarations of messages.ts may take for themselves. */
export const TYPE_NAMES: readonly string[] = [JSON_VALUE];

/**
 * Every type declaration, in order: `JsonValue` (only when some field holds JSON), the records'
 * interfaces, the tagged unions' aliases (after the records they join), the payloads' interfaces.
 */
export function emitTypeDecls(protocol: Protocol, ctx: TsContext): string[] {
  const shapes = listShapes(protocol);
  const records = shapes.filter((s) => s.shape.kind === "record");
  // Topic payloads, then topic responses (listShapes order).
  const topics = shapes.filter((s) => s.shape.kind !== "record");
  return [
    ...(usesJson(protocol) ? [jsonValueDecl(ctx)] : []),
    ...records.map((s) => emitInterface(s, ctx)),
    ...protocol.unions.map((u) => emitUnion(u, ctx)),
    ...topics.map((s) => emitInterface(s, ctx)),
  ];
}

/** `export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { … };` */
function jsonValueDecl(ctx: TsContext): string {
  const self = ref(JSON_VALUE);
  const object: Type = {
    kind: "literal",
    members: [{ key: toKey("[key: string]"), type: self, optional: false, readonly: ctx.readonly }],
    expanded: false,
  };
  const members = [ref("string"), ref("number"), ref("boolean"), ref("null"), ctx.readonly ? readonlyOf(arrayOf(self)) : arrayOf(self), object];
  const doc = jsDoc(["Any JSON value: what `JSON.parse` returns."], "");
  return doc + source(typeAlias(JSON_VALUE, union(members)));
}

/** `export type Reply = OkReply | ErrorReply;`, narrowed by the variants' tag literals. */
function emitUnion(u: TaggedUnion, ctx: TsContext): string {
  const head = [`One of ${u.variants.length} records, told apart by \`${u.tag}\`.`];
  const doc = commentLines(u.doc);
  const lines = doc.length > 0 ? [...doc, "", ...head] : head;
  const members = u.variants.map((v) => ref(ctx.names.type(v.record)));
  const type = members.length === 1 ? (members[0] ?? ref("never")) : union(members);
  return jsDoc(lines, "", deprecatedTags(u.deprecated)) + source(typeAlias(ctx.names.union(u), type));
}

/** The doc comment of a payload or record type: what it is, the spec's doc, its deprecation. */
function shapeDoc(view: ShapeView, ctx: TsContext): string {
  const { shape } = view;
  const lines = shape.kind === "topic" ? [`Payload of \`${ctx.topicRef(shape)}\` (\`${shape.value}\`).`] : [];
  const doc = commentLines(shape.doc);
  if (lines.length > 0 && doc.length > 0) lines.push("");
  lines.push(...doc);
  if (shape.kind === "record") {
    const notes = recordNotes(shape, ctx);
    if (lines.length > 0 && notes.length > 0) lines.push("");
    lines.push(...notes);
  }
  return jsDoc(lines, "", deprecatedTags(shape.deprecated));
}

/** What a derived record changes of its base, and which union a variant belongs to. */
function recordNotes(record: Record, ctx: TsContext): string[] {
  const notes: string[] = [];
  if (record.base !== undefined) {
    const { required, optional } = changedPresence(record);
    const list = (fields: readonly { key: { value: string } }[]): string => fields.map((f) => `\`${f.key.value}\``).join(", ");
    const changes = [
      ...(required.length > 0 ? [`${list(required)} required`] : []),
      ...(optional.length > 0 ? [`${list(optional)} optional`] : []),
    ];
    const base = `\`${ctx.names.type(record.base)}\``;
    notes.push(changes.length === 0 ? `The fields of ${base}.` : `The fields of ${base}, with ${changes.join(" and ")}.`);
  }
  if (record.variantOf !== undefined) {
    const { union: u, value } = record.variantOf;
    notes.push(`The \`${ctx.names.union(u)}\` whose \`${u.tag}\` is ${JSON.stringify(value)}.`);
  }
  return notes;
}

export function emitInterface(view: ShapeView, ctx: TsContext): string {
  const name = ctx.names.type(view.shape);
  const doc = shapeDoc(view, ctx);
  const props = [...tagProperty(view, ctx), ...view.fields.map((f) => property(f, ctx))];
  if (props.length === 0) return doc + source(typeAlias(name, emptyObjectType(view, ctx)));
  return doc + source(interfaceDecl(name, props));
}

/**
 * The type of a payload or record with no keys. Not `{}`, which accepts any value but null and
 * undefined (strings and numbers too): an object with no keys at all when unknown keys are
 * forbidden, any object when they are allowed.
 */
function emptyObjectType(view: ShapeView, ctx: TsContext): Type {
  return recordType(ref("string"), ref(view.unknownKeys === "forbid" ? "never" : "unknown"), ctx);
}

/** A tagged union's variant carries its tag first, as a literal: `readonly status: "ok";`. */
function tagProperty(view: ShapeView, ctx: TsContext): PropSig[] {
  const variant = view.shape.kind === "record" ? view.shape.variantOf : undefined;
  if (variant === undefined) return [];
  const tag: ValueType = { kind: "literal", value: variant.value };
  return [{ key: toKey(propertyName(variant.union.tag)), type: tsType(tag, ctx), optional: false, readonly: ctx.readonly }];
}

interface FieldLike {
  readonly key: { readonly value: string; readonly doc?: string | undefined; readonly deprecated?: string | undefined };
  readonly type: ValueType;
  readonly required: boolean;
}

function property(field: FieldLike, ctx: TsContext): PropSig {
  const { key } = field;
  const comments = tsDocComment(commentLines(key.doc), deprecatedTags(key.deprecated), 2);
  const sig = { key: toKey(propertyName(key.value)), type: tsType(field.type, ctx), optional: !field.required, readonly: ctx.readonly };
  return comments.length === 0 ? sig : { ...sig, comments };
}

function deprecatedTags(reason: string | undefined): string[] {
  return reason === undefined ? [] : tsDeprecatedTag(commentLines(reason));
}

/** The names the topic maps declare. */
export const TOPIC_MAP_NAMES: readonly string[] = ["PayloadByTopic", "RepliesByTopic", "TopicWithPayload"];

export function emitTopicMaps(protocol: Protocol, ctx: TsContext): string {
  const topics = allTopics(protocol);
  const payloads = topics.map((t) => member(ctx.topicRef(t), ref(ctx.names.type(t)), ctx));
  const replies = topics.map((t) => member(ctx.topicRef(t), repliesType(t, ctx), ctx));
  return [
    jsDoc(["The payload type of every topic, keyed by wire string: `PayloadByTopic[typeof Topic.HELLO]`."], ""),
    topicMap("PayloadByTopic", payloads, ctx),
    "\n",
    jsDoc(["The topics a peer may answer each topic with (`never`: not a request)."], ""),
    topicMap("RepliesByTopic", replies, ctx),
    "\n",
    jsDoc(["Every topic wire string that has a payload type."], ""),
    source(typeAlias("TopicWithPayload", { kind: "keyof", of: ref("PayloadByTopic") })),
  ].join("");
}

/**
 * A topic-keyed map. With no topics it is a type with no keys at all (`keyof` is `never`, so
 * `TopicWithPayload` is `never`); not an empty interface, which prettier would rewrite and
 * linters reject.
 */
function topicMap(name: string, members: readonly PropSig[], ctx: TsContext): string {
  if (members.length === 0) return source(typeAlias(name, recordType(ref("never"), ref("never"), ctx)));
  return source(interfaceDecl(name, members));
}

function repliesType(topic: Topic, ctx: TsContext): Type {
  if (topic.replies.length === 0) return ref("never");
  const types = topic.replies.map((r) => typeOf(ctx.topicRef(r)));
  return types.length === 1 ? (types[0] ?? ref("never")) : union(types);
}

/** `readonly [Topic.HELLO]: Type;` */
function member(key: string, type: Type, ctx: TsContext): PropSig {
  return { key: computed(dotted(key)), type, optional: false, readonly: ctx.readonly };
}
