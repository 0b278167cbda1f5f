/**
 * The straight-line checks of one value type, written out at generation time: what a guard
 * runs (stop at the first failure, no message, no allocation) and what a validator runs once the
 * guard said no (every issue, with its path and message). Nothing is looked up per call: each
 * field gets its own `typeof`, `Number.isInteger`, `switch` over the enum's values, loop over a
 * list's items; messages that depend only on the spec are string literals built here.
 *
 * Both halves perform the same reads (own-property checks, `length`, key listing), so a value
 * whose reads throw is invalid to both: the guard catches and says false, the validator reports
 * `unreadable` where the read failed. (An object's guard reads a required key's value before it
 * proves the key own: a value that fails makes the object invalid either way.)
 */
import type { Constraints, Enum, StringFormat, TaggedUnion, ValueType } from "../../model.js";
import type { Doc } from "./doc.js";
import { str } from "./messages-layout.js";
import type { TsContext } from "./messages-context.js";
import { array, call, id, member, stringLit, type Expr } from "./ts-ast.js";
import { printExpr } from "./ts-print.js";
import { constDecl, statement } from "./ts-statements.js";
import { compare, forIndex, forOf, ifClause, ifElse, labelled, loop, or, switchStmt, tryCatch } from "./ts-control.js";
import { tsNumber } from "./defs-syntax.js";

/** Local names of one function body: f1, e2, i2, … from one counter, so nested scopes never clash. */
export class Locals {
  #next = 0;
  next(): number {
    return ++this.#next;
  }
}

/** What a value of the type is called in messages ("a string", `one of "a", "b"`). */
export function expectedOf(type: ValueType): string {
  switch (type.kind) {
    case "scalar":
      return { string: "a string", int: "an integer", float: "a number", bool: "a boolean", any: "a value", json: "a JSON value" }[type.name];
    case "enum":
      return enumExpected(type.enum);
    case "list":
      return "an array";
    case "map":
    case "record":
    case "tagged":
      return "an object";
    case "nullable":
      return `${expectedOf(type.of)} or null`;
    case "oneOf":
      return type.of.map(expectedOf).join(" or ");
    case "literal":
      return literalText(type.value);
  }
}

function enumExpected(e: Enum): string {
  if (e.open) return e.valueType === "int" ? "an integer" : "a string";
  return `one of ${enumLabels(e).join(", ")}`;
}

/** The enum's values as they are written in code and in messages: `"a"`, `-32700`. */
function enumLabels(e: Enum): string[] {
  return e.members.map((m) => (e.valueType === "int" ? String(m.intValue ?? Number(m.value)) : JSON.stringify(m.value)));
}

