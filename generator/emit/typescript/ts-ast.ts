/**
 * The small TypeScript syntax tree the emitters build for every construct whose layout depends
 * on its length (declarations, types, calls, object and array literals); ts-print.ts turns it
 * into a document laid out as prettier lays it out. Literal text (string literals, comments) is
 * rendered by the emitter, escaped its own way, and carried as is.
 */

export type Expr =
  | { readonly kind: "id"; readonly name: string }
  | { readonly kind: "string"; readonly text: string }
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "unary"; readonly op: string; readonly arg: Expr }
  | { readonly kind: "member"; readonly object: Expr; readonly property: string }
  | { readonly kind: "index"; readonly object: Expr; readonly index: Expr }
  | {
      readonly kind: "call";
      readonly callee: Expr;
      readonly typeArgs: readonly Type[];
      readonly args: readonly Expr[];
      readonly isNew: boolean;
    }
  | { readonly kind: "object"; readonly props: readonly Prop[]; readonly expanded: boolean }
  | { readonly kind: "array"; readonly items: readonly Expr[] }
  | { readonly kind: "asConst"; readonly expr: Expr }
  /** `left op right` of two operands that never break themselves (`typeof n === "number"`). */
  | { readonly kind: "binary"; readonly left: Expr; readonly op: string; readonly right: Expr }
  | { readonly kind: "conditional"; readonly test: Expr; readonly consequent: Expr; readonly alternate: Expr };

/** An object-literal property; `comments` (whole lines) and a blank line may precede it. */
export interface Prop {
  readonly key: Key;
  readonly value: Expr;
  readonly comments?: readonly string[];
  readonly blankBefore?: boolean;
  /** `{ key }`: a bare key naming the variable of its value. */
  readonly shorthand?: boolean;
}

/** A property name: bare (an identifier or a quoted string, as written) or computed `[expr]`. */
export type Key = { readonly kind: "name"; readonly text: string } | { readonly kind: "computed"; readonly expr: Expr };

export type Type =
  | { readonly kind: "ref"; readonly name: string; readonly args: readonly Type[] }
  | { readonly kind: "array"; readonly of: Type }
  | { readonly kind: "readonly"; readonly of: Type }
  | { readonly kind: "union"; readonly types: readonly Type[] }
  | { readonly kind: "typeof"; readonly name: string }
  | { readonly kind: "keyof"; readonly of: Type }
  | { readonly kind: "indexed"; readonly object: Type; readonly index: Type }
  | { readonly kind: "predicate"; readonly param: string; readonly type: Type }
  | { readonly kind: "literal"; readonly members: readonly PropSig[]; readonly expanded: boolean }
  | { readonly kind: "intersection"; readonly types: readonly Type[] }
  | { readonly kind: "function"; readonly params: readonly { readonly name: string; readonly type: Type }[]; readonly returns: Type };

/** TypeScript's keyword types and boolean literals: a `ref` by one of these names is no type reference. */
const KEYWORD_TYPES: ReadonlySet<string> = new Set([
  "any", "bigint", "boolean", "never", "null", "number", "object", "string", "symbol", "undefined", "unknown", "void", "this", "true", "false",
]);

