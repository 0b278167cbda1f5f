/**
 * The adversarial corpus (issue 7): every case in test/fixtures/adversarial/cases.json is a spec
 * or a file-system set-up with its exact expected outcome, run through the built CLI in a scratch
 * tree. Every case also holds to the rules no outcome may break: the run ends (no hang), prints
 * no stack trace, and a failing run says why on stderr.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join, posix, relative } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { planLock } from "../../generator/contract/check.js";
import { lockPathFor } from "../../generator/contract/lock.js";
import { generate } from "../../generator/index.js";
import type { GeneratedFile } from "../../generator/model.js";
import { REPO } from "../cli/run.js";
import { defusingProblems } from "./defused.js";
import { cleanUp, removeCliCopy, runCase, type Case, type Outcome } from "./run-case.js";

const ALL = (JSON.parse(readFileSync(join(REPO, "test/fixtures/adversarial/cases.json"), "utf8")) as { cases: Case[] }).cases;
/** WIREDEFS_CORPUS=id,id runs only those cases (to iterate on a fix); the count check then is skipped. */
const ONLY = process.env.WIREDEFS_CORPUS?.split(",");
const CASES = { cases: ONLY === undefined ? ALL : ALL.filter((c) => ONLY.includes(c.id)) };
/** Cases run at once: the CLI is one process each; the machine has two cores. */
const PARALLEL = 3;

const outcomes = new Map<string, Outcome>();

/**
 * At most PARALLEL cases at once (vitest may start more concurrent tests than that). Each case is
 * its own concurrent test, so a slow or hung case holds up only itself, under its own timeout.
 */
let running = 0;
const waiting: (() => void)[] = [];
async function runBounded(c: Case): Promise<Outcome> {
  while (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    const o = await runCase(c);
    outcomes.set(c.id, o);
    return o;
  } finally {
    running--;
    waiting.shift()?.();
  }
}

afterAll(() => {
  for (const o of outcomes.values()) cleanUp(o);
  removeCliCopy();
});

/** `CODE line:col` of every error line the CLI printed (`-` for an error printed without a code). */
function printedErrors(stderr: string): string[] {
  const out: string[] = [];
  for (const m of stderr.matchAll(/^.*?:(\d+):(\d+):? error:? ?(WD\d{3})?/gm)) out.push(`${m[3] ?? "-"} ${m[1]}:${m[2]}`);
  return out;
}

/**
 * `expected` is `CODES LINE:COL`: CODES one code, `A|B` for either, or `*` for any code of the
 * table (where the issue leaves the code to the fix); LINE:COL exact, `LINE:*` for any column of
 * the line, or `*` for any location (used only where the issue fixes no location).
 */
function matches(expected: string, printed: string): boolean {
  const [codes = "", at = ""] = expected.split(" ");
  const [code = "", where = ""] = printed.split(" ");
  const [line = "", col = ""] = at.split(":");
  const placed = at === "*" || (col === "*" ? where.startsWith(`${line}:`) : at === where);
  return placed && (codes === "*" ? /^WD\d{3}$/.test(code) : codes.split("|").includes(code));
}

/** Regular files on disk under the spec's output directories (not the spec, not the lock). */
function outputsOnDisk(o: Outcome, rendered: readonly GeneratedFile[]): GeneratedFile[] {
  const specDir = dirname(join(o.repo, o.specName));
  return rendered.flatMap((f) => {
    const rel = relative(o.dir, join(specDir, f.path));
    const bytes = o.after.get(rel)?.startsWith("file") === true ? readFileSync(join(o.dir, rel), "utf8") : undefined;
    return bytes === undefined ? [] : [{ path: f.path, text: bytes }];
  });
}

function rendered(o: Outcome, c: Case): ReturnType<typeof generate> {
  const cwd = join(o.repo, c.cwd ?? ".");
  const display = relative(cwd, join(o.repo, o.specName)).split("\\").join("/");
  return generate(o.specBytes.toString("utf8").replace(/^\ufeff/, ""), display);
}

