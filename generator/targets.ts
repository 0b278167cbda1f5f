/**
 * The output targets, in the order they run. A new target (Kotlin, Swift, Go…) is one more
 * folder under emit/ and one more entry here.
 */
import { emitConversationVectors } from "./conformance/conversation.js";
import { emitConformance } from "./conformance/vectors.js";
import { emitDocs } from "./emit/docs/index.js";
import { emitJsonSchemas } from "./emit/jsonschema/index.js";
import { pythonHelpers } from "./emit/python/messages.js";
import { emitPythonModules } from "./emit/python/modules.js";
import { typescriptHelpers } from "./emit/typescript/messages.js";
import { emitTypeScriptModules } from "./emit/typescript/modules.js";
import { emitPythonConversation } from "./emit/python/conversation.js";
import { emitPythonEnvelope } from "./emit/python/envelope.js";
import { emitTypeScriptConversation } from "./emit/typescript/conversation.js";
import { emitTypeScriptEnvelope } from "./emit/typescript/envelope.js";
import { pythonProject, pythonStyle, typescriptPackage, typescriptStyle } from "./emit/scaffold/index.js";
import { withStyle } from "./emit/style.js";
import { restyleTypeScript } from "./emit/typescript/restyle.js";
import type { GeneratedFile, Protocol, Span } from "./model.js";
import { assignNames, type GeneratorHelpers, type Names, type NamesResult } from "./names/index.js";

/**
 * Where a target writes: its directory relative to the spec (it may climb up to the repository
 * root), and the span of that `dir:` in the spec. The files in it are the layout's: for the code
 * targets `modules` and the entry point of `Outputs` (one layout source), for docs and schema
 * fixed names.
 */
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
    emit: (p, names) =>
      withStyle(typescriptStyle(p), () => {
        const modules = [...emitTypeScriptModules(p, names), ...emitTypeScriptEnvelope(p, names), ...emitTypeScriptConversation(p)];
        const styled = modules.map((f) => ({ path: f.path, text: restyleTypeScript(f.text) }));
        return [...styled, ...typescriptPackage(p, styled)];
      }),
  },
  {
    name: "python",
    enabled: (p) => p.outputs.python !== undefined,
    output: (p) => p.outputs.python,
    emit: (p, names) =>
      withStyle(pythonStyle(p), () => [
        ...emitPythonModules(p, names),
        ...emitPythonEnvelope(p, names),
        ...emitPythonConversation(p),
        ...pythonProject(p),
      ]),
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
    // The vectors (payloads, and conversations when the protocol has flows) are opt-in.
    emit: (p, names) => [
      ...emitJsonSchemas(p, names),
      ...(p.outputs.schema?.conformance === true ? [...emitConformance(p, names), ...emitConversationVectors(p)] : []),
    ],
  },
];

export const TARGET_NAMES: readonly string[] = TARGETS.map((t) => t.name);

/** The names the generated modules bind for themselves, as their emitters declare them. */
export const GENERATOR_HELPERS: GeneratorHelpers = { typescript: typescriptHelpers(), python: pythonHelpers() };

/** Every generated identifier of the protocol, with the generator's own names kept out of reach. */
export function namesOf(protocol: Protocol): NamesResult {
  return assignNames(protocol, GENERATOR_HELPERS);
}
