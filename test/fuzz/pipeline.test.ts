/**
 * Structurally random specs through the whole pipeline, every spec field drawn (protocol header,
 * actors, enums, key sets, topics and payloads, records with rules and verify functions, flows,
 * reserved values, constants, outputs, breaking and lint blocks) and the spec's file name too,
 * with text hostile to every target in every text field. `npm test` runs two FIXED seeds, so it
 * gives the same verdict on every run; `npm run fuzz` (test/fuzz/fuzz.mjs) runs this file again
 * and again with random seeds through WIREDEFS_FUZZ_SEED and WIREDEFS_FUZZ_COUNT (which also
 * replay a failure). Rejected samples must be rejected with located diagnostics, and at least 80%
 * must be accepted. The accepted batch, plus the specs that once found a bug, is generated into
 * one temp tree, and the heavy tools run once over all of it: tsc 7 strict, pyright strict for
 * 3.9, ruff check, prettier and ruff format stability (run with the team style a spec's outputs
 * give: print width, quotes, semicolons, line length), python3 importing each package with
 * TypeScript's values, every spec's conformance vectors through both runtimes, determinism, the
 * defusing property (test/adversarial/defused.ts), the wire lock and lint.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { generate, type GeneratedFile, type Protocol } from "../../generator/index.js";
import type { TopicVector, Vector } from "../../generator/conformance/vectors.js";
import { planLock } from "../../generator/contract/check.js";
import { lockPathFor } from "../../generator/contract/lock.js";
import { lint } from "../../generator/lint/index.js";
import { defusingProblems } from "../adversarial/defused.js";
import type { ConversationVector, MessageVector } from "../../generator/conformance/conversation.js";
import { codesAndPaths, runAll, runConversations, runTopicCases } from "../conformance/harness.js";
import { prettierFormat, pyright, ruffCheck, ruffFormat, tsc, type FormatterStyle } from "../emit/defs-tooling.js";
import { classify, describeSample, draw, writeBatch, type Accepted, type Rejected, type Sample } from "./batch.js";

/**
 * `npm test`: fixed seeds and how many accepted specs of each go through the tools — with the
 * FOUND specs below (heavier: envelopes, every construct a finding needed), 30 in all, what the
 * test command's ten minutes allow; `npm run fuzz` is where random specs are explored.
 */
const FIXED: readonly (readonly [seed: number, take: number])[] = [
  [20261122, 10],
  [1807506129, 5],
];
/** Samples drawn per fixed seed for the acceptance check (cheap: no tools run). */
const DRAWN = 100;
/** `npm run fuzz` (or a replay): one seed, `count` samples, every accepted one through the tools. */
const ENV_SEED = process.env.WIREDEFS_FUZZ_SEED;
const ENV_COUNT = Number(process.env.WIREDEFS_FUZZ_COUNT ?? DRAWN);

/**
 * Specs that once found a generator bug, kept as fixed cases. They are stored as text (drawn by
 * the arbitrary of the time), so a change to the arbitrary cannot turn them into other specs.
 */
