/**
 * A document IR and its printer, after Wadler's "prettier printer" and prettier's own doc
 * printer (same commands, same fits-or-breaks rule per group), so a document built the way
 * prettier builds one for a construct prints the way prettier prints it.
 *
 * A document is text, a list of documents, or a command: `group` (printed flat when it fits the
 * rest of the line, else broken; a `conditionalGroup` tries its states in order), `indent` and
 * `align` (indentation of the lines inside), `line` (a space when flat, a newline when broken),
 * `softline` (nothing when flat), `hardline` (always a newline; breaks every enclosing group),
 * `ifBreak` (different text in a broken group: trailing commas) and `indentIfBreak`; and `flat`,
 * a document known by its flat text until the printer needs it built (see Flat).
 */
import { style } from "../style.js";
import { isPrintableAscii, width as textColumns } from "../text.js";

/**
 * The width a text will have in the file when the style drops semicolons: a statement's closing
 * `;` is then not printed (the restyle pass drops it), so lines are broken where prettier with
 * the team's `semi` breaks them. printDoc picks this or textColumns once.
 */
function textWidth(text: string): number {
  return text.endsWith(";") ? textColumns(text) - 1 : textColumns(text);
}

export type Doc = string | readonly Doc[] | Command;

export type Command =
  | Group
  | { readonly type: "indent"; readonly contents: Doc }
  | { readonly type: "align"; readonly n: number; readonly contents: Doc }
  | { readonly type: "line"; readonly soft: boolean; readonly hard: boolean }
  | { readonly type: "breakParent" }
  | { readonly type: "ifBreak"; readonly breakContents: Doc; readonly flatContents: Doc; readonly groupId?: symbol }
  | { readonly type: "indentIfBreak"; readonly contents: Doc; readonly groupId: symbol }
  | Flat;

/**
 * A document given by its flat text, built only where the printer would not print it flat.
 * Most statements of a module fit on their line, so their documents are never built: the
 * builders (ts-print.ts, ts-statements.ts, ts-control.ts) write the flat text straight from the
 * syntax tree, and the printer prints it wherever it fits the columns left (with what follows it
 * on the line, as prettier's fits measures a group).
 *
 * What `make(args)` builds must print that text when printed flat, hold no forced break (a hard
 * line, a broken group), and have every line and `ifBreak` inside a group of its own and every
 * group id it declares read inside it: then printed in break mode at a place where its flat
 * text fits, every group in it fits too, so it prints flat — and where the text does not fit, it
 * is built and printed as any document.
 */
export interface Flat {
  readonly type: "flat";
  /** The flat text: plain ASCII (one column a character), so its width is its length. */
  readonly text: string;
  /** How many of its pieces end with `;`: each one is a column narrower in the style without semicolons (textWidth). */
  readonly semis: number;
  readonly make: (args: never) => Doc;
  readonly args: unknown;
  /** The document, once built (with its breaks propagated). */
  built: Doc | undefined;
}

/** Pieces of flat text counted so far that end with `;` (see Flat.semis): a builder reads it before and after. */
let semisCounted = 0;

/** The count of flat-text pieces ending with `;` so far: what a builder passes to flatFirst. */
export function semisSoFar(): number {
  return semisCounted;
}

/** A piece of flat text as it is: counted when it ends with `;`. */
export function piece(text: string): string {
  if (text.charCodeAt(text.length - 1) === 0x3b) semisCounted++;
  return text;
}

/**
 * The document `make(args)` as its flat text `text`, written since `semisSoFar()` was
 * `semisBefore`; `make(args)` itself when there is no flat text (a forced break) or it is not
 * plain ASCII (measured by the printer as it is built).
 */
export function flatFirst<A>(text: string | undefined, semisBefore: number, make: (args: A) => Doc, args: A): Doc {
  if (text === undefined || !isPrintableAscii(text)) return make(args);
  return { type: "flat", text, semis: semisCounted - semisBefore, make: make as (args: never) => Doc, args, built: undefined };
}

