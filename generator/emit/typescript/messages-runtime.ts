/**
 * The fixed parts of messages.ts: the issue types every validator returns and the helpers the
 * straight-line validators call (own-property reads that never throw, issue builders that run
 * only on failure, the JSON walk and the string formats). Written out as text (already
 * prettier-formatted), as chunks
 * that say what they use (see ../chunks.ts): a module prints only the ones its code reaches.
 * The names they declare are listed in names/helpers.ts, so no spec item can take them.
 */
import { ISSUE_CODES } from "../../conformance/semantics.js";
import type { Chunk } from "../chunks.js";
import { fixedChunks, fixedTypeScript, laidOut } from "../fixed-code.js";

/** The names the issue types below declare (exported by every messages.ts). */
export const ISSUE_TYPE_NAMES: readonly string[] = ["IssueCode", "ISSUE_CODES", "ValidationIssue", "ValidationResult"];

/** The issue types, laid out for the style in force. */
export function issueTypes(): string {
  return laidOut("typescript", ISSUE_TYPES);
}

const ISSUE_TYPES = fixedTypeScript(`/** What went wrong; the validation semantics table in the README says when each applies. */
export type IssueCode =
${ISSUE_CODES.map((c) => `  | "${c.code}"`).join("\n")};

/** Every issue code. */
export const ISSUE_CODES: readonly IssueCode[] = [
${ISSUE_CODES.map((c) => `  "${c.code}",`).join("\n")}
];

/** One problem with a value: where (keys and list indices from the root), what, and why. */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly code: IssueCode;
  readonly message: string;
}

/** The valid value, typed, or every issue found in it. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };
`);

