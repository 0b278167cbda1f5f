/**
 * Stage 1: YAML text → one document with source ranges, under strict settings.
 *
 * Rejects what would let the spec mean something other than it shows: syntax errors, duplicate
 * keys, anchors and aliases, merge keys, explicit tags, directives and further documents.
 */
import { isAlias, isCollection, isNode, isPair, isScalar, LineCounter, parseDocument, Parser } from "yaml";
import type { Document, Node } from "yaml";
import "./codes.js";
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import { lineStartsOf, readCommonYaml } from "./common-yaml.js";
import { DUPLICATE_KEY_MESSAGE, duplicateKeysAt } from "./duplicate-keys.js";
import { spanAt, spanOf } from "./source.js";
import { loneSurrogateCheck } from "./surrogates.js";
import type { Source } from "./source.js";
import { eachNode } from "./yaml-node.js";

export interface Loaded {
  readonly source: Source;
  /** The document's root node; null for an empty document. */
  readonly root: Node | null;
  readonly diagnostics: readonly Diagnostic[];
}

const DEFAULT_TAG_HANDLES = new Map([
  ["!", "!"],
  ["!!", "tag:yaml.org,2002:"],
]);

export function loadYaml(raw: string, file: string): Loaded {
  // YAML 1.2 breaks lines at CR, LF and CRLF; the parser knows only the last two, so a file with
  // CR-only line ends (classic Mac) would read as one comment line. A lone CR becomes LF: the
  // same length, so every offset and span stays true to the file.
  const text = raw.replace(/\r(?!\n)/g, "\n");
  const lines = new LineCounter();
  const source: Source = { file, text, lines };
  const read = readYaml(text, lines);
  if (read.doc === undefined) return { source, root: read.root, diagnostics: nodeChecks(source, read.root, []) };
  const { doc, root } = read;
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  const tooDeep = root === null ? undefined : tooDeepNode(root);
  if (overflow !== undefined || tooDeep !== undefined) {
    const at = overflow?.pos ?? tooDeep?.range ?? [0, 0];
    const message = `the spec is nested more than ${MAX_DEPTH} levels deep`;
    return { source, root: null, diagnostics: [diagnostic("WD108", message, spanAt(source, at[0], at[1]))] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) diagnostics.push(yamlError(source, error.code, error.message, error.pos));
  // After a syntax error the tree is a guess; checking it further would only add noise.
  const syntaxError = diagnostics.some((d) => d.code === "WD101");
  diagnostics.push(...nodeChecks(source, doc.contents, directiveErrors(source, doc)));
  return { source, root: syntaxError ? null : root, diagnostics };
}

/**
 * Every per-node check in one walk of the document (each walk is a pass over every node of a
 * spec of any size): duplicate keys, then the directives' findings, then forbidden syntax and
 * lone surrogates, each in document order.
 */
function nodeChecks(source: Source, root: unknown, directives: readonly Diagnostic[]): Diagnostic[] {
  const duplicates: number[] = [];
  const forbidden: Diagnostic[] = [];
  const surrogates = loneSurrogateCheck(source);
  eachNode(root, (node) => {
    duplicateKeysAt(node, duplicates);
    forbiddenSyntaxAt(source, node, forbidden);
    surrogates.at(node);
  });
  return [...duplicateKeyErrors(source, duplicates), ...directives, ...forbidden, ...surrogates.diagnostics];
}

/**
 * YAML text as the yaml package reads it with the strict settings above (YAML 1.2, the core
 * schema, no merge keys): the root node, with the line starts in `lines`. Most specs and every
 * lock are common YAML (JSON is), which `readCommonYaml` builds the same tree for several times
 * faster (`doc` is then undefined: there are no errors and no directives); any other text, or
 * any doubt, goes to the yaml package, whose document comes back with its errors.
 */
export function readYaml(text: string, lines: LineCounter): { readonly root: Node | null; readonly doc: Document.Parsed | undefined } {
  const common = readCommonYaml(text);
  if (common !== undefined) {
    for (const start of lineStartsOf(text)) lines.addNewLine(start);
    return { root: common, doc: undefined };
  }
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    // The yaml package compares each new key with every earlier one (quadratic in a mapping's
    // size); duplicateKeysAt finds the same duplicates in one pass.
    uniqueKeys: false,
    merge: false,
    version: "1.2",
    schema: "core",
    strict: true,
  });
  return { root: isNode(doc.contents) ? doc.contents : null, doc };
}

