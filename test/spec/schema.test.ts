/**
 * protocol.schema.json is valid JSON Schema 2020-12, documents every property, and the
 * structure interpreter agrees with Ajv on it — except where the interpreter is stricter on
 * purpose (a plain scalar YAML 1.1 reads as a bool/null/number; an integer written `1.0`).
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { PROTOCOL_SCHEMA } from "../../generator/spec/index.js";
import type { SchemaNode } from "../../generator/spec/index.js";
import { WIREDEFS_KEYWORDS } from "../../generator/spec/schema.js";
import { loadYaml } from "../../generator/spec/load.js";
import { checkStructure } from "../../generator/spec/structure.js";
import { fixtureNames, fixtureText } from "./helpers.js";

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).addVocabulary([...WIREDEFS_KEYWORDS]);
const validate = ajv.compile(PROTOCOL_SCHEMA as object);
const seedText = readFileSync(new URL("../../protocol.yaml", import.meta.url), "utf8");

/** Fixtures the interpreter rejects but plain JSON Schema (on the YAML's JS value) accepts. */
const STRICTER_THAN_JSON_SCHEMA = new Set(["plain-ambiguous", "float-integer"]);

function verdicts(text: string): { ours: boolean; ajv: boolean } | undefined {
  const loaded = loadYaml(text, "x.yaml");
  if (loaded.diagnostics.length > 0) return undefined; // not a plain YAML document: no JS value to compare
  const ours = checkStructure(loaded.root, loaded.source).diagnostics.length === 0;
  const value: unknown = parseDocument(text, { version: "1.2", schema: "core" }).toJS();
  return { ours, ajv: validate(value) };
}

describe("protocol.schema.json", () => {
  it("compiles as JSON Schema 2020-12 in Ajv's strict mode", () => {
    expect(PROTOCOL_SCHEMA.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(ajv.validateSchema(PROTOCOL_SCHEMA as object)).toBe(true);
  });

  it("gives every property a title and description, and closes every object", () => {
    const missing: string[] = [];
    // A branch of a described union may leave its words to the union, so editors show those on hover.
    const walk = (s: SchemaNode, path: string, describedByUnion = false): void => {
      const described = describedByUnion || s.$ref !== undefined || (s.title !== undefined && s.description !== undefined);
      if (!described) missing.push(`${path} (title/description)`);
      if (s.type === "object" && s.additionalProperties !== false) missing.push(`${path} (additionalProperties)`);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}.${k}`);
      for (const [k, v] of Object.entries(s.patternProperties ?? {})) walk(v, `${path}[${k}]`);
      for (const [k, v] of Object.entries(s.$defs ?? {})) walk(v, `$defs.${k}`);
      (s.anyOf ?? []).forEach((v, i) => walk(v, `${path}|${i}`, s.description !== undefined));
      if (s.items !== undefined) walk(s.items, `${path}[]`);
    };
    walk(PROTOCOL_SCHEMA, "#");
    expect(missing).toEqual([]);
  });

  it("is the schema protocol.yaml points editors at", () => {
    expect(seedText.split("\n")[0]).toBe("# yaml-language-server: $schema=./generator/spec/protocol.schema.json");
  });
});

describe("the structure interpreter agrees with Ajv", () => {
  it("accepts the seed, as Ajv does", () => {
    expect(verdicts(seedText)).toEqual({ ours: true, ajv: true });
  });

  for (const name of fixtureNames()) {
    it(`agrees on fixture ${name}`, () => {
      const v = verdicts(fixtureText(name));
      if (v === undefined) return;
      if (STRICTER_THAN_JSON_SCHEMA.has(name)) expect(v).toEqual({ ours: false, ajv: true });
      else expect(v.ours).toBe(v.ajv);
    });
  }

  it("never accepts what Ajv rejects, on mutations of the seed", () => {
    const lines = seedText.split("\n");
    const edits = fc.record({
      line: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom("drop", "dup", "rename", "retype"),
      word: fc.constantFrom("x", "12", "1.5", "true", "[a]", "{}", "values", "replys", "type"),
    });
    fc.assert(
      fc.property(edits, ({ line, kind, word }) => {
        if (kind === "rename" && /^[[{]/.test(word)) return; // a collection key has no JSON form
        const copy = [...lines];
        const original = copy[line] ?? "";
        if (kind === "drop") copy.splice(line, 1);
        else if (kind === "dup") copy.splice(line, 0, original);
        else if (kind === "rename") copy[line] = original.replace(/^(\s*)[A-Za-z_]+:/, `$1${word}:`);
        else copy[line] = original.replace(/:\s.*$/, `: ${word}`);
        const v = verdicts(copy.join("\n"));
        if (v !== undefined && !v.ajv) expect(v.ours).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
