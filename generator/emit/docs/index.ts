/**
 * The docs target: one Markdown protocol reference per spec, for reviewers. Pure: the model in,
 * one file out. Deterministic (no dates), LF only, one trailing newline, anchors derived from
 * spec names only.
 */
import type { GeneratedFile, Protocol } from "../../model.js";
import { generatedNotice } from "../header.js";
import { GROUP, anchor } from "./anchors.js";
import { heading, itemDoc, type Block } from "./blocks.js";
import { channelBlocks } from "./channels.js";
import { constantsBlock } from "./constants.js";
import { docBlock } from "./doc-block.js";
import { enumBlocks } from "./enums.js";
import { envelopeBlocks, kindAnchor } from "./kinds.js";
import { keySetBlocks } from "./keys.js";
import { code, commentText, headingText, link } from "./markdown.js";
import { flowDiagram } from "./mermaid.js";
import { recordBlocks, unionBlocks } from "./records.js";
import { buildRefs } from "./refs.js";
import { reservedBlock } from "./reserved.js";
import { topicSetBlocks } from "./topics.js";

export function emitDocs(p: Protocol): GeneratedFile[] {
  const docs = p.outputs.docs;
  if (docs === undefined) return [];
  const dir = docs.dir.replace(/\/+$/, "");
  return [{ path: `${dir === "" ? "" : `${dir}/`}${p.name}.md`, text: renderDocs(p) }];
}

/** The whole reference as Markdown text. */
export function renderDocs(p: Protocol): string {
  const blocks: Block[] = [notice(p), heading(1, headingText(title(p)))];
  const doc = docBlock(p.doc);
  if (doc.length > 0) blocks.push(doc);
  const groups = groupsOf(p);
  blocks.push(contents(groups));
  for (const g of groups) blocks.push(heading(2, g.title, g.anchor), ...g.blocks);
  return blocks.map((b) => b.join("\n")).join("\n\n") + "\n";
}

function notice(p: Protocol): Block {
  return ["<!--", ...generatedNotice(p).map(commentText), "-->"];
}

function title(p: Protocol): string {
  const t = p.title?.trim() ?? "";
  return (t === "" ? p.name : t).replace(/\.$/, "");
}

interface Group {
  readonly title: string;
  readonly anchor: string;
  /** Entries for the contents list: label and anchor of each item in the group. */
  readonly entries: readonly (readonly [string, string])[];
  readonly blocks: readonly Block[];
}

function groupsOf(p: Protocol): Group[] {
  const refs = buildRefs(p);
  const groups: Group[] = [{ title: "Constants", anchor: GROUP.constants, entries: [], blocks: [constantsBlock(p)] }];
  const add = <T extends { readonly name: string }>(
    title: string,
    id: string,
    kind: string,
    items: readonly T[],
    render: (item: T) => Block[],
  ): void => {
    if (items.length === 0) return;
    groups.push({
      title,
      anchor: id,
      entries: items.map((i) => [i.name, anchor(kind, i.name)] as const),
      blocks: items.flatMap(render),
    });
  };
  add("Channels", GROUP.channels, "channel", p.channels, (c) => channelBlocks(p, c, refs));
  const envelope = p.envelope;
  if (envelope !== undefined) {
    groups.push({
      title: "Envelope",
      anchor: GROUP.envelope,
      entries: envelope.kinds.map((k) => [k.name, kindAnchor(k)] as const),
      blocks: envelopeBlocks(p),
    });
  }
  add("Topics", GROUP.topics, "topics", p.topicSets, (s) => topicSetBlocks(s, refs));
  add("Keys", GROUP.keys, "keys", p.keySets, (s) => keySetBlocks(s, refs));
  add("Enums", GROUP.enums, "enum", p.enums, enumBlocks);
  add("Records", GROUP.records, "record", p.records, (r) => recordBlocks(r, refs));
  add("Unions", GROUP.unions, "union", p.unions, unionBlocks);
  add("Flows", GROUP.flows, "flow", p.flows, (f) => [
    heading(3, code(f.name, "text"), anchor("flow", f.name)),
    ...itemDoc(f),
    flowDiagram(f, refs),
  ]);
  if (p.reserved.length > 0) {
    groups.push({
      title: "Reserved values",
      anchor: GROUP.reserved,
      entries: [],
      blocks: [["Never to be used as a channel, topic or key."], reservedBlock(p.reserved)],
    });
  }
  return groups;
}

function contents(groups: readonly Group[]): Block {
  const lines: string[] = [];
  for (const g of groups) {
    lines.push(`- ${link(g.title, g.anchor)}`);
    for (const [name, id] of g.entries) lines.push(`  - ${link(code(name, "text"), id)}`);
  }
  return lines;
}
