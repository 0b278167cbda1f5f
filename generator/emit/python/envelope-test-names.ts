/**
 * The names of envelope.py's field tests (`_TEST_…`) and of their predicates (`_is_…`): one word
 * per distinct test, read from what it tests (an enum's name, the members of a union, a literal's
 * text), and made unique where two different tests read alike (the literals "a-b" and "a_b", or
 * "1" and 1), so that two fields never share a test that is not theirs.
 */
import { snakeCase } from "../../names/case.js";
import type { Test } from "../envelope-plan.js";

/** Longer words are cut (at a `_`) before they are made unique: a name, not the test's text. */
const LONGEST = 40;

export class TestNames {
  readonly #byTest = new Map<string, string>();
  readonly #taken: Set<string>;

  /**
   * `reserved`: words the module's own names already use (its runtime's `_is_str`, …); `fixed`:
   * tests whose word is given (a test of a kind the runtime has a predicate for keeps its kind).
   */
  constructor(reserved: Iterable<string>, fixed: Iterable<readonly [Test, string]>) {
    this.#taken = new Set(reserved);
    for (const [test, word] of fixed) {
      this.#byTest.set(JSON.stringify(test), word);
      this.#taken.add(word);
    }
  }

  /** The test's word, lower snake case and ASCII: `priority`, `int_or_string`, `literal_a_b_2`. */
  word(test: Test): string {
    const key = JSON.stringify(test);
    const known = this.#byTest.get(key);
    if (known !== undefined) return known;
    const base = shortened(readable(test));
    let word = base;
    for (let n = 2; this.#taken.has(word); n++) word = `${base}_${n}`;
    this.#taken.add(word);
    this.#byTest.set(key, word);
    return word;
  }
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

function shortened(word: string): string {
  const w = word.replace(/_+/g, "_").replace(/^_+|_+$/g, "");
  if (w.length <= LONGEST) return w === "" ? "value" : w;
  const cut = w.slice(0, LONGEST);
  const at = cut.lastIndexOf("_");
  return (at > 0 ? cut.slice(0, at) : cut).replace(/_+$/, "");
}
