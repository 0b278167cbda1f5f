/**
 * The Python messages module (`<package>/messages.py`): TypedDicts, validators with the same
 * verdicts, codes, paths and messages as TypeScript, raising `parse_*` variants, the topic
 * tables and verify functions. Standard library only; already `ruff format`-ted.
 */
import type { GeneratedFile, Protocol, ValueType } from "../../model.js";
import type { Names } from "../../names/index.js";
import { listShapes } from "../../conformance/shapes.js";
import { pythonDocstring, pythonHeader, pythonString } from "./defs-syntax.js";
import { dunderAllOrder, importOrder, type PythonModuleExports } from "./init.js";
import { pyContext, type PyContext } from "./messages-context.js";
import { LINE_LENGTH } from "./messages-layout.js";
import { reachable, type Chunk } from "../chunks.js";
import { helpers, type Helper, type TargetHelpers } from "../../names/helpers.js";
import { CORE_FUNCTIONS, CORE_TYPES, ISSUE_TYPE_NAMES, ISSUE_TYPES_USE, issueTypes } from "./messages-runtime.js";
import { emitTypeDecls, typeExports, TYPE_NAMES } from "./messages-types.js";
import { DISPATCH_NAMES, emitPayloadDispatch, emitShapeValidators, emitUnionTables, emitValidatorTables, validatorPlan } from "./messages-validators.js";
import { emitVerify, VERIFY_CALLS, VERIFY_LOCALS } from "./messages-verify.js";

export function emitPythonMessages(protocol: Protocol, names: Names): GeneratedFile[] {
  const output = protocol.outputs.python;
  if (output === undefined) return [];
  return [{ path: `${output.dir}/${output.package}/messages.py`, text: messagesModule(protocol, names) }];
}

/** The names messages.py defines (for the package's `__init__.py`); re-exports excluded. */
export function pythonMessagesExports(protocol: Protocol, names: Names): PythonModuleExports {
  return { module: "messages", names: ownExports(protocol, names), lazy: true };
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

/** What each record is made of in defs.py: its key set and the enums of its keys. */
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

function messagesModule(protocol: Protocol, names: Names): string {
  const ctx = pyContext(protocol, names);
  const shapes = listShapes(protocol);
  const verifies = protocol.records.flatMap((r) => (r.verify === undefined ? [] : [{ record: r, verify: r.verify }]));
  const reexports = recordVocabulary(protocol).map(ctx.use);
  const typedDicts = emitTypeDecls(protocol, ctx);
  const plan = validatorPlan(protocol);
  const validators = shapes.map((s) => emitShapeValidators(s, ctx, plan));
  const tables = emitValidatorTables(protocol, ctx, plan);
  const unionTables = emitUnionTables(protocol, ctx, plan);
  const dispatch = emitPayloadDispatch(protocol, ctx);
  const verifyFns = verifies.map(({ record, verify }) => emitVerify(record, verify, ctx));
  // Everything is printed now: the runtime chunks and imports follow from what it uses.
  const { chunks, names: used } = reachable([...CORE_TYPES, ...CORE_FUNCTIONS], [...ctx.needs.names, ...ISSUE_TYPES_USE]);
  const inTypes = new Set(CORE_TYPES);
  const coreTypes = chunks.filter((c) => inTypes.has(c));
  const coreFunctions = chunks.filter((c) => !inTypes.has(c));
  const blocks = [
    ...typedDicts,
    issueTypes(),
    ...(coreTypes.length > 0 ? [topLevel(coreTypes)] : []),
    ...(tables === "" ? [] : [tables]),
    ...validators,
    ...(unionTables === "" ? [] : [unionTables]),
    dispatch,
    ...verifyFns,
    ...(coreFunctions.length > 0 ? [topLevel(coreFunctions)] : []),
  ];
  const fromDefsLine = fromDefs(ctx);
  return [
    pythonHeader(protocol),
    "\n",
    ...pythonDocstring(moduleDoc(protocol), "").map((l) => `${l}\n`),
    "\n",
    stdlibImports(used),
    "\n",
    ...(fromDefsLine === "" ? [] : [fromDefsLine, "\n"]),
    dunderAll([...ownExports(protocol, names), ...reexports]),
    "\n\n",
    blocks.map((b) => b.trimEnd()).join("\n\n\n"),
    "\n",
  ].join("");
}

function moduleDoc(protocol: Protocol): string {
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
const STDLIB: readonly (readonly [module: string, names: readonly string[]])[] = [
  ["json", []],
  ["math", []],
  ["re", []],
  ["collections.abc", ["Callable", "Iterator", "Mapping", "Sequence"]],
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
function fromImport(module: string, imported: readonly string[]): string {
  if (imported.length === 0) return "";
  const line = `from ${module} import ${imported.join(", ")}`;
  if (line.length <= LINE_LENGTH) return `${line}\n`;
  return `from ${module} import (\n${imported.map((n) => `    ${n},\n`).join("")})\n`;
}

function fromDefs(ctx: PyContext): string {
  return fromImport(".defs", ctx.imports().sort(importOrder));
}

/**
 * Top-level chunks as ruff formats them: two blank lines around a class or function, none
 * between consecutive assignments.
 */
function topLevel(chunks: readonly Chunk[]): string {
  const isBlock = (c: Chunk): boolean => /^(class|def) /.test(c.text);
  return chunks
    .map((c, i) => {
      const previous = chunks[i - 1];
      const gap = previous === undefined ? "" : isBlock(c) || isBlock(previous) ? "\n\n" : "";
      return gap + c.text;
    })
    .join("");
}

function dunderAll(exported: readonly string[]): string {
  const sorted = [...exported].sort(dunderAllOrder);
  return `__all__ = [\n${sorted.map((n) => `    ${pythonString(n)},\n`).join("")}]\n`;
}
