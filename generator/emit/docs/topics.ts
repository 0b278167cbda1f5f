/** Topic sets: one table per section with direction, replies and payload keys. */
import type { Field, Topic, TopicSet } from "../../model.js";
import { anchor } from "./anchors.js";
import { deprecatedCell, heading, itemDoc, sectionTables, type Block } from "./blocks.js";
import { fieldLink, topicAnchor, topicLink } from "./links.js";
import { anchorTag, cell, code } from "./markdown.js";
import type { Refs } from "./refs.js";

const HEADERS = [
  "Name",
  "Wire value",
  "From → To",
  "Replies",
  "Required keys",
  "Optional keys",
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
    keys(
      t.payload.fields.filter((f) => f.required),
      refs,
    ),
    optionalKeys(t, refs),
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

function optionalKeys(t: Topic, refs: Refs): string {
  const listed = keys(
    t.payload.fields.filter((f) => !f.required),
    refs,
  );
  if (t.payload.unknownKeys === "allow") return listed;
  return listed === "" ? "*no other keys*" : `${listed}; *no other keys*`;
}
