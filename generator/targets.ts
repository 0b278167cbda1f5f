/**
 * The output targets, in the order they run. A new target (Kotlin, Swift, Go…) is one more
 * folder under emit/ and one more entry here.
 */
import { emitConformance } from "./conformance/vectors.js";
import { emitDocs } from "./emit/docs/index.js";
import { emitJsonSchemas } from "./emit/jsonschema/index.js";
import { emitPythonDefs } from "./emit/python/defs.js";
import { emitPythonMessages, pythonHelpers, pythonMessagesExports } from "./emit/python/messages.js";
import { emitTypeScriptDefs } from "./emit/typescript/defs.js";
import { emitTypeScriptMessages, typescriptHelpers } from "./emit/typescript/messages.js";
import type { GeneratedFile, Protocol } from "./model.js";
import { assignNames, type GeneratorHelpers, type Names, type NamesResult } from "./names/index.js";

export interface Target {
  readonly name: string;
  enabled(protocol: Protocol): boolean;
  /** The directory the target writes into (relative to the spec), when the spec names the target. */
  dir(protocol: Protocol): string | undefined;
  emit(protocol: Protocol, names: Names): readonly GeneratedFile[];
}

export const TARGETS: readonly Target[] = [
  {
    name: "typescript",
    enabled: (p) => p.outputs.typescript !== undefined,
    dir: (p) => p.outputs.typescript?.dir,
    emit: (p, names) => [emitTypeScriptDefs(p), ...emitTypeScriptMessages(p, names)],
  },
  {
    name: "python",
    enabled: (p) => p.outputs.python !== undefined,
    dir: (p) => p.outputs.python?.dir,
    emit: (p, names) => [...emitPythonDefs(p, [pythonMessagesExports(p, names)]), ...emitPythonMessages(p, names)],
  },
  {
    name: "docs",
    enabled: (p) => p.outputs.docs !== undefined,
    dir: (p) => p.outputs.docs?.dir,
    emit: (p) => emitDocs(p),
  },
  {
    name: "schema",
    enabled: (p) => p.outputs.schema !== undefined,
    dir: (p) => p.outputs.schema?.dir,
    emit: (p, names) => [...emitJsonSchemas(p, names), ...emitConformance(p, names)],
  },
];

export const TARGET_NAMES: readonly string[] = TARGETS.map((t) => t.name);

/** The names the generated modules bind for themselves, as their emitters declare them. */
export const GENERATOR_HELPERS: GeneratorHelpers = { typescript: typescriptHelpers(), python: pythonHelpers() };

/** Every generated identifier of the protocol, with the generator's own names kept out of reach. */
export function namesOf(protocol: Protocol): NamesResult {
  return assignNames(protocol, GENERATOR_HELPERS);
}