/** Far deeper than any spec needs, and shallow enough for every recursive walk after this one. */
export const MAX_DEPTH = 64;

/**
 * The first node (in document order) nested deeper than MAX_DEPTH, found without recursion, so
 * the error points into the nesting rather than at the top of the file; undefined when none is.
 */
function tooDeepNode(root: Node): Node | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (depth > MAX_DEPTH && isNode(node)) return node;
    if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
    } else if (isCollection(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i], depth + 1]);
    }
  }
  return undefined;
}

function yamlError(source: Source, code: string, message: string, pos: readonly [number, number]): Diagnostic {
  const span = spanAt(source, pos[0], pos[1]);
  const text = firstLine(message);
  switch (code) {
    case "DUPLICATE_KEY":
      return diagnostic("WD102", text, span, { hint: "remove or rename one of the entries" });
    case "MULTIPLE_DOCS":
      return diagnostic("WD107", "the file holds more than one YAML document", span, {
        hint: "remove the `---` separator and everything after it, or merge the documents",
      });
    case "BAD_ALIAS":
    case "ALIAS_PROPS":
      return diagnostic("WD103", "aliases are not allowed in a spec", span, { hint: "write the value out" });
    default:
      return diagnostic("WD101", text, span);
  }
}

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "");
}

function directiveErrors(source: Source, doc: Document.Parsed): Diagnostic[] {
  const directives = doc.directives;
  const customTags = Object.entries(directives?.tags ?? {}).some(
    ([handle, prefix]) => DEFAULT_TAG_HANDLES.get(handle) !== prefix,
  );
  const explicitVersion = directives?.yaml.explicit === true;
  const found = firstDirective(source.text);
  if (!customTags && !explicitVersion && found === undefined) return [];
  const { start, end } = found ?? { start: 0, end: 0 };
  return [
    diagnostic("WD106", "directives (%YAML, %TAG) are not allowed in a spec", spanAt(source, start, end), {
      hint: "remove the directive; specs are always read as YAML 1.2 with the core schema",
    }),
  ];
}

/**
 * The first directive line of the text, as YAML's own lexer sees it. A `%` that merely starts a
 * line in JavaScript's sense (after U+2028, U+2029 or inside a quoted scalar) is text, not a
 * directive; only the cheap pre-check runs on a text with no `%` at the start of a YAML line.
 */
function firstDirective(text: string): { start: number; end: number } | undefined {
  if (!/(?:^|[\n\r])%/.test(text)) return undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type === "directive") return { start: token.offset, end: token.offset + token.source.length };
  }
  return undefined;
}

/** WD102 at every key equal to an earlier key of the same mapping, as the yaml package words it. */
function duplicateKeyErrors(source: Source, offsets: readonly number[]): Diagnostic[] {
  return offsets.map((at) => yamlError(source, "DUPLICATE_KEY", DUPLICATE_KEY_MESSAGE, [at, at + 1]));
}

/** One step of the document walk: a merge key, an alias, an anchor or an explicit tag at `node` goes to `out`. */
function forbiddenSyntaxAt(source: Source, node: unknown, out: Diagnostic[]): void {
  if (isPair(node)) {
    if (isScalar(node.key) && node.key.value === "<<" && node.key.type === "PLAIN") {
      out.push(
        diagnostic("WD104", "merge keys (<<) are not allowed in a spec", spanOf(source, node.key), {
          hint: "write the merged entries out",
        }),
      );
    }
    return;
  }
  if (!isNode(node)) return;
  if (isAlias(node)) {
    out.push(
      diagnostic("WD103", `alias *${node.source} is not allowed in a spec`, spanOf(source, node), {
        hint: "write the value out instead of referring to an anchor",
      }),
    );
    return;
  }
  if (node.anchor !== undefined) {
    out.push(
      diagnostic("WD103", `anchor &${node.anchor} is not allowed in a spec`, spanOf(source, node), {
        hint: "remove the anchor and write repeated values out",
      }),
    );
  }
  if (node.tag !== undefined) {
    out.push(
      diagnostic("WD105", `explicit tag ${node.tag} is not allowed in a spec`, spanOf(source, node), {
        hint: "remove the tag; quote the value if you meant a string",
      }),
    );
  }
}
