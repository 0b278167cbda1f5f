/** Key sets: one table per section with each key's wire value and type. */
import type { Key, KeySet } from "../../model.js";
import { anchor } from "./anchors.js";
import { deprecatedCell, heading, itemDoc, sectionTables, type Block } from "./blocks.js";
import { keyAnchor, typeText } from "./links.js";
import { anchorTag, cell, code } from "./markdown.js";
import type { Refs } from "./refs.js";

const HEADERS = ["Name", "Wire value", "Type", "Description", "Deprecated"] as const;

export function keySetBlocks(set: KeySet, refs: Refs): Block[] {
  return [
    heading(3, code(set.name, "text"), anchor("keys", set.name)),
    ...itemDoc(set),
    ...sectionTables(set.keys, 4, HEADERS, (k) => keyRow(k, refs)),
  ];
}

function keyRow(k: Key, refs: Refs): string[] {
  return [
    anchorTag(keyAnchor(refs, k)) + code(k.name),
    code(k.value),
    typeText(k.type),
    cell(k.doc),
    deprecatedCell(k),
  ];
}
