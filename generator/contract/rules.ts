/**
 * The breaking-change rules, one entry each, in the style of buf's: a stable UPPER_SNAKE ID, a
 * category and a one-line purpose. `wire`: peers built from the two versions stop understanding
 * each other. `source`: code that uses the generated names stops compiling.
 *
 * Every rule fails `breaking`, `check` and `gen` until accepted, except VERSION_NOT_BUMPED, a
 * warning unless the spec sets `breaking: { require_version_bump: true }`.
 */
import type { Severity } from "../diagnostics.js";

export type Category = "wire" | "source";

export interface Rule {
  readonly id: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly purpose: string;
}

const wire = (id: string, purpose: string, severity: Severity = "error"): Rule => ({ id, category: "wire", severity, purpose });
const source = (id: string, purpose: string): Rule => ({ id, category: "source", severity: "error", purpose });

export const RULES: readonly Rule[] = [
  wire("CHANNEL_CHANGED", "The channel every message travels on keeps its value."),
  wire("VERSION_DECREASED", "The protocol version never goes down."),
  wire("VERSION_NOT_BUMPED", "A wire-breaking change comes with a higher protocol version.", "warning"),
  wire("WIRE_VALUE_REMOVED", "A topic or payload key is not removed (its wire value stays understood)."),
  wire("WIRE_VALUE_CHANGED", "A topic, key or enum member keeps its wire value under the same name."),
  wire("ENUM_REMOVED", "An enum is not removed with its values."),
  wire("ENUM_VALUE_REMOVED", "An enum keeps every value it had."),
  wire("KEY_TYPE_CHANGED", "A key or local field keeps a type compatible with its old one."),
  wire("KEY_TYPE_NARROWED", "A key's or local field's type accepts every value it accepted (float→int, string→enum, any→T, T | null→T, A | B→A narrow)."),
  wire("CONSTRAINT_TIGHTENED", "A key's or local field's constraints accept every value they accepted (no higher min, lower max, new format, longer min_length or min_items)."),
  wire("ENUM_CLOSED", "An open enum stays open (closing it rejects the other values peers send)."),
  wire("ENUM_VALUE_TYPE_CHANGED", "An enum keeps the type of its values (string or int)."),
  wire("REQUIRED_KEY_ADDED", "An existing payload or record gains no required key."),
  wire("OPTIONAL_KEY_MADE_REQUIRED", "An optional key of a payload or record does not become required."),
  wire("REQUIRED_KEY_MADE_OPTIONAL", "A required key does not become optional (old receivers still require it)."),
  wire("PAYLOAD_KEY_REMOVED", "A payload drops no required key, nor an optional one when unknown keys are forbidden."),
  wire("UNKNOWN_KEYS_FORBIDDEN", "A payload or record that allowed unknown keys keeps allowing them."),
  wire("TOPIC_DIRECTION_CHANGED", "A topic keeps its sender and receiver."),
  wire("RECORD_RULE_TIGHTENED", "A record gains no cross-field rule and no rule rejects more than before."),
  wire("RESERVED_VALUE_REUSED", "A value reserved before is not used now."),
  wire("RESERVED_VALUE_REMOVED", "A reserved value stays reserved."),
  wire("CONSTANT_VALUE_CHANGED", "A shared constant keeps its type and value."),
  wire("TOPIC_CHANNEL_CHANGED", "A topic keeps travelling on every channel it did (more channels are safe)."),
  wire("ENVELOPE_TAG_CHANGED", "The envelope's tag key and each kind's tag value stay; no kind is removed."),
  wire("ENVELOPE_FIELD_CHANGED", "An envelope field keeps its type and presence; none is removed, no required one added."),
  wire("ENVELOPE_KIND_CHANGED", "A kind keeps its topic key, payload key, correlation, topic sets and responses; a topic's payload keeps its present and nullable; no when-rule is added, changed or removed."),
  wire("RESPONSE_CHANGED", "A topic's response body keeps its keys, their presence, its unknown keys, and its present and nullable."),
  wire("UNION_REMOVED", "A tagged union is not removed with its variants."),
  wire("UNION_TAG_CHANGED", "A tagged union keeps the wire key of its tag."),
  wire("UNION_VARIANT_REMOVED", "A tagged union keeps every tag value it had."),
  wire("UNION_VARIANT_ADDED", "A new tag value is a warning: receivers on the old version report it as an unknown tag.", "warning"),
  source("NAME_CHANGED", "A wire value keeps its generated name (topic, key, enum member or enum)."),
  source("CONSTANT_REMOVED", "A constant's generated name is not removed."),
  source("RECORD_REMOVED", "A record's generated type and validator are not removed."),
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** The rule, or a thrown error: a typo in a rule ID is a bug in wiredefs, not in the spec. */
export function rule(id: string): Rule {
  const found = BY_ID.get(id);
  if (found === undefined) throw new Error(`unknown breaking-change rule: ${id}`);
  return found;
}
