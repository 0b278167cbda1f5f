/**
 * TypeScript messages module (`messages.ts`) and the package index (`index.ts`): payload and
 * record interfaces, the topic maps, validators, guards and verify functions. Pure: Protocol in,
 * files out, already prettier-formatted.
 */
import type { GeneratedFile, Protocol } from "../../model.js";
import type { Names } from "../../names/index.js";
import { listShapes } from "../../conformance/shapes.js";
import { headerComment } from "../header.js";
import { emitIndexFile } from "./index-file.js";
import { tsContext } from "./messages-context.js";
import { jsDoc } from "./messages-layout.js";
import { tsLineComment } from "./defs-syntax.js";
import { importDecl, source } from "./ts-statements.js";
import { reachable, type Chunk } from "../chunks.js";
import { helpers, type TargetHelpers } from "../../names/helpers.js";
import { CORE, ISSUE_TYPE_NAMES, issueTypes } from "./messages-runtime.js";
import { emitTopicMaps, emitTypeDecls, TOPIC_MAP_NAMES, TYPE_NAMES } from "./messages-types.js";
import { DISPATCH_NAMES, emitPayloadDispatch, emitShapeValidators } from "./messages-validators.js";
import { emitVerify, VERIFY_CALLS, VERIFY_LOCALS } from "./messages-verify.js";

/**
 * Every name messages.ts declares for itself, from the tables that print them: a spec item that
 * takes one is a located error (names/index.ts), never a silent clash.
 */
export function typescriptHelpers(): TargetHelpers {
  return {
    module: [
      ...helpers(ISSUE_TYPE_NAMES, "an issue type messages.ts exports"),
      ...helpers(TOPIC_MAP_NAMES, "a topic map type messages.ts exports"),
      ...helpers(TYPE_NAMES, "a type messages.ts exports"),
      ...helpers(DISPATCH_NAMES, "validating by topic in messages.ts"),
      ...CORE.map((c) => ({ name: c.name, what: "a runtime helper of messages.ts" })),
    ],
    verifyScope: [...helpers(VERIFY_LOCALS, "a local variable"), ...helpers(VERIFY_CALLS, "a runtime helper it calls")],
  };
}

export function emitTypeScriptMessages(protocol: Protocol, names: Names): GeneratedFile[] {
  const dir = protocol.outputs.typescript?.dir;
  if (dir === undefined) return [];
  return [{ path: `${dir}/messages.ts`, text: messagesModule(protocol, names) }, emitIndexFile(protocol, dir)];
}

function messagesModule(protocol: Protocol, names: Names): string {
  const ctx = tsContext(protocol, names);
  const shapes = listShapes(protocol);
  const verifies = protocol.records.flatMap((r) => (r.verify === undefined ? [] : [{ record: r, verify: r.verify }]));
  const body = [
    ...emitTypeDecls(protocol, ctx),
    emitTopicMaps(protocol, ctx),
    issueTypes(),
    ...shapes.map((s) => emitShapeValidators(s, ctx)),
    emitPayloadDispatch(protocol, ctx),
    ...verifies.map(({ record, verify }) => emitVerify(record, verify, ctx)),
  ];
  // Everything is printed now: the helpers follow from what it uses.
  const { chunks } = reachable(CORE, ctx.needs.names);
  if (chunks.length > 0) body.push(topLevel(chunks));
  return [
    headerComment(protocol, tsLineComment),
    "\n",
    jsDoc(moduleDoc(protocol), ""),
    importLine(ctx.imports()),
    "\n",
    body.join("\n"),
  ].join("");
}

function moduleDoc(protocol: Protocol): string[] {
  return [
    `Typed payloads of the ${protocol.name} protocol: an interface per topic payload and record,`,
    "the topic → payload and topic → replies maps, validators returning every issue, type guards",
    "and verify functions. Validation follows the semantics table in the README, identically to",
    "the Python module; the conformance vectors prove it.",
  ];
}

function importLine(imported: readonly string[]): string {
  return imported.length === 0 ? "" : source(importDecl(imported, '"./defs.js"'));
}

/** Chunks as prettier keeps them: a blank line between two, none between scalar specs. */
function topLevel(chunks: readonly Chunk[]): string {
  const isSpec = (c: Chunk | undefined): boolean => c?.text.startsWith("const ") === true;
  return chunks.map((c, i) => (i > 0 && !(isSpec(c) && isSpec(chunks[i - 1])) ? "\n" : "") + c.text).join("");
}
