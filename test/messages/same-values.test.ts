/**
 * Both runtimes over the same hostile values, each run once: the verify functions render values
 * in their messages the same way (a string as it is, everything else as JSON — `null`, `true`,
 * `1` for `1.0`, `1e+21`, objects with JavaScript's key order) and agree on which expected
 * values are given and which actual values match; the validators give the same issues for
 * numbers that exist only in memory (NaN, ±Infinity, Python ints beyond the double range, bools),
 * and jsonschema judges NaN apart exactly as the semantics table says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, test } from "vitest";
import { DIFFERENCES } from "../../generator/conformance/semantics.js";
import { python } from "../emit/defs-tooling.js";
import { generate, RICH_SPEC, SEED_SPEC, type Generated } from "./pipeline.js";

/** A value that JSON cannot carry, built in memory by each runtime. */
type Memory = "nan" | "inf" | "-inf" | "big" | "-big" | "tuple";
/** Hostile values: JSON text, or an in-memory value (TypeScript's form of Python's `big` is ±Infinity). */
type Hostile = { readonly json: string } | { readonly memory: Memory };

const fromMemory: { readonly [M in Memory]: unknown } = {
  nan: Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  "-inf": Number.NEGATIVE_INFINITY,
  big: Number.POSITIVE_INFINITY,
  "-big": Number.NEGATIVE_INFINITY,
  tuple: [1, "a"],
};
const PY_MEMORY = `{"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf"), "big": 10**400, "-big": -(10**400), "tuple": (1, "a")}`;

const tsValue = (h: Hostile): unknown => ("json" in h ? JSON.parse(h.json) : fromMemory[h.memory]);

const HOSTILE: readonly Hostile[] = [
  ...[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "-0.0",
    "1",
    "1.0",
    "1.5",
    "1e21",
    "1e-7",
    "0.000001",
    "5e-324",
    "1.7976931348623157e308",
    "123456789012345678901234567890",
    "9007199254740993",
    "1e400",
    "-1e400",
    '""',
    '"pytorch"',
    '"with \\"quotes\\", a \\\\ and ünïcode ☃ 𝄞"',
    '"line\\nbreak\\u2028"',
    '"\\ud800 lone"',
    "[]",
    "{}",
    '["a", null, [true, 1.5, -0]]',
    '{"b": 1, "2": 2, "10": 3, "01": 4, "a": {"x": []}, "": "\\u0000"}',
  ].map((json) => ({ json })),
  ...(["nan", "inf", "-inf", "big", "-big", "tuple"] as const).map((memory) => ({ memory })),
];

const label = (h: Hostile): string => ("json" in h ? h.json : `in memory: ${h.memory}`);

interface VerifyModule {
  verifyPayload(container: unknown, expected: { readonly expectedType?: unknown }): void;
}

