/** Printing lint findings: `file:L:C warning RULE_ID: message`, with a code frame when the source is known. */
import { codeFrame, formatLocation } from "../diagnostics.js";
import type { LintFinding } from "./finding.js";

export function formatLintFinding(f: LintFinding, sources: ReadonlyMap<string, string> = new Map()): string {
  const where = f.span === undefined ? "" : `${formatLocation(f.span)} `;
  const lines = [`${where}${f.severity} ${f.rule}: ${f.message}`];
  const text = f.span === undefined ? undefined : sources.get(f.span.file);
  if (f.span !== undefined && text !== undefined) lines.push(codeFrame(text, f.span));
  return lines.join("\n");
}
