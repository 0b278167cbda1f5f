/**
 * TypedDicts for records and topic payloads, Python 3.9 compatible: required keys in a base
 * class, optional ones in a `total=False` subclass. When every wire key is a plain identifier the
 * class syntax is used; otherwise the functional syntax, which takes any string as a key.
 */
import type { Protocol, Record, TaggedUnion, ValueType } from "../../model.js";
import { listShapes, type ShapeView } from "../../conformance/shapes.js";
import { PYTHON_KEYWORDS } from "../../names/keywords-python.js";
import { commentLines, everyLineFitsPython, paragraphs, pythonWidth } from "../text.js";
import { changedPresence, usesJson } from "../value-types.js";
import { pythonComment, pythonDocstring, pythonString } from "./defs-syntax.js";
import { JSON_VALUE, pyType, type PyContext } from "./messages-context.js";
import { lineLength, pyAssignment, pyAtom, pyCall, pyDict, pyLayout, pyStatement, pySubscript, type PyExpr } from "./messages-layout.js";

/** A key of a TypedDict: a field of the shape, or the tag a union adds to its variants. */
interface Field {
  readonly key: { readonly value: string; readonly doc?: string | undefined; readonly deprecated?: string | undefined };
  readonly type: ValueType;
  readonly required: boolean;
}

/** The names the type declarations of messages.py may take for themselves. */
export const TYPE_NAMES: readonly string[] = [JSON_VALUE];

/** The type names messages.py defines beside the shapes' TypedDicts (for `__all__`). */
export function typeExports(protocol: Protocol, names: { union(u: TaggedUnion): string }): string[] {
  return [...(usesJson(protocol) ? [JSON_VALUE] : []), ...protocol.unions.map((u) => names.union(u))];
}

/**
 * Every type declaration, in order: the `JsonValue` alias (only when some field holds JSON), the
 * records' TypedDicts, the tagged unions' aliases (after the records they join), the payloads'.
 */
export function emitTypeDecls(protocol: Protocol, ctx: PyContext): string[] {
  const shapes = listShapes(protocol);
  const records = shapes.filter((s) => s.shape.kind === "record");
  // Topic payloads, then topic responses (listShapes order).
  const topics = shapes.filter((s) => s.shape.kind !== "record");
  return [
    ...(usesJson(protocol) ? [jsonValueAlias(ctx)] : []),
    ...records.map((s) => emitTypedDict(s, ctx)),
    ...protocol.unions.map((u) => emitUnion(u, ctx)),
    ...topics.map((s) => emitTypedDict(s, ctx)),
  ];
}

/** `JsonValue = Union[str, int, float, bool, None, list["JsonValue"], dict[str, "JsonValue"]]` (3.9: no `|`, no TypeAlias). */
function jsonValueAlias(ctx: PyContext): string {
  const self = pyAtom(pythonString(JSON_VALUE));
  const members = ["str", "int", "float", "bool", "None"].map(pyAtom);
  const value = pySubscript(ctx.need("Union"), [...members, pySubscript("list", [self]), pySubscript("dict", [pyAtom("str"), self])]);
  const comment = pythonComment("Any JSON value: what json.loads returns.");
  return `${comment}\n${JSON_VALUE} = ${pyLayout(value, 0, JSON_VALUE.length + 3, 0)}\n`;
}

/** `Reply = Union[OkReply, ErrorReply]`, its doc as comments above. */
function emitUnion(u: TaggedUnion, ctx: PyContext): string {
  const name = ctx.names.union(u);
  const variants = u.variants.map((v) => pyType({ kind: "record", record: v.record }, ctx));
  const [only] = variants;
  const value = variants.length === 1 && only !== undefined ? only : pySubscript(ctx.need("Union"), variants);
  const doc = [
    ...commentLines(u.doc),
    ...(u.deprecated === undefined ? [] : [`Deprecated: ${u.deprecated.trim()}`.trimEnd()]),
    `One of ${u.variants.length} TypedDicts, told apart by ${JSON.stringify(u.tag)}.`,
  ];
  ctx.defined.add(u);
  const assigned = value.kind === "atom" ? pyAssignment(0, name, value.text) : `${name} = ${pyLayout(value, 0, name.length + 3, 0)}`;
  return `${doc.map((l) => pythonComment(l)).join("\n")}\n${assigned}\n`;
}

export function shapeDoc(view: ShapeView, ctx: PyContext): string {
  const { shape } = view;
  const text = paragraphs([
    shape.kind === "topic" ? `Payload of \`\`${ctx.topicRef(shape)}\`\` (\`\`${shape.value}\`\`).` : undefined,
    shape.doc,
    ...(shape.kind === "record" ? recordNotes(shape, ctx) : []),
    shape.deprecated === undefined ? undefined : `Deprecated: ${shape.deprecated.trim()}`,
  ]);
  return text || `The ${shape.name} record.`;
}

