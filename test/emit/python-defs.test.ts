/** The layout of generated defs.py and __init__.py, and the literal helpers behind them. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { emitPythonInit, sortedDunderAll, sortedImports } from "../../generator/emit/python/init.js";
import { pythonComment, pythonDocstring, pythonString } from "../../generator/emit/python/defs-syntax.js";
import { tsString } from "../../generator/emit/typescript/defs-syntax.js";
import { linesFrom, load, runDefs, runSpec, SEED_SPEC, spec } from "./defs-helpers.js";
import { python, ruffCheck } from "./defs-tooling.js";

describe("seed defs.py", () => {
  const run = runDefs(SEED_SPEC);
  const lines = run.lines("client_api/defs.py");

  test("reads like the hand-written modules", () => {
    expect(linesFrom(lines, "class ModelNativeFormat:", 5)).toEqual([
      "class ModelNativeFormat:",
      '    """Native format of the data before any transmission encoding."""',
      "",
      '    BINARY = "binary"  # Raw bytes, binary data',
      '    STRING = "string"  # Text-based data',
    ]);
    expect(linesFrom(lines, "class ModelBufferType:", 10).slice(6)).toEqual([
      "",
      "    # Model formats",
      '    EXECUTORCH = "executorch"',
      '    PYTORCH = "pytorch"',
    ]);
    expect(linesFrom(lines, '"""Client API Cell control-protocol vocabulary.', 1)).toHaveLength(1);
    expect(run.text("client_api/defs.py")).toContain('\nCHANNEL = "client_api"\nPROTOCOL_VERSION = 1\n');
  });

  test("has no import and no statement but a docstring, assignments and classes of them", () => {
    const script = String.raw`
import ast, json, sys
tree = ast.parse(sys.stdin.read())
kinds = [type(n).__name__ for n in tree.body]
inner = [type(n).__name__ for c in tree.body if isinstance(c, ast.ClassDef) for n in c.body]
imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom, ast.Call))]
print(json.dumps([kinds, sorted(set(inner)), len(imports)]))
`;
    const result = python(script, ".", run.text("client_api/defs.py"));
    expect(JSON.parse(result.output)).toEqual([["Expr", "Assign", "Assign", ...Array<string>(6).fill("ClassDef")], ["Assign", "Expr"], 0]);
  });

  test("a doc that does not fit as a trailing comment goes above its member", () => {
    expect(linesFrom(lines, "# NATIVE_FORMAT: Original format before any transmission encoding", 2)).toEqual([
      "    # NATIVE_FORMAT: Original format before any transmission encoding",
      '    MODEL_BUFFER_NATIVE_FORMAT = "model_buffer_native_format"',
    ]);
  });

  test("__init__ re-exports everything, sorted as ruff sorts it", () => {
    const init = run.lines("client_api/__init__.py");
    expect(linesFrom(init, "from .defs import (", 10)).toEqual([
      "from .defs import (",
      "    CHANNEL,",
      "    PROTOCOL_VERSION,",
      "    ModelBufferType,",
      "    ModelEncoding,",
      "    ModelExchangeFormat,",
      "    ModelNativeFormat,",
      "    MsgKey,",
      "    Topic,",
      ")",
    ]);
    expect(linesFrom(init, "__all__ = [", 10).at(-1)).toBe("]");
  });
});

describe("deprecation", () => {
  const lines = runSpec(`
enums:
  Color:
    deprecated: Use Paint.
    values:
      RED:
        doc: Warm.
        deprecated: ""
      GREEN:
        deprecated: Use LIME.
      BLUE: {}
`).lines("demo/defs.py");

  test("members get a Deprecated comment, the class docstring a note", () => {
    expect(linesFrom(lines, "class Color:", 14)).toEqual([
      "class Color:",
      '    """Deprecated: Use Paint.',
      "",
      "    Deprecated members:",
      "    - RED",
      "    - GREEN: Use LIME.",
      '    """',
      "",
      "    # Warm.",
      "    # Deprecated.",
      '    RED = "red"',
      "    # Deprecated: Use LIME.",
      '    GREEN = "green"',
      '    BLUE = "blue"',
    ]);
  });
});

describe("__init__.py", () => {
  const protocol = load(spec(`enums:\n  Color:\n    values:\n      RED: {}\n`, "title: Demo."));

  test("takes other modules' names without changing its logic", () => {
    const init = emitPythonInit(protocol, [
      { module: ".defs", names: ["CHANNEL", "PROTOCOL_VERSION", "Color"] },
      { module: ".messages", names: ["validate_payload", "HelloPayload", "ISSUE_CODES", "parse_payload"] },
    ], "out/py/demo/__init__.py");
    expect(init.path).toBe("out/py/demo/__init__.py");
    const lines = init.text.split("\n");
    // One line, as isort joins an import that fits; names in isort's order.
    expect(lines).toContain("from .messages import ISSUE_CODES, HelloPayload, parse_payload, validate_payload");
    expect(linesFrom(lines, "__all__ = [", 9)).toEqual([
      "__all__ = [",
      '    "CHANNEL",',
      '    "ISSUE_CODES",',
      '    "PROTOCOL_VERSION",',
      '    "Color",',
      '    "HelloPayload",',
      '    "parse_payload",',
      '    "validate_payload",',
      "]",
    ]);
    expect(ruffCheck(init.text)).toEqual([]);
  });

  test("orders names as ruff's isort and RUF022 do", () => {
    const names = ["Version10", "Version2", "HTTPStatus", "HttpMethod", "ABC", "A", "a_b", "ab", "X1", "X10", "X9"];
    expect(sortedImports(names)).toEqual([
      "ABC", "X1", "X9", "X10", "A", "HttpMethod", "HTTPStatus", "Version2", "Version10", "a_b", "ab",
    ]);
    expect(sortedDunderAll(names)).toEqual([
      "ABC", "X1", "X9", "X10", "A", "HTTPStatus", "HttpMethod", "Version2", "Version10", "a_b", "ab",
    ]);
    const init = emitPythonInit(protocol, [{ module: ".defs", names }], "out/py/demo/__init__.py");
    expect(ruffCheck(init.text)).toEqual([]);
  });

  test("orders digit runs with leading zeros and non-ASCII letters as ruff does", () => {
    // natord compares a run that starts with 0 digit by digit (D03 < D3), ruff infers member
    // types from Unicode case (Über is a class, Ü a constant, ü_x a variable).
    const names = ["D3LelarePayload", "D03Payload", "D03R", "D3", "x010", "x01", "x1", "x001b", "Über", "Ü", "ü_x", "ÉTAT", "Éa", "a日本", "日本", "Z9a", "Z09"];
    expect(sortedImports(names)).toEqual([
      "D03R", "D3", "Z09", "ÉTAT", "Ü", "D03Payload", "D3LelarePayload", "Z9a", "Éa", "Über", "a日本", "x001b", "x01", "x010", "x1", "ü_x", "日本",
    ]);
    // Those names and a batch of awkward ones drawn from the suite's fixed seed, held to ruff itself.
    const name = fc
      .tuple(fc.constantFrom("a", "B", "X", "é", "É", "_"), fc.array(fc.constantFrom("a", "B", "0", "00", "1", "9", "10", "_", "é", "É", "ß", "日", "Σ", "x", "X"), { maxLength: 4 }))
      .map(([head, rest]) => head + rest.join(""));
    const batch = [...new Set([...names, ...fc.sample(name, 300)])];
    const init = emitPythonInit(protocol, [{ module: ".defs", names: batch }], "out/py/demo/__init__.py");
    // Only the order rules: the names are not ASCII on purpose (PLC2403 would flag each).
    expect(ruffCheck(init.text).filter((finding) => / (I001|RUF022) /.test(finding))).toEqual([]);
  });
});

describe("literals and comments", () => {
  test("python strings pick the quote ruff picks", () => {
    expect(pythonString("plain")).toBe('"plain"');
    expect(pythonString('say "hi"')).toBe(`'say "hi"'`);
    expect(pythonString(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pythonString(`a"b'c`)).toBe(`"a\\"b'c"`);
    expect(pythonString("a\\b\u2028\u0000")).toBe('"a\\\\b\\u2028\\x00"');
  });

  test("docstrings choose plain, raw or escaped quoting", () => {
    expect(pythonDocstring("Plain.", "")).toEqual(['"""Plain."""']);
    expect(pythonDocstring("C:\\path is raw.", "")).toEqual(['r"""C:\\path is raw."""']);
    expect(pythonDocstring('Ends with "quote"', "")).toEqual(['"""Ends with "quote\\""""']);
    expect(pythonDocstring("Ends with \\", "")).toEqual(['"""Ends with \\\\"""']);
    expect(pythonDocstring('Has """ inside.', "")).toEqual(['"""Has \\"\\"\\" inside."""']);
    expect(pythonDocstring("Title.\n\n  a\n  b", "    ")).toEqual(['    """Title.', "", "    a", "    b", '    """']);
  });

  test("comments defuse tool directives", () => {
    expect(pythonComment("type: ignore")).toBe("# \\type: ignore");
    expect(pythonComment("see #noqa here")).toBe("# see #\\noqa here");
    expect(pythonComment("fmt: off")).toBe("# \\fmt: off");
    expect(pythonComment("Normal text: fine")).toBe("# Normal text: fine");
    expect(pythonComment("")).toBe("#");
  });

  test("any string round-trips through a TypeScript literal", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const literal = tsString(value);
        expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(new Function(`return ${literal};`)()).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  test("any string round-trips through a Python literal and (without lone surrogates) a docstring", () => {
    const samples = fc.sample(fc.string({ unit: "binary", maxLength: 40 }), { numRuns: 300, seed: 42 });
    const extra = ['"', '""', '"""', "\\", '\\"', 'a"', '"a', "a\\", "a\n\tb\r\u2028c", "\ud800", "x\u00a0 \n  y"];
    const texts = [...samples, ...extra].filter((t) => t.trim() !== "" && t === t.trim());
    const cases = texts.map((text) => ({
      text,
      literal: pythonString(text),
      docstring: ["class C:", ...pythonDocstring(text, "    ")].join("\n") + "\n",
    }));
    const script = String.raw`
import ast, inspect, json, re, sys
bad = []
for case in json.load(sys.stdin):
    text = case["text"]
    value = ast.literal_eval(case["literal"])
    if value != text:
        bad.append(["literal", text, value])
    if re.search("[\ud800-\udfff]", text):
        continue  # a lone surrogate never reaches a docstring: the spec loader rejects it (WD109)
    lines = [l.rstrip(" \t") for l in text.split("\n")]
    rest = [l for l in lines[1:] if l != ""]
    shared = min((len(l) - len(l.lstrip(" ")) for l in rest), default=0)
    lines = [lines[0]] + [l[shared:] for l in lines[1:]]
    raw = lines[0] if len(lines) == 1 else "\n".join([lines[0]] + ["    " + l if l else "" for l in lines[1:]]) + "\n    "
    got = ast.parse(case["docstring"]).body[0].body[0].value.value
    if got != raw:
        bad.append(["docstring", text, got, raw])
print(json.dumps(bad, ensure_ascii=True))
`;
    const result = python(script, ".", JSON.stringify(cases));
    expect(result.status, result.output).toBe(0);
    expect(JSON.parse(result.output)).toEqual([]);
  });
});

describe("spec order", () => {
  test("the default constants module declares constants and sets in the order the spec does, across kinds", () => {
    const yaml = [
      "wiredefs: 1",
      "protocol: { name: demo, title: Demo., channel: demo, version: 1 }",
      "topics:",
      "  Topic:",
      "    topics: { PING: {} }",
      "constants:",
      "  LIMIT: { type: int, value: 3 }",
      "enums:",
      "  Color:",
      "    values: { RED: {} }",
      "keys:",
      "  Keys:",
      "    keys: { COLOR: { type: Color } }",
      "outputs:",
      "  typescript: { dir: out/ts }",
      "  python: { dir: out/py }",
      "",
    ].join("\n");
    const run = runDefs(yaml);
    const py = run.text("demo/defs.py");
    const order = (text: string, names: readonly string[]): number[] => names.map((n) => text.search(new RegExp(`^(class |export const )?${n}\\b`, "m")));
    const names = ["CHANNEL", "PROTOCOL_VERSION", "Topic", "LIMIT", "Color", "Keys"];
    const positions = order(py, names);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const tsPositions = order(run.text("out/ts/defs.ts"), names);
    expect(tsPositions.every((p) => p >= 0)).toBe(true);
    expect([...tsPositions].sort((a, b) => a - b)).toEqual(tsPositions);
    // No doc in the spec: no docstring on the classes (ruff's D101 then says so, as for a hand-written module).
    expect(ruffCheck(py, true)).toEqual([]);
    expect(ruffCheck(py).map((d) => d.split(" ")[1])).toEqual(["D101", "D101", "D101"]);
    expect(py).toContain('class Color:\n    RED = "red"\n');
  });
});
