/**
 * The Python types of every value kind the IDL added, held to pyright strict and mypy --strict
 * (Python 3.9) with a check file that uses them: a tagged union narrows on its tag, nullable is
 * not optional, literals and closed enums reject other values, open enums are their value type
 * (each rejection a `# type: ignore` that both checkers report when it meets no error). One run
 * of each tool; the module also imports at run time and is left as ruff formats it.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO } from "../emit/defs-helpers.js";
import { python, ruffCheck, ruffFormat, writeTemp } from "../emit/defs-tooling.js";
import { loadSpec, pythonTypes, SINK_SPEC } from "./render.js";

const files = pythonTypes(loadSpec(SINK_SPEC));
const text = (suffix: string): string => files.find((f) => f.path.endsWith(suffix))?.text ?? "";
const dir = writeTemp(files, { "py/check.py": readFileSync(`${REPO}/test/fixtures/types/check.py.txt`, "utf8") });
const cwd = join(dir, "py");

/** mypy from the system Python (python3-mypy), when installed. */
const MYPY = ["/usr/bin/python3", "-m", "mypy"] as const;
const hasMypy = spawnSync(MYPY[0], [...MYPY.slice(1), "--version"], { encoding: "utf8" }).status === 0;

describe("the Python types of the new value kinds", () => {
  test("pass pyright strict (3.9), with the narrowing and rejection checks", () => {
    const config = { typeCheckingMode: "strict", pythonVersion: "3.9", reportUnnecessaryTypeIgnoreComment: "error" };
    writeFileSync(join(cwd, "pyrightconfig.json"), JSON.stringify(config));
    const r = spawnSync(join(REPO, "node_modules/.bin/pyright"), ["-p", "pyrightconfig.json"], { cwd, encoding: "utf8" });
    expect(`${r.stdout}${r.stderr}`).toMatch(/0 errors, 0 warnings/);
    expect(r.status).toBe(0);
  });

  test.runIf(hasMypy)("pass mypy --strict (3.9), with the same checks", () => {
    const r = spawnSync(MYPY[0], [...MYPY.slice(1), "--strict", "--python-version", "3.9", "--no-incremental", "sink", "check.py"], {
      cwd,
      encoding: "utf8",
    });
    expect(`${r.stdout}${r.stderr}`).toMatch(/^Success/m);
    expect(r.status).toBe(0);
  });

  test("import at run time (aliases and forward references evaluate)", () => {
    const r = python("import sink.types as t; print(sorted(t.Reply.__args__, key=str)[0].__name__, t.JsonValue is not None)", cwd);
    expect(r.output.trim()).toBe("ErrorReply True");
  });

  test("are laid out as ruff formats them and pass its lint rules", () => {
    for (const suffix of ["types.py", "defs.py"]) {
      expect(ruffFormat(text(suffix))).toBe(text(suffix));
      expect(ruffCheck(text(suffix), true)).toEqual([]);
    }
  });

  test("a tagged union's variants carry the tag literal; int enums are int constants", () => {
    expect(text("types.py")).toMatch(/^class OkReply\(TypedDict\):\n {4}"""[^\n]*"""\n\n {4}status: Literal\["ok"\]\n/m);
    expect(text("types.py")).toMatch(/^Reply = Union\[OkReply, ErrorReply\]$/m);
    expect(text("defs.py")).toMatch(/^class ErrorCode:\n(.*\n)*? {4}PARSE_ERROR = -32700$/m);
  });
});
