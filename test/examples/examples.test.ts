/**
 * The two real-protocol examples end to end (examples/dap, examples/jsonrpc-lsp): the committed
 * outputs are what `gen` writes (`check` is clean), the TypeScript passes tsc with every strict
 * flag, the Python passes pyright strict and ruff, the generated TypeScript types are assignable
 * to and from the ecosystem's published types as each example's compatibility table says, and
 * both runtimes give the real-shaped messages and conversations the verdicts the published
 * specifications give them, identically. Each external tool runs once over both examples.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { REPO, snapshot, wiredefs, type Run } from "../cli/run.js";
import { pyright, ruffCheck, tsc, type ToolRun } from "../emit/defs-tooling.js";
import { listShapes } from "../../generator/conformance/shapes.js";
import type { Vector } from "../../generator/conformance/vectors.js";
import { generatedAt } from "../e2e/fixtures.js";
import { jsonschemaVerdicts } from "../conformance/message-schema.js";
import { runCompat, type CompatResult } from "./compat.js";
import { conversations, EXAMPLES, exampleDir, messageCases, type Example, type Issue, type MessageCase } from "./examples.js";

/**
 * Messages whose verdict from the published specification the IDL cannot reproduce, by example
 * and file, each with the reason (the README's Examples section lists them too). A listed case
 * runs as `test.fails`: it must keep disagreeing until the IDL can say it, then the entry goes.
 * Never add an entry to make a generator bug go away: report the bug.
 */
const CANNOT_EXPRESS: { readonly [example: string]: { readonly [message: string]: string } } = {};

