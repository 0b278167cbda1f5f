/**
 * `defs.ts`: the protocol's constants for TypeScript — CHANNEL, PROTOCOL_VERSION, the extra
 * constants, and one `as const` object plus a same-named union type per enum, key set and topic
 * set. No `enum`, no `namespace`: the file passes `erasableSyntaxOnly`, `verbatimModuleSyntax`
 * and `isolatedDeclarations`, and is printed exactly as prettier would format it.
 *
 * The text is built with code-block-writer (the writer ts-morph itself prints with) rather than
 * ts-morph's structure printer: loading ts-morph's compiler costs about half a second, and
 * `wiredefs check` must regenerate everything in about 0.15 s. Tests parse the output with
 * ts-morph instead.
 */
import CodeBlockWriter from "code-block-writer";
import type { Constant, Enum, GeneratedFile, KeySet, Member, Protocol, TopicSet } from "../../model.js";
import { headerComment } from "../header.js";
import { commentLines, moduleDocText, setMembers, valueSets, width } from "../text.js";
import {
  PRINT_WIDTH,
  tsDeprecatedTag,
  tsDocComment,
  tsLineComment,
  tsNumber,
  tsPropertyKey,
  tsString,
} from "./defs-syntax.js";

const INDENT = 2;

export function emitTypeScriptDefs(protocol: Protocol): GeneratedFile {
  const output = protocol.outputs.typescript;
  if (output === undefined) throw new Error("emitTypeScriptDefs: the spec has no typescript output");
  const w = new CodeBlockWriter({ newLine: "\n", indentNumberOfSpaces: INDENT, useTabs: false });
  writeLines(w, headerComment(protocol, "//").trimEnd().split("\n"));
  w.blankLine();
  writeLines(w, tsDocComment(commentLines(moduleDocText(protocol)), ["@module"], 0));
  for (const constant of [protocol.channel, protocol.version, ...protocol.constants]) {
    w.blankLine();
    writeConstant(w, constant);
  }
  for (const set of valueSets(protocol)) {
    w.blankLine();
    writeSet(w, set);
  }
  return { path: `${output.dir}/defs.ts`, text: w.toString() };
}

function writeLines(w: CodeBlockWriter, lines: readonly string[]): void {
  for (const line of lines) w.writeLine(line);
}

/** Doc comment of an item: its doc, then `@deprecated reason` when deprecated. */
function docComment(item: { doc?: string | undefined; deprecated?: string | undefined }, column: number): string[] {
  const tags = item.deprecated === undefined ? [] : tsDeprecatedTag(commentLines(item.deprecated));
  return tsDocComment(commentLines(item.doc), tags, column);
}

function writeConstant(w: CodeBlockWriter, constant: Constant): void {
  writeLines(w, docComment(constant, 0));
  const line = `export const ${constant.name}${constantInitializer(constant)};`;
  if (typeof constant.value !== "string" || width(line) <= PRINT_WIDTH) w.writeLine(line);
  else writeLines(w, [`export const ${constant.name} =`, `${" ".repeat(INDENT)}${tsString(constant.value)};`]);
}

/** ` = value`, with a `: number` annotation where the value is not a literal (non-finite). */
function constantInitializer(constant: Constant): string {
  const { value } = constant;
  if (typeof value === "string") return ` = ${tsString(value)}`;
  if (typeof value === "boolean") return ` = ${String(value)}`;
  if (Number.isNaN(value)) return ": number = NaN";
  if (!Number.isFinite(value)) return `: number = ${value > 0 ? "" : "-"}Infinity`;
  return ` = ${tsNumber(value)}`;
}

function writeSet(w: CodeBlockWriter, set: Enum | KeySet | TopicSet): void {
  writeLines(w, docComment(set, 0));
  const members = setMembers(set);
  if (members.length === 0) w.writeLine(`export const ${set.name} = {} as const;`);
  else {
    w.write(`export const ${set.name} = `);
    w.inlineBlock(() => members.forEach((member, i) => writeMember(w, member, i === 0)));
    w.write(" as const;").newLine();
  }
  if (set.deprecated !== undefined) writeLines(w, docComment({ deprecated: set.deprecated }, 0));
  writeLines(w, unionType(set.name));
}

function writeMember(w: CodeBlockWriter, member: Member, first: boolean): void {
  if (member.section !== undefined) {
    if (!first) w.blankLine();
    const title = commentLines(member.section.title);
    const doc = commentLines(member.section.doc);
    writeLines(w, [...title, ...doc].map(tsLineComment));
  }
  writeLines(w, docComment(member, INDENT));
  const key = tsPropertyKey(member.name);
  const value = `${tsString(member.value)},`;
  if (width(`${key}: ${value}`) + INDENT <= PRINT_WIDTH || width(key) < SHORT_KEY) w.writeLine(`${key}: ${value}`);
  else writeLines(w, [`${key}:`, `${" ".repeat(INDENT)}${value}`]);
}

/**
 * prettier keeps `key: "long string"` on one line when the key is shorter than this (moving the
 * value down would gain almost nothing); longer keys put an overlong value on the next line.
 */
const SHORT_KEY = INDENT + 3;

/** `export type X = (typeof X)[keyof typeof X];`, broken after `=` where prettier breaks it. */
function unionType(name: string): string[] {
  const type = `(typeof ${name})[keyof typeof ${name}];`;
  const oneLine = `export type ${name} = ${type}`;
  if (width(oneLine) <= PRINT_WIDTH) return [oneLine];
  return [`export type ${name} =`, `${" ".repeat(INDENT)}${type}`];
}
