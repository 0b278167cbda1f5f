/** `--target`: which outputs a run generates or checks. */
import type { Protocol } from "../model.js";
import { TARGETS } from "../targets.js";

/** The names `--target` takes, in the order the targets run. */
export function targetNames(): readonly string[] {
  return TARGETS.map((t) => t.name);
}

/** Prints why a `--target` list cannot be used; returns false then. */
export function checkTargetNames(names: readonly string[] | undefined): boolean {
  const unknown = (names ?? []).filter((n) => !targetNames().includes(n));
  if (unknown.length === 0) return true;
  process.stderr.write(
    `error: unknown target ${unknown.map((n) => `"${n}"`).join(", ")}\n  hint: --target takes ${targetNames().join(", ")} (comma-separated or repeated)\n`,
  );
  return false;
}

/** Prints the targets the spec's `outputs` does not name; returns false when there are any. */
export function checkTargetsEnabled(protocol: Protocol, names: readonly string[] | undefined, spec: string): boolean {
  const off = (names ?? []).filter((n) => TARGETS.find((t) => t.name === n)?.enabled(protocol) !== true);
  if (off.length === 0) return true;
  process.stderr.write(
    `error: ${spec} has no ${off.join(", ")} output\n  hint: add it under \`outputs:\` in the spec, or drop it from --target\n`,
  );
  return false;
}
