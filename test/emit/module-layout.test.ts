/**
 * Module mapping: a spec places its items into modules of its choosing, in the order it lists
 * them. Proved on real trees: one constants module written into a package full of hand-written
 * modules (which gen leaves alone and check ignores), and the seed's two hand-written modules
 * (`…/client/cell/defs.py`, `…/edge/model_protocol.py` with `verify_payload`) from one spec,
 * checked by ruff, pyright strict, tsc and Python itself.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { wiredefs } from "../cli/run.js";
import { SEED_SPEC } from "./defs-helpers.js";
import { pyright, python, ruffCheck, ruffFormat, tsc } from "./defs-tooling.js";

/** The seed spec with its outputs replaced by `outputs` (YAML lines under `outputs:`). */
function seedWith(outputs: string): string {
  const start = SEED_SPEC.indexOf("\noutputs:\n");
  const end = SEED_SPEC.indexOf("\nlint:\n");
  if (start < 0 || end < start) throw new Error("the seed spec has no outputs block before lint");
  return `${SEED_SPEC.slice(0, start)}\noutputs:\n${outputs}${SEED_SPEC.slice(end)}`;
}

function tree(files: { readonly [path: string]: string }): string {
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-layout-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");
/** The files gen recorded as its own in the tree's owned-file list. */
const ownedFiles = (dir: string): readonly string[] => (JSON.parse(read(dir, "protocol.files.json")) as { files: string[] }).files;
const classes = (text: string): string[] => [...text.matchAll(/^class (\w+)/gm)].map((m) => m[1] ?? "");

describe("one constants module into a package of hand-written modules", () => {
  const handWritten = {
    "nvflare/__init__.py": '"""The framework."""\n',
    "nvflare/client/__init__.py": '"""Client side."""\n',
    "nvflare/client/cell/__init__.py": '"""The Cell package, written by hand."""\n\nfrom .auth import make_token\n\n__all__ = ["make_token"]\n',
    "nvflare/client/cell/auth.py": '"""Hand-written auth."""\n\nfrom .defs import CHANNEL\n\n\ndef make_token() -> str:\n    """Make a token."""\n    return CHANNEL + "-token"\n',
    "nvflare/client/cell/py.typed": "",
    "nvflare/client/cell/pyproject.toml": "[project]\nname = 'cell'\n",
  };
  // Topic before MsgKey, the order of the hand-written module (the spec declares keys first).
  const spec = seedWith(`  python:
    dir: .
    modules:
      - path: nvflare/client/cell/defs.py
        items: [CHANNEL, PROTOCOL_VERSION, Topic, MsgKey]
`);
  let dir = "";
  let first = { status: -1, stdout: "", stderr: "" };
  beforeAll(() => {
    dir = tree({ ...handWritten, "protocol.yaml": spec });
    first = wiredefs(["gen"], dir);
  });

  test("gen writes exactly that module and leaves every hand-written file as it was", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(ownedFiles(dir)).toEqual(["nvflare/client/cell/defs.py"]);
    for (const [path, text] of Object.entries(handWritten)) expect(read(dir, path), path).toBe(text);
    expect(wiredefs(["check"], dir).status).toBe(0);
  });

  test("the module holds the listed items in the listed order, and nothing else", () => {
    const text = read(dir, "nvflare/client/cell/defs.py");
    expect(classes(text)).toEqual(["Topic", "MsgKey"]);
    expect(text.indexOf('CHANNEL = "client_api"')).toBeLessThan(text.indexOf("PROTOCOL_VERSION = 1"));
    expect(text).not.toMatch(/^(import|from) /m);
  });

  test("ruff finds nothing and ruff format changes nothing; the package imports and runs", () => {
    const text = read(dir, "nvflare/client/cell/defs.py");
    expect(ruffCheck(text)).toEqual([]);
    expect(ruffFormat(text)).toBe(text);
    const run = python(
      "import sys; sys.path.insert(0, '.')\nfrom nvflare.client.cell import make_token\nfrom nvflare.client.cell.defs import Topic\nprint(make_token(), Topic.HELLO)\n",
      dir,
    );
    expect(run.output.trim()).toBe("client_api-token client_api.hello");
  });
});