interface Verdict {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

interface StepVerdict {
  readonly allowed: boolean;
  readonly answers: number | null;
  readonly refused: string | null;
}

interface PythonRun {
  readonly messages: { readonly [name: string]: readonly Verdict[] };
  /** null when the Python package has no conversation checker. */
  readonly conversations: { readonly [name: string]: readonly StepVerdict[] } | null;
  /** The issues of each conformance vector, in the file's order. */
  readonly vectors: readonly (readonly Verdict[])[];
}

/** The example's conformance vectors, each with its shape's validator in both runtimes. */
interface VectorRun {
  readonly vectors: readonly Vector[];
  readonly typescript: readonly (readonly Verdict[])[];
  readonly pythonValidators: readonly string[];
}

const vectorRuns = new Map<string, VectorRun>();
async function vectorRun(e: Example): Promise<VectorRun> {
  let found = vectorRuns.get(e.name);
  if (found === undefined) {
    const gen = generatedAt(exampleDir(e));
    const shapes = new Map(listShapes(gen.protocol).map((v) => [gen.names.typescript.type(v.shape), v.shape]));
    const shapeOf = (name: string): NonNullable<ReturnType<typeof shapes.get>> => {
      const shape = shapes.get(name);
      if (shape === undefined) throw new Error(`unknown shape ${name}`);
      return shape;
    };
    const vectors = (JSON.parse(readFileSync(join(exampleDir(e), "generated/schema/conformance.json"), "utf8")) as { cases: Vector[] }).cases.filter(
      (v) => v.shape !== undefined,
    );
    const module = (await import(pathToFileURL(join(exampleDir(e), "generated/ts/messages.ts")).href)) as {
      [name: string]: (value: unknown) => { ok: true } | { ok: false; errors: readonly Verdict[] };
    };
    const typescript = vectors.map((v) => {
      const validate = module[gen.names.typescript.validator(shapeOf(v.shape))];
      if (validate === undefined) throw new Error(`no TypeScript validator for ${v.shape}`);
      const result = validate(JSON.parse(v.json ?? JSON.stringify(v.input)));
      return result.ok ? [] : result.errors;
    });
    found = { vectors, typescript, pythonValidators: vectors.map((v) => gen.names.python.validator(shapeOf(v.shape))) };
    vectorRuns.set(e.name, found);
  }
  return found;
}

/** What the generated TypeScript module exports that this test calls. */
interface TsApi {
  validateMessage(value: unknown, request?: string): { ok: true } | { ok: false; errors: readonly Verdict[] };
  Conversation: new () => {
    accept(message: unknown): { ok: true; answers: number | undefined } | { ok: false; code: string };
  };
}

const checks = new Map<string, Run>();
let tscRun: ToolRun;
let pyrightRun: ToolRun;
const compat = new Map<string, { results: CompatResult[]; stray: string[] }>();

beforeAll(() => {
  for (const e of EXAMPLES) checks.set(e.name, wiredefs(["check", "--spec", `examples/${e.name}/protocol.yaml`], REPO));
  // One tsc and one pyright over copies of both examples' outputs (tsc needs an ESM package.json
  // beside them, which the repository's own must not be replaced by).
  const root = mkdtempSync(join(tmpdir(), "wiredefs-examples-"));
  for (const e of EXAMPLES) cpSync(join(exampleDir(e), "generated"), join(root, e.name), { recursive: true });
  tscRun = tsc(
    root,
    EXAMPLES.map((e) => `${e.name}/ts/index.ts`),
  );
  pyrightRun = pyright(root);
  for (const e of EXAMPLES) compat.set(e.name, runCompat(join(exampleDir(e), "generated/ts"), e.compat));
});

const pythonRuns = new Map<string, PythonRun>();
async function pythonRun(e: Example): Promise<PythonRun> {
  let found = pythonRuns.get(e.name);
  if (found === undefined) {
    // One python3 process per example: the messages, the conversations and the vectors.
    const { vectors, pythonValidators } = await vectorRun(e);
    const vectorsFile = join(mkdtempSync(join(tmpdir(), "wiredefs-example-vectors-")), "vectors.json");
    writeFileSync(vectorsFile, JSON.stringify(vectors.map((v, i) => ({ fn: pythonValidators[i], json: v.json ?? JSON.stringify(v.input) }))));
    const script = join(import.meta.dirname, "run_messages.py");
    const out = execFileSync("python3", [script, join(exampleDir(e), "generated/python"), e.pythonPackage, exampleDir(e), vectorsFile], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    found = JSON.parse(out) as PythonRun;
    pythonRuns.set(e.name, found);
  }
  return found;
}

const tsApis = new Map<string, TsApi>();
async function tsApi(e: Example): Promise<TsApi> {
  let found = tsApis.get(e.name);
  if (found === undefined) {
    found = (await import(pathToFileURL(join(exampleDir(e), "generated/ts/index.ts")).href)) as TsApi;
    tsApis.set(e.name, found);
  }
  return found;
}

function tsVerdict(api: TsApi, c: MessageCase): readonly Verdict[] {
  const result = c.request === undefined ? api.validateMessage(c.message) : api.validateMessage(c.message, c.request);
  return result.ok ? [] : result.errors;
}

const codesAndPaths = (issues: readonly Verdict[]): Issue[] => issues.map((i) => ({ code: i.code, path: [...i.path] }));

for (const e of EXAMPLES) {
  describe(`example ${e.name}`, () => {
    test("check: the committed outputs and lock are what gen writes", () => {
      const run = checks.get(e.name);
      expect(run?.stderr).toBe("");
      expect(run?.status).toBe(0);
      expect(run?.stdout).toMatch(/^wiredefs: \d+ generated files match /);
    });

    test("tsc with every strict flag accepts the TypeScript", () => {
      expect(tscRun.output.split("\n").filter((l) => l.includes(`${e.name}/`))).toEqual([]);
    });

    test("pyright strict (Python 3.9) accepts the Python", () => {
      expect(pyrightRun.output).toMatch(/\b\d+ errors?, \d+ warnings?/);
      expect(pyrightRun.output.split("\n").filter((l) => l.includes(`/${e.name}/`))).toEqual([]);
    });

    test("ruff's rule set finds nothing in the Python", () => {
      const tree = snapshot(join(exampleDir(e), "generated/python"));
      expect([...tree.keys()].some((p) => p.endsWith(".py"))).toBe(true);
      for (const [path, text] of tree) if (path.endsWith(".py")) expect(ruffCheck(text), path).toEqual([]);
    });

    test(`the generated types are assignable to and from ${e.against}'s as the compatibility table says`, () => {
      const found = compat.get(e.name);
      expect(found?.stray, "tsc diagnostics outside the assignments").toEqual([]);
      const report = (found?.results ?? []).map((r) => ({ message: r.message, actual: r.actual, ...(r.toError === undefined ? {} : { toError: r.toError }), ...(r.fromError === undefined ? {} : { fromError: r.fromError }) }));
      // Printed so a failing run shows every pair's result and tsc's reason, not only the first.
      console.log(`${e.name} compatibility:\n${report.map((r) => `  ${r.actual.padEnd(14)} ${r.message}${r.toError === undefined ? "" : `\n      to: ${r.toError}`}${r.fromError === undefined ? "" : `\n      from: ${r.fromError}`}`).join("\n")}`);
      expect(report.map((r) => `${r.message}: ${r.actual}`)).toEqual(e.compat.cases.map((c) => `${c.message}: ${c.expect}`));
      for (const c of e.compat.cases) if (c.expect !== "both") expect(c.why, c.message).toBeTruthy();
    });

    describe("real-shaped messages", () => {
      const cases = messageCases(e);
      test("there are valid and invalid ones", () => {
        expect(cases.filter((c) => c.expect.valid).length).toBeGreaterThan(10);
        expect(cases.filter((c) => !c.expect.valid).length).toBeGreaterThan(10);
      });
      for (const c of cases) {
        const reason = CANNOT_EXPRESS[e.name]?.[c.name];
        const name = `${c.name}: ${c.expect.valid ? "valid" : "invalid"} in both runtimes, identically (${c.description})`;
        const body = async (): Promise<void> => {
          const ts = tsVerdict(await tsApi(e), c);
          const py = (await pythonRun(e)).messages[c.name];
          expect(py, "Python's issues equal TypeScript's (codes, paths, messages)").toEqual(ts);
          expect(ts.length === 0, `valid: ${JSON.stringify(ts)}`).toBe(c.expect.valid);
          if (c.expect.issues !== undefined) expect(codesAndPaths(ts)).toEqual(c.expect.issues);
        };
        if (reason === undefined) test(name, body);
        else test.fails(`${name} [the IDL cannot say it: ${reason}]`, body);
      }
    });

    test("the JSON Schema of whole messages gives every real-shaped message the validators' verdict (jsonschema, formats asserted)", async () => {
      const cases = messageCases(e);
      const bundle = JSON.parse(readFileSync(join(exampleDir(e), "generated/schema/messages.schema.json"), "utf8")) as { [key: string]: unknown };
      const schema = jsonschemaVerdicts(generatedAt(exampleDir(e)).protocol, bundle, cases);
      const api = await tsApi(e);
      const differ = cases.flatMap((c, i) => {
        const valid = tsVerdict(api, c).length === 0;
        return schema[i] === valid ? [] : [`${c.name}: the validators say ${valid ? "valid" : "invalid"}, the schema ${schema[i] === true ? "valid" : "invalid"}`];
      });
      expect(differ).toEqual([]);
      expect(schema.filter((v) => !v).length).toBeGreaterThan(10);
    });

    test("the conformance vectors: both runtimes give every case its expected issues, identically", async () => {
      const { vectors, typescript } = await vectorRun(e);
      const python = (await pythonRun(e)).vectors;
      expect(vectors.length).toBeGreaterThan(100);
      expect(python).toHaveLength(vectors.length);
      vectors.forEach((v, i) => {
        const what = `${v.shape}: ${v.description}`;
        expect(python[i], `Python ${what}`).toEqual(typescript[i]);
        expect(codesAndPaths(typescript[i] ?? []), `TypeScript ${what}`).toEqual(v.errors);
      });
    });

    describe("conversations", () => {
      for (const conv of conversations(e)) {
        test(`${conv.name}: each message allowed or not, and the request each response answers, in both runtimes (${conv.description})`, async () => {
          const api = await tsApi(e);
          const checker = new api.Conversation();
          const ts = conv.steps.map((s): StepVerdict => {
            const v = checker.accept(s.message);
            return v.ok ? { allowed: true, answers: v.answers ?? null, refused: null } : { allowed: false, answers: null, refused: v.code };
          });
          expect(ts, "TypeScript's verdicts").toEqual(conv.steps.map((s) => ({ allowed: s.allowed, answers: s.answers ?? null, refused: s.refused ?? null })));
          const python = (await pythonRun(e)).conversations;
          expect(python, "the Python package has a conversation checker").not.toBeNull();
          expect(python?.[conv.name], "Python's verdicts equal TypeScript's").toEqual(ts);
        });
      }
    });
  });
}
