/**
 * A team's own formatter settings must not turn `check` red: output generated with
 * `outputs.python.line_length` and `outputs.typescript.print_width` / `quote` / `semicolons`
 * is left unchanged by the team's formatters run with the same settings — apt's black, isort
 * (profile black) and flake8, ruff format and lint, and prettier with a non-default config —
 * for the modules the code targets write: the constants, messages, conversation and
 * entry-point modules. The specs: the seed, a spec of CJK, emoji and combining-mark text sized
 * to land on every side of the line width, and, in the non-default styles, the two example
 * protocols (examples/dap, examples/jsonrpc-lsp: envelopes, channels, flows, unions, JSON
 * values) with the style options put in their outputs. Each tool runs once per style, over the
 * files of every spec.
 *
 * The envelope and conversation modules (envelope.ts, envelope.py, conversation.ts,
 * conversation.py) are held in every style that generates the example protocols: the wide ones
 * and the narrow one (prettier 60 with single quotes and no semicolons, Python 79), where most
 * of their lines must be split as the formatters split them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { SEED_SPEC } from "./defs-helpers.js";

interface Style {
  readonly name: string;
  readonly ts: { readonly printWidth: number; readonly singleQuote: boolean; readonly semi: boolean };
  readonly lineLength: number;
  /** Whether the example protocols are generated in this style too. */
  readonly examples: boolean;
}

const STYLES: readonly Style[] = [
  { name: "wide", ts: { printWidth: 100, singleQuote: true, semi: false }, lineLength: 120, examples: true },
  { name: "widest", ts: { printWidth: 120, singleQuote: false, semi: true }, lineLength: 100, examples: true },
  { name: "quotes", ts: { printWidth: 80, singleQuote: true, semi: false }, lineLength: 88, examples: false },
  { name: "narrow", ts: { printWidth: 60, singleQuote: true, semi: false }, lineLength: 79, examples: true },
  { name: "default", ts: { printWidth: 80, singleQuote: false, semi: true }, lineLength: 88, examples: false },
];

/** Text of `n` units of each kind of wide or zero-width character, for keys and values. */
const UNITS = ["語", "🎉", "❤️", "한", "e\u0301", "ｆ", "✅"] as const;

/** A spec whose wire values and keys are CJK, emoji and combining text of growing length. */
function wideSpec(): string {
  const keys: string[] = [];
  const constants: string[] = [];
  UNITS.forEach((unit, u) => {
    for (let n = 1; n <= 24; n += 1) {
      const text = `${unit.repeat(n)}${"k".repeat(n % 5)}`;
      keys.push(`      K${u}_${n}:\n        value: ${JSON.stringify(text)}\n        type: string`);
      constants.push(`  C${u}_${n}:\n    type: string\n    value: ${JSON.stringify(text.repeat(2))}`);
    }
  });
  const payloads = UNITS.map((_, u) => {
    const required = Array.from({ length: 24 }, (_, n) => `K${u}_${n + 1}`).filter((_, n) => n % 3 === u % 3);
    return `      T${u}:\n        from: a\n        to: b\n        payload:\n          required: [${required.join(", ")}]`;
  });
  return [
    "wiredefs: 1",
    "protocol:\n  name: wide_text\n  title: Wide text 語 🎉.\n  channel: wide\n  version: 1",
    "actors:\n  a:\n    doc: A\n  b:\n    doc: B",
    `constants:\n${constants.join("\n")}`,
    `keys:\n  WideKey:\n    doc: Keys of every width.\n    keys:\n${keys.join("\n")}`,
    `topics:\n  Topic:\n    keys: WideKey\n    topics:\n${payloads.join("\n")}`,
    "outputs:\n  typescript:\n    dir: generated/ts\n  python:\n    dir: generated/python",
    "lint:\n  disable: [DOC_MISSING]",
    "",
  ].join("\n\n");
}

