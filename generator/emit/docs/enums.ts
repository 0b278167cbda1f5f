/** Enums: one table per section with each member's wire value. */
import type { Enum, EnumMember } from "../../model.js";
import { anchor } from "./anchors.js";
import { deprecatedCell, heading, itemDoc, sectionTables, type Block } from "./blocks.js";
import { enumAnchor } from "./links.js";
import { anchorTag, cell, code } from "./markdown.js";

const HEADERS = ["Name", "Wire value", "Description", "Deprecated"] as const;

export function enumBlocks(e: Enum): Block[] {
  return [
    heading(3, code(e.name, "text"), enumAnchor(e)),
    ...itemDoc(e),
    ...sectionTables(e.members, 4, HEADERS, (m) => memberRow(e, m)),
  ];
}

function memberRow(e: Enum, m: EnumMember): string[] {
  return [anchorTag(anchor("enum", e.name, m.name)) + code(m.name), code(m.value), cell(m.doc), deprecatedCell(m)];
}
