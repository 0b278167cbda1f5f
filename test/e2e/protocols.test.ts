/**
 * End to end on whole protocols other than the seed (test/fixtures/protocols/): each spec goes
 * through the built CLI in a scratch directory, and its outputs are held to what the README
 * promises — deterministic from any working directory, LF only, `check`-clean, formatted,
 * strict under tsc and pyright, clean under ruff, importable in both runtimes with the same
 * values, the conformance vectors judged identically by both runtimes, and docs whose links
 * all resolve. The heavy tools run once over every fixture, not once per file.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { DIFFERENCES, type Difference } from "../../generator/conformance/semantics.js";
import type { Vector } from "../../generator/conformance/vectors.js";
import { codesAndPaths, runAll, type Verdicts } from "../conformance/harness.js";
import { wiredefs, type Run } from "../cli/run.js";
import { prettierFormat, pyright, ruffCheck, ruffFormat, tsc, type ToolRun } from "../emit/defs-tooling.js";
import { expectedFiles, fixtureDirs, FIXTURES, generatedAt, readText, readTree, scratchRoot } from "./fixtures.js";

/**
 * Generator bugs these fixtures expose, by fixture and test, each with the reason. A listed test
 * runs as `test.fails`: it must keep failing until the generator is fixed, then the entry goes.
 * Fix the generator; never add an entry to make a new failure go away.
 */
const KNOWN_BUGS: { readonly [fixture: string]: { readonly [test: string]: string } } = {};

/** `test`, or `test.fails` when KNOWN_BUGS lists the fixture's test. */
function check(fixture: string, key: string, name: string, body: () => void | Promise<void>): void {
  const bug = KNOWN_BUGS[fixture]?.[key];
  if (bug === undefined) test(name, body);
  else test.fails(`${name} [known generator bug: ${bug}]`, body);
}

/** A case the semantics table lists as judged apart by this JSON Schema validator (by name). */
const judgedApart = (v: Vector, validator: Difference["validator"]): boolean =>
  DIFFERENCES.some((d) => d.validator === validator && v.description.endsWith(`: ${d.case}`));

/**
 * Shapes with a wire key `__proto__` (their own or a nested record's), which ajv cannot judge: its `additionalProperties` reports
 * an own `__proto__` key as additional though `properties` names it, and its `required` reads
 * `data.__proto__` through the prototype (the schema and the vectors are right: Python's
 * jsonschema, both runtimes and the oracle agree on them). ajv is not asked about these shapes;
 * jsonschema still is.
 */
function beyondAjv(vectors: readonly Vector[]): Set<string> {
  // Anywhere in a valid input, records nested in the payload included.
  const hasProtoKey = (v: Vector): boolean => v.valid && JSON.stringify(v.input).includes('"__proto__":');
  return new Set(vectors.filter(hasProtoKey).map((v) => v.shape));
}

interface Generation {
  /** `gen` from the spec's own directory. */
  readonly first: Run;
  /** `gen` on a second copy, from an unrelated working directory with an absolute --spec. */
  readonly elsewhere: Run;
  /** `gen` again on the first copy: nothing to write. */
  readonly again: Run;
  readonly check: Run;
  readonly lint: Run;
}

let root: string;
let otherRoot: string;
const runs = new Map<string, Generation>();
let tscRun: ToolRun;
let pyrightRun: ToolRun;

beforeAll(() => {
  root = scratchRoot("a");
  otherRoot = scratchRoot("b");
  const cwd = mkdtempSync(join(tmpdir(), "wiredefs-e2e-cwd-"));
  for (const f of FIXTURES) {
    const dir = join(root, f.name);
    const first = wiredefs(["gen", "--spec", "protocol.yaml"], dir);
    const elsewhere = wiredefs(["gen", "--spec", join(otherRoot, f.name, "protocol.yaml")], cwd);
    const again = wiredefs(["gen"], dir);
    const check = wiredefs(["check", "--spec", `${f.name}/protocol.yaml`], root);
    const lint = wiredefs(["lint", "--spec", "protocol.yaml"], dir);
    runs.set(f.name, { first, elsewhere, again, check, lint });
  }
  // One tsc over every fixture's package, one pyright over every fixture's Python package.
  tscRun = tsc(
    root,
    FIXTURES.map((f) => `${f.name}/generated/ts/index.ts`),
  );
  mkdirSync(join(root, "py"));
  pyrightRun = pyright(root);
});

