/**
 * The common-YAML reader builds the very tree the yaml package composes, or gives way. Whenever
 * it returns a tree for a text, the yaml package (with the loader's options) must read that text
 * without an error into an equal tree: the same node classes, values, types, sources, formats and
 * all three offsets of every range, and the same line starts. Checked on every spec in the
 * repository, on the fuzz suite's specs, and on thousands of seeded mutations of them (comment
 * and blank lines at any indentation, trailing comments, other scalars and flow collections in
 * a value's place, and raw character edits).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import prettier from "prettier";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { lineStartsOf, readCommonYaml } from "../../generator/spec/common-yaml.js";
import { loadYaml } from "../../generator/spec/load.js";
import { chainSpec, keysSpec, namesSpec } from "../../bench/big-specs.mjs";
import { draw } from "../fuzz/batch.js";

const ROOT = new URL("../../", import.meta.url).pathname;

/** The repository's files of one kind under `dirs` (a file's path, or a folder walked), each under 200 KB. */
function repositoryFiles(dirs: readonly string[], suffix: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const add = (rel: string): void => {
    const text = readFileSync(join(ROOT, rel), "utf8");
    if (text.length < 200_000) out.push({ path: rel, text });
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(suffix)) add(rel);
    }
  };
  for (const dir of dirs) {
    if (dir.endsWith(suffix)) add(dir);
    else walk(dir);
  }
  return out;
}

/** Every YAML file of the repository's specs: the seed, the examples and the test fixtures. */
const specs = repositoryFiles(["protocol.yaml", "examples", "test/fixtures"], ".yaml");
/**
 * The specs as a team's `prettier --write` leaves them: a flow collection too long for its line
 * goes over lines, one entry a line (at print width 40, most of them are).
 */
const prettierSpecs = await Promise.all(
  specs.flatMap(({ path, text }) =>
    [40, 80].map(async (printWidth) => ({
      path: `${path} (prettier, print width ${printWidth})`,
      original: text,
      text: await prettier.format(text, { parser: "yaml", printWidth }).catch(() => ""),
    })),
  ),
);
/** JSON is YAML: the locks, the generated schemas and vectors, the JSON fixtures. */
const jsonFiles = repositoryFiles(["protocol.lock.json", "examples", "test/fixtures", "generated"], ".json");

/**
 * A node as plain data: its class and own properties, minus the comments and blank-line marks
 * the composer attaches (`comment`, `commentBefore`, `spaceBefore`), which nothing downstream of
 * the loader reads and the reader does not build.
 */
function shape(node: unknown): unknown {
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = { class: node.constructor.name };
  for (const [key, value] of Object.entries(node)) {
    if (key === "comment" || key === "commentBefore" || key === "spaceBefore") continue;
    out[key] = key === "items" ? (value as unknown[]).map(shape) : key === "key" || key === "value" ? shape(value) : value;
  }
  return out;
}

/** What the yaml package reads from a text, with the loader's options. */
function yamlReading(text: string): { errors: string[]; tree: unknown; lineStarts: number[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, merge: false, version: "1.2", schema: "core", strict: true });
  return { errors: doc.errors.map((e) => e.message), tree: shape(doc.contents), lineStarts: lines.lineStarts };
}

/** Asserts the reader's tree equals the yaml package's; whether the reader read the text at all. */
function agrees(text: string): boolean {
  const fast = readCommonYaml(text);
  if (fast === undefined) return false;
  const yaml = yamlReading(text);
  expect(yaml.errors, JSON.stringify(text.slice(0, 400))).toEqual([]);
  expect(shape(fast), JSON.stringify(text.slice(0, 400))).toEqual(yaml.tree);
  expect(lineStartsOf(text)).toEqual(yaml.lineStarts);
  return true;
}

