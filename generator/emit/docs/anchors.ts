/**
 * Anchor ids, derived only from spec names, so links into the docs survive regeneration and do
 * not depend on a renderer's heading slugs. Names are identifiers; any other character is
 * spelled out so two names never share an anchor.
 */
function part(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, (c) => `-u${(c.codePointAt(0) ?? 0).toString(16)}-`);
}

export function anchor(kind: string, ...names: readonly string[]): string {
  return [kind, ...names.map(part)].join("-");
}

export const GROUP = {
  constants: "constants",
  channels: "channels",
  envelope: "envelope",
  topics: "topics",
  keys: "keys",
  enums: "enums",
  records: "records",
  unions: "unions",
  flows: "flows",
  reserved: "reserved",
} as const;
