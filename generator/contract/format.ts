/** Printing findings: `file:L:C severity RULE_ID (category): message`, then where it was. */
import { formatLocation } from "../diagnostics.js";
import type { Finding } from "./finding.js";

export function formatFinding(f: Finding): string {
  const where = f.current === undefined ? "" : `${formatLocation(f.current)} `;
  const status = f.accepted === undefined ? f.severity : "accepted";
  const lines = [`${where}${status} ${f.rule} (${f.category}): ${f.message}`];
  if (f.previous !== undefined) lines.push(`  was: ${formatLocation(f.previous)}`);
  if (f.accepted !== undefined) {
    const at = f.accepted.span === undefined ? "" : ` (${formatLocation(f.accepted.span)})`;
    lines.push(`  accepted: ${f.accepted.reason}${at}`);
  }
  return lines.join("\n");
}

/** "3 breaking changes (2 wire, 1 source), 1 accepted" */
export function summarizeFindings(list: readonly Finding[]): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const wire = list.filter((f) => f.category === "wire").length;
  const accepted = list.filter((f) => f.accepted !== undefined).length;
  const parts = [`${count(list.length, "breaking change")} (${wire} wire, ${list.length - wire} source)`];
  if (accepted > 0) parts.push(`${accepted} accepted`);
  return parts.join(", ");
}
