/**
 * `check`'s comparison: the files wiredefs owns against what the generator renders, as unified
 * diffs. Only owned paths are read (what the spec renders, plus what the owned-file list on disk
 * names): no directory is walked, and other files in the output directories are ignored.
 */
import { createTwoFilesPatch } from "diff";
import type { GeneratedFile } from "../model.js";
import type { Probe } from "./fs-guard.js";
import { hasGeneratedHeader } from "./recognise.js";

/**
 * stale: generated, but not what the spec renders now (hand-edited, or the spec changed);
 * missing: not on disk; not-generated: a file without the generated header sits at an output path;
 * blocked: a directory, link, FIFO, … at the path or on the way to it;
 * orphaned: listed as generated before, still on disk with the header, no longer produced.
 */
export type DriftKind = "stale" | "missing" | "not-generated" | "blocked" | "orphaned";

export interface Drift {
  readonly kind: DriftKind;
  /** Path relative to the spec's directory, POSIX separators. */
  readonly path: string;
  /** Unified diff from what is on disk to what the generator renders ("" for blocked). */
  readonly diff: string;
  /**
   * For blocked: what is there (`generated/ts is a symbolic link (to "/elsewhere")`); for a file
   * that differs only by its line endings, that it does (its diff is then one line saying why).
   */
  readonly detail?: string | undefined;
}

/** Compares rendered files with the tree; `owned` is the owned-file list on disk. Sorted by path. */
export function findDrift(probe: Probe, files: readonly GeneratedFile[], owned: readonly string[], show: (path: string) => string = (p) => p): Drift[] {
  const drift: Drift[] = [];
  const expected = new Set(files.map((f) => f.path));
  for (const f of files) {
    const found = probe.find(f.path);
    if (found.kind === "missing") drift.push({ kind: "missing", path: f.path, diff: unifiedDiff(f.path, "", f.text) });
    else if (found.kind === "blocked") {
      drift.push({ kind: "blocked", path: f.path, diff: "", detail: `${show(found.at)} is ${found.what}` });
    } else if (found.text !== f.text) {
      const kind = hasGeneratedHeader(f.path, found.text) ? "stale" : "not-generated";
      const endings = lineEndingsOnly(f.path, found.text, f.text);
      drift.push(
        endings === undefined
          ? { kind, path: f.path, diff: unifiedDiff(f.path, found.text, f.text) }
          : { kind, path: f.path, diff: endings, detail: "only line endings differ: CRLF on disk" },
      );
    }
  }
  for (const path of new Set(owned)) {
    if (expected.has(path)) continue;
    const found = probe.find(path);
    if (found.kind === "file" && hasGeneratedHeader(path, found.text)) {
      drift.push({ kind: "orphaned", path, diff: unifiedDiff(path, found.text, "") });
    }
  }
  return drift.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * When a file differs from the render only by CRLF line endings (a checkout with git's
 * core.autocrlf=true), one plain line saying so instead of a diff of every line.
 */
function lineEndingsOnly(path: string, before: string, after: string): string | undefined {
  if (!before.includes("\r\n") || before.replaceAll("\r\n", "\n") !== after) return undefined;
  return `${path}: only line endings differ (CRLF on disk, as git's core.autocrlf checks files out; wiredefs writes LF). Mark the outputs \`eol=lf\` in .gitattributes (wiredefs init does) and check them out again, or run \`wiredefs gen\`.`;
}

function unifiedDiff(path: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, "", "", { context: 3 })
    .split("\n")
    .filter((line) => !line.startsWith("====="))
    .join("\n");
}
