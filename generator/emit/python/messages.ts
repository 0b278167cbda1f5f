/**
 * The Python messages module (`<package>/messages.py`): TypedDicts, validators with the same
 * verdicts, codes, paths and messages as TypeScript, raising `parse_*` variants, the topic
 * tables and verify functions. Standard library only; already `ruff format`-ted.
 */
import type { Protocol, Record, ValueType, Verify } from "../../model.js";
import type { Names } from "../../names/index.js";
import { listShapes } from "../../conformance/shapes.js";
import { pythonString } from "./defs-syntax.js";
import { sortedDunderAll } from "./init.js";
import { pyContext } from "./messages-context.js";
import { pythonWidth } from "../text.js";
import { lineLength } from "./messages-layout.js";
import { reachable, type Chunk } from "../chunks.js";
import { laidOut } from "../fixed-code.js";
import { helpers, type Helper, type TargetHelpers } from "../../names/helpers.js";
import { CORE_FUNCTIONS, CORE_TYPES, ISSUE_TYPE_NAMES, ISSUE_TYPES_USE, issueTypes } from "./messages-runtime.js";
import { emitTypeDecls, typeExports, TYPE_NAMES } from "./messages-types.js";
import { DISPATCH_NAMES, emitPayloadDispatch, emitShapeValidators, emitUnionTables, emitValidatorTables, settleFastPlan, validatorPlan } from "./messages-validators.js";
import { emitVerify, VERIFY_CALLS, VERIFY_LOCALS } from "./messages-verify.js";

/** What a module holds of the messages: all of them, and/or some verify functions. */
export interface PythonMessagesSelection {
  /** Payload and record types, validators, the topic tables, and the verify functions `verifies` does not place elsewhere. */
  readonly messages: boolean;
  /** The verify functions this module defines, in its order. */
  readonly verifies: readonly { readonly record: Record; readonly verify: Verify }[];
}

/**
 * The messages part of one module, printed: the blocks before and after its verify functions,
 * each verify function, the standard-library imports and the constants it names (`used`, to be
 * imported from wherever the layout puts them), and its exports.
 */
export interface PythonMessagesPart {
  readonly before: readonly string[];
  readonly verifies: readonly string[];
  readonly after: readonly string[];
  readonly stdlib: string;
  readonly used: readonly string[];
  /** The names it defines and re-exports (`__all__`), when it holds the messages. */
  readonly exports: readonly string[];
  /** The names it defines itself (what an entry point re-exports from it). */
  readonly own: readonly string[];
}

export function pythonMessagesPart(protocol: Protocol, names: Names, selection: PythonMessagesSelection): PythonMessagesPart {
  const ctx = pyContext(protocol, names);
  const shapes = selection.messages ? listShapes(protocol) : [];
  const reexports = selection.messages ? recordVocabulary(protocol).map(ctx.use) : [];
  const typedDicts = selection.messages ? emitTypeDecls(protocol, ctx) : [];
  const plan = validatorPlan(protocol);
  settleFastPlan(shapes, ctx, plan);
  const validators = shapes.map((s) => emitShapeValidators(s, ctx, plan));
  const tables = selection.messages ? emitValidatorTables(protocol, ctx, plan) : "";
  const unionTables = selection.messages ? emitUnionTables(protocol, ctx, plan) : "";
  const dispatch = selection.messages ? [emitPayloadDispatch(protocol, ctx)] : [];
  const verifyFns = selection.verifies.map(({ record, verify }) => emitVerify(record, verify, ctx));
  // Everything is printed now: the runtime chunks and imports follow from what it uses.
  const roots = [...ctx.needs.names, ...(selection.messages ? ISSUE_TYPES_USE : [])];
  const { chunks, names: used } = reachable([...CORE_TYPES, ...CORE_FUNCTIONS], roots);
  const inTypes = new Set(CORE_TYPES);
  const coreTypes = chunks.filter((c) => inTypes.has(c));
  const coreFunctions = chunks.filter((c) => !inTypes.has(c));
  const py = names.python;
  const verifyNames = new Set(protocol.records.flatMap((r) => (r.verify === undefined ? [] : [py.verify(r.verify)])));
  const mine = new Set(selection.verifies.map((v) => py.verify(v.verify)));
  const own = ownExports(protocol, names).filter((n) => !verifyNames.has(n) || mine.has(n));
  const exports = selection.messages ? [...own, ...reexports] : [];
  return {
    before: [
      ...typedDicts,
      ...(selection.messages ? [issueTypes()] : []),
      ...(coreTypes.length > 0 ? [topLevel(coreTypes)] : []),
      ...(tables === "" ? [] : [tables]),
      ...validators,
      ...(unionTables === "" ? [] : [unionTables]),
      ...dispatch,
    ].map((b) => b.trimEnd()),
    verifies: verifyFns.map((b) => b.trimEnd()),
    after: coreFunctions.length > 0 ? [topLevel(coreFunctions).trimEnd()] : [],
    stdlib: stdlibImports(used),
    used: ctx.imports(),
    exports: [...new Set(exports)],
    own: selection.messages ? own : selection.verifies.map((v) => py.verify(v.verify)),
  };
}

