/**
 * The conformance vectors, run through every implementation: the vectors' own expectations
 * (built by mutation) must match the independent oracle, and the TypeScript validators, the
 * Python validators, ajv and jsonschema must all give the expected verdicts — the generated
 * validators with the same codes, paths and messages in both languages.
 */
import { describe, expect, test } from "vitest";
import { DIFFERENCES, type Difference } from "../../generator/conformance/semantics.js";
import type { TopicVector, Vector } from "../../generator/conformance/vectors.js";
import { generate, RICH_SPEC, SEED_SPEC, type Generated } from "../messages/pipeline.js";
import { codesAndPaths, runAll, runTopicCases, type TopicVerdicts, type Verdicts } from "./harness.js";

interface VectorFile {
  readonly cases: readonly Vector[];
  readonly topicCases: readonly TopicVector[];
}

const ALL_CODES = ["unknown_topic", "not_object", "missing_key", "wrong_type", "not_in_enum", "unknown_key", "rule_violated"];

/** A case the semantics table lists as judged apart by this JSON Schema validator (by name). */
const judgedApart = (v: Vector, validator: Difference["validator"]): boolean =>
  DIFFERENCES.some((d) => d.validator === validator && v.description.endsWith(`: ${d.case}`));

for (const spec of [SEED_SPEC, RICH_SPEC]) {
  describe(`conformance vectors of ${spec}`, () => {
    let gen: Generated;
    let vectors: readonly Vector[];
    let verdicts: Verdicts;

    test("the vectors are generated and run everywhere", async () => {
      gen = generate(spec);
      vectors = (JSON.parse(gen.file("schema/conformance.json").text) as VectorFile).cases;
      verdicts = await runAll(
        gen,
        vectors.map((v) => ({ shape: v.shape, json: v.json ?? JSON.stringify(v.input) })),
      );
      expect(vectors.length).toBeGreaterThan(50);
    });

    test("every payload and record has valid and invalid cases", () => {
      const shapes = new Set(vectors.map((v) => v.shape));
      for (const shape of shapes) {
        expect(vectors.some((v) => v.shape === shape && v.valid), shape).toBe(true);
        expect(vectors.some((v) => v.shape === shape && !v.valid), shape).toBe(true);
      }
    });

    test("the vectors agree with the independent oracle", () => {
      vectors.forEach((v, i) => {
        expect(verdicts.oracle[i], `${v.shape}: ${v.description}`).toEqual(v.errors);
        expect(v.valid, `${v.shape}: ${v.description}`).toBe(v.errors.length === 0);
      });
    });

    test("TypeScript validators: verdicts, codes and paths", () => {
      vectors.forEach((v, i) => {
        expect(codesAndPaths(verdicts.typescript[i] ?? []), `${v.shape}: ${v.description}`).toEqual(v.errors);
      });
    });

    test("Python validators: verdicts, codes and paths", () => {
      vectors.forEach((v, i) => {
        expect(codesAndPaths(verdicts.python[i] ?? []), `${v.shape}: ${v.description}`).toEqual(v.errors);
      });
    });

    test("TypeScript and Python messages are identical", () => {
      expect(verdicts.python).toEqual(verdicts.typescript);
    });

    describe("validating by topic", () => {
      let topicVectors: readonly TopicVector[];
      let topicVerdicts: TopicVerdicts;

      test("the topic vectors are generated and run in both runtimes", async () => {
        topicVectors = (JSON.parse(gen.file("schema/conformance.json").text) as VectorFile).topicCases;
        topicVerdicts = await runTopicCases(
          gen,
          topicVectors.map((v) => ({ topic: v.topic, json: JSON.stringify(v.input) })),
        );
        const topics = gen.protocol.topicSets.flatMap((s) => s.topics.map((t) => t.value));
        for (const topic of topics) expect(topicVectors.some((v) => v.topic === topic && v.valid), topic).toBe(true);
        const unknown = topicVectors.filter((v) => !topics.includes(v.topic)).map((v) => v.topic);
        expect(unknown).toEqual(expect.arrayContaining(["", "__proto__", "constructor", "toString"]));
        const first = topics[0] ?? "";
        expect(unknown, "near misses of a real topic").toEqual(expect.arrayContaining([first.toUpperCase(), first.slice(0, -1)]));
      });

      test("the vectors agree with the oracle", () => {
        topicVectors.forEach((v, i) => {
          expect(topicVerdicts.oracle[i], v.description).toEqual(v.errors);
          expect(v.valid, v.description).toBe(v.errors.length === 0);
        });
      });

      test("validatePayload and isPayload: verdicts, codes and paths; unknown topics never throw", () => {
        topicVectors.forEach((v, i) => {
          expect(codesAndPaths(topicVerdicts.typescript[i] ?? []), v.description).toEqual(v.errors);
          expect(topicVerdicts.guard[i], v.description).toBe(v.valid);
        });
      });

      test("validate_payload: the same issues and messages; parse_payload raises PayloadValidationError", () => {
        expect(topicVerdicts.python).toEqual(topicVerdicts.typescript);
        topicVectors.forEach((v, i) => expect(topicVerdicts.pythonRaised[i], v.description).toBe(!v.valid));
      });

      test("an unknown topic's message quotes it as JSON", () => {
        topicVectors.forEach((v, i) => {
          if (v.errors[0]?.code !== "unknown_topic") return;
          expect(topicVerdicts.typescript[i], v.description).toEqual([
            { path: [], code: "unknown_topic", message: `unknown topic ${JSON.stringify(v.topic)}` },
          ]);
        });
      });
    });

    test("ajv and jsonschema give the same verdicts on the generated JSON Schema", () => {
      vectors.forEach((v, i) => {
        if (!judgedApart(v, "ajv")) expect(verdicts.ajv[i], `ajv ${v.shape}: ${v.description}`).toBe(v.valid);
        else expect(verdicts.ajv[i], `ajv ${v.shape}: ${v.description} (listed as judged apart)`).toBe(!v.valid);
        if (!judgedApart(v, "jsonschema")) expect(verdicts.jsonschema[i], `jsonschema ${v.shape}: ${v.description}`).toBe(v.valid);
        else expect(verdicts.jsonschema[i], `jsonschema ${v.shape}: ${v.description} (listed as judged apart)`).toBe(!v.valid);
      });
    });
  });
}

test("together the vectors cover every issue code", () => {
  const codes = new Set<string>();
  for (const spec of [SEED_SPEC, RICH_SPEC]) {
    const gen = generate(spec);
    const { cases } = JSON.parse(gen.file("schema/conformance.json").text) as VectorFile;
    const { topicCases } = JSON.parse(gen.file("schema/conformance.json").text) as VectorFile;
    for (const c of [...cases, ...topicCases]) for (const e of c.errors) codes.add(e.code);
  }
  expect([...codes].sort()).toEqual([...ALL_CODES].sort());
});

test("every difference the semantics table lists is a case of the vectors, or says it is not JSON", () => {
  const { cases } = JSON.parse(generate(RICH_SPEC).file("schema/conformance.json").text) as VectorFile;
  for (const d of DIFFERENCES) {
    const named = cases.some((c) => c.description.endsWith(`: ${d.case}`));
    expect(named || d.case.includes("(not JSON)"), d.case).toBe(true);
  }
});
