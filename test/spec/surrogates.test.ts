/** A lone surrogate cannot be written to any output: a located error (WD109), never a replacement. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { REPO } from "../emit/defs-helpers.js";

const seed = readFileSync(join(REPO, "protocol.yaml"), "utf8");

function wd109(text: string, file = "protocol.yaml"): string[] {
  const result = generate(text, file);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  return result.diagnostics.filter((d) => d.code === "WD109").map((d) => `${d.span?.file}:${d.span?.line}:${d.span?.col} ${d.hint ?? ""}`);
}

describe("lone surrogates", () => {
  test("in a quoted value (an escape), located at the value, with a hint", () => {
    const text = seed.replace(/^( {2}title: ).*$/m, '$1"Half \\ud800 a pair"');
    const line = text.split("\n").findIndex((l) => l.includes("\\ud800")) + 1;
    expect(wd109(text)).toEqual([`protocol.yaml:${line}:10 write the whole character (both halves of the pair, or the character itself), or remove the escape`]);
  });

  test("in a key, and a low half alone", () => {
    const text = seed.replace(/^( {2}title: .*)$/m, '$1\n  "k\\udc00": 1');
    const line = text.split("\n").findIndex((l) => l.includes("\\udc00")) + 1;
    expect(wd109(text).map((d) => d.split(" ")[0])).toEqual([`protocol.yaml:${line}:3`]);
  });

  test("in the text itself, and in the file name", () => {
    expect(wd109("wiredefs: 1\nx: a\ud800b\n").map((d) => d.split(" ")[0])).toEqual(["protocol.yaml:2:5"]);
    expect(wd109(seed, "spec\udc80.yaml").map((d) => d.split(" ")[0])).toEqual(["spec\udc80.yaml:1:1"]);
  });

  test("a whole pair, escaped or not, is fine", () => {
    const text = seed.replace(/^( {2}title: ).*$/m, '$1"Pair \\ud83d\\ude80 and 🚀"');
    expect(generate(text, "protocol.yaml").ok).toBe(true);
  });
});
