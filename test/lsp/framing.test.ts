/** The LSP base protocol framing: Content-Length counts bytes, messages arrive in any chunks. */
import { describe, expect, it } from "vitest";
import { FrameReader, frame } from "../../generator/lsp/framing.js";

const message = { jsonrpc: "2.0", method: "textDocument/didOpen", params: { text: "héllo 👋\r\n\u2028end" } };

describe("framing", () => {
  it("counts the body in UTF-8 bytes", () => {
    const bytes = frame(message);
    const body = Buffer.from(JSON.stringify(message), "utf8");
    expect(bytes.toString("latin1").startsWith(`Content-Length: ${body.length}\r\n\r\n`)).toBe(true);
    expect(body.length).toBeGreaterThan(JSON.stringify(message).length);
  });

  it("reads a message cut at every byte, including inside the header and a multi-byte character", () => {
    const bytes = Buffer.concat([frame(message), frame({ jsonrpc: "2.0", id: 1, method: "shutdown" })]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const reader = new FrameReader();
      const got = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut))];
      expect(got.map((f) => (f.ok ? f.value : f.error))).toEqual([message, { jsonrpc: "2.0", id: 1, method: "shutdown" }]);
    }
  });

  it("accepts a Content-Type header and any header case; skips a block without Content-Length", () => {
    const body = JSON.stringify({ jsonrpc: "2.0", method: "exit" });
    const text = `X-Junk: 1\r\n\r\ncontent-length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;
    const got = new FrameReader().push(Buffer.from(text, "utf8"));
    expect(got).toEqual([
      { ok: false, error: "a header block without a valid Content-Length" },
      { ok: true, value: { jsonrpc: "2.0", method: "exit" } },
    ]);
  });

  it("reports a body that is not JSON and goes on with the next message", () => {
    const got = new FrameReader().push(Buffer.concat([Buffer.from("Content-Length: 3\r\n\r\n{x}"), frame({ a: 1 })]));
    expect(got[0]?.ok).toBe(false);
    expect(got[1]).toEqual({ ok: true, value: { a: 1 } });
  });
});
