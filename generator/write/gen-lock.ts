/**
 * One `gen` at a time per spec directory: an exclusive lock file, `.wiredefs.lock`, created with
 * O_EXCL beside the spec and removed when the run ends. A second run waits for it (up to
 * `timeoutMs`, 10 s by default) and then fails with exit 2. A lock left by a run that died (its
 * process no longer exists on this host) is stale and is taken over. Known limit: two runs that
 * judge the same stale lock at the same instant may both proceed, and if their specs differ,
 * the tree may end with files from both (each run's own writes are still all or nothing).
 */
import { hostname } from "node:os";
import { closeSync, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import type { Stats } from "node:fs";
import { join } from "node:path";
import { IoFailure, ioFailure } from "./io-error.js";

export const GEN_LOCK_NAME = ".wiredefs.lock";
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface GenLock {
  release(): void;
}

/** Takes the lock in `root` or throws an IoFailure; `show` turns the lock's name into the path printed. */
export function acquireGenLock(root: string, show: (path: string) => string, timeoutMs = DEFAULT_LOCK_TIMEOUT_MS): GenLock {
  const path = join(root, GEN_LOCK_NAME);
  const shown = show(GEN_LOCK_NAME);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fd = tryCreate(path, shown);
    if (fd !== undefined) {
      const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      return { release: () => releaseIfOurs(path) };
    }
    const stats = lstatOrUndefined(path, shown);
    if (stats === undefined) continue;
    if (!stats.isFile()) {
      throw new IoFailure("lock", shown, `it is ${stats.isDirectory() ? "a directory" : "not a regular file"}`, "",
        `wiredefs creates ${GEN_LOCK_NAME} beside the spec while gen runs: remove or rename what is there`);
    }
    const holder = readHolder(path);
    if (holder === undefined ? Date.now() - stats.mtimeMs > 5_000 : isStale(holder)) {
      removeStale(path);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder === undefined ? "another wiredefs gen" : `another wiredefs gen (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
      throw new IoFailure("lock", shown, `${who} is writing these outputs`, "",
        `wait for it to finish and run gen again; if no gen is running, delete ${shown}`);
    }
    sleep(50);
  }
}

function tryCreate(path: string, shown: string): number | undefined {
  try {
    return openSync(path, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    throw ioFailure("lock", shown, error);
  }
}

function lstatOrUndefined(path: string, shown: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw ioFailure("lock", shown, error);
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.since === "string") {
      return { pid: value.pid, host: value.host, since: value.since };
    }
  } catch {
    // Being written right now, or garbage: judged by its age.
  }
  return undefined;
}

/** The holder ran on this host and its process is gone. A holder on another host is never judged. */
function isStale(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function removeStale(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Someone else removed it first: try again to create it.
  }
}

function releaseIfOurs(path: string): void {
  const holder = readHolder(path);
  if (holder !== undefined && holder.pid === process.pid && holder.host === hostname()) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
