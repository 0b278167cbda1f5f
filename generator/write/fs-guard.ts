/**
 * The file system as found: what sits at an output path and on the way to it, seen with lstat
 * only (a symbolic link is never followed, a FIFO or device never opened), so wiredefs writes
 * nothing outside the spec's tree, never hangs, and says what it found where.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readlinkSync } from "node:fs";
import type { Stats } from "node:fs";
import { join } from "node:path";
import { ioFailure } from "./io-error.js";

/** What is at an output path (relative to the spec's directory, POSIX separators). */
export type Found =
  | { readonly kind: "missing"; readonly missingDirs: readonly string[] }
  | {
      readonly kind: "file";
      readonly bytes: Uint8Array;
      /** The bytes decoded as UTF-8 (decoded when first asked for: comparing with an output needs only the bytes). */
      readonly text: string;
      readonly mode: number;
      readonly dev: number;
      readonly ino: number;
    }
  | { readonly kind: "blocked"; readonly at: string; readonly what: string; readonly onPath: boolean };

/** Probes paths under one root, remembering the directories it has seen (one lstat per directory). */
export class Probe {
  readonly #root: string;
  readonly #show: (rel: string) => string;
  readonly #dirs = new Map<string, Found | "dir">();

  /** `show` turns a root-relative path into the path printed in messages. */
  constructor(root: string, show: (rel: string) => string) {
    this.#root = root;
    this.#show = show;
  }

  /** What is at `rel`; a regular file is read (opened without following links, non-blocking). */
  find(rel: string): Found {
    const segments = rel.split("/");
    const missingDirs: string[] = [];
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join("/");
      const seen = this.#dir(dir);
      if (seen === "dir") continue;
      if (seen.kind === "missing") {
        for (let j = i; j < segments.length; j++) missingDirs.push(segments.slice(0, j).join("/"));
        return { kind: "missing", missingDirs };
      }
      return seen;
    }
    const stats = this.#lstat(rel);
    if (stats === undefined) return { kind: "missing", missingDirs };
    if (!stats.isFile()) return { kind: "blocked", at: rel, what: this.#describe(rel, stats), onPath: false };
    return this.#read(rel);
  }

  #dir(dir: string): Found | "dir" {
    const cached = this.#dirs.get(dir);
    if (cached !== undefined) return cached;
    const stats = this.#lstat(dir);
    const found: Found | "dir" =
      stats === undefined
        ? { kind: "missing", missingDirs: [] }
        : stats.isDirectory()
          ? "dir"
          : { kind: "blocked", at: dir, what: this.#describe(dir, stats), onPath: true };
    this.#dirs.set(dir, found);
    return found;
  }

  #lstat(rel: string): Stats | undefined {
    try {
      return lstatSync(join(this.#root, rel));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw ioFailure("inspect", this.#show(rel), error);
    }
  }

  #read(rel: string): Found {
    let fd: number;
    try {
      // O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a link or a FIFO since lstat, the
      // open fails or returns at once instead of following it or waiting for a writer.
      fd = openSync(join(this.#root, rel), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      throw ioFailure("read", this.#show(rel), error);
    }
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) return { kind: "blocked", at: rel, what: this.#describe(rel, stats), onPath: false };
      return fileFound(readFileSync(fd), stats);
    } catch (error) {
      throw ioFailure("read", this.#show(rel), error);
    } finally {
      closeSync(fd);
    }
  }

  #describe(rel: string, stats: Stats): string {
    if (stats.isDirectory()) return "a directory";
    if (stats.isSymbolicLink()) {
      let target = "";
      try {
        target = readlinkSync(join(this.#root, rel));
      } catch {
        // Unreadable link target: say only that it is a link.
      }
      return target === "" ? "a symbolic link" : `a symbolic link (to ${JSON.stringify(target)})`;
    }
    if (stats.isFIFO()) return "a FIFO (named pipe)";
    if (stats.isSocket()) return "a socket";
    if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
    if (stats.isFile()) return "a file";
    return "not a regular file";
  }
}

function fileFound(bytes: Buffer, stats: Stats): Found {
  let text: string | undefined;
  return {
    kind: "file",
    bytes,
    get text(): string {
      text ??= bytes.toString("utf8");
      return text;
    },
    mode: stats.mode & 0o7777,
    dev: stats.dev,
    ino: stats.ino,
  };
}
