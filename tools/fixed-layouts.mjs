// Writes generator/emit/fixed-layouts.ts: every block of fixed code the emitters declare
// (generator/emit/fixed-code.ts) as the formatters themselves print it at every width, so the
// generated modules follow the team's print width, line length and semicolons exactly:
// - TypeScript: prettier at printWidth MIN_WIDTH.., with semi true and false (quotes are the
//   restyle pass's: width-neutral);
// - Python: ruff format at line-length MIN_WIDTH.. (the fixed code is ASCII and written so that
//   black, which the tests also run, agrees).
// prettier's groups only ever join as the width grows, so its changes are found by bisection;
// ruff's are scanned width by width.
// Each block's widths run until its layout stops changing (checked against a very wide run).
// Run after changing a fixed block or upgrading prettier or ruff:  node tools/fixed-layouts.mjs
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import * as esbuild from "esbuild";
import * as prettier from "prettier";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "generator/emit/fixed-layouts.ts");
const HUGE = 65535;
/** `--defaults`: only check that every block is as its formatter prints it at the default width. */
const DEFAULTS_ONLY = process.argv.includes("--defaults");

// The emitters, loaded so that every block is declared; the table being rewritten is left out
// (a stale table must not stop the tool).
const tmp = mkdtempSync(join(tmpdir(), "fixed-layouts-"));
const entry = join(tmp, "entry.mjs");
await esbuild.build({
  stdin: {
    contents: `import "./generator/targets.ts";\nexport * from "./generator/emit/fixed-code.ts";\n`,
    resolveDir: ROOT,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: entry,
  logLevel: "error",
});
const { declaredFixedCode, fixedKey, MIN_WIDTH } = await import(pathToFileURL(entry).href);
rmSync(tmp, { recursive: true, force: true });

/** `format(text)` keeping the block's own trailing newlines. */
async function keepingEnd(text, format) {
  const trail = /\n*$/.exec(text)[0];
  const out = await format(`${text.replace(/\n+$/, "")}\n`);
  return out.replace(/\n+$/, "") + trail;
}

/** [from, text | null][]: each distinct layout from the width it starts at (null: the block itself). */
async function layouts(text, formatAt, defaultWidth, asWritten = true) {
  const atDefault = await keepingEnd(text, (t) => formatAt(t, defaultWidth));
  if (asWritten && atDefault !== text) {
    mismatches.push({ text, formatted: atDefault });
    return [];
  }
  if (DEFAULTS_ONLY) return [];
  // A formatter's layout only ever joins more as the width grows: the widths where it changes
  // are found by bisection between the narrowest width and a very wide one.
  const at = new Map();
  const layout = async (width) => {
    if (!at.has(width)) at.set(width, await keepingEnd(text, (t) => formatAt(t, width)));
    return at.get(width);
  };
  const changes = [[MIN_WIDTH, await layout(MIN_WIDTH)]];
  const split = async (a, b) => {
    const [la, lb] = [await layout(a), await layout(b)];
    if (la === lb) return;
    if (b - a === 1) {
      changes.push([b, lb]);
      return;
    }
    const mid = Math.floor((a + b) / 2);
    await split(a, mid);
    await split(mid, b);
  };
  if (formatAt.monotonic) await split(MIN_WIDTH, HUGE);
  else {
    // ruff parenthesizes a long right-hand side only where that makes it fit, so a layout can
    // come back at a narrower width: every width up to the widest layout's longest line.
    const widest = await layout(HUGE);
    const longest = Math.max(...widest.split("\n").map((l) => l.length));
    for (let width = MIN_WIDTH + 1; width <= longest + 1; width += 1) {
      if ((await layout(width)) !== (await layout(width - 1))) changes.push([width, await layout(width)]);
    }
    if ((await layout(longest + 1)) !== widest) throw new Error(`a fixed block does not settle:\n${text}`);
  }
  changes.sort((x, y) => x[0] - y[0]);
  return changes.map(([width, laid]) => [width, laid === text ? null : laid]);
}

const ruff = new Map();
const ruffAt = (text, width) => {
  if (!ruff.has(width)) ruff.set(width, new Workspace({ "line-length": width, "target-version": "py39" }, PositionEncoding.Utf16));
  return noqaOnHeader(ruff.get(width).format(text));
};

/**
 * ruff format moves a `# noqa` that ends a `def` line it breaks to the header's last line, where
 * ruff check no longer sees it on the line it reports (RUF100, and the silenced rule reported):
 * it goes back after the header's `(`, where ruff format keeps it.
 */
const noqaOnHeader = (text) => text.replace(/^( *)(def \w+)\(\n((?:\1 {4}.*\n)*)(\1\)(?: -> [^\n]*)?:)(  # noqa: [^\n]*)$/gm, "$1$2($5\n$3$4");
const prettierAt = (semi) => Object.assign((text, width) => prettier.format(text, { parser: "typescript", printWidth: width, semi }), { monotonic: true });

const entries = [];
const mismatches = [];
const byKey = new Map();
const seen = new Set();
for (const { language, text } of declaredFixedCode()) {
  const key = fixedKey(language, text);
  if (seen.has(key)) continue;
  seen.add(key);
  byKey.set(key, { text });
  if (language === "python") entries.push([key, { semi: await layouts(text, ruffAt, 88) }]);
  else {
    const semi = await layouts(text, prettierAt(true), 80);
    const bare = await layouts(text, prettierAt(false), 80, false);
    entries.push([key, { semi, bare }]);
  }
}

/** A layout as lines: a number is that line of `reference`, a string a line of its own. */
function encode(laid, reference) {
  if (laid === null) return null;
  const index = new Map();
  reference.forEach((line, i) => {
    if (!index.has(line)) index.set(line, i);
  });
  return laid.split("\n").map((line) => index.get(line) ?? line);
}
for (const [key, value] of entries) {
  const { text } = byKey.get(key);
  const lines = text.split("\n");
  value.semi = value.semi.map(([from, laid]) => [from, encode(laid, lines)]);
  if (value.bare !== undefined) value.bare = value.bare.map(([from, laid]) => [from, encode(laid, lines.map((l) => l.replace(/;$/, "")))]);
}

const lines = [
  "// Written by tools/fixed-layouts.mjs from prettier and ruff format: do not edit.",
  "/**",
  " * Per block of fixed code: the layouts its formatter prints, each from the width it starts at, as",
  " * lines (a number: that line of the block, without its `;` in `bare`; null: the block as written).",
  " */",
  "export type FixedLayout = readonly (readonly [number, readonly (number | string)[] | null])[];",
  "export type FixedLayouts = Readonly<Record<string, { readonly semi: FixedLayout; readonly bare?: FixedLayout }>>;",
  "",
  "/**",
  " * One JSON entry per block, parsed on first use: a spec at the default widths needs none of the",
  " * table, and compiling it as an object literal when the generator loaded cost every run ~20 ms",
  " * (a string is only scanned).",
  " */",
  "const ENTRIES: readonly string[] = [",
  ...entries.map(([key, value]) => `  ${JSON.stringify(`${JSON.stringify(key)}: ${JSON.stringify(value)}`)},`),
  "];",
  "",
  "let table: FixedLayouts | undefined;",
  "",
  "/** The table, parsed once. */",
  "export function fixedLayouts(): FixedLayouts {",
  '  table ??= JSON.parse(`{${ENTRIES.join(",")}}`) as FixedLayouts;',
  "  return table;",
  "}",
  "",
];
if (mismatches.length > 0) {
  writeFileSync(join(tmpdir(), "fixed-layouts-mismatches.json"), JSON.stringify(mismatches));
  console.error(`fixed-layouts: ${mismatches.length} fixed blocks are not as their formatter prints them at the default width; write them as it does (listed in ${join(tmpdir(), "fixed-layouts-mismatches.json")})`);
  process.exit(1);
}
if (!DEFAULTS_ONLY) writeFileSync(OUT, lines.join("\n"));
console.log(`fixed-layouts: ${entries.length} blocks written to generator/emit/fixed-layouts.ts`);
