/**
 * The JSON printer lays arrays out as prettier does: on one line when they fit 80 columns —
 * counting a trailing comma only where one follows (the fuzz suite found a last member's array
 * that fit exactly broken over lines) and measuring display width, so wide characters count 2.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { jsonText, type Json } from "../../generator/emit/jsonschema/json-text.js";
import { prettierFormat } from "./defs-tooling.js";

test("an array that ends a member list fits in exactly 80 columns", async () => {
  const value: Json = { outer: { enum: ["x".repeat(56)] }, other: { enum: ["y".repeat(55)] } };
  const text = jsonText(value);
  expect(text).toContain(`    "enum": ["${"x".repeat(56)}"]\n`);
  expect(await prettierFormat(text, "x.json")).toBe(text);
});

test("an empty array stays [] however long its key", async () => {
  const text = jsonText({ outer: { ["k".repeat(90)]: [] } });
  expect(text).toContain(`"${"k".repeat(90)}": []\n`);
  expect(await prettierFormat(text, "x.json")).toBe(text);
});

test("prettier leaves any layout of strings, wide ones included, unchanged", async () => {
  const word = fc.array(fc.constantFrom("a", "bc", "日", "本", "🚀", "é", " ", "\\", '"'), { maxLength: 30 }).map((p) => p.join(""));
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.constantFrom("a", "enum", "required"), fc.array(word, { maxLength: 4 })), async (obj) => {
      const text = jsonText({ nested: { deeper: obj }, after: obj });
      expect(await prettierFormat(text, "x.json")).toBe(text);
    }),
    { numRuns: 150 },
  );
});
