/** A float constant of -0.0 keeps its sign everywhere: spec, TypeScript, Python, docs, lock. */
import { describe, expect, test } from "vitest";
import { buildLock, renderLock } from "../../generator/contract/lock.js";
import { parseLock } from "../../generator/contract/parse-lock.js";
import { constantsBlock } from "../../generator/emit/docs/constants.js";
import { pythonScalar } from "../../generator/emit/python/defs-syntax.js";
import { tsNumber } from "../../generator/emit/typescript/defs-syntax.js";
import { loadProtocol } from "../../generator/spec/index.js";

const SPEC = `wiredefs: 1
protocol: { name: zero, title: Zero., channel: zero, version: 1 }
constants:
  NEG_ZERO: { type: float, value: -0.0 }
  POS_ZERO: { type: float, value: 0.0 }
  INT_ZERO: { type: int, value: -0 }
`;

describe("-0.0", () => {
  test("literal printers keep the sign of a float zero", () => {
    expect(tsNumber(-0)).toBe("-0");
    expect(tsNumber(0)).toBe("0");
    expect(pythonScalar(-0, "float")).toBe("-0.0");
    expect(pythonScalar(0, "float")).toBe("0.0");
    expect(pythonScalar(-0, "int")).toBe("0");
    expect(pythonScalar(-1.5, "float")).toBe("-1.5");
  });

  const loaded = loadProtocol(SPEC, "protocol.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("; "));
  const value = (name: string): unknown => loaded.protocol.constants.find((c) => c.name === name)?.value;

  test("the spec loader keeps -0", () => {
    expect(Object.is(value("NEG_ZERO"), -0)).toBe(true);
    expect(Object.is(value("POS_ZERO"), 0)).toBe(true);
    // An int has no sign of zero (Python's -0 is 0): the model holds 0, so every output does.
    expect(Object.is(value("INT_ZERO"), 0)).toBe(true);
  });

  test("the docs constants table shows -0.0", () => {
    const text = JSON.stringify(constantsBlock(loaded.protocol));
    expect(text).toContain("`-0.0`");
    expect(text).toContain("`0.0`");
  });

  test("the lock records -0.0 and reads it back as -0", () => {
    const text = renderLock(buildLock(loaded.protocol));
    expect(text).toMatch(/"value": -0\.0\n/);
    const parsed = parseLock(text, "protocol.lock.json");
    if (Array.isArray(parsed)) throw new Error(parsed.map((d) => d.message).join("; "));
    expect(Object.is(parsed.lock.constants["NEG_ZERO"]?.value, -0)).toBe(true);
    expect(Object.is(parsed.lock.constants["POS_ZERO"]?.value, 0)).toBe(true);
  });
});