describe("one constants module into a hand-written package, in the team's style (line length 120)", () => {
  const handWritten = {
    "nvflare/__init__.py": '"""The framework."""\n',
    "nvflare/client/__init__.py": '"""Client side."""\n',
    "nvflare/client/cell/__init__.py": '"""The Cell package, written by hand."""\n',
    "nvflare/client/cell/py.typed": "",
  };
  const spec = seedWith(`  python:
    dir: .
    line_length: 120
    unicode_width: false
    modules:
      - path: nvflare/client/cell/defs.py
        items: [CHANNEL, PROTOCOL_VERSION, Topic, MsgKey]
`);
  let dir = "";
  let first = { status: -1, stdout: "", stderr: "" };
  beforeAll(() => {
    dir = tree({
      ...handWritten,
      "protocol.yaml": spec,
      "pyproject.toml": '[tool.black]\nline-length = 120\n\n[tool.isort]\nprofile = "black"\nline_length = 120\n',
      ".flake8": "[flake8]\nmax-line-length = 120\nextend-ignore = E203,E501,E701\n",
    });
    first = wiredefs(["gen"], dir);
  });

  test("gen writes that one module, in the listed order; apt's black, isort and flake8 at 120 change nothing", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(ownedFiles(dir)).toEqual(["nvflare/client/cell/defs.py"]);
    expect(classes(read(dir, "nvflare/client/cell/defs.py"))).toEqual(["Topic", "MsgKey"]);
    const tool = (command: string, args: readonly string[]): string => {
      const r = spawnSync(command, [...args, "nvflare/client/cell/defs.py"], { cwd: dir, encoding: "utf8" });
      return `${r.status} ${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}`;
    };
    expect(tool("black", ["--check", "--diff", "-q"])).toBe("0 ");
    expect(tool("isort", ["--check-only", "--diff"])).toBe("0 ");
    expect(tool("flake8", [])).toBe("0 ");
    for (const [path, text] of Object.entries(handWritten)) expect(read(dir, path), path).toBe(text);
    expect(wiredefs(["check"], dir).status).toBe(0);
  });
});

