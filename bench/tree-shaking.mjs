// Tree-shaking for `npm run bench` (bench/run.mjs): the generated TypeScript modules transpiled
// once with esbuild, then a bundle importing only `Topic` from the index, by esbuild (minified)
// and by rollup, its size and whether any validator code is in it (the validators' messages).
// (The import costs of both runtimes are measured by bench/validators-ts.mjs and validators-py.py.)
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The generated TypeScript modules transpiled to ESM JavaScript under `out` (for the bundlers). */
export function transpiledIndex(repo, out) {
  const esbuild = createRequire(join(repo, "package.json"))("esbuild");
  const src = join(repo, "generated", "ts");
  mkdirSync(out, { recursive: true });
  for (const file of filesUnder(src).filter((f) => f.endsWith(".ts"))) {
    const js = esbuild.transformSync(readFileSync(file, "utf8"), { loader: "ts", format: "esm", target: "es2022" }).code;
    const target = join(out, relative(src, file).replace(/\.ts$/, ".js"));
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, js);
  }
  writeFileSync(join(out, "package.json"), '{ "type": "module", "sideEffects": false }\n');
}

/** Marks of validator code: the validators' own messages, which no constant holds. */
const VALIDATOR_MARKS = ["missing required key", "expected an object"];

/** Bundles importing only `Topic` from the transpiled index (`out`, from typescriptLoad). */
export async function treeShaking(repo, out) {
  const esbuild = createRequire(join(repo, "package.json"))("esbuild");
  const entry = join(out, "entry-topic.js");
  writeFileSync(entry, 'import { Topic } from "./index.js";\nconsole.log(Topic);\n');
  const results = [];
  const e = esbuild.buildSync({ entryPoints: [entry], bundle: true, minify: true, format: "esm", write: false, logLevel: "silent" });
  const esText = e.outputFiles[0].text;
  results.push({ bundler: "esbuild (minified)", bytes: Buffer.byteLength(esText), validators: VALIDATOR_MARKS.some((m) => esText.includes(m)) });
  try {
    const { rollup } = createRequire(join(repo, "bench", "anchors", "package.json"))("rollup");
    const bundle = await rollup({ input: entry, logLevel: "silent" });
    const { output } = await bundle.generate({ format: "es" });
    const text = output[0].code;
    results.push({ bundler: "rollup", bytes: Buffer.byteLength(text), validators: VALIDATOR_MARKS.some((m) => text.includes(m)) });
  } catch (error) {
    results.push({ bundler: "rollup", dropped: `rollup not available (${String(error).split("\n")[0]})` });
  }
  return results;
}
