/**
 * The type half of messages.ts: an interface per record and topic payload, and the
 * topic → payload and topic → replies maps.
 */
import type { Field, Protocol, Topic } from "../../model.js";
import { allTopics, type ShapeView } from "../../conformance/shapes.js";
import { tsType, type TsContext } from "./messages-context.js";
import { jsDoc, propertyName, WIDTH } from "./messages-layout.js";

export function shapeDocLines(view: ShapeView, ctx: TsContext): string[] {
  const { shape } = view;
  const lines: string[] = [];
  if (shape.kind === "topic") lines.push(`Payload of \`${ctx.topicRef(shape)}\` (\`${shape.value}\`).`);
  if (shape.doc !== undefined) {
    if (lines.length > 0) lines.push("");
    lines.push(...shape.doc.split("\n"));
  }
  if (shape.deprecated !== undefined) lines.push("", `@deprecated ${shape.deprecated}`.trimEnd());
  return lines;
}

export function emitInterface(view: ShapeView, ctx: TsContext): string {
  const name = ctx.names.type(view.shape);
  const doc = jsDoc(shapeDocLines(view, ctx), "");
  if (view.fields.length === 0) return `${doc}export type ${name} = ${emptyObjectType(view)};\n`;
  return `${doc}export interface ${name} {\n${view.fields.map((f) => property(f, ctx)).join("")}}\n`;
}

/**
 * The type of a payload or record with no keys. Not `{}`, which accepts any value but null and
 * undefined (strings and numbers too): an object with no keys at all when unknown keys are
 * forbidden, any object when they are allowed.
 */
function emptyObjectType(view: ShapeView): string {
  return view.unknownKeys === "forbid" ? "Readonly<Record<string, never>>" : "Readonly<Record<string, unknown>>";
}

function property(field: Field, ctx: TsContext): string {
  const { key } = field;
  const docLines = [...(key.doc?.split("\n") ?? [])];
  if (key.deprecated !== undefined) docLines.push(`@deprecated ${key.deprecated}`.trimEnd());
  const doc = docLines.length > 0 ? jsDoc(docLines, "  ") : "";
  const optional = field.required ? "" : "?";
  return `${doc}  readonly ${propertyName(key.value)}${optional}: ${tsType(key.type, ctx)};\n`;
}

export function emitTopicMaps(protocol: Protocol, ctx: TsContext): string {
  const topics = allTopics(protocol);
  const payloads = topics.map((t) => member(ctx.topicRef(t), ctx.names.type(t)));
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
function topicMap(name: string, members: readonly string[]): string {
  if (members.length === 0) return `export type ${name} = Readonly<Record<never, never>>;\n`;
  return `export interface ${name} {\n${members.join("")}}\n`;
}

function repliesType(topic: Topic, ctx: TsContext): string {
  if (topic.replies.length === 0) return "never";
  return topic.replies.map((r) => `typeof ${ctx.topicRef(r)}`).join(" | ");
}

/** `  readonly [Topic.HELLO]: HelloPayload;`, broken the way prettier breaks a long union. */
function member(key: string, type: string): string {
  const line = `  readonly [${key}]: ${type};`;
  if (line.length <= WIDTH || !type.includes(" | ")) return line + "\n";
  if (`    ${type};`.length <= WIDTH) return `  readonly [${key}]:\n    ${type};\n`;
  return `  readonly [${key}]:\n${type
    .split(" | ")
    .map((t) => `    | ${t}`)
    .join("\n")};\n`;
}