/** A type reference's name (`Foo`, `Ns.Foo`), as opposed to a literal type a `ref` also carries (`"a"`, `-0.25`). */
const REFERENCE_NAME = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*(?:\.[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*)*$/u;

/** Whether `t` is a type reference (TSTypeReference): a named type, not a keyword or a literal. */
function isTypeReference(t: Type): boolean {
  return t.kind === "ref" && REFERENCE_NAME.test(t.name) && !KEYWORD_TYPES.has(t.name);
}

/**
 * prettier's shouldHugUnionType: a union of one object type or type reference (`Foo`,
 * `Readonly<Record<…>>`, `{ … }`) and nothing but `null` and `void` besides, printed `A | null`
 * with no break of its own (an object type breaks inside instead).
 */
export function isHuggedUnion(t: Type): boolean {
  if (t.kind !== "union") return false;
  const objectLike = t.types.find((m) => m.kind === "literal" || isTypeReference(m));
  return objectLike !== undefined && t.types.every((m) => m === objectLike || (m.kind === "ref" && (m.name === "null" || m.name === "void")));
}

/** The kinds only a type has ("array" is both: a type's holds `of`, an expression's `items`). */
const TYPE_ONLY_KINDS: ReadonlySet<string> = new Set(["ref", "readonly", "union", "typeof", "keyof", "indexed", "predicate", "literal", "intersection", "function"]);

/** Whether `node` (the right side of an assignment or a type alias) is a type, not an expression. */
export function isType(node: Expr | Type): node is Type {
  return node.kind === "array" ? "of" in node : TYPE_ONLY_KINDS.has(node.kind);
}

/** Two or more objects (or arrays) of more than one entry each: prettier puts them one per line. */
export function isConcise(items: readonly Expr[]): boolean {
  const first = items[0];
  const multi = (x: Expr): boolean =>
    (x.kind === "object" && x.props.length > 1) || (x.kind === "array" && x.items.length > 1);
  return items.length > 1 && first !== undefined && items.every((x) => x.kind === first.kind && multi(x));
}

/** A type parameter `T extends Constraint = Default`. */
export interface TypeParam {
  readonly name: string;
  readonly constraint?: Type;
  readonly default?: Type;
}

/** `readonly key?: Type;` in an interface or type literal, after its comment lines. */
export interface PropSig {
  readonly key: Key;
  readonly type: Type;
  readonly optional: boolean;
  readonly readonly: boolean;
  readonly comments?: readonly string[];
}

export const id = (name: string): Expr => ({ kind: "id", name });
export const stringLit = (text: string): Expr => ({ kind: "string", text });
export const bool = (value: boolean): Expr => ({ kind: "boolean", value });
export const member = (object: Expr, property: string): Expr => ({ kind: "member", object, property });
export const index = (object: Expr, i: Expr): Expr => ({ kind: "index", object, index: i });
export const array = (items: readonly Expr[]): Expr => ({ kind: "array", items });
export const asConst = (expr: Expr): Expr => ({ kind: "asConst", expr });

/** `a.b.c` from its dotted text. */
export function dotted(path: string): Expr {
  const [first = "", ...rest] = path.split(".");
  return rest.reduce<Expr>((object, property) => member(object, property), id(first));
}

export function call(callee: string | Expr, args: readonly Expr[], typeArgs: readonly Type[] = []): Expr {
  return { kind: "call", callee: typeof callee === "string" ? id(callee) : callee, typeArgs, args, isNew: false };
}

export function newCall(callee: string, args: readonly Expr[]): Expr {
  return { kind: "call", callee: id(callee), typeArgs: [], args, isNew: true };
}

/** An object literal; `expanded` keeps it broken whatever its width (prettier keeps a written break). */
export function object(props: readonly (readonly [string | Key, Expr] | Prop)[], expanded = false): Expr {
  return { kind: "object", props: props.map((p) => ("key" in p ? p : { key: toKey(p[0]), value: p[1] })), expanded };
}

/** `name` in an object literal: the property `name` of the variable `name`. */
export const shorthand = (name: string): Prop => ({ key: { kind: "name", text: name }, value: id(name), shorthand: true });

export function toKey(key: string | Key): Key {
  return typeof key === "string" ? { kind: "name", text: key } : key;
}

export const computed = (expr: Expr): Key => ({ kind: "computed", expr });

export const ref = (name: string, args: readonly Type[] = []): Type => ({ kind: "ref", name, args });
export const arrayOf = (of: Type): Type => ({ kind: "array", of });
export const readonlyOf = (of: Type): Type => ({ kind: "readonly", of });
export const union = (types: readonly Type[]): Type => ({ kind: "union", types });

/** `A | B | …` with nested unions flattened (as TypeScript parses them); one member is that member. */
export function unionOf(types: readonly Type[]): Type {
  const flat = types.flatMap((t) => (t.kind === "union" ? t.types : [t]));
  return flat.length === 1 && flat[0] !== undefined ? flat[0] : union(flat);
}

/** `A & B & …`; one member is that member. */
export function intersectionOf(types: readonly Type[]): Type {
  return types.length === 1 && types[0] !== undefined ? types[0] : { kind: "intersection", types };
}
export const typeOf = (name: string): Type => ({ kind: "typeof", name });

/** `Readonly<Record<key, value>>` */
export const readonlyRecord = (key: Type, value: Type): Type => ref("Readonly", [ref("Record", [key, value])]);
