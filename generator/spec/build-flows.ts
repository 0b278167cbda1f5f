/** Building flows: message steps with actors and reply marks, alt and loop blocks. */
import { isMap, isScalar } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Actor, Flow, FlowStep, Topic } from "../model.js";
import { actor } from "./build-topics.js";
import { unresolved } from "./lookup.js";
import type { NameIndex } from "./lookup.js";
import { child, docs, span, str } from "./read.js";
import type { Entry, Reader } from "./read.js";
import { getPair, itemsOf } from "./yaml-node.js";

export interface FlowScope {
  /** Topics by name, across all topic sets (first set wins). */
  readonly topics: ReadonlyMap<string, Topic>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly index: NameIndex;
}

interface Walk {
  readonly r: Reader;
  readonly scope: FlowScope;
  readonly flow: string;
}

/**
 * The topics that answer a request sent earlier on one path through a flow (the replies of every
 * topic drawn as a request so far). Only grows; a step is a reply when its topic is in it.
 */
type Answers = Set<Topic>;

export function buildFlow(r: Reader, entry: Entry, scope: FlowScope): Flow {
  const walk: Walk = { r, scope, flow: entry.name };
  const steps = buildSteps(walk, child(r, entry.node, "steps"), new Set());
  return { kind: "flow", name: entry.name, ...docs(r, entry.node), span: entry.span, steps };
}

/**
 * `seen` holds the replies of the topics sent as requests before these steps (in this path
 * through the flow); it grows. A step is drawn as a reply when it answers one of them: a topic
 * that answers a reply (HELLO_PROOF answering HELLO_CHALLENGE) starts a new exchange and is drawn
 * as a request. A set, so a flow of thousands of steps is not searched again at each one.
 */
function buildSteps(w: Walk, list: unknown, seen: Answers): FlowStep[] {
  const out: FlowStep[] = [];
  for (const item of itemsOf(list)) {
    if (w.r.bad.has(item)) continue;
    const step = buildStep(w, item, seen);
    if (step !== undefined) out.push(step);
  }
  return out;
}

function buildStep(w: Walk, item: unknown, seen: Answers): FlowStep | undefined {
  const at = span(w.r, item);
  if (isScalar(item) && typeof item.value === "string") return message(w, item, item.value, item, seen);
  if (!isMap(item)) return undefined;
  if (getPair(item, "alt") !== undefined) {
    const after: Answers[] = [];
    const branches = itemsOf(child(w.r, item, "alt")).flatMap((b) => {
      const label = str(w.r, b, "when");
      if (label === undefined) return [];
      const branchSeen = new Set(seen);
      const steps = buildSteps(w, child(w.r, b, "steps"), branchSeen);
      after.push(branchSeen);
      return [{ label: label.value, steps }];
    });
    for (const branchSeen of after) for (const answer of branchSeen) seen.add(answer);
    return { kind: "alt", branches, span: at };
  }
  if (getPair(item, "loop") !== undefined) {
    const label = str(w.r, item, "loop");
    if (label === undefined) return undefined;
    return { kind: "loop", label: label.value, steps: buildSteps(w, child(w.r, item, "steps"), seen), span: at };
  }
  const topic = str(w.r, item, "topic");
  return topic === undefined ? undefined : message(w, item, topic.value, topic.node, seen);
}

function message(w: Walk, item: unknown, name: string, nameNode: unknown, seen: Answers): FlowStep | undefined {
  const at = span(w.r, nameNode);
  const topic = w.scope.topics.get(name);
  if (topic === undefined) {
    w.r.diagnostics.push(
      unresolved({
        code: "WD303",
        expected: "topic",
        where: `flow ${w.flow}`,
        name,
        span: at,
        candidates: w.scope.topics.keys(),
        index: w.scope.index,
      }),
    );
    return undefined;
  }
  const where = `step ${name} of flow ${w.flow}`;
  const from = actor(w.r, item, "from", where, w.scope) ?? (str(w.r, item, "from") === undefined ? topic.from : undefined);
  const to = actor(w.r, item, "to", where, w.scope) ?? (str(w.r, item, "to") === undefined ? topic.to : undefined);
  warnContradiction(w, item, "from", from, topic.from, where);
  warnContradiction(w, item, "to", to, topic.to, where);
  const reply = seen.has(topic);
  if (!reply) for (const answer of topic.replies) seen.add(answer);
  if (from === undefined || to === undefined) {
    if (str(w.r, item, "from") === undefined || str(w.r, item, "to") === undefined) {
      const missing = from === undefined ? "from" : "to";
      const message = `${where} has no "${missing}": topic ${name} does not say who sends or receives it`;
      const hint = `add from/to to topic ${name}, or write the step as { topic: ${name}, from: <actor>, to: <actor> }`;
      w.r.diagnostics.push(diagnostic("WD321", message, at, { hint }));
    }
    return undefined;
  }
  const note = str(w.r, item, "note")?.value;
  return { kind: "message", topic, from, to, reply, ...(note === undefined ? {} : { note }), span: at };
}

function warnContradiction(w: Walk, item: unknown, key: "from" | "to", given: Actor | undefined, declared: Actor | undefined, where: string): void {
  const written = str(w.r, item, key);
  if (written === undefined || given === undefined || declared === undefined || given === declared) return;
  const message = `${where} says "${key}: ${given.name}", but the topic says ${declared.name}`;
  w.r.diagnostics.push(diagnostic("WD393", message, written.span, { hint: `drop "${key}" from the step, or fix the topic` }));
}

