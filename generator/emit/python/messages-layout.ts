/**
 * A tiny layout engine for the Python expressions the messages emitter writes, breaking lines
 * the way `ruff format` does: an expression stays on one line when it fits 88 columns, otherwise
 * every item goes on its own line with a trailing comma — which ruff then keeps as a "magic
 * trailing comma", so the output is stable under `ruff format`. A subscript (`Literal[…]`,
 * `list[…]`, `dict[str, …]`) breaks the same way; one with a single item gets no trailing comma
 * (ruff adds none there either: `list[x,]` would be a tuple).
 */
import { style } from "../style.js";
import { pythonWidth } from "../text.js";

export type PyExpr =
  | { readonly kind: "atom"; readonly text: string }
  | { readonly kind: "call"; readonly callee: string; readonly args: readonly PyArg[] }
  | { readonly kind: "list" | "tuple"; readonly items: readonly PyExpr[] }
  | { readonly kind: "subscript"; readonly value: string; readonly items: readonly PyExpr[] }
  | { readonly kind: "dict"; readonly entries: readonly (readonly [string, PyExpr])[] };

export interface PyArg {
  readonly name?: string;
  readonly value: PyExpr;
}

/** The line length in force (black's and ruff's `line-length`; see ../style.ts). */
export function lineLength(): number {
  return style().lineLength;
}
const INDENT = "    ";

export const pyAtom = (text: string): PyExpr => ({ kind: "atom", text });
export const pyList = (items: readonly PyExpr[]): PyExpr => ({ kind: "list", items });
export const pyTuple = (items: readonly PyExpr[]): PyExpr => ({ kind: "tuple", items });
export const pySubscript = (value: string, items: readonly PyExpr[]): PyExpr => ({ kind: "subscript", value, items });
export const pyDict = (entries: readonly (readonly [string, PyExpr])[]): PyExpr => ({ kind: "dict", entries });
export function pyCall(callee: string, args: readonly (PyExpr | readonly [string, PyExpr])[]): PyExpr {
  return {
    kind: "call",
    callee,
    args: args.map((a) => (Array.isArray(a) ? { name: a[0] as string, value: a[1] as PyExpr } : { value: a as PyExpr })),
  };
}

/** `e` on one line. */
export function pyFlat(e: PyExpr): string {
  return flatWithin(e, Infinity) as string;
}

/** The width of the text `flatWithin` returned last (so a nested expression is not measured twice). */
let flatWidth = 0;

/**
 * `e` on one line when it takes at most `room` columns, else undefined — found without building or
 * measuring more of a long expression than fits: a line's width is the sum of its pieces'.
 */
function flatWithin(e: PyExpr, room: number): string | undefined {
  if (e.kind === "atom") {
    const w = pythonWidth(e.text);
    if (w > room) return undefined;
    flatWidth = w;
    return e.text;
  }
  let text: string;
  let columns: number;
  let close: string;
  const add = (prefix: string, item: PyExpr): boolean => {
    const one = flatWithin(item, room - columns - pythonWidth(prefix) - 1);
    if (one === undefined) return false;
    text += prefix + one;
    columns += pythonWidth(prefix) + flatWidth;
    return true;
  };
  switch (e.kind) {
    case "call":
      text = `${e.callee}(`;
      close = ")";
      columns = pythonWidth(text);
      for (let i = 0; i < e.args.length; i++) {
        const a = e.args[i] as PyArg;
        const prefix = (i === 0 ? "" : ", ") + (a.name === undefined ? "" : `${a.name}=`);
        if (!add(prefix, a.value)) return undefined;
      }
      break;
    case "list":
    case "subscript":
    case "tuple":
      text = e.kind === "subscript" ? `${e.value}[` : e.kind === "list" ? "[" : "(";
      close = e.kind === "tuple" ? (e.items.length === 1 ? ",)" : ")") : "]";
      columns = pythonWidth(text);
      for (let i = 0; i < e.items.length; i++) if (!add(i === 0 ? "" : ", ", e.items[i] as PyExpr)) return undefined;
      break;
    case "dict":
      text = "{";
      close = "}";
      columns = 1;
      for (let i = 0; i < e.entries.length; i++) {
        const [k, v] = e.entries[i] as readonly [string, PyExpr];
        if (!add(`${i === 0 ? "" : ", "}${k}: `, v)) return undefined;
      }
      break;
  }
  columns += close.length;
  if (columns > room) return undefined;
  flatWidth = columns;
  return text + close;
}

