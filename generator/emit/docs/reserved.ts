/** Reserved values: wire strings that must never be used. */
import type { Reserved, ReservedValue } from "../../model.js";
import type { Block } from "./blocks.js";
import { lineStart } from "./doc-block.js";
import { code, flat } from "./markdown.js";

export function reservedBlock(reserved: readonly Reserved[]): Block {
  const lines: string[] = [];
  reserved.forEach((r, i) => {
    const doc = flat(r.doc, "text");
    lines.push(`${i + 1}. ${doc === "" ? "Reserved:" : lineStart(doc)}`);
    for (const [label, values] of [
      ["Channels", r.channels],
      ["Topics", r.topics],
      ["Keys", r.keys],
    ] as const) {
      if (values.length > 0) lines.push(`   - ${label}: ${list(values)}`);
    }
  });
  return lines;
}

function list(values: readonly ReservedValue[]): string {
  return values.map((v) => code(v.value, "text")).join(", ");
}
