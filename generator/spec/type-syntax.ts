/**
 * The syntax of a type expression:
 *
 *   type := atom ('|' atom)*
 *   atom := string | int | float | bool | any | json | null | Name | list<type> | map<type> | literal
 *   literal := a JSON string ("2.0"), a JSON number (-1, 0.5) or true / false
 *
 * The wire lock writes types in the same syntax, with a constraint suffix after an atom
 * (`int[min=0,max=100]`, `string[format=uuid]`); the spec states constraints as properties of the
 * key or field instead, so only the lock's reader accepts the suffix.
 */

export type TypeSyntax =
  | { readonly kind: "name"; readonly name: string; readonly constraints?: ConstraintSyntax | undefined }
  | { readonly kind: "list"; readonly of: TypeSyntax; readonly constraints?: ConstraintSyntax | undefined }
  | { readonly kind: "map"; readonly of: TypeSyntax }
  | { readonly kind: "union"; readonly members: readonly TypeSyntax[] }
  | { readonly kind: "null" }
  /** `text`: the literal as written (`2.0` is the number 2: a string needs its JSON quotes). */
  | { readonly kind: "literal"; readonly value: string | number | boolean; readonly text: string };

/** The lock's constraint suffix, property by property (`min`, `max`, `format`, `min_length`, `min_items`). */
export type ConstraintSyntax = { readonly [property: string]: string };

/** How deep lists and maps may nest in one type expression (`list<map<…>>`): a bound on every recursive stage's depth. */
export const MAX_TYPE_NESTING = 16;

// eslint-disable-next-line no-control-regex
const LITERAL = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?(?![A-Za-z0-9_])/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;

export interface ParseOptions {
  /** Accept the lock's `[k=v,…]` suffix after an atom. */
  readonly constraints?: boolean;
}

/** Parses a type expression; undefined when malformed. */
export function parseType(text: string, options: ParseOptions = {}): TypeSyntax | undefined {
  const p = new Parser(text, options.constraints === true);
  const t = p.type(0);
  p.skipSpace();
  return t !== undefined && p.at === text.length ? t : undefined;
}

/** How deep the `<…>` of a type expression nest (brackets inside a JSON string literal not counted). */
export function typeNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "<") deepest = Math.max(deepest, ++depth);
    else if (c === ">") depth--;
  }
  return deepest;
}

class Parser {
  at = 0;
  readonly text: string;
  readonly constraints: boolean;
  constructor(text: string, constraints: boolean) {
    this.text = text;
    this.constraints = constraints;
  }

  skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] ?? "")) this.at++;
  }

  eat(c: string): boolean {
    this.skipSpace();
    if (this.text[this.at] !== c) return false;
    this.at++;
    return true;
  }

  type(depth: number): TypeSyntax | undefined {
    if (depth > MAX_TYPE_NESTING) return undefined;
    const first = this.atom(depth);
    if (first === undefined) return undefined;
    const members = [first];
    while (this.eat("|")) {
      const next = this.atom(depth);
      if (next === undefined) return undefined;
      members.push(next);
    }
    return members.length === 1 ? first : { kind: "union", members };
  }

  /** Matches `re` (sticky) at the cursor and moves past it; null when it does not match there. */
  match(re: RegExp): string | null {
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (m === null) return null;
    this.at += m[0].length;
    return m[0];
  }

  atom(depth: number): TypeSyntax | undefined {
    this.skipSpace();
    const literal = this.match(LITERAL);
    if (literal !== null) {
      const value = JSON.parse(literal) as string | number;
      if (typeof value === "number" && !Number.isFinite(value)) return undefined;
      return { kind: "literal", value, text: literal };
    }
    const name = this.match(WORD);
    if (name === null) return undefined;
    if (name === "true" || name === "false") return { kind: "literal", value: name === "true", text: name };
    if (name === "null") return { kind: "null" };
    if (name === "list" || name === "map") {
      if (!this.eat("<")) return this.named(name);
      const of = this.type(depth + 1);
      if (of === undefined || !this.eat(">")) return undefined;
      if (name === "map") return { kind: "map", of };
      const constraints = this.suffix();
      if (constraints === null) return undefined;
      return { kind: "list", of, ...(constraints === undefined ? {} : { constraints }) };
    }
    return this.named(name);
  }

  named(name: string): TypeSyntax | undefined {
    const constraints = this.suffix();
    if (constraints === null) return undefined;
    return { kind: "name", name, ...(constraints === undefined ? {} : { constraints }) };
  }

  /** The `[k=v,...]` suffix: undefined when absent, null when malformed or not accepted. */
  suffix(): ConstraintSyntax | undefined | null {
    this.skipSpace();
    if (this.text[this.at] !== "[") return undefined;
    if (!this.constraints) return null;
    const end = this.text.indexOf("]", this.at);
    if (end < 0) return null;
    const out: { [property: string]: string } = Object.create(null) as { [property: string]: string };
    for (const part of this.text.slice(this.at + 1, end).split(",")) {
      const m = /^\s*([a-z_]+)=([^,\s]+)\s*$/.exec(part);
      if (m === null || m[1] === undefined || m[2] === undefined) return null;
      out[m[1]] = m[2];
    }
    this.at = end + 1;
    return out;
  }
}