/** What a derived record changes of its base, and which union a variant belongs to. */
function recordNotes(record: Record, ctx: PyContext): string[] {
  const notes: string[] = [];
  if (record.base !== undefined) {
    const { required, optional } = changedPresence(record);
    const list = (fields: readonly Field[]): string => fields.map((f) => `\`\`${f.key.value}\`\``).join(", ");
    const changes = [
      ...(required.length > 0 ? [`${list(required)} required`] : []),
      ...(optional.length > 0 ? [`${list(optional)} optional`] : []),
    ];
    const base = `\`\`${ctx.names.type(record.base)}\`\``;
    notes.push(changes.length === 0 ? `The fields of ${base}.` : `The fields of ${base}, with ${changes.join(" and ")}.`);
  }
  if (record.variantOf !== undefined) {
    const { union: u, value } = record.variantOf;
    notes.push(`The \`\`${ctx.names.union(u)}\`\` whose \`\`${u.tag}\`\` is ${JSON.stringify(value)}.`);
  }
  return notes;
}

/**
 * Usable as a class-body annotation: an ASCII identifier, no keyword, no `__x` name mangling.
 * Non-ASCII identifiers stay string keys: Python reads identifiers NFKC-normalized (`ﬁ` would
 * declare the key `fi`), and which letters are identifiers depends on its Unicode version.
 */
function isClassKey(key: string): boolean {
  const mangled = key.startsWith("__") && !key.endsWith("__");
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !PYTHON_KEYWORDS.has(key) && !mangled;
}

/**
 * Whether ruff's UP013 takes `key` for one class syntax could declare: a Unicode identifier by
 * its tables (ZWNJ and ZWJ continue one), neither a keyword nor starting with `__`.
 */
function ruffClassKey(key: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}\u200c\u200d]*$/u.test(key) && !PYTHON_KEYWORDS.has(key) && !key.startsWith("__");
}

export function emitTypedDict(view: ShapeView, ctx: PyContext): string {
  const name = ctx.names.type(view.shape);
  const variant = view.shape.kind === "record" ? view.shape.variantOf : undefined;
  // A tagged union's variant carries its tag first, as a literal: `status: Literal["ok"]`.
  const tag: Field[] =
    variant === undefined ? [] : [{ key: { value: variant.union.tag }, type: { kind: "literal", value: variant.value }, required: true }];
  const required = [...tag, ...view.fields.filter((f) => f.required)];
  const optional = view.fields.filter((f) => !f.required);
  const doc = pythonDocstring(shapeDoc(view, ctx), "    ");
  const bases = { required: ctx.names.typedDictBase(view.shape, "required"), optional: ctx.names.typedDictBase(view.shape, "optional") };
  const out = typedDicts(name, bases, doc, required, optional, ctx);
  if (view.shape.kind === "record") ctx.defined.add(view.shape);
  return out;
}

/**
 * Required keys, then optional ones (the layout is typedDictText's); the base names are the ones
 * the names stage assigns, so no spec item can take them.
 */
function typedDicts(
  name: string,
  baseNames: { readonly required: string; readonly optional: string },
  doc: string[],
  required: Field[],
  optional: Field[],
  ctx: PyContext,
): string {
  ctx.need("TypedDict");
  return typedDictText(name, baseNames, doc, { required, optional }, {
    key: (f) => f.key.value,
    body: (fields) => fields.flatMap((f) => fieldLines(f, ctx)),
    type: (f) => pyType(f.type, ctx),
  });
}

/**
 * A TypedDict from its required and optional halves, for any module: a half whose keys are all
 * identifiers is written in class syntax (its lines from `field.body`); otherwise it becomes a
 * functional `baseNames.required` / `baseNames.optional` base, any string a key.
 */
