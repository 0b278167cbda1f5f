/**
 * The generated TypeScript package is tree-shakable: a bundle that imports only a constant from
 * its index carries no validator code, with esbuild and with rollup (each run once per bundle,
 * nothing timed). Every module-level statement of the generated files must be free of side
 * effects for this (no top-level table built from computed keys, `/*#__PURE__*\/` on the calls
 * that are pure); a bundle that imports `validatePayload` proves the check can fail.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, transform } from "esbuild";
import { rollup } from "rollup";
import { beforeAll, describe, expect, test } from "vitest";
import { generate, SEED_SPEC, type Generated } from "./pipeline.js";

/** Text only the validators' code holds (messages and helper names survive bundling unminified). */
const VALIDATOR_MARKS = ["cannot read the value", "expected an object", "unknown topic", "function isObject", "function hasOwn"];

let gen: Generated;
let tsDir: string;
let jsDir: string;

beforeAll(async () => {
  gen = generate(SEED_SPEC);
  tsDir = join(gen.root, gen.protocol.outputs.typescript?.dir ?? "");
  // rollup reads JavaScript: the generated files as a user's TypeScript compiler emits them.
  jsDir = join(gen.root, "js");
  mkdirSync(jsDir, { recursive: true });
  for (const file of ["index", "defs", "messages"]) {
    const source = readFileSync(join(tsDir, `${file}.ts`), "utf8");
    const { code } = await transform(source, { loader: "ts", format: "esm" });
    writeFileSync(join(jsDir, `${file}.js`), code);
  }
});

async function esbuildBundle(entry: string, dir: string): Promise<string> {
  const file = join(dir, `entry-${String(Math.random()).slice(2)}.ts`);
  writeFileSync(file, entry);
  const result = await build({ entryPoints: [file], bundle: true, format: "esm", write: false, logLevel: "silent" });
  return result.outputFiles[0]?.text ?? "";
}

async function rollupBundle(entry: string): Promise<string> {
  const file = join(jsDir, `entry-${String(Math.random()).slice(2)}.js`);
  writeFileSync(file, entry);
  const bundle = await rollup({ input: file, logLevel: "silent" });
  const { output } = await bundle.generate({ format: "es" });
  await bundle.close();
  return output.map((chunk) => ("code" in chunk ? chunk.code : "")).join("");
}

const ONLY_TOPIC = 'import { Topic } from "./index.js";\nconsole.log(Topic.HELLO);\n';
const VALIDATING = 'import { validatePayload } from "./index.js";\nconsole.log(validatePayload("client_api.hello", {}));\n';

describe("a bundle that imports only Topic from the index holds no validator code", () => {
  test("esbuild", async () => {
    const only = await esbuildBundle(ONLY_TOPIC, tsDir);
    expect(only).toContain("client_api.hello");
    for (const mark of VALIDATOR_MARKS) expect(only, mark).not.toContain(mark);
    expect(only).not.toMatch(/\bfunction\b/);
    const validating = await esbuildBundle(VALIDATING, tsDir);
    for (const mark of VALIDATOR_MARKS) expect(validating, mark).toContain(mark);
  });

  test("rollup", async () => {
    const only = await rollupBundle(ONLY_TOPIC);
    expect(only).toContain("client_api.hello");
    for (const mark of VALIDATOR_MARKS) expect(only, mark).not.toContain(mark);
    expect(only).not.toMatch(/\bfunction\b/);
    const validating = await rollupBundle(VALIDATING);
    for (const mark of VALIDATOR_MARKS) expect(validating, mark).toContain(mark);
  });
});
