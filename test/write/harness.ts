/**
 * Running the built CLI on a scratch copy of this repo's spec and outputs, as an unprivileged
 * user when the tests run as root (root bypasses file permissions; CI runs as root), and
 * snapshots of a tree that include each entry's kind and permission bits.
 */
import { spawn, spawnSync } from "node:child_process";
import { chownSync, lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { cliForOthers, IS_ROOT, NOBODY } from "../cli/cli-copy.js";
import { REPO, scratchCopy } from "../cli/run.js";

export { REPO, scratchCopy };

export { IS_ROOT };

/** The built CLI, runnable by the unprivileged user (see test/cli/cli-copy.ts). */
const BIN = cliForOthers();

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command line that runs wiredefs unprivileged: through setpriv when we are root. */
function commandLine(args: readonly string[]): [string, string[]] {
  const node = [process.execPath, BIN, ...args];
  if (!IS_ROOT) return [node[0] ?? "", node.slice(1)];
  return ["setpriv", [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", ...node]];
}

/** Runs wiredefs in `cwd` as an unprivileged user. */
export function unprivileged(args: readonly string[], cwd: string): Run {
  const [cmd, argv] = commandLine(args);
  // A hang (a FIFO opened for reading, say) is killed and fails the test with status -1.
  const r = spawnSync(cmd, argv, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts wiredefs in `cwd` as an unprivileged user without waiting for it. */
export function startUnprivileged(args: readonly string[], cwd: string): Promise<Run> {
  const [cmd, argv] = commandLine(args);
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("close", (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/** A scratch copy owned by the unprivileged user (a no-op when not root: it is ours already). */
export function scratchForUnprivileged(): string {
  const dir = scratchCopy();
  giveAway(dir);
  return dir;
}

/** chown -R to the unprivileged user, when root. */
export function giveAway(path: string): void {
  if (!IS_ROOT) return;
  chownSync(path, NOBODY, NOBODY);
  const stats = lstatSync(path);
  if (stats.isDirectory()) for (const name of readdirSync(path)) giveAway(join(path, name));
}

/** Runs a shell command as root (mount, chattr); fails the test when it fails. */
export function sh(command: string): string {
  const r = spawnSync("sh", ["-c", command], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command}: ${r.stderr}`);
  return r.stdout;
}

/** Every entry under `dir`: kind, mode and bytes (files) or target (links). */
export function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      const s = lstatSync(p);
      const mode = (s.mode & 0o7777).toString(8);
      if (s.isDirectory()) {
        out.set(rel, `dir ${mode}`);
        walk(p);
      } else if (s.isSymbolicLink()) out.set(rel, `link -> ${readlinkSync(p)}`);
      else if (s.isFile()) out.set(rel, `file ${mode} ${readFileSync(p, "latin1")}`);
      else out.set(rel, `special ${mode}`);
    }
  };
  walk(dir);
  return out;
}

/** Edits the scratch spec so that every generated source file and the docs change (licence, title). */
export function touchEveryOutput(dir: string): void {
  const spec = join(dir, "protocol.yaml");
  const text = readFileSync(spec, "utf8");
  const changed = text.replace("Copyright (c) 2025", "Copyright (c) 2031").replace(/^( {2}title: .*)\.$/m, "$1 (revised).");
  if (changed === text || !changed.includes("(revised)")) throw new Error("the seed's licence or title moved: update touchEveryOutput");
  writeFileSync(spec, changed);
}