/** A literal as messages show it: JSON text. */
function literalText(value: string | number | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** A literal as code: a string literal prettier's way, a number prettier's way. */
function literalCode(value: string | number | boolean): string {
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return tsNumber(value);
  return String(value);
}

/** The code labels of an enum's `case`s. */
function caseLabels(e: Enum): string[] {
  return e.members.map((m) => (e.valueType === "int" ? tsNumber(m.intValue ?? Number(m.value)) : str(m.value)));
}

/** Whether a guard of the type would accept the ABSENT marker (so a hole must be ruled out first). */
export function acceptsAnything(type: ValueType): boolean {
  if (type.kind === "scalar") return type.name === "any";
  if (type.kind === "oneOf") return type.of.some(acceptsAnything);
  if (type.kind === "nullable") return acceptsAnything(type.of);
  return false;
}

const FORMAT_GUARDS: { readonly [F in StringFormat]: string } = {
  "date-time": "isDateTime",
  date: "isDate",
  uuid: "isUuid",
  uri: "isUri",
};

// ---------------------------------------------------------------------------------------------
// Guards: statements that run `fail` (`return false;`, `break m3;`) at the first failure.

/** The guard statements checking `v` (a local name) against `type`. */
export function guardOf(type: ValueType, v: string, fail: string, ctx: TsContext, locals: Locals): Doc[] {
  switch (type.kind) {
    case "scalar":
      return scalarGuard(type.name, type.constraints, v, fail, ctx);
    case "enum":
      return enumGuard(type.enum, v, fail, ctx);
    case "literal":
      return [ifClause(compare(v, "!==", literalCode(type.value)), fail)];
    case "nullable": {
      const inner = guardOf(type.of, v, fail, ctx, locals);
      return inner.length === 0 ? [] : [ifElse([[compare(v, "!==", "null"), inner]])];
    }
    case "list":
      return listGuard(type.of, type.constraints, v, fail, ctx, locals);
    case "map":
      return mapGuard(type.of, v, fail, ctx, locals);
    case "record":
      return [ifClause(["!", printExpr(call(ctx.need(ctx.names.guard(type.record)), [id(v)]))], fail)];
    case "tagged":
      return taggedGuard(type.union, v, fail, ctx, locals);
    case "oneOf":
      return oneOfGuard(type.of, v, fail, ctx, locals);
  }
}

function scalarGuard(name: string, c: Constraints | undefined, v: string, fail: string, ctx: TsContext): Doc[] {
  switch (name) {
    case "any":
      return [];
    case "json":
      return [ifClause(`!${ctx.need("isJson")}(${v})`, fail)];
    case "string": {
      const out = [ifClause(compare(`typeof ${v}`, "!==", '"string"'), fail)];
      if (c?.minLength !== undefined) out.push(ifClause(compare(`${v}.length`, "<", tsNumber(c.minLength)), fail));
      if (c?.format !== undefined) out.push(ifClause(`!${ctx.need(FORMAT_GUARDS[c.format])}(${v})`, fail));
      return out;
    }
    case "bool":
      return [ifClause(compare(`typeof ${v}`, "!==", '"boolean"'), fail)];
    default: {
      const test = notANumber(name, v);
      const out = [ifClause(or([compare(`typeof ${v}`, "!==", '"number"'), test]), fail)];
      const bounds: Doc[] = [];
      if (c?.minimum !== undefined) bounds.push(compare(v, "<", tsNumber(c.minimum)));
      if (c?.maximum !== undefined) bounds.push(compare(v, ">", tsNumber(c.maximum)));
      if (bounds.length > 0) out.push(ifClause(or(bounds), fail));
      return out;
    }
  }
}

function enumGuard(e: Enum, v: string, fail: string, ctx: TsContext): Doc[] {
  if (e.open) return scalarGuard(e.valueType === "int" ? "int" : "string", undefined, v, fail, ctx);
  return [switchStmt(v, [{ labels: caseLabels(e), body: ["break;"] }, { labels: ["default"], body: [fail] }])];
}

function listGuard(of: ValueType, c: Constraints | undefined, v: string, fail: string, ctx: TsContext, locals: Locals): Doc[] {
  const n = locals.next();
  const [count, index, item] = [`n${n}`, `i${n}`, `e${n}`];
  const body: Doc[] = [constDecl(item, call(ctx.need("own"), [id(v), id(index)]))];
  if (acceptsAnything(of)) body.push(ifClause(compare(item, "===", ctx.need("ABSENT")), fail));
  body.push(...guardOf(of, item, fail, ctx, locals));
  const out: Doc[] = [ifClause(`!Array.isArray(${v})`, fail), constDecl(count, call(ctx.need("lengthOf"), [id(v)]))];
  if (c?.minItems !== undefined) out.push(ifClause(compare(count, "<", tsNumber(c.minItems)), fail));
  out.push(forIndex(index, count, body));
  return out;
}

function mapGuard(of: ValueType, v: string, fail: string, ctx: TsContext, locals: Locals): Doc[] {
  const n = locals.next();
  const [key, item] = [`k${n}`, `e${n}`];
  const checks = guardOf(of, item, fail, ctx, locals);
  const read = call(ctx.need("own"), [id(v), id(key)]);
  const body: Doc[] =
    checks.length === 0
      ? [statement("", read)]
      : [constDecl(item, read), ifElse([[compare(item, "!==", ctx.need("ABSENT")), checks]])];
  return [ifClause(`!${ctx.need("isObject")}(${v})`, fail), forOf(key, printExpr(call(member(id("Object"), "keys"), [id(v)])), body)];
}

function taggedGuard(union: TaggedUnion, v: string, fail: string, ctx: TsContext, locals: Locals): Doc[] {
  const tag = `t${locals.next()}`;
  const cases = union.variants.map((variant) => ({
    labels: [str(variant.value)],
    body: [ifClause(["!", printExpr(call(ctx.need(ctx.names.guard(variant.record)), [id(v)]))], fail), "break;"],
  }));
  return [
    ifClause(`!${ctx.need("isObject")}(${v})`, fail),
    constDecl(tag, call(ctx.need("own"), [id(v), stringLit(str(union.tag))])),
    switchStmt(tag, [...cases, { labels: ["default"], body: [fail] }]),
  ];
}

function oneOfGuard(members: readonly ValueType[], v: string, fail: string, ctx: TsContext, locals: Locals): Doc[] {
  const n = locals.next();
  const matched = `oneOf${n}`;
  const tries: Doc[] = members.map((m, i) => {
    const label = `m${n}_${i + 1}`;
    const checks = guardOf(m, v, `break ${label};`, ctx, locals);
    return checks.length === 0 ? `break ${matched};` : labelled(label, [...checks, `break ${matched};`]);
  });
  return [labelled(matched, [...tries, fail])];
}

// ---------------------------------------------------------------------------------------------
// Collecting: statements that push every issue of `v` at `path` onto `errors`.

/** A path as code: its segments from the validated value (string literals and loop variables). */
export type PathExpr = readonly Expr[];

const pathArray = (path: PathExpr): Expr => array(path);

/** `helper(errors, args…);` */
function push(ctx: TsContext, helper: string, args: readonly Expr[]): Doc {
  return statement("", call(ctx.need(helper), [id("errors"), ...args]));
}

/** `report(errors, path, code, message);` with a message fixed at generation time. */
export function report(ctx: TsContext, path: PathExpr, code: string, message: string): Doc {
  return push(ctx, "report", [pathArray(path), stringLit(str(code)), stringLit(str(message))]);
}

export function unreadableAt(ctx: TsContext, path: PathExpr): Doc {
  return push(ctx, "unreadable", [pathArray(path)]);
}

/** The issue statements for `v` (present and readable) against `type`; `orNull` for a nullable's inner type. */
export function collectOf(type: ValueType, v: string, path: PathExpr, ctx: TsContext, locals: Locals, orNull = ""): Doc[] {
  const mismatch = (expected: string): Doc => push(ctx, "mismatch", [pathArray(path), stringLit(str(expected + orNull)), id(v)]);
  switch (type.kind) {
    case "scalar":
      return scalarCollect(type.name, type.constraints, v, path, ctx, mismatch);
    case "enum":
      return enumCollect(type.enum, v, path, ctx, mismatch);
    case "literal":
      return [
        ifElse([[compare(v, "!==", literalCode(type.value)), [push(ctx, "notLiteral", [pathArray(path), stringLit(str(literalText(type.value) + orNull)), id(v)])]]]),
      ];
    case "nullable":
      return [ifElse([[compare(v, "!==", "null"), collectOf(type.of, v, path, ctx, locals, " or null")]])];
    case "list":
      return listCollect(type.of, type.constraints, v, path, ctx, locals, mismatch);
    case "map":
      return mapCollect(type.of, v, path, ctx, locals, mismatch);
    case "record": {
      const nested = call(ctx.need(ctx.names.validator(type.record)), [id(v)]);
      return [ifElse([[["!", printExpr(call(ctx.need(ctx.names.guard(type.record)), [id(v)]))], [push(ctx, "nest", [pathArray(path), nested])]]])];
    }
    case "tagged":
      return taggedCollect(type.union, v, path, ctx, locals);
    case "oneOf": {
      const n = locals.next();
      const matched = `oneOf${n}`;
      const tries: Doc[] = type.of.map((m, i) => {
        const label = `m${n}_${i + 1}`;
        const checks = guardOf(m, v, `break ${label};`, ctx, locals);
        return checks.length === 0 ? `break ${matched};` : labelled(label, [...checks, `break ${matched};`]);
      });
      // Matching reads the value (a list's items, a record's keys); a read that throws is `unreadable` here.
      return [tryCatch([labelled(matched, [...tries, mismatch(expectedOf(type))])], [unreadableAt(ctx, path)])];
    }
  }
}

function scalarCollect(name: string, c: Constraints | undefined, v: string, path: PathExpr, ctx: TsContext, mismatch: (e: string) => Doc): Doc[] {
  switch (name) {
    case "any":
      return [];
    case "json":
      return [push(ctx, "checkJson", [pathArray(path), id(v)])];
    case "string": {
      const then: Doc[] = [];
      if (c?.minLength !== undefined) {
        const issue = push(ctx, "tooShort", [pathArray(path), stringLit(tsNumber(c.minLength)), member(id(v), "length"), stringLit('"characters"')]);
        then.push(ifElse([[compare(`${v}.length`, "<", tsNumber(c.minLength)), [issue]]]));
      }
      if (c?.format !== undefined) {
        const issue = push(ctx, "badFormat", [pathArray(path), stringLit(str(c.format)), id(v)]);
        then.push(ifElse([[`!${ctx.need(FORMAT_GUARDS[c.format])}(${v})`, [issue]]]));
      }
      return [ifElse([[compare(`typeof ${v}`, "!==", '"string"'), [mismatch("a string")]]], then)];
    }
    case "bool":
      return [ifElse([[compare(`typeof ${v}`, "!==", '"boolean"'), [mismatch("a boolean")]]])];
    default: {
      const test = notANumber(name, v);
      const then: Doc[] = [];
      if (c?.minimum !== undefined) {
        const issue = push(ctx, "outOfRange", [pathArray(path), stringLit(str(`at least ${String(c.minimum)}`)), id(v)]);
        then.push(ifElse([[compare(v, "<", tsNumber(c.minimum)), [issue]]]));
      }
      if (c?.maximum !== undefined) {
        const issue = push(ctx, "outOfRange", [pathArray(path), stringLit(str(`at most ${String(c.maximum)}`)), id(v)]);
        then.push(ifElse([[compare(v, ">", tsNumber(c.maximum)), [issue]]]));
      }
      const expected = name === "int" ? "an integer" : "a number";
      return [ifElse([[or([compare(`typeof ${v}`, "!==", '"number"'), test]), [mismatch(expected)]]], then)];
    }
  }
}

/** `!Number.isInteger(v)` (`int`) or `!Number.isFinite(v)`: a call whose argument breaks onto a line of its own when the line is too short. */
function notANumber(name: string, v: string): Doc {
  return printExpr({ kind: "unary", op: "!", arg: call(member(id("Number"), name === "int" ? "isInteger" : "isFinite"), [id(v)]) });
}

function enumCollect(e: Enum, v: string, path: PathExpr, ctx: TsContext, mismatch: (e: string) => Doc): Doc[] {
  if (e.open) return scalarCollect(e.valueType === "int" ? "int" : "string", undefined, v, path, ctx, mismatch);
  const expected = enumExpected(e);
  const shown = e.valueType === "int" ? call("String", [id(v)]) : call(ctx.need("quote"), [id(v)]);
  const notIn = push(ctx, "notInEnum", [pathArray(path), stringLit(str(expected)), shown]);
  const cases = switchStmt(v, [{ labels: caseLabels(e), body: ["break;"] }, { labels: ["default"], body: [notIn] }]);
  const wrongType =
    e.valueType === "int"
      ? or([compare(`typeof ${v}`, "!==", '"number"'), notANumber("int", v)])
      : compare(`typeof ${v}`, "!==", '"string"');
  return [ifElse([[wrongType, [mismatch(expected)]]], [cases])];
}

function listCollect(
  of: ValueType,
  c: Constraints | undefined,
  v: string,
  path: PathExpr,
  ctx: TsContext,
  locals: Locals,
  mismatch: (e: string) => Doc,
): Doc[] {
  const n = locals.next();
  const [length, count, index, item] = [`l${n}`, `n${n}`, `i${n}`, `e${n}`];
  const at = [...path, id(index)];
  const body: Doc[] = [
    constDecl(item, call(ctx.need("readOwn"), [id(v), id(index)])),
    ifElse([[compare(item, "===", ctx.need("UNREADABLE")), [unreadableAt(ctx, at), "break;"]]]),
    ifElse([[compare(item, "===", ctx.need("ABSENT")), [report(ctx, at, "wrong_type", `expected ${expectedOf(of)}, got a hole`), "break;"]]]),
    ...collectOf(of, item, at, ctx, locals),
  ];
  const counted: Doc[] = [constDecl(count, { kind: "conditional", test: { kind: "binary", left: { kind: "unary", op: "typeof ", arg: id(length) }, op: "===", right: stringLit('"number"') }, consequent: id(length), alternate: { kind: "number", text: "0" } })];
  if (c?.minItems !== undefined) {
    const issue = push(ctx, "tooShort", [pathArray(path), stringLit(tsNumber(c.minItems)), id(count), stringLit('"items"')]);
    counted.push(ifElse([[compare(count, "<", tsNumber(c.minItems)), [issue]]]));
  }
  counted.push(forIndex(index, count, body));
  const items: Doc[] = [
    constDecl(length, call(ctx.need("readOwn"), [id(v), stringLit('"length"')])),
    ifElse([[compare(length, "===", ctx.need("UNREADABLE")), [unreadableAt(ctx, path)]]], counted),
  ];
  return [ifElse([[compare(printExpr(call(ctx.need("kindOf"), [id(v)])), "!==", '"array"'), [mismatch("an array")]]], items)];
}

function mapCollect(of: ValueType, v: string, path: PathExpr, ctx: TsContext, locals: Locals, mismatch: (e: string) => Doc): Doc[] {
  const n = locals.next();
  const [keys, key, item] = [`k${n}`, `key${n}`, `e${n}`];
  const at = [...path, id(key)];
  const checks = collectOf(of, item, at, ctx, locals);
  const branches: (readonly [Doc, readonly Doc[]])[] = [[compare(item, "===", ctx.need("UNREADABLE")), [unreadableAt(ctx, at)]]];
  if (checks.length > 0) branches.push([compare(item, "!==", ctx.need("ABSENT")), checks]);
  const each = loop(`for (const ${key} of ${keys})`, [constDecl(item, call(ctx.need("readOwn"), [id(v), id(key)])), ifElse(branches)]);
  const entries: Doc[] = [
    constDecl(keys, call(ctx.need("sortedKeys"), [id(v)])),
    ifElse([[compare(keys, "===", "undefined"), [unreadableAt(ctx, path)]]], [each]),
  ];
  return [ifElse([[compare(printExpr(call(ctx.need("kindOf"), [id(v)])), "!==", '"object"'), [mismatch("an object")]]], entries)];
}

function taggedCollect(union: TaggedUnion, v: string, path: PathExpr, ctx: TsContext, locals: Locals): Doc[] {
  const n = locals.next();
  const [object, tag] = [`o${n}`, `t${n}`];
  const at = [...path, stringLit(str(union.tag))];
  const values = union.variants.map((x) => JSON.stringify(x.value));
  const cases = union.variants.map((variant) => ({
    labels: [str(variant.value)],
    body: [push(ctx, "nest", [pathArray(path), call(ctx.need(ctx.names.validator(variant.record)), [id(object)])]), "break;"],
  }));
  const unknown = push(ctx, "unknownTag", [pathArray(at), id(tag), stringLit(str(values.join(", ")))]);
  const dispatch = switchStmt(tag, [...cases, { labels: ["default"], body: [unknown] }]);
  const checks = ifElse(
    [
      [compare(tag, "===", ctx.need("UNREADABLE")), [unreadableAt(ctx, at)]],
      [compare(tag, "===", ctx.need("ABSENT")), [report(ctx, at, "missing_key", `missing required key ${JSON.stringify(union.tag)}`)]],
      [compare(`typeof ${tag}`, "!==", '"string"'), [push(ctx, "mismatch", [pathArray(at), stringLit(str(`one of ${values.join(", ")}`)), id(tag)])]],
    ],
    [dispatch],
  );
  return [
    constDecl(object, call(ctx.need("objectOf"), [id("errors"), pathArray(path), id(v)])),
    ifElse([[compare(object, "!==", "undefined"), [constDecl(tag, call(ctx.need("readOwn"), [id(object), stringLit(str(union.tag))])), checks]]]),
  ];
}
