/**
 * One gen at a time per spec directory (.wiredefs.lock): concurrent runs leave one complete
 * result; a live holder makes the second run wait and then fail with exit 2; a stale lock (its
 * process is gone) is taken over; a lock path that is a directory is one clear line.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { giveAway, scratchForUnprivileged, startUnprivileged, tree, unprivileged } from "./harness.js";

const LOCK = ".wiredefs.lock";

/** What `spec` (a file in `dir`) renders into generated/, in memory. */
function rendered(dir: string, spec: string): Map<string, string> {
  const result = generate(readFileSync(join(dir, spec), "utf8"), spec);
  if (!result.ok) throw new Error(`${spec} does not load`);
  return new Map(result.files.map((f) => [f.path, f.text]));
}

function generatedFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, entry] of tree(dir)) {
    if (path.startsWith("generated/") && entry.startsWith("file ")) out.set(path, readFileSync(join(dir, path), "utf8"));
  }
  return out;
}

/** A process id that is not running (the highest pid Linux allows is below 2^22). */
const DEAD_PID = 4_194_305;

describe("gen's lock", () => {
  it("concurrent gens of two specs writing the same outputs leave exactly one spec's complete result", { timeout: 600_000 }, async () => {
    const dir = scratchForUnprivileged();
    const base = readFileSync(join(dir, "protocol.yaml"), "utf8");
    for (const [name, year] of [["a.yaml", "2031"], ["b.yaml", "2032"]] as const) {
      writeFileSync(join(dir, name), base.replace("Copyright (c) 2025", `Copyright (c) ${year}`).replace(/^( {2}title: .*)\.$/m, `$1 ${year}.`));
      writeFileSync(join(dir, name.replace(".yaml", ".lock.json")), readFileSync(join(dir, "protocol.lock.json")));
    }
    giveAway(dir);
    const a = rendered(dir, "a.yaml");
    const b = rendered(dir, "b.yaml");
    expect(a).not.toEqual(b);
    // A generous wait: on a busy machine each run may queue behind the other three.
    const gen = (spec: string) => startUnprivileged(["gen", "--spec", spec, "--lock-timeout", "300"], dir);
    for (let round = 0; round < 2; round++) {
      const runs = await Promise.all([gen("a.yaml"), gen("b.yaml"), gen("a.yaml"), gen("b.yaml")]);
      for (const r of runs) expect([r.status, r.stderr]).toEqual([0, ""]);
      const now = generatedFiles(dir);
      expect(now.size).toBe(a.size);
      expect([a, b].some((expected) => [...expected].every(([path, text]) => now.get(path) === text))).toBe(true);
      expect(existsSync(join(dir, LOCK))).toBe(false);
    }
  });

  it("a live holder: the second run waits up to --lock-timeout, then fails with exit 2 and changes nothing", () => {
    const dir = scratchForUnprivileged();
    const spec = join(dir, "protocol.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("Copyright (c) 2025", "Copyright (c) 2031"));
    const holder = { pid: process.pid, host: hostname(), since: "2030-01-01T00:00:00.000Z" };
    writeFileSync(join(dir, LOCK), `${JSON.stringify(holder)}\n`);
    giveAway(dir);
    const before = tree(dir);
    const r = unprivileged(["gen", "--lock-timeout", "0.2"], dir);
    expect(r.stderr).toBe(
      `wiredefs: cannot lock ${LOCK}: another wiredefs gen (pid ${process.pid} on ${hostname()}, since 2030-01-01T00:00:00.000Z) is writing these outputs\n` +
        `  hint: wait for it to finish and run gen again; if no gen is running, delete ${LOCK}; no file was changed.\n`,
    );
    expect(r.status).toBe(2);
    expect(tree(dir)).toEqual(before);
  });

  it("a stale lock left by a run that died is taken over, and released after the run", () => {
    const dir = scratchForUnprivileged();
    writeFileSync(join(dir, LOCK), `${JSON.stringify({ pid: DEAD_PID, host: hostname(), since: "2030-01-01T00:00:00.000Z" })}\n`);
    giveAway(dir);
    const r = unprivileged(["gen", "--lock-timeout", "0"], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, LOCK))).toBe(false);
  });

  it("a lock path that is a directory: one line, exit 2", () => {
    const dir = scratchForUnprivileged();
    mkdirSync(join(dir, LOCK));
    giveAway(dir);
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(new RegExp(`^wiredefs: cannot lock \\${LOCK}: it is a directory\\n {2}hint: [^\\n]+; no file was changed\\.\\n$`));
    expect(r.status).toBe(2);
    expect(tree(dir)).toEqual(before);
  });
});