describe.concurrent("adversarial corpus", () => {
  test("holds at least 60 cases, each with a unique id, an issue item and an expected exit code", () => {
    const ids = ALL.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL) {
      expect(c.item, c.id).toMatch(/^\d+\.\d+$/);
      expect(c.why.length, c.id).toBeGreaterThan(10);
      expect(c.expect.exit, c.id).toBeDefined();
    }
  });

  for (const c of CASES.cases) {
    test(`[${c.item}] ${c.id}: ${c.why}`, async ({ expect }) => {
      const o = await runBounded(c);
      const e = c.expect;
      const report = o.runs.map((r, i) => `run ${i + 1}: exit ${r.status} ${r.signal ?? ""}\n${r.stderr.slice(0, 2000)}`).join("\n");
      for (const r of o.runs) {
        expect(r.signal, `killed (a hang or a crash)\n${report}`).toBeNull();
        expect(r.stderr, "a stack trace").not.toMatch(/^\s+at .+:\d+:\d+\)?$|node:internal/m);
        if (r.status !== 0) expect(r.stderr.trim().length, "a failing run must say why").toBeGreaterThan(0);
      }
      const statuses = o.runs.map((r) => r.status);
      if (typeof e.exit === "number") expect(statuses, report).toEqual(statuses.map(() => e.exit));
      else {
        expect(statuses.every((s) => (e.exit as readonly number[]).includes(s ?? -1)), report).toBe(true);
        expect(statuses.includes(0), report).toBe(true);
      }
      const first = o.runs[0];
      if (first === undefined) throw new Error("no run");
      const printed = printedErrors(first.stderr);
      const expected = e.errors ?? [];
      expect(
        printed.length === expected.length && expected.every((x, i) => matches(x, printed[i] ?? "")),
        `errors printed: ${JSON.stringify(printed)}; expected ${JSON.stringify(expected)}\n${report}`,
      ).toBe(true);
      for (const text of e.mentions ?? []) expect(first.stderr, report).toContain(text);
      if (e.tree === "unchanged") expect(Object.fromEntries(o.after), "the tree changed").toEqual(Object.fromEntries(o.before));
      for (const path of e.untouched ?? []) {
        const rel = posix.join("repo", path);
        expect(o.after.get(rel), `${path} changed`).toBe(o.before.get(rel));
      }
      for (const path of e.absent ?? []) expect(o.after.has(posix.join("repo", path)), `${path} exists`).toBe(false);
      const needsRender = e.tree === "complete" || e.inert === true || e.linesAsProtocolYaml === true || e.sameAsLf === true;
      if (!needsRender) return;
      const result = rendered(o, c);
      if (!result.ok) throw new Error(`the spec does not render: ${result.diagnostics.map((d) => d.code).join(", ")}`);
      const onDisk = outputsOnDisk(o, result.files);
      if (e.tree === "complete") {
        expect(onDisk.map((f) => f.path), "every output written").toEqual(result.files.map((f) => f.path));
        for (const f of result.files) expect(onDisk.find((g) => g.path === f.path)?.text === f.text, `${f.path} as rendered`).toBe(true);
        const lock = join(dirname(join(o.repo, o.specName)), lockPathFor(basename(o.specName)));
        const plan = planLock(result.protocol, undefined, lock);
        expect(readFileSync(lock, "utf8") === plan.write, "the lock as rendered").toBe(true);
      }
      if (e.inert === true) {
        const problems = defusingProblems(onDisk);
        expect(problems, `${problems.length} problems, first: ${problems.slice(0, 6).join(" | ")}`).toEqual([]);
      }
      if (e.linesAsProtocolYaml === true) {
        const plain = generate(o.specBytes.toString("utf8"), "protocol.yaml");
        if (!plain.ok) throw new Error("the spec does not render as protocol.yaml");
        const count = (t: string): number => t.split("\n").length;
        const lines = onDisk.map((f) => `${f.path}: ${count(f.text)} lines`);
        const expected = plain.files.map((f) => `${f.path}: ${count(f.text)} lines`);
        expect(lines, `line counts ${lines.filter((l) => !expected.includes(l)).join(", ")}; as protocol.yaml ${expected.filter((l) => !lines.includes(l)).join(", ")}`).toEqual(expected);
      }
      if (e.sameAsLf === true) {
        const lf = generate(o.specBytes.toString("utf8").replace(/\r\n?/g, "\n"), result.protocol.file);
        if (!lf.ok) throw new Error("the LF twin does not render");
        expect(onDisk, "the outputs of the LF twin").toEqual(lf.files.map((f) => ({ path: f.path, text: f.text })));
      }
      for (const { file, line } of e.lines ?? []) {
        const text = readFileSync(join(dirname(join(o.repo, o.specName)), file), "utf8");
        expect(text.split("\n"), `${file} holds the line ${line}`).toContain(line);
      }
    });
  }
});
