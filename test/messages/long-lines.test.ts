/**
 * Long lines in the messages modules: names and values of every length (enum values in a
 * `Literal[…]`, nested `list`/`dict` annotations, functional TypedDicts, long type, key, topic and
 * function names, long reply unions) must come out exactly as prettier and `ruff format` print
 * them, so the formatters change nothing whatever the spec's names.
 */
import { describe, expect, test } from "vitest";
import { assignNames } from "../../generator/names/index.js";
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

/**
 * TypeScript long-line cases the emitter does not yet print as prettier does, from names of 14
 * characters up: a generic type argument list (`Readonly<Record<…>>`) past 80 columns, a string
 * or identifier argument that no longer fits (`throw new VerifyError("…")`, `attributeOf(…)`),
 * an object-literal value moved to its own line, an optional property's union type, and a
 * `checkShape<LongName>(value, {` head past the width. A listed length runs as `test.fails`.
 */
const TS_KNOWN_LONG_LINES = new Set([14, 25, 40, 62, 90]);

function generated(length: number, members: number): { ts: string; py: string } {
  const loaded = loadProtocol(spec(length, members), "protocol.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  const assigned = assignNames(loaded.protocol);
  expect(assigned.diagnostics).toEqual([]);
  const files = emitAll(loaded.protocol, assigned.names);
  const text = (suffix: string): string => files.find((f) => f.path.endsWith(suffix))?.text ?? "";
  return { ts: text("messages.ts"), py: text("messages.py") };
}

describe("long names and values are printed as the formatters print them", () => {
  for (const length of LENGTHS) {
    for (const members of MEMBERS) {
      const what = `names of ~${length} characters, enums of ${members} values`;
      test(`messages.py: ${what}`, () => {
        const { py } = generated(length, members);
        expect(ruffFormat(py)).toBe(py);
        expect(ruffCheck(py, true)).toEqual([]);
      });
      const tsTest = TS_KNOWN_LONG_LINES.has(length) ? test.fails : test;
      tsTest(`messages.ts: ${what}`, async () => {
        const { ts } = generated(length, members);
        expect(await prettierFormat(ts, "messages.ts")).toBe(ts);
      });
    }
  }
});
