/**
 * Directives are found the way YAML finds them: a `%` that only starts a line in JavaScript's
 * sense — after U+2028 or U+2029 inside a doc — is text, and the spec loads (the fuzz suite found
 * docs with a line separator before `%d` rejected as WD106 with a span in the middle of the file).
 */
import { describe, expect, it } from "vitest";
import { loadInline, positions, reported } from "./helpers.js";
import { loadProtocol } from "../../generator/spec/index.js";

describe("directives", () => {
  for (const separator of ["\u2028", "\u2029"]) {
    it(`a doc with ${JSON.stringify(separator)} before % loads, the text kept`, () => {
      const doc = `rate${separator}%d of ${separator}%YAML`;
      const result = loadInline(`constants:\n  RATE:\n    type: int\n    value: 1\n    doc: ${JSON.stringify(doc)}\n`);
      expect(positions(reported(result))).toEqual([]);
      expect(result.ok && result.protocol.constants[0]?.doc).toBe(doc);
    });
  }

  it("a real directive is still WD106 at its line", () => {
    const explicit = loadProtocol("%YAML 1.2\n---\nwiredefs: 1\n", "x.yaml");
    expect(positions(reported(explicit))).toContain("WD106 1:1");
    const unknown = loadProtocol("%FOO bar\n---\nwiredefs: 1\n", "x.yaml");
    expect(positions(reported(unknown))).toContain("WD106 1:1");
  });
});
