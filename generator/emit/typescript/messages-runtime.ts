/**
 * The fixed parts of messages.ts: the issue types every validator returns and the small checking
 * core the per-shape tables drive. Written out as text (already prettier-formatted), as chunks
 * that say what they use (see ../chunks.ts): a module prints only the ones its code reaches.
 * The names they declare are listed in names/helpers.ts, so no spec item can take them.
 */
import type { ScalarTypeName } from "../../model.js";
import { ISSUE_CODES } from "../../conformance/semantics.js";
import type { Chunk } from "../chunks.js";

/** The names the issue types below declare (exported by every messages.ts). */
export const ISSUE_TYPE_NAMES: readonly string[] = ["IssueCode", "ISSUE_CODES", "ValidationIssue", "ValidationResult"];

export function issueTypes(): string {
  return `/** What went wrong; the validation semantics table in the README says when each applies. */
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
`;
}

/** The scalar type specs the tables name (`STRING`), by type. */
export const SCALAR_SPECS: { readonly [T in ScalarTypeName]: string } = {
  string: "STRING",
  int: "INT",
  float: "FLOAT",
  bool: "BOOL",
  any: "ANY",
  json: "ANY",
};

const scalarSpec = (type: ScalarTypeName): Chunk => ({
  name: SCALAR_SPECS[type],
  uses: ["ValueSpec"],
  text: `const ${SCALAR_SPECS[type]}: ValueSpec = { kind: "${type}" };\n`,
});

