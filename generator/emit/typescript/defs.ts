/**
 * `defs.ts`: the protocol's constants for TypeScript — CHANNEL, PROTOCOL_VERSION, the extra
 * constants, and one `as const` object plus a same-named union type per enum, key set and topic
 * set. No `enum`, no `namespace`: the file passes `erasableSyntaxOnly`, `verbatimModuleSyntax`
 * and `isolatedDeclarations`, and is printed exactly as prettier would format it.
 *
 * The text is built with code-block-writer (the writer ts-morph itself prints with) rather than
 * ts-morph's structure printer: loading ts-morph's compiler costs about half a second, and
 * `wiredefs check` must regenerate everything in about 0.15 s. Tests parse the output with
 * ts-morph instead. Declarations are laid out by the document printer (doc.ts, ts-print.ts),
 * which breaks them where prettier does whatever the length of names, values and docs.
 */
import CodeBlockWriter from "code-block-writer";
import type { Constant, Enum, GeneratedFile, KeySet, Member, Protocol, TopicSet } from "../../model.js";
import { headerComment } from "../header.js";
import { channelDeclarations } from "./channels.js";
import { commentLines, moduleDocText, setMembers, valueSets } from "../text.js";
import type { Doc } from "./doc.js";
import { asConst, bool, id, ref, stringLit, toKey, typeOf, union, type Expr, type Prop, type Type } from "./ts-ast.js";
import { constDecl, source, typeAlias } from "./ts-statements.js";
import {
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
  writeLines(w, headerComment(protocol, tsLineComment).trimEnd().split("\n"));
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
  for (const declaration of channelDeclarations(protocol)) {
    w.blankLine();
    writeLines(w, declaration.comment);
    for (const doc of declaration.docs) writeDoc(w, doc);
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
  writeDoc(w, constDecl(constant.name, constantValue(constant.value), constantOptions(constant.value)));
}

function writeDoc(w: CodeBlockWriter, doc: Doc): void {
  writeLines(w, source(doc).trimEnd().split("\n"));
}

/** The value as a literal, or `NaN` / `Infinity` (annotated `: number`, not being literals). */
function constantValue(value: Constant["value"]): Expr {
  if (typeof value === "string") return stringLit(tsString(value));
  if (typeof value === "boolean") return bool(value);
  if (Number.isNaN(value)) return id("NaN");
  if (!Number.isFinite(value)) return value > 0 ? id("Infinity") : { kind: "unary", op: "-", arg: id("Infinity") };
  const text = tsNumber(value);
  const literal: Expr = { kind: "number", text: text.replace(/^-/, "") };
  return text.startsWith("-") ? { kind: "unary", op: "-", arg: literal } : literal;
}

function constantOptions(value: Constant["value"]): { exported: true; type?: Type } {
  return typeof value === "number" && !Number.isFinite(value) ? { exported: true, type: ref("number") } : { exported: true };
}

function writeSet(w: CodeBlockWriter, set: Enum | KeySet | TopicSet): void {
  writeLines(w, docComment({ ...set, doc: setDoc(set) }, 0));
  const members = setMembers(set);
  writeDoc(w, constDecl(set.name, asConst(setObject(members)), { exported: true }));
  if (set.deprecated !== undefined) writeLines(w, docComment({ deprecated: set.deprecated }, 0));
  const keys = typeOf(set.name);
  const known: Type = { kind: "indexed", object: keys, index: { kind: "keyof", of: keys } };
  writeDoc(w, typeAlias(set.name, set.kind === "enum" && set.open ? union([known, ref(OPEN[set.valueType])]) : known));
}

/**
 * The other values an open enum's type admits: `(string & {})` keeps the known values offered
 * by completion while any string is assignable (a bare `string` would swallow the literals).
 */
const OPEN = { string: "(string & {})", int: "(number & {})" } as const;

/** The set's doc; an open enum's says that other values are valid too. */
function setDoc(set: Enum | KeySet | TopicSet): string | undefined {
  if (set.kind !== "enum" || !set.open) return set.doc;
  const note = `Open: any other ${set.valueType === "int" ? "integer" : "string"} is a valid value too.`;
  return set.doc === undefined || set.doc.trim() === "" ? note : `${set.doc}\n\n${note}`;
}

/** The members as an object literal, one per line, with their section and doc comments. */
function setObject(members: readonly Member[]): Expr {
  const props = members.map((member, i): Prop => {
    const comments: string[] = [];
    if (member.section !== undefined) {
      const title = commentLines(member.section.title);
      const doc = commentLines(member.section.doc);
      comments.push(...[...title, ...doc].map(tsLineComment));
    }
    comments.push(...docComment(member, INDENT));
    const key = toKey(tsPropertyKey(member.name));
    const intValue = "intValue" in member && typeof member.intValue === "number" ? member.intValue : undefined;
    const value = intValue === undefined ? stringLit(tsString(member.value)) : constantValue(intValue);
    return { key, value, comments, blankBefore: member.section !== undefined && i > 0 };
  });
  return { kind: "object", props, expanded: true };
}
