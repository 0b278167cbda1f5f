/**
 * Fixed identifiers the generated modules export besides the spec's own items. They share the
 * module namespace with the spec's names, so `assignNames` reports a spec item that takes one.
 */
export const TYPESCRIPT_HELPERS: readonly string[] = [
  "validatePayload",
  "isPayload",
  "PayloadByTopic",
  "RepliesByTopic",
  "TopicWithPayload",
  "ValidationIssue",
  "ValidationResult",
  "IssueCode",
  "ISSUE_CODES",
  "VerifyError",
];

export const PYTHON_HELPERS: readonly string[] = [
  "validate_payload",
  "parse_payload",
  "ValidationIssue",
  "PayloadValidationError",
  "IssueCode",
  "PAYLOAD_BY_TOPIC",
  "REPLIES_BY_TOPIC",
];
