/**
 * The validator half of messages.ts: per shape a boolean guard `is<Name>` (straight-line
 * checks, stops at the first failure, allocates nothing) and `validate<Name>`, which returns at
 * once when the guard says yes and otherwise collects every issue with straight-line code of its
 * own; then `validatePayload` / `isPayload`, a `switch` by topic. Nothing is built per call on the
 * valid path and nothing is computed at module load, so a bundle that does not call them drops
 * them all.
 */
import type { CrossFieldRule, Protocol, ValueType } from "../../model.js";
import { allTopics, type ShapeView } from "../../conformance/shapes.js";
import { ruleMessage } from "../../conformance/semantics.js";
import type { TsContext } from "./messages-context.js";
import { jsDoc, str } from "./messages-layout.js";
import type { Doc } from "./doc.js";
import { hardline, indent, line } from "./doc.js";
import { array, call, id, member, object, ref, shorthand, stringLit, type Expr, type Type } from "./ts-ast.js";
import { ES5_IDENTIFIER_NAME } from "./es5-identifier.js";
import { printAssignment, printExpr } from "./ts-print.js";
import { block, constDecl, functionDecl, source, statement, type Param } from "./ts-statements.js";
import { compare, forOf, ifClause, ifElse, loop, switchStmt, tryCatch } from "./ts-control.js";
import { collectOf, guardOf, Locals, report, unreadableAt } from "./messages-checks.js";
import { fixedTypeScriptHead, laidOutHead } from "../fixed-code.js";

/** One key a shape checks: a field, or the tag a tagged union's variant carries. */
interface Check {
  readonly wire: string;
  readonly type: ValueType;
  readonly required: boolean;
}

function checksOf(view: ShapeView): Check[] {
  const fields = view.fields.map((f) => ({ wire: f.key.value, type: f.type, required: f.required }));
  const variant = view.shape.kind === "record" ? view.shape.variantOf : undefined;
  if (variant === undefined) return fields;
  return [{ wire: variant.union.tag, type: { kind: "literal", value: variant.value }, required: true }, ...fields];
}

export function emitShapeValidators(view: ShapeView, ctx: TsContext): string {
  const type = ctx.names.type(view.shape);
  const validator = ctx.names.validator(view.shape);
  const guard = ctx.names.guard(view.shape);
  const topic = view.shape.kind === "topic" ? `\`${ctx.topicRef(view.shape)}\`` : undefined;
  const what = topic !== undefined ? `the payload of ${topic}` : `a {@link ${type}}`;
  const valid = topic !== undefined ? `a valid payload of ${topic}` : `a valid {@link ${type}}`;
  const params: Param[] = [{ name: "value", type: ref("unknown") }];
  const result = ref("ValidationResult", [ref(type)]);
  const predicate: Type = { kind: "predicate", param: "value", type: ref(type) };
  const checks = checksOf(view);
  return [
    jsDoc([`Validates ${what}: every issue, with its path, code and message.`], ""),
    source(functionDecl(validator, params, result, validatorBody(view, checks, guard, type, ctx))),
    "\n",
    jsDoc([`True when \`value\` is ${valid}.`], ""),
    source(functionDecl(guard, params, predicate, guardBody(view, checks, ctx))),
  ].join("");
}

// ---------------------------------------------------------------------------------------------
// The guard: the first failure returns false; a read that throws is a failure too.

