/**
 * The Python messages module (`<package>/messages.py`): TypedDicts, validators with the same
 * verdicts, codes, paths and messages as TypeScript, raising `parse_*` variants, the topic
 * tables and verify functions. Standard library only; already `ruff format`-ted.
 */
import type { GeneratedFile, Protocol, ValueType } from "../../model.js";
import type { Names } from "../../names/index.js";
import { listShapes } from "../../conformance/shapes.js";
import { headerComment } from "../header.js";
import { pythonDocstring, pythonString } from "./defs-syntax.js";
import { dunderAllOrder, importOrder, type PythonModuleExports } from "./init.js";
import { pyContext, type PyContext } from "./messages-context.js";
import { LINE_LENGTH } from "./messages-layout.js";
import { coreFunctions, coreTypes, issueTypes, VERIFY_CORE, type TypeKind } from "./messages-runtime.js";
import { emitTypedDict } from "./messages-types.js";
import { emitPayloadDispatch, emitShapeValidators } from "./messages-validators.js";
import { emitVerify } from "./messages-verify.js";

export function emitPythonMessages(protocol: Protocol, names: Names): GeneratedFile[] {
  const output = protocol.outputs.python;
  if (output === undefined) return [];
  return [{ path: `${output.dir}/${output.package}/messages.py`, text: messagesModule(protocol, names) }];
}

/** The names messages.py defines (for the package's `__init__.py`); re-exports excluded. */
export function pythonMessagesExports(protocol: Protocol, names: Names): PythonModuleExports {
  return { module: "messages", names: ownExports(protocol, names) };
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
  return [...shapes, ...verifies, ...FIXED_EXPORTS];
}

/** What each record is made of in defs.py: its key set and the enums of its keys. */
function recordVocabulary(protocol: Protocol): string[] {
  const names = new Set<string>();
  const visit = (type: ValueType): void => {
    if (type.kind === "enum") names.add(type.enum.name);
    else if (type.kind === "list" || type.kind === "map") visit(type.of);
  };
  for (const record of protocol.records) {
    names.add(record.keySet.name);
    for (const field of record.fields) visit(field.key.type);
  }
  return [...names];
}

function messagesModule(protocol: Protocol, names: Names): string {
  const ctx = pyContext(protocol, names);
  const shapes = listShapes(protocol);
  const verifies = protocol.records.flatMap((r) => (r.verify === undefined ? [] : [{ record: r, verify: r.verify }]));
  const reexports = recordVocabulary(protocol).map(ctx.use);
  const kinds = usedKinds(shapes.flatMap((s) => s.fields.map((f) => f.key.type)));
  const typedDicts = shapes.map((s) => emitTypedDict(s, ctx));
  const validators = shapes.map((s) => emitShapeValidators(s, ctx));
  const dispatch = emitPayloadDispatch(protocol, ctx);
  const verifyFns = verifies.map(({ record, verify }) => emitVerify(record, verify, ctx));
  const blocks = [
    ...typedDicts,
    issueTypes(),
    coreTypes(kinds),
    ...validators,
    dispatch,
    ...verifyFns,
    ...(verifies.length > 0 ? [VERIFY_CORE] : []),
    coreFunctions(kinds),
  ];
  return [
    headerComment(protocol, "#"),
    "\n",
    ...pythonDocstring(moduleDoc(protocol), "").map((l) => `${l}\n`),
    "\n",
    IMPORTS,
    "\n",
    fromDefs(ctx),
    "\n",
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

const IMPORTS = `import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, NamedTuple, Optional, TypedDict, Union, cast
`;

function fromDefs(ctx: PyContext): string {
  const imported = ctx.imports().sort(importOrder);
  const line = `from .defs import ${imported.join(", ")}`;
  if (line.length <= LINE_LENGTH) return `${line}\n`;
  return `from .defs import (\n${imported.map((n) => `    ${n},\n`).join("")})\n`;
}

function dunderAll(exported: readonly string[]): string {
  const sorted = [...exported].sort(dunderAllOrder);
  return `__all__ = [\n${sorted.map((n) => `    ${pythonString(n)},\n`).join("")}]\n`;
}

function usedKinds(types: readonly ValueType[]): Set<TypeKind> {
  const used = new Set<TypeKind>();
  const visit = (type: ValueType): void => {
    used.add(type.kind === "scalar" ? type.name : type.kind);
    if (type.kind === "list" || type.kind === "map") visit(type.of);
  };
  types.forEach(visit);
  return used;
}
