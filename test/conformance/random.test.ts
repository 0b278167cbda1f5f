/**
 * Property test: at least 10,000 random payloads per run — near-valid objects with fields
 * dropped, replaced by random JSON or broken deep inside, hostile unknown keys, and plain random
 * JSON — validated by the TypeScript validators, the Python validators (one process), the
 * independent oracle, ajv and jsonschema. Every case must agree: TypeScript and Python on
 * codes, paths and messages; both with the oracle on codes and paths; both schema validators on
 * the verdict.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import type { ValueType } from "../../generator/model.js";
import { listShapes, type ShapeView } from "../../generator/conformance/shapes.js";
import { generate, RICH_SPEC, SEED_SPEC } from "../messages/pipeline.js";
import { codesAndPaths, runAll, type Case } from "./harness.js";

const RUNS = 5_000;

/** Keys that trip naive object handling, index-like keys and keys that sort differently by code unit and code point. */
const AWKWARD_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "1", "10", "", "é", "\u{1F600}", "\uFFFF", "\uD800"];

function valueFor(type: ValueType, depth: number): fc.Arbitrary<unknown> {
  const random = fc.jsonValue({ maxDepth: 2 });
  const good = goodValue(type, depth);
  return fc.oneof({ weight: 5, arbitrary: good }, { weight: 2, arbitrary: random }, { weight: 1, arbitrary: edgeNumber() });
}

function edgeNumber(): fc.Arbitrary<unknown> {
  return fc.constantFrom(0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 53 + 2, 1e21, 1e300, Number.MAX_VALUE, 5e-324, true, false, null, "1");
}

function goodValue(type: ValueType, depth: number): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case "scalar":
      return {
        string: fc.string(),
        int: fc.integer(),
        float: fc.double({ noNaN: true, noDefaultInfinity: true }),
        bool: fc.boolean(),
        any: fc.jsonValue({ maxDepth: 2 }),
        json: fc.jsonValue({ maxDepth: 2 }),
      }[type.name];
    case "enum":
      return fc.oneof(fc.constantFrom(...type.enum.members.map((m) => m.value)), fc.constantFrom("", "RED", "other"));
    case "list":
      return fc.array(valueFor(type.of, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
    case "map":
      return fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...AWKWARD_KEYS)), valueFor(type.of, depth + 1), {
        maxKeys: depth > 2 ? 1 : 4,
      });
    case "record":
      return objectFor({ fields: type.record.fields, unknownKeys: type.record.unknownKeys, rules: type.record.rules } as ShapeView, depth + 1);
  }
  throw new Error(`no generator of ${type.kind} values yet`);
}

function objectFor(view: Pick<ShapeView, "fields">, depth: number): fc.Arbitrary<unknown> {
  const fields = view.fields.map((f) =>
    fc.option(valueFor(f.key.type, depth).map((v) => [f.key.value, v] as const), { freq: 6, nil: undefined }),
  );
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...AWKWARD_KEYS), fc.string({ maxLength: 3 })), fc.jsonValue({ maxDepth: 1 })), {
    maxLength: 3,
  });
  return fc.tuple(fc.tuple(...fields), extra).map(([present, more]) =>
    Object.fromEntries([...present.filter((e) => e !== undefined), ...more]),
  );
}

function payloadFor(view: ShapeView): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: objectFor(view, 0) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
}

test("random payloads: TypeScript, Python, the oracle, ajv and jsonschema agree case by case", { timeout: 120_000 }, async () => {
  let total = 0;
  for (const spec of [SEED_SPEC, RICH_SPEC]) {
    const gen = generate(spec);
    const shapes = listShapes(gen.protocol);
    const cases: Case[] = fc.sample(
      fc.constantFrom(...shapes).chain((view) =>
        payloadFor(view).map((value) => ({ shape: gen.names.typescript.type(view.shape), json: JSON.stringify(value) ?? "null" })),
      ),
      { numRuns: RUNS },
    );
    const verdicts = await runAll(gen, cases);
    const mismatches: string[] = [];
    cases.forEach((c, i) => {
      const ts = verdicts.typescript[i] ?? [];
      const py = verdicts.python[i] ?? [];
      const expected = verdicts.oracle[i] ?? [];
      const valid = expected.length === 0;
      const same =
        JSON.stringify(ts) === JSON.stringify(py) &&
        JSON.stringify(codesAndPaths(ts)) === JSON.stringify(expected) &&
        verdicts.ajv[i] === valid &&
        verdicts.jsonschema[i] === valid;
      if (!same && mismatches.length < 5) {
        mismatches.push(JSON.stringify({ case: c, ts, py, expected, ajv: verdicts.ajv[i], jsonschema: verdicts.jsonschema[i] }));
      }
    });
    expect(mismatches, spec).toEqual([]);
    const invalid = verdicts.oracle.filter((e) => e.length > 0).length;
    expect(invalid, `${spec}: a mix of valid and invalid payloads`).toBeGreaterThan(RUNS / 10);
    expect(RUNS - invalid, `${spec}: a mix of valid and invalid payloads`).toBeGreaterThan(RUNS / 20);
    total += cases.length;
  }
  expect(total).toBeGreaterThanOrEqual(10_000);
});
