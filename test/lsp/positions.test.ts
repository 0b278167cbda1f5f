/** Offsets ↔ LSP positions: UTF-16 characters, lines ended by LF, CRLF or CR. */
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../generator/lsp/positions.js";

describe("LineIndex", () => {
  const text = "a: 👋x\r\nb\rc\n\nd";
  const lines = new LineIndex(text);

  it("maps every offset to a position and back", () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const p = lines.position(offset);
      // Offsets inside a CRLF map to the line's end; everything else round-trips.
      if (!(text[offset - 1] === "\r" && text[offset] === "\n")) expect(lines.offset(p)).toBe(offset);
    }
  });

  it("counts characters in UTF-16 code units and lines at LF, CRLF and CR", () => {
    expect(lines.position(text.indexOf("x"))).toEqual({ line: 0, character: 5 }); // 👋 is two code units
    expect(lines.position(text.indexOf("b"))).toEqual({ line: 1, character: 0 });
    expect(lines.position(text.indexOf("c"))).toEqual({ line: 2, character: 0 });
    expect(lines.position(text.indexOf("d"))).toEqual({ line: 4, character: 0 });
  });

  it("clamps positions past a line's end or the text's end", () => {
    expect(lines.offset({ line: 0, character: 99 })).toBe(text.indexOf("\r"));
    expect(lines.offset({ line: 99, character: 0 })).toBe(text.length);
    expect(lines.offset({ line: -1, character: 3 })).toBe(0);
  });
});
