/**
 * Reverse lookups the model does not carry: the set a key or topic belongs to. Built once per
 * protocol by identity, so two sets with members of the same name never get confused.
 */
import type { Key, KeySet, Protocol, Topic, TopicSet } from "../../model.js";

export interface Refs {
  keySetOf(key: Key): KeySet | undefined;
  topicSetOf(topic: Topic): TopicSet | undefined;
}

export function buildRefs(p: Protocol): Refs {
  const keySets = new Map<Key, KeySet>();
  for (const set of p.keySets) for (const key of set.keys) keySets.set(key, set);
  const topicSets = new Map<Topic, TopicSet>();
  for (const set of p.topicSets) for (const topic of set.topics) topicSets.set(topic, set);
  return {
    keySetOf: (key) => keySets.get(key),
    topicSetOf: (topic) => topicSets.get(topic),
  };
}
