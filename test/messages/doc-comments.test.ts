/**
 * Doc comments in messages.ts are printed by the same mechanism as defs.ts: spec text can
 * neither end a comment nor a comment line, nor add a JSDoc tag, and prettier keeps it as is.
 */
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { namesOf } from "../../generator/targets.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { emitAll } from "./pipeline.js";

const SPEC = `wiredefs: 1
protocol: { name: demo, channel: demo, version: 1 }
keys:
  K:
    keys:
      A:
        type: string
        doc: "first\\u2028@param injected */ second\\rthird"
        deprecated: "use B\\u2029@returns nothing /** nested"
      B: { type: string, doc: plain }
topics:
  T:
    keys: K
    topics:
      PING:
        doc: "ping\\u2028*/ pong"
        deprecated: "gone\\u2028soon"
        payload: { required: [A], optional: [B] }
outputs:
  typescript: { dir: out }
`;

function messagesTs(): string {
  const loaded = loadProtocol(SPEC, "protocol.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  const { names } = namesOf(loaded.protocol);
  return emitAll(loaded.protocol, names).find((f) => f.path.endsWith("messages.ts"))?.text ?? "";
}

describe("doc comments in messages.ts", () => {
  const text = messagesTs();

  it("keeps every line break of the spec text inside the comment, and no raw line separator", () => {
    expect(text).not.toMatch(/[\r\u2028\u2029]/);
    const payload = text.slice(text.indexOf("/**\n * Payload of `T.PING`"), text.indexOf("export interface PingPayload"));
    expect(payload.split("\n").filter((l) => l !== "")).toEqual([
      "/**",
      " * Payload of `T.PING` (`ping`).",
      " *",
      " * ping",
      " * *\\/ pong",
      " *",
      " * @deprecated gone",
      " * soon",
      " */",
    ]);
  });

  it("lets no spec text add a tag or close the comment early", () => {
    const member = text.slice(text.indexOf("export interface PingPayload"), text.indexOf("readonly a: string;"));
    expect(member).toContain("   * \\@param injected *\\/ second");
    expect(member).toContain("   * @deprecated use B");
    expect(member).toContain("   * \\@returns nothing /** nested");
    expect(member.match(/\*\//g)?.length).toBe(1);
  });

  it("is left as it is by prettier", async () => {
    expect(await format(text, { parser: "typescript" })).toBe(text);
  });
});
