/**
 * Wire keys as interface property names: bare exactly when prettier unquotes them — ES5
 * IdentifierNames by its table, non-ASCII letters included — and quoted otherwise (the fuzz suite
 * found `$日本` and `Mixedß` quoted, which prettier rewrote). In Python such keys stay string keys
 * (ruff's UP013 would have them class attributes, which NFKC could rename).
 */
import { expect, test } from "vitest";
import { namesOf } from "../../generator/targets.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { generate } from "../../generator/index.js";
import { prettierFormat, ruffCheck, ruffFormat } from "../emit/defs-tooling.js";
import { emitAll } from "./pipeline.js";

const KEYS: readonly [string, string][] = [
  ["$日本", "$日本"],
  ["Mixedß", "Mixedß"],
  ["Ωμέγα", "Ωμέγα"],
  ["ﬁ", "ﬁ"],
  ["a-b", '"a-b"'],
  ["𝒳", '"𝒳"'],
  ["🚀", '"🚀"'],
  ["0", '"0"'],
];

test("non-ASCII identifier keys are bare, others quoted, and prettier changes nothing", async () => {
  const keys = KEYS.map(([value], i) => `      K${i}: { type: string, value: ${JSON.stringify(value)} }`).join("\n");
  const text = `wiredefs: 1
protocol: { name: props, title: Props., channel: props, version: 1 }
keys:
  Key:
    keys:
${keys}
topics:
  Topic:
    keys: Key
    topics:
      ALL:
        payload:
          required: [${KEYS.map((_, i) => `K${i}`).join(", ")}]
outputs:
  typescript: { dir: ts }
  python: { dir: py }
  schema: { dir: schema, conformance: true }
`;
  const loaded = loadProtocol(text, "protocol.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  const messages = emitAll(loaded.protocol, namesOf(loaded.protocol).names).find((f) => f.path === "ts/messages.ts");
  const ts = messages?.text ?? "";
  for (const [, printed] of KEYS) expect(ts).toContain(`  readonly ${printed}: string;\n`);
  expect(await prettierFormat(ts, "messages.ts")).toBe(ts);
});

test("Python: non-ASCII identifier keys stay string keys of a functional TypedDict, with UP013 silenced", () => {
  const text = `wiredefs: 1
protocol: { name: props, title: Props., channel: props, version: 1 }
keys:
  Key:
    keys:
      LIGATURE: { type: string, value: "ﬁ" }
      SHARP: { type: int, value: "Mixedß" }
      LONG: { type: "map<list<string>>", value: "Ωμέγα_${"x".repeat(70)}" }
      DASH: { type: string, value: "a-b" }
topics:
  Topic:
    keys: Key
    topics:
      LETTERS:
        payload: { required: [LIGATURE, SHARP], optional: [LONG] }
      MIXED:
        payload: { required: [LIGATURE, DASH] }
outputs:
  python: { dir: py }
`;
  const result = generate(text, "protocol.yaml");
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  const py = result.files.find((f) => f.path.endsWith("messages.py"))?.text ?? "";
  expect(py).toContain('_LettersPayloadRequired = TypedDict(  # noqa: UP013\n    "_LettersPayloadRequired",\n    {"ﬁ": str, "Mixedß": int},\n)\n');
  expect(py).toMatch(/^_LettersPayloadOptional = TypedDict\( {2}# noqa: UP013\n/m);
  expect(py).toContain('_MixedPayloadRequired = TypedDict("_MixedPayloadRequired", {"ﬁ": str, "a-b": str})\n');
  expect(ruffCheck(py, true)).toEqual([]);
  expect(ruffFormat(py)).toBe(py);
});
