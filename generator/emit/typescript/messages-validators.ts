/**
 * The validator half of messages.ts: one `validate<Name>` and one `is<Name>` per shape, each a
 * small table read by the module's `checkShape`, then `validatePayload` / `isPayload` by topic.
 */
import type { CrossFieldRule, Field, Protocol, ValueType } from "../../model.js";
import { allTopics, type ShapeView } from "../../conformance/shapes.js";
import { ruleMessage } from "../../conformance/semantics.js";
import type { TsContext } from "./messages-context.js";
import { jsDoc, str } from "./messages-layout.js";
import { array, bool, call, computed, dotted, id, member, object, ref, stringLit, type Expr, type Type } from "./ts-ast.js";
import { printExpr } from "./ts-print.js";
import { functionDecl, source, statement, type Param } from "./ts-statements.js";
import { SCALAR_SPECS } from "./messages-runtime.js";
import { notYet } from "../../not-yet.js";

export function emitShapeValidators(view: ShapeView, ctx: TsContext): string {
  const type = ctx.names.type(view.shape);
  const validator = ctx.names.validator(view.shape);
  const guard = ctx.names.guard(view.shape);
  const topic = view.shape.kind === "topic" ? `\`${ctx.topicRef(view.shape)}\`` : undefined;
  const what = topic !== undefined ? `the payload of ${topic}` : `a {@link ${type}}`;
  const valid = topic !== undefined ? `a valid payload of ${topic}` : `a valid {@link ${type}}`;
  const params: Param[] = [{ name: "value", type: ref("unknown") }];
  const check = call(ctx.need("checkShape"), [id("value"), shapeTable(view, ctx)], [ref(type)]);
  const result = ref("ValidationResult", [ref(type)]);
  const predicate: Type = { kind: "predicate", param: "value", type: ref(type) };
  return [
    jsDoc([`Validates ${what}: every issue, with its path, code and message.`], ""),
    source(functionDecl(validator, params, result, [statement("return", check)])),
    "\n",
    jsDoc([`True when \`value\` is ${valid}.`], ""),
    source(functionDecl(guard, params, predicate, [statement("return", member(call(validator, [id("value")]), "ok"))])),
  ].join("");
}

function shapeTable(view: ShapeView, ctx: TsContext): Expr {
  const props: [string, Expr][] = [
    ["unknownKeys", stringLit(str(view.unknownKeys))],
    ["fields", array(view.fields.map((f) => fieldSpec(f, ctx)))],
  ];
  if (view.rules.length > 0) props.push(["rules", array(view.rules.map((r) => ruleSpec(r, ctx)))]);
  return object(props);
}

function fieldSpec(field: Field, ctx: TsContext): Expr {
  return object([
    ["key", dotted(ctx.keyRef(field.key))],
    ["required", bool(field.required)],
    ["type", valueSpec(field.key.type, ctx)],
  ]);
}

function valueSpec(type: ValueType, ctx: TsContext): Expr {
  switch (type.kind) {
    case "scalar":
      return id(ctx.need(SCALAR_SPECS[type.name]));
    case "enum":
      return object([
        ["kind", stringLit('"enum"')],
        ["values", array(type.enum.members.map((m) => member(id(ctx.enumType(type.enum)), m.name)))],
      ]);
    case "list":
    case "map":
      return object([
        ["kind", stringLit(str(type.kind))],
        ["of", valueSpec(type.of, ctx)],
      ]);
    case "record":
      return object([
        ["kind", stringLit('"record"')],
        ["validate", id(ctx.names.validator(type.record))],
      ]);
  }
  return notYet("the TypeScript validators", type);
}

function ruleSpec(rule: CrossFieldRule, ctx: TsContext): Expr {
  const side = (part: CrossFieldRule["if"]): Expr =>
    object([
      ["key", dotted(ctx.keyRef(part.key))],
      ["values", array(part.values.map((v) => valueExpr(ctx.valueRef(part.key, v))))],
    ]);
  return object([
    ["if", side(rule.if)],
    ["then", side(rule.then)],
    ["message", stringLit(str(ruleMessage(rule)))],
  ]);
}

/** A value reference from valueRef: a string literal or `Enum.MEMBER`. */
function valueExpr(text: string): Expr {
  return /^["']/.test(text) ? stringLit(text) : dotted(text);
}

/**
 * `validatePayload` / `isPayload` and the table behind them. Each has an overload for a known
 * topic (typed by `PayloadByTopic`) and one for any string, since the topic usually comes off
 * the wire: an unknown topic is the issue `unknown_topic`, never an exception.
 */
/** The names validating by topic declares. */
export const DISPATCH_NAMES: readonly string[] = ["PAYLOAD_VALIDATORS", "validatePayload", "isPayload"];

export function emitPayloadDispatch(protocol: Protocol, ctx: TsContext): string {
  const entries = allTopics(protocol).map((t) => [computed(dotted(ctx.topicRef(t))), id(ctx.names.validator(t))] as const);
  ctx.needs.useAll(["hasOwn", "quote", "describe"]);
  return [
    "const PAYLOAD_VALIDATORS: Readonly<\n",
    "  Record<string, (value: unknown) => ValidationResult<unknown>>\n",
    `> = ${source([printExpr(object(entries, true)), ";"])}`,
    "\n",
    jsDoc(
      [
        "Validates the payload of `topic`, a topic wire string: every issue, with its path, code",
        "and message. A string that is not a topic of this protocol, or a topic that is not a",
        "string at all, gives the one issue `unknown_topic` (the value is not examined); this",
        "never throws.",
      ],
      "",
    ),
    "export function validatePayload<T extends TopicWithPayload>(\n",
    "  topic: T,\n",
    "  value: unknown,\n",
    "): ValidationResult<PayloadByTopic[T]>;\n",
    "export function validatePayload(\n",
    "  topic: string,\n",
    "  value: unknown,\n",
    "): ValidationResult<PayloadByTopic[TopicWithPayload]>;\n",
    "export function validatePayload(\n",
    "  topic: unknown,\n",
    "  value: unknown,\n",
    "): ValidationResult<unknown> {\n",
    '  if (typeof topic !== "string") {\n',
    "    const message = `unknown topic: expected a string, got ${describe(topic)}`;\n",
    '    const issue: ValidationIssue = { path: [], code: "unknown_topic", message };\n',
    "    return { ok: false, errors: [issue] };\n",
    "  }\n",
    "  const validate = hasOwn(PAYLOAD_VALIDATORS, topic)\n",
    "    ? PAYLOAD_VALIDATORS[topic]\n",
    "    : undefined;\n",
    "  if (validate === undefined) {\n",
    "    const message = `unknown topic ${quote(topic)}`;\n",
    '    const issue: ValidationIssue = { path: [], code: "unknown_topic", message };\n',
    "    return { ok: false, errors: [issue] };\n",
    "  }\n",
    "  return validate(value);\n",
    "}\n",
    "\n",
    jsDoc(["True when `value` is a valid payload of `topic` (false for a string that is not a topic)."], ""),
    "export function isPayload<T extends TopicWithPayload>(\n",
    "  topic: T,\n",
    "  value: unknown,\n",
    "): value is PayloadByTopic[T];\n",
    "export function isPayload(\n",
    "  topic: string,\n",
    "  value: unknown,\n",
    "): value is PayloadByTopic[TopicWithPayload];\n",
    "export function isPayload(topic: string, value: unknown): boolean {\n",
    "  return validatePayload(topic, value).ok;\n",
    "}\n",
  ].join("");
}
