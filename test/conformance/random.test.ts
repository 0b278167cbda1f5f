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

/** Nullable, unions, tagged unions, literals, json, constraints and formats, int and open enums, local and derived records. */
const KINDS_SPEC = "test/fixtures/messages/kinds.yaml";
import { codesAndPaths, runAll, type Case } from "./harness.js";

/** Per spec: three specs (the seed, the rich fixture, the value kinds fixture), at least 10,000 in all. */
const RUNS = 3_400;

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
    case "scalar": {
      const c = type.constraints ?? {};
      // Near the bounds, formats and lengths the constraints state, on both sides of each.
      const near = (n: number | undefined, step: number): number[] => (n === undefined ? [] : [n - step, n, n + step]);
      const formatted: string[] =
        c.format === undefined ? [] : ["2024-02-29T23:59:60.5+01:00", "2024-13-01T00:00:00Z", "2024-12-31", "2024-01-32", "123e4567-e89b-12d3-a456-426614174000", "https://x/y", "no scheme", "2024-01-01\n"];
      const lengths = c.minLength === undefined ? [] : ["t".repeat(Math.max(0, c.minLength - 1)), "t".repeat(c.minLength), "\u{1F600}".repeat(Math.ceil(c.minLength / 2))];
      const edges = [...near(c.minimum, type.name === "int" ? 1 : 0.5), ...near(c.maximum, type.name === "int" ? 1 : 0.5), ...formatted, ...lengths];
      const base = {
        string: fc.string(),
        int: fc.integer(),
        float: fc.double({ noNaN: true, noDefaultInfinity: true }),
        bool: fc.boolean(),
        any: fc.jsonValue({ maxDepth: 2 }),
        json: fc.jsonValue({ maxDepth: 2 }),
      }[type.name] as fc.Arbitrary<unknown>;
      return edges.length === 0 ? base : fc.oneof(base, fc.constantFrom(...edges));
    }
    case "enum": {
      const known = type.enum.members.map((m) => (type.enum.valueType === "int" ? (m.intValue ?? 0) : m.value));
      return fc.oneof(fc.constantFrom(...known), fc.constantFrom("", "RED", "other", 0, 5, -32601));
    }
    case "nullable":
      return fc.oneof(fc.constant(null), goodValue(type.of, depth));
    case "oneOf":
      return fc.oneof(...type.of.map((m) => goodValue(m, depth)));
    case "literal":
      return fc.oneof(fc.constant(type.value), fc.constantFrom("2.0", 2, true, "x"));
    case "tagged": {
      const { tag, variants } = type.union;
      // A variant with its own tag (mostly), another variant's, an unknown one, or none.
      return fc.constantFrom(...variants).chain((v) =>
        fc
          .tuple(goodValue({ kind: "record", record: v.record }, depth), fc.oneof({ weight: 6, arbitrary: fc.constant(v.value) }, { weight: 1, arbitrary: fc.constantFrom(...variants.map((x) => x.value), "no-such", 1, null) }), fc.boolean())
          .map(([object, value, drop]) => (object !== null && typeof object === "object" && !Array.isArray(object) && !drop ? { ...object, [tag]: value } : object)),
      );
    }
    case "list":
      return fc.array(valueFor(type.of, depth + 1), { maxLength: depth > 2 ? 1 : Math.max(4, (type.constraints?.minItems ?? 0) + 1) });
    case "map":
      return fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...AWKWARD_KEYS)), valueFor(type.of, depth + 1), {
        maxKeys: depth > 2 ? 1 : 4,
      });
    case "record": {
      const variant = type.record.variantOf;
      const object = objectFor({ fields: type.record.fields, unknownKeys: type.record.unknownKeys, rules: type.record.rules } as ShapeView, depth + 1);
      // A variant record carries its tag: mostly its own value.
      if (variant === undefined) return object;
      return fc.tuple(object, fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>(variant.value) }, { weight: 1, arbitrary: fc.constantFrom<unknown>("other", null) }), fc.boolean()).map(([o, v, keep]) => (keep || v !== variant.value ? { ...(o as object), [variant.union.tag]: v } : o));
    }
  }
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
  for (const spec of [SEED_SPEC, RICH_SPEC, KINDS_SPEC]) {
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
