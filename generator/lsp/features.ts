/** Completion and hover: pure functions of the document text and a cursor offset. */
import { BUILT_IN_TYPES, markdown, title } from "./describe.js";
import type { Item } from "./outline.js";
import { locate, outline } from "./outline.js";
import type { Range } from "./positions.js";
import { LineIndex } from "./positions.js";
import { candidates, definitionAt, placeOf, resolve } from "./references.js";

/** LSP CompletionItemKind values. */
const COMPLETION_KIND: { readonly [kind in Item["kind"] | "builtIn" | "generic"]: number } = {
  actor: 18, // Reference
  enum: 13, // Enum
  member: 20, // EnumMember
  keySet: 9, // Module
  key: 5, // Field
  topicSet: 9, // Module
  topic: 23, // Event
  record: 22, // Struct
  union: 22, // Struct
  flow: 3, // Function
  constant: 21, // Constant
  builtIn: 14, // Keyword
  generic: 25, // TypeParameter
};

export interface CompletionItem {
  readonly label: string;
  readonly kind: number;
  readonly detail?: string;
  readonly documentation?: { readonly kind: "markdown"; readonly value: string };
  readonly textEdit: { readonly range: Range; readonly newText: string };
  /** 1: plain text, 2: snippet. */
  readonly insertTextFormat: 1 | 2;
  readonly sortText: string;
}

export interface Hover {
  readonly contents: { readonly kind: "markdown"; readonly value: string };
  readonly range: Range;
}

export interface CompletionOptions {
  /** Whether the client accepts snippets (`list<$1>`). */
  readonly snippets: boolean;
}

const WORD = /[A-Za-z0-9_]/;

/** The identifier around `offset` (possibly empty), as offsets. */
function wordAt(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  let end = offset;
  while (start > 0 && WORD.test(text.charAt(start - 1))) start--;
  while (end < text.length && WORD.test(text.charAt(end))) end++;
  return { start, end };
}

export function complete(text: string, offset: number, options: CompletionOptions): CompletionItem[] {
  const o = outline(text);
  const cursor = locate(o.root, offset);
  if (cursor === undefined || cursor.role === "key") return [];
  const place = placeOf(cursor, o);
  if (place === undefined) return [];
  const lines = new LineIndex(text);
  // Replace the identifier being typed; within a scalar only (never a neighbour's text).
  const word = cursor.scalar === undefined ? { start: offset, end: offset } : wordAt(text, offset);
  const range = lines.range(word.start, Math.max(word.start, Math.min(word.end, cursor.scalar?.range?.[1] ?? word.end)));
  const listed = new Set("listed" in place ? (place.listed ?? []) : []);
  const out: CompletionItem[] = [];
  const add = (label: string, kind: number, newText: string, format: 1 | 2, detail?: string, doc?: string): void => {
    out.push({
      label,
      kind,
      ...(detail === undefined ? {} : { detail }),
      ...(doc === undefined ? {} : { documentation: { kind: "markdown", value: doc } }),
      textEdit: { range, newText },
      insertTextFormat: format,
      sortText: `${String(out.length).padStart(5, "0")}`,
    });
  };
  for (const item of candidates(place, o)) {
    if (!listed.has(item.name)) add(item.name, COMPLETION_KIND[item.kind], item.name, 1, title(item), markdown(item));
  }
  if (place.kind === "type") {
    for (const [name, doc] of BUILT_IN_TYPES) add(name, COMPLETION_KIND.builtIn, name, 1, "built-in type", doc);
    for (const [generic, doc] of [
      ["list", "A list of values of the type between the angle brackets."],
      ["map", "An object with string keys and values of the type between the angle brackets."],
    ] as const) {
      add(`${generic}<…>`, COMPLETION_KIND.generic, options.snippets ? `${generic}<$1>` : `${generic}<>`, options.snippets ? 2 : 1, "type", doc);
    }
  }
  return out;
}

export function hover(text: string, offset: number): Hover | undefined {
  const o = outline(text);
  const cursor = locate(o.root, offset);
  if (cursor === undefined) return undefined;
  const lines = new LineIndex(text);
  const definition = definitionAt(cursor, o);
  if (definition !== undefined) {
    return { contents: { kind: "markdown", value: markdown(definition) }, range: lines.range(definition.start, definition.end) };
  }
  const scalar = cursor.scalar;
  const place = cursor.role === "key" ? undefined : placeOf(cursor, o);
  const range = scalar?.range;
  if (place === undefined || scalar === undefined || typeof scalar.value !== "string" || range === undefined || range === null) return undefined;
  if (place.kind === "type") {
    // A type expression names several types (`map<list<Level>>`): the one under the cursor.
    const word = wordAt(text, offset);
    const [from, to] = [Math.max(word.start, range[0]), Math.min(word.end, range[1])];
    const name = text.slice(from, to);
    const builtIn = BUILT_IN_TYPES.get(name);
    const named = resolve(place, name, o);
    const value = builtIn !== undefined ? `**built-in type** \`${name}\`\n\n${builtIn}` : named === undefined ? undefined : markdown(named);
    return value === undefined || name === "" ? undefined : { contents: { kind: "markdown", value }, range: lines.range(from, to) };
  }
  const named = resolve(place, scalar.value, o);
  if (named === undefined) return undefined;
  return { contents: { kind: "markdown", value: markdown(named) }, range: lines.range(range[0], range[1]) };
}
