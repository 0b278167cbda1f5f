/**
 * The constants of a Python module, in the style of the hand-written modules they replace:
 * CHANNEL, PROTOCOL_VERSION and the spec's constants as assignments, one plain class of
 * constants per enum, key set and topic set. No imports, nothing to run at import time but
 * assignments; printed exactly as `ruff format` would leave it. Which module holds which item,
 * in what order, is the layout's (modules.ts).
 *
 * Comments are carried as a person writes them: a section title above the first member of its
 * section; a member's one-line doc as a trailing comment when the line still fits 88 columns
 * (`BINARY = "binary"  # Raw bytes, binary data`), otherwise as comment lines above it. A set
 * without a doc gets no docstring: nothing the spec does not say is invented.
 */
import type { Constant, Enum, KeySet, Member, TopicSet } from "../../model.js";
import { commentLines, setMembers, pythonWidth } from "../text.js";
import { pythonComment, pythonDocstring, pythonScalar, pythonString } from "./defs-syntax.js";
import { lineLength, pyAssignment } from "./messages-layout.js";

/** ruff's default line length. */
const INDENT = "    ";

/** The lines of one constant or class of constants, as a module of the layout places it. */
export function pythonValueItemLines(item: Constant | Enum | KeySet | TopicSet): string[] {
  return item.kind === "constant" ? constantLines(item) : classLines(item);
}

function constantLines(constant: Constant): string[] {
  return commentedAssignment("", constant.name, pythonScalar(constant.value, constant.type), constant);
}

/**
 * An assignment with its doc and deprecation as comments: a one-line doc trails the code when
 * the whole line fits, anything else goes above it.
 */
export function commentedAssignment(
  indent: string,
  name: string,
  value: string,
  item: { doc?: string | undefined; deprecated?: string | undefined },
): string[] {
  const doc = commentLines(item.doc);
  const [only] = doc;
  if (item.deprecated === undefined && doc.length === 1 && only !== undefined) {
    const trailing = `${indent}${name} = ${value}  ${pythonComment(only)}`;
    if (pythonWidth(trailing) <= lineLength()) return [trailing];
  }
  const above = item.deprecated === undefined ? doc : [...doc, ...deprecationLines(item.deprecated)];
  return [...above.map((line) => `${indent}${pythonComment(line)}`), ...pyAssignment(indent.length, name, value).split("\n")];
}

/** `Deprecated: reason` (`Deprecated.` without a reason), continuation lines kept. */
function deprecationLines(reason: string): string[] {
  const [first, ...rest] = commentLines(reason);
  return first === undefined ? ["Deprecated."] : [`Deprecated: ${first}`, ...rest];
}

function classLines(set: Enum | KeySet | TopicSet): string[] {
  const members = setMembers(set);
  const doc = classDoc(set, members);
  const lines = [`class ${set.name}:`, ...(doc === "" ? [] : pythonDocstring(doc, INDENT))];
  members.forEach((member, i) => {
    if (i === 0 && doc !== "") lines.push("");
    if (member.section !== undefined) {
      if (i > 0) lines.push("");
      const heading = [...commentLines(member.section.title), ...commentLines(member.section.doc)];
      lines.push(...heading.map((line) => `${INDENT}${pythonComment(line)}`));
    }
    lines.push(...commentedAssignment(INDENT, member.name, memberValue(member), member));
  });
  if (lines.length === 1) lines.push(`${INDENT}pass`); // no doc, no members: a body all the same
  return lines;
}

/** A member's wire value: a string, or an int enum member's integer. */
function memberValue(member: Member): string {
  const intValue = "intValue" in member && typeof member.intValue === "number" ? member.intValue : undefined;
  return intValue === undefined ? pythonString(member.value) : pythonScalar(intValue, "int");
}

/**
 * The class docstring: the set's doc and notes on what is deprecated; empty (no docstring) when
 * the spec says nothing, since a docstring the spec does not contain would be invented.
 */
function classDoc(set: Enum | KeySet | TopicSet, members: readonly Member[]): string {
  const paragraphs = set.doc !== undefined && set.doc.trim() !== "" ? [set.doc.trim()] : [];
  if (set.kind === "enum" && set.open) {
    paragraphs.push(`Open: any other ${set.valueType === "int" ? "integer" : "string"} is a valid value too.`);
  }
  if (set.deprecated !== undefined) {
    const reason = set.deprecated.trim();
    paragraphs.push(reason === "" ? "Deprecated." : `Deprecated: ${reason}`);
  }
  const deprecated = members.filter((m) => m.deprecated !== undefined);
  if (deprecated.length > 0) {
    const items = deprecated.map((m) => {
      const reason = (m.deprecated ?? "").trim();
      return reason === "" ? `- ${m.name}` : `- ${m.name}: ${reason}`;
    });
    paragraphs.push(["Deprecated members:", ...items].join("\n"));
  }
  return paragraphs.join("\n\n");
}
