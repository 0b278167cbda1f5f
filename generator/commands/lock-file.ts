/** The wire lock beside the spec: where it is and what is in it now. */
import { lstatSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Finding } from "../contract/finding.js";
import { lockPathFor } from "../contract/lock.js";
import { IoFailure, ioFailure } from "../write/index.js";
import { printBreaking } from "./output.js";
import type { SpecFile } from "./spec-file.js";

export interface LockFileOnDisk {
  /** Path relative to the spec's directory (the lock sits beside the spec). */
  readonly path: string;
  /** Path as shown in messages. */
  readonly display: string;
  /** Undefined when there is no lock yet. */
  readonly text: string | undefined;
}

/** Throws an IoFailure when the lock path holds something other than a regular file, or cannot be read. */
export function readLockFile(spec: SpecFile): LockFileOnDisk {
  const path = lockPathFor(basename(spec.display));
  const display = lockPathFor(spec.display);
  const absolute = join(spec.root, path);
  let text: string | undefined;
  try {
    // lstat first: a directory, link or FIFO at the lock path is reported, never followed or opened.
    const stats = lstatSync(absolute);
    if (!stats.isFile()) {
      const what = stats.isDirectory() ? "a directory" : stats.isSymbolicLink() ? "a symbolic link" : "not a regular file";
      throw new IoFailure("read", display, `it is ${what}`, "", "the wire lock is a file wiredefs writes beside the spec: move what is there away");
    }
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    if (error instanceof IoFailure) throw error;
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw ioFailure("read", display, error);
  }
  return { path, display, text };
}

export function printFindings(findings: readonly Finding[], against: string): void {
  printBreaking(findings, against, "stderr");
}
