/**
 * The loader's rules for where outputs go: directories inside the repository (climbing out of
 * the spec's directory, never above the root), and module mappings that name known items once,
 * at importable paths, each file written once. Every error is located.
 */
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { positions, reported } from "./helpers.js";

const HEADER = `wiredefs: 1
protocol:
  name: demo
  channel: demo
  version: 1
enums:
  Color:
    values: { RED: {} }
keys:
  Keys:
    keys:
      COLOR: { type: Color }
records:
  Paint:
    keys: Keys
    required: [COLOR]
    verify: { function: verify_paint, argument: thing, attribute: meta, container: Thing, expect: [{ key: COLOR, param: expected_color, label: color }] }
topics:
  Topic:
    keys: Keys
    topics:
      PING: {}
outputs:
`;

function load(outputs: string, rootDepth?: number): Diagnostic[] {
  return reported(loadProtocol(HEADER + outputs, "p.yaml", { rootDepth }));
}

/** Line of `text` in the spec, 1-based. */
function lineOf(outputs: string, text: string): number {
  const lines = (HEADER + outputs).split("\n");
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line holds ${text}`);
  return i + 1;
}

describe("output directories across the repository", () => {
  const climbing = "  typescript: { dir: ../packages/proto-ts/src }\n  python: { dir: ../../packages/proto-py/src }\n";

  test("may climb out of the spec's directory as far as the repository root, no further", () => {
    expect(load(climbing, 2).filter((d) => d.severity === "error")).toEqual([]);
    const one = load(climbing, 1);
    expect(positions(one)).toEqual([`WD317 ${lineOf(climbing, "proto-py")}:18`]);
    expect(one[0]?.message).toBe('output directory "../../packages/proto-py/src" of python leaves the repository (the spec sits 1 directory below the repository root)');
    expect(one[0]?.hint).toContain("--root");
    expect(positions(load(climbing, 0))).toEqual([`WD317 ${lineOf(climbing, "proto-ts")}:22`, `WD317 ${lineOf(climbing, "proto-py")}:18`]);
  });

  test("absolute paths and .. after a name are rejected wherever the root is", () => {
    const bad = "  typescript: { dir: /srv/ts }\n  python: { dir: C:/py }\n  docs: { dir: docs/../../x }\n";
    for (const depth of [undefined, 0, 5]) {
      const found = load(bad, depth);
      expect(positions(found)).toEqual([`WD317 ${lineOf(bad, "/srv")}:22`, `WD317 ${lineOf(bad, "C:/py")}:18`, `WD317 ${lineOf(bad, "docs/..")}:16`]);
      expect(found.map((d) => d.message.replace(/.* of \w+ /, ""))).toEqual(["is absolute", "is absolute", "has .. after a directory name"]);
    }
  });
});

describe("module mappings", () => {
  test("an unknown item, an item placed twice and two messages modules are located errors", () => {
    const outputs = `  python:
    dir: src
    modules:
      - path: pkg/defs.py
        items: [CHANNEL, Colour, Keys]
      - path: pkg/more.py
        items: [Keys, verify_paint]
        messages: true
      - path: pkg/again.py
        messages: true
`;
    const found = load(outputs, 0);
    expect(positions(found)).toEqual([
      `WD370 ${lineOf(outputs, "Colour")}:26`,
      `WD375 ${lineOf(outputs, "pkg/more.py")}:15`,
      `WD375 ${lineOf(outputs, "pkg/more.py")}:15`,
      `WD371 ${lineOf(outputs, "[Keys, verify")}:17`,
      `WD375 ${lineOf(outputs, "pkg/again.py")}:15`,
      `WD375 ${lineOf(outputs, "pkg/again.py")}:15`,
      `WD371 ${lineOf(outputs, "pkg/again.py") + 1}:19`,
    ]);
    expect(found[0]?.hint).toBe('did you mean "Color"?');
    expect(found[3]?.related?.[0]?.span?.line).toBe(lineOf(outputs, "[CHANNEL, Colour"));
    // The messages and verify_paint need Color and Topic, which no module holds.
    expect(found.slice(1, 3).map((d) => d.message)).toEqual([
      "module pkg/more.py of python uses Color, which no module of python holds",
      "module pkg/more.py of python uses Topic, which no module of python holds",
    ]);
  });

  test("paths must be relative, importable and written once; an entry point needs a path and known modules", () => {
    const outputs = `  python:
    dir: src
    modules:
      - path: pkg/defs.py
        items: [CHANNEL, PROTOCOL_VERSION, Color, Keys, Topic]
      - path: Pkg/DEFS.py
      - path: pkg/my-module.py
      - path: ../up.py
      - path: pkg/defs.txt
    init:
      reexport: [pkg/nothing.py]
  typescript:
    dir: ts
    modules:
      - path: defs.d.ts
    index: { path: defs.d.ts }
`;
    const found = load(outputs, 0);
    expect(positions(found)).toEqual([
      `WD318 ${lineOf(outputs, "Pkg/DEFS.py")}:15`,
      `WD372 ${lineOf(outputs, "my-module")}:15`,
      `WD372 ${lineOf(outputs, "../up.py")}:15`,
      `WD372 ${lineOf(outputs, "defs.txt")}:15`,
      `WD374 ${lineOf(outputs, "init:")}:5`,
      `WD373 ${lineOf(outputs, "pkg/nothing.py")}:18`,
      `WD372 ${lineOf(outputs, "- path: defs.d.ts")}:15`,
      `WD372 ${lineOf(outputs, "index: { path")}:20`,
    ]);
    expect(found[1]?.message).toBe('module path "pkg/my-module.py" of python is not importable ("my-module" is no Python identifier)');
    expect(found[5]?.hint).toContain("pkg/defs.py");
  });

  test("a default layout re-exports by the default modules' paths", () => {
    const ok = "  python:\n    dir: gen\n    init: { reexport: [demo/defs.py] }\n";
    expect(load(ok, 0).filter((d) => d.severity === "error")).toEqual([]);
    const bad = "  python:\n    dir: gen\n    init: { reexport: [defs.py] }\n";
    expect(positions(load(bad, 0))).toEqual([`WD373 ${lineOf(bad, "reexport")}:24`]);
  });
});

describe("Python packages named like standard-library modules", () => {
  const warnings = (outputs: string): string[] =>
    load(outputs).filter((d) => d.code === "WD394").map((d) => `${d.span?.line}:${d.span?.col} ${d.message}`);

  test("the package (given, or the protocol name) is a warning at its name, saying what hides what", () => {
    const given = "  python: { dir: generated/python, package: queue }\n";
    expect(warnings(given)).toEqual([
      `${lineOf(given, "queue")}:45 Python package "queue" is named like the standard library's queue module: with generated/python on the import path, one hides the other`,
    ]);
    const found = load(given).find((d) => d.code === "WD394");
    expect(found?.severity).toBe("warning");
    expect(found?.hint).toContain("queue_protocol");
    const json = loadProtocol(HEADER.replace("name: demo", "name: json") + "  python: { dir: out }\n", "p.yaml");
    expect(reported(json).filter((d) => d.code === "WD394").map((d) => d.message)).toEqual([
      'Python package "json" (the protocol name) is named like the standard library\'s json module: with out on the import path, one hides the other',
    ]);
    expect(warnings("  python: { dir: generated/python, package: demo_queue }\n")).toEqual([]);
    // A TypeScript output of any name hides nothing.
    expect(warnings("  typescript: { dir: json }\n")).toEqual([]);
  });

  test("with modules listed, each top-level package or module they name, once", () => {
    const outputs = `  python:
    dir: src
    modules:
      - path: email/defs.py
        items: [CHANNEL, Color, Keys, Topic]
      - path: email/messages.py
        messages: true
      - path: secrets.py
        items: [verify_paint]
    init: { path: email/__init__.py }
`;
    expect(warnings(outputs).map((w) => w.replace(/ is named like.*/, ""))).toEqual([
      `${lineOf(outputs, "email/defs.py")}:15 Python package "email" (of email/defs.py)`,
      `${lineOf(outputs, "secrets.py")}:15 Python module "secrets" (secrets.py)`,
    ]);
  });
});
