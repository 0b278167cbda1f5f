/** Reading the spec as it was at a git revision: `git show REF:./path`. Used by `wiredefs breaking --against`. */
import { execFileSync } from "node:child_process";
import { basename, dirname, resolve } from "node:path";

export type SpecAtRef = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** `specPath` is resolved against the working directory; `ref` is anything `git show` takes (main, HEAD~1, a sha). */
export function readSpecAtRef(ref: string, specPath: string): SpecAtRef {
  if (ref.startsWith("-")) return { ok: false, message: `not a git revision: ${ref}` };
  const absolute = resolve(specPath);
  try {
    const text = execFileSync("git", ["show", `${ref}:./${basename(absolute)}`], {
      cwd: dirname(absolute),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, text };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    return { ok: false, message: stderr === "" ? String(error) : (stderr.split("\n")[0] ?? stderr) };
  }
}
