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
import type { Enum, Protocol, Record, Span, TaggedUnion, Topic, TopicResponse, Verify } from "../model.js";
import { camelCase, pascalCase, snakeCase } from "./case.js";
import { envelopeOwned } from "./envelope.js";
import type { GeneratorHelpers, Helper, TargetHelpers } from "./helpers.js";
import { PYTHON_BUILTINS, PYTHON_RESERVED } from "./keywords-python.js";
import { TYPESCRIPT_RESERVED } from "./keywords-typescript.js";

export type { GeneratorHelpers, Helper, TargetHelpers } from "./helpers.js";

registerCodes({
  WD401: { severity: "error", title: "two spec items map to one generated identifier" },
  WD402: { severity: "error", title: "a generated identifier is reserved in the target language" },
  WD403: { severity: "error", title: "a spec item takes the name of a generated helper" },
  WD404: { severity: "error", title: "a verify argument or parameter takes a name its function already uses" },
});

export type Target = "typescript" | "python";

/** A payload or record: what gets a type, a validator and a guard. */
export type Shape = Topic | Record | TopicResponse;

export interface TargetNames {
  /** Type of a topic's payload (`HelloPayload`) or a record (its own name). */
  type(shape: Shape): string;
  /** Validator returning a result / list of issues (`validateHelloPayload`, `validate_hello_payload`). */
  validator(shape: Shape): string;
  /** TypeScript type guard (`isHelloPayload`); Python raising variant (`parse_hello_payload`). */
  guard(shape: Shape): string;
  /** The record's verify function (`verifyPayload`, `verify_payload`). */
  verify(verify: Verify): string;
  /** The type alias of a tagged union (its own name): `type Reply = OkReply | ErrorReply`. */
  union(union: TaggedUnion): string;
}

/** Python also names the base classes a TypedDict is split into (`_FooRequired`, `_FooOptional`). */
export interface PythonNames extends TargetNames {
  typedDictBase(shape: Shape, half: "required" | "optional"): string;
  /** The validators' private parts: the fast check (`_is_hello_payload`) and the issue walk (`_walk_hello_payload`). */
  check(shape: Shape): string;
  walk(shape: Shape): string;
  /** The key set of a shape that forbids unknown keys (`_HELLO_PAYLOAD_KEYS`). */
  knownKeys(shape: Shape): string;
  /** An enum's values and wording for the validators (`_MODEL_ENCODING_VALUES`, `_MODEL_ENCODING_ENUM`). */
  enumValues(e: Enum): string;
  enumSpec(e: Enum): string;
  /** A tagged union's variant table for the validators (`_REPLY_VARIANTS`). */
  unionVariants(u: TaggedUnion): string;
}

