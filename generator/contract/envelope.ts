/**
 * The lock's `envelope` entry — every wire fact of channels, the envelope and response bodies as
 * `fact → value` text — and the breaking rules over it. Absent for a protocol with one channel,
 * no envelope and no `response:`, so such a lock is what it always was.
 *
 * Direction: a changed or removed fact breaks (a reader built for the old frame misreads the new
 * one), with two safe exceptions — a topic may travel on more channels than before, and a new
 * kind, channel or optional field breaks nothing. A new required field breaks old writers.
 */
import type { Field, PayloadInMessage, Protocol, Span } from "../model.js";
import type { Findings } from "./finding.js";
import type { Dict } from "./lock.js";
import { compareText, typeText } from "./lock.js";

/** How a message carries a payload: "present", "nullable" or both. */
const inMessageText = (m: PayloadInMessage): string => [m.present ? "present" : "", m.nullable ? "nullable" : ""].filter((x) => x !== "").join(", ");

const fieldFact = (f: Field): string => `${typeText(f.type)}, ${f.required ? "required" : "optional"}`;

/** The facts with the span each is written at, in code-unit order of the fact. */
export function envelopeFacts(p: Protocol): { facts: Dict<string>; spans: ReadonlyMap<string, Span> } {
  const facts = new Map<string, string>();
  const spans = new Map<string, Span>();
  const put = (fact: string, value: string, span: Span) => {
    facts.set(fact, value);
    spans.set(fact, span);
  };
  for (const c of p.channels) put(`channel ${c.name}`, c.value, c.valueSpan);
  for (const s of p.topicSets) {
    for (const t of s.topics) {
      if (p.channels.length > 0) put(`topic ${s.name}.${t.name} channels`, t.channels.map((c) => c.value).sort(compareText).join(" "), t.span);
      const how = t.payload.inMessage;
      if (how !== undefined) put(`topic ${s.name}.${t.name} payload`, inMessageText(how), how.span);
      const r = t.response;
      if (r !== undefined) {
        const keys = (required: boolean) => r.payload.fields.filter((f) => f.required === required).map((f) => f.key.value).sort(compareText).join(", ");
        const how = r.payload.inMessage;
        const carried = how === undefined ? "" : `; in messages: ${inMessageText(how)}`;
        put(`topic ${s.name}.${t.name} response`, `required: ${keys(true)}; optional: ${keys(false)}; unknown keys: ${r.payload.unknownKeys}${carried}`, r.span);
      }
    }
  }
  const e = p.envelope;
  if (e !== undefined) {
    if (e.tag !== undefined) put("tag", e.tag.key, e.tag.span);
    for (const f of e.fields) put(`field ${f.key.value}`, fieldFact(f), f.span);
    for (const k of e.kinds) {
      put(`kind ${k.name}`, k.value === undefined ? "told apart by its keys" : `tag value ${k.value}`, k.valueSpan);
      for (const f of k.fields) put(`kind ${k.name} field ${f.key.value}`, fieldFact(f), f.span);
      if (k.topic !== undefined) put(`kind ${k.name} topic`, k.topic.keys.join("."), k.topic.span);
      if (k.payload !== undefined) put(`kind ${k.name} payload`, `${k.payload.key}${k.payload.required ? ", required" : ""}`, k.payload.span);
      if (k.responses) put(`kind ${k.name} responses`, "true", k.span);
      if (k.answers !== undefined) {
        put(`kind ${k.name} answers`, `${k.answers.field.keys.join(".")} = ${k.answers.request.keys.join(".")} of ${k.answers.kinds.map((x) => x.name).join(", ")}`, k.answers.span);
      }
      if (k.topicSets.length > 0) put(`kind ${k.name} topics`, k.topicSets.map((s) => s.name).join(" "), k.span);
      k.when.forEach((w, i) => {
        put(`kind ${k.name} when ${w.name}`, `${i + 1}: ${w.field.keys.join(".")} = ${JSON.stringify(w.value)}: ${w.record.name}${w.present ? ", present" : ""}`, w.span);
      });
    }
  }
  const out: { [fact: string]: string } = Object.create(null) as { [fact: string]: string };
  for (const fact of [...facts.keys()].sort(compareText)) out[fact] = facts.get(fact) as string;
  return { facts: out, spans };
}

/** The rule a changed, removed or added fact breaks; undefined when that change is safe. */
function ruleFor(fact: string, change: "removed" | "changed" | "added", before: string | undefined, after: string | undefined): string | undefined {
  if (fact.startsWith("channel ")) return change === "added" ? undefined : "CHANNEL_CHANGED";
  if (fact.endsWith(" channels")) {
    if (change !== "changed") return undefined;
    const now = new Set((after ?? "").split(" "));
    return (before ?? "").split(" ").every((c) => now.has(c)) ? undefined : "TOPIC_CHANNEL_CHANGED";
  }
  if (fact.endsWith(" response")) return change === "added" ? undefined : "RESPONSE_CHANGED";
  // A payload's presence or null in messages: any change breaks one side (a required key old
  // writers omit, a null old readers do not expect, or a key readers relied on made optional).
  if (/^topic [^ ]+ payload$/.test(fact)) return "ENVELOPE_KIND_CHANGED";
  // A when-rule: a new one changes which payload some messages carry (readers get the rule's
  // record where they expected the topic's), a changed or removed one too.
  if (/^kind [^ ]+ when /.test(fact)) return "ENVELOPE_KIND_CHANGED";
  if (fact === "tag" || /^kind [^ ]+$/.test(fact)) return change === "added" && fact !== "tag" ? undefined : "ENVELOPE_TAG_CHANGED";
  if (fact.startsWith("field ") || / field /.test(fact)) {
    if (change === "added") return after?.endsWith(", required") === true ? "ENVELOPE_FIELD_CHANGED" : undefined;
    return "ENVELOPE_FIELD_CHANGED";
  }
  return change === "added" ? undefined : "ENVELOPE_KIND_CHANGED";
}

export function compareEnvelope(f: Findings, before: Dict<string> | undefined, after: Dict<string> | undefined): void {
  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort(compareText);
  for (const fact of keys) {
    const x = Object.hasOwn(b, fact) ? b[fact] : undefined;
    const y = Object.hasOwn(a, fact) ? a[fact] : undefined;
    if (x === y) continue;
    const change = x === undefined ? "added" : y === undefined ? "removed" : "changed";
    const id = ruleFor(fact, change, x, y);
    if (id === undefined) continue;
    const message =
      change === "removed" ? `${fact} (${x ?? ""}) was removed` : change === "added" ? `${fact} (${y ?? ""}) was added` : `${fact} changed from ${x ?? ""} to ${y ?? ""}`;
    f.report(id, fact, message, ["envelope", fact], ["envelope", fact]);
  }
}
