/**
 * The validation semantics: one table that both generated runtimes, the JSON Schema emitter, the
 * conformance vectors and the README follow. Generated validators report issues with these codes,
 * these paths and these messages, identically in TypeScript and Python.
 */
import type { CrossFieldRule } from "../model.js";

export type IssueCode =
  | "unknown_topic"
  | "not_object"
  | "missing_key"
  | "wrong_type"
  | "not_in_enum"
  | "unknown_tag"
  | "out_of_range"
  | "bad_format"
  | "too_short"
  | "unknown_key"
  | "rule_violated"
  | "unreadable";

export interface IssueCodeInfo {
  readonly code: IssueCode;
  /** When it is reported. */
  readonly when: string;
  /** Where its path points. */
  readonly path: string;
  /** The message, with `‹…›` for the parts taken from the value. */
  readonly message: string;
}

/** Every issue code, in the order the README lists them. */
export const ISSUE_CODES: readonly IssueCodeInfo[] = [
  {
    code: "unknown_topic",
    when: "validating by topic (`validatePayload` / `validate_payload`) with a topic string that is not one of the protocol's topic wire values; the value is not examined",
    path: "`[]`",
    message: 'unknown topic "‹topic›"',
  },
  {
    code: "not_object",
    when: "a payload or record (at the top or nested) is not an object: null, an array, a string, a number or a boolean",
    path: "the value itself (`[]` at the top)",
    message: "expected an object, got ‹kind›",
  },
  {
    code: "missing_key",
    when: "a required key is not an own property of the object",
    path: "the object's path plus the key",
    message: 'missing required key "‹key›"',
  },
  {
    code: "wrong_type",
    when: "a present key's value has the wrong JSON type (see the type rules): `null` where the type is not nullable, a value matching no member of a union, a value other than a literal's, a non-JSON value in a `json` value",
    path: "the key (or list index, or map key) holding the value",
    message: "expected ‹type›, got ‹kind›",
  },
  {
    code: "not_in_enum",
    when: "an enum-typed value is a string that is not one of the enum's wire values",
    path: "the key holding the value",
    message: 'expected one of "‹v1›", "‹v2›", got "‹value›"',
  },
  {
    code: "unknown_tag",
    when: "a tagged union's value is an object whose tag is a string that is none of the variants' tag values (a missing tag is `missing_key` of the tag, a non-string tag `wrong_type`)",
    path: "the tag key",
    message: 'unknown tag "‹value›", expected one of "‹v1›", "‹v2›"',
  },
  {
    code: "out_of_range",
    when: "an int or float (of the right type) below its `min` or above its `max`",
    path: "the key holding the value",
    message: "expected at least ‹min›, got ‹value›` / `expected at most ‹max›, got ‹value›",
  },
  {
    code: "bad_format",
    when: "a string that is not of its `format` (the exact checks are below)",
    path: "the key holding the value",
    message: 'expected a ‹format› string, got "‹value›"',
  },
  {
    code: "too_short",
    when: "a string shorter than its `min_length` (in UTF-16 code units), or a list with fewer items than its `min_items`",
    path: "the key holding the value",
    message: "expected at least ‹n› characters, got ‹m›` / `expected at least ‹n› items, got ‹m›",
  },
  {
    code: "unknown_key",
    when: "the message forbids unknown keys (`unknown_keys: forbid`) and the object has an own key it does not declare",
    path: "the object's path plus the unknown key",
    message: 'unknown key "‹key›"',
  },
  {
    code: "rule_violated",
    when: "a record's cross-field rule fails: its `if` key holds one of the `if` values and its `then` key holds a value outside the `then` values; checked only when both keys are present and passed their own checks",
    path: "the `then` key",
    message: '"‹then key›" must be one of "‹v1›", "‹v2›" when "‹if key›" is "‹value›" (‹rule id›)',
  },
  {
    code: "unreadable",
    when: "reading the value throws, so it cannot be checked: a getter that throws, a proxy whose trap throws, a revoked proxy (TypeScript); a mapping whose `in`, `[]` or key iteration raises (Python). Never for JSON values",
    path: "the key or index whose value cannot be read; the object's own path when its keys cannot be listed or its kind cannot be told",
    message: "cannot read the value",
  },
];

