#!/usr/bin/env node
// How generation grows with the spec: `generate()` (load, check, names, every emitter, the
// conformance vectors) on big specs from big-specs.mjs, each in its own cold Node process,
// reporting wall-clock and peak RSS and the growth ratio between sizes:
//
//   names   a protocol with 2,000 and 20,000 names
//   keys    one payload with 1,000 and 10,000 keys
//   chain   100 and 1,000 chained records
//   channels 200 and 2,000 channels, each with a topic set of its own
//
// Linear generation grows about 10× when the spec grows 10×; the quadratic stages this replaced
// grew 100× or ran out of memory. Not part of `npm test` (timing on a shared machine is noisy).
// Usage: npm run build && node bench/scaling.mjs [runs]   (default 3; the median is reported)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "dist", "wiredefs.js");
if (!existsSync(dist)) throw new Error("dist/wiredefs.js is missing: npm run build first");
const runs = Number(process.argv[2] ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error("runs must be a positive integer");

// One child per measurement: it builds the spec, then times generate() and reports its own peak RSS.
const CHILD = `
import { generate } from ${JSON.stringify(new URL(`file://${dist}`).href)};
import * as specs from ${JSON.stringify(new URL(`file://${join(here, "big-specs.mjs")}`).href)};
const text = specs[process.argv[1]](Number(process.argv[2]));
const start = performance.now();
const result = generate(text, "protocol.yaml");
const ms = performance.now() - start;
if (!result.ok) throw new Error(result.diagnostics.map((d) => d.code + " " + d.message).join("; "));
const bytes = result.files.reduce((n, f) => n + f.text.length, 0);
console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, specBytes: text.length, bytes }));
`;

function measure(builder, n) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD, builder, String(n)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`${builder}(${n}) failed:\n${r.stderr}`);
    samples.push(JSON.parse(r.stdout));
  }
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[Math.floor(samples.length / 2)];
  return { ...median, rssMB: Math.max(...samples.map((s) => s.rssMB)) };
}

const CASES = [
  ["names", "namesSpec", 2_000, 20_000],
  ["keys in one payload", "keysSpec", 1_000, 10_000],
  ["chained records", "chainSpec", 100, 1_000],
  ["channels", "channelsSpec", 200, 2_000],
];

const load = () => loadavg()[0].toFixed(1);
console.log(`generate() on big specs, median of ${runs} cold run(s); load average ${load()} at the start`);
const rows = [];
for (const [what, builder, small, big] of CASES) {
  const a = measure(builder, small);
  const b = measure(builder, big);
  rows.push({ what, small, big, a, b });
}
const fmt = (x, digits = 0) => x.toFixed(digits);
const mb = (bytes) => fmt(bytes / 1e6, 1);
console.log("");
console.log("| spec | size | spec MB | output MB | time ms | peak RSS MB |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const { what, small, big, a, b } of rows) {
  console.log(`| ${what} | ${small.toLocaleString("en")} | ${mb(a.specBytes)} | ${mb(a.bytes)} | ${fmt(a.ms)} | ${fmt(a.rssMB)} |`);
  console.log(`| ${what} | ${big.toLocaleString("en")} | ${mb(b.specBytes)} | ${mb(b.bytes)} | ${fmt(b.ms)} | ${fmt(b.rssMB)} |`);
}
console.log("");
console.log("| spec | growth of the spec | of the output | of the time | of peak RSS |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const { what, a, b } of rows) {
  console.log(
    `| ${what} | ${fmt(b.specBytes / a.specBytes, 1)}× | ${fmt(b.bytes / a.bytes, 1)}× | ${fmt(b.ms / a.ms, 1)}× | ${fmt(b.rssMB / a.rssMB, 1)}× |`,
  );
}
console.log(`\nload average ${load()} at the end`);
