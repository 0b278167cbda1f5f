/**
 * The envelope: the fields every message carries, how a message's kind is told, and per kind the
 * key holding the topic, the key holding the payload, the topics it carries and which earlier
 * message it answers (correlation); then each kind's own fields.
 */
import type { Envelope, EnvelopeKind, Field, FieldPath, Protocol } from "../../model.js";
import { envelopePlan, type KindPlan, type WhenCase } from "../envelope-plan.js";
import { anchor } from "./anchors.js";
import { deprecatedCell, heading, type Block } from "./blocks.js";
import { docBlock } from "./doc-block.js";
import { typeText } from "./links.js";
import { anchorTag, cell, code, flat, link } from "./markdown.js";
import { table } from "./table.js";

const FIELD_HEADERS = ["Name", "Type", "Presence", "Description", "Deprecated"] as const;
const KIND_HEADERS = ["Kind", "Told apart by", "Topic key", "Payload key", "Topics", "Answers", "Description", "Deprecated"] as const;

export function kindAnchor(kind: EnvelopeKind): string {
  return anchor("kind", kind.name);
}

export function kindLink(kind: EnvelopeKind): string {
  return link(code(kind.name), kindAnchor(kind));
}

export function envelopeBlocks(p: Protocol): Block[] {
  const plan = envelopePlan(p);
  if (plan === undefined) return [];
  const { envelope } = plan;
  const blocks: Block[] = [];
  const doc = docBlock(envelope.doc);
  if (doc.length > 0) blocks.push(doc);
  if (envelope.fields.length > 0) blocks.push(["Every message carries these fields:"], fieldTable(envelope.fields));
  blocks.push(
    [toldApart(envelope)],
    table(
      KIND_HEADERS,
      plan.kinds.map((k) => kindRow(envelope, k)),
    ),
  );
  const payloads = plan.kinds.flatMap((k) => (k.kind.payload === undefined ? [] : [k.kind.payload.required]));
  if (payloads.some((required) => !required)) blocks.push(["A payload key may be absent when the topic's payload has no required key."]);
  if (payloads.some((required) => required)) blocks.push(["*(required)*: the payload key is always present."]);
  if (plan.kinds.some((k) => k.kind.responses)) {
    blocks.push([
      "*(response)*: the kind carries the responses of its topics: its payload is the topic's response (its *Response keys*), and it answers a request of the same topic, which it closes.",
    ]);
  }
  if (plan.kinds.some((k) => k.kind.answers !== undefined)) {
    blocks.push(["*Answers* `a` = `b` of `k`: a message of the kind answers the latest earlier message of kind `k` whose `b` equals its `a`."]);
  }
  const when = plan.kinds.flatMap((k) => k.when.map((w) => `- ${whenText(k, w)}`));
  if (when.length > 0) blocks.push(["Payloads chosen by a field (the first rule that holds chooses):"], when);
  for (const k of plan.kinds) {
    if (k.kind.fields.length === 0) continue;
    blocks.push(heading(3, `Fields of ${code(k.kind.name, "text")}`, anchor("kind-fields", k.kind.name)), fieldTable(k.kind.fields));
  }
  return blocks;
}

function toldApart(envelope: Envelope): string {
  if (envelope.tag !== undefined) return `A message's kind is told by the value of its ${code(envelope.tag.key, "text")}:`;
  if (envelope.kinds.length === 1) return "Every message is of one kind:";
  return "A message's kind is told by the keys present: it is of a kind when it has every key the kind requires and none that only other kinds declare.";
}

function fieldTable(fields: readonly Field[]): string[] {
  return table(
    FIELD_HEADERS,
    fields.map((f) => [code(f.key.value), typeText(f.type), f.required ? "required" : "optional", cell(f.key.doc), deprecatedCell(f.key)]),
  );
}

function kindRow(envelope: Envelope, plan: KindPlan): string[] {
  const { kind } = plan;
  return [
    anchorTag(kindAnchor(kind)) + code(kind.name),
    selector(envelope, plan),
    kind.topic === undefined ? (kind.responses ? "*its request's*" : "") : pathCode(kind.topic),
    payloadCell(kind),
    kind.topicSets.map((s) => link(code(s.name), anchor("topics", s.name))).join(", "),
    answersCell(kind),
    cell(kind.doc),
    deprecatedCell(kind),
  ];
}

/** `"request"` (the tag's value), or the keys it requires and those it must not have. */
function selector(envelope: Envelope, plan: KindPlan): string {
  if (envelope.tag !== undefined) return plan.kind.value === undefined ? "" : code(JSON.stringify(plan.kind.value));
  const has = plan.requires.map((k) => code(k)).join(", ");
  const not = plan.excludes.map((k) => code(k)).join(", ");
  return [...(has === "" ? [] : [`has ${has}`]), ...(not === "" ? [] : [`no ${not}`])].join("; ");
}

function payloadCell(kind: EnvelopeKind): string {
  const p = kind.payload;
  if (p === undefined) return "";
  return `${code(p.key)}${kind.responses ? " *(response)*" : ""}${p.required ? " *(required)*" : ""}`;
}

/** "`request_seq` = `seq` of a [`request`]": its field, the answered message's field, the kinds it may answer. */
function answersCell(kind: EnvelopeKind): string {
  const a = kind.answers;
  if (a === undefined) return "";
  return `${pathCode(a.field)} = ${pathCode(a.request)} of ${a.kinds.map(kindLink).join(" or ")}`;
}

function pathCode(path: FieldPath): string {
  return code(path.keys.join("."));
}

/** "`response` (rule `failed`): when `success` is `false`, `body` holds [`ErrorBody`] instead of its topic's payload." */
function whenText(plan: KindPlan, w: WhenCase): string {
  const key = plan.kind.payload?.key ?? "";
  const doc = flat(w.rule.doc, "text");
  return `${kindLink(plan.kind)} (rule ${code(w.rule.name, "text")}): when ${code(w.path.join("."), "text")} is ${code(JSON.stringify(w.value), "text")}, ${code(key, "text")} holds ${link(code(w.record.name, "text"), anchor("record", w.record.name))} instead of its topic's payload${w.required ? ", always present" : ""}.${doc === "" ? "" : ` ${doc}`}`;
}
