/**
 * The type declarations of the messages modules on their own: what messages.ts and messages.py
 * print before their validators, with the import lines those declarations need, so the types
 * can be compiled and type-checked whatever state the validators are in.
 */
import { readFileSync } from "node:fs";
import type { GeneratedFile, Protocol } from "../../generator/model.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { REPO } from "../emit/defs-helpers.js";
import { namesOf } from "../../generator/targets.js";
import { emitTypeScriptDefs } from "../../generator/emit/typescript/defs.js";
import { tsContext } from "../../generator/emit/typescript/messages-context.js";
import { emitTopicMaps, emitTypeDecls } from "../../generator/emit/typescript/messages-types.js";
import { importDecl, source } from "../../generator/emit/typescript/ts-statements.js";
import { emitPythonDefsModule } from "../../generator/emit/python/defs.js";
import { pyContext } from "../../generator/emit/python/messages-context.js";
import { emitTypeDecls as emitPyTypeDecls } from "../../generator/emit/python/messages-types.js";

/** The spec holding every value kind (test/fixtures/types/sink.yaml). */
export const SINK_SPEC = readFileSync(`${REPO}/test/fixtures/types/sink.yaml`, "utf8");

/** Loads a spec through the spec stage; a spec it rejects fails the test with its diagnostics. */
export function loadSpec(yaml: string): Protocol {
  const result = loadProtocol(yaml, "sink.yaml");
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col} ${d.message}`).join("\n"));
  return result.protocol;
}

/** The sink spec with its TypeScript output in `dir` (and `readonly: false` when mutable). */
export function sinkWithTypeScript(dir: string, mutable: boolean): Protocol {
  const yaml = SINK_SPEC.replace("typescript: { dir: ts }", `typescript: { dir: ${dir}${mutable ? ", readonly: false" : ""} }`);
  if (yaml === SINK_SPEC) throw new Error("the sink spec's typescript output moved");
  return loadSpec(yaml);
}

function names(protocol: Protocol) {
  const assigned = namesOf(protocol);
  if (assigned.diagnostics.length > 0) throw new Error(assigned.diagnostics.map((d) => d.message).join("; "));
  return assigned.names;
}

/** `<dir>/defs.ts` and `<dir>/types.ts` (the interfaces, union aliases, JsonValue, topic maps). */
export function typescriptTypes(protocol: Protocol): GeneratedFile[] {
  const dir = protocol.outputs.typescript?.dir ?? "ts";
  const ctx = tsContext(protocol, names(protocol));
  const body = [...emitTypeDecls(protocol, ctx), emitTopicMaps(protocol, ctx)].join("\n");
  const imports = ctx.imports();
  const head = imports.length === 0 ? "" : `${source(importDecl(imports, '"./defs.js"'))}\n`;
  return [emitTypeScriptDefs(protocol), { path: `${dir}/types.ts`, text: head + body }];
}

const TYPING = ["Any", "Literal", "Optional", "TypedDict", "Union"];

/** `<dir>/<package>/defs.py` and `<dir>/<package>/types.py` (the TypedDicts and aliases). */
export function pythonTypes(protocol: Protocol): GeneratedFile[] {
  const output = protocol.outputs.python;
  if (output === undefined) throw new Error("no python output");
  const ctx = pyContext(protocol, names(protocol));
  const blocks = emitPyTypeDecls(protocol, ctx);
  const typing = TYPING.filter((n) => ctx.needs.has(n));
  const text = [
    '"""Types."""\n\n',
    // isort: two blank lines before a class, one before anything else.
    typing.length === 0 ? "" : `from typing import ${typing.join(", ")}\n\n${blocks[0]?.startsWith("class ") === true ? "\n" : ""}`,
    blocks.map((b) => b.trimEnd()).join("\n\n\n"),
    "\n",
  ].join("");
  return [
    emitPythonDefsModule(protocol),
    { path: `${output.dir}/${output.package}/__init__.py`, text: "" },
    { path: `${output.dir}/${output.package}/types.py`, text },
  ];
}
