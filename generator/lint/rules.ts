/**
 * The lint rules: style and safety checks of a spec that is already valid. Each has a stable
 * UPPER_SNAKE ID, a purpose and a severity; every rule can be turned off with
 * `lint: { disable: [ID] }` in the spec or `wiredefs lint --disable ID`.
 */
import type { Severity } from "../diagnostics.js";

export interface LintRule {
  readonly id: string;
  readonly severity: Severity;
  readonly purpose: string;
}

export const LINT_RULES: readonly LintRule[] = [
  { id: "CONSTANT_NAME_UPPER_SNAKE_CASE", severity: "warning", purpose: "Constant, enum member, key and topic names are UPPER_SNAKE_CASE." },
  { id: "SET_NAME_PASCAL_CASE", severity: "warning", purpose: "Enum, key set, topic set, record and union names are PascalCase." },
  { id: "WIRE_VALUE_CASE_CONSISTENT", severity: "warning", purpose: "The wire values of one set share one case style (snake_case, kebab-case, camelCase…); int enums have none." },
  { id: "WIRE_VALUE_PREFIX_CONSISTENT", severity: "warning", purpose: "The wire values of one set share its prefix (the declared one, or the one most of them use)." },
  { id: "DOC_MISSING", severity: "warning", purpose: "Every public item has a doc: protocol, constants, actors, sets, keys, topics, records, unions, flows (local fields and enum members excepted)." },
  { id: "TOPIC_UNUSED", severity: "warning", purpose: "Every topic appears in a flow (when the spec has flows)." },
  { id: "KEY_UNUSED", severity: "warning", purpose: "Every key is carried by some topic's payload or some record." },
  { id: "REQUEST_WITHOUT_REPLIES", severity: "warning", purpose: "A topic a flow shows being answered declares its replies." },
  { id: "DEPRECATED_WITHOUT_REASON", severity: "warning", purpose: "A deprecation says why, and what to use instead." },
];

export function lintRuleById(id: string): LintRule | undefined {
  return LINT_RULES.find((r) => r.id === id);
}
