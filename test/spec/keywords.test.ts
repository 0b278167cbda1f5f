/** The per-language reserved-name lists the spec and names stages share. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { PYTHON_BUILTINS, PYTHON_KEYWORDS, PYTHON_RESERVED, PYTHON_STDLIB_MODULES } from "../../generator/names/keywords-python.js";
import { isIdentifier, TYPESCRIPT_RESERVED } from "../../generator/names/keywords-typescript.js";

describe("keyword lists", () => {
  it("hold the hard keywords of both languages", () => {
    for (const k of ["class", "def", "None", "True", "False", "lambda", "nonlocal", "async", "await"]) expect(PYTHON_RESERVED.has(k), k).toBe(true);
    for (const k of ["class", "enum", "delete", "typeof", "let", "yield", "implements", "await", "arguments"]) expect(TYPESCRIPT_RESERVED.has(k), k).toBe(true);
  });

  it("reserve the Python builtins at module level, but not the soft keywords", () => {
    for (const k of ["type", "str", "int", "float", "bool", "dict", "list", "object", "len", "ValueError", "PythonFinalizationError"]) {
      expect(PYTHON_RESERVED.has(k), k).toBe(true);
    }
    // match, case and _ are ordinary names to Python; type is kept from module level as a builtin.
    for (const k of ["match", "case", "_"]) expect(PYTHON_RESERVED.has(k), k).toBe(false);
    for (const k of ["match", "case", "type", "_"]) expect(PYTHON_KEYWORDS.has(k), k).toBe(false);
  });

  it("match the builtins of the running python3, where there is one", () => {
    const run = spawnSync("python3", ["-c", "import builtins; print(' '.join(n for n in dir(builtins) if not n.startswith('_')))"], { encoding: "utf8" });
    if (run.status !== 0) return;
    const running = run.stdout.trim().split(" ").filter((n) => !PYTHON_KEYWORDS.has(n));
    expect(running.filter((n) => !PYTHON_BUILTINS.has(n))).toEqual([]);
  });

  it("hold every public top-level module of the standard library of the python3 at hand", () => {
    const run = spawnSync("python3", ["-c", "import sys; print(' '.join(sorted(n for n in sys.stdlib_module_names if not n.startswith('_'))))"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const running = run.stdout.trim().split(" ");
    expect(running.length).toBeGreaterThan(150);
    expect(running.filter((n) => !PYTHON_STDLIB_MODULES.has(n))).toEqual([]);
    for (const name of ["json", "typing", "queue", "email", "parser"]) expect(PYTHON_STDLIB_MODULES.has(name), name).toBe(true);
    expect(PYTHON_STDLIB_MODULES.has("client_api")).toBe(false);
  });

  it("hold names a TypeScript type alias cannot take", () => {
    for (const k of ["string", "number", "boolean", "any", "unknown", "never", "object", "symbol", "bigint"]) expect(TYPESCRIPT_RESERVED.has(k), k).toBe(true);
  });

  it("do not reserve ordinary names", () => {
    for (const k of ["Topic", "MsgKey", "HELLO", "client_api", "ModelEncoding"]) {
      expect(TYPESCRIPT_RESERVED.has(k) || PYTHON_RESERVED.has(k), k).toBe(false);
    }
  });

  it("isIdentifier accepts ASCII identifiers valid in both languages only", () => {
    expect(["a", "_x", "A1", "SESSION_ID"].every(isIdentifier)).toBe(true);
    expect(["", "1a", "a-b", "a b", "$a", "é", "a.b"].some(isIdentifier)).toBe(false);
  });
});
