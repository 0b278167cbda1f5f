/**
 * The flat text of the syntax tree of ts-ast.ts: what printing ts-print.ts's document of a
 * construct flat prints (the construct on one line), written straight from the tree without
 * building the document. Undefined where that document holds a forced break (an expanded object
 * or type literal, a comment or blank line before a property, concise arrays, a call whose
 * arguments break), so the document is built there. Every piece that may end with `;` is counted
 * (doc.ts piece), as the printer measures pieces in the style without semicolons.
 *
 * Kept in step with ts-print.ts piece by piece: test/emit/flat-first.test.ts prints random trees
 * both ways at many widths.
 */
import { piece } from "./doc.js";
import { isConcise, isType, type Expr, type Key, type PropSig, type Type } from "./ts-ast.js";

export function flatExpr(e: Expr): string | undefined {
  switch (e.kind) {
    case "id":
      return piece(e.name);
    case "string":
    case "number":
      return piece(e.text);
    case "boolean":
      return String(e.value);
    case "unary": {
      const arg = flatExpr(e.arg);
      return arg === undefined ? undefined : piece(e.op) + arg;
    }
    case "member": {
      const object = flatExpr(e.object);
      return object === undefined ? undefined : `${object}.${piece(e.property)}`;
    }
    case "index": {
      const object = flatExpr(e.object);
      const index = object === undefined ? undefined : flatExpr(e.index);
      return index === undefined ? undefined : `${object}[${index}]`;
    }
    case "call": {
      const callee = flatExpr(e.callee);
      const typeArgs = callee === undefined ? undefined : flatTypeArgs(e.typeArgs);
      const args = typeArgs === undefined ? undefined : flatList(e.args, "(", ")");
      return args === undefined ? undefined : (e.isNew ? "new " : "") + callee + typeArgs + args;
    }
    case "object":
      return flatObject(e);
    case "array":
      // Two or more objects (or arrays) of several entries each always break.
      return isConcise(e.items) ? undefined : flatList(e.items, "[", "]");
    case "asConst": {
      const expr = flatExpr(e.expr);
      return expr === undefined ? undefined : `${expr} as const`;
    }
    case "binary": {
      const left = flatExpr(e.left);
      const right = left === undefined ? undefined : flatExpr(e.right);
      return right === undefined ? undefined : `${left} ${piece(e.op)} ${right}`;
    }
    case "conditional": {
      const test = flatExpr(e.test);
      const consequent = test === undefined ? undefined : flatExpr(e.consequent);
      const alternate = consequent === undefined ? undefined : flatExpr(e.alternate);
      return alternate === undefined ? undefined : `${test} ? ${consequent} : ${alternate}`;
    }
  }
}

/** `open a, b, c close`; `open close` with no items. */
function flatList(items: readonly Expr[], open: string, close: string): string | undefined {
  let text = open;
  for (let i = 0; i < items.length; i++) {
    const item = flatExpr(items[i] as Expr);
    if (item === undefined) return undefined;
    text += i === 0 ? item : `, ${item}`;
  }
  return text + close;
}

function flatObject(e: Extract<Expr, { kind: "object" }>): string | undefined {
  if (e.props.length === 0) return "{}";
  if (e.expanded) return undefined;
  let text = "{ ";
  for (let i = 0; i < e.props.length; i++) {
    const p = e.props[i];
    if (p === undefined || (p.comments !== undefined && p.comments.length > 0) || (i > 0 && p.blankBefore === true)) return undefined;
    const key = flatKey(p.key);
    const entry = key === undefined || p.shorthand === true ? key : flatAssigned(key, ":", p.value);
    if (entry === undefined) return undefined;
    text += i === 0 ? entry : `, ${entry}`;
  }
  return `${text} }`;
}

export function flatKey(key: Key): string | undefined {
  if (key.kind === "name") return piece(key.text);
  const expr = flatExpr(key.expr);
  return expr === undefined ? undefined : `[${expr}]`;
}

