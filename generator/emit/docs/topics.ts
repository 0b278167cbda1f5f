/** Topic sets: one table per section with direction, replies, channels, payload keys and response keys. */
import type { Field, Payload, Topic, TopicSet } from "../../model.js";
import { anchor } from "./anchors.js";
import { deprecatedCell, heading, itemDoc, sectionTables, type Block } from "./blocks.js";
import { channelLink } from "./channels.js";
import { fieldLink, topicAnchor, topicLink } from "./links.js";
import { anchorTag, cell, code } from "./markdown.js";
import type { Refs } from "./refs.js";

const HEADERS = [
  "Name",
  "Wire value",
  "From → To",
  "Replies",
  "Channels",
  "Required keys",
  "Optional keys",
  "Payload in messages",
  "Response keys",
  "Description",
  "Deprecated",
] as const;

export function topicSetBlocks(set: TopicSet, refs: Refs): Block[] {
  return [
    heading(3, code(set.name, "text"), anchor("topics", set.name)),
    ...itemDoc(set),
    ...sectionTables(set.topics, 4, HEADERS, (t) => topicRow(t, refs)),
  ];
}

function topicRow(t: Topic, refs: Refs): string[] {
  return [
    anchorTag(topicAnchor(refs, t)) + code(t.name),
    code(t.value),
    direction(t),
    t.replies.map((r) => topicLink(refs, r, t)).join(", "),
    t.channels.map(channelLink).join(", "),
    keys(
      t.payload.fields.filter((f) => f.required),
      refs,
    ),
    optionalKeys(t.payload, refs),
    inMessage(t.payload),
    responseKeys(t, refs),
    cell(t.doc),
    deprecatedCell(t),
  ];
}

/** `trainer → engine`; a side the spec leaves open is `—`; nothing when neither is given. */
function direction(t: Topic): string {
  if (t.from === undefined && t.to === undefined) return "";
  return `${t.from === undefined ? "—" : cell(t.from.name)} → ${t.to === undefined ? "—" : cell(t.to.name)}`;
}

function keys(fields: readonly Field[], refs: Refs): string {
  return fields.map((f) => fieldLink(refs, f)).join(", ");
}

function optionalKeys(payload: Payload, refs: Refs): string {
  const listed = keys(
    payload.fields.filter((f) => !f.required),
    refs,
  );
  if (payload.unknownKeys === "allow") return listed;
  return listed === "" ? "*no other keys*" : `${listed}; *no other keys*`;
}

/**
 * The body of its response (`response:`), carried by an envelope kind that carries responses:
 * the required keys, then `optional:` and the optional ones; `*none*` for a response without keys.
 */
function responseKeys(t: Topic, refs: Refs): string {
  const r = t.response;
  if (r === undefined) return "";
  const required = keys(
    r.payload.fields.filter((f) => f.required),
    refs,
  );
  const optional = optionalKeys(r.payload, refs);
  const parts = [...(required === "" ? [] : [required]), ...(optional === "" ? [] : [`optional: ${optional}`])];
  const how = inMessage(r.payload);
  return `${parts.length === 0 ? "*none*" : parts.join("; ")}${how === "" ? "" : ` (${how})`}`;
}

/** How a message carries the payload (`present:`, `nullable:`): always present, may be null. */
function inMessage(payload: Payload): string {
  const m = payload.inMessage;
  if (m === undefined) return "";
  return [...(m.present ? ["always present"] : []), ...(m.nullable ? ["may be null"] : [])].join(", ");
}
