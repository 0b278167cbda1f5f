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
  emit(protocol: Protocol, names: Names): readonly GeneratedFile[];
}

export const TARGETS: readonly Target[] = [
  {
    name: "typescript",
    enabled: (p) => p.outputs.typescript !== undefined,
    emit: (p, names) => [emitTypeScriptDefs(p), ...emitTypeScriptMessages(p, names)],
  },
  {
    name: "python",
    enabled: (p) => p.outputs.python !== undefined,
    emit: (p, names) => [...emitPythonDefs(p, [pythonMessagesExports(p, names)]), ...emitPythonMessages(p, names)],
  },
  {
    name: "docs",
    enabled: (p) => p.outputs.docs !== undefined,
    emit: (p) => emitDocs(p),
  },
  {
    name: "schema",
    enabled: (p) => p.outputs.schema !== undefined,
    emit: (p, names) => [...emitJsonSchemas(p, names), ...emitConformance(p, names)],
  },
];

/** The names the generated modules bind for themselves, as their emitters declare them. */
export const GENERATOR_HELPERS: GeneratorHelpers = { typescript: typescriptHelpers(), python: pythonHelpers() };

/** Every generated identifier of the protocol, with the generator's own names kept out of reach. */
export function namesOf(protocol: Protocol): NamesResult {
  return assignNames(protocol, GENERATOR_HELPERS);
}
