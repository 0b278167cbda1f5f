/**
 * What the conversation checkers of both runtimes are printed from: per topic the sets of topics
 * one of which must all have been seen before it (from the flows), per reply topic the topics it
 * answers (from `replies:`), and per envelope kind its correlation. The semantics (README,
 * "Conversations") are implemented once per runtime over these literal tables.
 */
import type { FlowStep, Protocol, Topic } from "../model.js";

export interface KindCorrelation {
  readonly kind: string;
  /** Path of the field naming the answered message; undefined when the kind answers by `replies:`. */
  readonly field?: readonly string[] | undefined;
  /** Path of the answered message's field it must equal. */
  readonly request?: readonly string[] | undefined;
  /** Kinds it may answer. */
  readonly kinds: readonly string[];
  /** `responses: true`: answers a request of its own topic, and closes it. */
  readonly responses: boolean;
  /** The kind names its topic on the wire (else the topic is the answered request's). */
  readonly topicKey: boolean;
}

export interface ConversationPlan {
  /** topic wire value → alternatives, each the sorted topic values that must all have been seen. */
  readonly after: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** reply topic wire value → the request topic values it may answer, in spec order. */
  readonly replyTo: ReadonlyMap<string, readonly string[]>;
  readonly kinds: readonly KindCorrelation[];
}

export function conversationPlan(protocol: Protocol): ConversationPlan | undefined {
  const envelope = protocol.envelope;
  if (envelope === undefined) return undefined;
  const after = new Map<string, (readonly string[])[]>();
  const add = (topic: Topic, seen: ReadonlySet<Topic>) => {
    const need = [...seen].filter((t) => t !== topic).map((t) => t.value).sort();
    const list = after.get(topic.value) ?? [];
    if (!list.some((l) => l.join("\u0000") === need.join("\u0000"))) list.push(need);
    after.set(topic.value, list);
  };
  const walk = (steps: readonly FlowStep[], seen: Set<Topic>) => {
    for (const step of steps) {
      if (step.kind === "message") {
        add(step.topic, seen);
        seen.add(step.topic);
      } else if (step.kind === "alt") {
        const added = step.branches.map((b) => {
          const inner = new Set(seen);
          walk(b.steps, inner);
          return [...inner].filter((t) => !seen.has(t));
        });
        const [first, ...rest] = added;
        for (const t of first ?? []) if (rest.every((r) => r.includes(t))) seen.add(t);
      } else {
        walk(step.steps, new Set(seen));
      }
    }
  };
  for (const flow of protocol.flows) walk(flow.steps, new Set());
  // A topic with an alternative that needs nothing is unconstrained: drop the others.
  for (const [topic, list] of after) if (list.some((l) => l.length === 0)) after.set(topic, [[]]);
  const replyTo = new Map<string, string[]>();
  for (const set of protocol.topicSets) {
    for (const t of set.topics) {
      for (const r of t.replies) {
        const list = replyTo.get(r.value) ?? [];
        if (!list.includes(t.value)) list.push(t.value);
        replyTo.set(r.value, list);
      }
    }
  }
  const kinds = envelope.kinds.map(
    (k): KindCorrelation => ({
      kind: k.name,
      ...(k.answers === undefined ? {} : { field: k.answers.field.keys, request: k.answers.request.keys }),
      kinds: k.answers?.kinds.map((x) => x.name) ?? [],
      responses: k.responses,
      topicKey: k.topic !== undefined,
    }),
  );
  const unconstrained = [...after].filter(([, list]) => list.length === 1 && list[0]?.length === 0).map(([t]) => t);
  for (const t of unconstrained) after.delete(t);
  return { after, replyTo, kinds };
}
