/**
 * A record's verify function in TypeScript, with the seed's checks, order and messages: the
 * container must hold the record under its attribute ("task_dxo must be a DXO"), every required
 * key must be present ("Missing required field: …"), and each expected value that is given (and
 * truthy) must match ("Expected {label} {expected}, got {actual}"). Throws `VerifyError`.
 */
import type { Record, Verify, VerifyExpect } from "../../model.js";
import { camelCase } from "../../names/case.js";
import type { TsContext } from "./messages-context.js";
import { tsType } from "./messages-context.js";
import { atom, call, jsDoc, layout, str } from "./messages-layout.js";

export function emitVerify(record: Record, verify: Verify, ctx: TsContext): string {
  const fn = ctx.names.verify(verify);
  const argument = camelCase(verify.argument);
  const required = record.fields.filter((f) => f.required).map((f) => ctx.keyRef(f.key));
  const options = verify.expects.map(
    (e) => `    readonly ${camelCase(e.param)}?: ${tsType(e.key.type, ctx)} | undefined;\n`,
  );
  ctx.need("VerifyError"); // one chunk: VerifyError, attributeOf and checkExpected
  const lines: string[] = [
    docComment(record, verify, ctx),
    `export function ${fn}(\n`,
    `  ${argument}: unknown,\n`,
    verify.expects.length > 0 ? `  expected: {\n${options.join("")}  } = {},\n` : "",
    "): void {\n",
    `  const record = attributeOf(${argument}, ${str(verify.attribute)});\n`,
    "  if (record === undefined) {\n",
    `    throw new VerifyError(${str(`${verify.argument} must be a ${verify.containerType}`)});\n`,
    "  }\n",
  ];
  if (required.length > 0) {
    lines.push(
      `  const required = ${layout({ kind: "array", items: required.map(atom) }, 2, 19, 1)};\n`,
      "  for (const field of required) {\n",
      `    if (!${ctx.need("hasOwn")}(record, field)) {\n`,
      "      throw new VerifyError(`Missing required field: ${field}`);\n",
      "    }\n",
      "  }\n",
    );
  }
  for (const expect of verify.expects) lines.push(expectCheck(expect, ctx));
  lines.push("}\n");
  return lines.join("");
}

function expectCheck(expect: VerifyExpect, ctx: TsContext): string {
  const args = [str(expect.label), `expected.${camelCase(expect.param)}`, `record[${ctx.keyRef(expect.key)}]`];
  return `  ${layout(call("checkExpected", args.map(atom)), 2, 2, 1)};\n`;
}

function docComment(record: Record, verify: Verify, ctx: TsContext): string {
  const type = ctx.names.type(record);
  const lines: string[] = [...(verify.doc?.split("\n") ?? [`Verifies the {@link ${type}} a value holds.`]), ""];
  const argDoc = verify.argumentDoc ?? `The object to verify`;
  lines.push(`@param ${camelCase(verify.argument)} ${argDoc}: its \`${verify.attribute}\` holds a {@link ${type}}.`);
  for (const e of verify.expects) {
    lines.push(`@param expected.${camelCase(e.param)} ${e.doc ?? `Expected ${e.label}`}`);
  }
  lines.push(
    `@throws {VerifyError} when \`${camelCase(verify.argument)}\` holds no \`${verify.attribute}\` object, a required`,
    "field is missing, or a given expected value does not match.",
  );
  return jsDoc(lines, "");
}