/** The verify helpers and the validators' helpers, printed at the end of the module. */
export const CORE: readonly Chunk[] = fixedChunks("typescript", [
  { name: "VerifyError", uses: [], text: `/** Thrown by the verify functions; its message is the Python \`ValueError\`'s. */
export class VerifyError extends Error {
  override readonly name: string = "VerifyError";
}
` },
  { name: "attributeOf", uses: ["JsonObject", "isObject"], text: `/** The object \`container[attribute]\` holds, own or inherited; undefined if none. */
function attributeOf(
  container: unknown,
  attribute: string,
): JsonObject | undefined {
  if (typeof container !== "object" || container === null) return undefined;
  const held: unknown = (container as JsonObject)[attribute];
  return isObject(held) ? held : undefined;
}
` },
  { name: "checkExpected", uses: ["VerifyError", "isGiven", "sameValue", "show"], text: `/** A given (truthy, as in Python) expected value must equal the actual one. */
function checkExpected(
  label: string,
  expected: unknown,
  actual: unknown,
): void {
  if (isGiven(expected) && !sameValue(actual, expected)) {
    const message = \`Expected \${label} \${show(expected)}, got \${show(actual)}\`;
    throw new VerifyError(message);
  }
}
` },
  { name: "isGiven", uses: ["isObject"], text: `/** Whether Python takes the value for true: not empty, zero, false or null (NaN is true). */
function isGiven(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return Boolean(value) || Number.isNaN(value);
}
` },
  { name: "sameValue", uses: ["isObject", "hasOwn"], text: `/** Equality of two JSON values: arrays and objects item by item, numbers by value. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => hasOwn(b, key) && sameValue(a[key], b[key]))
    );
  }
  return a === b;
}
` },
  { name: "show", uses: ["showJson"], text: `/** A value in a verify message: a string as it is, anything else as JSON. */
function show(value: unknown): string {
  return typeof value === "string" ? value : showJson(value);
}
` },
  { name: "showJson", uses: ["isObject", "quote"], text: `/** JSON text as JSON.stringify writes it, but numbers as String() does (NaN). */
function showJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return quote(value);
  if (Array.isArray(value)) return \`[\${value.map(showJson).join(",")}]\`;
  if (isObject(value)) {
    const entries = Object.keys(value).map(
      (key) => \`\${quote(key)}:\${showJson(value[key])}\`,
    );
    return \`{\${entries.join(",")}}\`;
  }
  if (
    typeof value === "number" ||
    typeof value === "boolean" ||
    typeof value === "bigint"
  ) {
    return String(value);
  }
  return typeof value;
}
` },
  { name: "Path", uses: [], text: `type Path = readonly (string | number)[];
` },
  { name: "JsonObject", uses: [], text: `type JsonObject = Readonly<Record<string, unknown>>;
` },
  { name: "ABSENT", uses: [], text: `/** What own and readOwn give for a key that is not an own property. */
const ABSENT: unique symbol = /*#__PURE__*/ Symbol("absent");
` },
  { name: "UNREADABLE", uses: [], text: `/** What readOwn gives when reading throws (a getter, a proxy trap, a revoked proxy). */
const UNREADABLE: unique symbol = /*#__PURE__*/ Symbol("unreadable");
` },
  { name: "own", uses: ["hasOwn", "ABSENT"], text: `/** The own property \`key\` of \`object\`, or ABSENT; a read that throws throws (guards catch it). */
function own(object: object, key: string | number): unknown {
  return hasOwn(object, key)
    ? (object as Readonly<Record<string | number, unknown>>)[key]
    : ABSENT;
}
` },
  { name: "read", uses: ["JsonObject"], text: `/** \`object[key]\`, typed unknown (a read that throws throws: guards catch it). */
function read(object: JsonObject, key: string): unknown {
  return object[key];
}
` },
  { name: "lengthOf", uses: ["own"], text: `/** An array's own \`length\` (0 if it is no number), read as the validators read it. */
function lengthOf(array: object): number {
  const length = own(array, "length");
  return typeof length === "number" ? length : 0;
}
` },
  { name: "readOwn", uses: ["hasOwn", "ABSENT", "UNREADABLE"], text: `/** The own property \`key\` of \`object\`: its value, ABSENT, or UNREADABLE; never throws. */
function readOwn(object: unknown, key: string | number): unknown {
  try {
    return hasOwn(object as object, key)
      ? (object as Readonly<Record<string | number, unknown>>)[key]
      : ABSENT;
  } catch {
    return UNREADABLE;
  }
}
` },
  { name: "sortedKeys", uses: [], text: `/** The own keys of an object in UTF-16 order; undefined when listing them throws. */
function sortedKeys(object: unknown): string[] | undefined {
  try {
    return Object.keys(object as object).sort();
  } catch {
    return undefined;
  }
}
` },
  { name: "kindOf", uses: [], text: `/** What a value is for the checks; "unreadable" when even that throws (a revoked proxy). */
function kindOf(value: unknown): "object" | "array" | "other" | "unreadable" {
  if (typeof value !== "object" || value === null) return "other";
  try {
    return Array.isArray(value) ? "array" : "object";
  } catch {
    return "unreadable";
  }
}
` },
  { name: "isObject", uses: ["JsonObject", "kindOf"], text: `function isObject(value: unknown): value is JsonObject {
  return kindOf(value) === "object";
}
` },
  { name: "isObjectInTry", uses: ["JsonObject"], text: `/** isObject for code inside a try: the same answer, but a revoked proxy throws (one frame less). */
function isObjectInTry(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
` },
  { name: "report", uses: ["ValidationIssue", "IssueCode", "Path"], text: `function report(
  errors: ValidationIssue[],
  path: Path,
  code: IssueCode,
  message: string,
): void {
  errors.push({ path, code, message });
}
` },
  { name: "unreadable", uses: ["ValidationIssue", "Path", "report"], text: `function unreadable(errors: ValidationIssue[], path: Path): void {
  report(errors, path, "unreadable", "cannot read the value");
}
` },
  { name: "objectOf", uses: ["ValidationIssue", "Path", "JsonObject", "isObject", "notObject"], text: `/** The value as an object, or undefined after reporting why it is none. */
function objectOf(
  errors: ValidationIssue[],
  path: Path,
  value: unknown,
): JsonObject | undefined {
  if (isObject(value)) return value;
  errors.push(notObject(path, value));
  return undefined;
}
` },
  { name: "notObject", uses: ["ValidationIssue", "Path", "kindOf", "describe"], text: `/** Why a value is no object: \`not_object\`, or \`unreadable\` when its kind cannot be told. */
function notObject(path: Path, value: unknown): ValidationIssue {
  if (kindOf(value) === "unreadable") {
    return { path, code: "unreadable", message: "cannot read the value" };
  }
  const message = \`expected an object, got \${describe(value)}\`;
  return { path, code: "not_object", message };
}
` },
  { name: "mismatch", uses: ["ValidationIssue", "Path", "kindOf", "unreadable", "report", "describe"], text: `/** A value of the wrong type: \`wrong_type\`, or \`unreadable\` when its kind cannot be told. */
function mismatch(
  errors: ValidationIssue[],
  path: Path,
  expected: string,
  value: unknown,
): void {
  if (kindOf(value) === "unreadable") {
    unreadable(errors, path);
  } else {
    const message = \`expected \${expected}, got \${describe(value)}\`;
    report(errors, path, "wrong_type", message);
  }
}
` },
  { name: "notLiteral", uses: ["ValidationIssue", "Path", "mismatch", "report", "quote"], text: `/** A value other than the literal: a string is shown as it is, anything else by its kind. */
function notLiteral(
  errors: ValidationIssue[],
  path: Path,
  expected: string,
  value: unknown,
): void {
  if (typeof value === "string") {
    const message = \`expected \${expected}, got \${quote(value)}\`;
    report(errors, path, "wrong_type", message);
  } else {
    mismatch(errors, path, expected, value);
  }
}
` },
  { name: "notInEnum", uses: ["ValidationIssue", "Path", "report"], text: `function notInEnum(
  errors: ValidationIssue[],
  path: Path,
  expected: string,
  shown: string,
): void {
  report(errors, path, "not_in_enum", \`expected \${expected}, got \${shown}\`);
}
` },
  { name: "outOfRange", uses: ["ValidationIssue", "Path", "report"], text: `function outOfRange(
  errors: ValidationIssue[],
  path: Path,
  bound: string,
  value: number,
): void {
  const message = \`expected \${bound}, got \${String(value)}\`;
  report(errors, path, "out_of_range", message);
}
` },
  { name: "tooShort", uses: ["ValidationIssue", "Path", "report"], text: `function tooShort(
  errors: ValidationIssue[],
  path: Path,
  least: number,
  count: number,
  unit: string,
): void {
  const message = \`expected at least \${String(least)} \${unit}, got \${String(count)}\`;
  report(errors, path, "too_short", message);
}
` },
  { name: "badFormat", uses: ["ValidationIssue", "Path", "report", "quote"], text: `function badFormat(
  errors: ValidationIssue[],
  path: Path,
  format: string,
  value: string,
): void {
  const message = \`expected a \${format} string, got \${quote(value)}\`;
  report(errors, path, "bad_format", message);
}
` },
  { name: "unknownKey", uses: ["ValidationIssue", "report", "quote"], text: `function unknownKey(errors: ValidationIssue[], key: string): void {
  report(errors, [key], "unknown_key", \`unknown key \${quote(key)}\`);
}
` },
  { name: "unknownTag", uses: ["ValidationIssue", "Path", "report", "quote"], text: `function unknownTag(
  errors: ValidationIssue[],
  path: Path,
  tag: string,
  expected: string,
): void {
  const message = \`unknown tag \${quote(tag)}, expected one of \${expected}\`;
  report(errors, path, "unknown_tag", message);
}
` },
  { name: "nest", uses: ["ValidationIssue", "ValidationResult", "Path"], text: `/** The issues of a nested value, their paths prefixed with where it sits. */
function nest(
  errors: ValidationIssue[],
  path: Path,
  result: ValidationResult<unknown>,
): void {
  if (result.ok) return;
  for (const error of result.errors) {
    errors.push({ ...error, path: [...path, ...error.path] });
  }
}
` },
  { name: "resultOf", uses: ["ValidationIssue", "ValidationResult"], text: `function resultOf<T>(
  value: unknown,
  errors: ValidationIssue[],
): ValidationResult<T> {
  return errors.length === 0
    ? { ok: true, value: value as T }
    : { ok: false, errors };
}
` },
  { name: "isJson", uses: ["jsonIssues"], text: `/** Whether a value is JSON (see jsonIssues). */
function isJson(value: unknown): boolean {
  return jsonIssues(value, undefined, undefined);
}
` },
  { name: "checkJson", uses: ["ValidationIssue", "Path", "jsonIssues"], text: `function checkJson(
  errors: ValidationIssue[],
  path: Path,
  value: unknown,
): void {
  jsonIssues(value, path, errors);
}
` },
  { name: "jsonIssues", uses: ["ValidationIssue", "Path", "kindOf", "readOwn", "ABSENT", "UNREADABLE", "sortedKeys", "describe", "report", "unreadable"], text: `/**
 * Walks a JSON value with an explicit stack (no recursion, whatever its depth): null, booleans,
 * finite numbers, strings, arrays (up to the first hole) and plain objects of them. Without
 * \`errors\` it stops at the first problem and says false; with them it reports every one.
 */
function jsonIssues(
  value: unknown,
  path: Path | undefined,
  errors: ValidationIssue[] | undefined,
): boolean {
  const stack: { value: unknown; at: Path | undefined; close?: object }[] = [
    { value, at: path },
  ];
  const open = new Set<object>();
  let ok = true;
  const fail = (at: Path | undefined, got: string): void => {
    ok = false;
    if (errors !== undefined && at !== undefined) {
      report(errors, at, "wrong_type", \`expected a JSON value, got \${got}\`);
    }
  };
  const cannot = (at: Path | undefined): void => {
    ok = false;
    if (errors !== undefined && at !== undefined) unreadable(errors, at);
  };
  const child = (
    at: Path | undefined,
    segment: string | number,
  ): Path | undefined => (at === undefined ? undefined : [...at, segment]);
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (!ok && errors === undefined) return false;
    if (frame.close !== undefined) {
      open.delete(frame.close);
      continue;
    }
    const { value: item, at } = frame;
    const kind = kindOf(item);
    if (item === ABSENT) {
      fail(at, "a hole");
    } else if (item === UNREADABLE || kind === "unreadable") {
      cannot(at);
    } else if (kind === "other") {
      if (
        item === null ||
        typeof item === "boolean" ||
        typeof item === "string"
      )
        continue;
      if (typeof item === "number" && Number.isFinite(item)) continue;
      fail(at, describe(item));
    } else if (open.has(item as object)) {
      fail(at, "a cycle");
    } else {
      const object = item as object;
      const children: { value: unknown; at: Path | undefined }[] = [];
      if (kind === "array") {
        const length = readOwn(object, "length");
        if (length === UNREADABLE) {
          cannot(at);
          continue;
        }
        const count = typeof length === "number" ? length : 0;
        for (let index = 0; index < count; index++) {
          // A hole or an unreadable item is reported where it is, and ends the array.
          const element = readOwn(object, index);
          children.push({ value: element, at: child(at, index) });
          if (element === ABSENT || element === UNREADABLE) break;
        }
      } else {
        let plain: boolean;
        try {
          const prototype: unknown = Object.getPrototypeOf(object);
          plain = prototype === Object.prototype || prototype === null;
        } catch {
          cannot(at);
          continue;
        }
        if (!plain) {
          fail(at, describe(object));
          continue;
        }
        const keys = sortedKeys(object);
        if (keys === undefined) {
          cannot(at);
          continue;
        }
        for (const key of keys) {
          const entry = readOwn(object, key);
          if (entry !== ABSENT)
            children.push({ value: entry, at: child(at, key) });
        }
      }
      open.add(object);
      stack.push({ value: undefined, at: undefined, close: object });
      for (let index = children.length - 1; index >= 0; index--) {
        const next = children[index];
        if (next !== undefined) stack.push(next);
      }
    }
  }
  return ok;
}
` },
  { name: "DATE", uses: [], text: `/** RFC 3339 full-date, ASCII digits only (month and day ranges are checked in code). */
const DATE = /^(\\d{4})-(\\d{2})-(\\d{2})$/;
` },
  { name: "DATE_TIME", uses: [], text: `/** RFC 3339 date-time, ASCII digits only (field ranges are checked in code). */
const DATE_TIME =
  /^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$/;
` },
  { name: "UUID", uses: [], text: `const UUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
` },
  { name: "URI", uses: [], text: `/** A scheme, a colon, then no ASCII whitespace (the set Python's \`\\\\s\` is with re.ASCII). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^ \\t\\n\\r\\f\\v]*$/;
` },
  { name: "inDays", uses: [], text: `/** Month 01–12 and day 01–31, from their two-digit texts. */
function inDays(month: string | undefined, day: string | undefined): boolean {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}
` },
  { name: "isDate", uses: ["DATE", "inDays"], text: `function isDate(text: string): boolean {
  const parts = DATE.exec(text);
  return parts !== null && inDays(parts[2], parts[3]);
}
` },
  { name: "isDateTime", uses: ["DATE_TIME", "inDays"], text: `function isDateTime(text: string): boolean {
  const parts = DATE_TIME.exec(text);
  return (
    parts !== null &&
    inDays(parts[2], parts[3]) &&
    Number(parts[4]) <= 23 &&
    Number(parts[5]) <= 59 &&
    Number(parts[6]) <= 60
  );
}
` },
  { name: "isUuid", uses: ["UUID"], text: `function isUuid(text: string): boolean {
  return UUID.test(text);
}
` },
  { name: "isUri", uses: ["URI"], text: `function isUri(text: string): boolean {
  return URI.test(text);
}
` },
  { name: "hasOwn", uses: [], text: `function hasOwn(object: object, key: string | number): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
` },
  { name: "describe", uses: ["kindOf"], text: `/** What a value is, in the words of the messages ("an integer", "null", "an array"). */
function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      if (Number.isInteger(value)) return "an integer";
      return Number.isFinite(value) ? "a number" : "a non-finite number";
    case "boolean":
      return "a boolean";
    case "object":
      if (value === null) return "null";
      switch (kindOf(value)) {
        case "array":
          return "an array";
        case "unreadable":
          return "an unreadable value";
        default:
          return "an object";
      }
    default:
      return typeof value;
  }
}
` },
  { name: "quote", uses: [], text: `/** Quotes text in a message (JSON, as the Python module does): plain text is only wrapped. */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const plain = c >= 0x20 && c !== 0x22 && c !== 0x5c;
    if (!plain || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return \`"\${text}"\`;
}
` },
]);
