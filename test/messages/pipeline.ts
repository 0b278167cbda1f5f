/**
 * Runs the spec loader, the names stage and the generator's own emitters (every output the spec
 * names) and writes the files into a fresh temporary directory, so the tests exercise the
 * generator as it is now, not a committed snapshot.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { GeneratedFile, Protocol } from "../../generator/model.js";
import type { Names } from "../../generator/names/index.js";
import { namesOf } from "../../generator/targets.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { emitAll } from "../../generator/generate.js";

export interface Generated {
  readonly protocol: Protocol;
  readonly names: Names;
  readonly files: readonly GeneratedFile[];
  /** The temporary directory the files were written under (their paths are relative to it). */
  readonly root: string;
  file(suffix: string): GeneratedFile;
}

export const SEED_SPEC = "protocol.yaml";
export const RICH_SPEC = "test/fixtures/messages/rich.yaml";

export function loadSpec(path: string): Protocol {
  const result = loadProtocol(readFileSync(path, "utf8"), path.split("/").pop() ?? path);
  if (!result.ok) throw new Error(`${path}: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return result.protocol;
}

export { emitAll };

/** The rendered files of one protocol, written under `root`, with lookup by path suffix. */
export function generatedView(protocol: Protocol, names: Names, files: readonly GeneratedFile[], root: string): Generated {
  return {
    protocol,
    names,
    files,
    root,
    file(suffix) {
      const found = files.find((f) => f.path.endsWith(suffix));
      if (found === undefined) throw new Error(`no generated file ends with ${suffix}`);
      return found;
    },
  };
}

/** `root`: where to write the files (a fresh temporary directory unless given; created if missing). */
export function generate(specPath: string, root = mkdtempSync(join(tmpdir(), "wiredefs-messages-"))): Generated {
  const protocol = loadSpec(specPath);
  const assigned = namesOf(protocol);
  if (assigned.diagnostics.length > 0) throw new Error(assigned.diagnostics.map((d) => d.message).join("; "));
  const files = emitAll(protocol, assigned.names);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  return generatedView(protocol, assigned.names, files, root);
}
