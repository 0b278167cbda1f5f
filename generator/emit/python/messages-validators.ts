/**
 * Python validators, generated as straight-line code. Per shape:
 *
 * - `_is_<name>`: the fast path, one boolean expression of exact-type checks (`type(v) is str`,
 *   enum membership in a frozenset built at import) that allocates nothing and never raises. It
 *   answers True only for a value that is certainly valid; anything unusual (a `str` subclass, a
 *   `Mapping` that is not a `dict`, an integral float for an int) is left to the walk.
 * - `_walk_<name>`: the issue walk, run only when the fast path says no. It reports every issue
 *   in the README's order with the README's messages; a nested record (or variant) is a step it
 *   yields to `_issues`, which runs it on an explicit stack, so no depth of records reaches the
 *   recursion limit.
 * - `validate_<name>` (list of issues) and `parse_<name>` (raises `PayloadValidationError`). A
 *   topic payload's validator inlines its fast path and its walk (paths then constant tuples),
 *   so a valid payload costs one call and an invalid one no path building, unless its walk
 *   yields nested records or would pass the lint limits.
 *
 * Then the enum and union tables the code refers to, the topic tables and `validate_payload`.
 */
import type { CrossFieldRule, Enum, Field, Protocol, Record, TaggedUnion, Topic, ValueType } from "../../model.js";
import { allTopics, listShapes, type ShapeView } from "../../conformance/shapes.js";
import type { Shape } from "../../names/index.js";
import { quote, ruleMessage } from "../../conformance/semantics.js";
import { mergedIsinstance, pythonDocstring, pythonString } from "./defs-syntax.js";
import type { PyContext } from "./messages-context.js";
import { lineLength, pyAnnotatedHead, pyAssignment, pyAtom, pyCall, pyDef, pyDefWithComment, pyDict, pyFlat, pyLayout, pyStatement, pySubscript, pyTuple, isClosing, isOpening, scanCode, topLevelItems, type PyExpr } from "./messages-layout.js";
import { everyLineFitsPython, pythonWidth } from "../text.js";
import { fixedPython, laidOut } from "../fixed-code.js";

/** Records nested deeper than this below a shape give it no fast path (its checks would recurse). */
const FAST_DEPTH = 40;

/** What the validators of one module share: which shapes have a fast path, which enums and unions they use. */
export interface ValidatorPlan {
  readonly fast: ReadonlySet<Shape>;
  readonly enums: Set<Enum>;
  readonly unions: Set<TaggedUnion>;
  /** Each fast shape's check as `settleFastPlan` last wrote it (against the settled plan), to be used rather than written again. */
  readonly settled?: Map<Shape, SettledCheck>;
}

/** A fast check written while the plan settled: the check, the helper names it asked for, the enums it reads. */
interface SettledCheck {
  readonly check: FastCheck | null;
  readonly asked: readonly string[];
  readonly enums: ReadonlySet<Enum>;
}

export function validatorPlan(protocol: Protocol): ValidatorPlan {
  const heights = recordHeights(protocol);
  const fast = new Set<Shape>();
  const height = (fields: readonly Field[]): number => Math.max(0, ...fields.map((f) => typeHeight(f.type, heights)));
  for (const view of listShapes(protocol)) {
    if (height(view.fields) + 1 <= FAST_DEPTH) fast.add(view.shape);
  }
  return { fast, enums: new Set(), unions: new Set(), settled: new Map() };
}

/** How many records deep each record's values nest (1: no record inside), computed without recursion. */
function recordHeights(protocol: Protocol): Map<Record, number> {
  const heights = new Map<Record, number>();
  const inner = (record: Record): Record[] => record.fields.flatMap((f) => recordsIn(f.type));
  for (const start of protocol.records) {
    const stack: [Record, boolean][] = [[start, false]];
    while (stack.length > 0) {
      const [record, expanded] = stack.pop() as [Record, boolean];
      if (heights.has(record)) continue;
      if (expanded) {
        heights.set(record, 1 + Math.max(0, ...inner(record).map((r) => heights.get(r) ?? 0)));
        continue;
      }
      stack.push([record, true]);
      for (const r of inner(record)) if (!heights.has(r)) stack.push([r, false]);
    }
  }
  return heights;
}

function recordsIn(type: ValueType): Record[] {
  switch (type.kind) {
    case "record":
      return [type.record];
    case "tagged":
      return type.union.variants.map((v) => v.record);
    case "list":
    case "map":
    case "nullable":
      return recordsIn(type.of);
    case "oneOf":
      return type.of.flatMap(recordsIn);
    default:
      return [];
  }
}

function typeHeight(type: ValueType, heights: ReadonlyMap<Record, number>): number {
  return Math.max(0, ...recordsIn(type).map((r) => heights.get(r) ?? 0));
}

// ---------------------------------------------------------------------------------------------
// Boolean expressions, laid out the way `ruff format` breaks them.

type Bool = { readonly kind: "atom"; readonly text: string } | { readonly kind: "and" | "or"; readonly items: readonly Bool[] };

const atom = (text: string): Bool => ({ kind: "atom", text });
function join(kind: "and" | "or", items: readonly (Bool | null)[]): Bool | null {
  const flat: Bool[] = [];
  for (const i of items) {
    if (i === null) return null;
    if (i.kind === kind) for (const j of i.items) flat.push(j);
    else flat.push(i);
  }
  return flat.length === 1 ? (flat[0] as Bool) : { kind, items: flat };
}

/** `b` on one line (in parentheses when `nested`). */
function flatBool(b: Bool, nested: boolean): string {
  return flatBoolWithin(b, nested, Infinity) as string;
}

/** The width of the text `flatBoolWithin` returned last. */
let boolWidth = 0;

/**
 * `b` on one line (in parentheses when `nested`) when it takes at most `room` columns, else undefined — found without
 * building or measuring more of a long chain than fits (a line's width is the sum of its pieces').
 */
function flatBoolWithin(b: Bool, nested: boolean, room: number): string | undefined {
  if (b.kind === "atom") {
    const w = pythonWidth(b.text);
    if (w > room) return undefined;
    boolWidth = w;
    return b.text;
  }
  const op = ` ${b.kind} `;
  const parens = nested ? 2 : 0;
  let text = "";
  let columns = parens;
  for (let i = 0; i < b.items.length; i++) {
    if (i > 0) {
      text += op;
      columns += op.length;
    }
    const one = flatBoolWithin(b.items[i] as Bool, true, room - columns);
    if (one === undefined) return undefined;
    text += one;
    columns += boolWidth;
    if (columns > room) return undefined;
  }
  boolWidth = columns;
  return nested ? `(${text})` : text;
}

/** `b` printed at `column` of a line indented `indent`, `trailing` characters following it. */
function layoutBool(b: Bool, indent: number, column: number, trailing: number): string {
  // One operand (a call): split inside its brackets when it does not fit, as any expression is.
  if (b.kind === "atom") return layoutText(b.text, indent, column, trailing);
  const fitting = flatBoolWithin(b, false, lineLength() - column - trailing);
  if (fitting !== undefined) return fitting;
  const hugged = huggedBool(b, indent, column, trailing);
  if (hugged !== undefined) return hugged;
  // Two operands, the last in parentheses: ruff splits inside those ("hugs" them) when the
  // head fits, rather than wrapping the whole expression.
  const [first, last] = b.items;
  // Two operands, the last a call: ruff splits inside the call's brackets when the line up to
  // its opening bracket fits (black's `_can_omit_closing_paren`), and its arguments fit on one line.
  if (b.items.length === 2 && first !== undefined && last !== undefined && last.kind === "atom") {
    const call = callParts(last.text);
    if (call !== undefined) {
      const head = `${flatBool(first, true)} ${b.kind} ${call.callee}(`;
      if (column + pythonWidth(head) <= lineLength() && indent + 4 + pythonWidth(call.args) <= lineLength()) {
        return `${head}\n${" ".repeat(indent + 4)}${call.args}\n${" ".repeat(indent)})`;
      }
    }
  }
  if (b.items.length === 2 && first !== undefined && last !== undefined && last.kind !== "atom") {
    const head = `${flatBool(first, true)} ${b.kind} (`;
    if (column + pythonWidth(head) <= lineLength()) {
      const pad = " ".repeat(indent + 4);
      const inner = flatBool(last, false);
      const body = indent + 4 + pythonWidth(inner) <= lineLength() ? `${pad}${inner}` : boolLines(last as Bool & { kind: "and" | "or" }, indent + 4);
      return `${head}\n${body}\n${" ".repeat(indent)})`;
    }
  }
  return `(\n${parenBody(b, indent + 4)}\n${" ".repeat(indent)})`;
}

