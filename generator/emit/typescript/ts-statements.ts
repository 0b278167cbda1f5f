/**
 * Declarations and statements as documents, in prettier's layout: `const`, `type` and
 * `interface` declarations, function declarations with their parameter lists, imports, and the
 * few statements function bodies hold. `source` prints a top-level document as text.
 * Statements that may fit on one line are flat-first (doc.ts Flat).
 */
import { flatFirst, group, hardline, ifBreak, indent, join, line, piece, printDoc, semisSoFar, type Doc } from "./doc.js";
import { semi, style } from "../style.js";
import type { Expr, PropSig, Type, TypeParam } from "./ts-ast.js";
import { flatAssigned, flatExpr, flatParams, flatType } from "./ts-flat.js";
import { printAnnotation, printAssignment, printExpr, printParams, printPropSig, printType, printTypeParams } from "./ts-print.js";

/** A top-level document as source text, ending with a newline. */
export function source(doc: Doc): string {
  return `${printDoc(doc)}\n`;
}

/**
 * A document printed as lines at `indent` spaces (a statement inside a block the emitter writes
 * as text): laid out in the columns left after the indentation, each line indented, no newline at the end.
 */
export function sourceAt(doc: Doc, indent: number): string {
  const printed = printDoc(doc, style().printWidth - indent);
  const pad = " ".repeat(indent);
  // Most are one line: indented as a whole, without splitting.
  if (!printed.includes("\n")) return printed === "" ? printed : pad + printed;
  return printed
    .split("\n")
    .map((l) => (l === "" ? l : pad + l))
    .join("\n");
}

const exported = (yes: boolean): string => (yes ? "export " : "");

/** `const name: type = init;` */
export function constDecl(name: string, init: Expr, options: { type?: Type; exported?: boolean } = {}): Doc {
  const semis = semisSoFar();
  const type = options.type === undefined ? "" : flatType(options.type);
  const left = options.type === undefined ? piece(name) : `${piece(name)}: ${type}`;
  const assigned = type === undefined ? undefined : flatAssigned(left, " =", init);
  const text = assigned === undefined ? undefined : `${exported(options.exported ?? false)}const ${assigned}${piece(semi())}`;
  return flatFirst(text, semis, constDoc, { name, init, options });
}

function constDoc({ name, init, options }: { name: string; init: Expr; options: { type?: Type; exported?: boolean } }): Doc {
  const left: Doc = options.type === undefined ? name : [name, ":", " ", printAnnotation(options.type)];
  return [exported(options.exported ?? false), group(["const", " ", printAssignment(left, " =", init), semi()])];
}

/** `export type name<params> = type;` */
export function typeAlias(name: string, type: Type, params: readonly TypeParam[] = []): Doc {
  return ["export ", printAssignment(["type ", name, printTypeParams(params)], " =", type), semi()];
}

/** `export interface name<params> { … }` with one member per line. */
export function interfaceDecl(name: string, members: readonly PropSig[], params: readonly TypeParam[] = []): Doc {
  const body = members.map((m) => [m.comments === undefined ? [] : [join(hardline, m.comments), hardline], printPropSig(m), semi()]);
  return ["export interface ", name, printTypeParams(params), " {", indent([hardline, join(hardline, body)]), hardline, "}"];
}

export interface Param {
  readonly name: string;
  readonly type: Type;
  readonly default?: Expr;
}

/** `export function name(params): returns {` + body + `}` */
export function functionDecl(name: string, params: readonly Param[], returns: Type, body: readonly Doc[]): Doc {
  return ["export ", functionHead(name, params, returns), " ", block(body)];
}

/** `function name(params): returns`, the parameters on one line or one a line. */
export function functionHead(name: string, params: readonly Param[], returns: Type): Doc {
  const semis = semisSoFar();
  const flatParamList = flatParams(params);
  const type = flatParamList === undefined ? undefined : flatType(returns);
  const text = type === undefined ? undefined : `function ${piece(name)}${flatParamList}: ${type}`;
  return flatFirst(text, semis, functionHeadDoc, { name, params, returns });
}

function functionHeadDoc({ name, params, returns }: { name: string; params: readonly Param[]; returns: Type }): Doc {
  return ["function ", name, group([printParams(params), ":", " ", printType(returns)])];
}

/** `{` statements `}` */
export function block(body: readonly Doc[]): Doc {
  return body.length === 0 ? "{}" : ["{", indent([hardline, join(hardline, body)]), hardline, "}"];
}

/** `keyword expr;` for `return` and `throw`, or `expr;` */
export function statement(keyword: "return" | "throw" | "", e: Expr): Doc {
  const semis = semisSoFar();
  const expr = flatExpr(e);
  const text = expr === undefined ? undefined : `${keyword === "" ? "" : `${keyword} `}${expr}${piece(semi())}`;
  return flatFirst(text, semis, statementDoc, { keyword, e });
}

function statementDoc({ keyword, e }: { keyword: "return" | "throw" | ""; e: Expr }): Doc {
  return [keyword === "" ? "" : `${keyword} `, printExpr(e), semi()];
}

/** `import { a, b } from "module";` — a single name is never broken. */
export function importDecl(names: readonly string[], from: string): Doc {
  const specifiers =
    names.length > 1
      ? group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"])
      : ["{ ", names[0] ?? "", " }"];
  return ["import ", specifiers, " from ", from, semi()];
}
