/**
 * The built CLI where an unprivileged user can run it: the checkout may sit in a directory only
 * root can enter (a CI home), so when the tests run as root, the files the package ships to run
 * (its `files` entries that are scripts, and package.json) are copied to a world-readable temp
 * directory. The one place the suites that run the CLI as another user get it from.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO } from "./run.js";

export const IS_ROOT = process.getuid?.() === 0;

/** The unprivileged user the CLI runs as when the suite runs as root (root ignores permissions). */
export const NOBODY = 65534;

let copied: string | undefined;

/** bin/wiredefs.js of the checkout, or (as root) of a world-readable copy of what it runs. */
export function cliForOthers(): string {
  if (!IS_ROOT) return join(REPO, "bin", "wiredefs.js");
  if (copied !== undefined) return copied;
  const files = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { files: string[] }).files;
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-cli-copy-"));
  for (const file of [...files.filter((f) => f.endsWith(".js")), "package.json"]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(dir, file));
  }
  for (const sub of ["", "bin", "dist"]) chmodSync(join(dir, sub), 0o755);
  copied = join(dir, "bin", "wiredefs.js");
  return copied;
}
