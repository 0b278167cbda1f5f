/**
 * The one width source agrees with the formatters: `width` with prettier's own getStringWidth
 * for every code point and for emoji sequences, and `pythonWidth` with where ruff (Unicode
 * widths) and apt's black (code points, `unicode_width: false`) break a line — a statement laid
 * out to exactly the line length stays, one column more is broken. One formatter run each.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { withStyle } from "../../generator/emit/style.js";
import { pythonWidth, width } from "../../generator/emit/text.js";

const SEQUENCES = ["❤️", "1️⃣", "🇯🇵", "👍🏽", "e\u0301", "語🎉", "✅k", "☺️", "☺", "한글", "\u1100\u1161", "ｆｕｌｌ", "🏳️‍🌈".replace("\u200d", "")];

/**
 * Texts whose width a Python formatter must see as we do: wide, narrow, zero-width and mixed.
 * Not here: the Hangul filler U+3164 (East Asian Wide, which ruff measures otherwise).
 */
const PY_SAMPLES = ["語", "日本語", "🎉", "❤️", "✅", "e\u0301", "\u1100\u1161", "ｆ", "한", "☺", "é", "Ω", "𝔘", "〇"];

describe("width (TypeScript) agrees with prettier's getStringWidth", () => {
  it("for every code point", () => {
    const differ: string[] = [];
    for (let code = 0; code < 0x110000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (width(char) !== prettier.util.getStringWidth(char)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("for emoji sequences, combining marks and mixed text", () => {
    for (const text of SEQUENCES) expect([text, width(text)]).toEqual([text, prettier.util.getStringWidth(text)]);
  });
});

const LIMIT = 40;

/** `x = ff("…")` padded with ASCII to exactly `columns` by `measure`. */
function statement(sample: string, columns: number, measure: (t: string) => number): string {
  const head = 'x = ff("';
  const pad = "a".repeat(columns - head.length - 2 - measure(sample));
  return `${head}${pad}${sample}")`;
}

function probe(measure: (t: string) => number): { fits: string[]; over: string[]; file: string } {
  const fits = PY_SAMPLES.map((s) => statement(s, LIMIT, measure));
  const over = PY_SAMPLES.map((s) => statement(s, LIMIT + 1, measure));
  return { fits, over, file: [...fits, ...over].join("\n") + "\n" };
}

describe("pythonWidth agrees with the Python formatters", () => {
  it("ruff (Unicode widths): exactly the line length stays, one more breaks", () => {
    const { fits, over, file } = withStyle({ unicodeWidth: true }, () => probe(pythonWidth));
    const ws = new Workspace({ "line-length": LIMIT }, PositionEncoding.Utf16);
    const lines = new Set(ws.format(file).split("\n"));
    expect(fits.filter((l) => !lines.has(l))).toEqual([]);
    expect(over.filter((l) => lines.has(l))).toEqual([]);
  });

  it("black before 24 (unicode_width: false, code points): exactly the line length stays, one more breaks", () => {
    const { fits, over, file } = withStyle({ unicodeWidth: false }, () => probe(pythonWidth));
    const dir = mkdtempSync(join(tmpdir(), "wiredefs-widths-"));
    writeFileSync(join(dir, "probe.py"), file);
    const r = spawnSync("black", ["-q", "-l", String(LIMIT), "probe.py"], { cwd: dir, encoding: "utf8" });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const lines = new Set(readFileSync(join(dir, "probe.py"), "utf8").split("\n"));
    expect(fits.filter((l) => !lines.has(l))).toEqual([]);
    expect(over.filter((l) => lines.has(l))).toEqual([]);
  });
});