describe("the common-YAML reader", () => {
  it("reads the seed, the examples and the bench's big specs, each into the yaml package's tree", () => {
    for (const path of ["protocol.yaml", "examples/dap/protocol.yaml", "examples/jsonrpc-lsp/protocol.yaml", "examples/monorepo/protocol.yaml"]) {
      const text = readFileSync(join(ROOT, path), "utf8");
      expect(agrees(text), path).toBe(true);
    }
    for (const text of [namesSpec(300), keysSpec(300), chainSpec(40)]) expect(agrees(text)).toBe(true);
  });

  it("agrees with the yaml package on every spec in the repository it reads", () => {
    let read = 0;
    for (const { text } of specs) if (agrees(text)) read++;
    // Most fixtures are common YAML; the rest (syntax errors, anchors, tags, tabs, …) give way.
    expect(read).toBeGreaterThan(specs.length / 2);
  });

  it("reads every lock in the repository, and agrees with the yaml package on every JSON file it reads", () => {
    const locks = jsonFiles.filter((f) => f.path.endsWith(".lock.json"));
    expect(locks.length).toBeGreaterThanOrEqual(4);
    for (const { path, text } of locks) expect(agrees(text), path).toBe(true);
    let read = 0;
    for (const { text } of jsonFiles) if (agrees(text)) read++;
    expect(read).toBeGreaterThan(jsonFiles.length / 2);
  });

  it("reads flow collections over lines as prettier breaks them, into the yaml package's tree", () => {
    // Every spec the reader reads, it reads as prettier formats it too.
    let read = 0;
    let overLines = 0;
    for (const { path, original, text } of prettierSpecs) {
      if (text === "" || readCommonYaml(original) === undefined) continue;
      expect(agrees(text), path).toBe(true);
      read++;
      if (/^ *(?:- |[^\s#][^#\n]*: )?[[{] *$/m.test(text)) overLines++;
    }
    expect(read).toBeGreaterThan(specs.length / 4);
    expect(overLines).toBeGreaterThan(read / 6);
    const hand = [
      "a:\n  [\n    x,\n    y,\n  ]\n",
      "a:\n  [x,\n  y]\n",
      "a: [x,]\n",
      "a: { b: c, }\n",
      "a: [x,\n  y]\n",
      "a: { b: 1,\n  c: [2,\n\n    3] }\nd: 4\n",
      "- [x,\n  y]\n- z\n",
      "a:\n  - b:\n      {\n        c: d,\n      }\n",
      "a:\n  {\n    b: 'x',\n    \"c\": \"y\"\n  }\n",
    ];
    for (const text of hand) expect(agrees(text), JSON.stringify(text)).toBe(true);
  });

  it("reads CRLF line ends and a leading byte order mark as the yaml package does, every offset on the file's own text", () => {
    // A checkout with git's core.autocrlf: every line end CRLF, or only some of them; a file a
    // Windows editor saved with a BOM.
    const crlf = (text: string): string => text.replaceAll("\n", "\r\n");
    const bom = (text: string): string => `\ufeff${text}`;
    const mixed = (text: string): string =>
      text
        .split("\n")
        .map((line, i, all) => (i % 3 === 1 && i < all.length - 1 ? `${line}\r` : line))
        .join("\n");
    let read = 0;
    for (const { path, text } of [...specs, ...jsonFiles]) {
      if (text.includes("\r") || readCommonYaml(text) === undefined) continue;
      expect(agrees(crlf(text)), path).toBe(true);
      expect(agrees(mixed(text)), path).toBe(true);
      expect(agrees(bom(text)), path).toBe(true);
      expect(agrees(bom(crlf(text))), path).toBe(true);
      read++;
    }
    expect(read).toBeGreaterThan(specs.length / 2);
    for (const text of [namesSpec(300), keysSpec(300), chainSpec(40)]) expect(agrees(crlf(text))).toBe(true);
  });

  // The fuzz specs are hostile on purpose: most hold a character the reader gives way on (a tab,
  // a BOM, DEL, NEL, U+2028); with those made `x`, most are common YAML, with long strings
  // folded over several lines by the yaml package's stringify.
  const fuzzTexts = draw(20261203, 120).map((s) => s.spec.text);
  const tamed = fuzzTexts.map((t) => t.replace(/[\t\ufeff\u007f\u0085\u2028\u2029]/g, "x"));

  it("agrees with the yaml package on the fuzz suite's specs it reads, and on them made tame", () => {
    for (const text of fuzzTexts) agrees(text);
    let read = 0;
    for (const text of tamed) if (agrees(text)) read++;
    expect(read).toBeGreaterThan(tamed.length / 2);
  });

  const texts = [...specs.map((s) => s.text), ...tamed, ...prettierSpecs.map((s) => s.text)].filter((t) => t.length > 0 && t.length < 50_000);
  const VALUES = [
    "1", "-2", "+3", "0", "007", "1.50", "1.0", ".5", "1e3", "-1.5E-3", "0x1F", "0o17", ".inf", "-.Inf", ".nan",
    "true", "False", "null", "~", "Null", "yes", "'q'", "'it''s'", '"d"', '"a\\tb"', '"\\u00e9\\x41\\\\"', '"\\"q\\""',
    "[]", "{}", "[a, b]", "[1, [2, 3], {a: b}]", "{ a: 1, b: [x] }", "{a: 'x', \"b\": \"y\"}", "x y z", "a-b", "a:b",
    "a#b", "http://x", "-x", "<<", "|\n  text", "|-\n  a\n\n  b", ">\n  a\n  b\n\n  c", ">-\n  a", "|\n    deep\n    more",
    "", "é ü", "[ a , b ]", "{ }", "[ ]", "&a x", "*a", "!t x", "? x", "[a,]", "{a}", "- x", "'a", "\"a\\",
    '"a\n  b"', "'a\n\n  b  '", '"a \\\n  b"', '"x\n\n\n  y "', "'it''s\n  ''q'''", '"\\\n  x"', '"a\nb"',
    "a\n  b", "a\n\n  b c", "x  \n   y  ", "1\n  2", "a\n  b: c", "a\n  # c", "a # c\n  b", "a\n  -b", "a\n  b\n\n",
  ];

  it("agrees with the yaml package on line-level mutations of the specs it reads", () => {
    const edit = fc.record({
      line: fc.nat(),
      kind: fc.constantFrom("comment", "blank", "trailing", "value"),
      indent: fc.nat({ max: 8 }),
      value: fc.constantFrom(...VALUES),
      blank: fc.constantFrom("", " ", "   "),
      trailing: fc.constantFrom(" # c", "  #c", " #", "#c"),
    });
    // Each text's lines end in LF, in CRLF, or in either, line by line.
    const ends = fc.constantFrom("lf", "crlf", "mixed");
    let read = 0;
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), ends, (which, edits, end) => {
        const lines = (texts[which] as string).split("\n");
        for (const e of edits) {
          const at = e.line % lines.length;
          const line = lines[at] as string;
          if (e.kind === "comment") lines.splice(at, 0, `${" ".repeat(e.indent)}# c`);
          else if (e.kind === "blank") lines.splice(at, 0, e.blank);
          else if (e.kind === "trailing") lines[at] = line + e.trailing;
          else {
            const entry = /^( *(?:- )?[^\s:#][^:#]*?:) /.exec(line);
            const deeper = " ".repeat((/^ */.exec(line)?.[0].length ?? 0) + 2);
            if (entry !== null) lines[at] = `${entry[1]} ${e.value.replaceAll("\n  ", `\n${deeper}`)}`;
          }
        }
        const all = lines.join("\n").split("\n");
        const crAfter = (i: number): boolean => i < all.length - 1 && (end === "crlf" || (end === "mixed" && i % 2 === 0));
        if (agrees(all.map((line, i) => (crAfter(i) ? `${line}\r` : line)).join("\n"))) read++;
      }),
      { numRuns: 2500 },
    );
    expect(read).toBeGreaterThan(500);
  });

  it("agrees with the yaml package on character-level mutations of the specs and JSON files it reads", () => {
    const SNIPPETS = [":", ": ", "-", "- ", "#", " #", "'", '"', "[", "]", "{", "}", ",", "|", ">", "|-", " ", "\n", "\r\n", "\n\n", "\n  # c\n", "\n    \n", "\\", "&a", "*a", "!t", "?", "%", "---", "\t", "\r", "\ufeff", "\u2028"];
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 3 })) });
    const pool = [...texts, ...jsonFiles.map((f) => f.text).filter((t) => t.length < 50_000)];
    let read = 0;
    fc.assert(
      fc.property(fc.nat({ max: pool.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        let text = pool[which] as string;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        if (agrees(text)) read++;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
  });

  it("gives way on what it does not read", () => {
    const outside = [
      "a: 1\t# tab\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n---\nb: 2\n", "? a\n: 1\n",
      "a: b\n  c: d\n", "a: 'x\ny'\n", "a: |+\n  x\n", "a: |2\n   x\n", "a: [x,\ny]\n", "a: [x, # c\n  y]\n", "a: [x\n  y]\n", "a: # c\n  [x]\n", "- - x\n", "-\n  x\n",
      "a:\n  b:\n    c: 1\n # x\nd: 3\n", "a: 1\n  # x\n# y\nb: 2\n", "a: [-, b]\n", "a: { b: -}\n", "p:\n  v: 1\n  # c\n# c\nc: 2\n", "a: |\n  x\n # c\nb: 2\n", "a:\n  b: 1\n # x\n", "a: 1\rb: 2\n", "a: 1\r\r\n", "a: 1\n\ufeffb: 2\n", "\ufeff\ufeffa: 1\n", "a: \"\\ud800\"\n", "  a: 1\n", "", "# only\n",
      "a: x: y\n", "a: >\n  x\n    more\n", "a: |\n  x\n  \n  y\n", `${"k".repeat(1100)}: 1\n`,
    ];
    for (const text of outside) expect(readCommonYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it("counts the comment lines after a collection's last entry where the yaml package does", () => {
    // Into the value when deeper than its collection, else into the innermost collection ending
    // there that is no deeper than the deepest of them: each changes where a range ends.
    const texts = [
      "a:\n  b: 1\n  # after the last entry\nc: 2\n",
      "a:\n  b:\n    c: 1\n  # x\nd: 3\n",
      "a:\n  b:\n    c: 1\n    # x\nd: 3\n",
      "a:\n  b:\n    c: 1\n   # x\nd: 3\n",
      "a:\n  b:\n    c: 1\n      # x\nd: 3\n",
      "a:\n  b:\n    c: 1\n  # y\n\n    # x\nd: 3\n",
      "a:\n  b:\n    c: 1\n    # x\n\n  # y\nd: 3\n",
      "a:\n  b: 1\n  # x\n",
      "a: 1\n  # x\nb: 2\n",
      "a:\n  - b: 1\n    # x\nd: 3\n",
      "- a: 1\n  # x\n- b\n",
      "a: [x]\n  # x\nb: 2\n",
      "a: 'x'\n  # c\nb: 2\n",
      "p:\n  v: 1\n  # c\n\nc: 2\n",
      "a: 1\n  # x\n\n\nb: 2\n",
      "a:\n  - 1\n  # x\nd: 3\n",
    ];
    for (const text of texts) expect(agrees(text), JSON.stringify(text)).toBe(true);
  });

  it("keeps a no-break space that starts or ends a folded line, which YAML does not count as white space", () => {
    for (const text of ["a: 1\n  \u00a0x\n", "a: x\u00a0\n  y\n", "a: 'x\n  \u00a0y\u00a0\n  z'\n", "a: b\n  \u3000c\n"]) {
      expect(agrees(text), JSON.stringify(text)).toBe(true);
    }
  });

  it("leaves the loader's findings as they were on the texts it reads", () => {
    // A duplicate key, a merge key and an integer key: found by the loader's walk on either path.
    const text = "wiredefs: 1\nprotocol:\n  name: a\n  name: b\n<<: {}\n1: x\n";
    expect(readCommonYaml(text)).toBeDefined();
    const loaded = loadYaml(text, "protocol.yaml");
    expect(loaded.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`)).toEqual(["WD102 4:3", "WD104 5:1"]);
  });
});
