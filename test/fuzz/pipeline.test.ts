/**
 * Structurally random valid specs through the whole pipeline. A fixed seed and a second one each
 * give a batch of specs. The second is random on a developer's machine, so every local run
 * explores new specs (set WIREDEFS_FUZZ_SEED to replay one), and fixed in CI (CI set, no
 * WIREDEFS_FUZZ_SEED), so that a landing is never decided by the draw; rejected samples must be rejected
 * with located diagnostics, and at least 80% must be accepted. The accepted batch, plus the
 * samples that once found a bug, is generated into one temp tree, and the heavy tools run once
 * over all of it: tsc 7 strict, pyright strict for 3.9, ruff check, prettier and ruff format
 * stability, python3 importing each package with TypeScript's values, every spec's conformance
 * vectors through both runtimes, and determinism.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { generate } from "../../generator/index.js";
import type { TopicVector, Vector } from "../../generator/conformance/vectors.js";
import { codesAndPaths, runAll, runTopicCases } from "../conformance/harness.js";
import { prettierFormat, pyright, ruffCheck, ruffFormat, tsc } from "../emit/defs-tooling.js";
import { classify, describeSample, draw, sampleAt, writeBatch, type Accepted, type Rejected, type Sample } from "./batch.js";

const FIXED_SEED = 20261122;
const CI_SEED = 1807506129;
const RANDOM_SEED = Number(
  process.env.WIREDEFS_FUZZ_SEED ?? (process.env.CI === undefined ? Math.floor(Math.random() * 2 ** 31) : CI_SEED),
);
/** Samples drawn per seed for the acceptance check (cheap: no tools run). */
const DRAWN = 100;
/** Accepted specs per seed that go through the tools. */
const PER_SEED = { fixed: 14, random: 8 };

/** Samples that found a generator bug, kept as fixed cases (seed, index, what it found). */
const FOUND: readonly { readonly seed: number; readonly index: number; readonly bug: string }[] = [
  { seed: 1807506129, index: 5, bug: "a multi-line verify argument doc broke its Args entry (D417)" },
  { seed: 1807506129, index: 7, bug: "a JSON array ending a member list that fit 80 columns was broken" },
];

let rejected: Rejected[] = [];
let drawnCount = 0;
let root = "";
let specs: Accepted[] = [];

const where = (s: Accepted): string => `${s.id} (${describeSample(s)})`;
const replay = (): string =>
  `random seed ${RANDOM_SEED} (replay: WIREDEFS_FUZZ_SEED=${RANDOM_SEED}); specs under ${root}`;

beforeAll(() => {
  const batch: Sample[] = [];
  for (const [seed, take] of [[FIXED_SEED, PER_SEED.fixed], [RANDOM_SEED, PER_SEED.random]] as const) {
    const drawn = draw(seed, DRAWN);
    drawnCount += drawn.length;
    const split = classify(drawn);
    rejected.push(...split.rejected);
    batch.push(...split.accepted.slice(0, take));
  }
  batch.push(...FOUND.map((f) => sampleAt(f.seed, f.index)));
  ({ root, specs } = writeBatch(batch));
});

test("random specs are accepted (at least 80%), or rejected with located diagnostics", () => {
  const rate = (drawnCount - rejected.length) / drawnCount;
  console.log(`fuzz: ${drawnCount - rejected.length}/${drawnCount} random specs accepted; ${specs.length} through the tools; ${replay()}`);
  expect(rate, `${Math.round(rate * 100)}% accepted; ${replay()}`).toBeGreaterThanOrEqual(0.8);
  for (const r of rejected) {
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length, describeSample(r)).toBeGreaterThan(0);
    for (const d of errors) {
      expect(d.code, describeSample(r)).toMatch(/^WD\d{3}$/);
      expect(d.span, `${describeSample(r)} ${d.code} ${d.message}`).toBeDefined();
      const start = d.span?.start ?? -1;
      expect(start >= 0 && start <= r.spec.text.length, `${describeSample(r)} ${d.code} at ${start}`).toBe(true);
    }
  }
});

test("generation is deterministic: the same spec twice gives identical bytes", () => {
  for (const s of specs) {
    const again = generate(s.spec.text, "protocol.yaml");
    expect(again.ok && again.files, where(s)).toEqual(s.gen.files);
  }
});

