/**
 * Stage 2: the spec's structure, checked against protocol.schema.json by walking the YAML nodes,
 * so every error is located and all of them are reported.
 *
 * An interpreter of the JSON Schema subset in `SchemaNode`, stricter than JSON Schema about
 * scalars in one way: a plain scalar in a string position that YAML 1.1 would read as a bool,
 * null or number (`yes`, `off`, `~`, `0x1F`) must be quoted (WD207).
 */
import { isAlias, isScalar } from "yaml";
import type { Pair } from "yaml";
import "./codes.js";
import { diagnostic, didYouMean } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import { PROTOCOL_SCHEMA, resolveRef } from "./schema.js";
import type { NotAllowedDiagnostic, SchemaNode } from "./schema.js";
import { spanOf } from "./source.js";
import type { Source } from "./source.js";
import { describeNode, isPlain, jsonTypeOf, keyText, pairsOf, unrepresentable } from "./yaml-node.js";
import type { JsonType } from "./yaml-node.js";
import { nonStringReading } from "./yaml11.js";

export interface StructureResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Nodes whose value is unusable (wrong type, not allowed); later stages skip them. */
  readonly badNodes: ReadonlySet<unknown>;
}

interface Issue {
  /** Undefined for a problem already reported by an earlier stage. */
  readonly diagnostic: Diagnostic | undefined;
  /** The node the issue makes unusable, if any. */
  readonly bad?: unknown;
}

interface Context {
  readonly source: Source;
  readonly root: SchemaNode;
  /** Words naming the value being checked: `topic HELLO`, `"payload" of topic HELLO`. */
  readonly where: string;
  /** The node to point at for problems of the value as a whole (its key when it has one). */
  readonly at: unknown;
}

const SPEC = "the spec";

export function checkStructure(root: unknown, source: Source, schema: SchemaNode = PROTOCOL_SCHEMA): StructureResult {
  const issues: Issue[] = [];
  if (isEmpty(root) && schema === PROTOCOL_SCHEMA) {
    // Nothing at all (or comments only): say so, and how a spec starts.
    const hint = "start it with `wiredefs: 1` and a `protocol:` mapping (name, channel, version), or run `wiredefs init`";
    return { diagnostics: [diagnostic("WD201", `${SPEC} is empty`, spanOf(source, asNode(root)), { hint })], badNodes: new Set() };
  }
  validate(root, schema, { source, root: schema, where: SPEC, at: root }, issues);
  const badNodes = new Set<unknown>();
  for (const issue of issues) if (issue.bad !== undefined) badNodes.add(issue.bad);
  return { diagnostics: issues.flatMap((i) => (i.diagnostic === undefined ? [] : [i.diagnostic])), badNodes };
}

/**
 * The issues of `node` against `schemaIn`, appended to `out` in document order (one list for
 * the whole walk: most values have none, and a list per value is garbage in a large spec).
 */
function validate(node: unknown, schemaIn: SchemaNode, ctx: Context, out: Issue[]): void {
  if (isAlias(node)) {
    out.push({ diagnostic: undefined, bad: node }); // reported by the loader
    return;
  }
  const schema = resolveRef(ctx.root, schemaIn);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches !== undefined) {
    validateAnyOf(node, branches, ctx, out);
    return;
  }
  const actual = jsonTypeOf(node);
  if (schema.type !== undefined && !typeMatches(actual, typesOf(schema))) {
    out.push(typeIssue(node, typesOf(schema), ctx));
    return;
  }
  if (schema.enum !== undefined && !schema.enum.some((v) => isScalar(node) && node.value === v)) {
    out.push(notAllowed(node, schema.enum, ctx, schema["x-wiredefs-not-allowed"]));
  } else if (schema.const !== undefined && !(isScalar(node) && node.value === schema.const)) {
    out.push(notAllowed(node, [schema.const], ctx));
  }
  if (actual === "string" && isScalar(node) && typeof node.value === "string") {
    const reading = ambiguity(node, ctx, () => ctx.where);
    if (reading !== undefined) out.push(reading);
    if (schema.pattern !== undefined && !patternOf(schema.pattern).test(node.value)) {
      const message = `${ctx.where} must match ${schema.pattern}, got "${node.value}"`;
      out.push({ diagnostic: diagnostic("WD205", message, spanOf(ctx.source, node)), bad: node });
    }
  }
  if (schema.minimum !== undefined && isScalar(node) && typeof node.value === "number" && node.value < schema.minimum) {
    const message = `${ctx.where} must be at least ${String(schema.minimum)}, got ${String(node.value)}`;
    const hint = `write a number of ${String(schema.minimum)} or more`;
    out.push({ diagnostic: diagnostic("WD208", message, spanOf(ctx.source, node), { hint }), bad: node });
  }
  if (actual === "object") validateObject(node, schema, ctx, out);
  if (actual === "array") validateArray(node, schema, ctx, out);
}