/** An operand as ruff sees its brackets: text before them, their inside, and the closing bracket ending the operand. */
interface Bracketed {
  readonly head: string;
  readonly inner: string;
  readonly nested?: Bool & { kind: "and" | "or" };
  /** The operand is a call (its inside splits at its commas) rather than a parenthesized expression. */
  readonly call: boolean;
  /** What follows the closing bracket (` is dict` of `type(value) is dict`): no bracket in it. */
  readonly tail: string;
}

/** `undefined`: no brackets (or only empty ones) to split at; `null`: brackets not at its end, which this layout does not model. */
function bracketed(b: Bool): Bracketed | undefined | null {
  if (b.kind !== "atom") return { head: "(", inner: flatBool(b, false), nested: b, call: false, tail: "" };
  const full = b.text;
  // The first bracket outside strings decides.
  const i = scanCode(full, (_, c) => isOpening(c) || isClosing(c));
  const c = full[i] ?? "";
  if (i === -1) return undefined;
  if (isClosing(c)) return null;
  // A comparison after the brackets (`type(value) is dict`) rides on the closing bracket's line,
  // when no other bracket follows.
  const closed = scanCode(full, (_, ch, depth) => isClosing(ch) && depth === 0, i);
  const tail = closed === -1 ? "" : full.slice(closed + 1);
  if (tail !== "" && (!tail.startsWith(" ") || scanCode(tail, (_, ch) => isOpening(ch) || isClosing(ch)) !== -1)) return null;
  const text = full.slice(0, full.length - tail.length);
  if (c === "(" && text.slice(i + 1) === ")") return undefined;
  const call = callParts(text.slice(i - (/[\w.]*$/.exec(text.slice(0, i))?.[0].length ?? 0)));
  const head = text.slice(0, i + 1);
  if (c === "(" && call !== undefined && text.endsWith(`(${call.args})`)) return { head, inner: call.args, call: /\w$/.test(text.slice(0, i)), tail };
  if (c === "(" && i === 0 && closesAtEnd(text)) return { head, inner: text.slice(1, -1), call: false, tail };
  return null;
}

/** Whether the bracket opening `text` is the one closing it. */
function closesAtEnd(text: string): boolean {
  return text !== "" && scanCode(text, (_, c, depth) => isClosing(c) && depth === 0) === text.length - 1;
}

/**
 * Two operands, the last ending in non-empty brackets (or the first a parenthesized
 * expression): ruff omits the optional parentheses around the whole expression when the line
 * fits up to the first opening bracket, and splits inside brackets instead, each pair breaking
 * when it does not fit together with the text up to the next opening bracket. `undefined`
 * when the expression is not of that shape (the caller wraps it in parentheses).
 */
function huggedBool(b: Bool & { kind: "and" | "or" }, indent: number, column: number, trailing: number): string | undefined {
  if (b.items.length !== 2) return undefined;
  const parts = b.items.map((item) => ({ item, br: bracketed(item) }));
  const [first, last] = parts;
  if (first === undefined || last === undefined || first.br === null || last.br === null) return undefined;
  // ruff looks at the last operand's end and the first one's start: a comparison after the
  // brackets ends with a plain name there, and this layout is not ruff's.
  if (last.br !== undefined && last.br.tail !== "") return undefined;
  if (last.br === undefined && (first.br === undefined || first.br.call || first.br.head !== "(" || first.br.tail !== "")) return undefined;
  const text = (i: number): string => (i === 0 ? "" : ` ${b.kind} `);
  // The text from after operand i's brackets up to the next opening bracket (or the end).
  const rest = (i: number): number => {
    let n = pythonWidth(parts[i]?.br?.tail ?? "");
    for (let j = i + 1; j < parts.length; j++) {
      const p = parts[j] as (typeof parts)[number];
      if (p.br === undefined || p.br === null) n += pythonWidth(text(j) + flatBool(p.item, true));
      else return n + pythonWidth(text(j) + p.br.head);
    }
    return n + trailing;
  };
  const firstOpen = first.br === undefined ? pythonWidth(flatBool(first.item, true) + text(1) + (last.br?.head ?? "")) : pythonWidth(first.br.head);
  if (column + firstOpen > lineLength()) return undefined;
  const pad = " ".repeat(indent);
  const inner = indent + 4;
  let out = "";
  let col = column;
  for (const [i, p] of parts.entries()) {
    if (p.br === undefined || p.br === null) {
      out += text(i) + flatBool(p.item, true);
      col += pythonWidth(text(i) + flatBool(p.item, true));
      continue;
    }
    out += text(i) + p.br.head;
    col += pythonWidth(text(i) + p.br.head);
    const close = p.br.head.endsWith("(") ? ")" : p.br.head.endsWith("[") ? "]" : "}";
    if (col + pythonWidth(p.br.inner) + 1 + rest(i) <= lineLength()) {
      out += `${p.br.inner}${close}${p.br.tail}`;
      col += pythonWidth(p.br.inner) + 1 + pythonWidth(p.br.tail);
      continue;
    }
    let body: string;
    if (inner + pythonWidth(p.br.inner) <= lineLength()) body = `${" ".repeat(inner)}${p.br.inner}`;
    else if (p.br.nested !== undefined) body = boolLines(p.br.nested, inner);
    else if (p.br.call) body = topLevelItems(p.br.inner).map((a) => `${" ".repeat(inner)}${pyLayout(argExpr(a), inner, inner, 1)},`).join("\n");
    // A parenthesized call (`(f(x, lambda y: …))`): the call breaks inside its own brackets.
    else if (callParts(p.br.inner) !== undefined) body = `${" ".repeat(inner)}${layoutText(p.br.inner, inner, inner, 0)}`;
    else return undefined;
    out += `\n${body}\n${pad}${close}${p.br.tail}`;
    col = indent + 1 + pythonWidth(p.br.tail);
  }
  return out;
}

