/**
 * TypedDicts for records and topic payloads, Python 3.9 compatible: required keys in a base
 * class, optional ones in a `total=False` subclass. When every wire key is a plain identifier the
 * class syntax is used; otherwise the functional syntax, which takes any string as a key.
 */
import type { Field } from "../../model.js";
import type { ShapeView } from "../../conformance/shapes.js";
import { PYTHON_KEYWORDS } from "../../names/keywords-python.js";
import { paragraphs, pythonWidth } from "../text.js";
import { pythonDocstring, pythonString } from "./defs-syntax.js";
import { pyType, type PyContext } from "./messages-context.js";
import { lineLength, pyAtom, pyCall, pyDict, pyLayout, pyStatement, type PyExpr } from "./messages-layout.js";

export function shapeDoc(view: ShapeView, ctx: PyContext): string {
  const { shape } = view;
  const text = paragraphs([
    shape.kind === "topic" ? `Payload of \`\`${ctx.topicRef(shape)}\`\` (\`\`${shape.value}\`\`).` : undefined,
    shape.doc,
    shape.deprecated === undefined ? undefined : `Deprecated: ${shape.deprecated.trim()}`,
  ]);
  return text || `The ${shape.name} record.`;
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
  const required = view.fields.filter((f) => f.required);
  const optional = view.fields.filter((f) => !f.required);
  const doc = pythonDocstring(shapeDoc(view, ctx), "    ");
  const bases = { required: ctx.names.typedDictBase(view.shape, "required"), optional: ctx.names.typedDictBase(view.shape, "optional") };
  const out = typedDicts(name, bases, doc, required, optional, ctx);
  if (view.shape.kind === "record") ctx.defined.add(view.shape);
  return out;
}

/**
 * Required keys, then optional ones. A half whose keys are all identifiers is written in class
 * syntax; otherwise it becomes a functional `_<Name>Required` / `_<Name>Optional` base (names
 * the names stage assigns, so no spec item can take them).
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
  const body = (fields: Field[]): string[] => fields.flatMap((f) => fieldLines(f, ctx));
  const classy = (fields: Field[]): boolean => fields.every((f) => isClassKey(f.key.value));
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
    parts.push(
      classy(required)
        ? block(classHead(requiredBase, ["TypedDict"]), body(required))
        : functional(requiredBase, required, true, ctx),
    );
    bases.push(requiredBase);
  }
  if (optional.length > 0 && classy(optional)) {
    parts.push(block(classHead(name, [...bases, "total=False"]), [...doc, "", ...body(optional)]));
    return parts.join("\n\n");
  }
  if (optional.length > 0) {
    parts.push(functional(optionalBase, optional, false, ctx));
    bases.push(optionalBase);
  }
  parts.push(block(classHead(name, bases), doc));
  return parts.join("\n\n");
}

function spaced(lines: string[]): string[] {
  return lines.length === 0 ? [] : ["", ...lines];
}

function fieldLines(field: Field, ctx: PyContext): string[] {
  const { key } = field;
  const lines = [`    ${key.value}: ${annotation(pyType(key.type, ctx), 4 + key.value.length + 2)}`];
  const doc = paragraphs([key.doc, key.deprecated === undefined ? undefined : `Deprecated: ${key.deprecated.trim()}`]);
  if (doc !== "") lines.push(...pythonDocstring(doc, "    "));
  return lines;
}

/**
 * A field annotation at `column`, as ruff prints it: a subscript breaks inside its brackets; a
 * name too long for the line goes in parentheses on a line of its own when that makes it fit.
 */
function annotation(type: PyExpr, column: number): string {
  const flat = pyLayout(type, 4, column, 0);
  if (type.kind !== "atom" || column + pythonWidth(flat) <= lineLength()) return flat;
  if (column + 1 > lineLength() || 8 + pythonWidth(flat) > lineLength()) return flat;
  return `(\n        ${flat}\n    )`;
}

/**
 * `target = TypedDict("target", {"wire-key": type, …})`: any string can be a key. When ruff would
 * still ask for class syntax (UP013: every key a Unicode identifier, `ﬁ` or `Mixedß`), the first
 * line says why not with a `noqa` (ruff leaves pragma comments out of the line width).
 */
function functional(target: string, fields: Field[], total: boolean, ctx: PyContext): string {
  const entries = fields.map((f) => [pythonString(f.key.value), pyType(f.key.type, ctx)] as const);
  const args: (PyExpr | readonly [string, PyExpr])[] = [pyAtom(pythonString(target)), pyDict(entries)];
  if (!total) args.push(["total", pyAtom("False")]);
  const call = pyCall("TypedDict", args);
  const split = `${target} = ${pyLayout(call, 0, pythonWidth(target) + 3, 0)}`;
  // As ruff does: when even `target = TypedDict(` overflows the line, the value goes in
  // parentheses, but only if every line of that layout then fits.
  const parenthesized = `${target} = (\n    ${pyLayout(call, 4, 4, 0)}\n)`;
  const fits = (text: string): boolean => text.split("\n").every((line) => pythonWidth(line) <= lineLength());
  const text = pythonWidth(`${target} = TypedDict(`) > lineLength() && fits(parenthesized) ? parenthesized : split;
  if (!fields.every((f) => ruffClassKey(f.key.value))) return `${text}\n`;
  const lineEnd = text.indexOf("\n");
  const noqa = "  # noqa: UP013";
  return lineEnd === -1 ? `${text}${noqa}\n` : `${text.slice(0, lineEnd)}${noqa}${text.slice(lineEnd)}\n`;
}

/** `class Name(Base, total=False):`, broken as ruff breaks a long one. */
function classHead(name: string, bases: readonly string[]): string {
  return pyStatement(0, `class ${name}`, bases, ":");
}

function block(head: string, body: string[]): string {
  return `${head}\n${body.join("\n")}\n`;
}
