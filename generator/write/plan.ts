/**
 * What `gen` will do to the tree, decided before anything is touched: which files to create or
 * replace, which orphans to delete, and every reason to touch nothing at all. Reads only
 * (through the Probe); the transaction then carries the plan out.
 */
import "./codes.js";
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Span } from "../model.js";
import { sameBytes, type EncodedFile } from "./encoded.js";
import type { Probe } from "./fs-guard.js";
import { hasGeneratedHeader } from "./recognise.js";

/** Which part of the spec writes a path: `outputs.python` and where it says its `dir`. */
export interface Origin {
  readonly label: string;
  readonly span?: Span | undefined;
}

export interface PlanInput {
  /** Everything to write, the wire lock and the owned-file list included; paths relative to the spec's directory. */
  readonly files: readonly EncodedFile[];
  /** The files the owned-file list on disk names (the previous run's outputs). */
  readonly owned: readonly string[];
  /** Paths (relative to the spec's directory) whose hand-written file may be replaced: `gen --adopt`. */
  readonly adopt: ReadonlySet<string>;
  /** Paths written whatever they hold (the wire lock: its own stage has already read and judged it). */
  readonly always: ReadonlySet<string>;
  /** The spec: its path relative to its directory, and its identity on disk. */
  readonly spec: { readonly path: string; readonly dev: number; readonly ino: number };
  readonly origin: (path: string) => Origin;
  readonly show: (path: string) => string;
}

export interface FileWrite {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** False for a new file; true when a file is replaced (it is backed up until the commit). */
  readonly replaces: boolean;
  /** Permission bits to give the file (the replaced file's, or undefined for the default). */
  readonly mode?: number | undefined;
}

export interface WritePlan {
  readonly writes: readonly FileWrite[];
  /** Orphans: generated before, listed as owned, carrying the header, no longer produced. */
  readonly deletes: readonly string[];
  readonly unchanged: readonly string[];
  /** Directories to create, parents first. */
  readonly mkdirs: readonly string[];
}

export type PlanResult =
  | { readonly ok: true; readonly plan: WritePlan; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function planWrite(probe: Probe, input: PlanInput): PlanResult {
  const problems: Diagnostic[] = [];
  const writes: FileWrite[] = [];
  const unchanged: string[] = [];
  const mkdirs = new Set<string>();
  const expected = new Set(input.files.map((f) => f.path));
  for (const path of input.adopt) {
    if (!expected.has(path)) {
      problems.push(diagnostic("WD506", `--adopt ${input.show(path)}: no output writes this path`, undefined, {
        hint: "pass the path exactly as gen reported it (relative to the working directory)",
      }));
    }
  }
  for (const f of input.files) {
    const origin = input.origin(f.path);
    const where = `${input.show(f.path)} (written by ${origin.label})`;
    if (f.path === input.spec.path) {
      problems.push(specItself(where, origin));
      continue;
    }
    const found = probe.find(f.path);
    switch (found.kind) {
      case "missing":
        for (const d of found.missingDirs) mkdirs.add(d);
        writes.push({ path: f.path, bytes: f.bytes, replaces: false });
        break;
      case "blocked":
        problems.push(blocked(input.show(found.at), found.what, found.onPath, where, origin));
        break;
      case "file":
        if (found.dev === input.spec.dev && found.ino === input.spec.ino) problems.push(specItself(where, origin));
        else if (sameBytes(found.bytes, f.bytes)) unchanged.push(f.path);
        else if (input.always.has(f.path) || input.adopt.has(f.path) || hasGeneratedHeader(f.path, found.text)) {
          writes.push({ path: f.path, bytes: f.bytes, replaces: true, mode: found.mode });
        } else problems.push(handWritten(input.show(f.path), origin));
        break;
    }
  }
  const warnings: Diagnostic[] = [];
  const deletes: string[] = [];
  for (const path of [...new Set(input.owned)].sort()) {
    if (expected.has(path)) continue;
    const found = probe.find(path);
    if (found.kind === "missing") continue;
    if (found.kind === "file" && hasGeneratedHeader(path, found.text)) {
      deletes.push(path);
      continue;
    }
    const what =
      found.kind === "file"
        ? "no longer carries the generated header"
        : found.at === path
          ? `is now ${found.what}`
          : `lies behind ${input.show(found.at)}, which is now ${found.what}`;
    warnings.push(diagnostic("WD505", `${input.show(path)} was generated before and is no longer written, but it ${what}; left in place`, undefined, {
      hint: "wiredefs no longer owns it: delete it yourself if it is not needed",
    }));
  }
  if (problems.length > 0) return { ok: false, diagnostics: [...problems, ...warnings] };
  const dirs = [...mkdirs].sort((a, b) => a.split("/").length - b.split("/").length || (a < b ? -1 : a > b ? 1 : 0));
  return { ok: true, plan: { writes, deletes, unchanged, mkdirs: dirs }, warnings };
}

function handWritten(path: string, origin: Origin): Diagnostic {
  return diagnostic("WD501", `${path} exists but was not generated by wiredefs (no generated header in its first lines); ${origin.label} writes this path`, origin.span, {
    hint: `move or rename your file, or let the generated one replace it on purpose: wiredefs gen --adopt ${path}`,
  });
}

function blocked(at: string, what: string, onPath: boolean, where: string, origin: Origin): Diagnostic {
  return onPath
    ? diagnostic("WD503", `${at} is ${what}, on the way to ${where}`, origin.span, {
        hint: "wiredefs writes only into real directories inside the spec's tree, never through a link: make it a directory (or remove it), or change the output's dir",
      })
    : diagnostic("WD502", `${where} is ${what}, not a regular file`, origin.span, {
        hint: "move it away (wiredefs replaces only regular files it generated), or change the output's dir",
      });
}

function specItself(where: string, origin: Origin): Diagnostic {
  return diagnostic("WD504", `${where} is the spec itself`, origin.span, {
    hint: "give the output another dir, or the spec another name",
  });
}
