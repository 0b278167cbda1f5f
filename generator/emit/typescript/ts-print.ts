/**
 * The syntax tree of ts-ast.ts as documents (doc.ts), built as prettier's estree printer builds
 * them for the same constructs with default options: assignments choose prettier's layout
 * (break after the operator, fluid, never break), call arguments hug a last object or array,
 * unions break into `| A` lines, type arguments break inside `<…>`, objects and arrays put
 * every item on its own line with a trailing comma.
 *
 * A construct that may break is returned flat-first (doc.ts Flat): its flat text, written by
 * ts-flat.ts, with its document built only where the printer finds the text does not fit.
 */
import type { Doc } from "./doc.js";
import {
  align,
  breakParent,
  canBreak,
  conditionalGroup,
  flatFirst,
  flatOf,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  semisSoFar,
  softline,
  willBreak,
} from "./doc.js";
import { isConcise, isHuggedUnion, isType, type Expr, type Key, type Prop, type PropSig, type Type, type TypeParam } from "./ts-ast.js";
import { flatAssigned, flatExpr, flatPropSig, flatType } from "./ts-flat.js";
import { width } from "../text.js";

/** prettier's tabWidth + 3: a key this short never has its value moved to the next line. */
const SHORT_KEY = 5;
/** prettier's isLoneShortArgument threshold: a quarter of the print width. */
const SHORT_ARGUMENT = 20;

export function printExpr(e: Expr, parent?: "member"): Doc {
  switch (e.kind) {
    case "id":
      return e.name;
    case "string":
    case "number":
      return e.text;
    case "boolean":
      return String(e.value);
    default: {
      const semis = semisSoFar();
      return flatFirst(flatExpr(e), semis, parent === "member" ? chainLinkDoc : exprDoc, e);
    }
  }
}

/** An expression that is more than one token: the ones printExpr builds a document for. */
type Compound = Exclude<Expr, { readonly kind: "id" | "string" | "number" | "boolean" }>;

const exprDoc = (e: Compound): Doc => printExprDoc(e);
/** The object of a member or index expression. */
const chainLinkDoc = (e: Compound): Doc => printExprDoc(e, "member");

function printExprDoc(e: Compound, parent?: "member"): Doc {
  switch (e.kind) {
    case "unary":
      return [e.op, printExpr(e.arg)];
    case "member": {
      const lookup = [".", e.property];
      const inline = e.object.kind === "id" && parent !== "member";
      return [printExpr(e.object, "member"), inline ? lookup : group(indent([softline, lookup]))];
    }
    case "index": {
      const object = printExpr(e.object, "member");
      if (e.index.kind === "string" || e.index.kind === "number") return [object, "[", printExpr(e.index), "]"];
      return [object, group(["[", indent([softline, printExpr(e.index, "member")]), softline, "]"])];
    }
    case "call": {
      const callee = printExpr(e.callee);
      return [e.isNew ? "new " : "", callee, printTypeArgs(e.typeArgs), printArgs(e.args)];
    }
    case "object":
      return printObject(e.props, e.expanded);
    case "array":
      return printArray(e.items);
    case "asConst":
      return [printExpr(e.expr), " as const"];
    case "binary":
      // prettier's printBinaryish: the operator and the right side a group of their own; an
      // operand that is itself a binary expression (of another operator) indents its right side.
      return group([binaryOperand(e.left), " ", group([e.op, line, binaryOperand(e.right)])]);
    case "conditional":
      // prettier's printTernary: the test, then `? a` and `: b` on lines of their own.
      return group([printExpr(e.test), indent([line, "? ", printExpr(e.consequent), line, ": ", printExpr(e.alternate)])]);
  }
}

function binaryOperand(e: Expr): Doc {
  if (e.kind !== "binary") return printExpr(e);
  return group([binaryOperand(e.left), indent([" ", group([e.op, line, binaryOperand(e.right)])])]);
}

function printKey(key: Key): Doc {
  return key.kind === "name" ? key.text : ["[", printExpr(key.expr), "]"];
}

/** Whole-line comments before an item, each line broken by a hard line. */
function withComments(comments: readonly string[] | undefined, doc: Doc): Doc {
  if (comments === undefined || comments.length === 0) return doc;
  return [join(hardline, comments), hardline, doc];
}

function printObject(props: readonly Prop[], expanded: boolean): Doc {
  if (props.length === 0) return "{}";
  const parts = props.map((p, i) => {
    const separator = i === 0 ? [] : [",", line, ...(p.blankBefore === true ? [hardline] : [])];
    const entry = p.shorthand === true ? printKey(p.key) : printAssignment(printKey(p.key), ":", p.value, true);
    return [...separator, group(withComments(p.comments, entry))];
  });
  return group(["{", indent([line, ...parts]), ifBreak(","), line, "}"], { shouldBreak: expanded });
}

function printArray(items: readonly Expr[]): Doc {
  if (items.length === 0) return "[]";
  const printed = join([",", line], items.map((x) => group(printExpr(x))));
  return group(["[", indent([softline, printed]), ifBreak(","), softline, "]"], { shouldBreak: isConcise(items) });
}

