/**
 * examples/monorepo: one spec at the repository root generates a TypeScript package and a
 * Python package under packages/ (with their package files); a consumer package in each language
 * imports them. In a copy of the example: npm links the workspace (offline), tsc builds both
 * TypeScript packages and the consumer's own tests run; pip installs both Python projects
 * offline (no build isolation, Debian's setuptools) into a venv, the consumer's tests run, and
 * mypy --strict and pyright strict read the generated package's types through its py.typed.
 * Then `wiredefs check` still passes beside the build output (dist/, node_modules/, build/,
 * *.egg-info/), which wiredefs does not own.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../emit/defs-helpers.js";
import { NATIVE_TSC } from "../emit/defs-tooling.js";

const EXAMPLE = join(REPO, "examples/monorepo");
const CLI = join(REPO, "bin/wiredefs.js");

function run(command: string, args: readonly string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}` };
}

function ok(command: string, args: readonly string[], cwd: string): string {
  const r = run(command, args, cwd);
  expect(r.status, `${command} ${args.join(" ")}\n${r.output}`).toBe(0);
  return r.output;
}

/** The interpreter that has mypy (apt's python3-mypy is in the system one). */
const PYTHON = run("python3", ["-c", "import mypy, setuptools"], REPO).status === 0 ? "python3" : "/usr/bin/python3";

/** The Python consumer's sources (not the build/ copy pip leaves beside them). */
const CONSUMER = ["packages/app-py/acme_app", "packages/app-py/tests"];

describe("examples/monorepo", () => {
  it("its committed outputs match its spec", () => {
    expect(ok(process.execPath, [CLI, "check"], EXAMPLE)).toMatch(/generated files match protocol\.yaml/);
  });

  const copy = mkdtempSync(join(tmpdir(), "wiredefs-monorepo-"));
  cpSync(EXAMPLE, copy, { recursive: true, filter: (src) => !/[/\\](?:node_modules|dist|build|venv|[^/\\]*\.egg-info)$/.test(src) });

  it("the TypeScript package builds and the TypeScript consumer's tests pass", () => {
    ok("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], copy);
    ok(process.execPath, [NATIVE_TSC, "-p", "packages/proto-ts"], copy);
    expect(existsSync(join(copy, "packages/proto-ts/dist/messages.d.ts"))).toBe(true);
    ok(process.execPath, [NATIVE_TSC, "-p", "packages/app-ts"], copy);
    const out = ok(process.execPath, ["--test", "test/"], join(copy, "packages/app-ts"));
    expect(out).toMatch(/# pass 3\n/);
    expect(out).toMatch(/# fail 0\n/);
  });

  it("the Python packages install offline and the Python consumer's tests pass, typed for mypy and pyright", () => {
    const venv = join(copy, "venv");
    ok(PYTHON, ["-m", "venv", "--system-site-packages", "--without-pip", venv], copy);
    const py = join(venv, "bin/python");
    ok(py, ["-m", "pip", "install", "-q", "--no-build-isolation", "--no-index", "packages/proto-py", "packages/app-py"], copy);
    const tests = ok(py, ["-m", "unittest", "discover", "-s", "packages/app-py/tests"], copy);
    expect(tests).toMatch(/Ran 3 tests/);
    expect(ok(py, ["-m", "mypy", "--strict", "--python-version", "3.9", "--no-incremental", ...CONSUMER], copy)).toMatch(/^Success/);
    writeFileSync(join(copy, "pyrightconfig.json"), JSON.stringify({ typeCheckingMode: "strict", pythonVersion: "3.9" }));
    const pyright = ok(join(REPO, "node_modules/.bin/pyright"), ["--pythonpath", py, ...CONSUMER], copy);
    expect(pyright).toMatch(/0 errors, 0 warnings/);
  });

  it("check still passes beside the build output it does not own", () => {
    expect(existsSync(join(copy, "packages/proto-py/acme_proto.egg-info"))).toBe(true);
    expect(existsSync(join(copy, "packages/proto-ts/dist"))).toBe(true);
    expect(ok(process.execPath, [CLI, "check"], copy)).toMatch(/generated files match protocol\.yaml/);
  });
});
