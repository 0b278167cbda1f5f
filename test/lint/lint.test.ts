/**
 * One fixture per lint rule (test/fixtures/lint/<rule_id_lower>/spec.yaml), run with only that
 * rule on, asserting the exact findings (rule ID, item, line:col); a clean spec with every rule on;
 * and the configuration: `lint: disable:` in the spec, `--disable`, unknown IDs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatLintFinding } from "../../generator/lint/format.js";
import { lint } from "../../generator/lint/lint.js";
import { LINT_RULES } from "../../generator/lint/rules.js";
import { protocolOf } from "../contract/helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "lint");
const specText = (dir: string): string => readFileSync(join(FIXTURES, dir, "spec.yaml"), "utf8");
const spec = (dir: string) => protocolOf(specText(dir), "spec.yaml");
const only = (id: string): string[] => LINT_RULES.map((r) => r.id).filter((other) => other !== id);

/** [rule, item, line:col] */
const EXPECTED: { readonly [dir: string]: readonly (readonly [string, string, string])[] } = {
  constant_name_upper_snake_case: [
    ["CONSTANT_NAME_UPPER_SNAKE_CASE", "Timeout", "8:3"],
    ["CONSTANT_NAME_UPPER_SNAKE_CASE", "Color.red", "13:7"],
  ],
  deprecated_without_reason: [["DEPRECATED_WITHOUT_REASON", "Color.RED", "11:7"]],
  doc_missing: [
    ["DOC_MISSING", "demo", "2:1"],
    ["DOC_MISSING", "Key.NAME", "10:7"],
    ["DOC_MISSING", "Topic", "12:3"],
  ],
  key_unused: [["KEY_UNUSED", "Key.SPARE", "12:7"]],
  request_without_replies: [["REQUEST_WITHOUT_REPLIES", "Topic.PING", "15:7"]],
  set_name_pascal_case: [["SET_NAME_PASCAL_CASE", "color_name", "8:3"]],
  topic_unused: [["TOPIC_UNUSED", "Topic.LOG", "17:7"]],
  wire_value_case_consistent: [["WIRE_VALUE_CASE_CONSISTENT", "Color.PALE_GREEN", "13:28"]],
  wire_value_prefix_consistent: [
    ["WIRE_VALUE_PREFIX_CONSISTENT", "Topic.PONG", "15:16"],
    ["WIRE_VALUE_PREFIX_CONSISTENT", "Kind.C", "22:19"],
  ],
};

describe("lint rules", () => {
  it("has a fixture for every rule", () => {
    const dirs = readdirSync(FIXTURES);
    for (const r of LINT_RULES) expect(dirs, r.id).toContain(r.id.toLowerCase());
    expect(Object.keys(EXPECTED).sort()).toEqual(dirs.filter((d) => d !== "clean").sort());
  });

  for (const [dir, rows] of Object.entries(EXPECTED)) {
    it(dir, () => {
      const result = lint(spec(dir), { disable: only(dir.toUpperCase()) });
      expect(result.diagnostics).toEqual([]);
      expect(result.findings.map((f) => [f.rule, f.item, `${f.span?.line}:${f.span?.col}`])).toEqual(rows);
    });
  }

  it("finds nothing in a clean spec with every rule on", () => {
    expect(lint(spec("clean"))).toEqual({ findings: [], diagnostics: [] });
  });

  it("reports only warnings, so lint fails only with --strict", () => {
    const all = Object.keys(EXPECTED).flatMap((dir) => lint(spec(dir)).findings);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((f) => f.severity))).toEqual(new Set(["warning"]));
  });

  it("prints file:line:col severity RULE: message with a code frame", () => {
    const [finding] = lint(spec("key_unused")).findings;
    const printed = formatLintFinding(finding!, new Map([["spec.yaml", specText("key_unused")]]));
    expect(printed.split("\n").slice(0, 3)).toEqual([
      "spec.yaml:12:7 warning KEY_UNUSED: key Key.SPARE is carried by no topic or record",
      "  11 |       NAME: { type: string, doc: Name. }",
      "> 12 |       SPARE: { type: string, doc: Unused. }",
    ]);
  });
});

describe("lint configuration", () => {
  it("`lint: disable:` in the spec turns a rule off", () => {
    const text = `${specText("key_unused")}lint:\n  disable: [KEY_UNUSED]\n`;
    expect(lint(protocolOf(text, "spec.yaml"))).toEqual({ findings: [], diagnostics: [] });
  });

  it("the CLI's --disable turns a rule off", () => {
    expect(lint(spec("key_unused"), { disable: ["KEY_UNUSED"] }).findings).toEqual([]);
  });

  it("an unknown rule ID is an error at its position, with the near name", () => {
    const text = `${specText("key_unused")}lint:\n  disable: [KEY_UNUSD]\n`;
    const result = lint(protocolOf(text, "spec.yaml"));
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.hint, d.span?.line, d.span?.col])).toEqual([
      ["WD701", "error", "did you mean KEY_UNUSED?", 23, 13],
    ]);
    expect(lint(spec("key_unused"), { disable: ["NOPE"] }).diagnostics.map((d) => [d.code, d.span])).toEqual([["WD701", undefined]]);
  });

  it("the seed spec lints with warnings only", () => {
    const seed = protocolOf(readFileSync("protocol.yaml", "utf8"), "protocol.yaml");
    const result = lint(seed);
    expect(result.diagnostics).toEqual([]);
    expect(result.findings.every((f) => f.severity === "warning")).toBe(true);
  });
});

describe("lint of the IDL constructs", () => {
  const text = `wiredefs: 1
protocol: { name: demo, doc: Demo., channel: demo, version: 1 }
enums:
  ErrorCode:
    doc: Codes.
    type: int
    values:
      PARSE_ERROR: { value: -32700 }
      LOW: { value: 1 }
records:
  Ok: { doc: Ok., fields: { result: { type: json } } }
unions:
  reply: { tag: status, variants: { ok: Ok } }
`;
  const found = () => lint(protocolOf(text, "spec.yaml")).findings.map((f) => [f.rule, f.item, `${f.span?.line}:${f.span?.col}`]);

  it("a union needs a PascalCase name and a doc; an int enum's numbers have no case style; a local field needs no doc", () => {
    expect(found()).toEqual([
      ["DOC_MISSING", "reply", "13:3"],
      ["SET_NAME_PASCAL_CASE", "reply", "13:3"],
    ]);
  });
});
