#!/usr/bin/env node
// `npm run bench`: every performance target of the project as a ratio against anchors measured
// in the same run, in one table (printed, and written into bench/README.md with --write).
//
//   validators   bench/validators-ts.mjs and bench/validators-py.py (their own paired runs, verdicts
//                checked equal on every message before any timing counts), and the import cost
//                of each runtime's module (CPU time over an empty module / a bare interpreter)
//   tree-shaking bench/tree-shaking.mjs: bundles of `Topic` alone, by esbuild and rollup
//   generation   cold CLI processes: check and gen on this repo's spec, gen on 2,000 / 20,000 names
//                and 1,000 / 10,000 keys in one payload, json2ts on each spec's schema, buf generate
//
// Medians of ≥ 5 runs (the first of each case discarded), round-robin so load that comes and goes
// hits every case alike; the load average before and after is printed. Not part of `npm test`.
// Usage: npm run bench [-- --runs N] [-- --write]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { anchors } from "./anchors.mjs";
import { generationCases } from "./generation.mjs";
import { transpiledIndex, treeShaking } from "./tree-shaking.mjs";
import { measureAll, rssMethod, table } from "./measure.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const runsAt = argv.indexOf("--runs");
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 6;
if (!Number.isInteger(runs) || runs < 6) throw new Error("--runs must be an integer ≥ 6 (the first is discarded: medians of ≥ 5)");
const write = argv.includes("--write");
if (!existsSync(join(repo, "dist", "wiredefs.js"))) throw new Error("dist/wiredefs.js is missing: npm run build first");

