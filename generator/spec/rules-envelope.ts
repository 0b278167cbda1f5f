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
  return out;
}