/** `f(a, b)` → callee `f` and arguments `a, b`, when the text is one call whose brackets close at its end. */
function callParts(text: string): { callee: string; args: string } | undefined {
  const open = /^[A-Za-z_][A-Za-z0-9_.]*\(/.exec(text);
  if (open === null || !text.endsWith(")") || text.length === open[0].length + 1) return undefined;
  const closed = scanCode(text, (_, c, depth) => isClosing(c) && depth === 0, open[0].length - 1);
  if (closed !== text.length - 1) return undefined;
  return { callee: open[0].slice(0, -1), args: text.slice(open[0].length, -1) };
}

/** The inside of a broken pair of parentheses: on one line when it fits there. */
function parenBody(b: Bool, indent: number): string {
  const flat = b.kind === "atom" ? b.text : flatBoolWithin(b, false, lineLength() - indent);
  if (flat !== undefined) return `${" ".repeat(indent)}${flat}`;
  return boolLines(b as Bool & { kind: "and" | "or" }, indent);
}

/** `text` split at its top-level ` or ` or ` and ` (outside brackets and strings): the operator and the operands, or undefined. */
function topLevelChain(text: string): { op: "or" | "and"; items: string[] } | undefined {
  const cuts: { at: number; op: "or" | "and" }[] = [];
  scanCode(text, (i, c, depth) => {
    if (depth === 0 && c === " ") {
      if (text.startsWith(" or ", i)) cuts.push({ at: i, op: "or" });
      else if (text.startsWith(" and ", i)) cuts.push({ at: i, op: "and" });
    }
    return false;
  });
  const op = cuts[0]?.op;
  if (op === undefined || cuts.some((c) => c.op !== op)) return undefined;
  const items: string[] = [];
  let start = 0;
  for (const c of cuts) {
    items.push(text.slice(start, c.at));
    start = c.at + op.length + 2;
  }
  items.push(text.slice(start));
  return { op, items };
}

/**
 * An expression written as text, printed at `column` of a line indented `indent` as ruff
 * breaks it inside brackets that have already split: on one line when it fits; a parenthesized
 * expression or a call's arguments on lines of their own (the arguments one a line, with a
 * trailing comma, when they do not fit together); a lambda's parenthesized body likewise; an
 * `or`/`and` chain inside parentheses one operand a line. Text of another shape stays as it is.
 */
function layoutText(text: string, indent: number, column: number, trailing: number): string {
  if (column + pythonWidth(text) + trailing <= lineLength()) return text;
  const pad = " ".repeat(indent);
  const inner = indent + 4;
  // A prefix that cannot break (`lambda x: `, `not `) stays; what follows it breaks as it would alone.
  const prefix = /^(?:lambda [\w, ]*: |not )/.exec(text);
  if (prefix !== null) return `${prefix[0]}${layoutText(text.slice(prefix[0].length), indent, column + pythonWidth(prefix[0]), trailing)}`;
  if (text.startsWith("(") && closesAtEnd(text)) {
    const body = text.slice(1, -1);
    const chain = topLevelChain(body);
    const lines =
      chain === undefined || inner + pythonWidth(body) <= lineLength()
        ? `${" ".repeat(inner)}${layoutText(body, inner, inner, 0)}`
        : chain.items.map((item, i) => {
            const prefix = i === 0 ? "" : `${chain.op} `;
            return `${" ".repeat(inner)}${prefix}${layoutText(item, inner, inner + prefix.length, 0)}`;
          }).join("\n");
    return `(\n${lines}\n${pad})`;
  }
  const call = callParts(text);
  if (call !== undefined) {
    if (inner + pythonWidth(call.args) <= lineLength()) return `${call.callee}(\n${" ".repeat(inner)}${call.args}\n${pad})`;
    const args = topLevelItems(call.args).map((a) => `${" ".repeat(inner)}${layoutText(a, inner, inner, 1)},`);
    return `${call.callee}(\n${args.join("\n")}\n${pad})`;
  }
  return text;
}

function boolLines(b: Bool & { kind: "and" | "or" }, indent: number): string {
  const pad = " ".repeat(indent);
  return b.items
    .map((item, i) => {
      const prefix = i === 0 ? "" : `${b.kind} `;
      if (item.kind === "atom") return `${pad}${prefix}${layoutText(item.text, indent, indent + prefix.length, 0)}`;
      const flat = `(${flatBool(item, false)})`;
      if (indent + prefix.length + pythonWidth(flat) <= lineLength()) return `${pad}${prefix}${flat}`;
      return `${pad}${prefix}(\n${parenBody(item, indent + 4)}\n${pad})`;
    })
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// The fast path.

/**
 * A value a fast check reads: the first use binds it (`v := obj.get("k")`), later ones name it.
 * `untyped`: read through `obj` (an `Any`), or a plain name a type checker narrows, so a check
 * may compare it after `type(v) is int` (a walrus target is neither: mypy does not narrow it).
 */
class FastValue {
  #bound = false;
  #uses = 0;
  readonly name: string;
  readonly source: string;
  readonly untyped: boolean;
  constructor(name: string, source: string, bound = false, untyped = false) {
    this.name = name;
    this.source = source;
    this.#bound = bound;
    this.untyped = untyped;
  }
  /** Marks a use; texts are resolved once the expression is complete (see `resolve`). */
  use(inCall: boolean): string {
    this.#uses++;
    return inCall ? "\u0001" : "\u0000";
  }
  resolve(text: string): string {
    let out = "";
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 1) continue;
      out += text.slice(from, i) + this.#token(c === 1);
      from = i + 1;
    }
    return from === 0 ? text : out + text.slice(from);
  }
  /** What a use (`inCall`: as a call's argument) is written as: the binding at the first of several uses, then the name. */
  #token(inCall: boolean): string {
    if (this.#bound) return this.name;
    if (this.#uses === 1) return this.source;
    this.#bound = true;
    return inCall ? `${this.name} := ${this.source}` : `(${this.name} := ${this.source})`;
  }
}

function resolveBool(b: Bool, v: FastValue): Bool {
  return b.kind === "atom" ? atom(v.resolve(b.text)) : { kind: b.kind, items: b.items.map((i) => resolveBool(i, v)) };
}

/** The exact-type check of a list item or map value, as a function name; null when there is none. */
function fastItemCheck(type: ValueType, ctx: PyContext, plan: ValidatorPlan): string | null {
  switch (type.kind) {
    case "scalar":
      if (type.constraints !== undefined && Object.values(type.constraints).some((c) => c !== undefined)) return null;
      return { string: "_is_text", int: "_is_whole", float: "_is_real", bool: "_is_flag", json: "_is_json", any: null }[type.name];
    case "record":
      return plan.fast.has(type.record) ? ctx.names.check(type.record) : null;
    default:
      return null;
  }
}

function fastCheck(type: ValueType, v: FastValue, ctx: PyContext, plan: ValidatorPlan): Bool | null {
  const need = (name: string): string => ctx.need(name);
  switch (type.kind) {
    case "scalar": {
      const c = type.constraints ?? {};
      switch (type.name) {
        case "string": {
          const base = atom(`type(${v.use(true)}) is str`);
          if (c.minLength === undefined && c.format === undefined) return base;
          return join("and", [base, atom(`${need("_fits_text")}(${v.use(true)}, ${c.minLength ?? "None"}, ${c.format === undefined ? "None" : pythonString(c.format)})`)]);
        }
        case "int": {
          // Inline when `v` is untyped; a helper otherwise: mypy does not narrow a walrus target.
          if (c.minimum === undefined && c.maximum === undefined) {
            if (!v.untyped) return atom(`${need("_is_whole")}(${v.use(true)})`);
            return join("and", [atom(`type(${v.use(true)}) is int`), atom(`-${need("_FINITE_INT")} < ${v.use(false)} < _FINITE_INT`)]);
          }
          const base = atom(`type(${v.use(true)}) is int`);
          return join("and", [base, atom(`${need("_fits_range")}(${v.use(true)}, ${pyNumber(c.minimum)}, ${pyNumber(c.maximum)})`)]);
        }
        case "float": {
          const number = atom(`${need("_is_real")}(${v.use(true)})`);
          if (c.minimum === undefined && c.maximum === undefined) return number;
          return join("and", [number, atom(`${need("_fits_range")}(${v.use(true)}, ${pyNumber(c.minimum)}, ${pyNumber(c.maximum)})`)]);
        }
        case "bool":
          return atom(`type(${v.use(true)}) is bool`);
        case "json":
          return atom(`${need("_is_json")}(${v.use(true)})`);
        case "any":
          return null;
      }
      return null;
    }
    case "enum": {
      const e = type.enum;
      if (e.open) return e.valueType === "int" ? atom(`${need("_is_whole")}(${v.use(true)})`) : atom(`type(${v.use(true)}) is str`);
      plan.enums.add(e);
      return join("and", [atom(`type(${v.use(true)}) is ${e.valueType === "int" ? "int" : "str"}`), atom(`${v.use(false)} in ${ctx.need(ctx.names.enumValues(e))}`)]);
    }
    case "literal":
      if (typeof type.value === "boolean") return atom(`${v.use(false)} is ${type.value ? "True" : "False"}`);
      if (typeof type.value === "string") return join("and", [atom(`type(${v.use(true)}) is str`), atom(`${v.use(false)} == ${pythonString(type.value)}`)]);
      return atom(`${need("_is_literal")}(${v.use(true)}, ${pyNumber(type.value)})`);
    case "record":
      return plan.fast.has(type.record) ? atom(`${ctx.names.check(type.record)}(${v.use(true)})`) : null;
    case "tagged": {
      if (!type.union.variants.every((x) => plan.fast.has(x.record))) return null;
      return join("or", type.union.variants.map((x) => atom(`${ctx.names.check(x.record)}(${v.use(true)})`)));
    }
    case "nullable":
      return join("or", [atom(`${v.use(false)} is None`), fastCheck(type.of, v, ctx, plan)]);
    case "oneOf":
      return join("or", type.of.map((m) => fastCheck(m, v, ctx, plan)));
    case "list": {
      const minItems = type.constraints?.minItems ?? 0;
      if (minItems > 0) {
        const rest = fastCheck({ kind: "list", of: type.of }, v, ctx, plan);
        return rest === null ? null : join("and", [atom(`${need("_has_items")}(${v.use(true)}, ${minItems})`), rest]);
      }
      if (type.of.kind === "scalar" && type.of.name === "any") return atom(`type(${v.use(true)}) is list`);
      if (type.of.kind === "enum" && !type.of.enum.open && type.of.enum.valueType === "string") {
        plan.enums.add(type.of.enum);
        return atom(`${need("_all_in")}(${v.use(true)}, ${ctx.need(ctx.names.enumValues(type.of.enum))})`);
      }
      const item = fastItemCheck(type.of, ctx, plan);
      return item === null ? null : atom(`${need("_all_items")}(${v.use(true)}, ${ctx.need(item)})`);
    }
    case "map": {
      if (type.of.kind === "scalar" && type.of.name === "any") return atom(`type(${v.use(true)}) is dict`);
      const item = fastItemCheck(type.of, ctx, plan);
      return item === null ? null : atom(`${need("_all_values")}(${v.use(true)}, ${ctx.need(item)})`);
    }
  }
}

function acceptsNull(type: ValueType): boolean {
  switch (type.kind) {
    case "nullable":
      return true;
    case "scalar":
      return type.name === "json" || type.name === "any";
    case "oneOf":
      return type.of.some(acceptsNull);
    default:
      return false;
  }
}

function pyNumber(n: number | undefined): string {
  if (n === undefined) return "None";
  if (Object.is(n, -0)) return "-0.0";
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n).replace(/e\+?/, "e");
}

