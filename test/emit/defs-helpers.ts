/**
 * Test helpers for the constants emitters: run the whole pipeline (spec loader → emitters) on
 * inline YAML and get one generated file back, in the style of protobuf-es's
 * `createTestPluginAndRun`; plus the seed and torture specs.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { emitPythonConstants } from "../../generator/emit/python/modules.js";
import { emitTypeScriptModules } from "../../generator/emit/typescript/modules.js";
import type { GeneratedFile, Protocol } from "../../generator/model.js";
import { loadProtocol } from "../../generator/spec/index.js";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const SEED_SPEC = readFileSync(`${REPO}/protocol.yaml`, "utf8");
export const TORTURE_SPEC = readFileSync(`${REPO}/test/fixtures/emit/torture.yaml`, "utf8");

/** Loads a spec; a spec the loader rejects fails the test with its diagnostics. */
export function load(yaml: string): Protocol {
  const result = loadProtocol(yaml, "protocol.yaml");
  if (!result.ok) {
    throw new Error(`spec rejected:\n${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  }
  return result.protocol;
}

/** Every file the constants emitters write for a protocol. */
export function emitDefs(protocol: Protocol): GeneratedFile[] {
  return [...emitTypeScriptModules(protocol, undefined), ...emitPythonConstants(protocol)];
}

export interface DefsRun {
  readonly files: readonly GeneratedFile[];
  /** The text of the one file whose path ends with `suffix`. */
  text(suffix: string): string;
  /** Its lines (without the final empty one). */
  lines(suffix: string): string[];
}

/** Runs the pipeline on a whole spec. */
export function runDefs(yaml: string): DefsRun {
  const files = emitDefs(load(yaml));
  const text = (suffix: string): string => {
    const found = files.filter((f) => f.path.endsWith(suffix));
    if (found.length !== 1) throw new Error(`expected one file ending in ${suffix}, got ${found.length}`);
    return found[0]?.text ?? "";
  };
  return { files, text, lines: (suffix) => text(suffix).replace(/\n$/, "").split("\n") };
}

/**
 * A minimal spec around `body` (top-level YAML: enums, keys, topics, constants), so a test
 * writes only what it is about. `protocol` adds lines to the protocol block.
 */
export function spec(body: string, protocol = ""): string {
  return [
    "wiredefs: 1",
    "protocol:",
    "  name: demo",
    "  channel: { value: demo }",
    "  version: { value: 1 }",
    ...protocol.split("\n").filter((l) => l.trim() !== "").map((l) => `  ${l}`),
    body.trimEnd(),
    "outputs:",
    "  typescript: { dir: out/ts }",
    "  python: { dir: out/py, package: demo }",
    "",
  ].join("\n");
}

/** Runs the pipeline on a minimal spec around `body`. */
export function runSpec(body: string, protocol = ""): DefsRun {
  return runDefs(spec(body, protocol));
}

/** Lines of `lines` from the first one equal to `first` (trimmed), `count` of them. */
export function linesFrom(lines: readonly string[], first: string, count: number): string[] {
  const at = lines.findIndex((l) => l.trim() === first);
  if (at < 0) throw new Error(`no line ${JSON.stringify(first)} in:\n${lines.join("\n")}`);
  return lines.slice(at, at + count);
}
