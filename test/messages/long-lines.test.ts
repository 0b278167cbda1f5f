/**
 * Long lines in the messages modules: names and values of every length (enum values in a
 * `Literal[…]`, nested `list`/`dict` annotations, functional TypedDicts, long type, key, topic and
 * function names, long reply unions) must come out exactly as prettier and `ruff format` print
 * them, so the formatters change nothing whatever the spec's names. The TypeScript side covers
 * defs.ts and index.ts too, and key, value and doc lengths, set sizes and reply lists as a
 * property over a range.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { namesOf } from "../../generator/targets.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { prettierFormat, ruffCheck, ruffFormat } from "../emit/defs-tooling.js";
import { emitAll } from "./pipeline.js";

/** A spec whose names and values are about `length` characters, with enums of `members` values. */
function spec(length: number, members: number): string {
  const word = (stem: string): string => `${stem}${"x".repeat(length)}`;
  const upper = (stem: string): string => word(stem).toUpperCase();
  const values = Array.from({ length: members }, (_, i) => `      M${i}: { value: ${word(`v${i}_`)} }`).join("\n");
  const keys: [string, string][] = [
    ["ENUM", upper("E_")],
    ["LIST", `list<${upper("E_")}>`],
    ["MAP", `map<${upper("E_")}>`],
    ["NESTED", `map<list<${upper("E_")}>>`],
    ["REC", word("Rec")],
    ["RECS", `list<${word("Rec")}>`],
    ["TEXT", "string"],
  ];
  const keyLines = keys.map(([name, type]) => `      ${upper(`K_${name}_`)}: { type: ${type}, value: ${word(`${name.toLowerCase()}_`)} }`);
  const keyNames = keys.map(([name]) => upper(`K_${name}_`));
  return `wiredefs: 1
protocol:
  name: longlines
  title: Long names.
  channel: longlines
  version: 1
enums:
  ${upper("E_")}:
    values:
${values}
keys:
  ${upper("KS_")}:
    keys:
${keyLines.join("\n")}
      ${upper("K_DASHED_")}: { type: ${upper("E_")}, value: "dashed-${"x".repeat(length)}" }
      ${upper("K_FIELD_")}: { type: string, value: ${word("field_")} }
      ${upper("K_OTHER_")}: { type: int, value: ${word("other_")} }
records:
  ${word("Rec")}:
    keys: ${upper("KS_")}
    required: [${upper("K_FIELD_")}]
    optional: [${upper("K_OTHER_")}, ${upper("K_ENUM_")}]
    verify:
      function: ${word("verify_")}
      argument: ${word("container_")}
      attribute: ${word("attr_")}
      container: ${word("Box")}
      expect:
        - key: ${upper("K_ENUM_")}
          param: ${word("expected_")}
          label: state
topics:
  ${upper("TS_")}:
    keys: ${upper("KS_")}
    topics:
      ${upper("T_A_")}:
        replies: [${upper("T_B_")}, ${upper("T_C_")}, ${upper("T_D_")}]
        payload:
          required: [${keyNames.slice(0, 4).join(", ")}]
          optional: [${keyNames.slice(4).join(", ")}]
      ${upper("T_B_")}:
        payload:
          required: [${upper("K_DASHED_")}, ${upper("K_ENUM_")}]
          unknown_keys: forbid
      ${upper("T_C_")}:
        payload:
          optional: [${upper("K_DASHED_")}]
      ${upper("T_D_")}: {}
outputs:
  typescript: { dir: ts }
  python: { dir: py, package: longlines }
`;
}

const LENGTHS = [1, 6, 14, 25, 40, 62, 90];
const MEMBERS = [1, 2, 7];

type Outputs = { ts: readonly { path: string; text: string }[]; py: string };
const outputs = new Map<string, Outputs>();

/**
 * The generated TypeScript (defs.ts, messages.ts, index.ts) and messages.py of a spec, generated
 * once per spec text (the Python and the TypeScript tests of a size read the same outputs).
 */
function generated(text: string): Outputs {
  const known = outputs.get(text);
  if (known !== undefined) return known;
  const made = generateOutputs(text);
  outputs.set(text, made);
  return made;
}