test("every fixture directory is listed", () => {
  expect(fixtureDirs()).toEqual(FIXTURES.map((f) => f.name).sort());
});

for (const f of FIXTURES) {
  describe(`protocol ${f.name}`, () => {
    const dir = (): string => join(root, f.name);
    const run = (): Generation => {
      const found = runs.get(f.name);
      if (found === undefined) throw new Error(`${f.name} was not generated`);
      return found;
    };
    const tree = (): Map<string, string> => readTree(dir());

    test("gen exits 0 without warnings and writes every output and the lock", () => {
      const { first } = run();
      expect(first.stderr).toBe("");
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(new RegExp(`^wiredefs: wrote ${expectedFiles(f).length} files, 0 unchanged \\(from protocol\\.yaml\\) in \\d+\\.\\d\\d s\n$`));
      expect([...tree().keys()].filter((p) => p !== "protocol.yaml")).toEqual(expectedFiles(f));
    });

    test("gen is deterministic: byte-identical from another working directory, nothing to write the second time", () => {
      const { elsewhere, again } = run();
      expect(elsewhere.stderr).toBe("");
      expect(elsewhere.status).toBe(0);
      expect(readTree(join(otherRoot, f.name))).toEqual(tree());
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/^wiredefs: wrote 0 files, \d+ unchanged/);
    });

    test("every output is LF only, ends with one newline and carries the generated notice", () => {
      for (const [path, text] of tree()) {
        if (path === "protocol.yaml") continue;
        expect(text.includes("\r"), path).toBe(false);
        expect(text.endsWith("\n") && !text.endsWith("\n\n"), path).toBe(true);
        if (path !== "protocol.lock.json") expect(text, path).toContain("Code generated by wiredefs from protocol.yaml. DO NOT EDIT.");
      }
    });

    test(f.lintClean ? "check is clean and lint finds nothing" : "check is clean and lint finds no error", () => {
      const { check, lint } = run();
      expect(check.stderr).toBe("");
      expect(check.status).toBe(0);
      expect(check.stdout).toMatch(/^wiredefs: \d+ generated files match /);
      if (f.lintClean) expect(lint.stdout + lint.stderr).toMatch(/^wiredefs: protocol\.yaml is lint-clean in \d+\.\d\d s\n$/);
      else expect(lint.stdout + lint.stderr).toMatch(/\n0 errors, \d+ warnings in protocol\.yaml in \d+\.\d\d s\n$/);
      expect(lint.status).toBe(0);
    });

    check(f.name, "prettier ts", "prettier leaves the TypeScript unchanged", async () => {
      for (const [path, text] of tree()) {
        if (path.endsWith(".ts")) expect(await prettierFormat(text, path), path).toBe(text);
      }
    });

    check(f.name, "prettier json", "prettier leaves the JSON Schema and the vectors unchanged", async () => {
      for (const [path, text] of tree()) {
        if (path.startsWith("generated/") && path.endsWith(".json")) expect(await prettierFormat(text, path), path).toBe(text);
      }
    });

    check(f.name, "ruff format", "ruff format leaves the Python unchanged", () => {
      for (const [path, text] of tree()) {
        if (path.endsWith(".py")) expect(ruffFormat(text), path).toBe(text);
      }
    });

    check(f.name, "ruff check", "ruff's broad rule set finds nothing in the Python package", () => {
      for (const [path, text] of tree()) {
        if (path.endsWith(".py")) expect(ruffCheck(text, f.hostileContent), path).toEqual([]);
      }
    });

    check(f.name, "tsc", "tsc with every strict flag accepts the TypeScript package", () => {
      // One tsc run covers every fixture: this one's lines are those naming its directory.
      expect(tscRun.output.split("\n").filter((l) => l.includes(`${f.name}/`))).toEqual([]);
    });

    check(f.name, "pyright", "pyright strict (Python 3.9) accepts the Python package", () => {
      expect(pyrightRun.output).toMatch(/\b\d+ errors?, \d+ warnings?/);
      expect(pyrightRun.output.split("\n").filter((l) => l.includes(`/${f.name}/`))).toEqual([]);
    });

    check(f.name, "import", "both runtimes import the package and hold the same constants", async () => {
      const python = JSON.parse(
        execFileSync("python3", [join(import.meta.dirname, "dump_defs.py"), join(dir(), "generated/python"), f.pythonPackage], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        }),
      ) as { constants: { [name: string]: unknown }; classes: { [name: string]: { [member: string]: unknown } }; all: string[] };
      const ts = (await import(pathToFileURL(join(dir(), "generated/ts/index.ts")).href)) as { [name: string]: unknown };
      expect(Object.keys(python.constants)).toContain("CHANNEL");
      for (const [name, value] of Object.entries(python.constants)) expect(ts[name], name).toStrictEqual(value);
      for (const [name, members] of Object.entries(python.classes)) {
        expect({ ...(ts[name] as object) }, name).toStrictEqual(members);
      }
      for (const name of [...Object.keys(python.constants), ...Object.keys(python.classes)]) {
        expect(python.all, `${name} in __all__`).toContain(name);
      }
    });

    test("the docs exist and every internal link resolves to exactly one anchor", () => {
      const text = readText(join(dir(), f.docsFile));
      const ids = [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] ?? "");
      expect(new Set(ids).size, "anchors are unique").toBe(ids.length);
      const links = [...text.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1] ?? "");
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        if (/^[a-z]+:/.test(link)) continue;
        expect(link, "only in-page links").toMatch(/^#/);
        expect(ids, link).toContain(decodeURIComponent(link.slice(1)));
      }
    });
  });
}

