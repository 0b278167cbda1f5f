/**
 * `defs.py`: the protocol's constants for Python, in the style of the hand-written modules it
 * replaces — licence header, module docstring, CHANNEL, PROTOCOL_VERSION, then one plain class
 * of constants per enum, key set and topic set. No imports, no I/O, nothing to run at import
 * time but assignments; printed exactly as `ruff format` would leave it.
 *
 * Comments are carried as a person writes them: a section title above the first member of its
 * section; a member's one-line doc as a trailing comment when the line still fits 88 columns
 * (`BINARY = "binary"  # Raw bytes, binary data`), otherwise as comment lines above it.
 */
import type { Constant, Enum, GeneratedFile, KeySet, Member, Protocol, TopicSet } from "../../model.js";
import { commentLines, moduleDocText, setMembers, valueSets, width } from "../text.js";
import { pythonComment, pythonDocstring, pythonHeader, pythonScalar, pythonString } from "./defs-syntax.js";
import { channelLines, channelNames } from "./channels.js";
import { emitPythonInit, pythonOutput, type PythonModuleExports } from "./init.js";

/** ruff's default line length. */
export const LINE_LENGTH = 88;
const INDENT = "    ";

/**
 * defs.py and the package's `__init__.py`. `extraModules` are the package's other modules whose
 * names `__init__` re-exports too (the messages module), so `import <package>` offers everything.
 */
export function emitPythonDefs(protocol: Protocol, extraModules: readonly PythonModuleExports[] = []): GeneratedFile[] {
  return [emitPythonDefsModule(protocol), emitPythonInit(protocol, [pythonDefsExports(protocol), ...extraModules])];
}

/** The names defs.py defines, in definition order. */
export function pythonDefsExports(protocol: Protocol): PythonModuleExports {
  const constants = [protocol.channel, protocol.version, ...protocol.constants].map((c) => c.name);
  return { module: "defs", names: [...constants, ...valueSets(protocol).map((s) => s.name), ...channelNames(protocol)] };
}

export function emitPythonDefsModule(protocol: Protocol): GeneratedFile {
  const output = pythonOutput(protocol);
  const lines = [pythonHeader(protocol).trimEnd(), "", ...pythonDocstring(moduleDocText(protocol), ""), ""];
  for (const constant of [protocol.channel, protocol.version, ...protocol.constants]) {
    lines.push(...constantLines(constant));
  }
  for (const set of valueSets(protocol)) lines.push("", "", ...classLines(set));
  lines.push(...channelLines(protocol));
  return { path: `${output.dir}/${output.package}/defs.py`, text: `${lines.join("\n")}\n` };
}

function constantLines(constant: Constant): string[] {
  return commented("", constant.name, pythonScalar(constant.value, constant.type), constant);
}

/**
 * An assignment with its doc and deprecation as comments: a one-line doc trails the code when
 * the whole line fits, anything else goes above it.
 */
function commented(
  indent: string,
  name: string,
  value: string,
  item: { doc?: string | undefined; deprecated?: string | undefined },
): string[] {
  const doc = commentLines(item.doc);
  const [only] = doc;
  if (item.deprecated === undefined && doc.length === 1 && only !== undefined) {
    const trailing = `${indent}${name} = ${value}  ${pythonComment(only)}`;
    if (width(trailing) <= LINE_LENGTH) return [trailing];
  }
  const above = item.deprecated === undefined ? doc : [...doc, ...deprecationLines(item.deprecated)];
  return [...above.map((line) => `${indent}${pythonComment(line)}`), ...assignment(indent, name, value)];
}

/**
 * `name = value`; when that overflows the line but the value alone fits one indent deeper,
 * ruff format wraps the value in parentheses, so this does too.
 */
function assignment(indent: string, name: string, value: string): string[] {
  const line = `${indent}${name} = ${value}`;
  const inner = `${indent}${INDENT}${value}`;
  if (width(line) <= LINE_LENGTH || width(inner) > LINE_LENGTH) return [line];
  return [`${indent}${name} = (`, inner, `${indent})`];
}

/** `Deprecated: reason` (`Deprecated.` without a reason), continuation lines kept. */
function deprecationLines(reason: string): string[] {
  const [first, ...rest] = commentLines(reason);
  return first === undefined ? ["Deprecated."] : [`Deprecated: ${first}`, ...rest];
}

function classLines(set: Enum | KeySet | TopicSet): string[] {
  const members = setMembers(set);
  const lines = [`class ${set.name}:`, ...pythonDocstring(classDoc(set, members), INDENT)];
  members.forEach((member, i) => {
    if (i === 0) lines.push("");
    if (member.section !== undefined) {
      if (i > 0) lines.push("");
      const heading = [...commentLines(member.section.title), ...commentLines(member.section.doc)];
      lines.push(...heading.map((line) => `${INDENT}${pythonComment(line)}`));
    }
    lines.push(...commented(INDENT, member.name, memberValue(member), member));
  });
  return lines;
}

/** A member's wire value: a string, or an int enum member's integer. */
function memberValue(member: Member): string {
  const intValue = "intValue" in member && typeof member.intValue === "number" ? member.intValue : undefined;
  return intValue === undefined ? pythonString(member.value) : pythonScalar(intValue, "int");
}

/** The class docstring: the set's doc (or a plain fallback) and notes on what is deprecated. */
function classDoc(set: Enum | KeySet | TopicSet, members: readonly Member[]): string {
  const paragraphs = [set.doc !== undefined && set.doc.trim() !== "" ? set.doc.trim() : FALLBACK[set.kind](set.name)];
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

const FALLBACK: { readonly [K in (Enum | KeySet | TopicSet)["kind"]]: (name: string) => string } = {
  enum: (name) => `Values of ${name}.`,
  keySet: (name) => `Payload keys of ${name}.`,
  topicSet: (name) => `Topics of ${name}.`,
};
