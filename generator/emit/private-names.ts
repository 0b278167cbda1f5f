/**
 * The private names a module makes from the spec (the envelope modules' field tests, union
 * helpers and kind checkers): read from what they stand for (an enum's name, the members of a
 * union, a literal's text, a kind's name), and made unique — numbered where two different things
 * read alike (the literals "a-b" and "a_b", "1" and 1; a kind named like a constraint checker) and
 * clear of every name the module already holds, so that no two things ever share a name and one
 * silently stands in for the other.
 */
import { snakeCase } from "../names/case.js";
import type { Test } from "./envelope-plan.js";

/** Longer words are cut (at a `_`) before they are made unique: a name, not the test's text. */
const LONGEST = 40;

export class PrivateNames {
  readonly #byKey = new Map<string, string>();
  readonly #taken: Set<string>;

  /** `taken`: the names the module holds already (its runtime's helpers, its fixed names). */
  constructor(taken: Iterable<string>) {
    this.#taken = new Set(taken);
  }

  /**
   * The word of the thing `key` identifies: `base`, else `base_2`, `base_3`, ..., the first whose
   * names (`namesOf(word)`) are all free; those names are taken then. One key, one word.
   */
  word(key: string, base: string, namesOf: (word: string) => readonly string[]): string {
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;
    let word = base;
    for (let n = 2; namesOf(word).some((name) => this.#taken.has(name)); n++) word = `${base}_${n}`;
    for (const name of namesOf(word)) this.#taken.add(name);
    this.#byKey.set(key, word);
    return word;
  }

  /** Gives `key` the word `word` and takes its names, whatever holds them (a runtime predicate's own test). */
  fix(key: string, word: string, names: readonly string[]): void {
    this.#byKey.set(key, word);
    for (const name of names) this.#taken.add(name);
  }
}

/** The key of a test among the others: equal tests, one key. */
export function testKey(test: Test): string {
  return `test ${JSON.stringify(test)}`;
}

/** What a test tests, as a word in lower snake case and ASCII: `priority`, `int_or_string`, `literal_a_b`. */
export function testWord(test: Test): string {
  const w = readable(test).replace(/_+/g, "_").replace(/^_+|_+$/g, "");
  if (w.length <= LONGEST) return w === "" ? "value" : w;
  const cut = w.slice(0, LONGEST);
  const at = cut.lastIndexOf("_");
  return (at > 0 ? cut.slice(0, at) : cut).replace(/_+$/, "");
}

function readable(t: Test): string {
  switch (t.kind) {
    case "literal":
      return `literal_${ascii(typeof t.value === "number" ? String(t.value).replace(/^-/, "minus_") : String(t.value))}`;
    case "enum":
      return t.name !== undefined ? ascii(snakeCase(t.name)) : `one_of_${t.values.map(ascii).join("_")}`;
    case "oneOf":
      return t.name !== undefined ? ascii(snakeCase(t.name)) : t.of.map(readable).join("_or_");
    default:
      return t.kind;
  }
}

/** Lower-case ASCII letters, digits and single underscores, none at either end. */
function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