const FOUND: readonly { readonly file: string; readonly bug: string }[] = [
  { file: "verify-argument-doc.yaml", bug: "a multi-line verify argument doc broke its Args entry (D417)" },
  { file: "json-array-member-list.yaml", bug: "a JSON array ending a member list that fit 80 columns was broken" },
  { file: "verify-local-required-field.yaml", bug: "a verify function of a record with a required local field threw (no key-set constant to name it)" },
  { file: "python-bool-hug-brackets.yaml", bug: "`a or f(…)` too long was wrapped in parentheses where ruff splits inside the brackets; a long path tuple in a yield was not split" },
  { file: "python-bool-hug-not-call.yaml", bug: "`not f(…) and g(…)` too long was wrapped in parentheses where ruff splits inside f's brackets" },
  { file: "typescript-key-past-width.yaml", bug: "a key too long for its line: prettier breaks after the colon before an array, and keeps a one-type property on one line" },
  { file: "python-for-entries-colon.yaml", bug: "`for k, v in _entries(…):` was measured without its colon, so a line one column too long was left whole" },
  {
    file: "narrow-deep-loops.yaml",
    bug: "at line length 52, nested lists: `__getattr__`'s fixed lines, `for i, e in enumerate(…):` and `if _walkable(…):` were left whole past the width",
  },
  {
    file: "narrow-annotations.yaml",
    bug:
      "at line length 44, lists nested four deep: `NAME: Mapping[…] = {` heads, a walk's `-> Iterator[tuple[…]]:` return annotation " +
      "and `if items is not None:` were left whole (or the annotation parenthesized) where ruff splits the annotation's brackets and " +
      "parenthesizes the comparison",
  },
  {
    file: "python-bool-hug-comparison.yaml",
    bug: "`type(value) is dict and K.issuperset(obj)` too long was wrapped in parentheses where ruff splits inside both calls' brackets",
  },
  {
    file: "found-python-lint.yaml",
    bug:
      "one long run's Python findings, written small: import and __all__ order with D03 / D3 (natord), isinstance checks not merged (SIM101), " +
      "`-0.25 | float` written as float twice (PYI016), a verify function of six parameters (PLR0913, PLR0917), a long channel value not wrapped, " +
      "a long envelope tag comparison not broken, a one-value tuple in a broken call kept whole, an int beyond the double range with a minimum " +
      "accepted by Python only, a missing required `Union | float` value crashing the Python validator, the envelope's long annotations, " +
      "enum value tuples and enum and union checks not broken as ruff and prettier break them, an absent optional envelope enum reported " +
      "not_in_enum (TypeScript), a tab in a trailing comment, a one-variant union alias and a yielded tuple too long, a `not f(…)` operand " +
      "too long, `a or (f(…))` too long wrapped whole where ruff splits inside f",
  },
  {
    file: "found-python-envelope.yaml",
    bug:
      "envelope keys class syntax cannot declare (`class` as the topic key, `from`, `lambda`, `$type`, `Content-Length`) written in a " +
      "TypedDict class body (a SyntaxError), a one-topic kind's alias too long for its line, the payload type of a kind without a payload " +
      "key imported unused (F401), and two blank lines after the imports before an assignment (I001)",
  },
  {
    file: "found-team-style.yaml",
    bug: "in a team style (Python line length 74): a long-named constant's value put in parentheses where even `NAME = (` overflows the line (ruff keeps the line whole)",
  },
  {
    file: "found-typescript-narrow.yaml",
    bug:
      "at print width 40 without semicolons: the validators' result returns and issue array, the array loops' index and Object.keys heads, " +
      "the length ternary, TopicWithPayload and `!Number.isInteger(v)` were fixed text that overflowed, and a comparison among || operands " +
      "did not indent its right side when it broke",
  },
  {
    file: "found-typescript-layout.yaml",
    bug:
      "one long run's TypeScript findings, written small: `readonly key?: Foo | null` broken after the colon (prettier hugs it), a one-topic " +
      "channel typed as a one-member union, a JSDoc @param line ending in a space (a doc ending in NEL), empty # comment lines (PLR2044), " +
      "`false | null` and arrays of hugged unions, a literal comparison broken after !==, a verify parameter's union nested in `| undefined`, " +
      "a verify label with a line break in an @param line, a rule switching over a value an earlier rule narrowed for good (tsc TS2678)",
  },
];
const FOUND_DIR = join(import.meta.dirname, "../fixtures/fuzz-found");

let rejected: Rejected[] = [];
let drawnCount = 0;
let root = "";
let specs: Accepted[] = [];
/**
 * What the in-process checks found, per check. They run on every accepted spec as soon as it is
 * generated (in `npm run fuzz`, thousands per batch, so the files are not kept), and the tests
 * below assert on the lists.
 */
const found = { determinism: [] as string[], lf: [] as string[], inert: [] as string[], lock: [] as string[] };
let checkedCount = 0;
/** `npm run fuzz`: how many accepted specs of a batch go through the external tools. */
const ENV_TOOLS = Number(process.env.WIREDEFS_FUZZ_TOOLS ?? ENV_COUNT);

function checkInProcess(sample: Sample, files: readonly GeneratedFile[], protocol: Protocol, twice: boolean): void {
  checkedCount++;
  const at = describeSample(sample);
  const add = (list: string[], problems: readonly string[]): void => {
    for (const p of problems) list.push(`${at}: ${p}`);
  };
  if (twice) {
    const again = generate(sample.spec.text, sample.spec.file);
    if (!again.ok) add(found.determinism, ["rejected the second time"]);
    else if (again.files.length !== files.length) add(found.determinism, ["a different number of files"]);
    else add(found.determinism, again.files.flatMap((f, i) => (f.path === files[i]?.path && f.text === files[i].text ? [] : [`${f.path} differs`])));
  }
  add(
    found.lf,
    files.flatMap((f) => [
      ...(f.text.includes("\r") ? [`${f.path}: holds a CR`] : []),
      ...(f.text.endsWith("\n") && !f.text.endsWith("\n\n") ? [] : [`${f.path}: does not end with exactly one newline`]),
    ]),
  );
  add(found.inert, defusingProblems(files));
  try {
    const plan = planLock(protocol, undefined, lockPathFor(sample.spec.file));
    if (plan.write !== undefined) JSON.parse(plan.write);
    lint(protocol);
  } catch (error) {
    add(found.lock, [String(error)]);
  }
}

