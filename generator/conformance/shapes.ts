/**
 * The shapes a protocol validates: every topic's payload and every record, in spec order
 * (records first, since payloads may hold them). Shared by the message emitters, the JSON Schema
 * emitter and the conformance vectors so all of them walk the same list.
 */
import type { Channel, CrossFieldRule, Field, Protocol, Record, Topic, TopicSet, UnknownKeys } from "../model.js";
import type { Shape } from "../names/index.js";

export interface ShapeView {
  readonly shape: Shape;
  readonly fields: readonly Field[];
  readonly unknownKeys: UnknownKeys;
  readonly rules: readonly CrossFieldRule[];
}

/** Records in spec order, then the topics of every topic set in spec order, then the topics' responses. */
export function listShapes(protocol: Protocol): ShapeView[] {
  const topics = allTopics(protocol);
  return [...protocol.records.map(recordView), ...topics.map(topicView), ...topics.flatMap(responseView)];
}

/** The view of a topic's response body (`response:`), none when it declares none. */
export function responseView(topic: Topic): ShapeView[] {
  const r = topic.response;
  return r === undefined ? [] : [{ shape: r, fields: r.payload.fields, unknownKeys: r.payload.unknownKeys, rules: [] }];
}

export function recordView(record: Record): ShapeView {
  return { shape: record, fields: record.fields, unknownKeys: record.unknownKeys, rules: record.rules };
}

export function topicView(topic: Topic): ShapeView {
  return { shape: topic, fields: topic.payload.fields, unknownKeys: topic.payload.unknownKeys, rules: [] };
}

export function allTopics(protocol: Protocol): Topic[] {
  return protocol.topicSets.flatMap((set) => set.topics);
}

/** Each channel's topics, built once per protocol (the model never changes once built). */
const TOPICS_BY_CHANNEL = new WeakMap<Protocol, ReadonlyMap<Channel, readonly Topic[]>>();

/**
 * The topics that travel on `channel`, in spec order. Every emitter lists them per channel: one
 * pass over the topics builds every channel's list, so n channels cost n, not n times the topics.
 */
export function topicsOn(protocol: Protocol, channel: Channel): readonly Topic[] {
  let index = TOPICS_BY_CHANNEL.get(protocol);
  if (index === undefined) {
    const lists = new Map<Channel, Topic[]>();
    for (const topic of allTopics(protocol)) {
      for (const c of new Set(topic.channels)) {
        const list = lists.get(c);
        if (list === undefined) lists.set(c, [topic]);
        else list.push(topic);
      }
    }
    index = lists;
    TOPICS_BY_CHANNEL.set(protocol, index);
  }
  return index.get(channel) ?? [];
}

/** The topic set each topic belongs to (for `Topic.HELLO`-style references). */
export function topicSetOf(protocol: Protocol): (topic: Topic) => TopicSet {
  const owner = new Map<Topic, TopicSet>();
  for (const set of protocol.topicSets) for (const topic of set.topics) owner.set(topic, set);
  return (topic) => {
    const set = owner.get(topic);
    if (set === undefined) throw new Error(`topic ${topic.name} is not in this protocol`);
    return set;
  };
}