/** The fields a shape's walk and fast path check: a variant record's tag comes first. */
interface Checked {
  readonly key: string;
  readonly type: ValueType;
  readonly required: boolean;
  /** The field as the spec declares it (absent for a variant's tag). */
  readonly field?: Field;
}

function checkedFields(view: ShapeView): Checked[] {
  const fields: Checked[] = view.fields.map((f) => ({ key: f.key.value, type: f.type, required: f.required, field: f }));
  const shape = view.shape;
  if (shape.kind === "record" && shape.variantOf !== undefined && !fields.some((f) => f.key === shape.variantOf?.union.tag)) {
    const tag: Checked = { key: shape.variantOf.union.tag, type: { kind: "literal", value: shape.variantOf.value }, required: true };
    return [tag, ...fields];
  }
  return fields;
}

/** A shape's fast check: the `_is_<name>` function, and its condition for a validator to inline. */
interface FastCheck {
  readonly text: string;
  readonly cond: Bool;
  /** Whether `cond` reads the value through `obj` (an `Any` bound to it first). */
  readonly readsObj: boolean;
}

function emitFastCheck(view: ShapeView, fields: readonly Checked[], ruleVars: ReadonlyMap<string, string>, ctx: PyContext, plan: ValidatorPlan): FastCheck | null {
  const parts: Bool[] = [];
  for (const f of fields) {
    const key = pythonString(f.key);
    if (f.type.kind === "scalar" && f.type.name === "any" && !ruleVars.has(f.key)) {
      if (f.required) parts.push(atom(`${key} in obj`));
      continue;
    }
    const name = ruleVars.get(f.key) ?? "v";
    const absentAware = !f.required || acceptsNull(f.type) || ruleVars.has(f.key);
    const v = new FastValue(name, absentAware ? `obj.get(${key}, ${ctx.need("_ABSENT")})` : `obj.get(${key})`, false, true);
    const check = fastCheck(f.type, v, ctx, plan);
    if (check === null) return null;
    const whole = f.required ? check : join("or", [atom(`${v.use(false)} is _ABSENT`), check]);
    if (whole === null) return null;
    // A rule reads the value later: make sure the first use binds it.
    if (ruleVars.has(f.key) && f.required) v.use(false);
    parts.push(resolveBool(whole, v));
  }
  for (const rule of view.rules) {
    const ifVar = ruleVars.get(rule.if.key.value);
    const thenVar = ruleVars.get(rule.then.key.value);
    if (ifVar === undefined || thenVar === undefined) return null;
    const set = (values: readonly string[]): string => `{${values.map(pythonString).join(", ")}}`;
    parts.push(join("or", [atom(`${ifVar} not in ${set(rule.if.values)}`), atom(`${thenVar} is _ABSENT`), atom(`${thenVar} in ${set(rule.then.values)}`)]) as Bool);
    ctx.need("_ABSENT");
  }
  if (view.unknownKeys === "forbid") parts.push(atom(`${ctx.need(ctx.names.knownKeys(view.shape))}.issuperset(obj)`));
  const check = ctx.names.check(view.shape);
  const head = `${pyDef(check, ["value: object"], "bool")}\n`;
  if (parts.length === 0) return { text: `${head}    return type(value) is dict\n`, cond: atom("type(value) is dict"), readsObj: false };
  // The dict test heads the chain: `obj` is only read once it holds.
  const body = join("and", [atom("type(value) is dict"), ...parts]) as Bool;
  // `obj` reads the dict with no call (a `cast` is one) and no narrowing of `value` to check.
  const text = [head, `    obj: ${ctx.need("Any")} = value\n`, `    return ${layoutBool(body, 4, 11, 0)}\n`].join("");
  // A check the layout cannot fit in the line length (very long keys or names) is left out: the
  // walk alone gives the same verdict, and ruff never has a line to reflow.
  return everyLineFitsPython(text) ? { text, cond: body, readsObj: true } : null;
}

// ---------------------------------------------------------------------------------------------
// The issue walk.

interface Walk {
  readonly lines: string[];
  yields: boolean;
  counter: number;
}

/** Words of a type in "expected ‹words›, got …" (the README's type table). */
export function typeWords(type: ValueType): string {
  switch (type.kind) {
    case "scalar":
      return { string: "a string", int: "an integer", float: "a number", bool: "a boolean", any: "a value", json: "a JSON value" }[type.name];
    case "enum":
      if (type.enum.open) return type.enum.valueType === "int" ? "an integer" : "a string";
      return enumWords(type.enum);
    case "literal":
      return typeof type.value === "string" ? JSON.stringify(type.value) : String(type.value);
    case "record":
    case "tagged":
    case "map":
      return "an object";
    case "list":
      return "an array";
    case "nullable":
      return `${typeWords(type.of)} or null`;
    case "oneOf":
      return type.of.map(typeWords).join(" or ");
  }
}

function enumWords(e: Enum): string {
  return `one of ${e.members.map((m) => (e.valueType === "int" ? m.value : JSON.stringify(m.value))).join(", ")}`;
}

function unionWords(u: TaggedUnion): string {
  return `one of ${u.variants.map((v) => JSON.stringify(v.value)).join(", ")}`;
}

/** A call statement laid out as ruff does. */
function callLine(indent: number, callee: string, args: readonly string[], prefix = "", suffix = ""): string {
  // On one line when it fits: the arguments' flat text is the text they are written as.
  const line = `${" ".repeat(indent)}${prefix}${callee}(${args.join(", ")})${suffix}`;
  if (pythonWidth(line) <= lineLength()) return line;
  return `${" ".repeat(indent)}${prefix}${pyLayout(pyCall(callee, args.map(argExpr)), indent, indent + prefix.length, pythonWidth(suffix))}${suffix}`;
}

/**
 * `for a, b in f(args):` laid out as ruff does: on one line when it fits; else the call's
 * arguments split; and when even `for a, b in f(` is too long, the targets split first, one a
 * line in parentheses, then the call after `) in ` as it fits there.
 */
function forLine(indent: number, targets: readonly string[], callee: string, args: readonly string[]): string {
  const pad = " ".repeat(indent);
  const prefix = `for ${targets.join(", ")} in `;
  if (pythonWidth(`${pad}${prefix}${callee}(`) <= lineLength()) return callLine(indent, callee, args, prefix, ":");
  const split = targets.map((t) => `${pad}    ${t},`).join("\n");
  return `${pad}for (\n${split}\n${pad}) in ${pyLayout(pyCall(callee, args.map(argExpr)), indent, indent + ") in ".length, 1)}:`;
}

/** An argument as the layout sees it: a path tuple `(*path, key)` can split like any tuple. */
function argExpr(arg: string): PyExpr {
  const tuple = /^\(\*(\w+), (.+)\)$/.exec(arg);
  if (tuple !== null) return pyTuple([pyAtom(`*${tuple[1]}`), pyAtom(tuple[2] ?? "")]);
  const single = /^\((".*"),\)$/.exec(arg);
  return single === null ? pyAtom(arg) : pyTuple([pyAtom(single[1] ?? "")]);
}

const nullArg = (nullable: boolean): string[] => (nullable ? ["True"] : []);

/** `if not (‹b›):`, laid out as ruff does; a single comparison or call is negated in place. */
function ifNot(b: Bool, indent: number): string {
  const pad = " ".repeat(indent);
  if (b.kind === "atom") {
    const is = /^(\S+(?:\([^()]*\))?) is (?!not )(\S+)$/.exec(b.text);
    if (is !== null) return `${pad}if ${is[1]} is not ${is[2]}:`;
    if (/^[\w.]+\([^()]*\)$/.test(b.text)) return `${pad}if not ${b.text}:`;
    return `${pad}if not (${b.text}):`;
  }
  const flat = `${pad}if not (${flatBool(b, false)}):`;
  if (pythonWidth(flat) <= lineLength()) return flat;
  return `${pad}if not (\n${parenBody(b, indent + 4)}\n${pad}):`;
}

/**
 * The fast check of `item` (a name already bound), or null when there is none. A plain name is
 * narrowed by `type(item) is int`, so an integer's check is inline (no call on a valid value).
 */
function guardOf(type: ValueType, item: string, ctx: PyContext, plan: ValidatorPlan): Bool | null {
  const v = new FastValue(item, item, true, true);
  const b = fastCheck(type, v, ctx, plan);
  return b === null ? null : resolveBool(b, v);
}

/**
 * The checks of `item`, the value at `(*parent, seg)`: a fast check of the usual case guards the
 * calls that report. `item` may be `_ABSENT` (a missing required key: reported) or `_UNREAD`.
 */
