#!/usr/bin/env node
// Cold start-up of `wiredefs gen` and `wiredefs check` on this repo's spec, as ratios to anchors
// measured in the same run (the machines are noisy; absolute times mean little on their own):
//   node        — `node -e 0`
//   node+yaml   — node, import the yaml package, parse protocol.yaml
//   ts-morph    — node + import ts-morph (what building TS with ts-morph's printer would cost)
//   prettier, ruff — node + import the formatter (what formatting at run time would cost)
// Targets from the backbone issue: gen ≤ 0.6 s and check ≤ 0.15 s where node+yaml costs ~0.1 s,
// i.e. gen ≤ 6× and check ≤ 1.5× the node+yaml anchor.
// Usage: npm run build && node bench/startup.mjs [runs]
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? 15);
const scratch = mkdtempSync(join(tmpdir(), "wiredefs-bench-"));
for (const name of ["protocol.yaml", "protocol.lock.json", "generated"]) {
  try {
    cpSync(join(repo, name), join(scratch, name), { recursive: true });
  } catch {
    // protocol.lock.json may not exist yet
  }
}
const bin = join(repo, "bin", "wiredefs.js");
const imp = (m) => `await import(${JSON.stringify(m)})`;

const cases = {
  node: ["-e", "0"],
  "node+yaml": [
    "--input-type=module",
    "-e",
    `const { parseDocument } = ${imp("yaml")}; parseDocument((await import("node:fs")).readFileSync("protocol.yaml", "utf8"));`,
  ],
  "ts-morph": ["--input-type=module", "-e", imp("ts-morph")],
  prettier: ["--input-type=module", "-e", imp("prettier")],
  ruff: ["--input-type=module", "-e", imp("@astral-sh/ruff-wasm-nodejs")],
  "wiredefs gen": [bin, "gen"],
  "wiredefs check": [bin, "check"],
};

// Anchors import packages, so they run in the repo (where node_modules is); wiredefs runs in a
// scratch copy of the spec and outputs so `gen` can write.
function time(cwd, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const [name, args] of Object.entries(cases)) {
  const cwd = name.startsWith("wiredefs") ? scratch : repo;
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(time(cwd, args));
  results[name] = median(samples.slice(1)); // the first run warms the disk cache
}

const anchor = results["node+yaml"];
console.log(`median of ${runs - 1} cold runs each (ms), ratio to node+yaml:`);
for (const [name, ms] of Object.entries(results)) {
  console.log(`  ${name.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / anchor).toFixed(2)}×`);
}
const targets = { "wiredefs gen": 6, "wiredefs check": 1.5 };
for (const [name, limit] of Object.entries(targets)) {
  const ratio = results[name] / anchor;
  console.log(`${ratio <= limit ? "meets" : "MISSES"} target: ${name} ${ratio.toFixed(2)}× ≤ ${limit}×`);
}
