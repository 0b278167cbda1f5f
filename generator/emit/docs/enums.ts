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
    ...kindNote(e),
    ...sectionTables(e.members, 4, HEADERS, (m) => memberRow(e, m)),
  ];
}

function memberRow(e: Enum, m: EnumMember): string[] {
  return [anchorTag(anchor("enum", e.name, m.name)) + code(m.name), code(m.value), cell(m.doc), deprecatedCell(m)];
}

/** What an integer or open enum's values are; nothing for a closed string enum. */
function kindNote(e: Enum): Block[] {
  if (e.valueType === "string" && !e.open) return [];
  const values = e.valueType === "int" ? "integers" : "strings";
  return [[e.open ? `Open: the values below are the known ones; any other ${e.valueType === "int" ? "integer" : "string"} is valid too.` : `The values are ${values}.`]];
}
