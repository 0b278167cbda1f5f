/**
 * A breaking-change finding, and the collector the comparison passes around to report them.
 */
import type { Severity } from "../diagnostics.js";
import type { Span } from "../model.js";
import { rule } from "./rules.js";
import type { Category } from "./rules.js";
import type { Side } from "./side.js";

export interface Finding {
  /** Rule ID, e.g. WIRE_VALUE_CHANGED. */
  readonly rule: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly message: string;
  /** The item's path as a `breaking: accept:` entry names it: `Topic.HELLO`, `Topic.HELLO.NONCE`. */
  readonly item: string;
  /** Where it is now (for a removal: the place it was removed from). */
  readonly current?: Span | undefined;
  /** Where it was: in the lock file, or in the spec at a git ref. */
  readonly previous?: Span | undefined;
  /** Present when accepted: by a `breaking: accept:` entry (its span) or by `--accept-breaking`. */
  readonly accepted?: { readonly reason: string; readonly span?: Span | undefined } | undefined;
}

export class Findings {
  readonly list: Finding[] = [];
  readonly previous: Side;
  readonly current: Side;
  readonly severityOf: (ruleId: string) => Severity;

  constructor(previous: Side, current: Side, severityOf: (ruleId: string) => Severity) {
    this.previous = previous;
    this.current = current;
    this.severityOf = severityOf;
  }

  /** Reports one finding; the paths are in the lock's shape on each side (see side.ts). */
  report(ruleId: string, item: string, message: string, previousPath: readonly string[], currentPath: readonly string[]): void {
    const r = rule(ruleId);
    this.list.push({
      rule: r.id,
      category: r.category,
      severity: this.severityOf(r.id),
      message,
      item,
      current: this.current.spanOf(currentPath),
      previous: this.previous.spanOf(previousPath),
    });
  }
}

/** True when the finding fails `breaking`, `check` and `gen`. */
export function isBlocking(f: Finding): boolean {
  return f.severity === "error" && f.accepted === undefined;
}

/** Sorted by current position, then rule, then item: a stable order for printing and tests. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  return [...list].sort(
    (a, b) =>
      (a.current?.start ?? -1) - (b.current?.start ?? -1) ||
      (a.previous?.start ?? -1) - (b.previous?.start ?? -1) ||
      cmp(a.rule, b.rule) ||
      cmp(a.item, b.item),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