function walkValue(type: ValueType, item: string, parent: string, seg: string, indent: number, w: Walk, ctx: PyContext, plan: ValidatorPlan, optional = false, nullable = false, key?: string): void {
  if (type.kind === "nullable") {
    walkValue(type.of, item, parent, seg, indent, w, ctx, plan, optional, true, key);
    return;
  }
  const n = ctx.need;
  const at = pathTo(parent, seg);
  // A string or a boolean: the check is `isinstance` itself, so a failed one is reported at once.
  const plain = type.kind === "scalar" && (type.name === "bool" || (type.name === "string" && !hasConstraints(type)));
  if (plain) {
    const accepted = [...(optional ? [atom(`${item} is ${n("_ABSENT")}`)] : []), ...(nullable ? [atom(`${item} is None`)] : [])];
    const cond = join("or", [...accepted, atom(`isinstance(${item}, ${type.name === "bool" ? "bool" : "str"})`)]) as Bool;
    const head = ifNot(cond, indent);
    if (everyLineFitsPython(head)) {
      w.lines.push(head);
      const words = pythonString(type.name === "bool" ? "a boolean" : "a string");
      w.lines.push(callLine(indent + 4, n("_report"), [item, at, "issues", words, ...nullArg(nullable)]));
      return;
    }
  }
  // The guard's helpers count as used only when the guard is written (some kinds never use it).
  const { ctx: trial, asked: pending } = recording(ctx);
  const fast = guardOf(nullable ? { kind: "nullable", of: type } : type, item, trial, plan);
  const candidate = optional ? (fast === null ? null : join("or", [atom(`${item} is ${n("_ABSENT")}`), fast])) : fast;
  // A guard the layout cannot fit in the line length is left out: the checks run unguarded and
  // report only what fails.
  const guard = candidate !== null && everyLineFitsPython(ifNot(candidate, indent)) ? candidate : null;
  const body: string[] = [];
  const inner = indent + (guard !== null || optional ? 4 : 0);
  const emit = (line: string): void => {
    body.push(line);
  };
  const pad = " ".repeat(inner);
  switch (type.kind) {
    case "scalar": {
      const c = type.constraints ?? {};
      if (type.name === "any") {
        if (optional) break;
        // Only a missing key is reported: nothing to do (no path to build) when it is there.
        w.lines.push(`${" ".repeat(indent)}if ${item} is ${n("_ABSENT")}:`);
        w.lines.push(...missingLines(item, at, indent + 4, ctx, key));
        break;
      }
      const checker = { string: "_check_str", int: "_check_int", float: "_check_float", bool: "_check_bool", json: "_check_json" }[type.name];
      const args = [item, at, "issues", ...nullArg(nullable)];
      const numeric = (type.name === "int" || type.name === "float") && (c.minimum !== undefined || c.maximum !== undefined);
      const text = type.name === "string" && (c.minLength !== undefined || c.format !== undefined);
      if (!numeric && !text) {
        emit(callLine(inner, n(checker), args));
        break;
      }
      // One `if`: the type's check (True when the value has the type), then the constraints.
      const pad0 = " ".repeat(indent);
      const here = bindAt(at, indent, w);
      const typed = atom(`${n(checker)}(${[item, here, "issues", ...nullArg(nullable)].join(", ")})`);
      const cond = join("and", [...(optional ? [atom(`${item} is not ${n("_ABSENT")}`)] : []), typed]) as Bool;
      w.lines.push(`${pad0}if ${layoutBool(cond, indent, indent + 3, 1)}:`);
      if (numeric) w.lines.push(callLine(indent + 4, n("_check_range"), [item, here, "issues", pyNumber(c.minimum), pyNumber(c.maximum)]));
      else w.lines.push(callLine(indent + 4, n("_check_text"), [item, here, "issues", c.minLength === undefined ? "None" : String(c.minLength), c.format === undefined ? "None" : pythonString(c.format)]));
      return;
    }
    case "enum": {
      const e = type.enum;
      if (e.open) {
        emit(callLine(inner, n(e.valueType === "int" ? "_check_int" : "_check_str"), [item, at, "issues", ...nullArg(nullable)]));
        break;
      }
      plan.enums.add(e);
      emit(callLine(inner, n("_check_enum"), [item, at, "issues", n(ctx.names.enumSpec(e)), ...nullArg(nullable)]));
      break;
    }
    case "literal":
      emit(callLine(inner, n("_check_literal"), [item, at, "issues", pyLiteral(type.value), ...nullArg(nullable)]));
      break;
    case "record": {
      // One `if`: the fast check, then whether to walk it (a missing key is reported there).
      w.yields = true;
      const here = bindAt(at, indent, w);
      const walkable = atom(`${n("_walkable")}(${item}, ${here}, issues${nullable ? ", True" : ""})`);
      const fastRecord = plan.fast.has(type.record) && !nullable ? atom(`not ${ctx.names.check(type.record)}(${item})`) : null;
      const cond = join("and", [...(optional ? [atom(`${item} is not ${n("_ABSENT")}`)] : []), ...(fastRecord === null ? [] : [fastRecord]), walkable]) as Bool;
      const pad0 = " ".repeat(indent);
      w.lines.push(`${pad0}if ${layoutBool(cond, indent, indent + 3, 1)}:`);
      w.lines.push(yieldLine(indent + 4, [ctx.names.walk(type.record), item, here]));
      return;
    }
    case "tagged": {
      w.yields = true;
      plan.unions.add(type.union);
      const variant = `variant${w.counter === 0 ? "" : w.counter}`;
      w.counter++;
      emit(callLine(inner, n("_variant"), [item, at, "issues", n(ctx.names.unionVariants(type.union)), ...nullArg(nullable)], `${variant} = `));
      emit(ifNotNone(pad.length, variant));
      emit(yieldLine(pad.length + 4, [variant, item, at]));
      break;
    }
    case "list": {
      const minItems = type.constraints?.minItems;
      const anyItems = type.of.kind === "scalar" && type.of.name === "any";
      if (anyItems && minItems === undefined) {
        emit(callLine(inner, n("_list"), [item, at, "issues", ...nullArg(nullable)]));
        break;
      }
      const d = w.counter++;
      const items = `items${d === 0 ? "" : d}`;
      const i = ["i", "j", "k"][d] ?? `i${d}`;
      const element = `element${d === 0 ? "" : d}`;
      const here = `at${d + 1}`;
      emit(assignment(pad.length, here, at));
      emit(callLine(inner, n("_list"), [item, here, "issues", ...nullArg(nullable)], `${items} = `));
      emit(ifNotNone(pad.length, items));
      if (minItems !== undefined) emit(callLine(inner + 4, n("_check_count"), [items, here, "issues", String(minItems)]));
      if (anyItems) break;
      emit(forLine(inner + 4, [i, element], "enumerate", [items]));
      const sub: Walk = { lines: body, yields: false, counter: w.counter };
      walkValue(type.of, element, here, i, inner + 8, sub, ctx, plan);
      w.yields ||= sub.yields;
      w.counter = sub.counter;
      break;
    }
    case "map": {
      if (type.of.kind === "scalar" && type.of.name === "any") {
        emit(callLine(inner, n("_check_entries"), [item, at, "issues", ...nullArg(nullable)]));
        break;
      }
      const d = w.counter++;
      const key = `key${d === 0 ? "" : d}`;
      const element = `element${d === 0 ? "" : d}`;
      const here = `at${d + 1}`;
      emit(assignment(pad.length, here, at));
      emit(forLine(inner, [key, element], n("_entries"), [item, here, "issues", ...nullArg(nullable)]));
      const sub: Walk = { lines: body, yields: false, counter: w.counter };
      walkValue(type.of, element, here, key, inner + 4, sub, ctx, plan);
      w.yields ||= sub.yields;
      w.counter = sub.counter;
      break;
    }
    case "oneOf": {
      const words = typeWords(type) + (nullable ? " or null" : "");
      // A record member is tried by its fast check, then by its walk.
      const member = (m: ValueType): string[] =>
        m.kind === "record" && plan.fast.has(m.record)
          ? [`${ctx.names.check(m.record)}(${item})`, `${n("_conforms")}(${ctx.names.walk(m.record)}, ${item})`]
          : [memberCheck(m, item, ctx, plan)];
      const checks = mergedIsinstance([...(nullable ? [`${item} is None`] : []), ...type.of.flatMap(member)]);
      const matched = join("or", checks.map(atom)) as Bool;
      emit(`${pad}matched = ${layoutBool(matched, inner, inner + 10, 0)}`);
      emit(callLine(inner, n("_check_one_of"), [item, at, "issues", pythonString(words), "matched"]));
      break;
    }
  }
  if (body.length === 0) return;
  if (guard !== null) {
    ctx.needs.useAll(pending);
    w.lines.push(ifNot(guard, indent));
  }
  else if (optional) w.lines.push(`${" ".repeat(indent)}if ${item} is not ${n("_ABSENT")}:`);
  w.lines.push(...body);
}

