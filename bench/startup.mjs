#!/usr/bin/env node
// Cold `wiredefs gen` and `wiredefs check` on this repo's spec (in scratch copies) against anchors
// measured in the same run (bench/anchors.mjs): median wall-clock of N cold runs (the first
// discarded) and peak RSS, as ratios, because absolute times on a noisy machine mean little.
// Targets from the backbone issue: gen ≤ 0.6 s and check ≤ 0.15 s where node+yaml costs ~0.1 s,
// i.e. gen ≤ 6× and check ≤ 1.5× the node+yaml anchor.
// Usage: npm run build && node bench/startup.mjs [runs]    (default 15; or npm run bench)
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { anchors } from "./anchors.mjs";
import { measureAll, rssMethod, runOnce, table } from "./measure.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? 15);
if (!Number.isInteger(runs) || runs < 2)
  throw new Error("runs must be an integer ≥ 2 (the first is discarded)");
const bin = join(repo, "bin", "wiredefs.js");
if (!existsSync(join(repo, "dist", "wiredefs.js")))
  throw new Error("dist/wiredefs.js is missing: npm run build first");

// One scratch copy of the spec, lock and outputs per wiredefs case, so `gen` may write and a
// fresh `gen` may start from nothing without disturbing the others.
const scratch = mkdtempSync(join(tmpdir(), "wiredefs-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const copy = (name) => {
  const dir = join(scratch, name);
  for (const f of ["protocol.yaml", "protocol.lock.json", "protocol.files.json", "generated"]) {
    if (existsSync(join(repo, f))) cpSync(join(repo, f), join(dir, f), { recursive: true });
  }
  // Bring the copy up to date with the built generator, so `check` measures a clean tree.
  runOnce({ cmd: process.execPath, args: [bin, "gen"], cwd: dir });
  return dir;
};
const [genDir, freshDir, checkDir] = ["gen", "fresh", "check"].map(copy);
const wd = (dir, cmd) => [{ cmd: process.execPath, args: [bin, cmd], cwd: dir }];
const wiredefs = [
  {
    name: "wiredefs gen",
    did: "gen, outputs up to date: render all, write none",
    steps: wd(genDir, "gen"),
  },
  {
    name: "wiredefs gen fresh",
    did: "gen into an empty generated/: render and write all",
    steps: wd(freshDir, "gen"),
    setup: () => rmSync(join(freshDir, "generated"), { recursive: true, force: true }),
  },
  {
    name: "wiredefs check",
    did: "check: regenerate in memory, compare, lock",
    steps: wd(checkDir, "check"),
  },
];
const all = [
  ...anchors(repo, join(checkDir, "generated/schema/messages.schema.json"), join(scratch, "out")),
  ...wiredefs,
];
const cases = all.filter((c) => !c.dropped);

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const loadBefore = load();
const started = Date.now();
const tty = process.stderr.isTTY;
const results = measureAll(
  cases,
  runs,
  (round) => tty && process.stderr.write(`\rround ${round}/${runs}`),
);
if (tty) process.stderr.write("\n");

const ms = (name) => results.get(name).ms;
const anchor = ms("node+yaml");
const gen = ms("wiredefs gen fresh");
const check = ms("wiredefs check");
const x = (r) => `${r.toFixed(2)}×`;
const named = new Set([
  "json2ts",
  "quicktype",
  "buf build",
  "buf lint",
  "buf breaking",
  "node+yaml",
  "ts-morph",
  "prettier",
  "ruff",
]);
const rows = cases.map((c) => {
  const r = results.get(c.name);
  const versus = named.has(c.name) ? [x(gen / r.ms), x(check / r.ms)] : ["", ""];
  return [
    c.name,
    c.did,
    r.ms.toFixed(0),
    r.rssMB === null ? "n/a" : r.rssMB.toFixed(0),
    x(r.ms / anchor),
    ...versus,
  ];
});

console.log(
  `wiredefs cold start-up: median of ${runs - 1} runs each (first discarded), round-robin`,
);
console.log(
  `node ${process.version}, ${availableParallelism()} CPUs, load average (1/5/15 min) ${loadBefore} before, ${load()} after, ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log(
  `peak RSS: ${rssMethod}, median over the runs; a case of several processes sums their times and takes the largest RSS\n`,
);
console.log(
  table(
    [
      "tool",
      "what it did",
      "median ms",
      "peak RSS MB",
      "÷ node+yaml",
      "gen fresh ÷ it",
      "check ÷ it",
    ],
    rows,
    ["l", "l", "r", "r", "r", "r", "r"],
  ),
);
for (const c of all.filter((c) => c.dropped)) console.log(`dropped ${c.name}: ${c.dropped}`);
console.log("");
const targets = [
  ["wiredefs gen", 6],
  ["wiredefs gen fresh", 6],
  ["wiredefs check", 1.5],
];
for (const [name, limit] of targets) {
  const ratio = ms(name) / anchor;
  console.log(
    `${ratio <= limit ? "meets" : "MISSES"} target: ${name} ${x(ratio)} node+yaml ≤ ${limit}×`,
  );
}