/** The spec with the style's options added to its outputs. */
function styled(spec: string, style: Style, unicodeWidth: boolean): string {
  const ts = `    print_width: ${style.ts.printWidth}\n    quote: ${style.ts.singleQuote ? "single" : "double"}\n    semicolons: ${style.ts.semi}\n`;
  const flowTs = `, print_width: ${style.ts.printWidth}, quote: ${style.ts.singleQuote ? "single" : "double"}, semicolons: ${style.ts.semi}`;
  return spec
    .replace(/(\n  typescript:\n    dir: [^\n]+\n)/, `$1${ts}`)
    .replace(/(\n  python:\n    dir: [^\n]+\n)/, `$1    line_length: ${style.lineLength}\n    unicode_width: ${unicodeWidth}\n`)
    .replace(/(\n  typescript: \{ dir: [^,}]+)/, `$1${flowTs}`)
    .replace(/(\n  python: \{ dir: [^,}]+)/, `$1, line_length: ${style.lineLength}, unicode_width: ${unicodeWidth}`);
}

/** An example protocol's spec (envelopes, channels, flows): its outputs take the style's options. */
const example = (name: string): string => readFileSync(join(import.meta.dirname, "../../examples", name, "protocol.yaml"), "utf8");

interface Tree {
  readonly style: Style;
  readonly root: string;
  readonly ts: string[];
  /** Python laid out for black (apt's 23.x: `unicode_width: false`). */
  readonly py: string[];
  /** Python laid out for ruff (the default Unicode widths). */
  readonly ruffPy: string[];
}

const SPECS = { seed: SEED_SPEC, wide: wideSpec() };
/** A spec of several channels (the channel declarations of the constants modules), with outputs. */
const kernel = `${readFileSync(join(import.meta.dirname, "../fixtures/envelope/kernel.yaml"), "utf8").trimEnd()}
outputs:
  typescript:
    dir: generated/ts
  python:
    dir: generated/python
`;
const EXAMPLES = { dap: example("dap"), lsp: example("jsonrpc-lsp"), kernel };
const base = mkdtempSync(join(tmpdir(), "wiredefs-team-style-"));