describe("the seed's two modules from one spec, and a TypeScript layout of its own", () => {
  const spec = seedWith(`  python:
    dir: src
    modules:
      - path: nvflare/client/cell/defs.py
        items: [CHANNEL, PROTOCOL_VERSION, Topic, MsgKey]
      - path: nvflare/edge/model_protocol.py
        doc: Model exchange protocol specification and utilities.
        items: [ModelBufferType, ModelNativeFormat, ModelEncoding, ModelExchangeFormat, verify_payload]
      - path: nvflare/edge/messages.py
        messages: true
    init:
      path: nvflare/edge/__init__.py
      reexport: [nvflare/edge/model_protocol.py]
  typescript:
    dir: ts
    modules:
      - path: wire/constants.ts
        items: [Topic, MsgKey, CHANNEL, PROTOCOL_VERSION, ModelBufferType, ModelNativeFormat, ModelEncoding, ModelExchangeFormat]
      - path: payloads.ts
        messages: true
    index: { path: index.ts, reexport: [wire/constants.ts, payloads.ts] }
`);
  let dir = "";
  beforeAll(() => {
    dir = tree({ "protocol.yaml": spec, "src/nvflare/__init__.py": '"""The framework."""\n', "src/nvflare/client/__init__.py": '"""Client."""\n', "src/nvflare/client/cell/__init__.py": '"""Cell."""\n' });
    const run = wiredefs(["gen"], dir);
    expect(run.stderr).toBe("");
  });

  test("writes the modules the spec names and only those", () => {
    expect(ownedFiles(dir)).toEqual([
      "src/nvflare/client/cell/defs.py",
      "src/nvflare/edge/__init__.py",
      "src/nvflare/edge/messages.py",
      "src/nvflare/edge/model_protocol.py",
      "ts/index.ts",
      "ts/payloads.ts",
      "ts/wire/constants.ts",
    ]);
  });

  test("model_protocol.py is the hand-written module's shape: its classes in order, then verify_payload", () => {
    const text = read(dir, "src/nvflare/edge/model_protocol.py");
    expect(classes(text)).toEqual(["ModelBufferType", "ModelNativeFormat", "ModelEncoding", "ModelExchangeFormat"]);
    expect(text.indexOf("class ModelExchangeFormat")).toBeLessThan(text.indexOf("def verify_payload("));
    expect(text).toContain('"""Model exchange protocol specification and utilities."""');
    // The verify function's helpers come along; the validators do not.
    expect(text).not.toMatch(/def validate_|TypedDict|_check_shape/);
    for (const path of ["src/nvflare/client/cell/defs.py", "src/nvflare/edge/model_protocol.py", "src/nvflare/edge/messages.py", "src/nvflare/edge/__init__.py"]) {
      const module = read(dir, path);
      expect(ruffCheck(module), path).toEqual([]);
      expect(ruffFormat(module), path).toBe(module);
    }
  });

  test("the messages module imports each constant from the module that holds it", () => {
    const text = read(dir, "src/nvflare/edge/messages.py");
    expect(text).toContain("from nvflare.client.cell.defs import Topic\n");
    expect(text).toMatch(/from \.model_protocol import \(\n {4}ModelBufferType,/);
    expect(text).not.toContain("def verify_payload(");
  });

  test("pyright strict is clean, and Python runs it: importing the constants imports no validator", () => {
    expect(pyright(join(dir, "src")).output).toContain("0 errors");
    const script = [
      "import sys",
      "sys.path.insert(0, 'src')",
      "from nvflare.client.cell.defs import Topic",
      "assert 'nvflare.edge.messages' not in sys.modules and 'nvflare.edge' not in sys.modules",
      "from nvflare.edge import ModelBufferType, verify_payload",
      "assert 'nvflare.edge.messages' not in sys.modules",
      "meta = {'model_buffer_type': 'executorch', 'model_buffer_native_format': 'binary', 'model_buffer_encoding': 'base64'}",
      "verify_payload({'meta': meta}, expected_type=ModelBufferType.EXECUTORCH)",
      "try:",
      "    verify_payload({'meta': meta}, expected_type='pytorch')",
      "except ValueError as e:",
      "    print(e)",
      "from nvflare.edge.messages import validate_payload",
      "print(Topic.HELLO, len(validate_payload(Topic.HELLO, {})))",
    ].join("\n");
    const run = python(script, dir);
    expect(run.output.trim().split("\n")).toEqual(["Expected model type pytorch, got executorch", "client_api.hello 6"]);
  });

  test("the TypeScript modules import each other by relative path and compile under strict settings", () => {
    expect(read(dir, "ts/payloads.ts")).toMatch(/from "\.\/wire\/constants\.js";/);
    expect(read(dir, "ts/index.ts")).toContain('export * from "./wire/constants.js";\nexport * from "./payloads.js";\n');
    expect(classes(read(dir, "ts/wire/constants.ts"))).toEqual([]);
    const constants = read(dir, "ts/wire/constants.ts");
    expect(constants.indexOf("export const Topic")).toBeLessThan(constants.indexOf("export const CHANNEL"));
    writeFileSync(join(dir, "ts/package.json"), '{ "type": "module" }\n');
    const result = tsc(join(dir, "ts"), ["index.ts", "payloads.ts", "wire/constants.ts"]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("outputs across the repository", () => {
  const spec = seedWith(`  python:
    dir: ../packages/proto-py/src
    modules:
      - path: client_api/defs.py
        items: [CHANNEL, PROTOCOL_VERSION, Topic, MsgKey]
  typescript:
    dir: ../packages/proto-ts/src
`);

  test("a spec below the repository root writes into sibling packages, and check agrees", () => {
    const dir = tree({ ".git/HEAD": "ref: refs/heads/main\n", "spec/protocol.yaml": spec });
    const run = wiredefs(["gen", "--spec", "spec/protocol.yaml"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const owned = JSON.parse(read(dir, "spec/protocol.files.json")) as { files: string[] };
    expect(owned.files).toEqual([
      "../packages/proto-py/src/client_api/defs.py",
      "../packages/proto-ts/src/defs.ts",
      "../packages/proto-ts/src/index.ts",
      "../packages/proto-ts/src/messages.ts",
    ]);
    expect(read(dir, "packages/proto-py/src/client_api/defs.py")).toContain("class Topic:");
    expect(wiredefs(["check", "--spec", "spec/protocol.yaml"], dir).status).toBe(0);
  });

  test("without a repository (or with --root at the spec) climbing out is a located error, and nothing is written", () => {
    for (const args of [[], ["--root", "spec"]]) {
      const dir = tree({ "spec/protocol.yaml": spec });
      const run = wiredefs(["gen", "--spec", "spec/protocol.yaml", ...args], dir);
      expect(run.status).toBe(1);
      const line = spec.split("\n").findIndex((l) => l.includes("dir: ../packages/proto-py/src")) + 1;
      expect(run.stderr).toContain(`spec/protocol.yaml:${line}:10 error WD317: output directory "../packages/proto-py/src" of python leaves the repository (the spec sits at the repository root)`);
      expect(run.stderr).toContain("hint: keep outputs inside the repository that holds the spec, or name a higher root with --root");
      expect(() => read(dir, "spec/protocol.lock.json")).toThrow();
    }
  });

  test("a symbolic link on the way out of the spec's directory is refused, so nothing lands outside", () => {
    const dir = tree({ ".git/HEAD": "ref: refs/heads/main\n", "spec/protocol.yaml": spec });
    const outside = mkdtempSync(join(tmpdir(), "wiredefs-outside-"));
    symlinkSync(outside, join(dir, "packages"));
    const run = wiredefs(["gen", "--spec", "spec/protocol.yaml"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("WD503");
    expect(readdirSync(outside)).toEqual([]);
  });
});
