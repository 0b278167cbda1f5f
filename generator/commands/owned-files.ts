/** What gen and check share about the files on disk: paths as shown, who writes what, the owned list. */
import { statSync } from "node:fs";
import { basename, join, posix, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { diagnostic } from "../diagnostics.js";
import type { GeneratedFile, Protocol } from "../model.js";
import { ownedListPathFor, parseOwnedList, renderOwnedList, type Origin, type Probe, type Stamp } from "../write/index.js";
import "../write/codes.js";
import { normalizePath } from "../generate.js";
import { TARGETS } from "../targets.js";
import type { SpecFile } from "./spec-file.js";

export interface OutputsOnDisk {
  /** A path relative to the spec's directory as printed in messages (relative to the working directory). */
  readonly show: (path: string) => string;
  readonly origin: (path: string) => Origin;
  /** The owned-file list the spec renders now (written and compared like every output). */
  readonly ownedList: GeneratedFile;
  readonly spec: { readonly path: string; readonly dev: number; readonly ino: number };
}

/** Paths relative to the spec's directory → as printed (relative to the working directory). */
export function showFor(spec: SpecFile): (path: string) => string {
  const base = posix.dirname(spec.display);
  return (path) => (base === "." ? path : posix.join(base, path));
}

export function outputsOnDisk(
  spec: SpecFile,
  protocol: Protocol,
  files: readonly GeneratedFile[],
  lockPath: string,
  stamp?: Stamp,
): OutputsOnDisk {
  const show = showFor(spec);
  const ownedList = renderOwnedList(protocol, ownedListPathFor(basename(spec.display)), files, stamp);
  const origin = (path: string): Origin => {
    if (path === lockPath) return { label: "the wire lock" };
    if (path === ownedList.path) return { label: "the list of generated files" };
    for (const target of TARGETS) {
      const out = target.output(protocol);
      const dir = out === undefined ? undefined : normalizePath(out.dir) || ".";
      if (out !== undefined && (dir === "." || path.startsWith(`${dir}/`))) return { label: `outputs.${target.name}`, span: out.span };
    }
    return { label: "wiredefs" };
  };
  const stats = statSync(join(spec.root, basename(spec.display)));
  return { show, origin, ownedList, spec: { path: basename(spec.display), dev: stats.dev, ino: stats.ino } };
}

/** The files the owned-file list on disk names; [] (with a warning for a broken list) when there is none to trust. */
export function readOwned(
  probe: Probe,
  disk: OutputsOnDisk,
  depth = 0,
): { owned: readonly string[]; stamp?: Stamp | undefined; warnings: Diagnostic[] } {
  const found = probe.find(disk.ownedList.path);
  if (found.kind !== "file") return { owned: [], warnings: [] };
  const parsed = parseOwnedList(found.text, depth);
  if (parsed.ok) return { owned: parsed.files, stamp: parsed.stamp, warnings: [] };
  return {
    owned: [],
    warnings: [diagnostic("WD507", `${disk.show(disk.ownedList.path)} cannot be read: ${parsed.problem}; files it listed are not removed this time`, undefined, {
      hint: "gen rewrites it; delete files that are no longer generated yourself",
    })],
  };
}

/** `--adopt` paths (relative to the working directory) as paths relative to the spec's directory. */
export function adoptedPaths(spec: SpecFile, paths: readonly string[]): Set<string> {
  return new Set(paths.map((p) => relative(spec.root, resolve(p)).split(sep).join("/")));
}