export interface Names {
  readonly typescript: TargetNames;
  readonly python: PythonNames;
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

/**
 * Assigns every generated identifier. `helpers` are the names the emitters bind for themselves
 * (targets.ts collects them from the emitters); a spec item that takes one is an error.
 */
export function assignNames(protocol: Protocol, helpers: GeneratorHelpers): NamesResult {
  const diagnostics: Diagnostic[] = [];
  const typescript = buildTarget(protocol, "typescript", helpers.typescript, diagnostics);
  const python = buildTarget(protocol, "python", helpers.python, diagnostics);
  for (const r of protocol.records) {
    if (r.verify === undefined) continue;
    checkVerifyScope(r.verify, "typescript", helpers.typescript, diagnostics);
    checkVerifyScope(r.verify, "python", helpers.python, diagnostics);
  }
  return { names: { typescript, python }, diagnostics };
}

function buildTarget(protocol: Protocol, target: "typescript", helpers: TargetHelpers, diagnostics: Diagnostic[]): TargetNames;
function buildTarget(protocol: Protocol, target: "python", helpers: TargetHelpers, diagnostics: Diagnostic[]): PythonNames;
function buildTarget(protocol: Protocol, target: Target, helpers: TargetHelpers, diagnostics: Diagnostic[]): PythonNames {
  const derive = target === "typescript" ? typescriptRules : pythonRules;
  const types = new Map<Shape, string>();
  const validators = new Map<Shape, string>();
  const guards = new Map<Shape, string>();
  const verifies = new Map<Verify, string>();
  const unions = new Map<TaggedUnion, string>();
  const bases = new Map<Shape, { required: string; optional: string }>();
  const privates = new Map<Shape, { check: string; walk: string; keys: string }>();
  const enumNames = new Map<Enum, { values: string; spec: string }>();
  const unionNames = new Map<TaggedUnion, string>();
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
  for (const u of protocol.unions) unions.set(u, own(u.name, `tagged union ${u.name}`, u.span));
  const topics = protocol.topicSets.flatMap((s) => s.topics);
  const responses = topics.flatMap((t) => (t.response === undefined ? [] : [t.response]));
  const shapes: Shape[] = [...topics, ...protocol.records, ...responses];
  for (const shape of shapes) {
    const what = shape.kind === "topic" ? `payload of topic ${shape.name}` : shape.kind === "response" ? `response of topic ${shape.name}` : `record ${shape.name}`;
    const base = shape.kind === "topic" ? `${pascalCase(shape.name)}Payload` : shape.kind === "response" ? `${pascalCase(shape.name)}Result` : shape.name;
    types.set(shape, own(base, what, shape.span));
    validators.set(shape, own(derive.validator(base), `validator of the ${what}`, shape.span));
    guards.set(shape, own(derive.guard(base), `guard of the ${what}`, shape.span));
    if (target === "python") {
      // A TypedDict with required and optional keys is split into base classes named here.
      bases.set(shape, {
        required: own(`_${base}Required`, `TypedDict base class of the required keys of the ${what}`, shape.span),
        optional: own(`_${base}Optional`, `TypedDict base class of the optional keys of the ${what}`, shape.span),
      });
      const snake = snakeCase(base);
      privates.set(shape, {
        check: own(`_is_${snake}`, `fast check of the ${what}`, shape.span),
        walk: own(`_walk_${snake}`, `issue walk of the ${what}`, shape.span),
        keys: own(`_${snake.toUpperCase()}_KEYS`, `key set of the ${what}`, shape.span),
      });
    }
  }
  if (target === "python") {
    for (const e of protocol.enums) {
      const upper = snakeCase(e.name).toUpperCase();
      enumNames.set(e, {
        values: own(`_${upper}_VALUES`, `value set of enum ${e.name}`, e.span),
        spec: own(`_${upper}_ENUM`, `validator spec of enum ${e.name}`, e.span),
      });
    }
    for (const u of protocol.unions) {
      unionNames.set(u, own(`_${snakeCase(u.name).toUpperCase()}_VARIANTS`, `variant table of union ${u.name}`, u.span));
    }
  }
  for (const n of envelopeOwned(protocol)) own(n.identifier, n.owner, n.span);
  for (const r of protocol.records) {
    if (r.verify !== undefined) {
      verifies.set(r.verify, own(derive.verify(r.verify.function), `verify function of ${r.name}`, r.verify.functionSpan));
    }
  }

  reportClashes(owned, target, derive.reserved, helpers.module, diagnostics);

  const get = <K, V>(map: Map<K, V>, key: K): V => {
    const name = map.get(key);
    if (name === undefined) throw new Error("names: asked for an item that is not in this protocol");
    return name;
  };
  return {
    type: (shape) => get(types, shape),
    validator: (shape) => get(validators, shape),
    guard: (shape) => get(guards, shape),
    verify: (verify) => get(verifies, verify),
    union: (union) => get(unions, union),
    typedDictBase: (shape, half) => get(bases, shape)[half],
    check: (shape) => get(privates, shape).check,
    walk: (shape) => get(privates, shape).walk,
    knownKeys: (shape) => get(privates, shape).keys,
    enumValues: (e) => get(enumNames, e).values,
    enumSpec: (e) => get(enumNames, e).spec,
    unionVariants: (u) => get(unionNames, u),
  };
}

interface TargetRules {
  validator(typeName: string): string;
  guard(typeName: string): string;
  verify(functionName: string): string;
  reserved: ReadonlySet<string>;
}

const typescriptRules: TargetRules = {
  validator: (t) => `validate${t}`,
  guard: (t) => `is${t}`,
  verify: (f) => camelCase(f),
  reserved: TYPESCRIPT_RESERVED,
};

const pythonRules: TargetRules = {
  validator: (t) => `validate_${snakeCase(t)}`,
  guard: (t) => `parse_${snakeCase(t)}`,
  verify: (f) => snakeCase(f),
  reserved: PYTHON_RESERVED,
};

function reportClashes(
  owned: readonly Owned[],
  target: Target,
  reserved: ReadonlySet<string>,
  helpers: readonly Helper[],
  diagnostics: Diagnostic[],
): void {
  const language = target === "typescript" ? "TypeScript" : "Python";
  const helperByName = new Map(helpers.map((h) => [h.name, h]));
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
    const helper = helperByName.get(o.identifier);
    if (reserved.has(o.identifier)) {
      diagnostics.push(
        diagnostic("WD402", `${o.owner} becomes "${o.identifier}", which is ${reservedWhy(target, o.identifier)}`, o.span, {
          hint: "rename it in the spec",
        }),
      );
    } else if (helper !== undefined) {
      diagnostics.push(helperClash(o, language, helper));
    }
  }
}

