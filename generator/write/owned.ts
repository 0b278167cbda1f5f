/**
 * The files wiredefs owns: exactly the files it generated, listed in a committed manifest beside
 * the spec (`protocol.files.json` for `protocol.yaml`). `gen` replaces only those files, deletes
 * one it listed before and no longer produces (if it still carries the generated header), and
 * leaves every other file in the output directories alone; `check` compares only those files.
 * Pure: rendering and parsing; the commands read and write it with the other outputs.
 */
import { generatedNotice } from "../emit/header.js";
import type { GeneratedFile, Protocol } from "../model.js";
import { stampIn, type Stamp } from "./stamp.js";

/** `protocol.yaml` → `protocol.files.json` (beside the spec, like the wire lock). */
export function ownedListPathFor(specPath: string): string {
  return `${specPath.replace(/\.ya?ml$/i, "")}.files.json`;
}

/**
 * The manifest listing `files` (paths relative to the spec's directory), sorted, one per line,
 * and the stamp gen recorded (see stamp.ts), when given.
 */
export function renderOwnedList(protocol: Protocol, path: string, files: readonly GeneratedFile[], stamp?: Stamp): GeneratedFile {
  const paths = [...new Set(files.map((f) => f.path))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { path, text: ownedListText(generatedNotice(protocol).join(" "), paths, stamp) };
}

/**
 * The list's text from its parts. check's fast path renders it again from the stamp it read, so
 * a list edited by hand (even by one byte that JSON ignores) is never taken for the one gen wrote.
 */
export function ownedListText(comment: string, paths: readonly string[], stamp?: Stamp): string {
  const list = { $comment: comment, files: paths, ...(stamp === undefined ? {} : { stamp }) };
  return `${JSON.stringify(list, null, 2)}\n`;
}

export type OwnedList =
  | { readonly ok: true; readonly files: readonly string[]; readonly stamp?: Stamp | undefined }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads a manifest back; entries that are not safe relative paths make the whole list unusable.
 * `maxUp`: how many leading `..` a path may have (the spec's depth below the repository root).
 */
export function parseOwnedList(text: string, maxUp = 0): OwnedList {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: "it is not valid JSON" };
  }
  const files = (value as { files?: unknown } | null)?.files;
  if (typeof value !== "object" || value === null || !Array.isArray(files)) {
    return { ok: false, problem: 'it has no "files" list' };
  }
  for (const entry of files as unknown[]) {
    if (typeof entry !== "string" || !isSafeRelativePath(entry, maxUp)) {
      const inside = maxUp === 0 ? "the spec's directory" : "the repository";
      return { ok: false, problem: `it lists ${JSON.stringify(entry)}, which is no path inside ${inside}` };
    }
  }
  return { ok: true, files: files as string[], stamp: stampIn(value) };
}

/**
 * Relative, POSIX, no `.` or empty segments, no backslash or control character, and no `..` but
 * at most `maxUp` leading ones (a path that climbs out of the spec's directory, not out of the
 * repository).
 */
export function isSafeRelativePath(path: string, maxUp = 0): boolean {
  if (path === "" || path.startsWith("/") || path.includes("\\") || /^[A-Za-z]:/.test(path)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  const segments = path.split("/");
  const climbs = segments.findIndex((s) => s !== "..");
  if (climbs === -1 || climbs > maxUp) return false;
  return segments.slice(climbs).every((s) => s !== "" && s !== "." && s !== "..");
}
