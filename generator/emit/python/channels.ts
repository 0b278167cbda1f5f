/**
 * The channel declarations of defs.py, for a protocol with several channels: a `Channel` class of
 * constants like the enum classes, and per channel the frozenset of the topics that travel on it
 * (the Literal aliases are in envelope.py, which imports typing; defs.py imports nothing).
 */
import type { Protocol } from "../../model.js";
import { channelTopicsConstant, channelTopicsType, CHANNEL_CONSTANT } from "../../names/envelope.js";
import { topicSetOf } from "../../conformance/shapes.js";
import { topicsOn } from "../typescript/channels.js";
import { commentLines, fitsPython } from "../text.js";
import { pythonComment, pythonDocstring, pythonString } from "./defs-syntax.js";


export function channelLines(protocol: Protocol): string[] {
  if (protocol.channels.length === 0) return [];
  const lines = ["", "", `class ${CHANNEL_CONSTANT}:`, ...pythonDocstring("The channels of the protocol (the first is the default).", "    "), ""];
  for (const c of protocol.channels) {
    const doc = commentLines(c.doc);
    const line = `    ${c.name} = ${pythonString(c.value)}`;
    const trailing = doc.length === 1 ? `${line}  ${pythonComment(doc[0] ?? "")}` : undefined;
    if (trailing !== undefined && fitsPython(trailing)) lines.push(trailing);
    else lines.push(...doc.map((d) => `    ${pythonComment(d)}`), line);
  }
  const setOf = topicSetOf(protocol);
  for (const c of protocol.channels) {
    const topics = topicsOn(protocol, c).map((t) => `${setOf(t).name}.${t.name}`);
    const name = channelTopicsConstant(c);
    lines.push("", "");
    const one = `${name}: frozenset[str] = frozenset({${topics.join(", ")}})`;
    if (topics.length === 0) lines.push(`${name}: frozenset[str] = frozenset()`);
    else if (fitsPython(one)) lines.push(one);
    else if (fitsPython(`    {${topics.join(", ")}}`)) lines.push(`${name}: frozenset[str] = frozenset(`, `    {${topics.join(", ")}}`, ")");
    else lines.push(`${name}: frozenset[str] = frozenset(`, "    {", ...topics.map((t) => `        ${t},`), "    }", ")");
    lines.push(...pythonDocstring(`The topics that travel on channel \`\`${c.value}\`\` (see ${channelTopicsType(c)}).`, ""));
  }
  return lines;
}

/** The names channelLines defines. */
export function channelNames(protocol: Protocol): string[] {
  return protocol.channels.length === 0 ? [] : [CHANNEL_CONSTANT, ...protocol.channels.map(channelTopicsConstant)];
}