/** `npm run fuzz -- --tools 0`: the in-process checks only (the external tool tests do not run). */
const toolTest = ENV_SEED !== undefined && ENV_TOOLS === 0 ? test.skip : test;

const seeds = (): string => (ENV_SEED === undefined ? `fixed seeds ${FIXED.map(([s]) => s).join(", ")}` : `seed ${ENV_SEED}`);
const where = (s: Accepted): string => `${s.id} (${describeSample(s)})`;
const replay = (): string =>
  ENV_SEED === undefined
    ? `${seeds()}; specs under ${root}`
    : `seed ${ENV_SEED} (replay: WIREDEFS_FUZZ_SEED=${ENV_SEED} WIREDEFS_FUZZ_COUNT=${ENV_COUNT} npx vitest run test/fuzz/pipeline.test.ts); specs under ${root}`;

beforeAll(() => {
  if (ENV_SEED !== undefined) {
    // One generate per sample: rejected, or checked in process at once (and kept for the tools
    // while the batch has room).
    const batch: Sample[] = [];
    const drawn = draw(Number(ENV_SEED), ENV_COUNT);
    drawnCount = drawn.length;
    for (const sample of drawn) {
      const result = generate(sample.spec.text, sample.spec.file);
      if (!result.ok) {
        rejected.push({ ...sample, diagnostics: result.diagnostics });
        continue;
      }
      const toTools = batch.length < ENV_TOOLS;
      checkInProcess(sample, result.files, result.protocol, toTools);
      if (toTools) batch.push(sample);
    }
    ({ root, specs } = writeBatch(batch));
    return;
  }
  const batch: Sample[] = [];
  for (const [seed, take] of FIXED) {
    const drawn = draw(seed, DRAWN);
    drawnCount += drawn.length;
    const split = classify(drawn);
    rejected.push(...split.rejected);
    batch.push(...split.accepted.slice(0, take));
  }
  batch.push(
    ...FOUND.map((f, index): Sample => {
      const text = readFileSync(join(FOUND_DIR, f.file), "utf8");
      const pythonPackage = /package: (\w+)/.exec(text)?.[1] ?? "";
      const dirs = { typescript: "out/ts", python: "out/python", docs: "out/docs", schema: "out/schema" };
      return { seed: 0, index, spec: { text, file: "protocol.yaml", pythonPackage, dirs } };
    }),
  );
  ({ root, specs } = writeBatch(batch));
  for (const s of specs) checkInProcess(s, s.gen.files, s.gen.protocol, true);
});

