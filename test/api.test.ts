/** The programmatic API: the same pipeline as the CLI, as pure functions over text. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, generate } from "../generator/index.js";

describe("generate()", () => {
  it("renders the same files the CLI committed, without touching the disk", () => {
    const spec = readFileSync(new URL("../protocol.yaml", import.meta.url), "utf8");
    const result = generate(spec, "protocol.yaml");
    if (!result.ok) throw new Error(result.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
    expect(result.outputDirs).toEqual(["generated/ts", "generated/python", "generated/docs", "generated/schema"]);
    for (const file of result.files) {
      expect(file.text, file.path).toBe(readFileSync(new URL(`../${file.path}`, import.meta.url), "utf8"));
    }
    expect(result.files.map((f) => f.path)).toContain("generated/python/client_api/defs.py");
  });

  it("returns every diagnostic instead of throwing", () => {
    const result = generate("wiredefs: 1\nprotocol: { name: x, channel: x, version: 1 }\nenums: { E: { values: { A: { value: 1 } } } }\n", "p.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`)).toEqual(["WD201 3:37"]);
  });
});
