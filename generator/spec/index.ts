/**
 * The spec stage: protocol.yaml text → the checked, immutable `Protocol`, or every error found.
 *
 *   load (YAML, strict) → structure (protocol.schema.json) → build (resolve names) → rules
 *
 * Pure: no I/O, never throws; `file` is only the display path used in spans.
 */
import "./codes.js";
import { diagnostic, sortDiagnostics } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol } from "../model.js";
import { buildProtocol } from "./build.js";
import { deepFreeze } from "./freeze.js";
import { loadYaml } from "./load.js";
import type { Reader } from "./read.js";
import { documentRules, modelRules } from "./rules.js";
import { checkStructure } from "./structure.js";

export type LoadResult =
  | { readonly ok: true; readonly protocol: Protocol; readonly warnings: Diagnostic[]; readonly source: string }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export { PROTOCOL_SCHEMA } from "./schema.js";
export type { SchemaNode } from "./schema.js";

/** What the loader knows of where the spec sits: see `OutputRoot` (the repository root's distance). */
export interface LoadOptions {
  /** Directories between the repository root and the spec; undefined when unknown (then `..` in an output dir is not judged). */
  readonly rootDepth?: number | undefined;
}

export function loadProtocol(text: string, file: string, options: LoadOptions = {}): LoadResult {
  try {
    return load(String(text), String(file), options);
  } catch (error) {
    // A bug or an input beyond every limit; report it instead of throwing.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, diagnostics: [diagnostic("WD108", `the spec could not be checked: ${message}`)] };
  }
}

function load(text: string, file: string, options: LoadOptions): LoadResult {
  const loaded = loadYaml(text, file);
  if (loaded.root === null && loaded.diagnostics.length > 0) return { ok: false, diagnostics: sortDiagnostics(loaded.diagnostics) };
  const structure = checkStructure(loaded.root, loaded.source);
  const found: Diagnostic[] = [...loaded.diagnostics, ...structure.diagnostics];
  const reader: Reader = { source: loaded.source, bad: structure.badNodes, diagnostics: [] };
  const built = buildProtocol(reader, loaded.root);
  found.push(...reader.diagnostics, ...documentRules(reader, loaded.root, { depth: options.rootDepth }));
  if (built !== undefined) found.push(...modelRules(built.protocol));
  const errors = found.filter((d) => d.severity === "error");
  if (built !== undefined && !built.complete && errors.length === 0) {
    // A placeholder stood in for something no rule reported: never let it reach the output.
    errors.push(diagnostic("WD108", "the spec could not be checked: the protocol's name, channel or version is unreadable"));
  }
  if (errors.length > 0 || built === undefined) {
    return { ok: false, diagnostics: sortDiagnostics(errors.length > 0 ? errors : found) };
  }
  const protocol = built.protocol;
  const warnings = sortDiagnostics(found.filter((d) => d.severity === "warning"));
  return { ok: true, protocol: deepFreeze(protocol), warnings, source: text };
}
