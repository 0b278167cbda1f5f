/**
 * The channel declarations of defs.ts, for a protocol with several channels: the `Channel`
 * constants and union, and per channel the union of the topics that travel on it and the same
 * as a constant list. Nothing for a protocol with one channel (`protocol.channel:`).
 */
import type { Protocol } from "../../model.js";
import { channelTopicsConstant, channelTopicsType, CHANNEL_CONSTANT } from "../../names/envelope.js";
import { topicSetOf, topicsOn } from "../../conformance/shapes.js";
import { commentLines } from "../text.js";
import type { Doc } from "./doc.js";
import { tsDocComment, tsPropertyKey, tsString } from "./defs-syntax.js";
import { array, arrayOf, asConst, dotted, readonlyOf, ref, stringLit, toKey, typeOf, unionOf, type Expr, type Prop } from "./ts-ast.js";
import { constDecl, typeAlias } from "./ts-statements.js";

export interface Declaration {
  readonly comment: readonly string[];
  readonly docs: readonly Doc[];
}

export function channelDeclarations(protocol: Protocol): Declaration[] {
  if (protocol.channels.length === 0) return [];
  const setOf = topicSetOf(protocol);
  const props = protocol.channels.map(
    (c): Prop => ({ key: toKey(tsPropertyKey(c.name)), value: stringLit(tsString(c.value)), comments: tsDocComment(commentLines(c.doc), [], 2), blankBefore: false }),
  );
  const object: Expr = { kind: "object", props, expanded: true };
  const keys = typeOf(CHANNEL_CONSTANT);
  const out: Declaration[] = [
    {
      comment: tsDocComment(["The channels of the protocol (the first is the default)."], [], 0),
      docs: [constDecl(CHANNEL_CONSTANT, asConst(object), { exported: true }), typeAlias(CHANNEL_CONSTANT, { kind: "indexed", object: keys, index: { kind: "keyof", of: keys } })],
    },
  ];
  for (const c of protocol.channels) {
    const topics = topicsOn(protocol, c).map((t) => `${setOf(t).name}.${t.name}`);
    const type = channelTopicsType(c);
    out.push({
      comment: tsDocComment([`The topics that travel on channel \`${c.value}\`.`], [], 0),
      docs: [
        typeAlias(type, topics.length === 0 ? ref("never") : unionOf(topics.map((t) => typeOf(t)))),
        constDecl(channelTopicsConstant(c), array(topics.map(dotted)), { exported: true, type: readonlyOf(arrayOf(ref(type))) }),
      ],
    });
  }
  return out;
}
