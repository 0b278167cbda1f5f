/** Shared pieces: headings with stable anchors, deprecation notes, member tables by section. */
import type { Item, Member } from "../../model.js";
import { docBlock } from "./doc-block.js";
import { anchorTag, cell, headingText } from "./markdown.js";
import { bySection } from "./sections.js";
import { table } from "./table.js";

/** A run of Markdown lines; a document is blocks separated by one blank line. */
export type Block = readonly string[];

export function heading(level: number, text: string, anchor?: string): Block {
  const target = anchor === undefined ? "" : anchorTag(anchor);
  return [`${"#".repeat(level)} ${target}${text}`];
}

/** The Deprecated column: empty, `yes`, or `yes: <reason>`. */
export function deprecatedCell(item: Item): string {
  if (item.deprecated === undefined) return "";
  const reason = cell(item.deprecated);
  return reason === "" ? "yes" : `yes: ${reason}`;
}

/** A set's own doc and deprecation, as blocks under its heading. */
export function itemDoc(item: Item): Block[] {
  const blocks: Block[] = [];
  if (item.deprecated !== undefined) {
    const reason = cell(item.deprecated);
    blocks.push([reason === "" ? "**Deprecated.**" : `**Deprecated:** ${reason}`]);
  }
  const doc = docBlock(item.doc);
  if (doc.length > 0) blocks.push(doc);
  return blocks;
}

/** One table per section (its title as a heading at `level`), members in spec order. */
export function sectionTables<M extends Member>(
  members: readonly M[],
  level: number,
  headers: readonly string[],
  row: (m: M) => readonly string[],
): Block[] {
  const blocks: Block[] = [];
  for (const run of bySection(members)) {
    if (run.section !== undefined) {
      blocks.push(heading(level, headingText(run.section.title)));
      const doc = docBlock(run.section.doc);
      if (doc.length > 0) blocks.push(doc);
    }
    blocks.push(table(headers, run.members.map(row)));
  }
  return blocks;
}
