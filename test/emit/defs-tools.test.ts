/**
 * The generated constants held to their ecosystems' tools, for the seed spec, the torture spec
 * and a hostile model the loader would never build: already formatted (prettier / ruff format
 * change nothing), strictly compiled (tsc with every strict flag, pyright strict for 3.9), lint
 * clean (ruff), importable, and with docstrings that round-trip the spec's text.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { GeneratedFile, Protocol } from "../../generator/model.js";
import { hostileProtocol } from "../fixtures/emit/hostile.js";
import { emitDefs, load, SEED_SPEC, TORTURE_SPEC } from "./defs-helpers.js";
import { findingsUnder, prettierFormat, pyright, python, ruffCheck, ruffFormat, tsc, unplacedFindings, writeTemp, type ToolRun } from "./defs-tooling.js";

const seed = load(SEED_SPEC);
const torture = load(TORTURE_SPEC);
const cases: readonly { readonly name: string; readonly protocol: Protocol; readonly content: "strict" | "relaxed" }[] = [
  { name: "seed", protocol: seed, content: "strict" },
  { name: "torture", protocol: torture, content: "relaxed" },
  { name: "hostile", protocol: hostileProtocol(torture), content: "relaxed" },
];

const emitted = new Map(cases.map((c) => [c.name, emitDefs(c.protocol)]));
/** Every case's files under one root, a directory per case, so tsc and pyright each run once. */
const root = writeTemp(cases.flatMap((c) => (emitted.get(c.name) ?? []).map((f) => ({ ...f, path: `${c.name}/${f.path}` }))));
let tscRun: ToolRun | undefined;
let pyrightRun: ToolRun | undefined;
const tscAll = (): ToolRun =>
  (tscRun ??= tsc(root, cases.flatMap((c) => (emitted.get(c.name) ?? []).filter((f) => f.path.endsWith(".ts")).map((f) => `${c.name}/${f.path}`))));
const pyrightAll = (): ToolRun => (pyrightRun ??= pyright(root));
const names = cases.map((c) => c.name);

describe.each(cases)("$name spec", ({ name, protocol, content }) => {
  const files = emitted.get(name) ?? [];
  const ts = files.filter((f) => f.path.endsWith(".ts"));
  const py = files.filter((f) => f.path.endsWith(".py"));

  test("is deterministic: two runs, same bytes", () => {
    expect(emitDefs(protocol)).toEqual(files);
  });

  test("is LF-only text ending in one newline", () => {
    for (const f of files) {
      expect(f.text, f.path).not.toMatch(/\r/);
      expect(f.text.endsWith("\n") && !f.text.endsWith("\n\n"), f.path).toBe(true);
      expect(f.text, f.path).not.toMatch(/[ \t]+\n/);
    }
  });

  test.each(ts.map((f) => [f.path, f] as const))("prettier leaves %s unchanged", async (_path, file) => {
    expect(await prettierFormat(file.text, file.path)).toBe(file.text);
  });

  test.each(py.map((f) => [f.path, f] as const))("ruff format leaves %s unchanged", (_path, file) => {
    expect(ruffFormat(file.text)).toBe(file.text);
  });

  test.each(py.map((f) => [f.path, f] as const))("ruff check passes on %s", (_path, file) => {
    expect(ruffCheck(file.text, content === "relaxed")).toEqual([]);
  });

  test("tsc passes with every strict flag (one run over every case)", () => {
    const result = tscAll();
    expect(ts.length).toBeGreaterThan(0);
    expect(findingsUnder(result, root, name), result.output).toEqual([]);
    expect(unplacedFindings(result, root, names), result.output).toEqual([]);
    if (result.output === "") expect(result.status).toBe(0);
  });

  test("pyright strict (3.9) passes (one run over every case)", () => {
    const result = pyrightAll();
    expect(py.length).toBeGreaterThan(0);
    expect(findingsUnder(result, root, name), result.output).toEqual([]);
    expect(unplacedFindings(result, root, names), result.output).toEqual([]);
    expect(result.output).toMatch(/\b\d+ errors?, \d+ warnings?, \d+ informations?/);
    if (unplacedFindings(result, root, []).length === 0) expect(result.status).toBe(0);
  });
});

/**
 * Parses the generated Python with `ast` and compares every docstring with the spec's text:
 * exactly (after the documented normalizations: trailing spaces dropped, shared continuation
 * indentation removed, lone surrogates as U+FFFD) and as `inspect.cleandoc` sees it. Docs that
 * get deprecation notes appended are checked as a prefix.
 */