/**
 * The text `doc` prints flat, its pieces counted (see piece); undefined when it holds a forced
 * break or a part whose flat text depends on a group outside it (a group id).
 */
export function flatOf(doc: Doc): string | undefined {
  if (typeof doc === "string") return piece(doc);
  if (isList(doc)) {
    let text = "";
    for (let i = 0; i < doc.length; i++) {
      const part = flatOf(doc[i] ?? "");
      if (part === undefined) return undefined;
      text += part;
    }
    return text;
  }
  switch (doc.type) {
    case "flat":
      semisCounted += doc.semis;
      return doc.text;
    case "group":
      return doc.break || doc.id !== undefined ? undefined : flatOf(doc.contents);
    case "indent":
    case "align":
      return flatOf(doc.contents);
    case "line":
      return doc.hard ? undefined : doc.soft ? "" : " ";
    case "ifBreak":
      return doc.groupId !== undefined || willBreak(doc.breakContents) ? undefined : flatOf(doc.flatContents);
    case "indentIfBreak":
    case "breakParent":
      return undefined;
  }
}

/** The document a flat one stands for, built once. */
export function built(doc: Flat): Doc {
  if (doc.built === undefined) {
    doc.built = (doc.make as (args: unknown) => Doc)(doc.args);
    propagateBreaks(doc.built, new Set());
  }
  return doc.built;
}

/** The width of a flat document's text as `measure` measures its pieces. */
function flatWidth(doc: Flat, measure: Measure): number {
  return measure === textColumns ? doc.text.length : doc.text.length - doc.semis;
}

export interface Group {
  readonly type: "group";
  readonly contents: Doc;
  /** Broken whatever the width: asked for, or a hard line inside (see propagateBreaks). */
  break: boolean;
  readonly id?: symbol;
  readonly expandedStates?: readonly Doc[];
}

const INDENT_WIDTH = 2;

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Group {
  const g: Group = { type: "group", contents, break: options.shouldBreak === true };
  return options.id === undefined ? g : { ...g, id: options.id };
}

/** prettier's conditionalGroup: the first state that fits flat, else the last one broken. */
export function conditionalGroup(states: readonly Doc[]): Group {
  return { type: "group", contents: states[0] ?? "", break: false, expandedStates: states };
}

export const indent = (contents: Doc): Command => ({ type: "indent", contents });
export const align = (n: number, contents: Doc): Command => ({ type: "align", n, contents });
export const line: Command = { type: "line", soft: false, hard: false };
export const softline: Command = { type: "line", soft: true, hard: false };
export const breakParent: Command = { type: "breakParent" };
export const hardline: Doc = [{ type: "line", soft: false, hard: true }, breakParent];

export function ifBreak(breakContents: Doc, flatContents: Doc = "", groupId?: symbol): Command {
  return groupId === undefined
    ? { type: "ifBreak", breakContents, flatContents }
    : { type: "ifBreak", breakContents, flatContents, groupId };
}

export const indentIfBreak = (contents: Doc, groupId: symbol): Command => ({ type: "indentIfBreak", contents, groupId });

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) out.push(separator);
    out.push(docs[i] ?? "");
  }
  return out;
}

/** Whether the document holds a place it may break (prettier's canBreak). */
export function canBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isList(doc)) return doc.some(canBreak);
  switch (doc.type) {
    case "line":
      return true;
    case "group":
    case "indent":
    case "align":
    case "indentIfBreak":
      return canBreak(doc.contents);
    case "ifBreak":
      return canBreak(doc.breakContents) || canBreak(doc.flatContents);
    case "breakParent":
      return false;
    case "flat":
      return canBreak(built(doc));
  }
}

