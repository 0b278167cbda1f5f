/**
 * The names stage: every identifier the generated modules export, assigned once per target.
 *
 * Spec items keep their names verbatim (`Topic`, `HELLO`, `ModelExchangeMeta`); derived names
 * follow one rule each (`HELLO` → `HelloPayload`, `validateHelloPayload`, `validate_hello_payload`).
 * All module-level names of a target are collected in one table, so two spec items that map to
 * one identifier, or a spec item that takes a helper's or a reserved name, are reported with both
 * locations — never renamed behind the user's back. Emitters only ever ask this table.
 */
import { diagnostic, registerCodes, type Diagnostic } from "../diagnostics.js";
import type { Protocol, Record, Span, Topic, Verify } from "../model.js";
import { camelCase, pascalCase, snakeCase } from "./case.js";
import { PYTHON_HELPERS, TYPESCRIPT_HELPERS } from "./helpers.js";
import { PYTHON_RESERVED } from "./keywords-python.js";
import { TYPESCRIPT_RESERVED } from "./keywords-typescript.js";

registerCodes({
  WD401: { severity: "error", title: "two spec items map to one generated identifier" },
  WD402: { severity: "error", title: "a generated identifier is reserved in the target language" },
  WD403: { severity: "error", title: "a spec item takes the name of a generated helper" },
});

export type Target = "typescript" | "python";

/** A payload or record: what gets a type, a validator and a guard. */
export type Shape = Topic | Record;

export interface TargetNames {
  /** Type of a topic's payload (`HelloPayload`) or a record (its own name). */
  type(shape: Shape): string;
  /** Validator returning a result / list of issues (`validateHelloPayload`, `validate_hello_payload`). */
  validator(shape: Shape): string;
  /** TypeScript type guard (`isHelloPayload`); Python raising variant (`parse_hello_payload`). */
  guard(shape: Shape): string;
  /** The record's verify function (`verifyPayload`, `verify_payload`). */
  verify(verify: Verify): string;
}

export interface Names {
  readonly typescript: TargetNames;
  readonly python: TargetNames;
}

export interface NamesResult {
  readonly names: Names;
  readonly diagnostics: readonly Diagnostic[];
}

interface Owned {
  readonly identifier: string;
  readonly owner: string;
  readonly span: Span;
}

export function assignNames(protocol: Protocol): NamesResult {
  const diagnostics: Diagnostic[] = [];
  const typescript = buildTarget(protocol, "typescript", diagnostics);
  const python = buildTarget(protocol, "python", diagnostics);
  return { names: { typescript, python }, diagnostics };
}

function buildTarget(protocol: Protocol, target: Target, diagnostics: Diagnostic[]): TargetNames {
  const derive = target === "typescript" ? typescriptRules : pythonRules;
  const types = new Map<Shape, string>();
  const validators = new Map<Shape, string>();
  const guards = new Map<Shape, string>();
  const verifies = new Map<Verify, string>();
  const owned: Owned[] = [];
  const own = (identifier: string, owner: string, span: Span): string => {
    owned.push({ identifier, owner, span });
    return identifier;
  };

  own(protocol.channel.name, "the channel constant", protocol.channel.span);
  own(protocol.version.name, "the protocol version constant", protocol.version.span);
  for (const c of protocol.constants) own(c.name, `constant ${c.name}`, c.span);
  for (const e of protocol.enums) own(e.name, `enum ${e.name}`, e.span);
  for (const k of protocol.keySets) own(k.name, `key set ${k.name}`, k.span);
  for (const t of protocol.topicSets) own(t.name, `topic set ${t.name}`, t.span);
  const shapes: Shape[] = [...protocol.topicSets.flatMap((s) => s.topics), ...protocol.records];
  for (const shape of shapes) {
    const what = shape.kind === "topic" ? `payload of topic ${shape.name}` : `record ${shape.name}`;
    const base = shape.kind === "topic" ? `${pascalCase(shape.name)}Payload` : shape.name;
    types.set(shape, own(base, what, shape.span));
    validators.set(shape, own(derive.validator(base), `validator of the ${what}`, shape.span));
    guards.set(shape, own(derive.guard(base), `guard of the ${what}`, shape.span));
  }
  for (const r of protocol.records) {
    if (r.verify !== undefined) {
      verifies.set(r.verify, own(derive.verify(r.verify.function), `verify function of ${r.name}`, r.verify.span));
    }
  }

  reportClashes(owned, target, derive.reserved, derive.helpers, diagnostics);

  const get = <K>(map: Map<K, string>, key: K): string => {
    const name = map.get(key);
    if (name === undefined) throw new Error("names: asked for an item that is not in this protocol");
    return name;
  };
  return {
    type: (shape) => get(types, shape),
    validator: (shape) => get(validators, shape),
    guard: (shape) => get(guards, shape),
    verify: (verify) => get(verifies, verify),
  };
}

interface TargetRules {
  validator(typeName: string): string;
  guard(typeName: string): string;
  verify(functionName: string): string;
  reserved: ReadonlySet<string>;
  helpers: readonly string[];
}

const typescriptRules: TargetRules = {
  validator: (t) => `validate${t}`,
  guard: (t) => `is${t}`,
  verify: (f) => camelCase(f),
  reserved: TYPESCRIPT_RESERVED,
  helpers: TYPESCRIPT_HELPERS,
};

const pythonRules: TargetRules = {
  validator: (t) => `validate_${snakeCase(t)}`,
  guard: (t) => `parse_${snakeCase(t)}`,
  verify: (f) => snakeCase(f),
  reserved: PYTHON_RESERVED,
  helpers: PYTHON_HELPERS,
};

function reportClashes(
  owned: readonly Owned[],
  target: Target,
  reserved: ReadonlySet<string>,
  helpers: readonly string[],
  diagnostics: Diagnostic[],
): void {
  const language = target === "typescript" ? "TypeScript" : "Python";
  const first = new Map<string, Owned>();
  // One clash between two spec items is reported once per language, not once per derived name
  // (a payload type that clashes takes its validator and guard with it).
  const reportedPairs = new Set<string>();
  for (const o of owned) {
    const earlier = first.get(o.identifier);
    if (earlier !== undefined) {
      const pair = `${earlier.span.file}:${earlier.span.start}~${o.span.file}:${o.span.start}`;
      if (reportedPairs.has(pair)) continue;
      reportedPairs.add(pair);
      diagnostics.push(
        diagnostic(
          "WD401",
          `${o.owner} and ${earlier.owner} both become the ${language} identifier "${o.identifier}"`,
          o.span,
          {
            hint: "rename one of them in the spec",
            related: [{ message: `${earlier.owner} is defined here`, span: earlier.span }],
          },
        ),
      );
      continue;
    }
    first.set(o.identifier, o);
    if (reserved.has(o.identifier)) {
      diagnostics.push(
        diagnostic("WD402", `${o.owner} becomes "${o.identifier}", which is reserved in ${language}`, o.span, {
          hint: "rename it in the spec",
        }),
      );
    } else if (helpers.includes(o.identifier)) {
      diagnostics.push(
        diagnostic(
          "WD403",
          `${o.owner} becomes "${o.identifier}", which the generated ${language} code already exports`,
          o.span,
          { hint: "rename it in the spec" },
        ),
      );
    }
  }
}
