/** Safety: topics no flow uses, keys no message carries, requests answered in a flow without declared replies. */
import type { FlowStep, Key, Protocol, Topic } from "../model.js";
import type { Report } from "./finding.js";

type Message = Extract<FlowStep, { kind: "message" }>;

export function checkTopicsInFlows(p: Protocol, report: Report): void {
  if (p.flows.length === 0) return;
  const used = new Set<Topic>();
  for (const f of p.flows) for (const m of messages(f.steps)) used.add(m.topic);
  for (const s of p.topicSets) {
    for (const t of s.topics) {
      if (!used.has(t)) report("TOPIC_UNUSED", `${s.name}.${t.name}`, `topic ${s.name}.${t.name} appears in no flow`, t.span);
    }
  }
}

export function checkKeysCarried(p: Protocol, report: Report): void {
  const carried = new Set<Key>();
  for (const s of p.topicSets) for (const t of s.topics) for (const f of t.payload.fields) carried.add(f.key);
  for (const r of p.records) for (const f of r.fields) carried.add(f.key);
  for (const s of p.keySets) {
    for (const k of s.keys) {
      if (!carried.has(k)) report("KEY_UNUSED", `${s.name}.${k.name}`, `key ${s.name}.${k.name} is carried by no topic or record`, k.span);
    }
  }
}

/** A message answered by the next one in a flow (receiver → sender) that declares no replies. */
export function checkRequestsHaveReplies(p: Protocol, report: Report): void {
  const flagged = new Set<Topic>();
  const itemOf = new Map<Topic, string>();
  for (const s of p.topicSets) for (const t of s.topics) itemOf.set(t, `${s.name}.${t.name}`);
  const check = (before: readonly Message[], next: Message): void => {
    for (const m of before) {
      const answered = next.from.name === m.to.name && next.to.name === m.from.name;
      if (answered && m.topic.replies.length === 0 && !flagged.has(m.topic)) {
        flagged.add(m.topic);
        const item = itemOf.get(m.topic) ?? m.topic.name;
        const answer = itemOf.get(next.topic) ?? next.topic.name;
        report("REQUEST_WITHOUT_REPLIES", item, `${item} is answered by ${answer} in a flow but declares no replies (add \`replies: [${next.topic.name}]\`)`, m.topic.span);
      }
    }
  };
  for (const f of p.flows) walk(f.steps, [], check);
}

/** Visits each message with the messages that can come right before it; returns the last ones. */
function walk(steps: readonly FlowStep[], before: readonly Message[], visit: (before: readonly Message[], next: Message) => void): readonly Message[] {
  let last = before;
  for (const step of steps) {
    if (step.kind === "message") {
      visit(last, step);
      last = [step];
    } else if (step.kind === "alt") {
      const ends: Message[] = [];
      for (const branch of step.branches) ends.push(...walk(branch.steps, last, visit));
      last = ends;
    } else {
      last = walk(step.steps, last, visit);
    }
  }
  return last;
}

function messages(steps: readonly FlowStep[]): Message[] {
  return steps.flatMap((s): Message[] =>
    s.kind === "message" ? [s] : s.kind === "alt" ? s.branches.flatMap((b) => messages(b.steps)) : messages(s.steps),
  );
}
