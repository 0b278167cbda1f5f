#!/usr/bin/env node
/**
 * `npm run fuzz [-- --specs N --batch M --tools T --seed S]`: the long fuzz run. Draws random
 * seeds and runs the fuzz suite (test/fuzz/pipeline.test.ts) once per seed with M specs (default
 * 500), until N specs (default 10,000) have been drawn. Every accepted spec goes through the
 * in-process checks (determinism, LF, the defusing property, the lock, lint); T of each batch
 * (default 40) also through the external tools, which run once per batch. Every
 * failing batch is reported with its seed and the command that replays it. Exit 1 when any batch
 * failed. Not part of `npm test`, which runs the same suite with fixed seeds only.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomInt } from "node:crypto";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const total = option("specs", 10_000);
const batch = option("batch", 500);
/** Accepted specs per batch that go through the external tools (all go through the in-process checks). */
const tools = option("tools", 40);
const firstSeed = option("seed", undefined);
const repo = fileURLToPath(new URL("../..", import.meta.url));

const logs = mkdtempSync(join(tmpdir(), "wiredefs-fuzz-logs-"));
const failures = [];
let drawn = 0;
let accepted = 0;
let throughTools = 0;
/** Failing test name → the batches it failed in. */
const failedTests = new Map();
for (let i = 0; drawn < total; i++) {
  const seed = i === 0 && firstSeed !== undefined ? firstSeed : randomInt(2 ** 31);
  const count = Math.min(batch, total - drawn);
  const replay = `WIREDEFS_FUZZ_SEED=${seed} WIREDEFS_FUZZ_COUNT=${count} WIREDEFS_FUZZ_TOOLS=${tools} npx vitest run --testTimeout=3600000 --hookTimeout=3600000 test/fuzz/pipeline.test.ts`;
  const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--testTimeout=3600000", "--hookTimeout=3600000", "test/fuzz/pipeline.test.ts"], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, WIREDEFS_FUZZ_SEED: String(seed), WIREDEFS_FUZZ_COUNT: String(count), WIREDEFS_FUZZ_TOOLS: String(tools), NO_COLOR: "1" },
    maxBuffer: 256 * 1024 * 1024,
  });
  drawn += count;
  const summary = /fuzz: (\d+)\/(\d+) random specs accepted; (\d+) checked in process; (\d+) through the tools/.exec(run.stdout);
  if (summary !== null) {
    accepted += Number(summary[1]);
    throughTools += Number(summary[4]);
  }
  const ok = run.status === 0;
  process.stdout.write(`batch ${i + 1}: seed ${seed}, ${count} specs (${summary?.[1] ?? "?"} accepted): ${ok ? "ok" : "FAILED"} [${drawn}/${total}]\n`);
  if (!ok) {
    failures.push({ seed, count, replay });
    const output = run.stdout + run.stderr;
    for (const m of output.matchAll(/^ FAIL {2}test\/fuzz\/pipeline\.test\.ts > (.+)$/gm)) {
      const name = m[1] ?? "";
      failedTests.set(name, [...(failedTests.get(name) ?? []), seed]);
    }
    const log = join(logs, `seed-${seed}.log`);
    writeFileSync(log, output);
    // Each failing test's name, its problem count and its five commonest kinds of problem.
    const lines = output.split("\n");
    const shown = [];
    lines.forEach((l, at) => {
      if (!/^ FAIL /.test(l)) return;
      shown.push(l, ...lines.slice(at + 1, at + 3).filter((x) => /Error/.test(x)));
      const kinds = lines.indexOf("kinds:", at);
      if (kinds > at && kinds < at + 4) shown.push(...lines.slice(kinds + 1, kinds + 6));
    });
    process.stdout.write(`${shown.join("\n")}\n  full output: ${log}\n  replay: ${replay}\n`);
  }
}
process.stdout.write(
  `\nfuzz: ${drawn} specs drawn, ${accepted} accepted and checked in process, ${throughTools} through the external tools; ${failures.length} failing batches\n`,
);
for (const [name, seeds] of failedTests) process.stdout.write(`  failed in ${seeds.length} batches: ${name}\n`);
for (const f of failures) process.stdout.write(`  seed ${f.seed} (${f.count} specs) — replay: ${f.replay}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
