/**
 * The TypeScript messages (`messages.ts` in the default layout): payload and record
 * interfaces, the topic maps, validators, guards and verify functions, printed as the parts a
 * module of the layout holds (modules.ts). Pure, already prettier-formatted.
 */
import type { Protocol, Record, Verify } from "../../model.js";
import type { Names } from "../../names/index.js";
import { listShapes } from "../../conformance/shapes.js";
import { tsContext } from "./messages-context.js";
import { reachable, type Chunk } from "../chunks.js";
import { laidOut } from "../fixed-code.js";
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

/** What a module holds of the messages: all of them, and/or some verify functions. */
export interface TsMessagesSelection {
  readonly messages: boolean;
  /** The verify functions this module defines, in its order. */
  readonly verifies: readonly { readonly record: Record; readonly verify: Verify }[];
}

/** The messages part of one module, printed: blocks around its verify functions, and the constants it names. */
export interface TsMessagesPart {
  readonly before: readonly string[];
  readonly verifies: readonly string[];
  readonly after: readonly string[];
  readonly used: readonly string[];
}

export function tsMessagesPart(protocol: Protocol, names: Names, selection: TsMessagesSelection): TsMessagesPart {
  const ctx = tsContext(protocol, names);
  const shapes = selection.messages ? listShapes(protocol) : [];
  const before = selection.messages
    ? [
        ...emitTypeDecls(protocol, ctx),
        emitTopicMaps(protocol, ctx),
        issueTypes(),
        ...shapes.map((s) => emitShapeValidators(s, ctx)),
        emitPayloadDispatch(protocol, ctx),
      ]
    : [];
  const verifies = selection.verifies.map(({ record, verify }) => emitVerify(record, verify, ctx));
  // Everything is printed now: the helpers follow from what it uses.
  const { chunks } = reachable(CORE, ctx.needs.names);
  return { before, verifies, after: chunks.length > 0 ? [topLevel(chunks)] : [], used: ctx.imports() };
}

/** The doc comment of a module that holds the messages and no doc of its own. */
export function tsMessagesDoc(protocol: Protocol): string {
  return moduleDoc(protocol).join("\n");
}

function moduleDoc(protocol: Protocol): string[] {
  return [
    `Typed payloads of the ${protocol.name} protocol: an interface per topic payload and record,`,
    "the topic-to-payload and topic-to-replies maps, validators returning every issue, type guards",
    "and verify functions. Validation follows the semantics table in the README, identically to",
    "the Python module; the conformance vectors prove it.",
  ];
}

/** Chunks as prettier keeps them: a blank line between two, none between scalar specs. */
function topLevel(chunks: readonly Chunk[]): string {
  const isSpec = (c: Chunk | undefined): boolean => c?.text.startsWith("const ") === true;
  return chunks.map((c, i) => (i > 0 && !(isSpec(c) && isSpec(chunks[i - 1])) ? "\n" : "") + laidOut("typescript", c.text)).join("");
}
