/**
 * The validator half of messages.ts: one `validate<Name>` and one `is<Name>` per shape, each a
 * small table read by the module's `checkShape`, then `validatePayload` / `isPayload` by topic.
 */
import type { CrossFieldRule, Field, Protocol, ValueType } from "../../model.js";
import { allTopics, type ShapeView } from "../../conformance/shapes.js";
import { ruleMessage } from "../../conformance/semantics.js";
import type { TsContext } from "./messages-context.js";
import { array, atom, jsDoc, layout, object, str, WIDTH, type Expr } from "./messages-layout.js";
import { SCALAR_SPECS } from "./messages-runtime.js";

export function emitShapeValidators(view: ShapeView, ctx: TsContext): string {
  const type = ctx.names.type(view.shape);
  const validator = ctx.names.validator(view.shape);
  const guard = ctx.names.guard(view.shape);
  const topic = view.shape.kind === "topic" ? `\`${ctx.topicRef(view.shape)}\`` : undefined;
  const what = topic !== undefined ? `the payload of ${topic}` : `a {@link ${type}}`;
  const valid = topic !== undefined ? `a valid payload of ${topic}` : `a valid {@link ${type}}`;
  const table = shapeTable(view, ctx);
  const call = `  return ${ctx.need("checkShape")}<${type}>(value, ${layout(table, 2, 2 + `return checkShape<${type}>(value, `.length, 2)});\n`;
  return [
    jsDoc([`Validates ${what}: every issue, with its path, code and message.`], ""),
    signature(`export function ${validator}(`, "value: unknown", `): ValidationResult<${type}> {`),
    call,
    "}\n",
    "\n",
    jsDoc([`True when \`value\` is ${valid}.`], ""),
    signature(`export function ${guard}(`, "value: unknown", `): value is ${type} {`),
    `  return ${validator}(value).ok;\n`,
    "}\n",
  ].join("");
}

/** A function signature with one parameter, broken the way prettier breaks it when too long. */
function signature(open: string, param: string, close: string): string {
  const line = `${open}${param}${close}`;
  return line.length <= WIDTH ? `${line}\n` : `${open}\n  ${param},\n${close}\n`;
}

function shapeTable(view: ShapeView, ctx: TsContext): Expr {
  const props: [string, Expr][] = [
    ["unknownKeys", atom(str(view.unknownKeys))],
    ["fields", array(view.fields.map((f) => fieldSpec(f, ctx)))],
  ];
  if (view.rules.length > 0) props.push(["rules", array(view.rules.map((r) => ruleSpec(r, ctx)))]);
  return object(props);
}

function fieldSpec(field: Field, ctx: TsContext): Expr {
  return object([
    ["key", atom(ctx.keyRef(field.key))],
    ["required", atom(String(field.required))],
    ["type", valueSpec(field.key.type, ctx)],
  ]);
}

function valueSpec(type: ValueType, ctx: TsContext): Expr {
  switch (type.kind) {
    case "scalar":
      return atom(ctx.need(SCALAR_SPECS[type.name]));
    case "enum":
      return object([
        ["kind", atom('"enum"')],
        ["values", array(type.enum.members.map((m) => atom(`${ctx.enumType(type.enum)}.${m.name}`)))],
      ]);
    case "list":
    case "map":
      return object([
        ["kind", atom(str(type.kind))],
        ["of", valueSpec(type.of, ctx)],
      ]);
    case "record":
      return object([
        ["kind", atom('"record"')],
        ["validate", atom(ctx.names.validator(type.record))],
      ]);
  }
}

function ruleSpec(rule: CrossFieldRule, ctx: TsContext): Expr {
  const side = (part: CrossFieldRule["if"]): Expr =>
    object([
      ["key", atom(ctx.keyRef(part.key))],
      ["values", array(part.values.map((v) => atom(ctx.valueRef(part.key, v))))],
    ]);
  return object([
    ["if", side(rule.if)],
    ["then", side(rule.then)],
    ["message", atom(str(ruleMessage(rule)))],
  ]);
}

/**
 * `validatePayload` / `isPayload` and the table behind them. Each has an overload for a known
 * topic (typed by `PayloadByTopic`) and one for any string, since the topic usually comes off
 * the wire: an unknown topic is the issue `unknown_topic`, never an exception.
 */
export function emitPayloadDispatch(protocol: Protocol, ctx: TsContext): string {
  const entries = allTopics(protocol).map((t) => `  [${ctx.topicRef(t)}]: ${ctx.names.validator(t)},\n`);
  ctx.needs.useAll(["hasOwn", "quote", "describe"]);
  return [
    "const PAYLOAD_VALIDATORS: Readonly<\n",
    "  Record<string, (value: unknown) => ValidationResult<unknown>>\n",
    entries.length === 0 ? "> = {};\n" : `> = {\n${entries.join("")}};\n`,
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
