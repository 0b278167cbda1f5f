/** The syntax of a key's `type:` — `string`, `int`, `float`, `bool`, `any`, a name, `list<T>`, `map<T>`. */

export type TypeSyntax =
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "list" | "map"; readonly of: TypeSyntax };

const MAX_NESTING = 16;

/** Parses a type expression; undefined when malformed. */
export function parseType(text: string): TypeSyntax | undefined {
  return parseAt(text.replace(/\s+/g, ""), 0);
}

function parseAt(text: string, depth: number): TypeSyntax | undefined {
  if (depth > MAX_NESTING) return undefined;
  const generic = /^(list|map)<(.*)>$/.exec(text);
  if (generic !== null) {
    const of = parseAt(generic[2] ?? "", depth + 1);
    return of === undefined ? undefined : { kind: generic[1] === "list" ? "list" : "map", of };
  }
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? { kind: "name", name: text } : undefined;
}
