/**
 * The channel declarations of defs.py, for a protocol with several channels: a `Channel` class of
 * constants like the enum classes, and per channel the frozenset of the topics that travel on it
 * (the Literal aliases are in envelope.py, which imports typing; defs.py imports nothing).
 */
import type { Protocol } from "../../model.js";
import { channelTopicsConstant, channelTopicsType, CHANNEL_CONSTANT } from "../../names/envelope.js";
import { topicSetOf, topicsOn } from "../../conformance/shapes.js";
import { fitsPython } from "../text.js";
import { commentedAssignment } from "./defs.js";
import { pythonDocstring, pythonString } from "./defs-syntax.js";

export function channelLines(protocol: Protocol): string[] {
  if (protocol.channels.length === 0) return [];
  const lines = ["", "", `class ${CHANNEL_CONSTANT}:`, ...pythonDocstring("The channels of the protocol (the first is the default).", "    "), ""];
  for (const c of protocol.channels) lines.push(...commentedAssignment("    ", c.name, pythonString(c.value), { doc: c.doc }));
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
