/**
 * A record's verify function in Python with the seed's exact signature, checks, order, messages
 * and `ValueError`s, duck-typed: the argument may be any object whose attribute holds the record
 * mapping (the framework's container) or a mapping holding it under that key. A falsy expected
 * value is not checked (`if expected_type and …`), as in the seed.
 */
import type { Field, Record, Verify, ValueType } from "../../model.js";
import { paragraphs } from "../text.js";
import { pythonDocstring, pythonString } from "./defs-syntax.js";
import type { PyContext } from "./messages-context.js";
import { pyAtom, pyCall, pyLayout, pyList, pyStatement, pySubscript, type PyExpr } from "./messages-layout.js";

/** What a verify function's body binds and calls besides its parameters and the record's key set. */
export const VERIFY_LOCALS: readonly string[] = ["record", "required_fields", "field"];
export const VERIFY_CALLS: readonly string[] = ["_attribute_of", "_check_expected"];

export function emitVerify(record: Record, verify: Verify, ctx: PyContext): string {
  const fn = ctx.names.verify(verify);
  const params = verify.expects.map((e) => {
    const type = pySubscript(ctx.need("Optional"), [pyAtom(expectedType(e.key.type, ctx))]);
    return `    ${e.param}: ${pyLayout(type, 4, 4 + e.param.length + 2, " = None,".length)} = None,\n`;
  });
  // A local field has no key-set constant: its wire key is written as a string.
  const required = record.fields.filter((f) => f.required).map((f) => pyAtom(f.local ? pythonString(f.key.value) : ctx.keyRef(f.key)));
  // One parameter per expected value, as the seed's signature has them: past pylint's five (its
  // max-args and max-positional-args), the signature says so rather than changing shape.
  const noqa = verify.expects.length + 1 > 5 ? "  # noqa: PLR0913, PLR0917" : "";
  const lines = [
    `def ${fn}(${noqa}\n`,
    `    ${verify.argument}: object,\n`,
    ...params,
    ") -> None:\n",
    ...pythonDocstring(docText(record, verify, ctx), "    ").map((l) => `${l}\n`),
    `${pyStatement(4, `record = ${ctx.need("_attribute_of")}`, [verify.argument, pythonString(verify.attribute)], "")}\n`,
    "    if record is None:\n",
    `${pyStatement(8, "raise ValueError", [pythonString(`${verify.argument} must be a ${verify.containerType}`)], "")}\n`,
  ];
  if (required.length > 0) {
    lines.push(
      `    required_fields = ${pyLayout(pyList(required), 4, 22, 0)}\n`,
      "    for field in required_fields:\n",
      "        if field not in record:\n",
      '            raise ValueError(f"Missing required field: {field}")\n',
    );
  }
  for (const expect of verify.expects) {
    const field = record.fields.find((f) => f.key === expect.key);
    const check = pyCall(ctx.need("_check_expected"), [pyAtom(pythonString(expect.label)), pyAtom(expect.param), actual(field, ctx, expect.key)]);
    lines.push(`    ${pyLayout(check, 4, 4, 0)}\n`);
  }
  return lines.join("");
}

function actual(field: Field | undefined, ctx: PyContext, key: Field["key"]): PyExpr {
  const ref = pyAtom(ctx.keyRef(key));
  return field?.required === true ? pySubscript("record", [ref]) : pyCall("record.get", [ref]);
}

function expectedType(type: ValueType, ctx: PyContext): string {
  if (type.kind === "enum") return "str";
  if (type.kind === "scalar" && type.name !== "any" && type.name !== "json") {
    return { string: "str", int: "int", float: "float", bool: "bool" }[type.name];
  }
  return ctx.need("Any");
}

function docText(record: Record, verify: Verify, ctx: PyContext): string {
  const type = ctx.names.type(record);
  const args = [
    argDoc(verify.argument, verify.argumentDoc, "The object to verify"),
    ...verify.expects.map((e) => argDoc(e.param, e.doc, `Expected ${e.label}`)),
  ];
  return [
    paragraphs([verify.doc]) || `Verify the \`\`${type}\`\` an object holds.`,
    "",
    `\`\`${verify.argument}.${verify.attribute}\`\` (or \`\`${verify.argument}[${pythonString(verify.attribute)}]\`\`) holds a \`\`${type}\`\`.`,
    "",
    "Args:",
    ...args,
    "",
    "Raises:",
    `    ValueError: If ${verify.argument} holds no ${verify.attribute} mapping, a required field is`,
    "        missing, or a given expected value does not match.",
  ].join("\n");
}

/**
 * One `Args:` entry: the doc trimmed (or the fallback when blank), its further lines indented
 * under the name and blank lines dropped, so the entry stays one Google-style argument.
 */
function argDoc(name: string, doc: string | undefined, fallback: string): string {
  const [first = "", ...rest] = (paragraphs([doc]) || fallback).split("\n").filter((line) => line.trim() !== "");
  return [`    ${name}: ${first}`, ...rest.map((line) => `        ${line.trim()}`)].join("\n");
}