/** Whether the document must break: a hard line or a broken group inside (prettier's willBreak). */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isList(doc)) return doc.some(willBreak);
  switch (doc.type) {
    case "line":
      return doc.hard;
    case "breakParent":
      return true;
    case "group":
      return doc.break || willBreak(doc.contents);
    case "indent":
    case "align":
    case "indentIfBreak":
      return willBreak(doc.contents);
    case "ifBreak":
      return willBreak(doc.breakContents) || willBreak(doc.flatContents);
    case "flat":
      // A flat document holds no forced break.
      return false;
  }
}

function isList(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}

/** A group holding a hard line (or a broken group) breaks, and so does every group around it. */
function propagateBreaks(doc: Doc, visited: Set<Group>): boolean {
  if (typeof doc === "string") return false;
  if (isList(doc)) {
    // Every item is visited (no early exit): each group inside gets its break set.
    let any = false;
    for (let i = 0; i < doc.length; i++) if (propagateBreaks(doc[i] ?? "", visited)) any = true;
    return any;
  }
  switch (doc.type) {
    case "breakParent":
      return true;
    case "line":
      return false;
    case "group": {
      if (visited.has(doc)) return doc.break && doc.expandedStates === undefined;
      visited.add(doc);
      const states = doc.expandedStates;
      if (states === undefined) {
        if (propagateBreaks(doc.contents, visited)) doc.break = true;
        return doc.break;
      }
      // A conditional group chooses among its states itself; nothing breaks it from inside.
      for (const state of states) propagateBreaks(state, visited);
      return false;
    }
    case "indent":
    case "align":
    case "indentIfBreak":
      return propagateBreaks(doc.contents, visited);
    case "ifBreak": {
      const broken = propagateBreaks(doc.breakContents, visited);
      return propagateBreaks(doc.flatContents, visited) || broken;
    }
    case "flat":
      // Nothing in it breaks; its document, if it is ever built, gets its breaks then.
      return false;
  }
}

type Mode = "break" | "flat";

/**
 * A stack of commands as parallel arrays (indentation, mode, document) so that pushing a command
 * allocates nothing: modules print hundreds of thousands.
 */
interface Stack {
  readonly ind: number[];
  readonly mode: Mode[];
  readonly doc: Doc[];
}

/** The width of printed text, as width() but without the `;` the style drops (see textWidth). */
type Measure = (text: string) => number;

/**
 * The text a flat document prints, gathered by fits while it measures the document: the pieces
 * printDoc would push for it (strings, " " for a line, nothing for a soft line) and their width.
 * `simple` is false when printing it takes more than that (a group that breaks or sets a mode
 * others read, a break-dependent part, a hard line); printDoc then prints it command by command.
 */
interface FlatText {
  /** The document measured. */
  doc: Doc | undefined;
  readonly pieces: string[];
  width: number;
  simple: boolean;
}

/** One print's state: what is still to print, the modes of groups with an id, and fits' own stack. */
interface Printer {
  readonly measure: Measure;
  readonly modes: Map<symbol, Mode>;
  readonly stack: Stack;
  /** The commands fits is measuring (kept from call to call; each call works above where it found it). */
  readonly measuring: { readonly mode: Mode[]; readonly doc: Doc[] };
  /** The gatherer for the whole print: chooseGroup resets it for each document it measures. */
  readonly flat: FlatText;
  /** The document the last chooseGroup chose (a conditional group's state). */
  chosen: Doc;
}

/**
 * Whether `doc` in `mode` fits in `room` columns: measured up to its end, then on through the
 * `restLength` commands still to print on the printer's stack until the first line that will
 * break (prettier's fits). With `flat`, the pieces of `doc` itself are gathered into it as well.
 */
