/**
 * Carrying out a WritePlan all or nothing. Stage: create missing directories and write every new
 * text to a temp file next to its target. Swap: move each replaced file and each orphan aside to a
 * backup next to it, and rename the temp file into place. Commit: remove the backups. If anything
 * fails before the commit, every step already done is undone in reverse order (backups renamed
 * back, new files and temp files removed, created directories removed), so the tree is exactly as
 * before, and the failure is reported as one IoFailure naming the path and the cause.
 *
 * Swapping needs no disk space (renames within a directory), so a full disk fails while staging,
 * before any target is touched.
 */
import { closeSync, fchmodSync, mkdirSync, openSync, renameSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { IoFailure, ioFailure } from "./io-error.js";
import type { WritePlan } from "./plan.js";

/** The file-system calls a transaction makes (tests inject failures through it). */
export interface FsOps {
  mkdir(path: string): void;
  /** Creates `path` (failing if it exists) holding `bytes`, with exactly `mode` when given (else the umask's default). */
  writeNew(path: string, bytes: Uint8Array, mode: number | undefined): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
}

export const NODE_FS: FsOps = {
  mkdir: (path) => mkdirSync(path),
  writeNew: (path, bytes, mode) => {
    const fd = openSync(path, "wx", 0o666);
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      closeSync(fd);
    } catch (error) {
      // Created but not written (a full disk): it is ours, remove it before reporting.
      try {
        closeSync(fd);
      } catch {
        // Already closed (closing itself failed).
      }
      unlinkSync(path);
      throw error;
    }
  },
  rename: (from, to) => renameSync(from, to),
  unlink: (path) => unlinkSync(path),
  rmdir: (path) => rmdirSync(path),
};

export interface WriteSummary {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly deleted: readonly string[];
}

/** A sibling of `target` named after it, unique to this run: `.defs.ts.wiredefs-1234.tmp`. */
function sibling(target: string, suffix: string): string {
  return join(dirname(target), `.${basename(target)}.wiredefs-${process.pid}.${suffix}`);
}

export function applyPlan(root: string, plan: WritePlan, show: (path: string) => string, fs: FsOps = NODE_FS): WriteSummary {
  const undo: (() => void)[] = [];
  const step = (action: string, path: string, run: () => void, revert: () => void): void => {
    try {
      run();
    } catch (error) {
      throw ioFailure(action, show(path), error);
    }
    undo.push(revert);
  };
  const abs = (path: string): string => join(root, path);
  const temps = new Map<string, string>();
  const backups: string[] = [];
  try {
    for (const dir of plan.mkdirs) {
      step("create directory", dir, () => fs.mkdir(abs(dir)), () => fs.rmdir(abs(dir)));
    }
    for (const w of plan.writes) {
      const temp = sibling(abs(w.path), "tmp");
      step("write", w.path, () => fs.writeNew(temp, w.bytes, w.mode), () => fs.unlink(temp));
      temps.set(w.path, temp);
    }
    for (const w of plan.writes) {
      const target = abs(w.path);
      const temp = temps.get(w.path) ?? "";
      if (w.replaces) {
        const backup = sibling(target, "bak");
        step("replace", w.path, () => fs.rename(target, backup), () => fs.rename(backup, target));
        backups.push(backup);
      }
      // Once in place, undoing removes the new file (the backup's undo, run next, puts the old one back).
      step("replace", w.path, () => fs.rename(temp, target), () => fs.rename(target, temp));
    }
    for (const path of plan.deletes) {
      const backup = sibling(abs(path), "bak");
      step("delete", path, () => fs.rename(abs(path), backup), () => fs.rename(backup, abs(path)));
      backups.push(backup);
    }
  } catch (error) {
    let undone = true;
    for (const revert of undo.reverse()) {
      try {
        revert();
      } catch {
        undone = false;
      }
    }
    if (error instanceof IoFailure && !undone) {
      throw new IoFailure(error.action, error.path, `${error.reason} (and undoing the steps already done failed too)`, error.code,
        "the tree may be mixed: run `git status`, restore with `git checkout`, then fix the cause and run gen again");
    }
    throw error;
  }
  // Committed: the backups are no longer needed. A backup that cannot be removed is only clutter.
  for (const backup of backups) {
    try {
      fs.unlink(backup);
    } catch {
      // Left behind, named after its file; harmless.
    }
  }
  // A directory that held only deleted orphans goes too (up to, not including, the spec's
  // directory, or for a path that climbs out of it (`../packages/x`), the first directory it climbs to).
  for (const path of plan.deletes) {
    for (let dir = dirname(path); dir !== "." && dir !== "/" && basename(dir) !== ".."; dir = dirname(dir)) {
      try {
        fs.rmdir(abs(dir));
      } catch {
        break;
      }
    }
  }
  return { written: plan.writes.map((w) => w.path), unchanged: plan.unchanged, deleted: plan.deletes };
}
