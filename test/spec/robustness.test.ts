/**
 * loadProtocol is total: it returns a result (never throws, never hangs) on any input —
 * random text, binary garbage, mutations of the seed, huge and deeply nested documents.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadProtocol } from "../../generator/spec/index.js";
import type { LoadResult } from "../../generator/spec/index.js";

const seedText = readFileSync(new URL("../../protocol.yaml", import.meta.url), "utf8");

function wellFormed(result: LoadResult): boolean {
  if (result.ok) return Object.isFrozen(result.protocol) && result.warnings.every((w) => w.severity === "warning");
  return result.diagnostics.length > 0 && result.diagnostics.every((d) => d.severity === "error" && /^WD\d{3}$/.test(d.code));
}

/** Replaces, deletes or inserts a few characters of the seed. */
const mutation = fc
  .array(
    fc.record({
      at: fc.nat({ max: seedText.length }),
      cut: fc.nat({ max: 12 }),
      insert: fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom(":", "- ", "\n", "  ", "&a ", "*a", "!!str ", "<<: ", "---\n", "%YAML 1.2\n", "{", "[", "\"", "'", "#", "~", "yes", "1.10", "\t", "\uFFFD", "\u2028"),
      ),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let text = seedText;
    for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.cut);
    return text;
  });

describe("loadProtocol never throws", () => {
  it("on random strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (text) => {
        expect(wellFormed(loadProtocol(text, "random.yaml"))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("on random mutations of protocol.yaml", () => {
    fc.assert(
      fc.property(mutation, (text) => {
        expect(wellFormed(loadProtocol(text, "protocol.yaml"))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("on random line-level edits of protocol.yaml", () => {
    const lines = seedText.split("\n");
    fc.assert(
      fc.property(fc.nat({ max: lines.length - 1 }), fc.nat({ max: lines.length - 1 }), (a, b) => {
        const copy = [...lines];
        const [moved] = copy.splice(a, 1);
        copy.splice(b, 0, moved ?? "");
        expect(wellFormed(loadProtocol(copy.join("\n"), "protocol.yaml"))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("on edge inputs", () => {
    const inputs = [
      "",
      " ",
      "\n\n",
      "~",
      "12",
      "- a\n- b",
      '"just a string"',
      "\u0000\u0001\u0002\uFFFD\uFFFD",
      "\uFEFFwiredefs: 1",
      "wiredefs: 1\r\nprotocol:\r\n  name: demo\r\n  channel: demo\r\n  version: 1\r\n",
      "[".repeat(100_000),
      "{a: ".repeat(5_000),
      Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i % 200)}k${i}:`).join("\n"),
      "a: &x [*x]",
      "? [a, b]\n: c",
    ];
    for (const text of inputs) expect(wellFormed(loadProtocol(text, "edge.yaml")), JSON.stringify(text.slice(0, 20))).toBe(true);
  });

  it("on a deeply nested document, with a located WD108", () => {
    const deep = "wiredefs: 1\nprotocol: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
    const result = loadProtocol(deep, "deep.yaml");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics.map((d) => d.code)).toEqual(["WD108"]);
  });

  it("on a huge spec, in reasonable time", () => {
    const values = Array.from({ length: 5_000 }, (_, i) => `      M${i}: {}`).join("\n");
    const huge = `wiredefs: 1\nprotocol:\n  name: demo\n  channel: demo\n  version: 1\nenums:\n  Big:\n    values:\n${values}\n`;
    const started = Date.now();
    const result = loadProtocol(huge, "huge.yaml");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.ok).toBe(true);
    expect(result.ok && result.protocol.enums[0]?.members).toHaveLength(5_000);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(loadProtocol(seedText, "p.yaml"))).toBe(JSON.stringify(loadProtocol(seedText, "p.yaml")));
  });
});