function fits(p: Printer, mode: Mode, doc: Doc, restLength: number, room: number, flat?: FlatText): boolean {
  const { measure, modes, stack: rest } = p;
  const cmdModes = p.measuring.mode;
  const cmdDocs = p.measuring.doc;
  const base = cmdDocs.length;
  let restIndex = restLength;
  cmdModes.push(mode);
  cmdDocs.push(doc);
  let left = room;
  // Gathering stops where `doc` ends and the commands after it are measured.
  let gather = flat;
  let fitted = false;
  // Every way out goes through the end, where the measuring stack is cut back to where it was.
  measuring: while (left >= 0) {
    if (cmdDocs.length === base) {
      gather = undefined;
      if (restIndex === 0) {
        fitted = true;
        break;
      }
      restIndex--;
      cmdModes.push(rest.mode[restIndex] ?? "break");
      cmdDocs.push(rest.doc[restIndex] ?? "");
      continue;
    }
    const m = cmdModes.pop() ?? "break";
    const d = cmdDocs.pop() ?? "";
    if (typeof d === "string") {
      const w = measure(d);
      left -= w;
      if (gather !== undefined) gatherPiece(gather, d, w);
      continue;
    }
    if (isList(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        cmdModes.push(m);
        cmdDocs.push(d[i] ?? "");
      }
      continue;
    }
    switch (d.type) {
      case "line":
        if (m === "break" || d.hard) {
          if (gather !== undefined) gather.simple = false;
          fitted = true;
          break measuring;
        }
        if (!d.soft) {
          left -= 1;
          if (gather !== undefined) gatherPiece(gather, " ", 1);
        }
        break;
      case "indent":
      case "align":
      case "indentIfBreak":
        if (gather !== undefined && d.type === "indentIfBreak") gather.simple = false;
        cmdModes.push(m);
        cmdDocs.push(d.contents);
        break;
      case "group": {
        const groupMode: Mode = d.break ? "break" : m;
        const states = d.expandedStates;
        if (gather !== undefined && (groupMode === "break" || d.id !== undefined)) gather.simple = false;
        cmdModes.push(groupMode);
        cmdDocs.push(states !== undefined && groupMode === "break" ? (states.at(-1) ?? "") : d.contents);
        break;
      }
      case "ifBreak": {
        const groupMode = d.groupId === undefined ? m : (modes.get(d.groupId) ?? "flat");
        if (gather !== undefined && d.groupId !== undefined) gather.simple = false;
        cmdModes.push(m);
        cmdDocs.push(groupMode === "break" ? d.breakContents : d.flatContents);
        break;
      }
      case "breakParent":
        break;
      case "flat":
        if (m === "flat") {
          const w = flatWidth(d, measure);
          left -= w;
          if (gather !== undefined) gatherPiece(gather, d.text, w);
        } else {
          // In break mode it is measured up to its first line: the built document is.
          cmdModes.push(m);
          cmdDocs.push(built(d));
        }
        break;
    }
  }
  cmdModes.length = base;
  cmdDocs.length = base;
  return fitted;
}

/** A piece of the text a group prints flat, `w` columns wide, added to what fits gathered. */
function gatherPiece(gather: FlatText, text: string, w: number): void {
  gather.pieces.push(text);
  gather.width += w;
}

/** `\n` and the indentation of the next line, by indentation (one string each, not one a line). */
const NEWLINES: string[] = [];

function newline(ind: number): string {
  let text = NEWLINES[ind];
  if (text === undefined) {
    text = `\n${" ".repeat(ind)}`;
    NEWLINES[ind] = text;
  }
  return text;
}