function generateOutputs(text: string): Outputs {
  const loaded = loadProtocol(text, "protocol.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  const assigned = namesOf(loaded.protocol);
  expect(assigned.diagnostics).toEqual([]);
  const files = emitAll(loaded.protocol, assigned.names);
  const ts = files.filter((f) => f.path.endsWith(".ts"));
  expect(ts.map((f) => f.path.split("/").pop()).sort()).toEqual(["defs.ts", "index.ts", "messages.ts"]);
  return { ts, py: files.find((f) => f.path.endsWith("messages.py"))?.text ?? "" };
}

/** Every TypeScript file comes out as prettier prints it. */
async function expectPrettierStable(files: readonly { path: string; text: string }[]): Promise<void> {
  for (const file of files) expect(await prettierFormat(file.text, file.path), file.path).toBe(file.text);
}

describe("long names and values are printed as the formatters print them", () => {
  for (const length of LENGTHS) {
    for (const members of MEMBERS) {
      const what = `names of ~${length} characters, enums of ${members} values`;
      test(`messages.py: ${what}`, () => {
        const { py } = generated(spec(length, members));
        expect(ruffFormat(py)).toBe(py);
        expect(ruffCheck(py, true)).toEqual([]);
      });
      test(`defs.ts, messages.ts, index.ts: ${what}`, async () => {
        await expectPrettierStable(generated(spec(length, members)).ts);
      });
    }
  }
});

interface Sizes {
  /** Length of the names (set, key, topic, record). */
  readonly name: number;
  /** Length of the wire values and string constants. */
  readonly value: number;
  /** Length of the docs (words, so comments have spaces). */
  readonly doc: number;
  readonly members: number;
  readonly topics: number;
  /** How many topics each topic lists as replies. */
  readonly replies: number;
}

/**
 * A spec sized by `s`: an enum of `members` values and a topic set of `topics` topics, each with
 * `replies` replies, every name, wire value and doc of the given length; constants of every type.
 */
function sizedSpec(s: Sizes): string {
  const name = (stem: string): string => `${stem}${"x".repeat(s.name)}`.toUpperCase();
  const value = (stem: string): string => `${stem}${"v".repeat(s.value)}`;
  const doc = (stem: string): string => `"${`${stem} ${"word ".repeat(Math.ceil(s.doc / 5))}`.slice(0, s.doc + stem.length + 1).trim()}"`;
  const members = Array.from({ length: s.members }, (_, i) => `      ${name(`M${i}_`)}: { value: ${value(`m${i}_`)}, doc: ${doc(`Member ${i}`)} }`);
  const topicName = (i: number): string => name(`T${i}_`);
  const topics = Array.from({ length: s.topics }, (_, i) => {
    const replies = Array.from({ length: Math.min(s.replies, s.topics) }, (_, j) => topicName((i + j + 1) % s.topics));
    const payload = i % 2 === 0 ? `required: [${name("K_ENUM_")}], optional: [${name("K_TEXT_")}]` : `optional: [${name("K_LIST_")}]`;
    return `      ${topicName(i)}: { value: ${value(`t${i}_`)}, doc: ${doc(`Topic ${i}`)}, replies: [${replies.join(", ")}], payload: { ${payload} } }`;
  });
  return `wiredefs: 1
protocol:
  name: sized
  title: Sized names.
  channel: ${value("chan_")}
  version: 1
constants:
  ${name("C_TEXT_")}: { type: string, value: ${value("const_")}, doc: ${doc("Text")} }
  ${name("C_INT_")}: { type: int, value: -12345 }
  ${name("C_FLOAT_")}: { type: float, value: -0.5 }
  ${name("C_BOOL_")}: { type: bool, value: true }
enums:
  ${name("E_")}:
    doc: ${doc("Enum")}
    values:
${members.join("\n")}
keys:
  ${name("KS_")}:
    keys:
      ${name("K_ENUM_")}: { type: ${name("E_")}, value: ${value("enum_")}, doc: ${doc("Key")} }
      ${name("K_TEXT_")}: { type: string, value: ${value("text_")} }
      ${name("K_LIST_")}: { type: list<map<${name("E_")}>>, value: ${value("list_")} }
topics:
  ${name("TS_")}:
    keys: ${name("KS_")}
    topics:
${topics.join("\n")}
outputs:
  typescript: { dir: ts }
  python: { dir: py, package: sized }
`;
}

describe("keys, values, docs and sets of any size are printed as prettier prints them", () => {
  test("names, wire values, docs, enum members and replies over a range of lengths", async () => {
    const sizes = fc.record({
      name: fc.integer({ min: 1, max: 90 }),
      value: fc.integer({ min: 1, max: 120 }),
      doc: fc.integer({ min: 0, max: 160 }),
      members: fc.integer({ min: 1, max: 12 }),
      topics: fc.integer({ min: 1, max: 6 }),
      replies: fc.integer({ min: 0, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(sizes, async (s) => {
        await expectPrettierStable(generated(sizedSpec(s)).ts);
      }),
      { numRuns: 60, seed: 20250601 },
    );
  }, 900_000);

  test("a protocol of 200 topics with long reply unions", async () => {
    const { ts, py } = generated(sizedSpec({ name: 30, value: 40, doc: 100, members: 40, topics: 200, replies: 4 }));
    await expectPrettierStable(ts);
    expect(ruffFormat(py)).toBe(py);
  }, 900_000);
});
