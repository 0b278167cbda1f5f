import { describe, expect, it } from "vitest";
import { codeFrame, didYouMean } from "../generator/diagnostics.js";
import type { Span } from "../generator/model.js";

/** The span of the first occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  const before = text.slice(0, start).split("\n");
  return { file: "f.yaml", start, end: start + needle.length, line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

describe("codeFrame", () => {
  it("shows the line before and after, and carets under the span", () => {
    const text = "a: 1\nb: oops\nc: 3\n";
    expect(codeFrame(text, spanOf(text, "oops"))).toBe(["  1 | a: 1", "> 2 | b: oops", "    |    ^^^^", "  3 | c: 3"].join("\n"));
  });

  it("never sends control or bidi characters raw to the terminal", () => {
    const text = "k: \u0007bell\u202e\u001b[31m red\n";
    const frame = codeFrame(text, spanOf(text, "bell"));
    expect(frame).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(frame).toContain("k: \\u{7}bell\\u{202e}\\u{1b}[31m red");
    // the carets sit under "bell", after the escaped bell character
    const [line, carets] = frame.split("\n");
    expect(carets?.indexOf("^")).toBe(line?.indexOf("bell"));
  });

  it("cuts a long line to a window around the span, keeping the carets aligned", () => {
    const text = `k: ${"x".repeat(500)} target ${"y".repeat(500)}\n`;
    const frame = codeFrame(text, spanOf(text, "target"));
    const [line, carets] = frame.split("\n");
    expect(line?.length).toBeLessThan(130);
    expect(line).toMatch(/^> 1 \| …x+ target y+…$/);
    expect(carets?.indexOf("^")).toBe(line?.indexOf("target"));
    expect(carets).toMatch(/ \^{6}$/);
  });
});

describe("didYouMean", () => {
  it("suggests a close name and nothing for a far one", () => {
    expect(didYouMean("replys", ["replies", "payload", "doc"])).toBe("replies");
    expect(didYouMean("zzz", ["replies", "payload"])).toBeUndefined();
  });
});