const scratch = mkdtempSync(join(tmpdir(), "wiredefs-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const loadBefore = load();
const started = Date.now();
const say = (line) => process.stderr.write(`${line}\n`);

/** One row: what, measured, anchor, ratio, goal, verdict. */
const rows = [];
const x = (r) => `${r.toFixed(2)}×`;
const jsonLines = (text) => text.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
function row(what, measured, anchor, ratio, goal, met) {
  rows.push([what, measured, anchor, ratio === undefined ? "" : x(ratio), goal, met === undefined ? "" : met ? "meets" : "MISSES"]);
}

// --- validators: each script checks every contender's verdict on every message before timing,
// and prints the same JSON lines: `{measure: "<name> throughput", msgPerSec}` per contender and
// `{measure, value, unit, target, met}` per target.
for (const [label, command, script, args] of [
  ["TS", process.execPath, "validators-ts.mjs", ["--rounds", String(runs + 1)]],
  ["Python", "python3", "validators-py.py", ["--runs", String(runs - 1)]],
]) {
  say(`${label} validators: bench/${script} ${args.join(" ")}`);
  const r = spawnSync(command, [join(repo, "bench", script), ...args], { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`bench/${script} failed:\n${r.stderr}`);
  for (const m of jsonLines(r.stdout)) {
    if (m.msgPerSec !== undefined) row(`${label} ${m.measure}`, `${m.msgPerSec.toLocaleString("en")} msg/s`, "", undefined, "", undefined);
    else if (m.value !== undefined) row(`${label} ${m.measure}`, `${m.value} ${m.unit}`, "same run", undefined, m.target, m.met);
  }
}

// --- imports
// The load of the Python constants module and of the TypeScript index are measured by the
// validator benches above (CPU time over a bare interpreter / an empty module).
say("imports: tree-shaken bundles");
const out = join(scratch, "ts");
transpiledIndex(repo, out);
for (const b of await treeShaking(repo, out)) {
  if (b.dropped) row(`bundle of Topic only, ${b.bundler}`, "not measured", b.dropped, undefined, "no validator code", false);
  else row(`bundle of Topic only, ${b.bundler}`, `${b.bytes} B`, "", undefined, "no validator code", !b.validators);
}

// --- generation
say("generation: preparing scratch trees (the big specs are generated once first)");
const gen = generationCases(repo, join(scratch, "gen"));
const anchorCases = anchors(repo, join(repo, "generated", "schema", "messages.schema.json"), join(scratch, "anchors")).filter(
  (c) => c.name === "buf generate" || c.name === "node",
);
const cases = [...gen.cases, ...anchorCases.filter((c) => !c.dropped)];
say(`generation: ${cases.length} cases, ${runs} rounds (round 1 discarded)`);
const results = measureAll(cases, runs, (round) => say(`generation round ${round}/${runs} done, load ${load()}, ${((Date.now() - started) / 1000).toFixed(0)} s`));
const ms = (name) => results.get(name)?.ms;
const rss = (name) => results.get(name)?.rssMB;
const t = (v) => (v === undefined ? "n/a" : `${v.toFixed(0)} ms`);
const mb = (v) => (v === undefined || v === null ? "n/a" : `${v.toFixed(0)} MB`);
const versus = (what, name, anchorName, goal, limit) => {
  const a = ms(name);
  const b = ms(anchorName);
  if (a === undefined || b === undefined) return row(what, t(a), `${anchorName}: n/a`, undefined, goal, false);
  row(what, t(a), `${anchorName}: ${t(b)}`, a / b, goal, a / b <= limit);
};
versus("check, seed spec, cold", "check seed", "json2ts seed", "≤ 0.5× json2ts", 0.5);
versus("check after a one-byte edit (full path)", "check seed edited", "json2ts seed", "", Infinity);
{
  const { edited, missed } = gen.caught;
  const what = missed.length === 0 ? `${edited} of ${edited} caught` : `missed: ${missed.join(", ")}`;
  row("check catches a one-byte edit of each generated file", what, "", undefined, "every one (exit 1)", missed.length === 0);
}
versus("npm run check (generator up to date)", "npm run check", "json2ts seed", "", Infinity);
row("npm run check rebuilds an up-to-date generator", gen.rebuilt ? "rebuilt" : "no rebuild", "", undefined, "no rebuild", !gen.rebuilt);
versus("gen, seed spec, cold, empty tree", "gen seed", "json2ts seed", "", Infinity);
versus("gen, seed spec, untouched tree (fast path)", "gen seed untouched", "json2ts seed", "", Infinity);
if (ms("buf generate") !== undefined) versus("gen, seed spec vs buf generate + protoc-gen-es", "gen seed", "buf generate", "", Infinity);
versus("gen growth, 2,000 → 20,000 names", "gen 20,000 names", "gen 2,000 names", "≤ 10×", 10);
versus("gen growth, 1,000 → 10,000 keys in one payload", "gen 10,000 keys", "gen 1,000 keys", "≤ 10×", 10);
versus("gen growth, 200 → 2,000 channels", "gen 2,000 channels", "gen 200 channels", "≤ 10×", 10);
versus("gen, 20,000 names, time", "gen 20,000 names", "json2ts 20,000 names", "≤ 0.1× json2ts", 0.1);
{
  const a = rss("gen 20,000 names");
  const b = rss("json2ts 20,000 names");
  const ok = a !== undefined && a !== null && b !== undefined && b !== null;
  row("gen, 20,000 names, peak RSS", mb(a), `json2ts 20,000 names: ${mb(b)}`, ok ? a / b : undefined, "≤ 0.25× json2ts", ok && a / b <= 0.25);
}
const built = readFileSync(join(repo, "dist", ".bundle.stamp"), "utf8");

const header = ["target", "measured", "anchor (same run)", "ratio", "goal", "verdict"];
const text = [
  `wiredefs benchmarks: medians of ${runs - 1} runs (first discarded), round-robin; node ${process.version}, ${availableParallelism()} CPUs`,
  `load average (1/5/15 min) ${loadBefore} before, ${load()} after; ${((Date.now() - started) / 1000).toFixed(0)} s; peak RSS by ${rssMethod}; generator build ${built.slice(0, 12)}`,
  "",
  table(header, rows, ["l", "l", "l", "r", "l", "l"]),
  ...gen.dropped.map((d) => `dropped ${d}`),
  ...anchorCases.filter((c) => c.dropped).map((c) => `dropped ${c.name}: ${c.dropped}`),
].join("\n");
console.log(text);

if (write) {
  const readme = join(repo, "bench", "README.md");
  const before = existsSync(readme) ? readFileSync(readme, "utf8") : "";
  const start = "<!-- bench:table -->";
  const end = "<!-- /bench:table -->";
  const block = `${start}\n\`\`\`text\n${text}\n\`\`\`\n${end}`;
  const next = before.includes(start) ? before.replace(new RegExp(`${start}[\\s\\S]*${end}`), block) : `${before}\n${block}\n`;
  writeFileSync(readme, next);
  say("bench/README.md: table updated");
}
