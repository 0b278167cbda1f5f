/** A lint finding and the collector the checks report into. */
import type { Severity } from "../diagnostics.js";
import type { Span } from "../model.js";
import { lintRuleById } from "./rules.js";

export interface LintFinding {
  /** Rule ID, e.g. DOC_MISSING. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** The item's path: `Topic.HELLO`, `MsgKey.NONCE`. */
  readonly item: string;
  readonly span?: Span | undefined;
}

export type Report = (rule: string, item: string, message: string, span: Span | undefined) => void;

export function collector(): { readonly list: LintFinding[]; readonly report: Report } {
  const list: LintFinding[] = [];
  const report: Report = (rule, item, message, span) => {
    const r = lintRuleById(rule);
    if (r === undefined) throw new Error(`unknown lint rule: ${rule}`);
    list.push({ rule, severity: r.severity, message, item, ...(span === undefined ? {} : { span }) });
  };
  return { list, report };
}
