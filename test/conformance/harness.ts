/**
 * Runs the same JSON texts through every implementation: the generated TypeScript validators
 * (imported from the generated messages.ts), the generated Python validators and jsonschema (one
 * python3 process), ajv on the generated JSON Schema, and the independent oracle.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { listShapes } from "../../generator/conformance/shapes.js";
import { schemaId, SCHEMA_FILE } from "../../generator/emit/jsonschema/index.js";
import type { Generated } from "../messages/pipeline.js";
import { FORMATS } from "../../generator/spec/build-types.js";
import { hasFormat, oracleFor, oracleForTopic, type OracleIssue } from "./oracle.js";

export interface Case {
  /** The shape's TypeScript type name. */
  readonly shape: string;
  /** The JSON text to validate. */
  readonly json: string;
}

export interface Issue {
  readonly path: (string | number)[];
  readonly code: string;
  readonly message: string;
}

export interface Verdicts {
  readonly typescript: Issue[][];
  readonly python: Issue[][];
  readonly oracle: OracleIssue[][];
  readonly ajv: boolean[];
  readonly jsonschema: boolean[];
}

type Validator = (value: unknown) => { ok: boolean; errors?: readonly Issue[] };

export async function runAll(gen: Generated, cases: readonly Case[]): Promise<Verdicts> {
  const shapes = new Map(listShapes(gen.protocol).map((v) => [gen.names.typescript.type(v.shape), v.shape]));
  const shapeOf = (name: string): NonNullable<ReturnType<typeof shapes.get>> => {
    const shape = shapes.get(name);
    if (shape === undefined) throw new Error(`unknown shape ${name}`);
    return shape;
  };
  const tsDir = gen.protocol.outputs.typescript?.dir ?? "";
  const module = (await import(pathToFileURL(join(gen.root, tsDir, "messages.ts")).href)) as { [name: string]: unknown };
  const typescript = cases.map((c) => {
    const validate = module[gen.names.typescript.validator(shapeOf(c.shape))] as Validator;
    const result = validate(JSON.parse(c.json));
    return result.ok ? [] : [...(result.errors ?? [])].map((e) => ({ path: [...e.path], code: e.code, message: e.message }));
  });
  const oracles = new Map<string, (value: unknown) => OracleIssue[]>();
  const oracle = cases.map((c) => {
    let check = oracles.get(c.shape);
    if (check === undefined) {
      const shape = shapeOf(c.shape);
      check = oracleFor(gen.protocol, shape.kind === "record" ? { record: shape.name } : shape.kind === "response" ? { response: shape.topic.value } : { topic: shape.value });
      oracles.set(c.shape, check);
    }
    return check(JSON.parse(c.json));
  });
  const schemaPath = join(gen.root, gen.protocol.outputs.schema?.dir ?? "", SCHEMA_FILE);
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  // The string formats as the semantics table states them (ajv knows none without a plugin).
  for (const format of FORMATS) ajv.addFormat(format, { type: "string", validate: (text: string) => hasFormat(format, text) });
  ajv.addSchema(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
  const ajvVerdicts = cases.map((c) => {
    const validate = ajv.getSchema(`${schemaId(gen.protocol)}#/$defs/${c.shape}`);
    if (validate === undefined) throw new Error(`ajv: no schema for ${c.shape}`);
    return validate(JSON.parse(c.json)) === true;
  });
  const py = runPython(gen, cases, schemaPath, shapeOf);
  return {
    typescript,
    python: py.map((r) => r.errors),
    oracle,
    ajv: ajvVerdicts,
    jsonschema: py.map((r) => r.schemaValid),
  };
}

/** A case for validating by topic: the topic string and the JSON text of the payload. */
export interface TopicCase {
  readonly topic: string;
  readonly json: string;
}

export interface TopicVerdicts {
  /** `validatePayload(topic, value)`'s issues. */
  readonly typescript: Issue[][];
  /** `isPayload(topic, value)`. */
  readonly guard: boolean[];
  /** `validate_payload(topic, value)`'s issues. */
  readonly python: Issue[][];
  /** Whether `parse_payload(topic, value)` raised `PayloadValidationError`. */
  readonly pythonRaised: boolean[];
  readonly oracle: OracleIssue[][];
}

type TopicValidator = (topic: string, value: unknown) => { ok: boolean; errors?: readonly Issue[] };

/** Runs cases through the by-topic validators of both runtimes and the oracle. */
export async function runTopicCases(gen: Generated, cases: readonly TopicCase[]): Promise<TopicVerdicts> {
  const tsDir = gen.protocol.outputs.typescript?.dir ?? "";
  const module = (await import(pathToFileURL(join(gen.root, tsDir, "messages.ts")).href)) as {
    validatePayload: TopicValidator;
    isPayload: (topic: string, value: unknown) => boolean;
  };
  const typescript = cases.map((c) => {
    const result = module.validatePayload(c.topic, JSON.parse(c.json));
    return result.ok ? [] : [...(result.errors ?? [])].map((e) => ({ path: [...e.path], code: e.code, message: e.message }));
  });
  const guard = cases.map((c) => module.isPayload(c.topic, JSON.parse(c.json)));
  const oracle = cases.map((c) => oracleForTopic(gen.protocol, c.topic)(JSON.parse(c.json)));
  const python = gen.protocol.outputs.python;
  if (python === undefined) throw new Error("spec has no python output");
  const casesFile = join(gen.root, "python-topic-cases.json");
  const outFile = join(gen.root, "python-topic-results.json");
  writeFileSync(casesFile, JSON.stringify(cases));
  const script = join(import.meta.dirname, "run_python.py");
  execFileSync("python3", [script, "--topics", join(gen.root, python.dir), python.package, casesFile, outFile], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const results = JSON.parse(readFileSync(outFile, "utf8")) as { errors: Issue[]; raised: boolean }[];
  return {
    typescript,
    guard,
    python: results.map((r) => r.errors),
    pythonRaised: results.map((r) => r.raised),
    oracle,
  };
}

function runPython(
  gen: Generated,
  cases: readonly Case[],
  schemaPath: string,
  shapeOf: (name: string) => Parameters<Generated["names"]["python"]["validator"]>[0],
): { errors: Issue[]; schemaValid: boolean }[] {
  const python = gen.protocol.outputs.python;
  if (python === undefined) throw new Error("spec has no python output");
  const casesFile = join(gen.root, "python-cases.json");
  const outFile = join(gen.root, "python-results.json");
  const input = cases.map((c) => ({ validator: gen.names.python.validator(shapeOf(c.shape)), def: c.shape, json: c.json }));
  writeFileSync(casesFile, JSON.stringify(input));
  const script = join(import.meta.dirname, "run_python.py");
  execFileSync("python3", [script, join(gen.root, python.dir), python.package, schemaPath, casesFile, outFile], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  return JSON.parse(readFileSync(outFile, "utf8")) as { errors: Issue[]; schemaValid: boolean }[];
}

/** Issues without messages, for comparing with the oracle and the vectors. */
export function codesAndPaths(issues: readonly { path: (string | number)[]; code: string }[]): OracleIssue[] {
  return issues.map((i) => ({ path: i.path, code: i.code }));
}

/** A whole message's verdict from `validateMessage` / `validate_message`. */
export interface MessageVerdict {
  readonly ok: boolean;
  readonly kind: string | null;
  readonly topic: string | null;
  readonly errors: Issue[];
}

/** A conversation step's verdict from `Conversation.accept`. */
export interface StepVerdict {
  readonly ok: boolean;
  readonly answers: number | null;
  readonly code: string | null;
  readonly message: string;
}

/**
 * Runs a protocol's conversation vectors (`conversation.json`, written for a spec with an
 * envelope) through the generated TypeScript envelope and conversation modules (imported) and the
 * Python ones (one python3 process). `check` must agree with `accept` at every step.
 */
export async function runConversations(
  gen: Generated,
  vectors: { readonly messages: readonly { readonly message: unknown; readonly request?: string }[]; readonly conversations: readonly { readonly steps: readonly { readonly message: unknown }[] }[] },
  vectorsFile: string,
): Promise<{ typescript: { messages: MessageVerdict[]; conversations: StepVerdict[][] }; python: { messages: MessageVerdict[]; conversations: StepVerdict[][] } }> {
  type TsResult = { ok: boolean; kind?: string; topic?: string; errors?: readonly Issue[] };
  type TsStep = { ok: boolean; answers?: number; code?: string; message?: string };
  const tsDir = join(gen.root, gen.protocol.outputs.typescript?.dir ?? "");
  const envelope = (await import(pathToFileURL(join(tsDir, "envelope.ts")).href)) as { validateMessage(value: unknown, request?: string): TsResult };
  const conversation = (await import(pathToFileURL(join(tsDir, "conversation.ts")).href)) as {
    Conversation: new () => { check(m: unknown): TsStep; accept(m: unknown): TsStep };
  };
  const messages = vectors.messages.map((v): MessageVerdict => {
    const r = envelope.validateMessage(v.message, v.request);
    return { ok: r.ok, kind: r.ok ? (r.kind ?? null) : null, topic: r.ok ? (r.topic ?? null) : null, errors: r.ok ? [] : [...(r.errors ?? [])].map((e) => ({ path: [...e.path], code: e.code, message: e.message })) };
  });
  const conversations = vectors.conversations.map((c) => {
    const conv = new conversation.Conversation();
    return c.steps.map((s): StepVerdict => {
      const before = conv.check(s.message);
      const v = conv.accept(s.message);
      if (JSON.stringify(before) !== JSON.stringify(v)) throw new Error(`check and accept disagree: ${JSON.stringify(before)} != ${JSON.stringify(v)}`);
      return { ok: v.ok, answers: v.ok ? (v.answers ?? null) : null, code: v.ok ? null : (v.code ?? null), message: v.ok ? "" : (v.message ?? "") };
    });
  });
  const python = gen.protocol.outputs.python;
  if (python === undefined) throw new Error("spec has no python output");
  const outFile = join(gen.root, "python-conversation-results.json");
  execFileSync("python3", [join(import.meta.dirname, "run_conversation.py"), join(gen.root, python.dir), python.package, vectorsFile, outFile], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const py = JSON.parse(readFileSync(outFile, "utf8")) as { messages: MessageVerdict[]; conversations: StepVerdict[][] };
  return { typescript: { messages, conversations }, python: py };
}
