/**
 * The TypeScript types of every value kind the IDL added, held to tsc (TypeScript 7, every
 * strict flag) with check files that use them: a tagged union narrows on its tag, nullable is
 * not optional, open enums take other values, literals and closed enums reject others (each
 * rejection an `@ts-expect-error` that tsc reports when it meets no error). Both the default
 * readonly types and the mutable ones (`outputs.typescript.readonly: false`), in one tsc run.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { GeneratedFile } from "../../generator/model.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { namesOf } from "../../generator/targets.js";
import { REPO, SEED_SPEC } from "../emit/defs-helpers.js";
import { prettierFormat, tsc, writeTemp } from "../emit/defs-tooling.js";
import { sinkWithTypeScript, typescriptTypes } from "./render.js";

const check = (name: string): string => readFileSync(`${REPO}/test/fixtures/types/${name}.ts.txt`, "utf8");

const readonlyFiles = typescriptTypes(sinkWithTypeScript("readonly", false));
const mutableFiles = typescriptTypes(sinkWithTypeScript("mutable", true));
const text = (files: readonly GeneratedFile[], suffix: string): string => files.find((f) => f.path.endsWith(suffix))?.text ?? "";

describe("the types of the new value kinds", () => {
  test("compile under every strict flag, with the narrowing and rejection checks, readonly and mutable", () => {
    const dir = writeTemp([...readonlyFiles, ...mutableFiles], {
      "readonly/common.ts": check("common"),
      "readonly/check.ts": check("readonly"),
      "mutable/common.ts": check("common"),
      "mutable/check.ts": check("mutable"),
    });
    const files = ["readonly", "mutable"].flatMap((d) => [`${d}/defs.ts`, `${d}/types.ts`, `${d}/common.ts`, `${d}/check.ts`]);
    const result = tsc(dir, files);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  test("are laid out as prettier lays them out", async () => {
    for (const f of [...readonlyFiles, ...mutableFiles]) expect(await prettierFormat(f.text, f.path)).toBe(f.text);
  });

  test("declare JsonValue once, and the mutable ones say readonly nowhere", () => {
    expect(text(readonlyFiles, "types.ts").match(/^export type JsonValue =/gm)).toHaveLength(1);
    expect(text(readonlyFiles, "types.ts")).toMatch(/\| \{ readonly \[key: string\]: JsonValue \};/);
    expect(text(mutableFiles, "types.ts")).not.toMatch(/readonly|Readonly/i);
  });

  test("a tagged union's variants carry the tag literal first", () => {
    const types = text(readonlyFiles, "types.ts");
    expect(types).toMatch(/^export interface OkReply \{\n {2}readonly status: "ok";\n/m);
    expect(types).toMatch(/^export type Reply = OkReply \| ErrorReply;$/m);
  });

  test("int and open enums are numbers and admit other values", () => {
    const defs = text(readonlyFiles, "defs.ts");
    expect(defs).toMatch(/^ {2}PARSE_ERROR: -32700,$/m);
    expect(defs).toMatch(/\| \(string & \{\}\);$/m);
    expect(defs).toMatch(/^export type Level = \(typeof Level\)\[keyof typeof Level\] \| \(number & \{\}\);$/m);
  });
});

describe("outputs.typescript.readonly", () => {
  const spec = (value: string): string => SEED_SPEC.replace("\n    dir: generated/ts\n", `\n    dir: generated/ts\n    readonly: ${value}\n`);

  test("false reaches the model; absent is the default", () => {
    const yaml = spec("false");
    expect(yaml).not.toBe(SEED_SPEC);
    const loaded = loadProtocol(yaml, "protocol.yaml");
    expect(loaded.ok && loaded.protocol.outputs.typescript?.readonly).toBe(false);
    const seed = loadProtocol(SEED_SPEC, "protocol.yaml");
    expect(seed.ok && seed.protocol.outputs.typescript?.readonly).toBeUndefined();
  });

  test("a value that is not a boolean is a located error", () => {
    const yaml = spec('"no"');
    const loaded = loadProtocol(yaml, "protocol.yaml");
    expect(loaded.ok).toBe(false);
    const diagnostics = loaded.ok ? [] : loaded.diagnostics;
    const found = diagnostics.find((d) => d.message.includes("readonly"));
    expect(found, diagnostics.map((d) => d.message).join("\n")).toBeDefined();
    const line = yaml.split("\n").findIndex((l) => l.includes('readonly: "no"')) + 1;
    expect(found?.span?.line).toBe(line);
  });
});

describe("the names the type declarations take", () => {
  test("a spec item named like JsonValue is a located error in both targets, naming what the generator uses it for", () => {
    const yaml = SEED_SPEC.replace(/\nrecords:\n/, "\nrecords:\n  JsonValue:\n    fields: { x: { type: json } }\n");
    expect(yaml).not.toBe(SEED_SPEC);
    const loaded = loadProtocol(yaml, "protocol.yaml");
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
    const found = namesOf(loaded.protocol).diagnostics.filter((d) => d.code === "WD403");
    expect(found.map((d) => d.message)).toEqual([
      'record JsonValue becomes the TypeScript identifier "JsonValue", which the generator uses for a type messages.ts exports',
      'record JsonValue becomes the Python identifier "JsonValue", which the generator uses for a type alias messages.py exports',
    ]);
    expect(found[0]?.span?.line).toBe(yaml.split("\n").indexOf("  JsonValue:") + 1);
  });
});
