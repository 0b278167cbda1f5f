/** Small helpers for the spec-stage tests: read fixtures, run the loader, list diagnostics. */
import { readdirSync, readFileSync } from "node:fs";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { loadProtocol } from "../../generator/spec/index.js";
import type { LoadResult } from "../../generator/spec/index.js";

export const FIXTURES = new URL("../fixtures/spec/", import.meta.url);

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`${name}.yaml`, FIXTURES), "utf8");
}

/** A fixture loaded as a spec at its repository's root (an output dir may not climb out of it). */
export function loadFixture(name: string): LoadResult {
  return loadProtocol(fixtureText(name), `${name}.yaml`, { rootDepth: 0 });
}

/** Errors when the load failed, warnings when it succeeded. */
export function reported(result: LoadResult): Diagnostic[] {
  return result.ok ? result.warnings : result.diagnostics;
}

/** `CODE line:col` of each diagnostic, in order. */
export function positions(list: readonly Diagnostic[]): string[] {
  return list.map((d) => `${d.code} ${d.span === undefined ? "-" : `${d.span.line}:${d.span.col}`}`);
}

/** Loads an inline spec written after the common header (wiredefs, protocol). */
export function loadInline(body: string): LoadResult {
  const header = "wiredefs: 1\nprotocol:\n  name: demo\n  channel: demo\n  version: 1\n";
  return loadProtocol(header + body, "inline.yaml");
}