/** Prints a document at `width` columns: lines joined by `\n`, no trailing spaces. */
export function printDoc(doc: Doc, width: number = style().printWidth): string {
  propagateBreaks(doc, new Set());
  const stack: Stack = { ind: [0], mode: ["break"], doc: [doc] };
  const p: Printer = {
    measure: style().semicolons ? textColumns : textWidth,
    modes: new Map<symbol, Mode>(),
    stack,
    measuring: { mode: [], doc: [] },
    flat: { doc: undefined, pieces: [], width: 0, simple: true },
    chosen: "",
  };
  const { measure, modes, flat } = p;
  const out: string[] = [];
  let pos = 0;
  const push = (ind: number, mode: Mode, d: Doc): void => {
    stack.ind.push(ind);
    stack.mode.push(mode);
    stack.doc.push(d);
  };
  while (stack.doc.length > 0) {
    const ind = stack.ind.pop() ?? 0;
    const mode = stack.mode.pop() ?? "break";
    const d = stack.doc.pop() ?? "";
    if (typeof d === "string") {
      out.push(d);
      pos += measure(d);
      continue;
    }
    if (isList(d)) {
      for (let i = d.length - 1; i >= 0; i--) push(ind, mode, d[i] ?? "");
      continue;
    }
    switch (d.type) {
      case "indent":
        push(ind + INDENT_WIDTH, mode, d.contents);
        break;
      case "align":
        push(ind + d.n, mode, d.contents);
        break;
      case "group": {
        const groupMode = chooseGroup(p, d, mode, width - pos);
        const contents = p.chosen;
        if (d.id !== undefined) modes.set(d.id, groupMode);
        if (groupMode === "flat" && contents === flat.doc && flat.simple) {
          // Measured flat as a whole: its text is already known, so it is not walked again.
          for (const piece of flat.pieces) out.push(piece);
          pos += flat.width;
        } else {
          push(ind, groupMode, contents);
        }
        break;
      }
      case "ifBreak":
      case "indentIfBreak": {
        const groupMode = d.groupId === undefined ? mode : modes.get(d.groupId);
        if (d.type === "ifBreak") {
          if (groupMode === "break") push(ind, mode, d.breakContents);
          if (groupMode === "flat") push(ind, mode, d.flatContents);
        } else if (groupMode !== undefined) {
          push(groupMode === "break" ? ind + INDENT_WIDTH : ind, mode, d.contents);
        }
        break;
      }
      case "line":
        if (mode === "flat" && !d.hard) {
          if (!d.soft) {
            out.push(" ");
            pos += 1;
          }
          break;
        }
        trimTrailingSpaces(out);
        out.push(newline(ind));
        pos = ind;
        break;
      case "breakParent":
        break;
      case "flat": {
        // Flat where it fits with what follows it on the line (as a group is measured), else built.
        const w = flatWidth(d, measure);
        if (mode === "flat" || (w <= width - pos && fits(p, "flat", d, stack.doc.length, width - pos))) {
          out.push(d.text);
          pos += w;
        } else {
          push(ind, mode, built(d));
        }
        break;
      }
    }
  }
  trimTrailingSpaces(out);
  return out.join("");
}

/**
 * The mode a group prints in; the document it prints (a conditional group's chosen state) is
 * left in `p.chosen`, and `p.flat` holds the gathered text of the last document measured flat.
 */
function chooseGroup(p: Printer, g: Group, mode: Mode, room: number): Mode {
  const flat = p.flat;
  flat.doc = undefined;
  p.chosen = g.contents;
  if (mode === "flat") return g.break ? "break" : "flat";
  const restLength = p.stack.doc.length;
  if (!g.break && fitsFlat(p, g.contents, restLength, room)) return "flat";
  const states = g.expandedStates;
  if (states === undefined) return "break";
  p.chosen = states.at(-1) ?? "";
  if (g.break) return "break";
  for (let i = 1; i < states.length; i++) {
    const state = states[i] ?? "";
    if (fitsFlat(p, state, restLength, room)) {
      p.chosen = state;
      return "flat";
    }
  }
  return "break";
}

/** Whether `doc` fits flat, its text gathered into `p.flat`. */
function fitsFlat(p: Printer, doc: Doc, restLength: number, room: number): boolean {
  const flat = p.flat;
  flat.pieces.length = 0;
  flat.width = 0;
  flat.simple = true;
  flat.doc = doc;
  return fits(p, "flat", doc, restLength, room, flat);
}

function trimTrailingSpaces(out: string[]): void {
  for (let last = out.at(-1); last !== undefined; last = out.at(-1)) {
    const end = last.charCodeAt(last.length - 1);
    // Most pieces end in neither a space nor a tab: nothing to trim, and no regex run.
    if (last.length > 0 && end !== 0x20 && end !== 0x09) return;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
