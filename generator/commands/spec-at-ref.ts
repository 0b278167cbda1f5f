/** Reading the spec as it was at a git revision: `git show REF:./path`. Used by `wiredefs breaking --against`. */
import { execFileSync } from "node:child_process";
import { basename, dirname, resolve } from "node:path";

export type SpecAtRef =
  | { readonly ok: true; readonly text: string }
  /** The revision exists but has no spec at that path: a new protocol. */
  | { readonly ok: false; readonly absent: true }
  | { readonly ok: false; readonly absent: false; readonly message: string; readonly hint?: string };

/** `specPath` is resolved against the working directory; `ref` is anything `git show` takes (main, HEAD~1, a sha). */
export function readSpecAtRef(ref: string, specPath: string): SpecAtRef {
  if (ref.startsWith("-")) return { ok: false, absent: false, message: `not a git revision: ${ref}` };
  const absolute = resolve(specPath);
  const cwd = dirname(absolute);
  const git = (...args: string[]): string =>
    execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  try {
    git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  } catch (error) {
    return { ok: false, absent: false, ...unknownRevision(ref, git, error) };
  }
  const path = `${ref}:./${basename(absolute)}`;
  try {
    git("cat-file", "-e", path);
  } catch {
    return { ok: false, absent: true };
  }
  try {
    return { ok: true, text: git("show", path) };
  } catch (error) {
    return { ok: false, absent: false, message: firstLine(error) };
  }
}

function unknownRevision(ref: string, git: (...args: string[]) => string, error: unknown): { message: string; hint?: string } {
  const why = firstLine(error);
  if (/not a git repository/i.test(why)) return { message: why, hint: "`--against` reads the spec from git history; run it inside the repository" };
  let shallow = false;
  try {
    shallow = git("rev-parse", "--is-shallow-repository").trim() === "true";
  } catch {
    // an old git without the flag: say nothing about depth
  }
  const remote = /^(?:refs\/remotes\/)?([^/]+)\/(.+)$/.exec(ref);
  const fetchIt = remote === null ? "" : ` or fetch just that branch: \`git fetch ${remote[1]} ${remote[2]}\``;
  if (shallow) {
    return {
      message: `${ref} is not in this clone: it is shallow (it holds only the last commits)`,
      hint:
        "CI checkouts fetch one commit by default; fetch the history: set `fetch-depth: 0` on actions/checkout, " +
        `or run \`git fetch --unshallow\`${fetchIt}`,
    };
  }
  return {
    message: `${ref} is not a revision in this repository`,
    hint: `name a branch, tag or commit (main, origin/main, HEAD~1, v1.2.0)${fetchIt}`,
  };
}

function firstLine(error: unknown): string {
  const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
  return stderr === "" ? String((error as { message?: unknown }).message ?? error) : (stderr.split("\n")[0] ?? stderr);
}
