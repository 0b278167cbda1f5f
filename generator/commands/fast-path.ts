/**
 * The fast path of `wiredefs check` and `wiredefs gen`: proves nothing changed since `gen`
 * without loading the spec, the YAML parser or any emitter. It is bundled on its own
 * (dist/fast-path.js) and run by the CLI first; it answers only when the owned-file list's stamp
 * (write/stamp.ts) matches the spec's bytes, the wire lock's bytes, this build of the generator
 * and the bytes of every generated file. `check` then has nothing to report; `gen` has nothing to
 * write, and answers unless the stamp says the spec drew warnings, which the full path prints
 * again. Anything else — an option it does not know, a missing or edited file, another
 * generator build, a file that is not a regular file — returns undefined, and the full command
 * runs and explains (or writes).
 */
import { lstatSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { findSpec } from "./find-spec.js";
import type { Protocol } from "../model.js";
import { generatedNotice } from "../emit/header.js";
import { ownedListText } from "../write/owned.js";
import { digest, generatorBuild, stampIn, type Stamp } from "../write/stamp.js";

/**
 * Exit code 0 with the summary the full command prints for an untouched tree, or undefined:
 * take the full path. `started`: when the process started, for the elapsed time shown.
 */
export function fastPath(command: "check" | "gen", args: readonly string[], cwd: string, started: number): 0 | undefined {
  const tree = untouchedTree(args, cwd);
  if (tree === undefined || (command === "gen" && tree.stamp.warned === true)) return undefined;
  const { count, shown } = tree;
  const seconds = ((Date.now() - started) / 1000).toFixed(2);
  process.stdout.write(
    command === "check"
      ? `wiredefs: ${count} generated file${count === 1 ? "" : "s"} match ${shown} in ${seconds} s\n`
      : `wiredefs: wrote 0 files, ${count} unchanged (from ${shown}) in ${seconds} s\n`,
  );
  return 0;
}

/**
 * The tree gen left, untouched: its stamp, how many files gen would compare or write (the owned-file
 * list included) and the spec's path as the full command shows it; undefined when any of it is not proven.
 */
function untouchedTree(args: readonly string[], cwd: string): { stamp: Stamp; count: number; shown: string } | undefined {
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
  return { stamp, count: paths.length + 1, shown: (relative(cwd, specPath) || specPath).split(sep).join("/") };
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
 * stamp (its notice, every stamped path sorted, the stamp), or the full command compares it.
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
