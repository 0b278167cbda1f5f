/**
 * A constant denotes the same value in TypeScript and Python: the generated defs.ts and defs.py
 * of a spec full of awkward numbers are run once each and compared bit for bit (floats by their
 * IEEE 754 bits, so -0.0 keeps its sign; ints exactly, and as Python ints), and the literals as
 * printed are what prettier and `ruff format` print.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import type { GeneratedFile } from "../../generator/model.js";
import { prettierFormat, python, ruffFormat, writeTemp } from "./defs-tooling.js";

/** name → [type, YAML literal]. */
const CONSTANTS: readonly (readonly [string, "int" | "float", string])[] = [
  ["F_NEG_ZERO", "float", "-0.0"],
  ["F_ZERO", "float", "0.0"],
  ["F_POINT_ONE", "float", "0.1"],
  ["F_1E21", "float", "1e21"],
  ["F_1E20", "float", "1.0e20"],
  ["F_1E16", "float", "1e16"],
  ["F_1E_MINUS_7", "float", "1e-7"],
  ["F_MICRO", "float", "0.000001"],
  ["F_DENORMAL", "float", "5e-324"],
  ["F_MAX", "float", "1.7976931348623157e308"],
  ["F_NEG_MAX", "float", "-1.7976931348623157e308"],
  ["F_UPPER_EXPONENT", "float", "2.5E-3"],
  ["F_PLUS_EXPONENT", "float", "123.456e+3"],
  ["F_INTEGRAL", "float", "3"],
  ["F_LONG_DIGITS", "float", "0.30000000000000004"],
  ["F_2_53_PLUS_1", "float", "9007199254740993"],
  ["I_ZERO", "int", "0"],
  ["I_NEG_ZERO", "int", "-0"],
  ["I_MAX_SAFE", "int", "9007199254740991"],
  ["I_MIN_SAFE", "int", "-9007199254740991"],
  ["I_PLUS", "int", "+42"],
];

const SPEC = `wiredefs: 1
protocol: { name: numbers, title: Numbers., channel: numbers, version: 1 }
constants:
${CONSTANTS.map(([name, type, literal]) => `  ${name}: { type: ${type}, value: ${literal} }`).join("\n")}
outputs:
  typescript: { dir: ts }
  python: { dir: py, package: numbers }
`;

/** A float's IEEE 754 bits as hex, big-endian (Python: `struct.pack(">d", v).hex()`). */
function bits(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return [...new Uint8Array(view.buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const PY = `
import json, struct, sys
sys.path.insert(0, "py")
from numbers_pkg import defs
out = {}
for name in json.load(sys.stdin):
    v = getattr(defs, name)
    out[name] = [type(v).__name__, struct.pack(">d", v).hex() if isinstance(v, float) else str(v)]
sys.stdout.write(json.dumps(out))
`;

describe("constants denote the same value in both languages", () => {
  let files: readonly GeneratedFile[];
  let ts: { [name: string]: unknown };
  let py: { [name: string]: [string, string] };

  beforeAll(async () => {
    const result = generate(SPEC.replace("package: numbers", "package: numbers_pkg"), "protocol.yaml");
    if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
    files = result.files;
    const dir = writeTemp(files, { "package.json": '{ "type": "module" }\n' });
    ts = (await import(pathToFileURL(join(dir, "ts/defs.ts")).href)) as { [name: string]: unknown };
    const run = python(PY, dir, JSON.stringify(CONSTANTS.map(([name]) => name)));
    if (run.status !== 0) throw new Error(run.output);
    py = JSON.parse(run.output) as typeof py;
  }, 60_000);

  test("floats: the same bits (the sign of zero included), and a Python float", () => {
    for (const [name, type, literal] of CONSTANTS) {
      if (type !== "float") continue;
      const value = ts[name];
      expect(typeof value, name).toBe("number");
      expect(py[name], `${name} = ${literal}`).toEqual(["float", bits(value as number)]);
      expect(bits(value as number), `${name} is the double the YAML literal denotes`).toBe(bits(Number(literal)));
    }
  });

  test("ints: the same integer, a Python int, no sign of zero", () => {
    for (const [name, type, literal] of CONSTANTS) {
      if (type !== "int") continue;
      const value = ts[name];
      expect(Number.isSafeInteger(value), name).toBe(true);
      expect(Object.is(value, -0), `${name} has no sign`).toBe(false);
      expect(py[name], `${name} = ${literal}`).toEqual(["int", String(BigInt(literal))]);
    }
  });

  test("the literals survive prettier and ruff format", async () => {
    const text = (suffix: string): string => files.find((f) => f.path.endsWith(suffix))?.text ?? "";
    expect(await prettierFormat(text("defs.ts"), "defs.ts")).toBe(text("defs.ts"));
    expect(ruffFormat(text("defs.py"))).toBe(text("defs.py"));
  });

  test("an int constant beyond 2^53 is a located error (TypeScript cannot hold it exactly)", () => {
    const result = generate(SPEC.replace("+42", "9007199254740993"), "protocol.yaml");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map((d) => `${d.code} ${d.span?.line ?? 0}`)).toEqual([`WD323 ${4 + CONSTANTS.length - 1}`]);
  });
});