test("random specs are accepted (at least 80%), or rejected with located diagnostics", () => {
  const rate = (drawnCount - rejected.length) / drawnCount;
  console.log(
    `fuzz: ${drawnCount - rejected.length}/${drawnCount} random specs accepted; ${checkedCount} checked in process; ${specs.length} through the tools; ${replay()}`,
  );
  expect(drawnCount, replay()).toBeGreaterThan(0);
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

/** The first problems and their count, for an assertion message (a long run can find thousands). */
function shown(problems: readonly string[]): string {
  const kinds = new Map<string, number>();
  for (const p of problems) {
    // `seed S index I: path[:line]: what[: detail]` → `what`
    const what = p.replace(/^seed \d+ index \d+: /, "").replace(/^.*?\.(ts|py|md|json)(:\d+)?: /, "");
    const kind = /^raw U\+/.test(what) ? what : what.replace(/: .*$/, "").replace(/\d+/g, "N");
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const byKind = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n}× ${k}`);
  return `${problems.length} problems; ${replay()}\nkinds:\n${byKind.join("\n")}\nfirst:\n${problems.slice(0, 8).join("\n")}`;
}

test("generation is deterministic: the same spec twice gives identical bytes", () => {
  expect(found.determinism, shown(found.determinism)).toEqual([]);
});

test("every output is LF only and ends with exactly one newline", () => {
  expect(found.lf, shown(found.lf)).toEqual([]);
});

test("every output is inert: no raw line break but LF, control, bidi character, live directive, link or diagram statement", () => {
  expect(found.inert, shown(found.inert)).toEqual([]);
});

test("the wire lock renders as JSON and lint runs for every accepted spec", () => {
  expect(found.lock, shown(found.lock)).toEqual([]);
});

toolTest("tsc with every strict flag accepts every TypeScript package", () => {
  const run = tsc(root, specs.map((s) => `${s.id}/${s.spec.dirs.typescript}/index.ts`));
  expect(run.output.split("\n").filter((l) => l.trim() !== ""), replay()).toEqual([]);
  expect(run.status).toBe(0);
});

toolTest("pyright strict (Python 3.9) accepts every Python package", () => {
  const run = pyright(root);
  const errors = run.output.split("\n").filter((l) => / - error/.test(l));
  expect(errors, replay()).toEqual([]);
  expect(run.output).toMatch(/\b0 errors/);
});

/** The formatter settings a spec's outputs give, read from its text: the team style the tools run with. */
function formatterStyle(specText: string): FormatterStyle {
  const outputs = (parse(specText) as { outputs?: { typescript?: { [k: string]: unknown }; python?: { [k: string]: unknown } } }).outputs;
  const ts = outputs?.typescript ?? {};
  const py = outputs?.python ?? {};
  return {
    ...(typeof ts.print_width === "number" ? { printWidth: ts.print_width } : {}),
    ...(ts.quote === "single" ? { singleQuote: true } : {}),
    ...(typeof ts.semicolons === "boolean" ? { semi: ts.semicolons } : {}),
    ...(typeof py.line_length === "number" ? { lineLength: py.line_length } : {}),
  };
}

toolTest("ruff's rule set finds nothing, and ruff format and prettier (in the spec's team style) change nothing", async () => {
  const problems: string[] = [];
  for (const s of specs) {
    const style = formatterStyle(s.spec.text);
    for (const f of s.gen.files) {
      const at = `${where(s)} ${f.path}`;
      try {
        if (f.path.endsWith(".py")) {
          for (const finding of ruffCheck(f.text, true, style.lineLength)) problems.push(`${at}: ruff ${finding}`);
          if (ruffFormat(f.text, style.lineLength) !== f.text) problems.push(`${at}: ruff format changes it`);
        } else if (/\.(ts|json)$/.test(f.path) && (await prettierFormat(f.text, f.path, /\.ts$/.test(f.path) ? style : {})) !== f.text) {
          problems.push(`${at}: prettier changes it`);
        }
      } catch (error) {
        problems.push(`${at}: the formatter cannot parse it: ${String(error).split("\n")[0] ?? ""}`);
      }
    }
  }
  expect(problems, shown(problems)).toEqual([]);
});

toolTest("python3 imports every package, holding the TypeScript module's values", async () => {
  for (const s of specs) {
    const out = execFileSync(
      "python3",
      [join(import.meta.dirname, "../e2e/dump_defs.py"), join(s.gen.root, s.spec.dirs.python), s.spec.pythonPackage],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const python = JSON.parse(out) as { constants: { [n: string]: unknown }; classes: { [n: string]: { [m: string]: unknown } } };
    const ts = (await import(pathToFileURL(join(s.gen.root, s.spec.dirs.typescript, "index.ts")).href)) as { [name: string]: unknown };
    for (const [name, value] of Object.entries(python.constants)) expect(ts[name], `${where(s)} ${name}`).toStrictEqual(value);
    for (const [name, members] of Object.entries(python.classes)) {
      expect({ ...(ts[name] as object) }, `${where(s)} ${name}`).toStrictEqual(members);
    }
  }
});

describe("conformance vectors through both runtimes", () => {
  toolTest("identical verdicts, codes, paths and messages; the vectors' expected issues; the oracle agrees", async () => {
    for (const s of specs) {
      const file = JSON.parse(s.gen.file("/conformance.json").text) as {
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

  toolTest("whole messages and conversations (specs with an envelope): the vectors' verdicts, word for word alike in both runtimes", async () => {
    for (const s of specs) {
      const file = s.gen.files.find((f) => f.path.endsWith("/conversation.json"));
      if (file === undefined) continue;
      const vectors = JSON.parse(file.text) as { messages: readonly MessageVector[]; conversations: readonly ConversationVector[] };
      const run = await runConversations(s.gen, vectors, join(s.gen.root, file.path));
      vectors.messages.forEach((v, i) => {
        const got = run.typescript.messages[i];
        const want = v.expect.ok ? { ok: true, kind: v.expect.kind, topic: v.expect.topic, errors: [] } : { ok: false, kind: null, topic: null, errors: v.expect.errors };
        expect({ ...got, errors: codesAndPaths(got?.errors ?? []) }, `${where(s)} message: ${v.description}`).toEqual(want);
      });
      vectors.conversations.forEach((c, i) => {
        const got = (run.typescript.conversations[i] ?? []).map((v) => (v.ok ? { ok: true, answers: v.answers } : { ok: false, code: v.code }));
        expect(got, `${where(s)} conversation: ${c.description}`).toEqual(c.steps.map((st) => st.expect));
      });
      expect(run.python, where(s)).toEqual(run.typescript);
    }
  });
});