/**
 * The report of a missing key (`item` is `_ABSENT`): its message is fixed text, written out here
 * rather than built at run time, when the key is known and the lines fit; else `_check_present`.
 */
function missingLines(item: string, at: string, indent: number, ctx: PyContext, key: string | undefined): string[] {
  const pad = " ".repeat(indent);
  if (key !== undefined) {
    const where = assignment(indent, "at", at);
    const message = `${pad}message = ${pythonString(`missing required key ${quote(key)}`)}`;
    const append = `${pad}issues.append(${ctx.need("_new_issue")}(ValidationIssue, (at, "missing_key", message)))`;
    if (everyLineFitsPython(where) && everyLineFitsPython(message) && everyLineFitsPython(append)) return [where, message, append];
  }
  return [callLine(indent, ctx.need("_check_present"), [item, at, "issues"])];
}

/** The path of `seg` below `parent` (a name, or `()` at the root: then a constant tuple). */
function pathTo(parent: string, seg: string): string {
  return parent === "()" ? `(${seg},)` : `(*${parent}, ${seg})`;
}

function hasConstraints(type: ValueType & { kind: "scalar" }): boolean {
  return type.constraints !== undefined && Object.values(type.constraints).some((c) => c !== undefined);
}

/** `at = (*path, key)` as a statement of its own (short conditions), unless it is a name already. */
function bindAt(at: string, indent: number, w: Walk): string {
  if (/^\w+$/.test(at)) return at;
  const name = `at${w.counter === 0 ? "" : w.counter}_`;
  w.counter++;
  w.lines.push(assignment(indent, name, at));
  return name;
}

/** `name = value`, a path tuple `(*path, key)` exploded as ruff does when the line is too long. */
function assignment(indent: number, name: string, value: string): string {
  const pad = " ".repeat(indent);
  const line = `${pad}${name} = ${value}`;
  if (pythonWidth(line) <= lineLength()) return line;
  const expr = argExpr(value);
  if (expr.kind === "tuple") return `${pad}${name} = ${pyLayout(expr, indent, indent + name.length + 3, 0)}`;
  return pyAssignment(indent, name, value);
}

/** `_raise_if_invalid(validate_x(value))`, laid out as ruff does. */
function raiseLine(indent: number, raise: string, validator: string): string {
  return `${" ".repeat(indent)}${pyLayout(pyCall(raise, [pyCall(validator, [pyAtom("value")])]), indent, indent, 0)}`;
}

/**
 * `name = value` (or `name: annotation = value`) at the top level, as ruff prints it: when the
 * target and the value's opening bracket overflow the line, the value goes inside parentheses
 * of its own; an annotated target whose value is broken at its own `{` splits the annotation's
 * brackets instead (pyAnnotatedHead).
 */
function assignExpr(name: string, value: PyExpr, annotation?: PyExpr): string {
  const target = annotation === undefined ? name : `${name}: ${pyFlat(annotation)}`;
  const laid = pyLayout(value, 0, target.length + 3, 0);
  const lineEnd = laid.indexOf("\n");
  const head = lineEnd === -1 ? laid : laid.slice(0, lineEnd);
  if (pythonWidth(`${target} = ${head}`) <= lineLength()) return `${target} = ${laid}`;
  if (annotation !== undefined && head === "{") return `${pyAnnotatedHead(name, annotation, " = {")}${laid.slice(lineEnd)}`;
  // Parentheses only when the value then fits inside them; otherwise ruff keeps the split at the value's own bracket.
  const inner = `${target} = (\n    ${pyLayout(value, 4, 4, 0)}\n)`;
  return everyLineFitsPython(inner) ? inner : `${target} = ${laid}`;
}

/**
 * `if name is not None:`, as ruff lays it out when the line is too long: the comparison in
 * parentheses on a line of its own, or split before its operator when even that is too long.
 */
function ifNotNone(indent: number, name: string): string {
  const pad = " ".repeat(indent);
  const line = `${pad}if ${name} is not None:`;
  if (pythonWidth(line) <= lineLength()) return line;
  const inner = `${pad}    `;
  const one = `${inner}${name} is not None`;
  const body = pythonWidth(one) <= lineLength() ? one : `${inner}${name}\n${inner}is not None`;
  return `${pad}if (\n${body}\n${pad}):`;
}

/** `yield a, b, c`, parenthesized and split as ruff does when it is too long. */
function yieldLine(indent: number, items: readonly string[]): string {
  const pad = " ".repeat(indent);
  const line = `${pad}yield ${items.join(", ")}`;
  if (pythonWidth(line) <= lineLength()) return line;
  // The tuple gets parentheses and, like any tuple that breaks, one item a line with a trailing
  // comma (ruff and black explode a bracketed tuple rather than keep its items on one line), each
  // split at its own brackets when it does not fit there either.
  return `${pad}yield (\n${items.map((i) => `${pad}    ${pyLayout(argExpr(i), indent + 4, indent + 4, 1)},`).join("\n")}\n${pad})`;
}