describe("conformance vectors through both runtimes", () => {
  for (const f of FIXTURES) {
    describe(`protocol ${f.name}`, () => {
      let vectors: readonly Vector[] = [];
      let verdicts: Verdicts | undefined;
      const judged = (): Verdicts => {
        if (verdicts === undefined) throw new Error("the vectors did not run");
        return verdicts;
      };

      check(f.name, "run vectors", "the vectors run through TypeScript, Python, the oracle, ajv and jsonschema", async () => {
        const gen = generatedAt(join(root, f.name));
        vectors = (JSON.parse(gen.file("schema/conformance.json").text) as { cases: readonly Vector[] }).cases;
        verdicts = await runAll(
          gen,
          vectors.map((v) => ({ shape: v.shape, json: v.json ?? JSON.stringify(v.input) })),
        );
        expect(new Set(vectors.map((v) => v.shape)).size).toBe(f.shapes);
      });

      test("every payload and record has valid and invalid cases", () => {
        for (const shape of new Set(vectors.map((v) => v.shape))) {
          expect(vectors.some((v) => v.shape === shape && v.valid), shape).toBe(true);
          expect(vectors.some((v) => v.shape === shape && !v.valid), shape).toBe(true);
        }
      });

      check(f.name, "oracle", "the vectors agree with the independent oracle", () => {
        const { oracle } = judged();
        vectors.forEach((v, i) => expect(oracle[i], `${v.shape}: ${v.description}`).toEqual(v.errors));
      });

      check(f.name, "runtimes agree", "TypeScript and Python give identical verdicts, codes, paths and messages", () => {
        const { python, typescript } = judged();
        expect(python).toHaveLength(vectors.length);
        vectors.forEach((v, i) => expect(python[i], `${v.shape}: ${v.description}`).toEqual(typescript[i]));
      });

      check(f.name, "runtimes", "TypeScript and Python give the vectors' expected verdicts, codes and paths", () => {
        const { python, typescript } = judged();
        vectors.forEach((v, i) => {
          const what = `${v.shape}: ${v.description}`;
          expect(codesAndPaths(typescript[i] ?? []), `TypeScript ${what}`).toEqual(v.errors);
          expect(codesAndPaths(python[i] ?? []), `Python ${what}`).toEqual(v.errors);
        });
      });

      check(f.name, "json schema", "ajv and jsonschema agree with the vectors on the generated JSON Schema", () => {
        const { ajv, jsonschema } = judged();
        const notForAjv = beyondAjv(vectors);
        vectors.forEach((v, i) => {
          if (!notForAjv.has(v.shape) && !judgedApart(v, "ajv")) expect(ajv[i], `ajv ${v.shape}: ${v.description}`).toBe(v.valid);
          if (!judgedApart(v, "jsonschema")) expect(jsonschema[i], `jsonschema ${v.shape}: ${v.description}`).toBe(v.valid);
        });
      });
    });
  }
});
