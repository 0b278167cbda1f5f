/**
 * A fast reader for the YAML that specs are written in: block mappings and lists indented with
 * spaces, plain and quoted scalars (folded over lines too), `|` and `>` block scalars, flow
 * collections (on one line or, as prettier breaks a long one, over lines, trailing commas too),
 * a value on the lines after its key, comments and blank lines, LF or CRLF line ends, a leading
 * byte order mark; and for JSON (a document that is one flow collection over any number of
 * lines), which is what the wire lock is. It builds the very tree the yaml package composes for
 * such a text (the same node classes, values, types, sources and ranges, resolved by the same
 * core-schema tags) in one pass, without the lexer's tokens, the parser's syntax tree or the
 * composer's bookkeeping, which cost a spec of thousands of names most of its load time.
 *
 * Anything outside that subset, and anything in it whose reading needs care (tabs, directives,
 * document markers, anchors, tags, explicit keys, keep chomping and indentation indicators,
 * comments inside a flow collection, plain scalars over lines inside one, a run of comment
 * lines after a collection's last entry that the yaml package would split between nodes, …),
 * makes it answer `undefined`, and the text goes to the yaml package as it always did. So it
 * never has to be right about YAML it does not know: a test holds its tree equal to the yaml
 * package's on every spec it reads.
 */
import { Pair, Scalar, Schema, YAMLMap, YAMLSeq } from "yaml";
import type { Node, ScalarTag } from "yaml";
import { moveToFile, readerText } from "./reader-text.js";
import { doubleQuotedValue, foldBlockLines, foldQuotedLines, OutsideSubset } from "./yaml-scalar-text.js";

const SCHEMA = new Schema({ schema: "core" });
/** The tags a plain scalar is tested against, in the schema's order (the first match resolves it). */
const SCALAR_TAGS = SCHEMA.tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } => tag.default === true && tag.collection === undefined && tag.test !== undefined,
);

/**
 * What makes the reader give way at once: a tab, a CR that is not part of a CRLF (which is read
 * as LF: reader-text.ts), a BOM past the text's start, C0 or C1 control, DEL, the Unicode line
 * or paragraph separator, a lone surrogate (a pair is one character), and a directive or
 * document marker at the start of a line.
 */
const OUTSIDE_TEXT = /[\t\r\ufeff\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]|^(?:%|---|\.\.\.)/mu;

/** The longest implicit key YAML allows. */
const MAX_KEY = 1024;
/** Deeper nesting goes to the yaml package, which reports it (the loader's own depth limit). */
const MAX_NESTING = 60;

/**
 * The document's root collection, exactly as the yaml package would compose it with the loader's
 * options, or undefined when the text is outside the subset (then the yaml package reads it).
 */
