/**
 * A document IR and its printer, after Wadler's "prettier printer" and prettier's own doc
 * printer (same commands, same fits-or-breaks rule per group), so a document built the way
 * prettier builds one for a construct prints the way prettier prints it.
 *
 * A document is text, a list of documents, or a command: `group` (printed flat when it fits the
 * rest of the line, else broken; a `conditionalGroup` tries its states in order), `indent` and
 * `align` (indentation of the lines inside), `line` (a space when flat, a newline when broken),
 * `softline` (nothing when flat), `hardline` (always a newline; breaks every enclosing group),
 * `ifBreak` (different text in a broken group: trailing commas) and `indentIfBreak`.
 */
import { style } from "../style.js";
import { width as textColumns } from "../text.js";

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
  | { readonly type: "indentIfBreak"; readonly contents: Doc; readonly groupId: symbol };

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
  }
}

type Mode = "break" | "flat";

/**
 * The printer's stack of commands still to print, as three parallel arrays (indentation, mode,
 * document) so that pushing a command allocates nothing: modules print hundreds of thousands.
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

/**
 * Whether `doc` in `mode` fits in `room` columns: measured up to its end, then on through the
 * `restLength` commands still to print on `rest` until the first line that will break
 * (prettier's fits). With `flat`, the pieces of `doc` itself are gathered into it as well.
 */
function fits(
  mode: Mode,
  doc: Doc,
  rest: Stack,
  restLength: number,
  room: number,
  modes: Map<symbol, Mode>,
  measure: Measure,
  flat?: FlatText,
): boolean {
  let restIndex = restLength;
  const cmdModes: Mode[] = [mode];
  const cmdDocs: Doc[] = [doc];
  let left = room;
  // Gathering stops where `doc` ends and the commands after it are measured.
  let gather = flat;
  while (left >= 0) {
    if (cmdDocs.length === 0) {
      gather = undefined;
      if (restIndex === 0) return true;
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
      if (gather !== undefined) {
        gather.pieces.push(d);
        gather.width += w;
      }
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
      case "line":
        if (m === "break" || d.hard) {
          if (gather !== undefined) gather.simple = false;
          return true;
        }
        if (!d.soft) {
          left -= 1;
          if (gather !== undefined) {
            gather.pieces.push(" ");
            gather.width += 1;
          }
        }
        break;
      case "breakParent":
        break;
    }
  }
  return false;
}

/** Prints a document at `width` columns: lines joined by `\n`, no trailing spaces. */
export function printDoc(doc: Doc, width: number = style().printWidth): string {
  propagateBreaks(doc, new Set());
  const measure: Measure = style().semicolons ? textColumns : textWidth;
  const modes = new Map<symbol, Mode>();
  const out: string[] = [];
  let pos = 0;
  // One gatherer for the whole print: chooseGroup resets it for each document it measures.
  const flat: FlatText = { doc: undefined, pieces: [], width: 0, simple: true };
  const stack: Stack = { ind: [0], mode: ["break"], doc: [doc] };
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
        const [groupMode, contents] = chooseGroup(d, mode, stack, width - pos, modes, measure, flat);
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
        out.push("\n" + " ".repeat(ind));
        pos = ind;
        break;
      case "breakParent":
        break;
    }
  }
  trimTrailingSpaces(out);
  return out.join("");
}

/**
 * The mode a group prints in and the document it prints (a conditional group's chosen state).
 * `flat` holds the gathered text of the last document measured flat (`flat.doc`).
 */
function chooseGroup(
  g: Group,
  mode: Mode,
  rest: Stack,
  room: number,
  modes: Map<symbol, Mode>,
  measure: Measure,
  flat: FlatText,
): [Mode, Doc] {
  flat.doc = undefined;
  if (mode === "flat") return [g.break ? "break" : "flat", g.contents];
  const restLength = rest.doc.length;
  const fitsFlat = (doc: Doc): boolean => {
    flat.pieces.length = 0;
    flat.width = 0;
    flat.simple = true;
    flat.doc = doc;
    return fits("flat", doc, rest, restLength, room, modes, measure, flat);
  };
  if (!g.break && fitsFlat(g.contents)) return ["flat", g.contents];
  const states = g.expandedStates;
  if (states === undefined) return ["break", g.contents];
  const last: [Mode, Doc] = ["break", states.at(-1) ?? ""];
  if (g.break) return last;
  for (let i = 1; i < states.length; i++) {
    const state = states[i] ?? "";
    if (fitsFlat(state)) return ["flat", state];
  }
  return last;
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
