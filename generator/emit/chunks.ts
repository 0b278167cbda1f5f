/**
 * What a generated module prints of its fixed runtime is computed from what it uses, the way a
 * code printer tracks imports from the symbols it actually prints: the emitters record every
 * name their printed code refers to (a helper, a stdlib import, a defs name), each fixed chunk
 * of runtime text declares the names it refers to, and the module gets exactly the chunks
 * reachable from its own code, and the imports those and its code use. Nothing unused is printed
 * (no unused import, no unused private helper), whatever the protocol holds — none at all when
 * it has no messages.
 */

/** A fixed top-level definition of a generated module. */
export interface Chunk {
  /** The name it defines. */
  readonly name: string;
  /** Names its text refers to: other chunks, imports. */
  readonly uses: readonly string[];
  readonly text: string;
}

/** Names used, collected while printing. */
export class Uses {
  readonly #names = new Set<string>();

  /** Records `name` as used and returns it (for use inside template strings). */
  use(name: string): string {
    this.#names.add(name);
    return name;
  }

  useAll(names: Iterable<string>): void {
    for (const name of names) this.#names.add(name);
  }

  has(name: string): boolean {
    return this.#names.has(name);
  }

  get names(): ReadonlySet<string> {
    return this.#names;
  }
}

/**
 * The chunks of `table` reachable from `roots` (through each chunk's `uses`), in table order,
 * and every name reached: the roots, the chunks and what they use.
 */
export function reachable(table: readonly Chunk[], roots: Iterable<string>): { chunks: Chunk[]; names: Set<string> } {
  const byName = new Map(table.map((c) => [c.name, c]));
  const names = new Set<string>();
  const visit = (name: string): void => {
    if (names.has(name)) return;
    names.add(name);
    for (const used of byName.get(name)?.uses ?? []) visit(used);
  };
  for (const root of roots) visit(root);
  return { chunks: table.filter((c) => names.has(c.name)), names };
}
