/**
 * Messages modules of edge protocols, checked at the emitter: a protocol without topics or
 * records prints only what it uses (no empty import, no unused import or helper, no empty
 * interface); validation by topic never throws, whatever the topic is; prototype-named wire
 * keys get correct conformance vectors.
 */
import { describe, expect, test } from "vitest";
import { buildTopicVectors, buildVectors } from "../../generator/conformance/vectors.js";
import type { Names } from "../../generator/names/index.js";
import { namesOf } from "../../generator/targets.js";
import type { Protocol } from "../../generator/model.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { prettierFormat, ruffCheck, ruffFormat } from "../emit/defs-tooling.js";
import { emitAll } from "./pipeline.js";

function load(text: string): { protocol: Protocol; names: Names } {
  const loaded = loadProtocol(text, "protocol.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  const assigned = namesOf(loaded.protocol);
  expect(assigned.diagnostics).toEqual([]);
  return { protocol: loaded.protocol, names: assigned.names };
}

const HEAD = `wiredefs: 1
protocol: { name: edge, title: Edge., channel: edge, version: 1 }
`;
const OUTPUTS = `outputs:
  typescript: { dir: ts }
  python: { dir: py, package: edge }
  schema: { dir: schema, conformance: true }
`;

describe("a protocol without topics or records", () => {
  const { protocol, names } = load(`${HEAD}constants:\n  LIMIT: { type: int, value: 3 }\n${OUTPUTS}`);
  const files = emitAll(protocol, names);
  const text = (suffix: string): string => files.find((f) => f.path.endsWith(suffix))?.text ?? "";

  test("messages.py imports and defines only what it uses", () => {
    const py = text("messages.py");
    expect(py).not.toMatch(/from \.defs import/);
    expect(py).not.toMatch(/^(from|import) .*\b(TypedDict|Sequence)\b/m);
    expect(py).not.toMatch(/^(def|class) (_check_shape|_Field|_Shape|_Type)\b/m);
    expect(py).toMatch(/^def validate_payload\(topic: object, value: object\)/m);
    expect(py).toMatch(/^PAYLOAD_BY_TOPIC: Mapping\[str, type\] = \{\}$/m);
    expect(ruffFormat(py)).toBe(py);
    expect(ruffCheck(py, true)).toEqual([]);
  });

  test("messages.ts has topic maps with no keys and no unused helper", async () => {
    const ts = text("messages.ts");
    expect(ts).toMatch(/^export type PayloadByTopic = Readonly<Record<never, never>>;$/m);
    expect(ts).toMatch(/^export type RepliesByTopic = Readonly<Record<never, never>>;$/m);
    expect(ts).not.toMatch(/interface \w+ \{\n\}/);
    expect(ts).not.toMatch(/checkShape|ShapeSpec|isFiniteNumber|from "\.\/defs\.js"/);
    expect(await prettierFormat(ts, "messages.ts")).toBe(ts);
  });

  test("the vectors still test validation by topic", () => {
    expect(buildVectors(protocol, names)).toEqual([]);
    expect(buildTopicVectors(protocol).map((v) => v.topic)).toContain("__proto__");
  });
});

describe("wire keys named like Object.prototype members", () => {
  const { protocol, names } = load(`${HEAD}keys:
  K:
    keys:
      P: { type: string, value: __proto__ }
      C: { type: int, value: constructor }
      T: { type: bool, value: toString }
topics:
  Topics:
    keys: K
    topics:
      X:
        payload: { required: [P, C], optional: [T], unknown_keys: forbid }
${OUTPUTS}`);
  const vectors = buildVectors(protocol, names);
  const own = (value: unknown, key: string): boolean => typeof value === "object" && value !== null && Object.hasOwn(value, key);

  test("samples hold them as own keys with sample values, never inherited members", () => {
    const minimal = vectors.find((v) => v.description === "required keys only");
    expect(minimal).toBeDefined();
    const input = minimal?.input as { readonly [key: string]: unknown };
    expect(own(input, "__proto__") && own(input, "constructor")).toBe(true);
    expect(Object.entries(input)).toEqual([
      ["__proto__", "text"],
      ["constructor", 7],
    ]);
    expect(JSON.stringify(input)).toBe('{"__proto__":"text","constructor":7}');
    const parsed = JSON.parse(JSON.stringify(input)) as object;
    expect(Object.keys(parsed)).toEqual(["__proto__", "constructor"]);
  });

  test("a missing key and a bad value are judged on the key itself", () => {
    const missing = vectors.find((v) => v.description === "missing required key __proto__");
    expect(missing?.errors).toEqual([{ path: ["__proto__"], code: "missing_key" }]);
    expect(Object.keys(missing?.input as object)).toEqual(["constructor", "toString"]);
    const bad = vectors.find((v) => v.description === "constructor: a fraction");
    expect(JSON.stringify(bad?.input)).toBe('{"__proto__":"text","constructor":1.5,"toString":true}');
  });

  test("a known key that is also a prototype name is not an unknown key", () => {
    const unknown = vectors.find((v) => v.description.startsWith("unknown keys"));
    expect(unknown?.errors.map((e) => e.path[0])).toEqual(["10", "2", "zz_extra"]);
    expect(Object.keys(unknown?.input as object).sort()).toEqual(["10", "2", "__proto__", "constructor", "toString", "zz_extra"]);
  });

  test("no vector holds a function or loses a key in its JSON", () => {
    for (const v of vectors) {
      const json = v.json ?? JSON.stringify(v.input);
      expect(json, v.description).not.toMatch(/function|\[native code\]/);
    }
    const text = emitAll(protocol, names).find((f) => f.path.endsWith("conformance.json"))?.text ?? "";
    expect(text).toMatch(/"__proto__": "text"/);
  });
});

describe("validation by topic never throws, whatever the topic is", () => {
  test.each([
    [["client_api.hello"], "an array"],
    [{ topic: "client_api.hello" }, "an object"],
    [null, "null"],
    [undefined, "undefined"],
    [7, "an integer"],
    [true, "a boolean"],
    [10n, "bigint"],
    [Symbol("client_api.hello"), "symbol"],
  ])("%s is the issue unknown_topic, as in Python", async (topic, described) => {
    const { validatePayload, isPayload } = await import("../../generated/ts/index.js");
    const validate = validatePayload as (topic: unknown, value: unknown) => ReturnType<typeof validatePayload>;
    expect(validate(topic, {})).toEqual({
      ok: false,
      errors: [{ path: [], code: "unknown_topic", message: `unknown topic: expected a string, got ${described}` }],
    });
    expect((isPayload as (topic: unknown, value: unknown) => boolean)(topic, {})).toBe(false);
  });
});
