/**
 * Numbers a spec writes that the runtimes cannot hold as written: an integer beyond ±(2^53 − 1),
 * which JavaScript (and so the YAML reader) rounds to the nearest double, and a value past a
 * 64-bit float's range (`1e400`, `.inf`). Each is an error at the value saying which of the two it
 * is, wherever a number is written: constants, int enum members, bounds, counts, the protocol
 * version, an envelope's `when` value. None is rounded, or dropped, in silence.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { loadInline } from "./helpers.js";

const BEYOND = "which lies beyond ±9007199254740991 (2^53 − 1), the integers JavaScript holds exactly";
const INFINITE = "which is no finite number (it reads as Infinity)";

function problems(body: string): Diagnostic[] {
  const r = loadInline(body);
  expect(r.ok, "the spec is rejected").toBe(false);
  return r.ok ? [] : r.diagnostics;
}

/** `CODE line:col message` of each error. */
function located(body: string): string[] {
  return problems(body).map((d) => `${d.code} ${d.span?.line}:${d.span?.col} ${d.message}`);
}

const keyed = (keys: string): string => `keys:\n  K:\n    keys:\n${keys}topics:\n  T:\n    keys: K\n    topics:\n      ONE: {}\n`;

describe("numbers the runtimes cannot hold as written", () => {
  it("constants: an int beyond 2^53 and a float past the double range", () => {
    const body = "constants:\n  HUGE: { type: int, value: 9007199254740993 }\n  FL: { type: float, value: 1e400 }\n  OK: { type: int, value: 9007199254740991 }\n";
    expect(located(body)).toEqual([
      `WD323 7:29 constant HUGE is declared int, but its value is 9007199254740993, ${BEYOND}`,
      `WD323 8:29 constant FL is declared float, but its value is 1e400, ${INFINITE}`,
    ]);
    expect(problems(body)[0]?.hint).toContain("within ±9007199254740991");
  });

  it("an int enum member beyond 2^53", () => {
    const body = "enums:\n  Code:\n    type: int\n    values:\n      BIG: { value: -18446744073709551615 }\n      FINE: { value: 1 }\n";
    expect(located(body)).toEqual([`WD346 10:21 member BIG of int enum Code has the value -18446744073709551615, ${BEYOND}`]);
  });

  it("bounds: an int bound beyond 2^53 and a float bound past the range, once silently dropped", () => {
    const body = keyed("      COUNT: { type: int, max: 9007199254740993 }\n      RATIO: { type: float, max: 1e400 }\n      LOW: { type: float, min: -.inf }\n");
    expect(located(body)).toEqual([
      `WD344 9:32 max of key K.COUNT is 9007199254740993, ${BEYOND}`,
      `WD344 10:34 max of key K.RATIO is 1e400, ${INFINITE}`,
      `WD344 11:32 min of key K.LOW is -.inf, which is no finite number (it reads as -Infinity)`,
    ]);
  });

  it("a float bound with more digits than a double holds is rounded alike in both runtimes: accepted", () => {
    const r = loadInline(keyed("      RATIO: { type: float, max: 9007199254740993 }\n"));
    expect(r.ok).toBe(true);
  });

  it("a count and the protocol version beyond 2^53", () => {
    expect(located(keyed("      LIST: { type: list<int>, min_items: 9007199254740993 }\n"))).toEqual([
      `WD201 9:43 "min_items" of key LIST must be an integer, got the number 9007199254740993, ${BEYOND}`,
    ]);
    const version = loadProtocol("wiredefs: 1\nprotocol:\n  name: demo\n  channel: demo\n  version: 9007199254740993\n", "inline.yaml");
    expect(version.ok ? [] : version.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col} ${d.message}`)).toEqual([
      `WD201 5:12 "version" of "protocol" must be an integer or a mapping, got the number 9007199254740993, ${BEYOND}`,
    ]);
  });

  it("an envelope's when value beyond 2^53", () => {
    const body = `keys:
  K:
    keys:
      ID: { type: int }
records:
  Body:
    fields: { x: { type: int } }
topics:
  T:
    keys: K
    topics:
      ONE: {}
envelope:
  fields:
    code: { type: int }
  kinds:
    event:
      topic: name
      topics: T
      payload: body
      when: { big: { field: code, value: 9007199254740993, payload: Body } }
`;
    expect(located(body).filter((l) => l.startsWith("WD358"))).toEqual([`WD358 26:42 "value" of "when.big" of envelope kind event is 9007199254740993, ${BEYOND}`]);
  });
});