function guardBody(view: ShapeView, checks: readonly Check[], ctx: TsContext): Doc[] {
  if (checks.length === 0 && view.unknownKeys === "allow") return [`return ${ctx.need("isObject")}(value);`];
  const locals = new Locals();
  const forbid = view.unknownKeys === "forbid";
  const hasOwn = ctx.need("hasOwn");
  // An optional key has a flag of its own (`h2`); the required keys share one count.
  const seen = checks.map((c, i) => (c.required ? undefined : `h${i + 1}`));
  const listing = keyListing(checks, seen, "value", forbid ? ["return false;"] : undefined, forbid ? [forbidByKeys(checks)] : [], ctx);
  // A required key's value is checked before the listing: a wrong or missing value fails the
  // guard whether or not the key is own (an inherited value means the key is missing), so an
  // invalid value is turned down without listing its keys; the listing then proves the values
  // that passed are own properties.
  const early: Doc[] = [];
  const body: Doc[] = [];
  const names = new Map<string, string>();
  checks.forEach((check, i) => {
    const h = seen[i];
    const key = stringLit(str(check.wire));
    const v = `f${locals.next()}`;
    const inner = guardOf(check.type, v, "return false;", ctx, locals);
    const ruled = usedByRules(view.rules, check.wire);
    const value = propertyOf(check.wire, ctx);
    // A value of any type is still read, as the validator reads it: a getter that throws fails both.
    // (Built only when used, so the `read` helper is emitted only for a module that calls it.)
    const touched = inner.length === 0 && !ruled;
    const touch = (): Doc => statement("", call(ctx.need("read"), [id("value"), key]));
    if (h === undefined) {
      if (touched) body.push(touch());
      else early.push(constDecl(v, value), ...inner);
    } else {
      let then: Doc[];
      if (touched) {
        then = [touch()];
      } else if (ruled) {
        // A rule reads the value after the checks: absent is ABSENT.
        body.push(`let ${v}: unknown = ${ctx.need("ABSENT")};`);
        then = [[printAssignment(v, " =", value), ";"], ...inner];
      } else {
        then = [constDecl(v, value), ...inner];
      }
      body.push(ifElse([[[h, " ||", line, printExpr(call(hasOwn, [id("value"), key]))], then]]));
    }
    if (ruled) names.set(check.wire, v);
  });
  body.unshift(...early, ...listing, ...ownRequired(checks, ctx));
  const optional = new Set(checks.filter((c) => !c.required).map((c) => c.wire));
  // A value an earlier rule's switches narrowed for every path after them is widened wherever a
  // later rule switches over it again, so every case of that switch compiles.
  const narrowed = new Set<string>();
  for (const rule of view.rules) {
    body.push(ruleGuard(rule, names, optional.has(rule.then.key.value), narrowed, ctx));
    if (narrowsForGood(rule, optional)) narrowed.add(rule.then.key.value);
  }
  body.push("return true;");
  // The object check sits inside the try, a revoked proxy's throw then reading as false: one
  // call less than isObject, whose own catch the guard does not need.
  const isObjectHere = `${ctx.need("isObjectInTry")}(value)`;
  return [tryCatch([ifClause(`!${isObjectHere}`, "return false;"), ...body], ["return false;"])];
}

/** The required keys, each once, in first-seen order (as string literals). */
function requiredLabels(checks: readonly Check[]): string[] {
  return [...new Set(checks.filter((c) => c.required).map((c) => str(c.wire)))];
}

/**
 * The proof that every required key is an own property: the listing counted them all, or else
 * (a non-enumerable own key, a listing that threw) each is asked for directly.
 */
function ownRequired(checks: readonly Check[], ctx: TsContext): Doc[] {
  const labels = requiredLabels(checks);
  if (labels.length === 0) return [];
  const hasOwn = ctx.need("hasOwn");
  const ask = labels.map((label) => ifClause(["!", printExpr(call(hasOwn, [id("value"), stringLit(label)]))], "return false;"));
  return [ifElse([[compare("listed", "!==", String(labels.length)), ask]])];
}

/**
 * Which keys are own properties, from one for-in pass over `object` (which V8 runs off the
 * object's enum cache) instead of a hasOwnProperty call per key: `listed` counts the required
 * keys, each listed once; an optional key sets its flag (`h2 = true`). A key the pass did not
 * see may still be a non-enumerable own property, so that one is asked for directly; a pass that
 * throws (a proxy) leaves every key to be asked for directly. `seen` is each check's flag
 * (undefined for a required one); `other` is what a key the spec does not name does (nothing
 * when undefined).
 */