/** `left op right` flat, whatever layout the assignment takes (`left` already flat). */
export function flatAssigned(left: string, op: string, right: Expr | Type): string | undefined {
  const value = isType(right) ? flatType(right) : flatExpr(right);
  return value === undefined ? undefined : `${left}${op} ${value}`;
}

export function flatType(t: Type): string | undefined {
  switch (t.kind) {
    case "ref": {
      const args = flatTypeArgs(t.args);
      return args === undefined ? undefined : piece(t.name) + args;
    }
    case "array": {
      const of = flatType(t.of);
      if (of === undefined) return undefined;
      const wrap = t.of.kind === "union" || t.of.kind === "readonly" || t.of.kind === "typeof" || t.of.kind === "keyof";
      return wrap ? `(${of})[]` : `${of}[]`;
    }
    case "readonly":
    case "keyof": {
      const of = flatType(t.of);
      return of === undefined ? undefined : `${t.kind} ${of}`;
    }
    case "typeof":
      return `typeof ${piece(t.name)}`;
    case "indexed": {
      const object = flatType(t.object);
      const index = object === undefined ? undefined : flatType(t.index);
      if (index === undefined) return undefined;
      return t.object.kind === "typeof" ? `(${object})[${index}]` : `${object}[${index}]`;
    }
    case "union":
    case "intersection": {
      let text = "";
      for (let i = 0; i < t.types.length; i++) {
        const member = t.types[i] as Type;
        const printed = flatType(member);
        if (printed === undefined) return undefined;
        const wrapped = t.kind === "union" && member.kind === "function" ? `(${printed})` : printed;
        text += i === 0 ? wrapped : t.kind === "union" ? ` | ${wrapped}` : ` & ${wrapped}`;
      }
      return text;
    }
    case "function": {
      const params = flatParams(t.params);
      const returns = params === undefined ? undefined : flatType(t.returns);
      return returns === undefined ? undefined : `${params} => ${returns}`;
    }
    case "predicate": {
      const type = flatType(t.type);
      return type === undefined ? undefined : `${piece(t.param)} is ${type}`;
    }
    case "literal": {
      if (t.expanded) return undefined;
      let text = "{ ";
      for (let i = 0; i < t.members.length; i++) {
        const m = t.members[i] as PropSig;
        if (m.comments !== undefined && m.comments.length > 0) return undefined;
        const printed = flatPropSig(m);
        if (printed === undefined) return undefined;
        // The `;` between two members is a piece of its own.
        text += i === 0 ? printed : `${piece(";")} ${printed}`;
      }
      return `${text} }`;
    }
  }
}

function flatTypeArgs(args: readonly Type[]): string | undefined {
  if (args.length === 0) return "";
  let text = "<";
  for (let i = 0; i < args.length; i++) {
    const arg = flatType(args[i] as Type);
    if (arg === undefined) return undefined;
    text += i === 0 ? arg : `, ${arg}`;
  }
  return `${text}>`;
}

/** `readonly key?: Type` (the `;` after it is the declaration's). */
export function flatPropSig(m: PropSig): string | undefined {
  const key = flatKey(m.key);
  const type = key === undefined ? undefined : flatType(m.type);
  if (type === undefined) return undefined;
  return `${m.readonly ? "readonly " : ""}${key}${m.optional ? "?" : ""}: ${type}`;
}

/** `(a: A, b: B = d)`. */
export function flatParams(params: readonly { readonly name: string; readonly type: Type; readonly default?: Expr }[]): string | undefined {
  if (params.length === 0) return "()";
  let text = "(";
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === undefined) return undefined;
    const type = flatType(p.type);
    const value = type === undefined || p.default === undefined ? "" : flatExpr(p.default);
    if (type === undefined || value === undefined) return undefined;
    const param = `${piece(p.name)}: ${type}${p.default === undefined ? "" : ` = ${value}`}`;
    text += i === 0 ? param : `, ${param}`;
  }
  return `${text})`;
}
