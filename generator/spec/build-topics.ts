/** Building topic sets: wire values, direction, payloads; replies resolved in a second pass. */
import { isScalar } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Actor, KeySet, Payload, PayloadInMessage, Topic, TopicSet, UnknownKeys } from "../model.js";
import { memberBase } from "./build-sets.js";
import type { TypeScope } from "./build-types.js";
import { buildFields } from "./fields.js";
import { unresolved } from "./lookup.js";
import type { NameIndex } from "./lookup.js";
import { child, docs, entries, keyNodeOf, span, str, strings } from "./read.js";
import type { Entry, Reader } from "./read.js";

export interface TopicScope extends TypeScope {
  readonly actors: ReadonlyMap<string, Actor>;
  readonly keySets: ReadonlyMap<string, KeySet>;
  readonly index: NameIndex;
}

type MutableTopic = { -readonly [K in keyof Topic]: Topic[K] };

export function buildTopicSet(r: Reader, entry: Entry, scope: TopicScope): TopicSet {
  const prefix = str(r, entry.node, "prefix")?.value ?? "";
  const keySet = setKeySet(r, entry, scope);
  const setUnknown = unknownKeysOf(r, entry.node) ?? "allow";
  const topics: MutableTopic[] = [];
  const allKeySets = [...scope.keySets.values()];
  let reportedNoKeySet = false;
  for (const t of entries(r, entry.node, "topics")) {
    const where = `${entry.name}.${t.name}`;
    const payloadNode = child(r, t.node, "payload");
    const listsKeys = strings(r, payloadNode, "required").length + strings(r, payloadNode, "optional").length > 0;
    if (listsKeys && keySet === undefined && str(r, entry.node, "keys") === undefined && !reportedNoKeySet) {
      reportedNoKeySet = true;
      const message = `topic set ${entry.name} names no key set, but the payload of ${where} lists keys`;
      r.diagnostics.push(diagnostic("WD305", message, entry.span, { hint: `add "keys: <key set>" to topic set ${entry.name}` }));
    }
    const payloadOf = (key: "payload" | "response", node: unknown): Payload => {
      const inMessage = inMessageOf(r, node);
      return {
        fields: buildFields(r, node, { keySet, allKeySets, index: scope.index, where: `${key} of ${where}`, types: scope }),
        unknownKeys: unknownKeysOf(r, node) ?? setUnknown,
        span: node === undefined ? t.span : span(r, keyNodeOf(t.node, key)),
        ...(inMessage === undefined ? {} : { inMessage }),
      };
    };
    const payload = payloadOf("payload", payloadNode);
    const responseNode = child(r, t.node, "response");
    const from = actor(r, t.node, "from", where, scope);
    const to = actor(r, t.node, "to", where, scope);
    topics.push({
      kind: "topic",
      ...memberBase(r, t, prefix),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      replies: [],
      payload,
      channels: [],
    });
    const built = topics[topics.length - 1] as MutableTopic;
    if (responseNode !== undefined) {
      const body = payloadOf("response", responseNode);
      built.response = { kind: "response", name: t.name, span: body.span, topic: built as Topic, payload: body };
    }
  }
  resolveReplies(r, entry, topics, scope.index);
  return { kind: "topicSet", name: entry.name, ...docs(r, entry.node), span: entry.span, prefix, topics };
}

function setKeySet(r: Reader, entry: Entry, scope: TopicScope): KeySet | undefined {
  const name = str(r, entry.node, "keys");
  if (name === undefined) return undefined;
  const found = scope.keySets.get(name.value);
  if (found === undefined) {
    r.diagnostics.push(
      unresolved({
        code: "WD305",
        expected: "key set",
        where: `topic set ${entry.name}`,
        name: name.value,
        span: name.span,
        candidates: scope.keySets.keys(),
        index: scope.index,
      }),
    );
  }
  return found;
}

export function unknownKeysOf(r: Reader, node: unknown): UnknownKeys | undefined {
  const value = str(r, node, "unknown_keys")?.value;
  return value === "allow" || value === "forbid" ? value : undefined;
}

export function actor(r: Reader, node: unknown, key: string, where: string, scope: { readonly actors: ReadonlyMap<string, Actor>; readonly index: NameIndex }): Actor | undefined {
  const name = str(r, node, key);
  if (name === undefined) return undefined;
  const found = scope.actors.get(name.value);
  if (found === undefined) {
    r.diagnostics.push(
      unresolved({
        code: "WD304",
        expected: "actor",
        where: `"${key}" of ${where}`,
        name: name.value,
        span: name.span,
        candidates: scope.actors.keys(),
        index: scope.index,
      }),
    );
  }
  return found;
}

function resolveReplies(r: Reader, entry: Entry, topics: MutableTopic[], index: NameIndex): void {
  const byName = new Map(topics.map((t) => [t.name, t as Topic]));
  // The first topic of each name, as a search in spec order finds it (a duplicate is reported elsewhere).
  const firstByName = new Map<string, MutableTopic>();
  for (const t of topics) if (!firstByName.has(t.name)) firstByName.set(t.name, t);
  for (const t of entries(r, entry.node, "topics")) {
    const topic = firstByName.get(t.name);
    if (topic === undefined) continue;
    const replies: Topic[] = [];
    const listed = new Set<Topic>();
    for (const name of strings(r, t.node, "replies")) {
      const reply = byName.get(name.value);
      if (reply === undefined) {
        r.diagnostics.push(
          unresolved({
            code: "WD303",
            expected: "topic",
            where: `replies of ${entry.name}.${t.name}`,
            name: name.value,
            span: name.span,
            candidates: byName.keys(),
            index,
          }),
        );
      } else if (listed.has(reply)) {
        r.diagnostics.push(diagnostic("WD309", `reply ${name.value} is listed twice in ${entry.name}.${t.name}`, name.span, { hint: "list each reply once" }));
      } else {
        listed.add(reply);
        replies.push(reply);
      }
    }
    topic.replies = replies;
  }
}

/** `present: true` / `nullable: true` of a payload or response block (see `Payload.inMessage`). */
function inMessageOf(r: Reader, node: unknown): PayloadInMessage | undefined {
  const flag = (key: string) => {
    const n = child(r, node, key);
    return isScalar(n) && n.value === true ? keyNodeOf(node, key) : undefined;
  };
  const present = flag("present");
  const nullable = flag("nullable");
  const at = present ?? nullable;
  if (at === undefined) return undefined;
  return { present: present !== undefined, nullable: nullable !== undefined, span: span(r, at) };
}
