/**
 * Python validators: one `validate_<name>` (list of issues) and one `parse_<name>` (raises
 * `PayloadValidationError`, a `ValueError`) per shape, each a small table read by the module's
 * `_check_shape`; then the topic tables and `validate_payload` / `parse_payload`.
 */
import type { CrossFieldRule, Field, Protocol, Topic, ValueType } from "../../model.js";
import { allTopics, type ShapeView } from "../../conformance/shapes.js";
import { ruleMessage } from "../../conformance/semantics.js";
import { pythonDocstring, pythonString } from "./defs-syntax.js";
import type { PyContext } from "./messages-context.js";
import { pyAtom, pyCall, pyDef, pyDict, pyLayout, pyList, pyStatement, pyTuple, type PyExpr } from "./messages-layout.js";
import { SCALAR_SPECS } from "./messages-runtime.js";
import { notYet } from "../../not-yet.js";

export function emitShapeValidators(view: ShapeView, ctx: PyContext): string {
  const type = ctx.names.type(view.shape);
  const validator = ctx.names.validator(view.shape);
  const parser = ctx.names.guard(view.shape);
  const what = view.shape.kind === "topic" ? `the payload of \`\`${ctx.topicRef(view.shape)}\`\`` : `a \`\`${type}\`\``;
  const args: (PyExpr | readonly [string, PyExpr])[] = [
    pyAtom("value"),
    ["unknown_keys", pyAtom(pythonString(view.unknownKeys))],
    ["fields", pyList(view.fields.map((f) => fieldSpec(f, ctx)))],
  ];
  if (view.rules.length > 0) args.push(["rules", pyList(view.rules.map((r) => ruleSpec(r, ctx)))]);
  return [
    `${pyDef(validator, ["value: object"], "list[ValidationIssue]")}\n`,
    ...docLines(`Validate ${what}.\n\nReturns every issue (path, code, message); an empty list when it is valid.`),
    `    return ${pyLayout(pyCall(ctx.need("_check_shape"), args), 4, 11, 0)}\n`,
    "\n\n",
    `${pyDef(parser, ["value: object"], type)}\n`,
    ...docLines(
      `Return \`\`value\`\` as ${what}.\n\nRaises:\n    PayloadValidationError: If it has issues (a \`\`ValueError\`\` listing them).`,
    ),
    `    ${pyLayout(pyCall(ctx.need("_raise_if_invalid"), [pyCall(validator, [pyAtom("value")])]), 4, 4, 0)}\n`,
    `${pyStatement(4, `return ${ctx.need("cast")}`, [pythonString(type), "value"], "")}\n`,
  ].join("");
}

function docLines(text: string): string[] {
  return pythonDocstring(text, "    ").map((l) => `${l}\n`);
}

function fieldSpec(field: Field, ctx: PyContext): PyExpr {
  const args: (PyExpr | readonly [string, PyExpr])[] = [pyAtom(ctx.keyRef(field.key)), valueSpec(field.key.type, ctx)];
  if (!field.required) args.push(["required", pyAtom("False")]);
  return pyCall(ctx.need("_Field"), args);
}

function valueSpec(type: ValueType, ctx: PyContext): PyExpr {
  switch (type.kind) {
    case "scalar":
      return pyAtom(ctx.need(SCALAR_SPECS[type.name]));
    case "enum":
      return pyCall(
        ctx.need("_enum"),
        type.enum.members.map((m) => pyAtom(`${ctx.use(type.enum.name)}.${m.name}`)),
      );
    case "list":
      return pyCall(ctx.need("_list_of"), [valueSpec(type.of, ctx)]);
    case "map":
      return pyCall(ctx.need("_map_of"), [valueSpec(type.of, ctx)]);
    case "record":
      return pyCall(ctx.need("_record"), [pyAtom(ctx.names.validator(type.record))]);
  }
  return notYet("the Python validators", type);
}

function ruleSpec(rule: CrossFieldRule, ctx: PyContext): PyExpr {
  const values = (part: CrossFieldRule["if"]): PyExpr => pyList(part.values.map((v) => pyAtom(ctx.valueRef(part.key, v))));
  return pyCall(ctx.need("_Rule"), [
    ["if_key", pyAtom(ctx.keyRef(rule.if.key))],
    ["if_values", values(rule.if)],
    ["then_key", pyAtom(ctx.keyRef(rule.then.key))],
    ["then_values", values(rule.then)],
    ["message", pyAtom(pythonString(ruleMessage(rule)))],
  ]);
}

/** The topic tables and `validate_payload` / `parse_payload`. */
export function emitPayloadDispatch(protocol: Protocol, ctx: PyContext): string {
  const topics = allTopics(protocol);
  const table = (entry: (t: Topic) => PyExpr): PyExpr => pyDict(topics.map((t) => [ctx.topicRef(t), entry(t)] as const));
  const replies = (t: Topic): PyExpr => pyTuple(t.replies.map((r) => pyAtom(ctx.topicRef(r))));
  const assign = (target: string, value: PyExpr): string => `${target} = ${pyLayout(value, 0, target.length + 3, 0)}\n`;
  ctx.needs.useAll(PAYLOAD_FUNCTIONS_USE);
  return [
    assign("PAYLOAD_BY_TOPIC: Mapping[str, type]", table((t) => pyAtom(ctx.names.type(t)))),
    '"""The payload TypedDict of every topic, keyed by wire string."""\n',
    "\n",
    assign("REPLIES_BY_TOPIC: Mapping[str, tuple[str, ...]]", table(replies)),
    '"""The topics a peer may answer each topic with (empty: not a request)."""\n',
    "\n",
    assign("_PAYLOAD_VALIDATORS: Mapping[str, _Validator]", table((t) => pyAtom(ctx.names.validator(t)))),
    "\n\n",
    PAYLOAD_FUNCTIONS,
  ].join("");
}

/** The names validating by topic and the topic tables declare. */
export const DISPATCH_NAMES: readonly string[] = ["PAYLOAD_BY_TOPIC", "REPLIES_BY_TOPIC", "_PAYLOAD_VALIDATORS", "validate_payload", "parse_payload"];

/** What the fixed text of the dispatch (the tables' annotations and the functions) uses. */
const PAYLOAD_FUNCTIONS_USE = ["Mapping", "Any", "cast", "_Validator", "_quote", "_describe", "_raise_if_invalid"];

const PAYLOAD_FUNCTIONS = `def validate_payload(topic: object, value: object) -> list[ValidationIssue]:
    """Validate the payload of \`\`topic\`\` (a topic wire string): every issue found.

    A string that is not a topic of this protocol, or a topic that is not a string at all,
    gives the one issue \`\`unknown_topic\`\` (the value is not examined); this never raises.
    """
    if not isinstance(topic, str):
        message = f"unknown topic: expected a string, got {_describe(topic)}"
        return [ValidationIssue((), "unknown_topic", message)]
    validate = _PAYLOAD_VALIDATORS.get(topic)
    if validate is None:
        return [ValidationIssue((), "unknown_topic", f"unknown topic {_quote(topic)}")]
    return validate(value)


def parse_payload(topic: object, value: object) -> Mapping[str, Any]:
    """Return \`\`value\`\` if it is a valid payload of \`\`topic\`\`.

    Raises:
        PayloadValidationError: If it is not, or \`\`topic\`\` is not a topic of this
            protocol (a \`\`ValueError\`\`, listing every issue).
    """
    _raise_if_invalid(validate_payload(topic, value))
    return cast("Mapping[str, Any]", value)
`;
