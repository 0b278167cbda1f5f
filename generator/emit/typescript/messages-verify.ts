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
import type { Doc } from "./doc.js";
import { commentLines } from "../text.js";
import { jsDoc, str } from "./messages-layout.js";
import { array, call, dotted, id, index, member, newCall, object, ref, stringLit, toKey, unionOf } from "./ts-ast.js";
import type { PropSig } from "./ts-ast.js";
import { block, constDecl, functionDecl, source, statement, type Param } from "./ts-statements.js";

/** What a verify function's body binds and calls besides its parameters and the record's key set. */
export const VERIFY_LOCALS: readonly string[] = ["record", "required", "field", "expected"];
export const VERIFY_CALLS: readonly string[] = ["attributeOf", "VerifyError", "hasOwn", "checkExpected"];

export function emitVerify(record: Record, verify: Verify, ctx: TsContext): string {
  const fn = ctx.names.verify(verify);
  const argument = camelCase(verify.argument);
  // A local field has no key-set constant: its wire key is written as a string.
  const required = record.fields.filter((f) => f.required).map((f) => (f.local ? stringLit(str(f.key.value)) : dotted(ctx.keyRef(f.key))));
  ctx.needs.useAll(VERIFY_CALLS);
  const params: Param[] = [{ name: argument, type: ref("unknown") }];
  if (verify.expects.length > 0) {
    const options = verify.expects.map(
      (e): PropSig => ({
        key: toKey(camelCase(e.param)),
        type: unionOf([tsType(e.key.type, ctx), ref("undefined")]),
        optional: true,
        readonly: true,
      }),
    );
    params.push({ name: "expected", type: { kind: "literal", members: options, expanded: true }, default: object([]) });
  }
  const message = str(`${verify.argument} must be a ${verify.containerType}`);
  const body: Doc[] = [
    constDecl("record", call("attributeOf", [id(argument), stringLit(str(verify.attribute))])),
    ["if (record === undefined) ", block([statement("throw", newCall("VerifyError", [stringLit(message)]))])],
  ];
  if (required.length > 0) {
    body.push(
      constDecl("required", array(required)),
      [
        "for (const field of required) ",
        block([
          [
            `if (!${ctx.need("hasOwn")}(record, field)) `,
            block([statement("throw", newCall("VerifyError", [stringLit("`Missing required field: ${field}`")]))]),
          ],
        ]),
      ],
    );
  }
  for (const expect of verify.expects) body.push(expectCheck(expect, ctx));
  return docComment(record, verify, ctx) + source(functionDecl(fn, params, ref("void"), body));
}

function expectCheck(expect: VerifyExpect, ctx: TsContext): Doc {
  const args = [
    stringLit(str(expect.label)),
    member(id("expected"), camelCase(expect.param)),
    index(id("record"), dotted(ctx.keyRef(expect.key))),
  ];
  return statement("", call("checkExpected", args));
}

function docComment(record: Record, verify: Verify, ctx: TsContext): string {
  const type = ctx.names.type(record);
  const doc = commentLines(verify.doc);
  const lines = doc.length > 0 ? doc : [`Verifies the {@link ${type}} a value holds.`];
  // Spec text inside a tag stays on the tag's line.
  // A doc or, without one, the fallback (which holds the spec's label, line breaks and all) on one line.
  const inline = (text: string | undefined, fallback: string): string => commentLines(text).join(" ") || commentLines(fallback).join(" ");
  const argDoc = inline(verify.argumentDoc, "The object to verify");
  const tags = [
    `@param ${camelCase(verify.argument)} ${argDoc}: its \`${verify.attribute}\` holds a {@link ${type}}.`,
    ...verify.expects.map((e) => `@param expected.${camelCase(e.param)} ${inline(e.doc, `Expected ${e.label}`)}`),
    `@throws {VerifyError} when \`${camelCase(verify.argument)}\` holds no \`${verify.attribute}\` object, a required`,
    "field is missing, or a given expected value does not match.",
  ];
  return jsDoc(lines, "", tags);
}