/** The message verify throws (or null) with the value as the actual type, then as the expected type. */
function tsVerify(module: VerifyModule, h: Hostile): [string | null, string | null] {
  const run = (meta: unknown, expected: unknown): string | null => {
    try {
      module.verifyPayload({ meta }, { expectedType: expected });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const meta = (type: unknown): unknown => ({ model_buffer_type: type, model_buffer_native_format: "binary", model_buffer_encoding: "base64" });
  return [run(meta(tsValue(h)), "pytorch"), run(meta("pytorch"), tsValue(h))];
}

const PY_VERIFY = `
import json, sys
sys.path.insert(0, sys.argv[1])
from client_api import messages
MEMORY = ${PY_MEMORY}
def value(h):
    return json.loads(h["json"]) if "json" in h else MEMORY[h["memory"]]
def run(meta, expected):
    try:
        messages.verify_payload({"meta": meta}, expected_type=expected)
        return None
    except ValueError as error:
        return str(error)
def meta(t):
    return {"model_buffer_type": t, "model_buffer_native_format": "binary", "model_buffer_encoding": "base64"}
out = [[run(meta(value(h)), "pytorch"), run(meta("pytorch"), value(h))] for h in json.load(sys.stdin)]
sys.stdout.write(json.dumps(out))
`;

describe("verify messages render values the same way in both runtimes", () => {
  let gen: Generated;
  let ts: [string | null, string | null][];
  let py: [string | null, string | null][];

  beforeAll(async () => {
    gen = generate(SEED_SPEC);
    const module = (await import(pathToFileURL(join(gen.root, "generated/ts/messages.ts")).href)) as VerifyModule;
    ts = HOSTILE.map((h) => tsVerify(module, h));
    const run = python(PY_VERIFY.replace("sys.argv[1]", JSON.stringify(join(gen.root, "generated/python"))), gen.root, JSON.stringify(HOSTILE));
    if (run.status !== 0) throw new Error(run.output);
    py = JSON.parse(run.output) as [string | null, string | null][];
  }, 60_000);

  test("the same message (or none) for every hostile value, as actual and as expected", () => {
    HOSTILE.forEach((h, i) => expect(py[i], label(h)).toEqual(ts[i]));
  });

  test("one rendering: strings as they are, everything else as JSON with JavaScript's numbers", () => {
    const actual = new Map(HOSTILE.map((h, i) => [label(h), ts[i]?.[0]]));
    const got = (json: string): string | null | undefined => actual.get(json);
    expect(got('"pytorch"')).toBeNull();
    expect(got("null")).toBe("Expected model type pytorch, got null");
    expect(got("true")).toBe("Expected model type pytorch, got true");
    expect(got("1.0")).toBe("Expected model type pytorch, got 1");
    expect(got("-0.0")).toBe("Expected model type pytorch, got 0");
    expect(got("1e21")).toBe("Expected model type pytorch, got 1e+21");
    expect(got("1e-7")).toBe("Expected model type pytorch, got 1e-7");
    expect(got("0.000001")).toBe("Expected model type pytorch, got 0.000001");
    expect(got("5e-324")).toBe("Expected model type pytorch, got 5e-324");
    expect(got("123456789012345678901234567890")).toBe("Expected model type pytorch, got 1.2345678901234568e+29");
    expect(got("9007199254740993")).toBe("Expected model type pytorch, got 9007199254740992");
    expect(got("1e400")).toBe("Expected model type pytorch, got Infinity");
    expect(got('"with \\"quotes\\", a \\\\ and ünïcode ☃ 𝄞"')).toBe('Expected model type pytorch, got with "quotes", a \\ and ünïcode ☃ 𝄞');
    expect(got('["a", null, [true, 1.5, -0]]')).toBe('Expected model type pytorch, got ["a",null,[true,1.5,0]]');
    expect(got('{"b": 1, "2": 2, "10": 3, "01": 4, "a": {"x": []}, "": "\\u0000"}')).toBe(
      'Expected model type pytorch, got {"2":2,"10":3,"b":1,"01":4,"a":{"x":[]},"":"\\u0000"}',
    );
    expect(got("in memory: nan")).toBe("Expected model type pytorch, got NaN");
    expect(got("in memory: -big")).toBe("Expected model type pytorch, got -Infinity");
    expect(got("in memory: tuple")).toBe('Expected model type pytorch, got [1,"a"]');
  });

  test("an expected value is given when Python takes it for true (NaN is; 0, false, empty ones are not)", () => {
    const expected = new Map(HOSTILE.map((h, i) => [label(h), ts[i]?.[1]]));
    for (const none of ["null", "false", "0", "-0", '""', "[]", "{}", '"pytorch"']) expect(expected.get(none), none).toBeNull();
    expect(expected.get("in memory: nan")).toBe("Expected model type NaN, got pytorch");
    expect(expected.get("true")).toBe("Expected model type true, got pytorch");
    expect(expected.get("1e21")).toBe("Expected model type 1e+21, got pytorch");
  });
});

const PY_VERDICTS = `
import json, sys
sys.path.insert(0, sys.argv[1])
from jsonschema import Draft202012Validator
from rich_api import messages
MEMORY = ${PY_MEMORY}
cases = json.load(sys.stdin)
with open(sys.argv[2], encoding="utf-8") as f:
    bundle = json.load(f)
schema = Draft202012Validator({**bundle, "$ref": "#/$defs/ScalarsPayload"})
out = []
for case in cases:
    payload = {"id": 1, "ratio": 0.5, "enabled": True, "label": "x"}
    payload[case["key"]] = json.loads(case["json"]) if "json" in case else MEMORY[case["memory"]]
    issues = messages.validate_scalars_payload(payload)
    out.append({"issues": [[list(i.path), i.code, i.message] for i in issues], "schema": schema.is_valid(payload)})
sys.stdout.write(json.dumps(out))
`;

describe("in-memory numbers get the same verdict and message in both runtimes", () => {
  const cases = ["id", "ratio"].flatMap((key) =>
    [...(["nan", "inf", "-inf", "big", "-big"] as const).map((memory): Hostile => ({ memory })), ...["true", "-0.0", "9007199254740993", "1.5"].map((json): Hostile => ({ json }))].map((h) => ({
      key,
      ...h,
    })),
  );
  let ts: { issues: [(string | number)[], string, string][]; schema: boolean }[];
  let py: typeof ts;

  beforeAll(async () => {
    const gen = generate(RICH_SPEC);
    const module = (await import(pathToFileURL(join(gen.root, "out/ts/messages.ts")).href)) as {
      validateScalarsPayload(v: unknown): { ok: boolean; errors?: readonly { path: readonly (string | number)[]; code: string; message: string }[] };
    };
    const schemaPath = join(gen.root, "out/schema/messages.schema.json");
    const ajv = new Ajv2020({ strict: true });
    ajv.addSchema(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
    const ajvCheck = ajv.getSchema("urn:wiredefs:rich_api:messages#/$defs/ScalarsPayload");
    if (ajvCheck === undefined) throw new Error("no schema");
    ts = cases.map((c) => {
      const payload: { [key: string]: unknown } = { id: 1, ratio: 0.5, enabled: true, label: "x" };
      payload[c.key] = tsValue(c);
      const result = module.validateScalarsPayload(payload);
      const issues = (result.errors ?? []).map((e): [(string | number)[], string, string] => [[...e.path], e.code, e.message]);
      return { issues, schema: ajvCheck(payload) === true };
    });
    const run = python(
      PY_VERDICTS.replace("sys.argv[1]", JSON.stringify(join(gen.root, "out/python"))).replace("sys.argv[2]", JSON.stringify(schemaPath)),
      gen.root,
      JSON.stringify(cases),
    );
    if (run.status !== 0) throw new Error(run.output);
    py = JSON.parse(run.output) as typeof ts;
  }, 60_000);

  test("the same issues, messages included", () => {
    cases.forEach((c, i) => expect(py[i]?.issues, `${c.key} = ${label(c)}`).toEqual(ts[i]?.issues));
  });

  test("non-finite numbers and bools are rejected, with the words of the semantics table", () => {
    const issues = (key: string, what: string): unknown => ts[cases.findIndex((c) => c.key === key && label(c) === what)]?.issues;
    expect(issues("id", "in memory: nan")).toEqual([[["id"], "wrong_type", "expected an integer, got a non-finite number"]]);
    expect(issues("ratio", "in memory: -big")).toEqual([[["ratio"], "wrong_type", "expected a number, got a non-finite number"]]);
    expect(issues("id", "true")).toEqual([[["id"], "wrong_type", "expected an integer, got a boolean"]]);
    expect(issues("id", "-0.0")).toEqual([]);
    expect(issues("id", "9007199254740993")).toEqual([]);
    expect(issues("id", "1.5")).toEqual([[["id"], "wrong_type", "expected an integer, got a number"]]);
  });

  test("JSON Schema judges in-memory NaN apart only where the semantics table says", () => {
    expect(DIFFERENCES.some((d) => d.case.startsWith("NaN passed in memory") && d.validator === "jsonschema")).toBe(true);
    cases.forEach((c, i) => {
      const valid = (ts[i]?.issues.length ?? 1) === 0;
      expect(ts[i]?.schema, `ajv ${c.key} = ${label(c)}`).toBe(valid);
      const apart = c.key === "ratio" && "memory" in c && c.memory === "nan";
      expect(py[i]?.schema, `jsonschema ${c.key} = ${label(c)}`).toBe(apart ? !valid : valid);
    });
  });
});
