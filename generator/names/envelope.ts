/**
 * The identifiers of the envelope modules (the same in TypeScript and Python): a message type per
 * kind and topic (`InitializeRequest`), a union per kind (`RequestMessage`), the channel names.
 * Registered by the names stage like every other generated identifier, so a clash is located.
 */
import type { Channel, EnvelopeKind, Protocol, Topic } from "../model.js";
import { pascalCase, snakeCase } from "./case.js";

/** The topics a kind carries, in spec order. */
export function kindTopics(kind: EnvelopeKind): readonly Topic[] {
  return kind.topicSets.flatMap((s) => s.topics);
}

/** `InitializeRequest`: the message of `kind` carrying `topic`. */
export function messageTypeName(kind: EnvelopeKind, topic: Topic): string {
  return `${pascalCase(topic.name)}${pascalCase(kind.name)}`;
}

/** `FailedResponse`: a message of `kind` whose payload the `when:` rule `name` chose. */
export function whenTypeName(kind: EnvelopeKind, name: string): string {
  return `${pascalCase(name)}${pascalCase(kind.name)}`;
}

/** `RequestMessage`: every message of the kind (generic over the topic in TypeScript). */
export function kindTypeName(kind: EnvelopeKind): string {
  return `${pascalCase(kind.name)}Message`;
}

/** `ShellTopic`: the topic wire values that travel on the channel. */
export function channelTopicsType(channel: Channel): string {
  return `${pascalCase(channel.name)}Topic`;
}

/** `SHELL_TOPICS`: the same as a runtime set (Python frozenset, TypeScript ReadonlySet). */
export function channelTopicsConstant(channel: Channel): string {
  return `${snakeCase(channel.name).toUpperCase()}_TOPICS`;
}

/** `RequestMessageByTopic`: the kind's message type of each topic, keyed by wire value (TypeScript). */
export function kindByTopicName(kind: EnvelopeKind): string {
  return `${pascalCase(kind.name)}MessageByTopic`;
}

/** The fixed names of the envelope modules (both runtimes; camelCase in TypeScript, snake_case in Python). */
export const ENVELOPE_FIXED = [
  "Message",
  "MessageByTopic",
  "AnyMessage",
  "MessageKind",
  "MessageIssue",
  "MessageIssueCode",
  "MessageResult",
  "validateMessage",
  "isMessage",
  "validate_message",
  "Conversation",
  "Verdict",
  "VerdictCode",
] as const;
export const CHANNEL_CONSTANT = "Channel";

export interface OwnedName {
  readonly identifier: string;
  readonly owner: string;
  readonly span: Protocol["span"];
}

/** Every identifier the envelope and channel code declares at module level, with its owner. */
export function envelopeOwned(protocol: Protocol): OwnedName[] {
  const out: OwnedName[] = [];
  if (protocol.channels.length > 0) {
    const first = protocol.channels[0] as Channel;
    out.push({ identifier: CHANNEL_CONSTANT, owner: "the channel constants", span: first.span });
    for (const c of protocol.channels) {
      out.push({ identifier: channelTopicsType(c), owner: `the topics of channel ${c.name}`, span: c.span });
      out.push({ identifier: channelTopicsConstant(c), owner: `the topic set of channel ${c.name}`, span: c.span });
    }
  }
  const envelope = protocol.envelope;
  if (envelope === undefined) return out;
  for (const name of ENVELOPE_FIXED) out.push({ identifier: name, owner: "the envelope module", span: envelope.span });
  for (const kind of envelope.kinds) {
    out.push({ identifier: kindTypeName(kind), owner: `the messages of envelope kind ${kind.name}`, span: kind.span });
    if (kind.topicSets.length > 0) out.push({ identifier: kindByTopicName(kind), owner: `the messages of envelope kind ${kind.name} by topic`, span: kind.span });
    for (const topic of kindTopics(kind)) {
      out.push({ identifier: messageTypeName(kind, topic), owner: `the ${kind.name} message of topic ${topic.name}`, span: kind.span });
    }
    for (const w of kind.when) out.push({ identifier: whenTypeName(kind, w.name), owner: `the ${kind.name} message of when-rule ${w.name}`, span: w.span });
  }
  return out;
}