/** The names a messages module defines (for an `__init__.py`); re-exports excluded. */
export function pythonMessagesExports(protocol: Protocol, names: Names): readonly string[] {
  return ownExports(protocol, names);
}

const FIXED_EXPORTS = [
  "IssueCode",
  "ISSUE_CODES",
  "ValidationIssue",
  "PayloadValidationError",
  "PAYLOAD_BY_TOPIC",
  "REPLIES_BY_TOPIC",
  "validate_payload",
  "parse_payload",
];

function ownExports(protocol: Protocol, names: Names): string[] {
  const py = names.python;
  const shapes = listShapes(protocol).flatMap((s) => [py.type(s.shape), py.validator(s.shape), py.guard(s.shape)]);
  const verifies = protocol.records.flatMap((r) => (r.verify === undefined ? [] : [py.verify(r.verify)]));
  return [...typeExports(protocol, py), ...shapes, ...verifies, ...FIXED_EXPORTS];
}

/** What each record is made of in the constants: its key set and the enums of its keys. */
function recordVocabulary(protocol: Protocol): string[] {
  const names = new Set<string>();
  const visit = (type: ValueType): void => {
    if (type.kind === "enum") names.add(type.enum.name);
    else if (type.kind === "list" || type.kind === "map" || type.kind === "nullable") visit(type.of);
    else if (type.kind === "oneOf") type.of.forEach(visit);
  };
  for (const record of protocol.records) {
    if (record.keySet !== undefined) names.add(record.keySet.name);
    for (const field of record.fields) visit(field.type);
  }
  return [...names];
}

/** The docstring of a module that holds the messages and no doc of its own. */
export function pythonMessagesDoc(protocol: Protocol): string {
  return [
    `Typed payloads of the ${protocol.name} protocol.`,
    "",
    "TypedDicts for every topic payload and record, validators returning every issue",
    "(the same codes, paths and messages as the TypeScript module), raising ``parse_*``",
    "variants, the topic tables and verify functions. Standard library only.",
  ].join("\n");
}

/**
 * Every name messages.py binds for itself, from the tables that print them: a spec item that
 * takes one is a located error (names/index.ts), never a silent clash.
 */
export function pythonHelpers(): TargetHelpers {
  return {
    module: [
      ...helpers(ISSUE_TYPE_NAMES, "an issue type messages.py exports"),
      ...helpers(DISPATCH_NAMES, "validating by topic in messages.py"),
      ...helpers(TYPE_NAMES, "a type alias messages.py exports"),
      ...[...CORE_TYPES, ...CORE_FUNCTIONS].map((c) => ({ name: c.name, what: "a runtime helper of messages.py" })),
      ...stdlibHelpers(),
    ],
    verifyScope: [...helpers(VERIFY_LOCALS, "a local variable"), ...helpers(VERIFY_CALLS, "a runtime helper it calls")],
  };
}

/** The standard-library names the module may use, by module, in isort order. */
/** The standard-library imports a generated module may need, in isort order (envelope.py uses it too). */
export const STDLIB: readonly (readonly [module: string, names: readonly string[]])[] = [
  ["json", []],
  ["math", []],
  ["re", []],
  ["collections.abc", ["Callable", "Iterator", "Mapping", "Sequence"]],
  ["functools", ["partial"]],
  ["typing", ["Any", "Literal", "NamedTuple", "Optional", "TypedDict", "Union", "cast"]],
];

function stdlibHelpers(): Helper[] {
  return STDLIB.flatMap(([module, names]) =>
    names.length === 0
      ? [{ name: module, what: `the import of ${module} in messages.py` }]
      : names.map((name) => ({ name, what: `the import of ${module}.${name} in messages.py` })),
  );
}

/** The imports of what the module uses: `import json`, `from typing import …`. */
function stdlibImports(used: ReadonlySet<string>): string {
  return STDLIB.map(([module, names]) => {
    if (names.length === 0) return used.has(module) ? `import ${module}\n` : "";
    return fromImport(module, names.filter((n) => used.has(n)));
  }).join("");
}

/** `from module import a, b`, broken the way ruff formats it; nothing for no names. */
export function fromImport(module: string, imported: readonly string[]): string {
  if (imported.length === 0) return "";
  const line = `from ${module} import ${imported.join(", ")}`;
  if (pythonWidth(line) <= lineLength()) return `${line}\n`;
  return `from ${module} import (\n${imported.map((n) => `    ${n},\n`).join("")})\n`;
}


/**
 * Top-level chunks as ruff formats them: two blank lines around a class or function, none
 * between consecutive assignments.
 */
export function topLevel(chunks: readonly Chunk[]): string {
  const isBlock = (c: Chunk): boolean => /^(class|def) /.test(c.text);
  return chunks
    .map((c, i) => {
      const previous = chunks[i - 1];
      const gap = previous === undefined ? "" : isBlock(c) || isBlock(previous) ? "\n\n" : "";
      return gap + laidOut("python", c.text);
    })
    .join("");
}

export function dunderAll(exported: readonly string[]): string {
  const sorted = sortedDunderAll(exported);
  return `__all__ = [\n${sorted.map((n) => `    ${pythonString(n)},\n`).join("")}]\n`;
}