export interface TypeRule {
  readonly type: string;
  readonly accepts: string;
  readonly rejects: string;
}

/** What each value type accepts; the same verdict for the same JSON text in both runtimes. */
export const TYPE_RULES: readonly TypeRule[] = [
  { type: "string", accepts: "a string", rejects: "everything else" },
  {
    type: "int",
    accepts:
      "a finite number with no fractional part, judged as the double JavaScript reads: integral floats (JSON `1.0`, `1.5e300`; JavaScript cannot tell `1.0` from `1`), `-0` and `-0.0`, integers beyond 2^53 (`9007199254740993`, read as the nearest double), and an integer a little above the largest double that still rounds to it",
    rejects:
      "booleans (Python `bool` is an `int` subclass: rejected anyway), `1.5`, `5e-324`, NaN, ±Infinity (in memory), and numbers beyond the double range (JSON `1e400`, `1e309`, a 400-digit integer, their negatives: Infinity in JavaScript, so rejected in Python too, where `json.loads` reads an `int` or `inf`)",
  },
  {
    type: "float",
    accepts: "any finite number, integers included (`-0`, `-0.0`, `5e-324`, the largest double)",
    rejects: "booleans, NaN and ±Infinity (in memory), numbers beyond the double range (as for int)",
  },
  { type: "bool", accepts: "`true` and `false`", rejects: "0, 1, strings and everything else" },
  { type: "enum", accepts: "a string among the enum's wire values", rejects: "other strings (`not_in_enum`); non-strings (`wrong_type`)" },
  {
    type: "int enum",
    accepts: "an int (as for int) among the enum's values",
    rejects: "other ints (`not_in_enum`, the values unquoted: `expected one of -32700, -32600, got 5`); non-ints (`wrong_type`)",
  },
  {
    type: "open enum",
    accepts: "any string (an open int enum: any int), the known values and every other",
    rejects: "what its value type rejects, as that type (`expected a string, got …`); never `not_in_enum`",
  },
  {
    type: "T or null (nullable)",
    accepts: "`null`, and every value T accepts",
    rejects: "what T rejects, reported as for T; a `wrong_type` message adds ` or null` to T's (`expected a string or null, got an integer`); `not_in_enum` and `not_object` keep T's",
  },
  {
    type: "A \\| B (union)",
    accepts: "a value some member accepts (members tried in order; nothing is reported for the members)",
    rejects: "a value no member accepts: one `wrong_type` at the value, `expected ‹A› or ‹B›, got ‹kind›` (`expected an integer or a string, got null`); a value whose reads throw while the members are tried is `unreadable` there",
  },
  {
    type: "tagged union",
    accepts: "an object whose tag is a variant's tag value and which is valid for that variant's record",
    rejects: "non-objects (`not_object`); a missing tag (`missing_key`), a non-string tag (`wrong_type`, `expected one of \"ok\", \"error\"`), an unknown tag (`unknown_tag`); else the variant's issues",
  },
  {
    type: "variant record",
    accepts: "an object valid for the record whose tag key holds exactly its tag value (checked first, as a required field; `unknown_keys: forbid` knows the tag key)",
    rejects: "a missing tag (`missing_key`), another tag value (`wrong_type`, as for a literal), and what the record rejects",
  },
  {
    type: "literal",
    accepts: "exactly the value (`\"2.0\"`, `2`, `true`; a number equal as a double)",
    rejects: "everything else: `wrong_type`, `expected \"2.0\", got \"1.0\"` for another string (shown quoted), `expected \"2.0\", got an integer` for any other value (its kind)",
  },
  {
    type: "json",
    accepts: "any JSON value: null, booleans, finite numbers, strings, arrays and plain objects (prototype `Object.prototype` or null; in Python a mapping) of JSON values, checked deeply with an explicit stack (any depth)",
    rejects: "each non-JSON value inside it, `wrong_type` at its own path, `expected a JSON value, got ‹kind›`: NaN and ±Infinity (`a non-finite number`), `undefined`, functions, symbols, other objects (`an object`), a hole (`a hole`, ending its array), an object that contains itself (`a cycle`); reads that throw are `unreadable`. Issues in depth-first order, arrays by index, objects by sorted key",
  },
  {
    type: "constraints",
    accepts: "int/float `min`/`max` (inclusive), string `min_length` (UTF-16 code units) and `format`, list `min_items`; checked only once the value has its type",
    rejects: "`out_of_range` (min first, then max), `too_short` then `bad_format` for a string (both can be reported), `too_short` before the item issues for a list. Numbers in messages as JavaScript writes them (`1` for `1.0`, `1e+21`)",
  },
  {
    type: "formats",
    accepts: "`uuid`: `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`; `date-time`: RFC 3339 `^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]\\|[+-]\\d{2}:\\d{2})$` with month 01–12, day 01–31, hour ≤ 23, minute ≤ 59, second ≤ 60; `date`: `^\\d{4}-\\d{2}-\\d{2}$` with the same month and day ranges; `uri`: `^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*$`, where `\\d` is an ASCII digit and `\\s` ASCII whitespace (space, tab, LF, CR, FF, VT: Python's `re.ASCII` set), no newline before the end",
    rejects: "every other string (`bad_format`)",
  },
  { type: "any", accepts: "every value, `null` included", rejects: "nothing (opaque framework objects)" },
  { type: "list of T", accepts: "an array whose items are T (path segment: the index)", rejects: "non-arrays" },
  { type: "map of T", accepts: "an object whose own values are T (path segment: the key)", rejects: "non-objects, arrays, null" },
  { type: "record", accepts: "an object valid for the record", rejects: "non-objects (`not_object`)" },
];

