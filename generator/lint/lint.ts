/**
 * `lint(p, config)`: the style and safety rules over a valid spec. Pure. Rules are turned off by
 * the spec's `lint: { disable: [...] }` plus `config.disable` (the CLI's `--disable`).
 */
import "./codes.js";
import { didYouMean, diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol, Span } from "../model.js";
import { checkDeprecations, checkDocs } from "./docs.js";
import { collector } from "./finding.js";
import type { LintFinding } from "./finding.js";
import { checkNames } from "./naming.js";
import { LINT_RULES, lintRuleById } from "./rules.js";
import { checkKeysCarried, checkRequestsHaveReplies, checkTopicsInFlows } from "./usage.js";
import { checkValues } from "./values.js";

export interface LintConfig {
  /** Rule IDs to turn off on top of the spec's `lint: disable:`. */
  readonly disable?: readonly string[];
}

export interface LintResult {
  /** In spec order (by position, then rule). */
  readonly findings: LintFinding[];
  /** Configuration problems (an unknown rule ID), WD701. */
  readonly diagnostics: Diagnostic[];
}

const CHECKS = [checkNames, checkValues, checkDocs, checkDeprecations, checkTopicsInFlows, checkKeysCarried, checkRequestsHaveReplies];

export function lint(p: Protocol, config: LintConfig = {}): LintResult {
  const requested: { rule: string; span?: Span }[] = [
    ...(p.lint?.disable ?? []).map((d) => ({ rule: d.rule, span: d.span })),
    ...(config.disable ?? []).map((rule) => ({ rule })),
  ];
  const diagnostics = requested.filter((d) => lintRuleById(d.rule) === undefined).map((d) => unknownRule(d.rule, d.span));
  const off = new Set(requested.map((d) => d.rule));
  const { list, report } = collector();
  for (const check of CHECKS) check(p, report);
  const findings = list
    .filter((f) => !off.has(f.rule))
    .sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || cmp(a.rule, b.rule) || cmp(a.item, b.item));
  return { findings, diagnostics };
}

function unknownRule(rule: string, span: Span | undefined): Diagnostic {
  const ids = LINT_RULES.map((r) => r.id);
  const near = didYouMean(rule, ids);
  return diagnostic("WD701", `unknown lint rule ${JSON.stringify(rule)}`, span, {
    hint: near === undefined ? `rules: ${ids.join(", ")}` : `did you mean ${near}?`,
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