function pyLiteral(value: string | number | boolean): string {
  if (typeof value === "string") return pythonString(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  return pyNumber(value);
}

/** An exact check (the walk's verdict, never conservative) that `x` is of a oneOf member type. */
function memberCheck(type: ValueType, x: string, ctx: PyContext, plan: ValidatorPlan): string {
  const n = ctx.need;
  switch (type.kind) {
    case "scalar": {
      const c = type.constraints ?? {};
      switch (type.name) {
        case "string":
          return c.minLength === undefined && c.format === undefined
            ? `isinstance(${x}, str)`
            : `${n("_fits_text")}(${x}, ${c.minLength ?? "None"}, ${c.format === undefined ? "None" : pythonString(c.format)})`;
        case "int":
        case "float": {
          const base = `${n(type.name === "int" ? "_is_int_value" : "_is_float_value")}(${x})`;
          return c.minimum === undefined && c.maximum === undefined ? base : `(${base} and ${n("_fits_range")}(${x}, ${pyNumber(c.minimum)}, ${pyNumber(c.maximum)}))`;
        }
        case "bool":
          return `isinstance(${x}, bool)`;
        case "json":
          return `not any(${n("_json_flaws")}(${x}, ()))`;
        case "any":
          return "True";
      }
      return "True";
    }
    case "enum":
      if (type.enum.open) return type.enum.valueType === "int" ? `${n("_is_int_value")}(${x})` : `isinstance(${x}, str)`;
      plan.enums.add(type.enum);
      return `${n("_in_enum")}(${x}, ${n(ctx.names.enumSpec(type.enum))})`;
    case "literal":
      return `${n("_is_literal")}(${x}, ${pyLiteral(type.value)})`;
    case "record": {
      const walk = `${n("_conforms")}(${ctx.names.walk(type.record)}, ${x})`;
      return plan.fast.has(type.record) ? `(${ctx.names.check(type.record)}(${x}) or ${walk})` : walk;
    }
    case "tagged":
      plan.unions.add(type.union);
      return `${n("_in_union")}(${x}, ${n(ctx.names.unionVariants(type.union))})`;
    case "nullable":
      return `(${x} is None or ${memberCheck(type.of, x, ctx, plan)})`;
    case "oneOf": {
      const checks = mergedIsinstance(type.of.map((m) => memberCheck(m, x, ctx, plan)));
      return checks.length === 1 ? (checks[0] ?? "True") : `(${checks.join(" or ")})`;
    }
    case "list":
    case "map": {
      const y = `${x}_`;
      const inner = memberCheck(type.of, y, ctx, plan);
      const direct = new RegExp(`^(\\w+)\\(${y}\\)$`).exec(inner);
      const check = direct?.[1] ?? `lambda ${y}: ${inner}`;
      const every = type.kind === "list" ? "_every_item" : "_every_value";
      const count = type.kind === "list" && (type.constraints?.minItems ?? 0) > 0 ? ` and len(${ctx.need("cast")}("list[object]", ${x})) >= ${type.constraints?.minItems}` : "";
      return `(${n(every)}(${x}, ${check})${count})`;
    }
  }
}

/**
 * The walk of a shape: its function text, or with `root` its body lines for a validator that
 * inlines it (the value at the root: paths are constant tuples, and it returns `issues`).
 */
function emitWalk(
  view: ShapeView,
  fields: readonly Checked[],
  ruleVars: ReadonlyMap<string, string>,
  ctx: PyContext,
  plan: ValidatorPlan,
  root = false,
  subject = "value",
): { text: string; lines: readonly string[]; yields: boolean } {
  const w: Walk = { lines: [], yields: false, counter: 0 };
  const n = ctx.need;
  const path = root ? "()" : "path";
  // A validator that inlines its walk reads a plain dict through \`obj\` (an \`Any\`) with no
  // call; \`_DICT\` is \`dict\` by a name no type checker narrows \`obj\` by.
  const direct = `    get = obj.get if type(obj) is ${n("_DICT")} else ${n("_getter")}(obj, (), issues)`;
  const getter = root && subject === "obj" && everyLineFitsPython(direct) ? direct : `    get = ${n("_getter")}(${subject}, ${path}, issues)`;
  w.lines.push(getter);
  w.lines.push("    if get is None:");
  w.lines.push(root ? "        return issues" : "        return");
  for (const f of fields) {
    const key = pythonString(f.key);
    const kept = ruleVars.get(f.key);
    const item = kept ?? "item";
    if (kept !== undefined) w.lines.push("    mark = len(issues)");
    const args = [key, n("_ABSENT")];
    w.lines.push(callLine(4, "get", args, `${item} = `));
    const before = w.lines.length;
    walkValue(f.type, item, path, key, 4, w, ctx, plan, !f.required, false, f.key);
    // Nothing to check (an optional `any`): the key is still read, so a read that raises is reported.
    if (w.lines.length === before && kept === undefined) w.lines[before - 1] = callLine(4, "get", args);
    if (kept !== undefined) w.lines.push(`    ${kept} = ${n("_kept")}(${kept}, mark, issues)`);
  }
  for (const rule of view.rules) emitRule(rule, ruleVars, w, ctx, path);
  if (view.unknownKeys === "forbid") w.lines.push(callLine(4, n("_check_unknown_keys"), [subject, path, "issues", n(ctx.names.knownKeys(view.shape))]));
  // Nothing read after the object check: only that check is left.
  if (root && w.lines.length === 3) w.lines.splice(0, 3, `    ${n("_getter")}(${subject}, (), issues)`);
  if (root) return { text: "", lines: w.lines, yields: w.yields };
  const returns = w.yields ? pySubscript(n("Iterator"), [pySubscript("tuple", [pyAtom(n("_Walker")), pyAtom("object"), pyAtom(n("_Path"))])]) : "None";
  n("_Path");
  const head = pyDef(ctx.names.walk(view.shape), ["value: object", "path: _Path", "issues: list[ValidationIssue]"], returns);
  const text = [withNoqa(head, w.lines), ...w.lines].join("\n") + "\n";
  return { text, lines: w.lines, yields: w.yields };
}

/**
 * A long shape makes a long walk: pylint's limits on branches and statements (ruff PLR0912,
 * PLR0915) are lifted for exactly the walks that pass them, counted the way ruff counts.
 */
function withNoqa(head: string, lines: readonly string[]): string {
  const branches = lines.filter((l) => /^\s*(if|for) /.test(l)).length;
  const codes = [...(branches > 12 ? ["PLR0912"] : []), ...(ruffStatements(lines) > 50 ? ["PLR0915"] : [])];
  if (codes.length === 0) return head;
  const comment = `  # noqa: ${codes.join(", ")}`;
  return pyDefWithComment(head, comment);
}

/**
 * A body's statements as ruff's PLR0915 counts them (pylint's convention): one per statement or
 * clause (`if`, `elif`, `else:`, `try:`, `except`), none for a `return`, a `for` header (its
 * body counts) or a loop's `else:`, two for `finally:`; a statement broken over several lines
 * counts once. (The one
 * more pylint counts for a `try` with several handlers is left out: no walk has one.)
 */
export function ruffStatements(lines: readonly string[]): number {
  const text = lines.join("\n");
  // The offsets of the lines that start outside brackets and strings: where statements start.
  const starts = new Set<number>([0]);
  scanCode(text, (i, c, depth) => {
    if (c === "\n" && depth === 0) starts.add(i + 1);
    return false;
  });
  let count = 0;
  let offset = 0;
  // The first word of the last statement at each indentation: an `else:` after a `for` or a
  // `while` counts nothing (only its body does), after an `if` or a `try` one.
  const lastAt = new Map<number, string>();
  for (const line of text.split("\n")) {
    const code = line.trim();
    if (starts.has(offset) && code !== "" && !code.startsWith("#")) {
      const indent = line.length - line.trimStart().length;
      const word = /^\w+/.exec(code)?.[0] ?? "";
      const loopElse = word === "else" && ["for", "while"].includes(lastAt.get(indent) ?? "");
      count += word === "return" || word === "for" || loopElse ? 0 : word === "finally" ? 2 : 1;
      if (word !== "else") lastAt.set(indent, word);
    }
    offset += line.length + 1;
  }
  return count;
}

function emitRule(rule: CrossFieldRule, ruleVars: ReadonlyMap<string, string>, w: Walk, ctx: PyContext, path: string): void {
  const ifVar = ruleVars.get(rule.if.key.value) ?? "_ABSENT";
  const thenVar = ruleVars.get(rule.then.key.value) ?? "_ABSENT";
  // The value tuples split like any tuple when the call does not fit; so does a one-value `(x,)`
  // that does not fit its line inside the broken call.
  const tuple = (part: CrossFieldRule["if"]): PyExpr => pyTuple(part.values.map((v) => pyAtom(ctx.valueRef(part.key, v))));
  const call = pyCall(ctx.need("_violates"), [pyAtom(ifVar), tuple(rule.if), pyAtom(thenVar), tuple(rule.then)]);
  w.lines.push(`    if ${pyLayout(call, 4, 7, 1)}:`);
  w.lines.push(assignment(8, "at", pathTo(path, pythonString(rule.then.key.value))));
  w.lines.push(pyAssignment(8, "message", pythonString(ruleMessage(rule))));
  w.lines.push(`        issues.append(ValidationIssue(at, "rule_violated", message))`);
}

// ---------------------------------------------------------------------------------------------
// The public functions of a shape.

/**
 * Drops from the plan every shape whose fast check cannot be written (a field with no exact-type
 * check, or one naming the check of a shape that has none), until none changes, so no fast check
 * names a check that is not defined. Trial runs only: nothing is marked used.
 */
/** The local each rule key's checked value is kept in (`kept0`, …), for the keys the shape checks. */
function ruleVarsOf(view: ShapeView, fields: readonly Checked[]): Map<string, string> {
  const ruleKeys = [...new Set(view.rules.flatMap((r) => [r.if.key.value, r.then.key.value]))].filter((k) => fields.some((f) => f.key === k));
  return new Map(ruleKeys.map((k, i) => [k, `kept${i}`] as const));
}

/**
 * A context whose `need` only records the helper names asked for, for code that may not be
 * written after all; `ctx.needs.useAll(asked)` marks them used once it is.
 */
function recording(ctx: PyContext): { ctx: PyContext; asked: string[] } {
  const asked: string[] = [];
  return { ctx: { ...ctx, need: (name) => (asked.push(name), name) }, asked };
}

export function settleFastPlan(views: readonly ShapeView[], ctx: PyContext, plan: ValidatorPlan): void {
  const fast = plan.fast as Set<ShapeView["shape"]>;
  for (let changed = true; changed; ) {
    changed = false;
    // Only the checks of a pass that dropped nothing were written against the settled plan.
    plan.settled?.clear();
    for (const view of views) {
      if (!fast.has(view.shape)) continue;
      const fields = checkedFields(view);
      const ruleVars = ruleVarsOf(view, fields);
      const { ctx: trial, asked } = recording(ctx);
      const scratch: ValidatorPlan = { fast, enums: new Set(), unions: new Set() };
      const check = emitFastCheck(view, fields, ruleVars, trial, scratch);
      plan.settled?.set(view.shape, { check, asked, enums: scratch.enums });
      if (check === null) {
        fast.delete(view.shape);
        changed = true;
      }
    }
  }
}

/**
 * A fast shape's check, as settleFastPlan wrote it when it did (its enums then marked read by
 * `plan`), else written now; the helper names it asks for are recorded in `asked`.
 */
function fastCheckOf(view: ShapeView, fields: readonly Checked[], ruleVars: ReadonlyMap<string, string>, ctx: PyContext, plan: ValidatorPlan, asked: string[]): FastCheck | null {
  const settled = plan.settled?.get(view.shape);
  if (settled === undefined) {
    const { ctx: trial, asked: now } = recording(ctx);
    const check = emitFastCheck(view, fields, ruleVars, trial, plan);
    asked.push(...now);
    return check;
  }
  for (const e of settled.enums) plan.enums.add(e);
  asked.push(...settled.asked);
  return settled.check;
}

export function emitShapeValidators(view: ShapeView, ctx: PyContext, plan: ValidatorPlan): string {
  const type = ctx.names.type(view.shape);
  const validator = ctx.names.validator(view.shape);
  const parser = ctx.names.guard(view.shape);
  const what = view.shape.kind === "topic" ? `the payload of \`\`${ctx.topicRef(view.shape)}\`\`` : `a \`\`${type}\`\``;
  const fields = checkedFields(view);
  const ruleVars = ruleVarsOf(view, fields);
  // The fast check's helpers count as used only when the shape gets one.
  const pending: string[] = [];
  const fast = plan.fast.has(view.shape) ? fastCheckOf(view, fields, ruleVars, ctx, plan, pending) : null;
  const doc = docLines(`Validate ${what}.\n\nReturns every issue (path, code, message); an empty list when it is valid.`);
  const parse = [
    `${pyDef(parser, ["value: object"], type)}\n`,
    ...docLines(
      `Return \`\`value\`\` as ${what}.\n\nRaises:\n    PayloadValidationError: If it has issues (a \`\`ValueError\`\` listing them).`,
    ),
  ];
  const inlined = fast === null ? null : inlineValidator(view, fields, ruleVars, fast, ctx, plan, doc);
  if (inlined !== null) {
    ctx.needs.useAll([...pending, ...inlined.uses, "_raise_if_invalid", "cast"]);
    return [
      inlined.text,
      "\n\n",
      ...parse,
      `${raiseLine(4, "_raise_if_invalid", validator)}\n`,
      `${pyStatement(4, "return cast", [pythonString(type), "value"], "")}\n`,
    ].join("");
  }
  if (fast !== null) ctx.needs.useAll(pending);
  const walk = ctx.names.walk(view.shape);
  const check = ctx.names.check(view.shape);
  // A walk that yields nested records runs on the explicit stack of `_issues`; a flat one is called.
  const { text: walkText, yields } = emitWalk(view, fields, ruleVars, ctx, plan);
  const flat = !yields;
  const collect = flat ? ["    issues: list[ValidationIssue] = []\n", `${callLine(4, walk, ["value", "()", "issues"])}\n`] : [];
  return [
    `${pyDef(validator, ["value: object"], "list[ValidationIssue]")}\n`,
    ...doc,
    ...(fast === null ? [] : [`    if ${pyLayout(pyCall(check, [pyAtom("value")]), 4, 7, 1)}:\n`, "        return []\n"]),
    ...collect,
    `${flat ? "    return issues" : callLine(4, ctx.need("_issues"), [walk, "value"], "return ")}\n`,
    "\n\n",
    ...parse,
    ...(fast === null
      ? [`${raiseLine(4, ctx.need("_raise_if_invalid"), validator)}\n`]
      : [`    if not ${pyLayout(pyCall(check, [pyAtom("value")]), 4, 11, 1)}:\n`, `${raiseLine(8, ctx.need("_raise_if_invalid"), validator)}\n`]),
    `${pyStatement(4, `return ${ctx.need("cast")}`, [pythonString(type), "value"], "")}\n`,
    ...(fast === null ? [] : ["\n\n", fast.text]),
    "\n\n",
    walkText,
  ].join("");
}

/**
 * A topic payload's validator with its fast check and its walk inlined: one call for a valid
 * payload, and constant paths for an invalid one. Null (the validator calls `_is_<name>` and
 * `_walk_<name>`) for a shape nested elsewhere, a walk that yields nested records, one too long
 * for the lint limits, or a line the layout cannot fit.
 */
function inlineValidator(
  view: ShapeView,
  fields: readonly Checked[],
  ruleVars: ReadonlyMap<string, string>,
  fast: FastCheck,
  ctx: PyContext,
  plan: ValidatorPlan,
  doc: readonly string[],
): { text: string; uses: readonly string[] } | null {
  if (view.shape.kind !== "topic") return null;
  const { ctx: trial, asked: uses } = recording(ctx);
  const scratch: ValidatorPlan = { fast: plan.fast, enums: new Set(), unions: new Set() };
  // The walk reads the value as `obj` too: `value` is narrowed by the check that failed.
  const walk = emitWalk(view, fields, ruleVars, trial, scratch, true, fast.readsObj ? "obj" : "value");
  if (walk.yields) return null;
  const head = pyDef(ctx.names.validator(view.shape), ["value: object"], "list[ValidationIssue]");
  const lines = [
    ...(fast.readsObj ? ["    obj: Any = value"] : []),
    `    if ${layoutBool(fast.cond, 4, 7, 1)}:`,
    "        return []",
    "    issues: list[ValidationIssue] = []",
    ...walk.lines,
    "    return issues",
  ];
  if (withNoqa(head, lines) !== head) return null;
  if (!everyLineFitsPython(lines.join("\n"))) return null;
  const text = [head, ...doc.map((l) => l.replace(/\n$/, "")), ...lines].join("\n") + "\n";
  for (const e of scratch.enums) plan.enums.add(e);
  for (const u of scratch.unions) plan.unions.add(u);
  return { text, uses: fast.readsObj ? [...uses, "Any"] : uses };
}

function docLines(text: string): string[] {
  return pythonDocstring(text, "    ").map((l) => `${l}\n`);
}

/** The enum specs and key sets the validators read, built once at import (before the validators). */
export function emitValidatorTables(protocol: Protocol, ctx: PyContext, plan: ValidatorPlan): string {
  const lines: string[] = [];
  for (const e of protocol.enums) {
    if (!plan.enums.has(e)) continue;
    const spec = ctx.names.enumSpec(e);
    const members = e.members.map((m) => `${ctx.use(e.name)}.${m.name}`);
    const args = [pythonString(enumWords(e)), ...members, ...(e.valueType === "int" ? ["numeric=True"] : [])];
    lines.push(assignExpr(spec, pyCall(ctx.need("_enum"), args.map(pyAtom))));
    lines.push(assignment(0, ctx.names.enumValues(e), `${spec}.values`));
  }
  for (const view of listShapes(protocol)) {
    if (view.unknownKeys !== "forbid") continue;
    const name = ctx.names.knownKeys(view.shape);
    const keys = checkedFields(view).map((f) => pythonString(f.key));
    lines.push(assignExpr(name, pyCall(ctx.need("_keys"), keys.map(pyAtom))));
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** The variant tables of the tagged unions (after the walks they name). */
export function emitUnionTables(protocol: Protocol, ctx: PyContext, plan: ValidatorPlan): string {
  const lines: string[] = [];
  for (const u of protocol.unions) {
    if (!plan.unions.has(u)) continue;
    const name = ctx.names.unionVariants(u);
    const variants = pyDict(u.variants.map((v) => [pythonString(v.value), pyAtom(ctx.names.walk(v.record))] as const));
    const value = pyCall(ctx.need("_Union"), [pyAtom(pythonString(u.tag)), variants, pyAtom(pythonString(unionWords(u)))]);
    lines.push(assignExpr(name, value));
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** The topic tables and `validate_payload` / `parse_payload`. */
export function emitPayloadDispatch(protocol: Protocol, ctx: PyContext): string {
  const topics = allTopics(protocol);
  const table = (entry: (t: Topic) => PyExpr): PyExpr => pyDict(topics.map((t) => [ctx.topicRef(t), entry(t)] as const));
  const replies = (t: Topic): PyExpr => pyTuple(t.replies.map((r) => pyAtom(ctx.topicRef(r))));
  const byTopic = (value: PyExpr): PyExpr => pySubscript("Mapping", [pyAtom("str"), value]);
  const assign = (name: string, annotation: PyExpr, value: PyExpr): string => `${assignExpr(name, value, annotation)}\n`;
  ctx.needs.useAll(PAYLOAD_FUNCTIONS_USE);
  return [
    assign("PAYLOAD_BY_TOPIC", byTopic(pyAtom("type")), table((t) => pyAtom(ctx.names.type(t)))),
    '"""The payload TypedDict of every topic, keyed by wire string."""\n',
    "\n",
    assign("REPLIES_BY_TOPIC", byTopic(pySubscript("tuple", [pyAtom("str"), pyAtom("...")])), table(replies)),
    '"""The topics a peer may answer each topic with (empty: not a request)."""\n',
    "\n",
    assign("_PAYLOAD_VALIDATORS", byTopic(pyAtom("_Validator")), table((t) => pyAtom(ctx.names.validator(t)))),
    "\n\n",
    laidOut("python", PAYLOAD_FUNCTIONS),
  ].join("");
}

/** The names validating by topic and the topic tables declare. */
export const DISPATCH_NAMES: readonly string[] = ["PAYLOAD_BY_TOPIC", "REPLIES_BY_TOPIC", "_PAYLOAD_VALIDATORS", "validate_payload", "parse_payload"];

/** What the fixed text of the dispatch (the tables' annotations and the functions) uses. */
const PAYLOAD_FUNCTIONS_USE = ["Mapping", "Any", "cast", "_Validator", "_quote", "_describe", "_raise_if_invalid"];

const PAYLOAD_FUNCTIONS = fixedPython(`def validate_payload(topic: object, value: object) -> list[ValidationIssue]:
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
`);