/** Every spec in every style, generated into `base/<style>/<spec>/`. */
const trees: Tree[] = STYLES.map((style) => {
  const root = join(base, style.name);
  const ts: string[] = [];
  const py: string[] = [];
  const ruffPy: string[] = [];
  const specs = { ...SPECS, ...(style.examples ? EXAMPLES : {}) };
  for (const [name, spec] of Object.entries(specs)) {
    for (const formatter of ["black", "ruff"] as const) {
      const result = generate(styled(spec, style, formatter === "ruff"), "protocol.yaml", { targets: ["typescript", "python"] });
      if (!result.ok) throw new Error(`${name} rejected: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
      for (const file of result.files) {
        const path = join(root, formatter, name, file.path);
        if (path.endsWith(".ts") && formatter === "black") continue;
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
        if (path.endsWith(".ts")) ts.push(path);
        if (path.endsWith(".py")) (formatter === "black" ? py : ruffPy).push(path);
      }
    }
  }
  // The team's configs, where their tools look for them.
  writeFileSync(
    join(root, "pyproject.toml"),
    `[tool.black]\nline-length = ${style.lineLength}\n\n[tool.isort]\nprofile = "black"\nline_length = ${style.lineLength}\n`,
  );
  writeFileSync(join(root, ".flake8"), `[flake8]\nmax-line-length = ${style.lineLength}\nextend-ignore = E203,E501,E701\n`);
  return { style, root, ts, py, ruffPy };
});

function run(command: string, args: readonly string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}` };
}

const relative = (tree: Tree, paths: readonly string[]): string[] => paths.map((p) => p.slice(tree.root.length + 1));

describe.each(trees)("the $style.name style", (tree) => {
  it("has files of both targets for both specs", () => {
    expect(tree.ts.length).toBeGreaterThanOrEqual(4);
    expect(tree.py.length).toBeGreaterThanOrEqual(4);
    expect(tree.ruffPy.length).toBe(tree.py.length);
  });

  it("holds every kind of module the code targets write", () => {
    const kinds = (paths: readonly string[]): string[] => [...new Set(paths.map((p) => p.replace(/^.*\//, "")))].sort();
    const ts = ["defs.ts", "index.ts", "messages.ts"];
    const py = ["__init__.py", "defs.py", "messages.py"];
    if (tree.style.examples) {
      ts.push("conversation.ts", "envelope.ts");
      py.push("conversation.py", "envelope.py");
    }
    expect(kinds(tree.ts)).toEqual(expect.arrayContaining(ts));
    expect(kinds(tree.py)).toEqual(expect.arrayContaining(py));
  });

  it("prettier with the team's printWidth, singleQuote and semi changes nothing", async () => {
    const changed: string[] = [];
    for (const path of tree.ts) {
      const text = readFileSync(path, "utf8");
      const formatted = await prettier.format(text, { filepath: path, ...tree.style.ts });
      if (formatted !== text) changed.push(path.slice(tree.root.length + 1));
    }
    expect(changed).toEqual([]);
  });

  it("black with the team's line-length changes nothing", () => {
    const r = run("black", ["--check", "--diff", "-q", ...relative(tree, tree.py)], tree.root);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("isort (profile black) changes nothing", () => {
    const r = run("isort", ["--check-only", "--diff", ...relative(tree, tree.py)], tree.root);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("flake8 at the team's max-line-length finds nothing", () => {
    const r = run("flake8", relative(tree, tree.py), tree.root);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("ruff format with the team's line-length changes nothing, and ruff check passes", () => {
    const ws = new Workspace(
      { "line-length": tree.style.lineLength, "target-version": "py39", lint: { select: ["E", "W", "F", "I", "UP"], ignore: ["E501"] } },
      PositionEncoding.Utf16,
    );
    const changed: string[] = [];
    const findings: string[] = [];
    for (const path of tree.ruffPy) {
      const text = readFileSync(path, "utf8");
      if (ws.format(text) !== text) changed.push(path.slice(tree.root.length + 1));
      for (const d of ws.check(text) as { code: string | null; message: string }[]) findings.push(`${path}: ${d.code} ${d.message}`);
    }
    expect(changed).toEqual([]);
    expect(findings).toEqual([]);
  });
});

describe("the styles differ where they should", () => {
  it("a wider style lays out fewer lines, and quote and semicolon settings reach the TypeScript", () => {
    const text = (style: string, file: string): string => readFileSync(join(base, style, "ruff", "seed", file), "utf8");
    const lines = (style: string, file: string): number => text(style, file).split("\n").length;
    expect(lines("wide", "generated/ts/defs.ts")).toBeLessThan(lines("default", "generated/ts/defs.ts"));
    const wideDefs = (style: string): number =>
      readFileSync(join(base, style, "ruff", "wide", "generated/python/wide_text/defs.py"), "utf8").split("\n").length;
    expect(lines("narrow", "generated/ts/defs.ts")).toBeGreaterThan(lines("default", "generated/ts/defs.ts"));
    expect(wideDefs("wide")).toBeLessThan(wideDefs("default"));
    const code = (file: string): string[] => text("quotes", file).split("\n").filter((l) => !/^\s*(?:\/\/|\/\*\*|\*)/.test(l));
    expect(code("generated/ts/messages.ts").filter((l) => l.endsWith(";"))).toEqual([]);
    expect(text("default", "generated/ts/messages.ts").split("\n").filter((l) => l.endsWith(";")).length).toBeGreaterThan(50);
    expect(text("quotes", "generated/ts/defs.ts")).toContain("'client_api'");
    expect(text("default", "generated/ts/defs.ts")).toContain('"client_api"');
  });
});