export function readCommonYaml(text: string): Node | undefined {
  const read = readerText(text);
  if (OUTSIDE_TEXT.test(read.text)) return undefined;
  try {
    const root = new Reader(read.text).document();
    moveToFile(root, read);
    return root;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

/** The start of every line (0 and after each LF), as the yaml package's LineCounter records them. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

/** The comment lines after a value that the yaml package counts into it or a collection ending there. */
interface TrailingComments {
  /** The indentation of the deepest and of the shallowest of them. */
  readonly depth: number;
  readonly shallowest: number;
  /** Where they end for the value: after the last of them. */
  readonly valueEnd: number;
  /** Where they end for a collection: where the next content starts (or the text's end). */
  readonly collectionEnd: number;
}

/** A node read, and where reading goes on. */
interface Placed {
  readonly node: Node;
  /** The start of the line after the node's last line (or the text's end). */
  readonly next: number;
}

class Reader {
  private readonly text: string;
  private readonly length: number;
  private depth = 0;
  /**
   * While a flow collection is read, the indentation of the block collection it is in: the flow
   * collection's lines after its first must be indented deeper (-1 in a root one).
   */
  private flowIndent = -1;

  constructor(text: string) {
    this.text = text;
    this.length = text.length;
  }

  document(): Node {
    const first = this.skipIgnorable(0);
    if (first >= this.length || this.indentAt(first) !== 0) throw new OutsideSubset();
    const c = this.text[first];
    if (c === "{" || c === "[") return this.rootFlow(first);
    const placed = this.blockNode(first, 0);
    if (this.skipIgnorable(placed.next) < this.length) throw new OutsideSubset();
    return placed.node;
  }

  // --- lines --------------------------------------------------------------------------------

  private lineEnd(at: number): number {
    const end = this.text.indexOf("\n", at);
    return end === -1 ? this.length : end;
  }

  /** The start of the line after the one holding `at`. */
  private nextLine(at: number): number {
    const end = this.lineEnd(at);
    return end === this.length ? end : end + 1;
  }

  private indentAt(lineStart: number): number {
    let at = lineStart;
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at - lineStart;
  }

  private spacesFrom(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** The start of the next line with content at or after the line starting at `lineStart`. */
  private skipIgnorable(lineStart: number): number {
    let at = lineStart;
    while (at < this.length) {
      const content = this.spacesFrom(at);
      const c = this.text.charCodeAt(content);
      if (content < this.length && c !== NEWLINE && c !== HASH) return at;
      at = this.nextLine(content);
    }
    return this.length;
  }

  /**
   * After a value's text ending at `end` on its line: nothing but spaces and a comment may
   * follow. The offset after the line (its newline included), where the yaml package ends the
   * node's trailing part.
   */
  private lineRest(end: number): number {
    const at = this.spacesFrom(end);
    if (at >= this.length) return this.length;
    const c = this.text.charCodeAt(at);
    if (c === NEWLINE) return at + 1;
    if (c === HASH && at > end) return this.nextLine(at);
    throw new OutsideSubset();
  }

  // --- block collections --------------------------------------------------------------------

  /** The block node whose first line starts at `lineStart`, at indentation `indent`. */
  private blockNode(lineStart: number, indent: number): Placed {
    const at = lineStart + indent;
    if (this.isSeqEntry(at)) return this.blockSeq(lineStart, indent);
    if (this.keyEnd(at) !== undefined) return this.blockMap(at, indent);
    throw new OutsideSubset();
  }

  private isSeqEntry(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && this.text.charCodeAt(at + 1) === SPACE;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw new OutsideSubset();
  }

  /** A block mapping at `indent` whose first key starts at `first` (a line's content, or after `- `). */
  private blockMap(first: number, indent: number): Placed {
    const map = new YAMLMap(SCHEMA);
    const { end, trailEnd, next } = this.entries(first, indent, false, (keyAt) => {
      const colon = this.keyEnd(keyAt);
      if (colon === undefined) throw new OutsideSubset();
      const key = this.keyScalar(keyAt, colon);
      const value = this.blockValue(colon + 1, indent);
      map.items.push(new Pair(key, value.node));
      return value;
    });
    map.range = [first, end, trailEnd];
    return { node: map, next };
  }

  /** A block list at `indent` whose first `- ` starts the line at `lineStart`. */
  private blockSeq(lineStart: number, indent: number): Placed {
    const seq = new YAMLSeq(SCHEMA);
    const first = lineStart + indent;
    const { end, trailEnd, next } = this.entries(first, indent, true, (dash) => {
      const content = this.spacesFrom(dash + 1);
      const c = this.text.charCodeAt(content);
      if (content >= this.length || c === NEWLINE || c === HASH || this.isSeqEntry(content)) throw new OutsideSubset();
      const value =
        this.keyEnd(content) !== undefined
          ? this.blockMap(content, content - (dash - indent))
          : this.inlineValue(content, indent);
      seq.items.push(value.node);
      return value;
    });
    seq.range = [first, end, trailEnd];
    return { node: seq, next };
  }

  /**
   * The entries of a block collection at `indent` (a list's with `seq`), the first at `first`,
   * each read and added by `entry` (which returns its value): where the last value's trailing
   * part ends, which is where the yaml package ends the collection's value; where it ends the
   * collection (past the comment lines after its last entry that are the collection's); and
   * where reading goes on.
   */
  private entries(first: number, indent: number, seq: boolean, entry: (at: number) => Placed): { end: number; trailEnd: number; next: number } {
    this.enter();
    for (let at = first; ; ) {
      const value = entry(at);
      const line = this.skipIgnorable(value.next);
      const following = this.nextEntry(line, indent, seq);
      const trailing = this.trailingComments(value.next, line);
      if (following !== undefined) {
        // Comment lines deeper than the next entry that the last value did not take.
        if (trailing !== undefined) throw new OutsideSubset();
        at = following;
        continue;
      }
      this.depth--;
      const end = (value.node.range as [number, number, number])[2];
      if (trailing === undefined || trailing.depth < indent) return { end, trailEnd: end, next: value.next };
      // At the text's end, the yaml package counts a root collection's comments otherwise.
      if (indent === 0 && line >= this.length) throw new OutsideSubset();
      return { end, trailEnd: trailing.collectionEnd, next: line };
    }
  }

  /**
   * After an entry of a block mapping (or, with `seq`, list) at `indent`, where `line` is the
   * next line with content (or the text's end): where the next entry starts, or undefined when
   * the collection ends there. A list may end at a key of its own indentation (`key:` then
   * `- item` lines at the key's indentation); a mapping may not be followed by a list at its own.
   */
  private nextEntry(line: number, indent: number, seq: boolean): number | undefined {
    const lineIndent = line < this.length ? this.indentAt(line) : -1;
    if (lineIndent > indent) throw new OutsideSubset();
    const at = line + lineIndent;
    if (lineIndent === indent) {
      if (this.isSeqEntry(at) === seq) return at;
      if (!seq) throw new OutsideSubset();
    }
    return undefined;
  }

  /** Whether a comment line lies between two line starts (the yaml package attaches those to nodes). */
  private hasComment(from: number, to: number): boolean {
    return this.commentFrom(from, to, 0);
  }

  /** Whether a comment line between two line starts is indented `indent` or more. */
  private commentFrom(from: number, to: number, indent: number): boolean {
    for (let line = from; line < to; line = this.nextLine(line)) {
      const content = this.spacesFrom(line);
      if (this.text.charCodeAt(content) === HASH && content - line >= indent) return true;
    }
    return false;
  }

  /**
   * The comment lines after a value whose trailing part ends at the line starting at `next`, up
   * to `line` (the next line with content, or the text's end), that the yaml package counts into
   * that value or into a block collection ending there: those indented deeper than `line` (at
   * the text's end, deeper than 0). The deepest one's indentation decides whose they are: the
   * value's when deeper than its collection, else the innermost collection ending there that is
   * no deeper. Undefined when there are none. Such comments mixed with comments no deeper than
   * `line` give way (the yaml package splits those between nodes by rules this reader does not
   * follow).
   */
  private trailingComments(next: number, line: number): TrailingComments | undefined {
    if (next === line) return undefined;
    const following = line < this.length ? this.indentAt(line) : 0;
    let depth = -1;
    let shallowest = Infinity;
    let last = next;
    let shallow = false;
    for (let at = next; at < line; at = this.nextLine(at)) {
      const content = this.spacesFrom(at);
      if (this.text.charCodeAt(content) !== HASH) continue;
      const indent = content - at;
      if (indent <= following) {
        shallow = true;
      } else {
        depth = Math.max(depth, indent);
        shallowest = Math.min(shallowest, indent);
        last = this.nextLine(content);
      }
    }
    if (depth === -1) return undefined;
    if (shallow) throw new OutsideSubset();
    return { depth, shallowest, valueEnd: last, collectionEnd: line < this.length ? line + following : line };
  }

  /**
   * The value of a block mapping's entry, after its `:` at `afterColon`: on the key's line, or
   * on the lines after it (a block collection, or a flow collection or scalar indented deeper),
   * or nothing (null).
   */
  private blockValue(afterColon: number, indent: number): Placed {
    const at = this.spacesFrom(afterColon);
    const c = this.text.charCodeAt(at);
    if (at < this.length && c !== NEWLINE && !(c === HASH && at > afterColon)) return this.inlineValue(at, indent);
    const next = this.nextLine(at);
    const line = this.skipIgnorable(next);
    if (line < this.length) {
      const lineIndent = this.indentAt(line);
      const content = line + lineIndent;
      if (lineIndent > indent && !this.isSeqEntry(content) && this.keyEnd(content) === undefined) {
        // A flow collection or a scalar on the lines after its key, where prettier moves a long one.
        const opens = "[{'\"".includes(this.text[content] as string) || this.plainStart(content);
        if (!opens || c === HASH || this.hasComment(next, line)) throw new OutsideSubset();
        return this.inlineValue(content, indent);
      }
      if (lineIndent > indent || (lineIndent === indent && this.isSeqEntry(content))) {
        return this.blockNode(line, lineIndent);
      }
    }
    if (c === HASH || this.hasComment(next, line)) throw new OutsideSubset();
    const empty = this.resolvePlain("", at, at);
    return { node: empty, next };
  }

  /** A value written on the current line at `at`, in a collection at `indent`. */
  private inlineValue(at: number, indent: number): Placed {
    const c = this.text[at];
    let node: Scalar | YAMLMap | YAMLSeq;
    let end: number;
    if (c === "[" || c === "{") {
      [node, end] = this.flowIn(at, indent);
    } else if (c === '"' || c === "'") {
      [node, end] = this.quoted(at, indent);
    } else if (c === "|" || c === ">") {
      return this.blockScalar(at, indent);
    } else {
      [node, end] = this.blockPlain(at, indent);
    }
    const nodeEnd = this.afterOneLineValue(this.lineRest(end), indent);
    (node.range as [number, number, number])[2] = nodeEnd;
    return { node, next: nodeEnd };
  }

  /**
   * After a value that ended at the line starting at `next`, in a collection at `indent`: a more
   * indented line would continue it (or be an error); the comment lines after it deeper than
   * its collection are counted into it. Where its trailing part ends.
   */
  private afterOneLineValue(next: number, indent: number): number {
    const line = this.noDeeperLine(next, indent);
    const trailing = this.trailingComments(next, line);
    if (trailing === undefined || trailing.depth <= indent) return next;
    // The yaml package gives a value the run of them deeper than its collection, and the rest to others.
    if (trailing.shallowest <= indent) throw new OutsideSubset();
    return trailing.valueEnd;
  }

  /**
   * After a value that ended at the line starting at `next`: a more indented line would continue
   * it (or be an error). The next line with content (or the text's end).
   */
  private noDeeperLine(next: number, indent: number): number {
    const line = this.skipIgnorable(next);
    if (line < this.length && this.indentAt(line) > indent) throw new OutsideSubset();
    return line;
  }

  // --- keys and scalars ---------------------------------------------------------------------

  /** The offset of the `:` ending an implicit key written at `at`, or undefined when none is. */
  private keyEnd(at: number): number | undefined {
    const c = this.text[at];
    if (c === '"' || c === "'") {
      const end = this.quotedEnd(at);
      if (end === -1 || this.text.charCodeAt(end) !== COLON || !this.isBlank(end + 1)) return undefined;
      if (end - at > MAX_KEY) throw new OutsideSubset();
      return end;
    }
    if (c === undefined || !this.plainStart(at)) return undefined;
    const lineEnd = this.lineEnd(at);
    for (let i = at; i < lineEnd; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch === COLON && this.isBlank(i + 1)) {
        if (this.text.charCodeAt(i - 1) === SPACE || i - at > MAX_KEY) throw new OutsideSubset();
        return i;
      }
      if (ch === HASH && this.text.charCodeAt(i - 1) === SPACE) return undefined;
    }
    return undefined;
  }

  /** Whether `at` ends a token: a space, a line's end or the text's end. */
  private isBlank(at: number): boolean {
    if (at >= this.length) return true;
    const c = this.text.charCodeAt(at);
    return c === SPACE || c === NEWLINE;
  }

  /** Whether a plain scalar may start at `at` (in block context; flow indicators inside give way). */
  private plainStart(at: number): boolean {
    const c = this.text[at] as string;
    if ("[]{},#&*!|>'\"%@`?:".includes(c)) return false;
    return !(c === "-" && this.isBlank(at + 1));
  }

  private keyScalar(at: number, colon: number): Scalar {
    const c = this.text[at];
    if (c === '"' || c === "'") {
      return this.quoted(at)[0];
    }
    const source = this.text.slice(at, colon);
    if (/[[\]{},]/.test(source) || source.includes(" #")) throw new OutsideSubset();
    return this.resolvePlain(source, at, colon);
  }

  /**
   * A plain scalar in block context, in a collection at `indent`: up to a comment or its line's
   * end, and on over the lines after it indented deeper than `indent` (blank ones between them
   * too), folded as the yaml package folds them.
   */
  private blockPlain(at: number, indent: number): [Scalar, number] {
    if (!this.plainStart(at)) throw new OutsideSubset();
    let end = this.plainLine(at);
    let multiLine = false;
    const commented = this.text.charCodeAt(this.spacesFrom(end)) === HASH;
    for (let line = this.nextLine(at); !commented && line < this.length; line = this.nextLine(line)) {
      const content = this.spacesFrom(line);
      const c = this.text.charCodeAt(content);
      if (c === NEWLINE || content === this.length) continue;
      if (content - line <= indent || c === HASH) break;
      if (!this.plainStart(content) || c === DASH) throw new OutsideSubset();
      end = this.plainLine(content);
      if (this.text.charCodeAt(this.spacesFrom(end)) === HASH) throw new OutsideSubset();
      multiLine = true;
    }
    const written = this.text.slice(at, end);
    return [this.resolvePlain(multiLine ? foldQuotedLines(written) : written, at, end), end];
  }

  /**
   * Where a plain scalar's text on the line of `at` ends: before a comment and trailing spaces.
   * A `: ` in it, or a `:` at its end, would make it a key: outside the subset.
   */
  private plainLine(at: number): number {
    const lineEnd = this.lineEnd(at);
    let end = at;
    while (end < lineEnd && !(this.text.charCodeAt(end) === HASH && this.text.charCodeAt(end - 1) === SPACE)) {
      if (this.text.charCodeAt(end) === COLON && this.isBlank(end + 1)) throw new OutsideSubset();
      end++;
    }
    while (this.text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /** A plain scalar's value by the core schema's tags, in their order, as the composer resolves it. */
  private resolvePlain(source: string, start: number, end: number): Scalar {
    const tag = SCALAR_TAGS.find((t) => t.test.test(source));
    let scalar: Scalar;
    if (tag === undefined) {
      scalar = new Scalar(source);
    } else {
      const resolved = tag.resolve(source, () => {
        throw new OutsideSubset();
      }, {}) as unknown;
      scalar = resolved instanceof Scalar ? resolved : new Scalar(resolved);
    }
    scalar.range = [start, end, end];
    scalar.source = source;
    scalar.type = Scalar.PLAIN;
    if (tag?.format !== undefined) scalar.format = tag.format;
    return scalar;
  }

  /**
   * The offset after a quoted scalar starting at `at` (its closing quote included), or -1 when it
   * does not close on its line. With `indent`, it may go on over lines indented deeper than
   * `indent` (blank ones too); without, it must close on its line.
   */
  private quotedEnd(at: number, indent?: number): number {
    const quote = this.text[at];
    let lineEnd = this.lineEnd(at);
    for (let i = at + 1; i < this.length; i++) {
      if (i === lineEnd) {
        if (indent === undefined) return -1;
        const line = i + 1;
        lineEnd = this.lineEnd(line);
        const content = this.spacesFrom(line);
        if (content < lineEnd && content - line <= indent) return -1;
        i = content - 1;
        continue;
      }
      const c = this.text[i];
      if (quote === '"' && c === "\\") {
        if (i + 1 !== lineEnd) i++;
      } else if (c === quote) {
        if (quote === "'" && this.text[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return -1;
  }

  /** A quoted scalar at `at`: on its line, or (with `indent`) over lines indented deeper than `indent`. */
  private quoted(at: number, indent?: number): [Scalar, number] {
    const end = this.quotedEnd(at, indent);
    if (end === -1) throw new OutsideSubset();
    const body = this.text.slice(at + 1, end - 1);
    const single = this.text[at] === "'";
    const value = single ? foldQuotedLines(body).replaceAll("''", "'") : doubleQuotedValue(body);
    const scalar = new Scalar(value);
    scalar.range = [at, end, end];
    scalar.source = value;
    scalar.type = single ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
    return [scalar, end];
  }

  /**
   * A `|` or `>` block scalar (clip or strip chomping, no indentation indicator) whose header is
   * at `at`, in a collection at `indent`: its lines are those indented deeper than the first one's
   * indentation, which must be deeper than the collection's.
   */
  private blockScalar(at: number, indent: number): Placed {
    const folded = this.text[at] === ">";
    let headerEnd = at + 1;
    const strip = this.text[headerEnd] === "-";
    if (strip) headerEnd++;
    if (this.text.charCodeAt(headerEnd) !== NEWLINE) throw new OutsideSubset();
    let line = headerEnd + 1;
    let contentIndent = -1;
    const lines: string[] = [];
    let blanks = 0;
    let end = line;
    while (line < this.length) {
      const lineEnd = this.lineEnd(line);
      if (lineEnd === line) {
        if (contentIndent === -1) throw new OutsideSubset();
        blanks++;
        line = lineEnd + 1;
        continue;
      }
      const spaces = this.indentAt(line);
      if (line + spaces === lineEnd) throw new OutsideSubset();
      if (contentIndent === -1) {
        if (spaces <= indent) throw new OutsideSubset();
        contentIndent = spaces;
      } else if (spaces < contentIndent) {
        break;
      }
      if (folded && spaces > contentIndent) throw new OutsideSubset();
      if (lineEnd === this.length) throw new OutsideSubset();
      for (; blanks > 0; blanks--) lines.push("");
      lines.push(this.text.slice(line + contentIndent, lineEnd));
      line = lineEnd + 1;
      end = line;
    }
    if (contentIndent === -1) throw new OutsideSubset();
    const value = (folded ? foldBlockLines(lines) : lines.join("\n")) + (strip ? "" : "\n");
    const scalar = new Scalar(value);
    scalar.range = [at, end, end];
    scalar.source = value;
    scalar.type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    // Comment lines the yaml package would count into it are left to it.
    if (this.commentFrom(end, this.noDeeperLine(end, indent), indent + 1)) throw new OutsideSubset();
    return { node: scalar, next: end };
  }

  // --- flow collections (over lines: JSON, or prettier's breaking of a long one) -----------

  /** A flow collection at `at` in a block collection at `indent`, its lines after the first deeper. */
  private flowIn(at: number, indent: number): [YAMLSeq | YAMLMap, number] {
    this.enter();
    const outer = this.flowIndent;
    this.flowIndent = indent;
    const read = this.text[at] === "[" ? this.flowSeq(at) : this.flowMap(at);
    this.flowIndent = outer;
    this.depth--;
    return read;
  }

  /**
   * A document that is one flow collection, as JSON is: its entries may go over lines, and
   * nothing but spaces and a line break may follow it.
   */
  private rootFlow(at: number): Node {
    const [node, end] = this.flowIn(at, -1);
    const after = this.spacesFrom(end);
    if (after < this.length && this.text.charCodeAt(after) !== NEWLINE) throw new OutsideSubset();
    const nodeEnd = after < this.length ? after + 1 : after;
    if (this.skipIgnorable(nodeEnd) < this.length || this.hasComment(nodeEnd, this.length)) throw new OutsideSubset();
    (node.range as [number, number, number])[2] = nodeEnd;
    return node;
  }

  /**
   * After `at` inside a flow collection: past its spaces and line breaks. A line it goes on to
   * must be indented deeper than the block collection the flow collection is in.
   */
  private flowSpace(at: number): number {
    let lineStart = -1;
    for (;; at++) {
      const c = this.text.charCodeAt(at);
      if (c === NEWLINE) lineStart = at + 1;
      else if (c !== SPACE) {
        if (lineStart !== -1 && at < this.length && at - lineStart <= this.flowIndent) throw new OutsideSubset();
        return at;
      }
    }
  }

  private flowSeq(at: number): [YAMLSeq, number] {
    const seq = new YAMLSeq(SCHEMA);
    seq.flow = true;
    const end = this.flowEntries(at, "]", (entry) => {
      const [node, after] = this.flowNode(entry, "item");
      seq.items.push(node);
      return after;
    });
    seq.range = [at, end, end];
    return [seq, end];
  }

  private flowMap(at: number): [YAMLMap, number] {
    const map = new YAMLMap(SCHEMA);
    map.flow = true;
    const end = this.flowEntries(at, "}", (entry) => {
      const [key, keyEnd] = this.flowNode(entry, "key");
      const afterColon = this.text.charCodeAt(keyEnd + 1);
      if (this.text.charCodeAt(keyEnd) !== COLON || (afterColon !== SPACE && afterColon !== NEWLINE)) throw new OutsideSubset();
      const [value, after] = this.flowNode(this.flowSpace(keyEnd + 1), "value");
      map.items.push(new Pair(key, value));
      return after;
    });
    map.range = [at, end, end];
    return [map, end];
  }

  /**
   * The entries of a flow collection opening at `at`, each read by `entry` (which returns the
   * offset after it); the offset after the closing bracket.
   */
  private flowEntries(at: number, close: string, entry: (at: number) => number): number {
    let i = this.flowSpace(at + 1);
    if (this.text[i] === close) return i + 1;
    for (;;) {
      const after = this.flowSpace(entry(i));
      const c = this.text[after];
      if (c === close) return after + 1;
      if (c !== ",") throw new OutsideSubset();
      i = this.flowSpace(after + 1);
      if (this.text[i] === close) return i + 1;
    }
  }

  /**
   * A node inside a flow collection at `at`, as a list's item, a mapping's key (which stops at
   * its `:`) or its value; the offset after its own text.
   */
  private flowNode(at: number, role: "item" | "key" | "value"): [Node, number] {
    const isKey = role === "key";
    const c = this.text[at];
    if (c === "[" || c === "{") {
      if (isKey) throw new OutsideSubset();
      this.enter();
      const [node, end] = c === "[" ? this.flowSeq(at) : this.flowMap(at);
      this.depth--;
      (node.range as [number, number, number])[2] = this.flowNodeEnd(end, role);
      return [node, end];
    }
    let scalar: Scalar;
    let end: number;
    if (c === '"' || c === "'") {
      [scalar, end] = this.quoted(at);
    } else {
      if (c === undefined || !this.plainStart(at)) throw new OutsideSubset();
      // In a flow collection `-` cannot start a plain scalar before a flow indicator (`[-, x]`).
      if (c === "-" && ",[]{}".includes(this.text[at + 1] as string)) throw new OutsideSubset();
      end = at;
      const lineEnd = this.lineEnd(at);
      while (end < lineEnd && !",[]{}:#".includes(this.text[end] as string)) end++;
      if (this.text[end] === ":" && !isKey) throw new OutsideSubset();
      if (this.text[end] === "#") throw new OutsideSubset();
      // At a line's end a plain scalar would go on over the next line, unless that line starts
      // with the collection's next `,` or closing bracket (a number or word ending a JSON line).
      if (end === lineEnd && !",]}".includes(this.text[this.flowSpace(end)] ?? "x")) throw new OutsideSubset();
      while (this.text.charCodeAt(end - 1) === SPACE) end--;
      scalar = this.resolvePlain(this.text.slice(at, end), at, end);
    }
    if (!isKey && this.text[this.flowSpace(end)] === ":") throw new OutsideSubset();
    (scalar.range as [number, number, number])[2] = this.flowNodeEnd(end, role);
    return [scalar, end];
  }

  /**
   * Where the yaml package ends the trailing part of a node in a flow collection whose text ends
   * at `end`: past the spaces after it, and for a list's item past line breaks too, for a
   * mapping's value past one line break.
   */
  private flowNodeEnd(end: number, role: "item" | "key" | "value"): number {
    if (role === "item") return this.flowSpace(end);
    const after = this.spacesFrom(end);
    return role === "value" && this.text.charCodeAt(after) === NEWLINE ? after + 1 : after;
  }
}
