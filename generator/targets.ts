/**
 * The output targets, in the order they run. A new target (Kotlin, Swift, Go…) is one more
 * folder under emit/ and one more entry here.
 */
import { emitConversationVectors } from "./conformance/conversation.js";
import { emitConformance } from "./conformance/vectors.js";
import { emitDocs } from "./emit/docs/index.js";
import { emitJsonSchemas } from "./emit/jsonschema/index.js";
import { emitPythonDefs } from "./emit/python/defs.js";
import { emitPythonConversation, pythonConversationExports } from "./emit/python/conversation.js";
import { emitPythonEnvelope, pythonEnvelopeExports } from "./emit/python/envelope.js";
import { emitPythonMessages, pythonHelpers, pythonMessagesExports } from "./emit/python/messages.js";
import { emitTypeScriptDefs } from "./emit/typescript/defs.js";
import { emitTypeScriptConversation } from "./emit/typescript/conversation.js";
import { emitTypeScriptEnvelope } from "./emit/typescript/envelope.js";
import { emitTypeScriptMessages, typescriptHelpers } from "./emit/typescript/messages.js";
import type { GeneratedFile, Protocol, Span } from "./model.js";
import { assignNames, type GeneratorHelpers, type Names, type NamesResult } from "./names/index.js";

/** Where a target writes: its directory relative to the spec, and the span of that `dir:` in the spec. */
export interface OutputPlace {
  readonly dir: string;
  readonly span?: Span | undefined;
}

export interface Target {
  readonly name: string;
  enabled(protocol: Protocol): boolean;
  /** The spec's `outputs` entry for the target (its directory, relative to the spec, and where it is written), when named. */
  output(protocol: Protocol): OutputPlace | undefined;
  emit(protocol: Protocol, names: Names): readonly GeneratedFile[];
}

export const TARGETS: readonly Target[] = [
  {
    name: "typescript",
    enabled: (p) => p.outputs.typescript !== undefined,
    output: (p) => p.outputs.typescript,
    emit: (p, names) => [emitTypeScriptDefs(p), ...emitTypeScriptMessages(p, names), ...emitTypeScriptEnvelope(p, names), ...emitTypeScriptConversation(p)],
  },
  {
    name: "python",
    enabled: (p) => p.outputs.python !== undefined,
    output: (p) => p.outputs.python,
    emit: (p, names) => [
      ...emitPythonDefs(p, [
        pythonMessagesExports(p, names),
        ...[pythonEnvelopeExports(p), pythonConversationExports(p)].filter((m) => m !== undefined),
      ]),
      ...emitPythonMessages(p, names),
      ...emitPythonEnvelope(p, names),
      ...emitPythonConversation(p),
    ],
  },
  {
    name: "docs",
    enabled: (p) => p.outputs.docs !== undefined,
    output: (p) => p.outputs.docs,
    emit: (p) => emitDocs(p),
  },
  {
    name: "schema",
    enabled: (p) => p.outputs.schema !== undefined,
    output: (p) => p.outputs.schema,
    emit: (p, names) => [...emitJsonSchemas(p, names), ...emitConformance(p, names), ...emitConversationVectors(p)],
  },
];

export const TARGET_NAMES: readonly string[] = TARGETS.map((t) => t.name);

/** The names the generated modules bind for themselves, as their emitters declare them. */
export const GENERATOR_HELPERS: GeneratorHelpers = { typescript: typescriptHelpers(), python: pythonHelpers() };

/** Every generated identifier of the protocol, with the generator's own names kept out of reach. */
export function namesOf(protocol: Protocol): NamesResult {
  return assignNames(protocol, GENERATOR_HELPERS);
}
