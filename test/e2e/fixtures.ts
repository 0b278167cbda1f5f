/**
 * The whole-protocol fixtures under test/fixtures/protocols/, and helpers that run them through
 * the built CLI in a scratch directory: the e2e tests prove wiredefs on protocols other than its
 * seed, the way a user runs it, with the outputs checked by each ecosystem's own tools.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GeneratedFile } from "../../generator/model.js";
import { namesOf } from "../../generator/targets.js";
import { REPO, snapshot } from "../cli/run.js";
import { generatedView, loadSpec, type Generated } from "../messages/pipeline.js";

export const FIXTURES_DIR = join(REPO, "test/fixtures/protocols");

export interface Fixture {
  /** The directory under test/fixtures/protocols/. */
  readonly name: string;
  /** The Python package the spec generates. */
  readonly pythonPackage: string;
  /** The docs file the spec generates, relative to the spec's directory. */
  readonly docsFile: string;
  /**
   * True when the spec's own words and names are meant to break ruff's content rules (docs
   * without a full stop, look-alike unicode, member names like `toString`); see CONTENT_RULES.
   */
  readonly hostileContent: boolean;
  /** Payloads and records the spec declares (0 when it has no messages). */
  readonly shapes: number;
  /** True when `wiredefs lint` finds nothing (the hostile spec breaks style rules on purpose). */
  readonly lintClean: boolean;
}

export const FIXTURES: readonly Fixture[] = [
  { name: "jobctl", pythonPackage: "jobctl", docsFile: "generated/docs/jobctl.md", hostileContent: false, shapes: 18, lintClean: true },
  {
    name: "hostile",
    pythonPackage: "hostile_wire",
    docsFile: "generated/docs/hostile_wire.md",
    hostileContent: true,
    shapes: 6,
    lintClean: false,
  },
  {
    name: "constants_only",
    pythonPackage: "tuning_defs",
    docsFile: "generated/docs/tuning.md",
    hostileContent: false,
    shapes: 0,
    lintClean: true,
  },
];

/** The files every fixture generates, relative to its spec's directory (the lock and the owned-file list included). */
export function expectedFiles(f: Fixture): string[] {
  const py = `generated/python/${f.pythonPackage}`;
  return [
    f.docsFile,
    `${py}/__init__.py`,
    `${py}/defs.py`,
    `${py}/messages.py`,
    "generated/schema/conformance.json",
    "generated/schema/messages.schema.json",
    "generated/ts/defs.ts",
    "generated/ts/index.ts",
    "generated/ts/messages.ts",
    "protocol.files.json",
    "protocol.lock.json",
  ].sort();
}

/**
 * A fresh scratch root holding a copy of each fixture's spec (nothing else: no outputs, no lock),
 * one directory per fixture, and a package.json that makes the TypeScript under it ESM.
 */
export function scratchRoot(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), `wiredefs-e2e-${prefix}-`));
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  for (const f of FIXTURES) {
    mkdirSync(join(root, f.name));
    cpSync(join(FIXTURES_DIR, f.name, "protocol.yaml"), join(root, f.name, "protocol.yaml"));
  }
  return root;
}

/** Every file under `dir` with its text (UTF-8), sorted by path. */
export function readTree(dir: string): Map<string, string> {
  const bytes = snapshot(dir);
  return new Map(
    [...bytes.keys()].sort().map((path) => [path, Buffer.from(bytes.get(path) ?? "", "latin1").toString("utf8")]),
  );
}

/**
 * What the conformance harness needs about a CLI-generated fixture: the model and names from the
 * spec (in process) and the files as the CLI wrote them to `dir`.
 */
export function generatedAt(dir: string): Generated {
  const protocol = loadSpec(join(dir, "protocol.yaml"));
  const assigned = namesOf(protocol);
  if (assigned.diagnostics.length > 0) throw new Error(assigned.diagnostics.map((d) => d.message).join("; "));
  const files: GeneratedFile[] = [...readTree(join(dir, "generated"))].map(([path, text]) => ({
    path: `generated/${path}`,
    text,
  }));
  return generatedView(protocol, assigned.names, files, dir);
}

/** Names of the directories under test/fixtures/protocols/, to catch a fixture left out of FIXTURES. */
export function fixtureDirs(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function readText(path: string): string {
  return readFileSync(path, "utf8");
}