/** The verify helpers and the checking core, printed at the end of the module. */
export const CORE: readonly Chunk[] = [
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
  { name: "ValueSpec", uses: ["ValidationResult"], text: `type ValueSpec =
  | { readonly kind: "string" | "int" | "float" | "bool" | "any" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "list" | "map"; readonly of: ValueSpec }
  | {
      readonly kind: "record";
      readonly validate: (value: unknown) => ValidationResult<unknown>;
    };
` },
  { name: "FieldSpec", uses: ["ValueSpec"], text: `interface FieldSpec {
  readonly key: string;
  readonly required: boolean;
  readonly type: ValueSpec;
}
` },
  { name: "RuleSpec", uses: [], text: `interface RuleSpec {
  readonly if: { readonly key: string; readonly values: readonly string[] };
  readonly then: { readonly key: string; readonly values: readonly string[] };
  readonly message: string;
}
` },
  { name: "ShapeSpec", uses: ["FieldSpec", "RuleSpec"], text: `interface ShapeSpec {
  readonly unknownKeys: "allow" | "forbid";
  readonly fields: readonly FieldSpec[];
  readonly rules?: readonly RuleSpec[];
}
` },
  ...(["string", "int", "float", "bool", "any"] as const).map(scalarSpec),
  { name: "checkShape", uses: ["ValidationIssue", "ShapeSpec", "collectShapeIssues"], text: `function checkShape<T>(value: unknown, shape: ShapeSpec): ValidationResult<T> {
  const errors: ValidationIssue[] = [];
  collectShapeIssues(value, shape, [], errors);
  return errors.length === 0
    ? { ok: true, value: value as T }
    : { ok: false, errors };
}
` },
  { name: "collectShapeIssues", uses: ["ValidationIssue", "ShapeSpec", "Path", "kindOf", "describe", "readOwn", "ABSENT", "UNREADABLE", "unreadable", "checkValue", "quote", "isOneOf", "JsonObject"], text: `function collectShapeIssues(
  value: unknown,
  shape: ShapeSpec,
  path: Path,
  errors: ValidationIssue[],
): void {
  const kind = kindOf(value);
  if (kind === "unreadable") {
    errors.push(unreadable(path));
    return;
  }
  if (kind !== "object") {
    const message = \`expected an object, got \${describe(value)}\`;
    errors.push({ path, code: "not_object", message });
    return;
  }
  const object = value as JsonObject;
  const failed = new Set<string>();
  const present = new Map<string, unknown>();
  for (const field of shape.fields) {
    const at = [...path, field.key];
    const before = errors.length;
    const item = readOwn(object, field.key);
    if (item === UNREADABLE) {
      errors.push(unreadable(at));
    } else if (item !== ABSENT) {
      present.set(field.key, item);
      checkValue(item, field.type, at, errors);
    } else if (field.required) {
      const message = \`missing required key \${quote(field.key)}\`;
      errors.push({ path: at, code: "missing_key", message });
    }
    if (errors.length > before) failed.add(field.key);
  }
  for (const rule of shape.rules ?? []) {
    const { if: when, then } = rule;
    if (failed.has(when.key) || failed.has(then.key)) continue;
    if (!present.has(when.key) || !present.has(then.key)) continue;
    if (
      isOneOf(present.get(when.key), when.values) &&
      !isOneOf(present.get(then.key), then.values)
    ) {
      const at = [...path, then.key];
      errors.push({ path: at, code: "rule_violated", message: rule.message });
    }
  }
  if (shape.unknownKeys === "forbid") {
    let keys: string[];
    try {
      keys = Object.keys(object);
    } catch {
      errors.push(unreadable(path));
      return;
    }
    const known = new Set(shape.fields.map((field) => field.key));
    for (const key of keys.sort()) {
      if (known.has(key)) continue;
      const message = \`unknown key \${quote(key)}\`;
      errors.push({ path: [...path, key], code: "unknown_key", message });
    }
  }
}
` },
  { name: "checkValue", uses: ["ValidationIssue", "ValueSpec", "Path", "describe", "isFiniteNumber", "quote", "kindOf", "unreadable", "expectedOf", "checkItems", "checkEntries"], text: `function checkValue(
  value: unknown,
  type: ValueSpec,
  path: Path,
  errors: ValidationIssue[],
): void {
  const wrongType = (expected: string): void => {
    const message = \`expected \${expected}, got \${describe(value)}\`;
    errors.push({ path, code: "wrong_type", message });
  };
  if (type.kind === "any") return;
  const kind = kindOf(value);
  if (kind === "unreadable") {
    errors.push(unreadable(path));
    return;
  }
  switch (type.kind) {
    case "string":
      if (typeof value !== "string") wrongType("a string");
      return;
    case "int":
      if (!isFiniteNumber(value) || !Number.isInteger(value)) {
        wrongType("an integer");
      }
      return;
    case "float":
      if (!isFiniteNumber(value)) wrongType("a number");
      return;
    case "bool":
      if (typeof value !== "boolean") wrongType("a boolean");
      return;
    case "enum": {
      const expected = expectedOf(type);
      if (typeof value !== "string") {
        wrongType(expected);
      } else if (!type.values.includes(value)) {
        const message = \`expected \${expected}, got \${quote(value)}\`;
        errors.push({ path, code: "not_in_enum", message });
      }
      return;
    }
    case "list":
      if (kind !== "array") {
        wrongType("an array");
        return;
      }
      checkItems(value as object, type.of, path, errors);
      return;
    case "map":
      if (kind !== "object") {
        wrongType("an object");
        return;
      }
      checkEntries(value as object, type.of, path, errors);
      return;
    case "record": {
      const result = type.validate(value);
      if (result.ok) return;
      for (const error of result.errors) {
        errors.push({ ...error, path: [...path, ...error.path] });
      }
      return;
    }
  }
}
` },
  { name: "checkItems", uses: ["ValidationIssue", "ValueSpec", "Path", "readOwn", "ABSENT", "UNREADABLE", "unreadable", "expectedOf", "checkValue"], text: `/**
 * The items of an array in index order, up to its first hole (an index below \`length\` that is
 * not an own property, which JSON never makes) or unreadable item: that one is the last issue,
 * so a sparse array of length 2 ** 32 - 1 costs one step, not 4 billion.
 */
function checkItems(
  array: object,
  type: ValueSpec,
  path: Path,
  errors: ValidationIssue[],
): void {
  const length = readOwn(array, "length");
  if (length === UNREADABLE) {
    errors.push(unreadable(path));
    return;
  }
  const count = typeof length === "number" ? length : 0;
  for (let index = 0; index < count; index++) {
    const at = [...path, index];
    const item = readOwn(array, index);
    if (item === UNREADABLE) {
      errors.push(unreadable(at));
      return;
    }
    if (item === ABSENT) {
      const message = \`expected \${expectedOf(type)}, got a hole\`;
      errors.push({ path: at, code: "wrong_type", message });
      return;
    }
    checkValue(item, type, at, errors);
  }
}
` },
  { name: "checkEntries", uses: ["ValidationIssue", "ValueSpec", "Path", "readOwn", "ABSENT", "UNREADABLE", "unreadable", "checkValue"], text: `/** The own entries of an object by key; one that cannot be read is \`unreadable\` there. */
function checkEntries(
  object: object,
  type: ValueSpec,
  path: Path,
  errors: ValidationIssue[],
): void {
  let keys: string[];
  try {
    keys = Object.keys(object);
  } catch {
    errors.push(unreadable(path));
    return;
  }
  for (const key of keys.sort()) {
    const at = [...path, key];
    const item = readOwn(object, key);
    if (item === UNREADABLE) errors.push(unreadable(at));
    else if (item !== ABSENT) checkValue(item, type, at, errors);
  }
}
` },
  { name: "expectedOf", uses: ["ValueSpec", "quote"], text: `/** What a value of the type is called in messages ("a string", "one of "a", "b""). */
function expectedOf(type: ValueSpec): string {
  switch (type.kind) {
    case "string":
      return "a string";
    case "int":
      return "an integer";
    case "float":
      return "a number";
    case "bool":
      return "a boolean";
    case "any":
      return "a value";
    case "enum":
      return \`one of \${type.values.map(quote).join(", ")}\`;
    case "list":
      return "an array";
    case "map":
    case "record":
      return "an object";
  }
}
` },
  { name: "ABSENT", uses: [], text: `/** What readOwn gives for a key that is not an own property. */
const ABSENT: unique symbol = Symbol("absent");
` },
  { name: "UNREADABLE", uses: [], text: `/** What readOwn gives when reading throws (a getter, a proxy trap, a revoked proxy). */
const UNREADABLE: unique symbol = Symbol("unreadable");
` },
  { name: "readOwn", uses: ["hasOwn", "ABSENT", "UNREADABLE"], text: `/** The own property \`key\` of \`object\`: its value, ABSENT, or UNREADABLE; never throws. */
function readOwn(object: object, key: string | number): unknown {
  try {
    return hasOwn(object, key)
      ? (object as Readonly<Record<string | number, unknown>>)[key]
      : ABSENT;
  } catch {
    return UNREADABLE;
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
  { name: "unreadable", uses: ["ValidationIssue", "Path"], text: `function unreadable(path: Path): ValidationIssue {
  return { path, code: "unreadable", message: "cannot read the value" };
}
` },
  { name: "isObject", uses: ["JsonObject", "kindOf"], text: `function isObject(value: unknown): value is JsonObject {
  return kindOf(value) === "object";
}
` },
  { name: "isFiniteNumber", uses: [], text: `function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
` },
  { name: "isOneOf", uses: [], text: `function isOneOf(value: unknown, values: readonly string[]): boolean {
  return typeof value === "string" && values.includes(value);
}
` },
  { name: "hasOwn", uses: [], text: `function hasOwn(object: object, key: string | number): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
` },
  { name: "describe", uses: ["kindOf"], text: `/** What a value is, in the words of the messages ("an integer", "null", "an array"). */
function describe(value: unknown): string {
  if (value === null) return "null";
  const kind = kindOf(value);
  if (kind === "array") return "an array";
  if (kind === "unreadable") return "an unreadable value";
  switch (typeof value) {
    case "boolean":
      return "a boolean";
    case "number":
      if (!Number.isFinite(value)) return "a non-finite number";
      return Number.isInteger(value) ? "an integer" : "a number";
    case "string":
      return "a string";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}
` },
  { name: "quote", uses: [], text: `/** Quotes text in a message (JSON, as the Python module does). */
function quote(text: string): string {
  return JSON.stringify(text);
}
` },
];
