/**
 * The fixed code's layouts (generator/emit/fixed-layouts.ts, written by tools/fixed-layouts.mjs)
 * are current and are the formatters' own: every fixed block the emitters declare has an entry,
 * and at widths other than the default each block comes out exactly as prettier (TypeScript,
 * with and without semicolons) and ruff format (Python) print it. The formatters run here, once
 * per block and width.
 */
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { declaredFixedCode, fixedKey, laidOut, MIN_WIDTH } from "../../generator/emit/fixed-code.js";
import { fixedLayouts } from "../../generator/emit/fixed-layouts.js";
import { withStyle } from "../../generator/emit/style.js";
import { PROTOCOL_SCHEMA } from "../../generator/spec/schema.js";
import "../../generator/targets.js";

const blocks = declaredFixedCode();
const ts = blocks.filter((b) => b.language === "typescript");
const py = blocks.filter((b) => b.language === "python");

/** The formatter's output for a block, keeping the block's own trailing newlines. */
function keepingEnd(text: string, formatted: string): string {
  return formatted.replace(/\n+$/, "") + (/\n*$/.exec(text)?.[0] ?? "");
}
const bare = (text: string): string => `${text.replace(/\n+$/, "")}\n`;

describe("the fixed code's layouts", () => {
  it("cover every declared block, from the narrowest width up", () => {
    expect(ts.length).toBeGreaterThan(40);
    expect(py.length).toBeGreaterThan(60);
    const missing = blocks.filter((b) => fixedLayouts()[fixedKey(b.language, b.text)] === undefined).map((b) => b.text.slice(0, 60));
    expect(missing).toEqual([]);
    for (const entry of Object.values(fixedLayouts())) {
      for (const variants of [entry.semi, entry.bare ?? [[MIN_WIDTH, null]]]) {
        expect(variants[0]?.[0]).toBe(MIN_WIDTH);
        const froms = variants.map(([from]) => from);
        expect(froms).toEqual([...froms].sort((a, b) => a - b));
      }
    }
  });

  it("start at the narrowest width a spec may ask for", () => {
    const outputs = PROTOCOL_SCHEMA.$defs?.outputs?.properties;
    expect(outputs?.typescript?.properties?.print_width?.minimum).toBe(MIN_WIDTH);
    expect(outputs?.python?.properties?.line_length?.minimum).toBe(MIN_WIDTH);
  });

  it("are the blocks as written at the default widths", () => {
    for (const b of blocks) expect(laidOut(b.language, b.text)).toBe(b.text);
  });

  it.each([
    { printWidth: 60, semicolons: true },
    { printWidth: 100, semicolons: false },
    { printWidth: 120, semicolons: true },
  ])("are prettier's at printWidth $printWidth, semi $semicolons", async ({ printWidth, semicolons }) => {
    const differ: string[] = [];
    for (const b of ts) {
      const expected = keepingEnd(b.text, await prettier.format(bare(b.text), { parser: "typescript", printWidth, semi: semicolons }));
      if (withStyle({ printWidth, semicolons }, () => laidOut("typescript", b.text)) !== expected) differ.push(b.text.slice(0, 60));
    }
    expect(differ).toEqual([]);
  });

  it.each([79, 100, 120])("are ruff format's at line-length %i", (lineLength) => {
    const ruff = new Workspace({ "line-length": lineLength, "target-version": "py39" }, PositionEncoding.Utf16);
    const differ = py
      .filter((b) => withStyle({ lineLength }, () => laidOut("python", b.text)) !== keepingEnd(b.text, ruff.format(bare(b.text))))
      .map((b) => b.text.slice(0, 60));
    expect(differ).toEqual([]);
  });

  it("keep a def's # noqa on the line ruff check reports, at every width, and ruff format keeps it there", () => {
    const ruff = new Workspace({ "line-length": MIN_WIDTH, "target-version": "py39" }, PositionEncoding.Utf16);
    const misplaced: string[] = [];
    for (let lineLength = MIN_WIDTH; lineLength <= 88; lineLength++) {
      for (const b of py.filter((x) => x.text.includes("# noqa"))) {
        const laid = withStyle({ lineLength }, () => laidOut("python", b.text));
        // A header broken by ruff ends `) -> T:`; a noqa there silences nothing (RUF100).
        if (/^ *\)(?: -> [^\n]*)?: {2}# noqa/m.test(laid)) misplaced.push(`${String(lineLength)}: ${b.text.slice(0, 40)}`);
      }
    }
    expect(misplaced).toEqual([]);
    const narrowest = py.filter((b) => b.text.includes("# noqa")).map((b) => withStyle({ lineLength: MIN_WIDTH }, () => laidOut("python", b.text)));
    for (const laid of narrowest) expect(keepingEnd(laid, ruff.format(bare(laid)))).toBe(laid);
  });
});
