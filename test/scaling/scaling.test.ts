/**
 * Big and deep specs go through the whole pipeline (`generate()`): 20,000 names, one payload
 * with 10,000 keys, 1,000 chained records, 1,000 channels. Nothing here is timed (the machine is noisy); the
 * growth is checked by what is deterministic: each spec completes, and the output at ten times
 * the size is at most about ten times as big (quadratic growth would be a hundred times), and so is
 * the emitters' work, counted where every target passes through one mechanism: each text literal
 * defused (`escapeInvisible`) and each width measured for a layout decision (`width`,
 * `pythonWidth`). An emitter that quotes or measures every key once per key grows a hundred
 * times while its output still grows ten times. The timing benchmark is bench/scaling.mjs.
 */
import { describe, expect, test, vi } from "vitest";
import { chainSpec, channelsSpec, keysSpec, namesSpec } from "../../bench/big-specs.mjs";
import { generate } from "../../generator/generate.js";
import { FIELD_CASE_LIMIT, NESTED_RECORD_LIMIT } from "../../generator/conformance/vectors.js";

/**
 * Generating the big specs takes seconds on an idle machine and much longer on a busy one; this
 * bound only keeps a hang from blocking the suite forever, it measures nothing.
 */
const GENEROUS = 15 * 60_000;

/** The emitters' work in the current run: calls into the shared text mechanisms, and characters passed. */
const work = vi.hoisted(() => ({ calls: 0, chars: 0 }));
vi.mock("../../generator/emit/text.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../generator/emit/text.js")>();
  const counted =
    <A extends unknown[], R>(f: (text: string, ...rest: A) => R) =>
    (text: string, ...rest: A): R => {
      work.calls += 1;
      work.chars += text.length;
      return f(text, ...rest);
    };
  return {
    ...original,
    escapeInvisible: counted(original.escapeInvisible),
    width: counted(original.width),
    pythonWidth: counted(original.pythonWidth),
  };
});

interface Output {
  readonly bytes: number;
  readonly files: ReadonlyMap<string, number>;
  readonly names: number;
  readonly work: { readonly calls: number; readonly chars: number };
  readonly conformance: { readonly cases: readonly { readonly shape: string; readonly input: unknown }[] };
}

function run(text: string): Output {
  work.calls = 0;
  work.chars = 0;
  const result = generate(text, "protocol.yaml");
  const done = { calls: work.calls, chars: work.chars };
  if (!result.ok) throw new Error(result.diagnostics.slice(0, 5).map((d) => `${d.code} ${d.message}`).join("; "));
  const p = result.protocol;
  const names =
    p.enums.reduce((n, e) => n + 1 + e.members.length, 0) +
    p.keySets.reduce((n, s) => n + 1 + s.keys.length, 0) +
    p.topicSets.reduce((n, s) => n + 1 + s.topics.length, 0) +
    p.records.length +
    p.constants.length;
  const conformance = result.files.find((f) => f.path.endsWith("conformance.json"));
  if (conformance === undefined) throw new Error("no conformance.json");
  return {
    bytes: result.files.reduce((n, f) => n + f.text.length, 0),
    files: new Map(result.files.map((f) => [f.path.replace(/^generated\//, ""), f.text.length])),
    names,
    work: done,
    conformance: JSON.parse(conformance.text) as Output["conformance"],
  };
}

/** Every output file, and the emitters' work, grows at most `limit` times when the spec grows ten times. */
function expectLinear(small: Output, big: Output, limit: number): void {
  expect(big.bytes / small.bytes).toBeLessThanOrEqual(limit);
  expect(small.work.calls, "the counted mechanisms ran").toBeGreaterThan(0);
  expect(big.work.calls / small.work.calls, "texts defused and widths measured").toBeLessThanOrEqual(limit);
  expect(big.work.chars / small.work.chars, "characters defused and measured").toBeLessThanOrEqual(limit);
  for (const [path, bytes] of big.files) {
    const before = small.files.get(path);
    expect(before, path).toBeDefined();
    expect(bytes / (before ?? 1), path).toBeLessThanOrEqual(limit);
  }
}

function casesPerShape(out: Output): number {
  const counts = new Map<string, number>();
  for (const c of out.conformance.cases) counts.set(c.shape, (counts.get(c.shape) ?? 0) + 1);
  return Math.max(...counts.values());
}

/** The deepest nesting of arrays and objects in a JSON value, walked without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > max) max = d;
    if (v !== null && typeof v === "object") for (const item of Object.values(v)) stack.push([item, d + 1]);
  }
  return max;
}

/**
 * The two tests every big spec gets, registered in the calling describe block: it generates at
 * both sizes (`big` holding at least `atLeast` names), and its output and work grow linearly. The
 * runs it returns are filled by the first test, for the block's own tests after it.
 */
function grows(build: (n: number) => string, sizes: readonly [number, number], atLeast: number, items: string): { small: () => Output; big: () => Output } {
  let small: Output | undefined;
  let big: Output | undefined;
  test("generates", () => {
    small = run(build(sizes[0]));
    big = run(build(sizes[1]));
    expect(big.names).toBeGreaterThanOrEqual(atLeast);
  }, GENEROUS);
  test(`output and work grow linearly (10× the ${items}, at most 11× the bytes in every file, the texts defused and the widths measured)`, () => {
    expectLinear(runOf(small), runOf(big), 11);
  });
  return { small: () => runOf(small), big: () => runOf(big) };
}

function runOf(output: Output | undefined): Output {
  if (output === undefined) throw new Error("the spec did not generate (see the generates test)");
  return output;
}

describe("a protocol with 20,000 names", () => {
  const { small, big } = grows(namesSpec, [2_000, 20_000], 20_000, "names");
  test("every shape has a bounded number of conformance cases", () => {
    // Per field at most: absent, 8 bad values, 4 edge values, a bad nested value; plus the
    // cases of the whole shape (these specs have no cross-field rules).
    const bound = FIELD_CASE_LIMIT * 14 + 16;
    expect(casesPerShape(small())).toBeLessThanOrEqual(bound);
    expect(casesPerShape(big())).toBeLessThanOrEqual(bound);
  });
});

describe("one payload with 10,000 keys", () => {
  const { small, big } = grows(keysSpec, [1_000, 10_000], 10_001, "keys");
  test("a wide payload gets a fixed number of combined cases, not cases per key", () => {
    expect(big().conformance.cases.filter((c) => c.shape === "WidePayload").length).toBe(
      small().conformance.cases.filter((c) => c.shape === "WidePayload").length,
    );
    expect(big().conformance.cases.some((c) => c.shape === "WidePayload" && /every field at once/.test(JSON.stringify(c)))).toBe(true);
    expect(FIELD_CASE_LIMIT).toBeLessThan(10_000);
  });
});

describe("1,000 chained records", () => {
  const { big } = grows(chainSpec, [100, 1_000], 1_001, "records");
  test("no conformance input nests deeper than the record limit allows", () => {
    const deepest = Math.max(...big().conformance.cases.map((c) => depthOf(c.input)));
    // A record is an object; its sample nests at most the limit's records, plus the array or
    // map around an item and the value inside the innermost record.
    expect(deepest).toBeLessThanOrEqual(NESTED_RECORD_LIMIT + 3);
    expect(deepest).toBeGreaterThan(NESTED_RECORD_LIMIT - 3);
  });
});

describe("1,000 channels", () => {
  grows(channelsSpec, [100, 1_000], 2_001, "channels");
});
