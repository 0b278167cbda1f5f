/**
 * The conformance vectors of the value kinds fixture (nullable, unions, tagged unions, literals,
 * json, constraints and formats, int and open enums, local fields, derived records), run through
 * the generated TypeScript and Python validators: both give exactly the vectors' issues (path
 * and code) on every case, and the same messages as each other. The vectors' expectations come
 * from how each case was built (generator/conformance/samples.ts), not from either validator.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { generate, type Generated } from "../messages/pipeline.js";
import { oracleFor } from "./oracle.js";

const KINDS_SPEC = "test/fixtures/messages/kinds.yaml";

interface Issue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}
interface VectorCase {
  readonly shape: string;
  readonly description: string;
  readonly input: unknown;
  readonly json?: string;
  readonly valid: boolean;
  readonly errors: readonly { readonly path: readonly (string | number)[]; readonly code: string }[];
}
interface Document {
  readonly shapes: { readonly [shape: string]: { readonly topic?: string; readonly typescript: { readonly validator: string }; readonly python: { readonly validator: string } } };
  readonly cases: readonly VectorCase[];
}
type Validate = (value: unknown) => { readonly ok: boolean; readonly errors?: readonly Issue[] };

const PYTHON = `
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
messages = importlib.import_module("kinds_api.messages")
cases = json.load(open(sys.argv[2], encoding="utf-8"))
out = []
for validator, text in cases:
    issues = getattr(messages, validator)(json.loads(text))
    out.append([{"path": list(i.path), "code": i.code, "message": i.message} for i in issues])
json.dump(out, open(sys.argv[3], "w", encoding="utf-8"))
`;

let gen: Generated;
let doc: Document;
let typescript: Issue[][];
let python: Issue[][];

const textOf = (c: VectorCase): string => c.json ?? JSON.stringify(c.input);

beforeAll(async () => {
  gen = generate(KINDS_SPEC);
  doc = JSON.parse(gen.file("conformance.json").text) as Document;
  const module = (await import(pathToFileURL(join(gen.root, "out/ts/messages.ts")).href)) as { [name: string]: unknown };
  typescript = doc.cases.map((c) => {
    const validate = module[doc.shapes[c.shape]?.typescript.validator ?? ""] as Validate;
    const result = validate(JSON.parse(textOf(c)));
    return result.ok ? [] : [...(result.errors ?? [])].map((e) => ({ path: [...e.path], code: e.code, message: e.message }));
  });
  const script = join(gen.root, "kinds.py");
  const input = join(gen.root, "kinds-cases.json");
  const output = join(gen.root, "kinds-out.json");
  writeFileSync(script, PYTHON);
  writeFileSync(input, JSON.stringify(doc.cases.map((c) => [doc.shapes[c.shape]?.python.validator, textOf(c)])));
  execFileSync("python3", [script, join(gen.root, "out/python"), input, output]);
  python = JSON.parse((await import("node:fs")).readFileSync(output, "utf8")) as Issue[][];
});

const codes = (issues: readonly Issue[]): unknown[] => issues.map((i) => ({ path: [...i.path], code: i.code }));

describe("the value kinds' conformance vectors in both runtimes", () => {
  test("the vectors cover every new issue code and kind", () => {
    const found = new Set(doc.cases.flatMap((c) => c.errors.map((e) => e.code)));
    for (const code of ["wrong_type", "not_in_enum", "unknown_tag", "out_of_range", "bad_format", "too_short", "missing_key", "not_object", "unknown_key"]) {
      expect(found, code).toContain(code);
    }
    expect(doc.cases.length).toBeGreaterThan(100);
  });

  test("Python gives exactly the vectors' issues", () => {
    const wrong = doc.cases.flatMap((c, i) => (JSON.stringify(codes(python[i] ?? [])) === JSON.stringify(c.errors) ? [] : [{ case: `${c.shape}: ${c.description}`, expected: c.errors, got: codes(python[i] ?? []) }]));
    expect(wrong).toEqual([]);
  });

  test("TypeScript gives exactly the vectors' issues", () => {
    const wrong = doc.cases.flatMap((c, i) => (JSON.stringify(codes(typescript[i] ?? [])) === JSON.stringify(c.errors) ? [] : [{ case: `${c.shape}: ${c.description}`, expected: c.errors, got: codes(typescript[i] ?? []) }]));
    expect(wrong).toEqual([]);
  });

  test("the independent oracle gives exactly the vectors' issues", () => {
    const shapeOf = (name: string): { record?: string; topic?: string } => {
      const record = gen.protocol.records.find((r) => gen.names.typescript.type(r) === name);
      if (record !== undefined) return { record: record.name };
      return { topic: doc.shapes[name]?.topic ?? "" };
    };
    const wrong = doc.cases.flatMap((c) => {
      const got = oracleFor(gen.protocol, shapeOf(c.shape))(JSON.parse(textOf(c)));
      return JSON.stringify(got) === JSON.stringify(c.errors) ? [] : [{ case: `${c.shape}: ${c.description}`, expected: c.errors, got }];
    });
    expect(wrong).toEqual([]);
  });

  test("TypeScript and Python messages are identical case by case", () => {
    const differ = doc.cases.flatMap((c, i) => (JSON.stringify(typescript[i]) === JSON.stringify(python[i]) ? [] : [{ case: `${c.shape}: ${c.description}`, typescript: typescript[i], python: python[i] }]));
    expect(differ).toEqual([]);
  });
});