test("every output is LF only and ends with exactly one newline", () => {
  for (const s of specs) {
    for (const f of s.gen.files) {
      expect(f.text.includes("\r"), `${where(s)} ${f.path}`).toBe(false);
      expect(f.text.endsWith("\n") && !f.text.endsWith("\n\n"), `${where(s)} ${f.path}`).toBe(true);
    }
  }
});

test("tsc with every strict flag accepts every TypeScript package", () => {
  const run = tsc(root, specs.map((s) => `${s.id}/out/ts/index.ts`));
  expect(run.output.split("\n").filter((l) => l.trim() !== ""), replay()).toEqual([]);
  expect(run.status).toBe(0);
});

test("pyright strict (Python 3.9) accepts every Python package", () => {
  const run = pyright(root);
  const errors = run.output.split("\n").filter((l) => / - error/.test(l));
  expect(errors, replay()).toEqual([]);
  expect(run.output).toMatch(/\b0 errors/);
});

test("ruff's rule set finds nothing, and ruff format and prettier change nothing", async () => {
  const problems: string[] = [];
  for (const s of specs) {
    for (const f of s.gen.files) {
      const at = `${where(s)} ${f.path}`;
      if (f.path.endsWith(".py")) {
        for (const finding of ruffCheck(f.text, true)) problems.push(`${at}: ruff ${finding}`);
        if (ruffFormat(f.text) !== f.text) problems.push(`${at}: ruff format changes it`);
      } else if (/\.(ts|json)$/.test(f.path) && (await prettierFormat(f.text, f.path)) !== f.text) {
        problems.push(`${at}: prettier changes it`);
      }
    }
  }
  expect(problems, replay()).toEqual([]);
});

test("python3 imports every package, holding the TypeScript module's values", async () => {
  for (const s of specs) {
    const out = execFileSync(
      "python3",
      [join(import.meta.dirname, "../e2e/dump_defs.py"), join(s.gen.root, "out/python"), s.spec.pythonPackage],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const python = JSON.parse(out) as { constants: { [n: string]: unknown }; classes: { [n: string]: { [m: string]: unknown } } };
    const ts = (await import(pathToFileURL(join(s.gen.root, "out/ts/index.ts")).href)) as { [name: string]: unknown };
    for (const [name, value] of Object.entries(python.constants)) expect(ts[name], `${where(s)} ${name}`).toStrictEqual(value);
    for (const [name, members] of Object.entries(python.classes)) {
      expect({ ...(ts[name] as object) }, `${where(s)} ${name}`).toStrictEqual(members);
    }
  }
});

describe("conformance vectors through both runtimes", () => {
  test("identical verdicts, codes, paths and messages; the vectors' expected issues; the oracle agrees", async () => {
    for (const s of specs) {
      const file = JSON.parse(s.gen.file("schema/conformance.json").text) as {
        cases: readonly Vector[];
        topicCases: readonly TopicVector[];
      };
      const verdicts = await runAll(s.gen, file.cases.map((v) => ({ shape: v.shape, json: v.json ?? JSON.stringify(v.input) })));
      file.cases.forEach((v, i) => {
        const what = `${where(s)} ${v.shape}: ${v.description}`;
        expect(verdicts.python[i], what).toEqual(verdicts.typescript[i]);
        expect(codesAndPaths(verdicts.typescript[i] ?? []), what).toEqual(v.errors);
        expect(verdicts.oracle[i], what).toEqual(v.errors);
      });
      const topics = await runTopicCases(s.gen, file.topicCases.map((v) => ({ topic: v.topic, json: JSON.stringify(v.input) })));
      file.topicCases.forEach((v, i) => {
        const what = `${where(s)} topic ${JSON.stringify(v.topic)}: ${v.description}`;
        expect(topics.python[i], what).toEqual(topics.typescript[i]);
        expect(codesAndPaths(topics.typescript[i] ?? []), what).toEqual(v.errors);
        expect(topics.guard[i], what).toBe(v.valid);
        expect(topics.pythonRaised[i], what).toBe(!v.valid);
      });
    }
  });
});