function couldExpand(e: Expr | undefined): boolean {
  return (e?.kind === "object" && e.props.length > 0) || (e?.kind === "array" && e.items.length > 0);
}

/** prettier's printCallArguments: all on one line, a hugged last object or array, or one per line. */
function printArgs(args: readonly Expr[]): Doc {
  if (args.length === 0) return "()";
  const printed = args.map((a) => printExpr(a));
  const separated = printed.map((d, i) => (i < printed.length - 1 ? [d, ",", line] : d));
  const allBroken = (): Doc => group(["(", indent([line, ...separated]), ",", line, ")"], { shouldBreak: true });
  const last = args.at(-1);
  const penultimate = args.at(-2);
  if (couldExpand(last) && penultimate?.kind !== last?.kind) {
    const head = separated.slice(0, -1);
    if (head.some(willBreak)) return allBroken();
    const lastDoc = printed.at(-1) ?? "";
    const hugged = ["(", ...head, group(lastDoc, { shouldBreak: true }), ")"];
    if (willBreak(lastDoc)) return [breakParent, conditionalGroup([hugged, allBroken()])];
    return conditionalGroup([["(", ...head, lastDoc, ")"], hugged, allBroken()]);
  }
  const contents = ["(", indent([softline, ...separated]), ifBreak(","), softline, ")"];
  return group(contents, { shouldBreak: printed.some(willBreak) });
}

type Layout = "break-after-operator" | "never-break-after-operator" | "fluid";

/** A chain of members and calls without arguments (or one short one): `Topic.HELLO`, `f()`. */
function isPoorlyBreakable(e: Expr, deep: boolean): boolean {
  if (e.kind === "member") return isPoorlyBreakable(e.object, true);
  if (e.kind === "call") {
    const [only, ...more] = e.args;
    const short = only === undefined || (more.length === 0 && isLoneShortArgument(only));
    return short && e.typeArgs.length <= 1 && isPoorlyBreakable(e.callee, true);
  }
  return deep && e.kind === "id";
}

function isLoneShortArgument(e: Expr): boolean {
  switch (e.kind) {
    case "id":
      return width(e.name) <= SHORT_ARGUMENT;
    case "string":
    case "number":
      return width(e.text) <= SHORT_ARGUMENT;
    case "boolean":
      return true;
    case "object":
      return e.props.length === 0;
    case "array":
      return e.items.length === 0;
    default:
      return false;
  }
}

/** prettier's chooseLayout for the right-hand sides the emitters write. */
function chooseLayout(left: Doc, right: Expr | Type, isProperty: boolean): Layout {
  const shortKey = isProperty && typeof left === "string" && width(left) < SHORT_KEY;
  if (right.kind === "union" && !isHuggedUnion(right)) return "break-after-operator";
  // prettier's shouldBreakAfterOperator: a binary expression, or a conditional testing one.
  if (right.kind === "binary" || (right.kind === "conditional" && right.test.kind === "binary")) return "break-after-operator";
  if (!shortKey) {
    let node: Expr | Type = right;
    while (node.kind === "unary") node = node.arg;
    if (node.kind === "string" || !isType(node) && isPoorlyBreakable(node, false)) return "break-after-operator";
  }
  const literal = right.kind === "boolean" || right.kind === "number";
  if (!canBreak(left) && (shortKey || literal)) return "never-break-after-operator";
  return "fluid";
}

/** `left op right` (`=` of a declaration or type alias, `:` of an object property). */
export function printAssignment(left: Doc, op: string, right: Expr | Type, isProperty = false): Doc {
  const semis = semisSoFar();
  const flatLeft = flatOf(left);
  const text = flatLeft === undefined ? undefined : flatAssigned(flatLeft, op, right);
  return flatFirst(text, semis, assignmentDoc, { left, op, right, isProperty });
}

function assignmentDoc({ left, op, right, isProperty }: { left: Doc; op: string; right: Expr | Type; isProperty: boolean }): Doc {
  const rightDoc = isType(right) ? printType(right) : printExpr(right);
  switch (chooseLayout(left, right, isProperty)) {
    case "break-after-operator":
      return group([group(left), op, group(indent([line, rightDoc]))]);
    case "never-break-after-operator":
      return group([group(left), op, " ", rightDoc]);
    case "fluid": {
      const id = Symbol("assignment");
      return group([group(left), op, group(indent(line), { id }), indentIfBreak(rightDoc, id)]);
    }
  }
}

/** A type in the layout prettier gives it. */
export function printType(t: Type): Doc {
  if (t.kind === "ref" && t.args.length === 0) return t.name;
  const semis = semisSoFar();
  return flatFirst(flatType(t), semis, printTypeDoc, t);
}