/** Prints `e` at `column` on a line indented `indent` spaces, with `trailing` characters after it. */
export function pyLayout(e: PyExpr, indent: number, column: number, trailing: number): string {
  const fitting = flatWithin(e, lineLength() - column - trailing);
  if (fitting !== undefined) return fitting;
  const empty = (e.kind === "call" && e.args.length === 0) || (e.kind === "dict" ? e.entries.length === 0 : e.kind !== "atom" && e.kind !== "call" && e.items.length === 0);
  if (e.kind === "atom" || empty) return pyFlat(e);
  const inner = indent + INDENT.length;
  const pad = " ".repeat(inner);
  const item = (prefix: string, x: PyExpr): string => `${pad}${prefix}${pyLayout(x, inner, inner + pythonWidth(prefix), 1)},`;
  const close = " ".repeat(indent);
  switch (e.kind) {
    case "call":
      return `${e.callee}(\n${e.args.map((a) => item(a.name === undefined ? "" : `${a.name}=`, a.value)).join("\n")}\n${close})`;
    case "list":
      return `[\n${e.items.map((x) => item("", x)).join("\n")}\n${close}]`;
    case "subscript": {
      const only = e.items.length === 1 ? e.items[0] : undefined;
      if (only === undefined) return `${e.value}[\n${e.items.map((x) => item("", x)).join("\n")}\n${close}]`;
      return `${e.value}[\n${pad}${pyLayout(only, inner, inner, 0)}\n${close}]`;
    }
    case "tuple":
      return `(\n${e.items.map((x) => item("", x)).join("\n")}\n${close})`;
    case "dict":
      return `{\n${e.entries.map(([k, v]) => item(`${k}: `, v)).join("\n")}\n${close}}`;
  }
}

/**
 * `name = value` at `indent` spaces: on one line when it fits, else the value in parentheses on a
 * line of its own when it fits there, as ruff (and black) parenthesize a long right-hand side —
 * and left overflowing when it would not fit either way, or when `name = (` itself would not fit
 * (ruff keeps the line whole then). The one rule for every assignment of a value that cannot
 * break inside.
 */
export function pyAssignment(indent: number, name: string, value: string): string {
  const pad = " ".repeat(indent);
  const line = `${pad}${name} = ${value}`;
  if (pythonWidth(line) <= lineLength() || indent + INDENT.length + pythonWidth(value) > lineLength()) return line;
  if (pythonWidth(`${pad}${name} = (`) > lineLength()) return line;
  return `${pad}${name} = (\n${pad}${INDENT}${value}\n${pad})`;
}

/**
 * `name: annotation = {` (`tail`), the head of an annotated assignment whose value is a
 * literal already broken one entry a line (or an empty one): when the head is too long, black
 * and ruff leave the value's brackets and split the annotation's instead — its items on one
 * line inside them when they fit there, else one a line.
 */
export function pyAnnotatedHead(name: string, annotation: PyExpr, tail: string): string {
  return subscriptSplit(`${name}: `, annotation, tail);
}

/**
 * `prefix`, an annotation and `tail` on one line when they fit; otherwise, when the annotation
 * is a subscript, split at its brackets: its items on one line inside them when they fit there,
 * else one a line.
 */
