/**
 * The outputs' style and package options: read into the model as given, defaults left absent,
 * and a wrong value is a located structure error (the schema's enum and types).
 */
import { describe, expect, it } from "vitest";
import { loadProtocol } from "../../generator/spec/index.js";

const BASE = `wiredefs: 1
protocol:
  name: demo
  channel: demo
  version: 1
outputs:
  typescript:
    dir: ts
TS
  python:
    dir: py
PY
`;

const spec = (ts: string, py: string): string => BASE.replace("TS\n", ts).replace("PY\n", py);

describe("outputs style and package options", () => {
  it("are read as given", () => {
    const text = spec(
      "    print_width: 100\n    quote: single\n    semicolons: false\n    package: { name: '@acme/demo', version: 2.0.0 }\n",
      "    line_length: 120\n    unicode_width: false\n    project: { name: acme-demo, version: 2.0.0 }\n",
    );
    const r = loadProtocol(text, "protocol.yaml");
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
    const { typescript, python } = r.protocol.outputs;
    expect([typescript?.printWidth, typescript?.quote, typescript?.semicolons]).toEqual([100, "single", false]);
    expect([typescript?.package?.name, typescript?.package?.version]).toEqual(["@acme/demo", "2.0.0"]);
    expect([python?.lineLength, python?.unicodeWidth, python?.project?.name]).toEqual([120, false, "acme-demo"]);
  });

  it("are absent when not given", () => {
    const r = loadProtocol(spec("", ""), "protocol.yaml");
    if (!r.ok) throw new Error("rejected");
    expect(r.protocol.outputs.typescript?.printWidth).toBeUndefined();
    expect(r.protocol.outputs.typescript?.package).toBeUndefined();
    expect(r.protocol.outputs.python?.lineLength).toBeUndefined();
  });

  it("reject a wrong value with its location", () => {
    const r = loadProtocol(spec("    quote: fancy\n    print_width: wide\n", "    project: { name: x }\n"), "protocol.yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.diagnostics.map((d) => `${d.code} ${d.span?.line}`);
    expect(lines).toHaveLength(3);
    expect(r.diagnostics.map((d) => d.span?.line ?? 0).sort((a, b) => a - b)).toEqual([9, 10, 13]);
  });
});
