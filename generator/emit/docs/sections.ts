/** Members of a set in runs by section, as the spec groups them. */
import type { Member, Section } from "../../model.js";

export interface Run<M extends Member> {
  /** Absent for the members before the set's first section. */
  readonly section?: Section | undefined;
  readonly members: readonly M[];
}

export function bySection<M extends Member>(members: readonly M[]): Run<M>[] {
  const runs: { section?: Section | undefined; members: M[] }[] = [];
  for (const m of members) {
    const current = runs[runs.length - 1];
    if (m.section !== undefined || current === undefined) runs.push({ section: m.section, members: [m] });
    else current.members.push(m);
  }
  return runs;
}