function subscriptSplit(prefix: string, annotation: PyExpr, tail: string): string {
  const one = `${prefix}${pyFlat(annotation)}${tail}`;
  if (pythonWidth(one) <= lineLength() || annotation.kind !== "subscript") return one;
  const items = `${INDENT}${annotation.items.map(pyFlat).join(", ")}`;
  if (pythonWidth(items) <= lineLength()) return `${prefix}${annotation.value}[\n${items}\n]${tail}`;
  return `${prefix}${pyLayout(annotation, 0, pythonWidth(prefix), pythonWidth(tail))}${tail}`;
}

/**
 * A statement head or call statement that takes arguments — `class Name(Base, total=False):`,
 * `def name(value: object) -> Type:`, `raise ValueError("…")` — on one line when it fits,
 * otherwise one argument a line with a (magic) trailing comma, which ruff keeps.
 */
export function pyStatement(indent: number, open: string, args: readonly string[], close: string): string {
  return `${" ".repeat(indent)}${pyLayout(pyCall(open, args.map(pyAtom)), indent, indent, pythonWidth(close))}${close}`;
}

/**
 * `def name(params) -> returns:` as ruff lays it out: the parameters split when the line is too
 * long; a return annotation that still overflows its line splits at its own brackets when it is
 * a subscript, and otherwise goes in parentheses on a line of its own, when it fits there.
 */
export function pyDef(name: string, params: readonly string[], returns: string | PyExpr): string {
  const flat = typeof returns === "string" ? returns : pyFlat(returns);
  const text = pyStatement(0, `def ${name}`, params, ` -> ${flat}:`);
  const lastBreak = text.lastIndexOf("\n");
  const last = text.slice(lastBreak + 1);
  if (lastBreak === -1 || pythonWidth(last) <= lineLength()) return text;
  const head = text.slice(0, lastBreak + 1);
  if (typeof returns !== "string" && returns.kind === "subscript") return `${head}${subscriptSplit(") -> ", returns, ":")}`;
  return 4 + pythonWidth(flat) > lineLength() ? text : `${head}) -> (\n    ${flat}\n):`;
}

/**
 * A def head with a comment ending its first line (`  # noqa: …`). black counts the comment in
 * the line's width and ruff does not (it ignores pragma comments), so a one-line head the
 * comment pushes past the line length is split one parameter a line with a magic trailing
 * comma, which both keep, the comment after the opening parenthesis.
 */
export function pyDefWithComment(head: string, comment: string): string {
  const firstBreak = head.indexOf("\n");
  if (firstBreak !== -1) return `${head.slice(0, firstBreak)}${comment}${head.slice(firstBreak)}`;
  const def = /^def (\w+)\((.*)\) -> (.*):$/.exec(head);
  if (def === null || pythonWidth(`${head}${comment}`) <= lineLength()) return `${head}${comment}`;
  const [, name = "", params = "", returns = ""] = def;
  return `def ${name}(${comment}\n${topLevelItems(params).map((p) => `    ${p},`).join("\n")}\n) -> ${returns}:`;
}

/**
 * Walks Python source text outside its string literals, calling `visit` with each character's
 * index, the character and the bracket depth: an opening bracket at the depth outside it, a
 * closing one (and anything else) at the depth it leaves. Stops where `visit` says true and
 * returns that index; -1 when it never does. The one scanner behind every layout decision that
 * needs to know what is "top level".
 */
export function scanCode(text: string, visit: (i: number, c: string, depth: number) => boolean, from = 0): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i] ?? "";
    if (quote !== undefined) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (isOpening(c)) {
      if (visit(i, c, depth)) return i;
      depth++;
    } else {
      if (isClosing(c)) depth--;
      if (visit(i, c, depth)) return i;
    }
  }
  return -1;
}

export const isOpening = (c: string): boolean => c === "(" || c === "[" || c === "{";
export const isClosing = (c: string): boolean => c === ")" || c === "]" || c === "}";

/** `a: x, b: list[y, z]` split at the commas outside brackets and strings. */
export function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let start = 0;
  scanCode(text, (i, c, depth) => {
    if (c === "," && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
    return false;
  });
  items.push(text.slice(start).trim());
  return items.filter((item) => item !== "");
}
