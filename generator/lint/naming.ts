/** Naming conventions: UPPER_SNAKE_CASE constants and members, PascalCase sets. */
import type { Protocol } from "../model.js";
import type { Report } from "./finding.js";

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const PASCAL = /^[A-Z][A-Za-z0-9]*$/;

export function checkNames(p: Protocol, report: Report): void {
  const member = (item: string, name: string, span: Parameters<Report>[3]): void => {
    if (!UPPER_SNAKE.test(name)) {
      report("CONSTANT_NAME_UPPER_SNAKE_CASE", item, `${item}: ${JSON.stringify(name)} is not UPPER_SNAKE_CASE (e.g. ${JSON.stringify(toUpperSnake(name))})`, span);
    }
  };
  for (const c of p.constants) member(c.name, c.name, c.span);
  for (const e of p.enums) for (const m of e.members) member(`${e.name}.${m.name}`, m.name, m.span);
  for (const s of p.keySets) for (const k of s.keys) member(`${s.name}.${k.name}`, k.name, k.span);
  for (const s of p.topicSets) for (const t of s.topics) member(`${s.name}.${t.name}`, t.name, t.span);
  for (const set of [...p.enums, ...p.keySets, ...p.topicSets, ...p.records, ...p.unions]) {
    if (!PASCAL.test(set.name)) {
      report("SET_NAME_PASCAL_CASE", set.name, `${set.name} is not PascalCase`, set.span);
    }
  }
}

export function toUpperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
}
