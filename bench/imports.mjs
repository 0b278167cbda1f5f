// Import costs for `npm run bench` (bench/run.mjs), each measured in fresh processes (medians):
//   - the Python constants module (defs.py of this repo's generated package), bytecode warm,
//     timed inside the interpreter, and whether importing it loaded the validators module;
//   - the TypeScript index module, transpiled once with esbuild, timed inside Node;
//   - tree-shaking: a bundle importing only `Topic` from the index, by esbuild (minified) and by
//     rollup, its size and whether any validator code is in it (the validators' messages).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { median } from "./measure.mjs";

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Milliseconds as printed by `code` (one number on stdout), median of `runs` fresh processes. */
function timed(cmd, args, runs, env = process.env) {
  const xs = [];
  let last = "";
  for (let i = 0; i < runs + 1; i++) {
    const r = spawnSync(cmd, args, { encoding: "utf8", env });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
    last = r.stdout.trim();
    if (i > 0) xs.push(Number(last.split(/\s+/)[0]));
  }
  return { ms: median(xs), last };
}

/** The Python constants module: `<package>.defs` under generated/python (the first found). */
export function pythonImport(repo, runs) {
  const root = join(repo, "generated", "python");
  const defs = filesUnder(root).find((f) => f.endsWith(`${"/"}defs.py`));
  if (defs === undefined) return { dropped: "no generated defs.py" };
  const module = relative(root, defs).replace(/\.py$/, "").split("/").join(".");
  const pkg = module.split(".")[0];
  const code = [
    "import sys, time",
    `sys.path.insert(0, ${JSON.stringify(root)})`,
    "t = time.perf_counter()",
    `import ${module}`,
    "ms = (time.perf_counter() - t) * 1000",
    `heavy = sorted(m for m in sys.modules if m.startswith(${JSON.stringify(`${pkg}.`)}) and m != ${JSON.stringify(module)})`,
    "print(f'{ms:.4f}', ' '.join(heavy) or '-')",
  ].join("\n");
  const r = timed("python3", ["-c", code], runs);
  const others = r.last.split(/\s+/).slice(1).join(" ");
  return { module, ms: r.ms, alsoImported: others === "-" ? [] : others.split(" ") };
}

/** The TypeScript modules transpiled to JavaScript in `out`, and the index's load time in Node. */
export function typescriptLoad(repo, out, runs) {
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
  for (const f of ["warm.mjs", "empty.mjs"]) writeFileSync(join(out, f), "export {};\n");
  const url = (f) => JSON.stringify(pathToFileURL(join(out, f)).href);
  // CPU time (not wall time, which a busy machine inflates) of importing the index, minus that of
  // an empty module, in one fresh process whose loader a first empty module has warmed up.
  const code = [
    "const cpu = (t) => { const d = process.cpuUsage(t); return (d.user + d.system) / 1000; };",
    `await import(${url("warm.mjs")});`,
    `let t = process.cpuUsage(); await import(${url("empty.mjs")}); const base = cpu(t);`,
    `t = process.cpuUsage(); await import(${url("index.js")}); console.log(Math.max(0, cpu(t) - base).toFixed(4));`,
  ].join("\n");
  return { ms: timed(process.execPath, ["--input-type=module", "-e", code], runs).ms };
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