function printTypeDoc(t: Type): Doc {
  switch (t.kind) {
    case "ref":
      return [t.name, printTypeArgs(t.args)];
    case "array": {
      const wrap = t.of.kind === "readonly" || t.of.kind === "typeof" || t.of.kind === "keyof" || t.of.kind === "union";
      const of = printType(t.of);
      // A hugged union has no line of its own to break inside its parentheses (prettier prints them bare).
      if (t.of.kind === "union" && !isHuggedUnion(t.of)) return [group(["(", indent([softline, of]), softline, ")"]), "[]"];
      return [wrap ? ["(", of, ")"] : of, "[]"];
    }
    case "readonly":
      return ["readonly", " ", printType(t.of)];
    case "keyof":
      return ["keyof", " ", printType(t.of)];
    case "typeof":
      return ["typeof ", t.name];
    case "indexed": {
      const object = printType(t.object);
      return [t.object.kind === "typeof" ? ["(", object, ")"] : object, "[", printType(t.index), "]"];
    }
    case "union":
      if (isHuggedUnion(t)) return join(" | ", t.types.map(printType));
      return group([ifBreak("| "), join([line, "| "], t.types.map((x) => align(2, x.kind === "function" ? ["(", printType(x), ")"] : printType(x))))]);
    case "intersection":
      return printIntersection(t.types);
    case "function":
      return group([printParams(t.params), " => ", printType(t.returns)]);
    case "predicate":
      return [t.param, " is ", printType(t.type)];
    case "literal": {
      const members = t.members.map((m) => withComments(m.comments, printPropSig(m)));
      return group(["{", indent([line, join([";", line], members)]), ifBreak(";"), line, "}"], {
        shouldBreak: t.expanded,
      });
    }
  }
}

/** A keyword or a name without type arguments: hugged by `<…>`, never broken inside. */
function isSimpleType(t: Type): boolean {
  return t.kind === "ref" && t.args.length === 0;
}

function printTypeArgs(args: readonly Type[]): Doc {
  const [only, ...more] = args;
  if (only === undefined) return "";
  // prettier's shouldHugType: a lone simple type, object type or hugged union is not broken onto lines of its own.
  if (more.length === 0 && (isSimpleType(only) || only.kind === "literal" || isHuggedUnion(only))) return ["<", printType(only), ">"];
  return group(["<", indent([softline, join([",", line], args.map(printType))]), softline, ">"]);
}

/** A type annotation after `:`: a union breaks onto the next line before breaking into lines. */
export function printAnnotation(t: Type): Doc {
  if (t.kind !== "union" || isHuggedUnion(t)) return printType(t);
  const semis = semisSoFar();
  return flatFirst(flatType(t), semis, unionAnnotationDoc, t);
}

const unionAnnotationDoc = (t: Type): Doc => group(indent([softline, printType(t)]));

export function printPropSig(m: PropSig): Doc {
  const semis = semisSoFar();
  return flatFirst(flatPropSig(m), semis, propSigDoc, m);
}

function propSigDoc(m: PropSig): Doc {
  const head = [m.readonly ? "readonly " : "", printKey(m.key), m.optional ? "?" : ""];
  return group([...head, ":", " ", printAnnotation(m.type)]);
}

/**
 * prettier's printIntersectionType: between two non-object types the `&` may break onto the
 * next line; next to an object type literal it stays inline and the literal breaks instead.
 */
function printIntersection(types: readonly Type[]): Doc {
  const parts: Doc[] = [];
  let wasIndented = false;
  types.forEach((t, i) => {
    const printed = printType(t);
    const object = t.kind === "literal";
    const previous = types[i - 1]?.kind === "literal";
    if (i === 0) parts.push(printed);
    else if (!previous && !object) parts.push(indent([" &", line, printed]));
    else if (previous && object) parts.push(" & ", wasIndented ? indent(printed) : printed);
    else {
      if (i > 1) wasIndented = true;
      parts.push(" & ", i > 1 ? indent(printed) : printed);
    }
  });
  return group(parts);
}

/** A parameter list `(a: A, b: B)`: on one line, or one parameter a line with a trailing comma, as the signature holding it breaks. */
export function printParams(params: readonly { readonly name: string; readonly type: Type; readonly default?: Expr }[]): Doc {
  if (params.length === 0) return "()";
  const printed = params.map((p) => [p.name, ":", " ", printAnnotation(p.type), p.default === undefined ? "" : [" = ", printExpr(p.default)]]);
  // Not a group of its own: the parameters break with the signature around them (prettier groups
  // them apart only for a lone object-like parameter, which the emitters never write).
  return ["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"];
}

/**
 * `<T extends C = D, …>` as prettier prints type parameters: on one line, or one a line with a
 * trailing comma; inside one, the constraint and the default each move to the next line
 * (indented) when the rest of the line does not fit.
 */
export function printTypeParams(params: readonly TypeParam[]): Doc {
  if (params.length === 0) return "";
  const printed = params.map((p) => {
    const parts: Doc[] = [p.name];
    const fluid = (op: string, t: Type): void => {
      const id = Symbol(op);
      parts.push(op, group(indent(line), { id }), indentIfBreak(printType(t), id));
    };
    if (p.constraint !== undefined) fluid(" extends", p.constraint);
    if (p.default !== undefined) fluid(" =", p.default);
    return group(parts);
  });
  return group(["<", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ">"]);
}