function validateObject(node: unknown, schema: SchemaNode, ctx: Context, out: Issue[]): void {
  const pairs = pairsOf(node);
  const required = schema.required ?? [];
  const present = required.length === 0 ? undefined : new Set(pairs.map(keyText));
  for (const key of required) {
    if (present?.has(key) !== true) {
      const message = `${ctx.where} is missing required key "${key}"`;
      // What the key holds, from the schema the editor shows too.
      const property = schema.properties?.[key];
      const about = property === undefined ? undefined : resolveRef(ctx.root, property).description ?? property.description;
      const hint = about === undefined ? undefined : `add "${key}:" (${about.replace(/\.$/, "")})`;
      out.push({ diagnostic: diagnostic("WD203", message, spanOf(ctx.source, asNode(ctx.at)), { hint }) });
    }
  }
  for (const pair of pairs) validatePair(pair, schema, ctx, out);
}

function validatePair(pair: Pair<unknown, unknown>, schema: SchemaNode, ctx: Context, out: Issue[]): void {
  const key = keyText(pair);
  if (key === undefined) {
    const message = `keys in ${ctx.where} must be strings, got ${describeNode(pair.key)}`;
    const hint = isScalar(pair.key) ? `quote it: "${String(pair.key.source ?? pair.key.value)}"` : undefined;
    out.push({ diagnostic: diagnostic("WD201", message, spanOf(ctx.source, asNode(pair.key)), { hint }), bad: pair.value });
    return;
  }
  if (key === "<<" && isPlain(pair.key)) return; // a merge key, reported by the loader
  // An ambiguous key is reported before its value's issues; not with an unknown or invalid name.
  const keyIssue = ambiguity(pair.key, ctx, () => `key "${key}" in ${ctx.where}`);
  // Own properties only: a key named like an Object.prototype member (toString) is not a schema property.
  const property = schema.properties !== undefined && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
  if (property !== undefined) {
    if (keyIssue !== undefined) out.push(keyIssue);
    validate(pair.value, property, { ...ctx, where: childWhere(ctx.where, key), at: pair.key }, out);
    return;
  }
  for (const [pattern, sub] of patternEntries(schema)) {
    if (patternOf(pattern).test(key)) {
      const title = resolveRef(ctx.root, sub).title ?? "entry";
      if (keyIssue !== undefined) out.push(keyIssue);
      validate(pair.value, sub, { ...ctx, where: `${title} ${key}`, at: pair.key }, out);
      return;
    }
  }
  if (schema.additionalProperties !== false) {
    if (keyIssue !== undefined) out.push(keyIssue);
    return;
  }
  const span = spanOf(ctx.source, asNode(pair.key));
  const patterns = Object.values(schema.patternProperties ?? {});
  if (schema.properties === undefined && patterns.length > 0) {
    const message = `invalid name "${key}" in ${ctx.where}`;
    const hint = "names are ASCII identifiers: letters, digits and _, not starting with a digit";
    const only = patterns.length === 1 ? patterns[0] : undefined;
    const title = only === undefined ? "entry" : (resolveRef(ctx.root, only).title ?? "entry");
    out.push({ diagnostic: diagnostic("WD205", message, span, { hint }), bad: pair.value });
    if (only !== undefined) validate(pair.value, only, { ...ctx, where: `${title} ${key}`, at: pair.key }, out);
    return;
  }
  const suggestion = didYouMean(key, Object.keys(schema.properties ?? {}));
  const known = Object.keys(schema.properties ?? {}).join(", ");
  const hint = suggestion !== undefined ? `did you mean "${suggestion}"?` : `expected one of: ${known}`;
  out.push({ diagnostic: diagnostic("WD202", `unknown key "${key}" in ${ctx.where}`, span, { hint }), bad: pair.value });
}

function validateArray(node: unknown, schema: SchemaNode, ctx: Context, out: Issue[]): void {
  const items = (node as { items: unknown[] }).items;
  if (schema.minItems !== undefined && items.length < schema.minItems) {
    const message = `${ctx.where} must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`;
    out.push({ diagnostic: diagnostic("WD206", message, spanOf(ctx.source, asNode(node))), bad: node });
  }
  if (schema.items !== undefined) {
    items.forEach((item, i) => {
      const where = `item ${i + 1} of ${ctx.where}`;
      validate(item, schema.items as SchemaNode, { ...ctx, where, at: item }, out);
    });
  }
}

/** The branch whose type fits; among several, the one whose required keys are present, else the closest. */
function validateAnyOf(node: unknown, branches: readonly SchemaNode[], ctx: Context, out: Issue[]): void {
  const actual = jsonTypeOf(node);
  const resolved = branches.map((b) => resolveRef(ctx.root, b));
  const fitting = resolved.filter((b) => b.type === undefined || typeMatches(actual, typesOf(b)));
  if (fitting.length === 0) {
    out.push(typeIssue(node, resolved.flatMap(typesOf), ctx));
    return;
  }
  let best: Issue[] | undefined;
  let bestScore = Infinity;
  // The keys present, gathered once for every branch that has issues.
  let present: Set<string | undefined> | undefined;
  for (const branch of fitting) {
    const issues: Issue[] = [];
    validate(node, branch, ctx, issues);
    if (issues.length === 0) return;
    const keys = (present ??= new Set(pairsOf(node).map(keyText)));
    const discriminated = (branch.required ?? []).some((k) => keys.has(k));
    const score = issues.length - (discriminated ? 1000 : 0);
    if (score < bestScore) {
      best = issues;
      bestScore = score;
    }
  }
  if (best !== undefined) out.push(...best);
}

