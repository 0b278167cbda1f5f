/**
 * `wiredefs check`'s fast path: proves nothing changed since `gen` without loading the spec, the
 * YAML parser or any emitter. It is bundled on its own (dist/check-fast.js) and run by the CLI
 * first; it answers only when the owned-file list's stamp (write/stamp.ts) matches the spec's
 * bytes, the wire lock's bytes, this build of the generator and the bytes of every generated file.
 * Anything else — an option it does not know, a missing or edited file, another generator build,
 * a file that is not a regular file — returns undefined, and the full check runs and explains.
 */
import { lstatSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { findSpec } from "./find-spec.js";
import type { Protocol } from "../model.js";
import { generatedNotice } from "../emit/header.js";
import { ownedListText } from "../write/owned.js";
import { digest, generatorBuild, stampIn, type Stamp } from "../write/stamp.js";

/** Exit code 0 with the clean summary printed, or undefined: take the full path. */
export function fastCheck(args: readonly string[], cwd: string, started: number): 0 | undefined {
  const given = specArgument(args);
  if (given === false) return undefined;
  const specPath = given === undefined ? findSpec(cwd) : resolve(cwd, given);
  if (specPath === undefined) return undefined;
  const root = dirname(specPath);
  const name = basename(specPath);
  const specBytes = regularFile(specPath);
  const list = regularFile(join(root, `${name.replace(/\.ya?ml$/i, "")}.files.json`));
  if (specBytes === undefined || list === undefined) return undefined;
  const stamp = stampOf(list);
  if (stamp === undefined || stamp.generator !== generatorBuild() || stamp.generator === "source") return undefined;
  if (!isListGenWrote(list, name, stamp)) return undefined;
  if (stamp.spec !== digest(specBytes)) return undefined;
  const lock = regularFile(join(root, `${name.replace(/\.ya?ml$/i, "")}.lock.json`));
  if ((lock === undefined ? "" : digest(lock)) !== stamp.lock) return undefined;
  const paths = Object.keys(stamp.files);
  for (const path of paths) {
    if (!isPlainRelative(path)) return undefined;
    const bytes = regularFile(join(root, ...path.split("/")));
    if (bytes === undefined || digest(bytes) !== stamp.files[path]) return undefined;
  }
  const shown = (relative(cwd, specPath) || specPath).split(sep).join("/");
  const count = paths.length + 1;
  process.stdout.write(
    `wiredefs: ${count} generated file${count === 1 ? "" : "s"} match ${shown} in ${((Date.now() - started) / 1000).toFixed(2)} s\n`,
  );
  return 0;
}

/** `--spec FILE` / `--spec=FILE` and the progress switches; false for anything else. */
function specArgument(args: readonly string[]): string | undefined | false {
  let spec: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--no-progress" || arg === "--progress") continue;
    if (arg === "--spec" && i + 1 < args.length && spec === undefined) spec = args[++i];
    else if (arg.startsWith("--spec=") && spec === undefined) spec = arg.slice("--spec=".length);
    else return false;
  }
  return spec === "" ? false : spec;
}

function regularFile(path: string): Buffer | undefined {
  try {
    return lstatSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function stampOf(list: Buffer): Stamp | undefined {
  try {
    return stampIn(JSON.parse(list.toString("utf8")));
  } catch {
    return undefined;
  }
}

/**
 * The owned-file list is itself an output: its bytes must be exactly what gen writes for this
 * stamp (its notice, every stamped path sorted, the stamp), or the full check compares it.
 */
function isListGenWrote(list: Buffer, specName: string, stamp: Stamp): boolean {
  const paths = Object.keys(stamp.files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files = Object.fromEntries(paths.map((path) => [path, stamp.files[path] ?? ""]));
  const notice = generatedNotice({ file: specName } as Protocol).join(" ");
  return list.equals(Buffer.from(ownedListText(notice, paths, { ...stamp, files })));
}

function isPlainRelative(path: string): boolean {
  return path !== "" && !path.startsWith("/") && !path.includes("\\") && path.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}