function keyListing(
  checks: readonly Check[],
  seen: readonly (string | undefined)[],
  object: string,
  other: readonly Doc[] | undefined,
  onThrow: readonly Doc[],
  ctx: TsContext,
): Doc[] {
  // One case per distinct key (in first-seen order) counting it if it is required and setting
  // the flag of every optional check on it, the keys that only count sharing one case; grouped in
  // one pass, so a payload of n keys costs n, not n² (each label quoted once).
  const required = new Set(requiredLabels(checks));
  const flagsByLabel = new Map<string, string[]>();
  checks.forEach((c, i) => {
    const label = str(c.wire);
    const flags = flagsByLabel.get(label) ?? [];
    if (!flagsByLabel.has(label)) flagsByLabel.set(label, flags);
    const flag = seen[i];
    if (flag !== undefined) flags.push(`${flag} = true;`);
  });
  const counted: string[] = [];
  const flagged: { labels: string[]; body: string[] }[] = [];
  for (const [label, flags] of flagsByLabel) {
    if (flags.length === 0) counted.push(label);
    else flagged.push({ labels: [label], body: [...(required.has(label) ? ["listed++;"] : []), ...flags, "break;"] });
  }
  const cases = [...(counted.length === 0 ? [] : [{ labels: counted, body: ["listed++;", "break;"] }]), ...flagged];
  const judge = other === undefined ? cases : [...cases, { labels: ["default"], body: other }];
  if (judge.length === 0) return [];
  return [
    ...(required.size === 0 ? [] : ["let listed = 0;"]),
    ...seen.flatMap((h) => (h === undefined ? [] : [`let ${h} = false;`])),
    tryCatch(
      [loop(`for (const key in ${object})`, [ifClause(`!${ctx.need("hasOwn")}(${object}, key)`, "continue;"), switchStmt("key", judge)])],
      ["// Listing the keys threw (a proxy): each key is asked for below.", ...onThrow],
    ),
  ];
}

/**
 * `value.key`: a property read of its own at each field, so each has its own inline cache. A key
 * that is no identifier (`content-type`), or is named like a member of Object.prototype
 * (`toString`, which TypeScript types as the inherited method), is read through `read`.
 */
function propertyOf(wire: string, ctx: TsContext, object = "value"): Expr {
  if (ES5_IDENTIFIER_NAME.test(wire) && !(wire in Object.prototype)) return member(id(object), wire);
  return call(ctx.need("read"), [id(object), stringLit(str(wire))]);
}

/** The unknown-keys check when the for-in pass threw: by Object.keys, as the validator lists them. */
function forbidByKeys(checks: readonly Check[]): Doc {
  const known = [...new Set(checks.map((c) => str(c.wire)))];
  const judge =
    known.length === 0
      ? ["return false;"]
      : [switchStmt("key", [{ labels: known, body: ["break;"] }, { labels: ["default"], body: ["return false;"] }])];
  return forOf("key", printExpr(call(member(id("Object"), "keys"), [id("value")])), judge);
}

function usedByRules(rules: readonly CrossFieldRule[], wire: string): boolean {
  return rules.some((r) => r.if.key.value === wire || r.then.key.value === wire);
}

/** A rule whose `if` and `then` read the same key: its inner switch sees a value the outer one narrowed. */
function sameKey(rule: CrossFieldRule): boolean {
  return rule.if.key === rule.then.key;
}

/**
 * Whether TypeScript keeps the `then` value narrowed after the rule's guard: every path runs the
 * inner switch (the outer one lists every value of a required closed enum) or the rule switches
 * over one value twice (the outer switch narrows it on the other paths too).
 */
function narrowsForGood(rule: CrossFieldRule, optional: ReadonlySet<string>): boolean {
  if (sameKey(rule)) return true;
  const type = rule.if.key.type;
  if (optional.has(rule.if.key.value) || type.kind !== "enum" || type.enum.open) return false;
  return type.enum.members.every((m) => rule.if.values.includes(m.value));
}

/** The subject of an inner switch over a value the outer switch narrowed: widened, so every case compiles. */
function widened(name: string): string {
  return `${name} as unknown`;
}

/**
 * A rule in a guard: every field passed, so only the values matter (an absent one never matches).
 * `narrowed`: the wire keys whose values earlier rules' switches narrowed.
 */
function ruleGuard(rule: CrossFieldRule, names: ReadonlyMap<string, string>, thenOptional: boolean, narrowed: ReadonlySet<string>, ctx: TsContext): Doc {
  const local = (wire: string): string => names.get(wire) ?? "undefined";
  const ifKey = rule.if.key.value;
  const thenKey = rule.then.key.value;
  const when = narrowed.has(ifKey) ? widened(local(ifKey)) : local(ifKey);
  const then = sameKey(rule) || narrowed.has(thenKey) ? widened(local(thenKey)) : local(thenKey);
  const inner = switchStmt(then, [
    { labels: [...(thenOptional ? [ctx.need("ABSENT")] : []), ...rule.then.values.map(str)], body: ["break;"] },
    { labels: ["default"], body: ["return false;"] },
  ]);
  return switchStmt(when, [{ labels: rule.if.values.map(str), body: [inner] }]);
}