export function typedDictText<F>(
  name: string,
  baseNames: { readonly required: string; readonly optional: string },
  doc: readonly string[],
  { required, optional }: { readonly required: readonly F[]; readonly optional: readonly F[] },
  field: { readonly key: (f: F) => string; readonly body: (fields: readonly F[]) => string[]; readonly type: (f: F) => PyExpr },
): string {
  const body = field.body;
  const classy = (fields: readonly F[]): boolean => fields.every((f) => isClassKey(field.key(f)));
  const functional = (target: string, fields: readonly F[], total: boolean): string =>
    functionalTypedDict(
      target,
      fields.map((f) => [field.key(f), field.type(f)] as const),
      total,
    );
  const requiredBase = baseNames.required;
  const optionalBase = baseNames.optional;
  if (classy(required) && classy(optional)) {
    if (optional.length === 0) return block(classHead(name, ["TypedDict"]), [...doc, ...spaced(body(required))]);
    if (required.length === 0) return block(classHead(name, ["TypedDict", "total=False"]), [...doc, ...spaced(body(optional))]);
    return [
      block(classHead(requiredBase, ["TypedDict"]), body(required)),
      block(classHead(name, [requiredBase, "total=False"]), [...doc, "", ...body(optional)]),
    ].join("\n\n");
  }
  const parts: string[] = [];
  const bases: string[] = [];
  if (required.length > 0) {
    parts.push(classy(required) ? block(classHead(requiredBase, ["TypedDict"]), body(required)) : functional(requiredBase, required, true));
    bases.push(requiredBase);
  }
  if (optional.length > 0 && classy(optional)) {
    parts.push(block(classHead(name, [...bases, "total=False"]), [...doc, "", ...body(optional)]));
    return parts.join("\n\n");
  }
  if (optional.length > 0) {
    parts.push(functional(optionalBase, optional, false));
    bases.push(optionalBase);
  }
  parts.push(block(classHead(name, bases), doc));
  return parts.join("\n\n");
}

function spaced(lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ["", ...lines];
}

function fieldLines(field: Field, ctx: PyContext): string[] {
  const { key } = field;
  const lines = [`    ${key.value}: ${fieldAnnotation(pyType(field.type, ctx), 4 + key.value.length + 2)}`];
  const doc = paragraphs([key.doc, key.deprecated === undefined ? undefined : `Deprecated: ${key.deprecated.trim()}`]);
  if (doc !== "") lines.push(...pythonDocstring(doc, "    "));
  return lines;
}

/**
 * A field annotation at `column`, as ruff prints it: a subscript breaks inside its brackets, but
 * when even its head (`Optional[`) overflows the line and the `(` does not, it goes in
 * parentheses, if every line of it then fits; a name too long for the line goes in parentheses
 * on a line of its own when that makes it fit.
 */
export function fieldAnnotation(type: PyExpr, column: number): string {
  const flat = pyLayout(type, 4, column, 0);
  // (When not even the `(` fits after the key, parentheses would not help: ruff splits inside.)
  if (type.kind === "subscript" && column + pythonWidth(`${type.value}[`) > lineLength() && column + 1 <= lineLength()) {
    const parenthesized = `(\n        ${pyLayout(type, 8, 8, 0)}\n    )`;
    if (everyLineFitsPython(parenthesized)) return parenthesized;
  }
  if (type.kind !== "atom" || column + pythonWidth(flat) <= lineLength()) return flat;
  if (column + 1 > lineLength() || 8 + pythonWidth(flat) > lineLength()) return flat;
  return `(\n        ${flat}\n    )`;
}

/**
 * `target = TypedDict("target", {"wire-key": type, …})`: any string can be a key. When ruff would
 * still ask for class syntax (UP013: every key a Unicode identifier, `ﬁ` or `Mixedß`), the first
 * line says why not with a `noqa` (ruff leaves pragma comments out of the line width).
 */
function functionalTypedDict(target: string, fields: readonly (readonly [key: string, type: PyExpr])[], total: boolean): string {
  const entries = fields.map(([key, type]) => [pythonString(key), type] as const);
  const args: (PyExpr | readonly [string, PyExpr])[] = [pyAtom(pythonString(target)), pyDict(entries)];
  if (!total) args.push(["total", pyAtom("False")]);
  const call = pyCall("TypedDict", args);
  const split = `${target} = ${pyLayout(call, 0, pythonWidth(target) + 3, 0)}`;
  // As ruff does: when even `target = TypedDict(` overflows the line, the value goes in
  // parentheses, but only if every line of that layout then fits.
  const parenthesized = `${target} = (\n    ${pyLayout(call, 4, 4, 0)}\n)`;
  const text = pythonWidth(`${target} = TypedDict(`) > lineLength() && everyLineFitsPython(parenthesized) ? parenthesized : split;
  if (!fields.every(([key]) => ruffClassKey(key))) return `${text}\n`;
  const lineEnd = text.indexOf("\n");
  const noqa = "  # noqa: UP013";
  return lineEnd === -1 ? `${text}${noqa}\n` : `${text.slice(0, lineEnd)}${noqa}${text.slice(lineEnd)}\n`;
}

/** `class Name(Base, total=False):`, broken as ruff breaks a long one. */
function classHead(name: string, bases: readonly string[]): string {
  return pyStatement(0, `class ${name}`, bases, ":");
}

function block(head: string, body: readonly string[]): string {
  return `${head}\n${body.join("\n")}\n`;
}
