/**
 * Channels: `protocol.channels:` (several sockets, streams or sub-channels) instead of
 * `protocol.channel:` (one), and which channel(s) each topic travels on: the topic's `channels:`,
 * else its set's `channel:`, else the first channel (the default one).
 */
import { diagnostic } from "../diagnostics.js";
import type { Channel, Constant, Span, Topic, TopicSet } from "../model.js";
import { memberBase } from "./build-sets.js";
import { unresolved } from "./lookup.js";
import type { NameIndex } from "./lookup.js";
import { child, entries, keyNodeOf, span, str, strings } from "./read.js";
import type { Reader } from "./read.js";

export function buildChannels(r: Reader, protocol: unknown): Channel[] {
  return entries(r, protocol, "channels").map((e): Channel => ({ kind: "channel", ...memberBase(r, e, "") }));
}

/**
 * CHANNEL from the first of several channels; WD360 when the protocol names both forms or neither
 * (undefined then, so a placeholder stands in and the load fails).
 */
export function channelsConstant(r: Reader, protocol: unknown, protocolKeySpan: Span, single: Constant | undefined, channels: readonly Channel[]): Constant | undefined {
  const hasSingle = keyNodeOf(protocol, "channel") !== undefined;
  const hasMany = keyNodeOf(protocol, "channels") !== undefined;
  if (protocol === undefined || r.bad.has(protocol)) return single;
  if (hasSingle && hasMany) {
    const message = `the protocol names both "channel" and "channels"`;
    const hint = `keep "channel: <value>" for one channel, or list every channel under "channels:"`;
    r.diagnostics.push(diagnostic("WD360", message, span(r, keyNodeOf(protocol, "channels")), { hint }));
    return undefined;
  }
  if (!hasSingle && !hasMany) {
    // What the structure check said before "channels" existed: the same code, at the same place.
    const message = `"protocol" is missing required key "channel"`;
    const hint = `add "channel: <value>", or "channels:" with one entry per channel`;
    r.diagnostics.push(diagnostic("WD203", message, protocolKeySpan, { hint }));
    return undefined;
  }
  if (hasSingle) return single;
  const first = channels[0];
  if (first === undefined) {
    if (child(r, protocol, "channels") !== undefined) {
      const message = `"channels" of the protocol lists no channel`;
      r.diagnostics.push(diagnostic("WD360", message, span(r, keyNodeOf(protocol, "channels")), { hint: "list at least one channel" }));
    }
    return undefined;
  }
  return { kind: "constant", name: "CHANNEL", ...(first.doc === undefined ? {} : { doc: first.doc }), span: first.span, type: "string", value: first.value, valueSpan: first.valueSpan };
}

type MutableTopic = { -readonly [K in keyof Topic]: Topic[K] };

/** Sets `channels` of every topic (they are built with none); reports unknown channels. */
export function assignChannels(r: Reader, root: unknown, topicSets: readonly TopicSet[], channels: readonly Channel[], index: NameIndex): void {
  const byName = new Map(channels.map((c) => [c.name, c] as const));
  const single = channels.length === 0;
  const resolve = (name: { value: string; span: Span }, where: string): Channel | undefined => {
    if (single) {
      const message = `${where} names channel "${name.value}", but the protocol has one channel`;
      const hint = `list the channels under "channels:" of the protocol, or drop this`;
      r.diagnostics.push(diagnostic("WD362", message, name.span, { hint }));
      return undefined;
    }
    const found = byName.get(name.value);
    if (found === undefined) {
      r.diagnostics.push(unresolved({ code: "WD361", expected: "channel", where, name: name.value, span: name.span, candidates: byName.keys(), index }));
    }
    return found;
  };
  const setEntries = new Map(entries(r, root, "topics").map((e) => [e.name, e] as const));
  for (const set of topicSets) {
    const entry = setEntries.get(set.name);
    const setChannelName = str(r, entry?.node, "channel");
    const setChannel = setChannelName === undefined ? channels[0] : resolve(setChannelName, `topic set ${set.name}`);
    const topicEntries = new Map(entries(r, entry?.node, "topics").map((e) => [e.name, e] as const));
    for (const topic of set.topics as MutableTopic[]) {
      const own = strings(r, topicEntries.get(topic.name)?.node, "channels");
      if (own.length === 0) {
        topic.channels = setChannel === undefined ? [] : [setChannel];
        continue;
      }
      const list: Channel[] = [];
      for (const name of own) {
        const c = resolve(name, `topic ${set.name}.${topic.name}`);
        if (c === undefined) continue;
        if (list.includes(c)) {
          r.diagnostics.push(diagnostic("WD309", `channel ${name.value} is listed twice in topic ${set.name}.${topic.name}`, name.span, { hint: "list each channel once" }));
        } else list.push(c);
      }
      topic.channels = list;
    }
  }
}
