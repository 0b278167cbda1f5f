/** CHANNEL, PROTOCOL_VERSION and the spec's extra constants. */
import type { Constant, Protocol } from "../../model.js";
import { deprecatedCell, type Block } from "./blocks.js";
import { anchor } from "./anchors.js";
import { anchorTag, cell, code } from "./markdown.js";
import { table } from "./table.js";

const HEADERS = ["Name", "Type", "Value", "Description", "Deprecated"] as const;

export function constantsBlock(p: Protocol): Block {
  const all = [p.channel, p.version, ...p.constants];
  return table(HEADERS, all.map(constantRow));
}

function constantRow(c: Constant): string[] {
  return [
    anchorTag(anchor("constant", c.name)) + code(c.name),
    code(c.type),
    code(valueText(c)),
    cell(c.doc),
    deprecatedCell(c),
  ];
}

/**
 * The value as the spec means it: a float keeps its point (`1.0`) and the sign of zero (`-0.0`;
 * `toFixed` and `String` drop it), a string is shown verbatim.
 */
function valueText(c: Constant): string {
  if (c.type === "float" && Object.is(c.value, -0)) return "-0.0";
  if (c.type === "float" && typeof c.value === "number" && Number.isInteger(c.value)) return c.value.toFixed(1);
  return String(c.value);
}