/** Why a reserved identifier cannot be taken, in the target's terms. */
function reservedWhy(target: Target, identifier: string): string {
  if (target === "typescript") return "reserved in TypeScript";
  return PYTHON_BUILTINS.has(identifier) ? "a Python builtin the module would shadow" : "a Python keyword";
}

function helperClash(o: Owned, language: string, helper: Helper): Diagnostic {
  return diagnostic(
    "WD403",
    `${o.owner} becomes the ${language} identifier "${o.identifier}", which the generator uses for ${helper.what}`,
    o.span,
    { hint: `rename it in the spec; "${o.identifier}" is the generator's own name` },
  );
}

/**
 * A verify function's argument and parameters live in its scope beside the locals its body binds
 * and the helpers it calls, and must not take one of them, a builtin, or each other's name.
 */
function checkVerifyScope(verify: Verify, target: Target, helpers: TargetHelpers, diagnostics: Diagnostic[]): void {
  const language = target === "typescript" ? "TypeScript" : "Python";
  const params: Owned[] =
    target === "typescript"
      ? [{ identifier: camelCase(verify.argument), owner: `verify argument ${verify.argument}`, span: verify.argumentSpan }]
      : [
          { identifier: verify.argument, owner: `verify argument ${verify.argument}`, span: verify.argumentSpan },
          ...verify.expects.map((e) => ({ identifier: e.param, owner: `verify parameter ${e.param}`, span: e.paramSpan })),
        ];
  // TypeScript takes the parameters as properties of its options object: distinct, nothing more.
  const properties: Owned[] =
    target === "typescript"
      ? verify.expects.map((e) => ({ identifier: `expected.${camelCase(e.param)}`, owner: `verify parameter ${e.param}`, span: e.paramSpan }))
      : [];
  const scope = new Map(helpers.verifyScope.map((h) => [h.name, h]));
  const seen = new Map<string, Owned>();
  for (const p of [...params, ...properties]) {
    const earlier = seen.get(p.identifier);
    if (earlier !== undefined) {
      diagnostics.push(
        diagnostic("WD404", `${p.owner} and ${earlier.owner} both become the ${language} parameter "${p.identifier}"`, p.span, {
          hint: "rename one of them in the spec",
          related: [{ message: `${earlier.owner} is named here`, span: earlier.span }],
        }),
      );
      continue;
    }
    seen.set(p.identifier, p);
    if (properties.includes(p)) continue;
    const local = scope.get(p.identifier);
    if (local !== undefined) {
      const message = `${p.owner} becomes the ${language} parameter "${p.identifier}", which the verify function uses for ${local.what}`;
      diagnostics.push(diagnostic("WD404", message, p.span, { hint: "rename it in the spec" }));
    } else if (target === "python" && PYTHON_BUILTINS.has(p.identifier)) {
      const message = `${p.owner} becomes the Python parameter "${p.identifier}", which would shadow a Python builtin`;
      diagnostics.push(diagnostic("WD404", message, p.span, { hint: "rename it in the spec" }));
    }
  }
}
