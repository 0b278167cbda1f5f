/**
 * The type half of messages.ts: an interface per record and topic payload, and the
 * topic → payload and topic → replies maps.
 */
import type { Field, Protocol, Topic } from "../../model.js";
import { allTopics, type ShapeView } from "../../conformance/shapes.js";
import { tsType, type TsContext } from "./messages-context.js";
import { commentLines } from "../text.js";
import { tsDeprecatedTag, tsDocComment } from "./defs-syntax.js";
import { jsDoc, propertyName } from "./messages-layout.js";
import { computed, dotted, readonlyRecord, ref, toKey, typeOf, union, type PropSig, type Type } from "./ts-ast.js";
import { interfaceDecl, source, typeAlias } from "./ts-statements.js";

/** The doc comment of a payload or record type: what it is, the spec's doc, its deprecation. */
function shapeDoc(view: ShapeView, ctx: TsContext): string {
  const { shape } = view;
  const lines = shape.kind === "topic" ? [`Payload of \`${ctx.topicRef(shape)}\` (\`${shape.value}\`).`] : [];
  const doc = commentLines(shape.doc);
  if (lines.length > 0 && doc.length > 0) lines.push("");
  lines.push(...doc);
  return jsDoc(lines, "", deprecatedTags(shape.deprecated));
}

export function emitInterface(view: ShapeView, ctx: TsContext): string {
  const name = ctx.names.type(view.shape);
  const doc = shapeDoc(view, ctx);
  if (view.fields.length === 0) return doc + source(typeAlias(name, emptyObjectType(view)));
  return doc + source(interfaceDecl(name, view.fields.map((f) => property(f, ctx))));
}

/**
 * The type of a payload or record with no keys. Not `{}`, which accepts any value but null and
 * undefined (strings and numbers too): an object with no keys at all when unknown keys are
 * forbidden, any object when they are allowed.
 */
function emptyObjectType(view: ShapeView): Type {
  return readonlyRecord(ref("string"), ref(view.unknownKeys === "forbid" ? "never" : "unknown"));
}

function property(field: Field, ctx: TsContext): PropSig {
  const { key } = field;
  const comments = tsDocComment(commentLines(key.doc), deprecatedTags(key.deprecated), 2);
  const sig = { key: toKey(propertyName(key.value)), type: tsType(key.type, ctx), optional: !field.required, readonly: true };
  return comments.length === 0 ? sig : { ...sig, comments };
}

function deprecatedTags(reason: string | undefined): string[] {
  return reason === undefined ? [] : tsDeprecatedTag(commentLines(reason));
}

/** The names the topic maps declare. */
export const TOPIC_MAP_NAMES: readonly string[] = ["PayloadByTopic", "RepliesByTopic", "TopicWithPayload"];

export function emitTopicMaps(protocol: Protocol, ctx: TsContext): string {
  const topics = allTopics(protocol);
  const payloads = topics.map((t) => member(ctx.topicRef(t), ref(ctx.names.type(t))));
  const replies = topics.map((t) => member(ctx.topicRef(t), repliesType(t, ctx)));
  return [
    jsDoc(["The payload type of every topic, keyed by wire string: `PayloadByTopic[typeof Topic.HELLO]`."], ""),
    topicMap("PayloadByTopic", payloads),
    "\n",
    jsDoc(["The topics a peer may answer each topic with (`never`: not a request)."], ""),
    topicMap("RepliesByTopic", replies),
    "\n",
    jsDoc(["Every topic wire string that has a payload type."], ""),
    "export type TopicWithPayload = keyof PayloadByTopic;\n",
  ].join("");
}

/**
 * A topic-keyed map. With no topics it is a type with no keys at all (`keyof` is `never`, so
 * `TopicWithPayload` is `never`); not an empty interface, which prettier would rewrite and
 * linters reject.
 */
function topicMap(name: string, members: readonly PropSig[]): string {
  if (members.length === 0) return source(typeAlias(name, readonlyRecord(ref("never"), ref("never"))));
  return source(interfaceDecl(name, members));
}

function repliesType(topic: Topic, ctx: TsContext): Type {
  if (topic.replies.length === 0) return ref("never");
  const types = topic.replies.map((r) => typeOf(ctx.topicRef(r)));
  return types.length === 1 ? (types[0] ?? ref("never")) : union(types);
}

/** `readonly [Topic.HELLO]: Type;` */
function member(key: string, type: Type): PropSig {
  return { key: computed(dotted(key)), type, optional: false, readonly: true };
}
