/**
 * Flows as Mermaid sequence diagrams, in the style of the protocol's original design document:
 * participants from actors (their doc as the alias), `->>` for requests, `-->>` for replies,
 * labels `Topic.HELLO (MsgKey.SESSION_ID, JOB_ID, …)`, `alt`/`else`/`end`, `loop`/`end`.
 */
import type { Actor, Field, Flow, FlowStep, Topic } from "../../model.js";
import { splitLines } from "../text.js";
import { fenced, shown } from "./markdown.js";
import type { Refs } from "./refs.js";

const INDENT = "    ";

/** Words the sequence-diagram grammar reserves; an actor named so gets a suffixed id. */
const KEYWORDS: ReadonlySet<string> = new Set([
  "participant",
  "actor",
  "as",
  "alt",
  "else",
  "opt",
  "par",
  "and",
  "rect",
  "critical",
  "option",
  "break",
  "loop",
  "end",
  "note",
  "over",
  "left",
  "right",
  "of",
  "activate",
  "deactivate",
  "autonumber",
  "title",
  "create",
  "destroy",
  "box",
  "link",
  "links",
  "properties",
  "details",
  "acctitle",
  "accdescr",
  "sequencediagram",
]);

const ENTITY: { readonly [c: string]: string } = {
  "#": "#35;",
  ";": "#59;",
  "%": "#37;",
  "<": "#60;",
  ">": "#62;",
  "`": "#96;",
};

/**
 * The one function for spec text in a diagram (actor aliases, notes, loop and alt labels): one
 * line (`<br>` for breaks, so no text can start a statement such as `click` or `link`),
 * invisible characters shown as `\uXXXX`, and the characters of statements, comments,
 * directives (`%%{init}%%`), entities and HTML (`#;%<>` and the backtick) encoded.
 */
export function mermaidText(text: string): string {
  return splitLines(text.trim())
    .map((l) => shown(l.trim()).replace(/[#;%<>`]/g, (c) => ENTITY[c] ?? c))
    .join("<br>");
}

export function flowDiagram(flow: Flow, refs: Refs): string[] {
  const actors = actorsOf(flow.steps);
  const ids = participantIds(actors);
  const id = (a: Actor): string => ids.get(a) ?? a.name;
  const lines = ["sequenceDiagram"];
  for (const a of actors) lines.push(`${INDENT}participant ${id(a)} as ${mermaidText(alias(a))}`);
  if (actors.length > 0) lines.push("");
  lines.push(...stepLines(flow.steps, 1, refs, id));
  return fenced("mermaid", lines);
}

/** The first line of the actor's doc without its closing period; the name when it has none. */
function alias(a: Actor): string {
  const first = splitLines(a.doc?.trim() ?? "")[0]?.trim() ?? "";
  const text = first.replace(/\.$/, "");
  return text === "" ? a.name : text;
}

/** Actors in order of first appearance, so the first sender is leftmost. */
function actorsOf(steps: readonly FlowStep[]): Actor[] {
  const seen: Actor[] = [];
  const visit = (list: readonly FlowStep[]): void => {
    for (const s of list) {
      if (s.kind === "message") {
        for (const a of [s.from, s.to]) if (!seen.includes(a)) seen.push(a);
      } else if (s.kind === "loop") visit(s.steps);
      else for (const b of s.branches) visit(b.steps);
    }
  };
  visit(steps);
  return seen;
}

function participantIds(actors: readonly Actor[]): Map<Actor, string> {
  const used = new Set(actors.map((a) => a.name));
  const ids = new Map<Actor, string>();
  for (const a of actors) {
    let id = a.name;
    if (KEYWORDS.has(id.toLowerCase())) {
      do id += "_";
      while (used.has(id));
      used.add(id);
    }
    ids.set(a, id);
  }
  return ids;
}

function stepLines(steps: readonly FlowStep[], depth: number, refs: Refs, id: (a: Actor) => string): string[] {
  const pad = INDENT.repeat(depth);
  const lines: string[] = [];
  for (const s of steps) {
    switch (s.kind) {
      case "message": {
        const arrow = s.reply ? "-->>" : "->>";
        lines.push(`${pad}${id(s.from)}${arrow}${id(s.to)}: ${messageLabel(s.topic, refs)}`);
        if (s.note !== undefined && s.note.trim() !== "") {
          const over = s.from === s.to ? id(s.from) : `${id(s.from)},${id(s.to)}`;
          lines.push(`${pad}Note over ${over}: ${mermaidText(s.note)}`);
        }
        break;
      }
      case "loop":
        lines.push(
          `${pad}loop ${mermaidText(s.label)}`.trimEnd(),
          ...stepLines(s.steps, depth + 1, refs, id),
          `${pad}end`,
        );
        break;
      case "alt":
        s.branches.forEach((b, i) => {
          lines.push(`${pad}${i === 0 ? "alt" : "else"} ${mermaidText(b.label)}`.trimEnd());
          lines.push(...stepLines(b.steps, depth + 1, refs, id));
        });
        if (s.branches.length > 0) lines.push(`${pad}end`);
        break;
    }
  }
  return lines;
}

/** `Topic.HELLO (MsgKey.SESSION_ID, JOB_ID)`: the set name where the key set changes; `?` marks optional keys. */
export function messageLabel(topic: Topic, refs: Refs): string {
  const set = refs.topicSetOf(topic);
  const name = set === undefined ? topic.name : `${set.name}.${topic.name}`;
  const fields = topic.payload.fields;
  if (fields.length === 0) return name;
  return `${name} (${keyNames(fields, refs).join(", ")})`;
}

function keyNames(fields: readonly Field[], refs: Refs): string[] {
  let previousSet: string | undefined;
  return fields.map((f) => {
    const set = refs.keySetOf(f.key)?.name;
    // A local field's name is its wire key, any text: it goes through the diagram's text path.
    const own = f.local ? mermaidText(f.key.name) : f.key.name;
    const qualified = set !== undefined && set !== previousSet ? `${set}.${own}` : own;
    previousSet = set;
    return qualified + (f.required ? "" : "?");
  });
}
