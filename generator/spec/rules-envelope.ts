/** Rules across the envelope and the topic sets: a topic's `response:` needs a kind that carries it. */
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol } from "../model.js";

export function envelopeRules(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  const carried = new Set(p.envelope?.kinds.filter((k) => k.responses).flatMap((k) => k.topicSets) ?? []);
  const anyResponses = p.envelope?.kinds.some((k) => k.responses && k.topicSets.length === 0) ?? false;
  for (const set of p.topicSets) {
    if (carried.has(set) || anyResponses) continue;
    for (const t of set.topics) {
      if (t.response === undefined) continue;
      const message = `topic ${set.name}.${t.name} declares a response, but no envelope kind carries the responses of topic set ${set.name}`;
      const hint = `add an envelope kind with "responses: true" and "topics: ${set.name}", or drop "response"`;
      out.push(diagnostic("WD367", message, t.response.span, { hint }));
    }
  }
  // `present:` / `nullable:` say how a message carries the payload: some kind must carry it.
  const kinds = p.envelope?.kinds.filter((k) => k.payload !== undefined) ?? [];
  for (const set of p.topicSets) {
    for (const t of set.topics) {
      for (const [what, payload, responses] of [["payload", t.payload, false], ["response", t.response?.payload, true]] as const) {
        const how = payload?.inMessage;
        if (how === undefined) continue;
        const carriers = kinds.filter((k) => k.responses === responses && (k.topicSets.includes(set) || (responses && k.topicSets.length === 0)));
        if (carriers.length > 0) continue;
        const message = `the ${what} of topic ${set.name}.${t.name} says how a message carries it, but no envelope kind carries it under a payload key`;
        const hint = `add an envelope kind with "payload: <wire key>"${responses ? ', "responses: true"' : ""} and "topics: ${set.name}", or drop "present" and "nullable"`;
        out.push(diagnostic("WD369", message, how.span, { hint }));
      }
    }
  }
  return out;
}
