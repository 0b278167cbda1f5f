/**
 * The checkers users run: mypy --strict for Python 3.9 over the generated Python, TypeScript's
 * default settings (no strictNullChecks) over the generated TypeScript, and `wiredefs check` on
 * a real git clone with core.autocrlf=true, which must say plainly that only line endings differ.
 * Each tool runs once over a batch of specs (the seed, and one of wide text).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { NATIVE_TSC } from "./defs-tooling.js";
import { REPO, SEED_SPEC } from "./defs-helpers.js";

const WIDE = `wiredefs: 1
protocol:
  name: wide_text
  channel: wide
  version: 1
actors:
  a:
    doc: A
  b:
    doc: B
keys:
  WideKey:
    keys:
      NAME:
        value: "名前🎉"
        type: string
      COUNT:
        value: "数"
        type: int
topics:
  Topic:
    keys: WideKey
    topics:
      HELLO:
        from: a
        to: b
        payload:
          required: [NAME]
          optional: [COUNT]
outputs:
  typescript:
    dir: generated/ts
  python:
    dir: generated/python
`;

const root = mkdtempSync(join(tmpdir(), "wiredefs-checkers-"));
const specs = { seed: SEED_SPEC, wide: WIDE };
for (const [name, spec] of Object.entries(specs)) {
  const result = generate(spec, "protocol.yaml");
  if (!result.ok) throw new Error(`${name} rejected`);
  for (const f of result.files) {
    const path = join(root, name, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
}
writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');

function run(command: string, args: readonly string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}` };
}

describe("checkers the team runs", () => {
  it("mypy --strict (Python 3.9) finds nothing", () => {
    const packages = ["seed/generated/python/client_api", "wide/generated/python/wide_text"];
    // apt's python3-mypy lives in the system interpreter, which may not be the first python3 on PATH.
    const python = run("python3", ["-c", "import mypy"], root).status === 0 ? "python3" : "/usr/bin/python3";
    const r = run(python, ["-m", "mypy", "--strict", "--python-version", "3.9", "--no-incremental", ...packages], root);
    expect(r.output).toMatch(/^Success: no issues found in \d+ source files\n$/);
    expect(r.status).toBe(0);
  });

  it("tsc with TypeScript's default settings (no strict, no strictNullChecks) compiles the modules", () => {
    const files = ["seed/generated/ts/index.ts", "wide/generated/ts/index.ts"];
    const r = run(process.execPath, [NATIVE_TSC, "--noEmit", "--module", "nodenext", "--target", "es2022", "--types", "", ...files], root);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("check on a clone with core.autocrlf=true says only line endings differ", () => {
    const origin = join(root, "origin");
    mkdirSync(origin);
    writeFileSync(join(origin, "protocol.yaml"), SEED_SPEC);
    const cli = join(REPO, "bin/wiredefs.js");
    expect(run(process.execPath, [cli, "gen"], origin).status).toBe(0);
    const git = (args: string[], cwd: string): void => {
      const r = run("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], cwd);
      expect(r.status, r.output).toBe(0);
    };
    git(["init", "-q"], origin);
    git(["add", "-A"], origin);
    git(["commit", "-qm", "outputs"], origin);
    const clone = join(root, "clone");
    git(["-c", "core.autocrlf=true", "clone", "-q", origin, clone], root);
    const r = run(process.execPath, [cli, "check"], clone);
    expect(r.status).toBe(1);
    expect(r.output).toContain("generated/ts/defs.ts: only line endings differ (CRLF on disk");
    expect(r.output).toContain("protocol.lock.json differs only in line endings");
    // No line-by-line diff: the message is the whole story.
    expect(r.output).not.toMatch(/^-export const/m);
    expect(r.output).toMatch(/^stale: generated\/ts\/defs\.ts \(only line endings differ: CRLF on disk\)$/m);
    // --stat has no lines to count: it says why instead of `+0 -0`.
    const stat = run(process.execPath, [cli, "check", "--stat"], clone);
    expect(stat.status).toBe(1);
    expect(stat.output).toMatch(/^stale +generated\/ts\/defs\.ts +\| only line endings differ: CRLF on disk$/m);
    expect(stat.output).not.toContain("+0 -0");
    // And the fix it names works: LF again, check passes.
    cpSync(join(origin, "generated"), join(clone, "generated"), { recursive: true });
    cpSync(join(origin, "protocol.lock.json"), join(clone, "protocol.lock.json"));
    cpSync(join(origin, "protocol.files.json"), join(clone, "protocol.files.json"));
    expect(run(process.execPath, [cli, "check"], clone).status).toBe(0);
  });
});