/** A conformance case's name (the part after `key: `) for the one number JSON Schema judges apart. */
export const JUST_ABOVE_MAX_DOUBLE = "an integer a little above the largest double (JavaScript reads the largest double)";

/**
 * Where a JSON Schema validator run on the generated schema and the generated validators give a
 * different verdict for the same value. The conformance tests skip exactly these cases, by name,
 * for exactly these validators; everything else must agree everywhere.
 */
export interface Difference {
  /** The conformance vector's case name, or the in-memory value (no vector: not JSON). */
  readonly case: string;
  /** The validator that judges it apart. */
  readonly validator: "jsonschema" | "ajv";
  readonly why: string;
}

export const DIFFERENCES: readonly Difference[] = [
  {
    case: JUST_ABOVE_MAX_DOUBLE,
    validator: "jsonschema",
    why: "the schema bounds numbers by the largest double (±1.7976931348623157e308), which is how it rejects `1e400` and 400-digit integers; Python's jsonschema compares the exact integer with the bound and rejects it, while JavaScript, the generated validators and ajv read the largest double, which is within it",
  },
  {
    case: "NaN passed in memory as a float (not JSON)",
    validator: "jsonschema",
    why: "no JSON text is NaN, and JSON Schema cannot say \"not NaN\": jsonschema takes a Python `float('nan')` for a `number` within any bounds (not for an `integer`); the generated validators reject it, and so does ajv",
  },
];