// ---------------------------------------------------------------------------------------------
// The validator: the guard first; only an invalid value is walked again, for its issues.

/** `return { ok: false, errors };` for the issues `errors`. */
function failed(errors: Expr): Doc {
  return statement("return", object([["ok", { kind: "boolean", value: false }], ["errors", errors]]));
}

function validatorBody(view: ShapeView, checks: readonly Check[], guard: string, type: string, ctx: TsContext): Doc[] {
  // A value that is no object has that one issue: returned in an array of its own, as the
  // common invalid case of a shape with no field to check.
  const notObject = failed(array([call(ctx.need("notObject"), [array([]), id("value")])]));
  const valid = statement("return", object([["ok", { kind: "boolean", value: true }], shorthand("value")]));
  const body: Doc[] = [ifClause(printExpr(call(guard, [id("value")])), valid)];
  // The guard of a shape with nothing but its object-ness to check is `isObject`.
  if (checks.length === 0 && view.unknownKeys === "allow" && view.rules.length === 0) return [...body, notObject];
  // `new Array()` starts with room for a few items, where `[]` grows at its first push.
  const errors: Expr = { kind: "call", callee: id("Array"), typeArgs: [ref("ValidationIssue")], args: [], isNew: true };
  body.push(ifClause(`!${ctx.need("isObject")}(value)`, notObject), constDecl("errors", errors));
  const locals = new Locals();
  const passed = new Map<string, { value: string; passed: string }>();
  for (const check of checks) {
    const n = locals.next();
    const v = `f${n}`;
    const path = [stringLit(str(check.wire))];
    const ruled = usedByRules(view.rules, check.wire);
    // readOwn inlined: a property read of its own at each field (see propertyOf).
    const take: Doc = [printAssignment(v, " =", propertyOf(check.wire, ctx)), ";"];
    const own = printExpr(call(ctx.need("hasOwn"), [id("value"), stringLit(str(check.wire))]));
    body.push(`let ${v}: unknown = ${ctx.need("ABSENT")};`, tryCatch([ifClause(own, take)], [`${v} = ${ctx.need("UNREADABLE")};`]));
    if (ruled) body.push(`const b${n} = errors.length;`);
    const branches: (readonly [Doc, readonly Doc[]])[] = [[compare(v, "===", ctx.need("UNREADABLE")), [unreadableAt(ctx, path)]]];
    const missing = report(ctx, path, "missing_key", `missing required key ${JSON.stringify(check.wire)}`);
    const issues = collectOf(check.type, v, path, ctx, locals);
    if (check.required) branches.push([compare(v, "===", ctx.need("ABSENT")), [missing]]);
    else if (issues.length > 0) branches.push([compare(v, "!==", ctx.need("ABSENT")), issues]);
    body.push(ifElse(branches, check.required ? issues : []));
    if (ruled) {
      const present: Expr = { kind: "binary", left: id(v), op: "!==", right: id(ctx.need("ABSENT")) };
      const clean: Expr = { kind: "binary", left: member(id("errors"), "length"), op: "===", right: id(`b${n}`) };
      body.push(constDecl(`p${n}`, { kind: "binary", left: present, op: "&&", right: clean }));
      passed.set(check.wire, { value: v, passed: `p${n}` });
    }
  }
  for (const rule of view.rules) {
    const when = passed.get(rule.if.key.value);
    const then = passed.get(rule.then.key.value);
    if (when === undefined || then === undefined) continue;
    const issue = report(ctx, [stringLit(str(rule.then.key.value))], "rule_violated", ruleMessage(rule));
    const inner = switchStmt(sameKey(rule) ? widened(then.value) : then.value, [
      { labels: rule.then.values.map(str), body: ["break;"] },
      { labels: ["default"], body: [issue] },
    ]);
    const outer = switchStmt(when.value, [{ labels: rule.if.values.map(str), body: [inner] }]);
    // A rule over one key asks once whether it passed (`p && p` would be an unnecessary condition).
    body.push(ifElse([[sameKey(rule) ? when.passed : [when.passed, " &&", line, then.passed], [outer]]]));
  }
  if (view.unknownKeys === "forbid") {
    const known = [...new Set(checks.map((c) => str(c.wire)))];
    const unknown = statement("", call(ctx.need("unknownKey"), [id("errors"), id("key")]));
    const judge =
      known.length === 0
        ? [unknown]
        : [switchStmt("key", [{ labels: known, body: ["break;"] }, { labels: ["default"], body: [unknown] }])];
    body.push(constDecl("keys", call(ctx.need("sortedKeys"), [id("value")])));
    body.push(ifElse([[compare("keys", "===", "undefined"), [unreadableAt(ctx, [])]]], [loop("for (const key of keys)", judge)]));
  }
  body.push(statement("return", call(ctx.need("resultOf"), [id("value"), id("errors")], [ref(type)])));
  return body;
}