/** The schema's patterns compiled once each (a spec of thousands of names tests them thousands of times). */
const PATTERNS = new Map<string, RegExp>();

function patternOf(pattern: string): RegExp {
  let compiled = PATTERNS.get(pattern);
  if (compiled === undefined) {
    compiled = new RegExp(pattern, "u");
    PATTERNS.set(pattern, compiled);
  }
  return compiled;
}

function typesOf(schema: SchemaNode): readonly string[] {
  return schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;
}

function typeMatches(actual: JsonType, expected: readonly string[]): boolean {
  return expected.some((t) => t === actual || (t === "number" && actual === "integer"));
}

const NOUNS: { readonly [type: string]: string } = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a bool (true or false)",
  null: "null",
};

function typeIssue(node: unknown, expected: readonly string[], ctx: Context): Issue {
  const unique = [...new Set(expected)];
  const wanted = unique.map((t) => NOUNS[t] ?? t).join(" or ");
  const beyond = unique.includes("integer") || unique.includes("number") ? unrepresentable(node) : undefined;
  const message = `${ctx.where} must be ${wanted}, got ${beyond === undefined ? describeNode(node) : `the number ${beyond.problem}`}`;
  let hint: string | undefined;
  const written = isScalar(node) ? String(node.source ?? node.value ?? "") : "";
  if (beyond !== undefined) {
    hint = beyond.hint;
  } else if (unique.includes("string") && written !== "") {
    hint = `quote it to make it a string: "${written}"`;
  } else if (unique.includes("integer") && jsonTypeOf(node) === "number") {
    hint = "write a whole number in decimal, such as 1";
  }
  const at = written !== "" ? node : ctx.at;
  return { diagnostic: diagnostic("WD201", message, spanOf(ctx.source, asNode(at)), { hint }), bad: node };
}

function notAllowed(node: unknown, allowed: readonly unknown[], ctx: Context, own?: NotAllowedDiagnostic): Issue {
  const span = spanOf(ctx.source, asNode(node ?? ctx.at));
  if (own !== undefined) {
    const written = isScalar(node) ? String(node.source ?? node.value) : describeNode(node);
    const fill = (text: string): string => text.replace("{value}", written).replace("{allowed}", allowed.map(String).join(" or "));
    return { diagnostic: diagnostic(own.code, fill(own.message), span, { hint: fill(own.hint) }), bad: node };
  }
  const list = allowed.map((v) => JSON.stringify(v)).join(", ");
  const actual = isScalar(node) ? String(node.value) : undefined;
  const message = `${ctx.where} must be one of ${list}, got ${describeNode(node)}`;
  const suggestion = actual === undefined ? undefined : didYouMean(actual, allowed.map(String));
  const hint = suggestion === undefined ? undefined : `did you mean "${suggestion}"?`;
  return { diagnostic: diagnostic("WD204", message, span, { hint }), bad: node };
}

/** WD207 for a plain scalar YAML 1.1 reads as no string; `where` words the value (built only then). */
function ambiguity(node: unknown, ctx: Context, where: () => string): Issue | undefined {
  if (!isPlain(node) || !isScalar(node) || typeof node.value !== "string") return undefined;
  const reading = nonStringReading(node.value);
  if (reading === undefined) return undefined;
  const message = `${where()} is the plain scalar ${node.value}, which YAML 1.1 tools read as a ${reading}`;
  const hint = `quote it: "${node.value}"`;
  return { diagnostic: diagnostic("WD207", message, spanOf(ctx.source, node), { hint }) };
}

/** `patternProperties` as entries, taken once per schema node (every entry of a large mapping is tested against them). */
const PATTERN_ENTRIES = new WeakMap<SchemaNode, readonly (readonly [string, SchemaNode])[]>();

function patternEntries(schema: SchemaNode): readonly (readonly [string, SchemaNode])[] {
  let found = PATTERN_ENTRIES.get(schema);
  if (found === undefined) {
    found = Object.entries(schema.patternProperties ?? {});
    PATTERN_ENTRIES.set(schema, found);
  }
  return found;
}

function childWhere(where: string, key: string): string {
  return where === SPEC ? `"${key}"` : `"${key}" of ${where}`;
}

function asNode(node: unknown): Parameters<typeof spanOf>[1] {
  return node !== null && typeof node === "object" && "range" in node ? (node as Parameters<typeof spanOf>[1]) : undefined;
}

/** An empty document, or one of comments only: YAML reads it as null (a scalar with no source). */
function isEmpty(root: unknown): boolean {
  if (root === null || root === undefined) return true;
  return isScalar(root) && root.value === null && (root.source === undefined || root.source === "");
}
