/** Helpers for running the built CLI against a scratch copy of a spec and its outputs. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(import.meta.url), "../../..");
const BIN = join(REPO, "bin", "wiredefs.js");

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI without colour (unless `extraEnv` asks for it), as a user's shell would, outside CI. */
export function wiredefs(args: readonly string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["FORCE_COLOR"];
  delete env["GITHUB_WORKSPACE"];
  Object.assign(env, extraEnv);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temp dir holding a copy of this repo's spec, lock, owned-file list and committed outputs. */
export function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-cli-"));
  for (const name of ["protocol.yaml", "protocol.lock.json", "protocol.files.json", "generated"]) {
    const from = join(REPO, name);
    if (existsSync(from)) cpSync(from, join(dir, name), { recursive: true });
  }
  return dir;
}

/**
 * Every file under `dir` with its bytes, for before/after comparisons; with `mtimes`, each with
 * its modification time too, so a file rewritten with the same bytes shows as well.
 */
export function snapshot(dir: string, options: { mtimes?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const stats = statSync(p);
      if (stats.isDirectory()) walk(p);
      else out.set(relative(dir, p), `${options.mtimes === true ? `${stats.mtimeMs} ` : ""}${readFileSync(p, "latin1")}`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}
