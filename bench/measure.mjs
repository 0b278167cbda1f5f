// Measuring one cold process: wall-clock from spawn to exit, and its peak resident set size.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, the child's ru_maxrss) when it is there.
// Without it, a Node child reports its own `process.resourceUsage().maxRSS` through a preloaded
// probe (rss-probe.cjs); any other child's RSS is then unknown (null), never guessed.
// WIREDEFS_BENCH_TIME names another GNU time (a path that does not exist tries the fallback).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const TIME = process.env.WIREDEFS_BENCH_TIME ?? "/usr/bin/time";
const rssFile = join(tmpdir(), `wiredefs-bench-rss-${process.pid}`);
process.on("exit", () => rmSync(rssFile, { force: true }));

function gnuTimeWorks() {
  if (!existsSync(TIME)) return false;
  const r = spawnSync(TIME, ["-f", "%M", "-o", rssFile, "true"]);
  return r.status === 0 && /^\d+\s*$/.test(readText(rssFile) ?? "");
}

function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** How peak RSS is measured in this run, for the report. */
export const rssMethod = gnuTimeWorks()
  ? "GNU time (%M)"
  : "Node children only (process.resourceUsage().maxRSS); others n/a";
const useTime = rssMethod.startsWith("GNU");

/**
 * Run one step ({ cmd, args, cwd, allowFailure? }) to completion; exit 1 is expected with allowFailure
 * (a check that finds drift), any other failure throws.
 * @returns {{ ms: number, rssKB: number | null, status: number, output: string }}
 */
export function runOnce({ cmd, args, cwd, allowFailure = false }) {
  rmSync(rssFile, { force: true });
  let file = cmd;
  let argv = args;
  let env = process.env;
  if (useTime) {
    file = TIME;
    argv = ["-f", "%M", "-o", rssFile, cmd, ...args];
  } else if (cmd === process.execPath) {
    const probe = join(here, "rss-probe.cjs");
    env = { ...process.env, WIREDEFS_BENCH_RSS_FILE: rssFile };
    argv = ["--require", probe, ...args];
  }
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0 && !(allowFailure && r.status === 1)) {
    throw new Error(`${[cmd, ...args].join(" ")} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  }
  // GNU time's file may carry a "Command exited…" line first; the number is the last line.
  const last = (readText(rssFile) ?? "").trim().split("\n").pop();
  const rssKB = /^\d+$/.test(last ?? "") ? Number(last) : null;
  return { ms, rssKB, status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** One sample of a case: its steps in order; wall-clock adds up, peak RSS is the largest. */
export function sample(steps) {
  let ms = 0;
  let rssKB = 0;
  for (const step of steps) {
    const r = runOnce(step);
    ms += r.ms;
    rssKB = r.rssKB === null || rssKB === null ? null : Math.max(rssKB, r.rssKB);
  }
  return { ms, rssKB };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Measure every case round-robin (one run of each per round, so load that comes and goes hits
 * them alike); the first round only warms caches and is discarded.
 * @param {{ name: string, steps: object[], setup?: () => void }[]} cases
 * @returns {Map<string, { ms: number, rssMB: number | null }>}
 */
export function measureAll(cases, runs, onRound = () => {}) {
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < runs; round++) {
    for (const c of cases) {
      c.setup?.();
      const s = sample(c.steps);
      if (round > 0) samples.get(c.name).push(s);
    }
    onRound(round + 1);
  }
  const out = new Map();
  for (const [name, xs] of samples) {
    const rss = xs.map((x) => x.rssKB);
    out.set(name, {
      ms: median(xs.map((x) => x.ms)),
      rssMB: rss.includes(null) ? null : median(rss) / 1024,
    });
  }
  return out;
}

/** Left- or right-aligned plain-text table. */
export function table(header, rows, align) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (align[i] === "r" ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