const ROUND_TRIP = String.raw`
import ast, inspect, json, re, sys
cases = json.load(sys.stdin)
failures = []

def normalized(doc):
    doc = re.sub("[\ud800-\udfff]", "\ufffd", doc)  # lone surrogates: U+FFFD
    lines = [l.rstrip(" \t") for l in doc.split("\n")]
    rest = [l for l in lines[1:] if l != ""]
    shared = min((len(l) - len(l.lstrip(" ")) for l in rest), default=0)
    return [lines[0]] + [l[shared:] for l in lines[1:]]

def expected_raw(doc, indent):
    lines = normalized(doc)
    if len(lines) == 1:
        return lines[0]
    return "\n".join([lines[0]] + [indent + l if l else "" for l in lines[1:]]) + "\n" + indent

for case in cases:
    tree = ast.parse(case["source"])
    found = {"": tree}
    found.update({n.name: n for n in tree.body if isinstance(n, ast.ClassDef)})
    for name, doc in case["docs"].items():
        node = found[name]
        first = node.body[0]
        raw = first.value.value
        indent = "" if name == "" else "    "
        if raw != expected_raw(doc, indent):
            failures.append((case["path"], name, "raw", raw, expected_raw(doc, indent)))
        cleaned = ast.get_docstring(node)
        if cleaned != inspect.cleandoc("\n".join(normalized(doc))):
            failures.append((case["path"], name, "cleandoc", cleaned, doc))
    for name, prefix in case.get("prefixes", {}).items():
        words = lambda text: " ".join(text.split())
        if not words(ast.get_docstring(found[name])).startswith(words("\n".join(normalized(prefix)))):
            failures.append((case["path"], name, "prefix", ast.get_docstring(found[name]), prefix))
print(json.dumps(failures, ensure_ascii=True, indent=1))
`;

function docCases(protocol: Protocol, files: readonly GeneratedFile[]): unknown[] {
  const moduleDoc = [protocol.title, protocol.doc].filter((t) => t !== undefined && t !== "").join("\n\n");
  const sets = [...protocol.enums, ...protocol.keySets, ...protocol.topicSets];
  const plain = sets.filter((s) => s.doc !== undefined && s.doc !== "" && s.deprecated === undefined);
  const exact = plain.filter((s) => {
    const members = s.kind === "enum" ? s.members : s.kind === "keySet" ? s.keys : s.topics;
    return members.every((m) => m.deprecated === undefined);
  });
  const prefixed = sets.filter((s) => s.doc !== undefined && s.doc !== "" && !exact.includes(s));
  return files
    .filter((f) => f.path.endsWith(".py"))
    .map((f) => ({
      path: f.path,
      source: f.text,
      docs: {
        "": moduleDoc,
        ...(f.path.endsWith("defs.py") ? Object.fromEntries(exact.map((s) => [s.name, s.doc])) : {}),
      },
      prefixes: f.path.endsWith("defs.py") ? Object.fromEntries(prefixed.map((s) => [s.name, s.doc])) : {},
    }));
}

describe.each(cases)("$name spec, Python docstrings", ({ protocol }) => {
  test("round-trip the spec's doc text (ast, inspect.cleandoc)", () => {
    const files = emitDefs(protocol);
    const result = python(ROUND_TRIP, ".", JSON.stringify(docCases(protocol, files)));
    expect(result.status, result.output).toBe(0);
    expect(JSON.parse(result.output)).toEqual([]);
  });
});

describe("generated Python package", () => {
  let dir = "";
  beforeAll(() => {
    dir = writeTemp(emitDefs(hostileProtocol(torture)));
  });

  test("imports with no side effects and keeps every value exactly", () => {
    const protocol = hostileProtocol(torture);
    const expected = Object.fromEntries(
      [...protocol.enums, ...protocol.keySets, ...protocol.topicSets].map((s) => [
        s.name,
        Object.fromEntries((s.kind === "enum" ? s.members : s.kind === "keySet" ? s.keys : s.topics).map((m) => [m.name, m.value])),
      ]),
    );
    const script = String.raw`
import importlib, json, sys
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else ".")
pkg = importlib.import_module("torture_api")
expected = json.load(sys.stdin)
bad = []
for cls, members in expected.items():
    got = getattr(pkg, cls)
    for name, value in members.items():
        if getattr(got, name) != value:
            bad.append([cls, name, getattr(got, name), value])
print(json.dumps({"bad": bad, "all": pkg.__all__}, ensure_ascii=True))
`;
    const result = python(script, join(dir, "gen/python"), JSON.stringify(expected));
    expect(result.status, result.output).toBe(0);
    const parsed = JSON.parse(result.output) as { bad: unknown[]; all: string[] };
    expect(parsed.bad).toEqual([]);
    expect(new Set(parsed.all)).toEqual(
      new Set(["CHANNEL", "PROTOCOL_VERSION", ...protocol.constants.map((c) => c.name), ...Object.keys(expected)]),
    );
  });
});