/**
 * `validatePayload` / `isPayload`: a `switch` over the topic wire strings. Each has an overload
 * for a known topic (typed by `PayloadByTopic`) and one for any string, since the topic usually
 * comes off the wire: an unknown topic is the issue `unknown_topic`, never an exception.
 */
/** The names validating by topic declares. */
export const DISPATCH_NAMES: readonly string[] = ["validatePayload", "isPayload"];

export function emitPayloadDispatch(protocol: Protocol, ctx: TsContext): string {
  const topics = allTopics(protocol);
  ctx.needs.useAll(["quote", "describe"]);
  const byTopic = (fn: (t: (typeof topics)[number]) => string): Doc[] =>
    topics.length === 0
      ? []
      : [switchStmt("topic", topics.map((t) => ({ labels: [str(t.value)], body: [statement("return", call(fn(t), [id("value")]))] })))];
  const unknownTopicIssue = constDecl("issue", object([["path", array([])], ["code", stringLit(str("unknown_topic"))], shorthand("message")]), { type: ref("ValidationIssue") });
  const validateBody: Doc[] = [
    [
      'if (typeof topic !== "string") {',
      indent([
        hardline,
        "const message = `unknown topic: expected a string, got ${describe(topic)}`;",
        hardline,
        unknownTopicIssue,
        hardline,
        failed(array([id("issue")])),
      ]),
      hardline,
      "}",
    ],
    ...byTopic((t) => ctx.names.validator(t)),
    // No topic takes the value: it is examined only by a topic's validator.
    ...(topics.length === 0 ? ["void value;"] : []),
    "const message = `unknown topic ${quote(topic)}`;",
    unknownTopicIssue,
    failed(array([id("issue")])),
  ];
  const guardBody: Doc[] =
    topics.length === 0 ? [statement("return", member(call("validatePayload", [id("topic"), id("value")]), "ok"))] : [...byTopic((t) => ctx.names.guard(t)), "return false;"];
  return [
    jsDoc(
      [
        "Validates the payload of `topic`, a topic wire string: every issue, with its path, code",
        "and message. A string that is not a topic of this protocol, or a topic that is not a",
        "string at all, gives the one issue `unknown_topic` (the value is not examined); this",
        "never throws.",
      ],
      "",
    ),
    laidOutHead(VALIDATE_PAYLOAD_HEADS),
    source(block(validateBody)),
    "\n",
    jsDoc(["True when `value` is a valid payload of `topic` (false for a string that is not a topic)."], ""),
    laidOutHead(IS_PAYLOAD_HEADS),
    source(block(guardBody)),
  ].join("");
}

/** The dispatch functions' fixed heads (../fixed-code.ts): overloads, then the implementation's. */
const VALIDATE_PAYLOAD_HEADS = fixedTypeScriptHead("export function validatePayload<T extends TopicWithPayload>(\n  topic: T,\n  value: unknown,\n): ValidationResult<PayloadByTopic[T]>;\nexport function validatePayload(\n  topic: string,\n  value: unknown,\n): ValidationResult<PayloadByTopic[TopicWithPayload]>;\nexport function validatePayload(\n  topic: unknown,\n  value: unknown,\n): ValidationResult<unknown> ");
const IS_PAYLOAD_HEADS = fixedTypeScriptHead("export function isPayload<T extends TopicWithPayload>(\n  topic: T,\n  value: unknown,\n): value is PayloadByTopic[T];\nexport function isPayload(\n  topic: string,\n  value: unknown,\n): value is PayloadByTopic[TopicWithPayload];\nexport function isPayload(topic: string, value: unknown): boolean ");
