/** The channels of a protocol with several: per channel its wire value and the topics travelling on it. */
import type { Channel, Protocol } from "../../model.js";
import { topicsOn } from "../../conformance/shapes.js";
import { anchor } from "./anchors.js";
import { heading, itemDoc, type Block } from "./blocks.js";
import { topicLink } from "./links.js";
import { code, link } from "./markdown.js";
import type { Refs } from "./refs.js";

export function channelAnchor(c: Channel): string {
  return anchor("channel", c.name);
}

export function channelLink(c: Channel): string {
  return link(code(c.name), channelAnchor(c));
}

export function channelBlocks(p: Protocol, c: Channel, refs: Refs): Block[] {
  const topics = topicsOn(p, c);
  const first = p.channels[0] === c;
  return [
    heading(3, code(c.name, "text"), channelAnchor(c)),
    ...itemDoc(c),
    [
      `Wire value ${code(c.value, "text")}.${first ? ` The default channel (${link(code("CHANNEL", "text"), anchor("constant", p.channel.name))}): topic sets that name none travel on it.` : ""}`,
    ],
    [topics.length === 0 ? "No topic travels on it." : `Topics: ${topics.map((t) => topicLink(refs, t)).join(", ")}.`],
  ];
}
