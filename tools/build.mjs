#!/usr/bin/env node
/**
 * Builds the CLI bundle (dist/wiredefs.js, esbuild straight from the TypeScript sources) and, with
 * --types, the API's declarations (dist/**\/*.d.ts, tsc). A step is skipped when a stamp beside its
 * output records the same hash of everything it is built from (the generator's sources, the
 * package manifest and lock, the tsconfigs, this script), so `npm run gen` and `npm run check` do
 * not rebuild a generator that did not change, and never run a stale one: any change to an input
 * changes the hash. Outputs are renamed into place, so a process running the CLI meanwhile sees
 * the old bundle or the new one, never half of one.
 *
 *   node tools/build.mjs            bundle only, when stale
 *   node tools/build.mjs --types    bundle and declarations, each when stale
 *   node tools/build.mjs --force    rebuild regardless of the stamps
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const args = new Set(process.argv.slice(2));
const force = args.has("--force");

function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else out.push(rel);
  }
  return out;
}

/** One hash over the inputs' paths and bytes, in a fixed order. */
function inputsHash(step) {
  const inputs = [
    ...filesUnder("generator"),
    "package.json",
    "package-lock.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "tools/build.mjs",
  ].filter((f) => existsSync(join(ROOT, f)));
  const hash = createHash("sha256").update(`${step}\n`);
  for (const file of inputs.sort()) hash.update(`${file}\n`).update(readFileSync(join(ROOT, file))).update("\n");
  return hash.digest("hex");
}

/** Runs `build(hash)` unless the stamp beside the outputs records the same input hash. */
async function step(name, outputs, build) {
  const stamp = join(DIST, `.${name}.stamp`);
  const hash = inputsHash(name);
  const fresh = !force && outputs.every((o) => existsSync(join(ROOT, o))) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
  if (fresh) return;
  mkdirSync(DIST, { recursive: true });
  rmSync(stamp, { force: true });
  try {
    await build(hash);
  } catch {
    // esbuild and tsc have printed what is wrong
    process.exit(1);
  }
  writeFileSync(stamp, hash);
  process.stderr.write(`wiredefs build: ${name} rebuilt (${outputs.join(", ")})\n`);
}

const node = process.execPath;
const bin = (pkg, path) => join(ROOT, "node_modules", pkg, path);

/** Bundles one entry point into dist/, renamed into place. The build ID is the bundle step's input hash. */
async function bundle(entry, out, buildId) {
  // Loaded only when a bundle is stale, so an up-to-date `npm run check` does not pay for esbuild.
  const esbuild = await import("esbuild");
  const temp = join(DIST, `${out}.${process.pid}.tmp.js`);
  try {
    esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "warning",
      outfile: temp,
      // gen records the build in the owned-file list's stamp; check's fast path trusts only its own build.
      define: { __WIREDEFS_BUILD_ID__: JSON.stringify(buildId) },
      // The yaml package's ES module build (the same code as its CommonJS one, without the
      // debugging reads of process.env on every token): bundled as ES modules, its functions are
      // called directly instead of through the getters a CommonJS interop object puts in between.
      alias: { yaml: "./node_modules/yaml/browser/index.js" },
      banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    });
    renameSync(temp, join(DIST, out));
  } finally {
    rmSync(temp, { force: true });
  }
}

await step("bundle", ["dist/wiredefs.js", "dist/fast-path.js"], async (hash) => {
  await bundle("generator/commands/fast-path.ts", "fast-path.js", hash);
  await bundle("generator/main.ts", "wiredefs.js", hash);
});

if (args.has("--types")) {
  await step("types", ["dist/index.d.ts"], () => {
    // Declarations of modules that no longer exist must not linger (and be packed).
    for (const file of filesUnder("dist")) if (file.endsWith(".d.ts")) rmSync(join(ROOT, file));
    execFileSync(node, [bin("typescript-native", "bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  });
}
