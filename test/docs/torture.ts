/** A protocol whose every doc, value, title and label is the given hostile text. */
import type { Protocol } from "../../generator/model.js";
import { STRING, actor, fields, flow, key, keySet, message, protocol, topicSet } from "./model.js";

export function torture(doc: string, value: string, title: string, label: string): Protocol {
  const a = actor("alice", label);
  const b = actor("end", "Bob");
  const k = key("K", STRING, { value, doc, deprecated: doc, section: { title, doc } });
  const topics = topicSet("Topic", "", [
    [
      "PING",
      { value, doc, deprecated: doc, section: { title, doc }, from: a, to: b, replies: ["PONG"], fields: fields([k]) },
    ],
    ["PONG", { from: b, to: a }],
  ]);
  const f = flow("f", [
    {
      kind: "alt",
      span: topics.span,
      branches: [
        { label, steps: [message(topics, "PING", false, label)] },
        { label, steps: [] },
      ],
    },
    { kind: "loop", label, span: topics.span, steps: [message(topics, "PONG", true)] },
  ]);
  return protocol({
    title,
    doc,
    actors: [a, b],
    keySets: [keySet("Keys", [k], doc)],
    topicSets: [topics],
    flows: [f],
    reserved: [{ doc, channels: [{ value, span: topics.span }], topics: [], keys: [], span: topics.span }],
  });
}