/** Rules that hold for every shape, in the words the README uses. */
export const GENERAL_RULES: readonly string[] = [
  "Objects are JSON objects: `null` and arrays are never objects (`not_object` at the top, `not_object` for a nested record, `wrong_type` for a map).",
  "Own properties only: keys are read with `Object.keys` / `Object.prototype.hasOwnProperty.call` in TypeScript and `in` on a mapping in Python. `__proto__`, `constructor` and `toString` are ordinary keys; objects with a null prototype work.",
  "An optional key may be absent; when present its value must have the key's type (`null` is not \"absent\").",
  "Unknown keys follow the message's `unknown_keys` policy: `allow` (the default) ignores them, `forbid` reports each one.",
  "Paths are arrays of segments from the validated value: key names (strings) and list indices (numbers), e.g. `[\"meta\", \"model_buffer_encoding\"]` or `[\"items\", 2]`. The top-level value is `[]`.",
  "Order of issues: the shape's fields in spec order (each field's nested issues in place, list items by index, map entries by key), then cross-field rules in spec order, then unknown keys. Map keys and unknown keys are sorted by UTF-16 code units: JavaScript's `JSON.parse` does not keep the input order of integer-like keys, so input order cannot be the same in both runtimes.",
  "Every issue is reported, not just the first; a value with no issues is valid.",
  "A topic that comes off the wire is data too: validating by topic looks it up among the protocol's own topic wire values only (`\"\"`, a near miss, `__proto__` and `constructor` are unknown topics), and an unknown topic is the one issue `unknown_topic`, never an exception (Python's `parse_payload` raises its usual `PayloadValidationError`).",
  "Validators never throw on JSON values, null-prototype objects or huge arrays; nesting depth is bounded by the spec's types (recursive records are rejected by the spec checker), not by the input, and the Python validators walk nested values with an explicit stack, so a chain of thousands of records never reaches the recursion limit.",
  "Hostile objects are reported, never thrown: a value that cannot be read is `unreadable` and the rest of its object is still checked (a key that cannot be read, or a map entry), while an object whose keys cannot be listed, or a revoked proxy, is `unreadable` at its own path.",
  "An array with a hole (an index below `length` that is not an own property; JSON never makes one) is `wrong_type` at the first hole, `expected ‹type›, got a hole` (`a value` for `any`); an array is checked in index order up to its first hole or unreadable item and no further, so a sparse array of length 2^32−1 costs one step.",
  "Messages are identical in both runtimes; strings in them are quoted as JSON (`JSON.stringify`, Python `json.dumps(ensure_ascii=False)` with lone surrogates escaped).",
  "Verify functions (`verifyPayload` / `verify_payload`) check an expected value when Python takes it for true (not `null`, `false`, `0`, `\"\"`, `[]` or `{}`; NaN is true), compare it with the actual one as JSON values (a boolean is no number, `1` equals `1.0`, arrays and objects item by item), and show both the same way in both runtimes: a string as it is (the hand-written function's messages), anything else as JSON with numbers as JavaScript writes them (`null`, `true`, `1` for `1.0`, `1e+21`, `NaN`, `Infinity` for a Python int beyond the double range) and objects in JavaScript's key order (array-index keys first).",
];

/** The message of a rule's `rule_violated` issue; fixed text, so it is computed here once. */
export function ruleMessage(rule: CrossFieldRule): string {
  return (
    `${quote(rule.then.key.value)} must be ${alternatives(rule.then.values)} ` +
    `when ${quote(rule.if.key.value)} is ${alternatives(rule.if.values)} (${rule.id})`
  );
}

function alternatives(values: readonly string[]): string {
  const quoted = values.map(quote);
  return quoted.length === 1 ? (quoted[0] ?? "") : `one of ${quoted.join(", ")}`;
}

/** Quotes a string the way both runtimes do in messages (JSON). */
export function quote(text: string): string {
  return JSON.stringify(text);
}

/** The Markdown the README carries (generator/emit/validation-semantics.md). */
export function renderSemanticsMarkdown(): string {
  const cell = (text: string): string => text.replace(/\|/g, "\\|");
  const lines: string[] = [
    "## Validation semantics",
    "",
    "Generated validators (TypeScript `validate<Name>` / `is<Name>` and `validatePayload` /",
    "`isPayload` by topic, Python `validate_<name>` / `parse_<name>` and `validate_payload` /",
    "`parse_payload`) follow one table, and the conformance vectors",
    "(`generated/schema/conformance.json`) prove both runtimes agree case by case.",
    "",
    "| code | reported when | path | message |",
    "| --- | --- | --- | --- |",
    ...ISSUE_CODES.map((c) => `| \`${c.code}\` | ${cell(c.when)} | ${cell(c.path)} | \`${c.message}\` |`),
    "",
    "| type | accepts | rejects |",
    "| --- | --- | --- |",
    ...TYPE_RULES.map((t) => `| ${cell(t.type)} | ${cell(t.accepts)} | ${cell(t.rejects)} |`),
    "",
    "The JSON Schema (`generated/schema/messages.schema.json`) gives the same verdict as the validators on",
    "every conformance vector except these, which the tests skip by name for that validator only (a",
    "`format` is an annotation in JSON Schema 2020-12 unless the validator is told to assert it, as",
    "jsonschema's `format_checker` does; the whole-message tests assert it, with the `uri` pattern above where",
    "jsonschema has no checker of its own):",
    "",
    "| case | validator | why |",
    "| --- | --- | --- |",
    ...DIFFERENCES.map((d) => `| ${cell(d.case)} | ${d.validator} | ${cell(d.why)} |`),
    "",
    ...GENERAL_RULES.map((r) => `- ${r}`),
    "",
  ];
  return lines.join("\n");
}
