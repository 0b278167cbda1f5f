/** The wire lock beside the spec: where it is and what is in it now. */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Finding } from "../contract/finding.js";
import { lockPathFor } from "../contract/lock.js";
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

export function readLockFile(spec: SpecFile): LockFileOnDisk {
  const path = lockPathFor(basename(spec.display));
  const display = lockPathFor(spec.display);
  let text: string | undefined;
  try {
    text = readFileSync(join(spec.root, path), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return { path, display, text };
}

export function printFindings(findings: readonly Finding[], against: string): void {
  printBreaking(findings, against, "stderr");
}
