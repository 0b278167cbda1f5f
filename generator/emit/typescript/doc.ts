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
import { width } from "../text.js";

/**
 * The width a text will have in the file: a statement's closing `;` is printed only when the
 * style keeps semicolons (the restyle pass drops it otherwise), so lines are broken where
 * prettier with the team's `semi` breaks them.
 */
function textWidth(text: string): number {
  return !style().semicolons && text.endsWith(";") ? width(text) - 1 : width(text);
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
  return docs.flatMap((d, i) => (i === 0 ? [d] : [separator, d]));
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
  if (isList(doc)) return doc.map((d) => propagateBreaks(d, visited)).some(Boolean);
  switch (doc.type) {
    case "breakParent":
      return true;
    case "line":
      return false;
    case "group": {
      if (visited.has(doc)) return doc.break && doc.expandedStates === undefined;
      visited.add(doc);
      const states = doc.expandedStates ?? [doc.contents];
      const inner = states.map((s) => propagateBreaks(s, visited)).some(Boolean);
      // A conditional group chooses among its states itself; nothing breaks it from inside.
      if (doc.expandedStates !== undefined) return false;
      if (inner) doc.break = true;
      return doc.break;
    }
    case "indent":
    case "align":
    case "indentIfBreak":
      return propagateBreaks(doc.contents, visited);
    case "ifBreak":
      return [propagateBreaks(doc.breakContents, visited), propagateBreaks(doc.flatContents, visited)].some(Boolean);
  }
}

type Mode = "break" | "flat";
interface Cmd {
  readonly ind: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

/**
 * Whether `next` fits in `room` columns: measured up to its end, then on through the commands
 * still to print (`rest`) until the first line that will break (prettier's fits).
 */
function fits(next: Cmd, rest: readonly Cmd[], room: number, modes: Map<symbol, Mode>): boolean {
  let restIndex = rest.length;
  const cmds: { mode: Mode; doc: Doc }[] = [next];
  let left = room;
  while (left >= 0) {
    const cmd = cmds.pop();
    if (cmd === undefined) {
      if (restIndex === 0) return true;
      const r = rest[--restIndex];
      if (r !== undefined) cmds.push(r);
      continue;
    }
    const { mode, doc } = cmd;
    if (typeof doc === "string") {
      left -= textWidth(doc);
      continue;
    }
    if (isList(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ mode, doc: doc[i] ?? "" });
      continue;
    }
    switch (doc.type) {
      case "indent":
      case "align":
      case "indentIfBreak":
        cmds.push({ mode, doc: doc.contents });
        break;
      case "group": {
        const groupMode: Mode = doc.break ? "break" : mode;
        const states = doc.expandedStates;
        cmds.push({ mode: groupMode, doc: states !== undefined && groupMode === "break" ? (states.at(-1) ?? "") : doc.contents });
        break;
      }
      case "ifBreak": {
        const groupMode = doc.groupId === undefined ? mode : (modes.get(doc.groupId) ?? "flat");
        cmds.push({ mode, doc: groupMode === "break" ? doc.breakContents : doc.flatContents });
        break;
      }
      case "line":
        if (mode === "break" || doc.hard) return true;
        if (!doc.soft) left -= 1;
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
  const modes = new Map<symbol, Mode>();
  const out: string[] = [];
  let pos = 0;
  const cmds: Cmd[] = [{ ind: 0, mode: "break", doc }];
  for (let cmd = cmds.pop(); cmd !== undefined; cmd = cmds.pop()) {
    const { ind, mode, doc: d } = cmd;
    if (typeof d === "string") {
      out.push(d);
      pos += textWidth(d);
      continue;
    }
    if (isList(d)) {
      for (let i = d.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: d[i] ?? "" });
      continue;
    }
    switch (d.type) {
      case "indent":
        cmds.push({ ind: ind + INDENT_WIDTH, mode, doc: d.contents });
        break;
      case "align":
        cmds.push({ ind: ind + d.n, mode, doc: d.contents });
        break;
      case "group":
        cmds.push(chooseGroup(d, ind, mode, cmds, width - pos, modes));
        if (d.id !== undefined) modes.set(d.id, cmds.at(-1)?.mode ?? "flat");
        break;
      case "ifBreak":
      case "indentIfBreak": {
        const groupMode = d.groupId === undefined ? mode : modes.get(d.groupId);
        if (d.type === "ifBreak") {
          if (groupMode === "break") cmds.push({ ind, mode, doc: d.breakContents });
          if (groupMode === "flat") cmds.push({ ind, mode, doc: d.flatContents });
        } else if (groupMode !== undefined) {
          cmds.push({ ind: groupMode === "break" ? ind + INDENT_WIDTH : ind, mode, doc: d.contents });
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

function chooseGroup(g: Group, ind: number, mode: Mode, rest: readonly Cmd[], room: number, modes: Map<symbol, Mode>): Cmd {
  if (mode === "flat") return { ind, mode: g.break ? "break" : "flat", doc: g.contents };
  const flat: Cmd = { ind, mode: "flat", doc: g.contents };
  if (!g.break && fits(flat, rest, room, modes)) return flat;
  const states = g.expandedStates;
  if (states === undefined) return { ind, mode: "break", doc: g.contents };
  const last: Cmd = { ind, mode: "break", doc: states.at(-1) ?? "" };
  if (g.break) return last;
  for (const state of states.slice(1)) {
    const cmd: Cmd = { ind, mode: "flat", doc: state };
    if (fits(cmd, rest, room, modes)) return cmd;
  }
  return last;
}

function trimTrailingSpaces(out: string[]): void {
  for (let last = out.at(-1); last !== undefined; last = out.at(-1)) {
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
