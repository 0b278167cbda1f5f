/** Loading fixture specs and flattening findings for exact comparisons. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../generator/contract/finding.js";
import type { Protocol } from "../../generator/model.js";
import { loadProtocol } from "../../generator/spec/index.js";

export const BREAKING_FIXTURES = join(import.meta.dirname, "..", "fixtures", "breaking");

/** Loads a spec from text; throws with the diagnostics when it does not load. */
export function protocolOf(text: string, file: string): Protocol {
  const loaded = loadProtocol(text, file);
  if (!loaded.ok) throw new Error(`${file} does not load:\n${loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  return loaded.protocol;
}

export function fixture(dir: string, name: "previous" | "current"): { text: string; protocol: Protocol } {
  const text = readFileSync(join(BREAKING_FIXTURES, dir, `${name}.yaml`), "utf8");
  return { text, protocol: protocolOf(text, `${name}.yaml`) };
}

export interface FlatFinding {
  readonly rule: string;
  readonly category: string;
  readonly severity: string;
  readonly item: string;
  /** `file:line:col` */
  readonly current: string | undefined;
  readonly previous: string | undefined;
  readonly accepted?: string;
}

export function flat(f: Finding): FlatFinding {
  const at = (s: Finding["current"]): string | undefined => (s === undefined ? undefined : `${s.file}:${s.line}:${s.col}`);
  return {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    item: f.item,
    current: at(f.current),
    previous: at(f.previous),
    ...(f.accepted === undefined ? {} : { accepted: f.accepted.reason }),
  };
}
