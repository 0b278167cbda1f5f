/**
 * check's fast path (generator/commands/check-fast.ts): on a tree gen left untouched it answers
 * from the digests gen recorded, without loading the generator; any one-byte change to the spec,
 * the lock, the owned-file list or any generated file makes it decline, and the full check then
 * reports the drift. To tell which path answered, the CLI runs from a copy of the package whose
 * full bundle is removed after gen: only the fast path can succeed there.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./run.js";

const pkg = mkdtempSync(join(tmpdir(), "wiredefs-fast-pkg-"));
for (const file of ["package.json", "bin/wiredefs.js", "dist/check-fast.js", "dist/wiredefs.js"]) {
  mkdirSync(join(pkg, file, ".."), { recursive: true });
  cpSync(join(REPO, file), join(pkg, file));
}
const FULL = readFileSync(join(pkg, "dist/wiredefs.js"));

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(pkg, "bin/wiredefs.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh copy of this repo's spec, generated with the copied package. */
function generatedTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-fast-"));
  cpSync(join(REPO, "protocol.yaml"), join(dir, "protocol.yaml"));
  cpSync(join(REPO, "protocol.lock.json"), join(dir, "protocol.lock.json"));
  writeFileSync(join(pkg, "dist/wiredefs.js"), FULL);
  const gen = cli(dir, "gen");
  expect(gen.status, gen.stderr).toBe(0);
  return dir;
}

const withoutFullBundle = <T>(body: () => T): T => {
  rmSync(join(pkg, "dist/wiredefs.js"));
  try {
    return body();
  } finally {
    writeFileSync(join(pkg, "dist/wiredefs.js"), FULL);
  }
};

describe("check's fast path", () => {
  const dir = generatedTree();
  const owned = JSON.parse(readFileSync(join(dir, "protocol.files.json"), "utf8")) as { files: string[]; stamp: { files: object } };

  it("gen records a digest of every file it wrote", () => {
    expect(Object.keys(owned.stamp.files).sort()).toEqual([...owned.files].sort());
  });

  it("answers an untouched tree without the generator, with the full check's summary", () => {
    const fast = withoutFullBundle(() => cli(dir, "check"));
    expect(fast.status, fast.stderr).toBe(0);
    const full = cli(dir, "check", "--no-progress", "--stat");
    expect(full.status, full.stderr).toBe(0);
    const count = (s: string) => /(\d+) generated files match protocol\.yaml/.exec(s)?.[1];
    expect(count(fast.stdout)).toBe(String(owned.files.length + 1));
    expect(count(fast.stdout)).toBe(count(full.stdout));
  });

  const edited = [...owned.files, "protocol.yaml", "protocol.lock.json", "protocol.files.json"];
  it.each(edited)("declines after a one-byte edit of %s, and the full check reports it", (file) => {
    const tree = mkdtempSync(join(tmpdir(), "wiredefs-fast-edit-"));
    cpSync(dir, tree, { recursive: true });
    const path = join(tree, file);
    const bytes = readFileSync(path);
    // Replace one byte in the middle by another printable one (a space becomes "x", else a space).
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at] === 0x20 ? 0x78 : 0x20;
    writeFileSync(path, bytes);
    const fast = withoutFullBundle(() => cli(tree, "check"));
    expect(fast.status).not.toBe(0);
    expect(fast.stderr).toMatch(/wiredefs\.js|Cannot find module/);
    // A spec edit may fall in a comment and change no output; every other edit is drift.
    if (file === "protocol.yaml") return;
    const full = cli(tree, "check", "--stat");
    expect(full.status).not.toBe(0);
  });

  // The owned-file list is an output too: an edit that leaves its stamp readable and true (JSON
  // ignores the space; the notice is no digest) still makes it a file gen did not write.
  const listEdits: [string, (text: string) => string][] = [
    ["a space after its last line", (text) => `${text} `],
    ["one letter of its notice", (text) => text.replace("DO NOT EDIT", "DO NOT EDIt")],
    ["two of its listed files swapped", (text) => text.replace(/("generated\/[^"]+",)\n(\s*)("generated\/[^"]+",)/, "$3\n$2$1")],
  ];
  it.each(listEdits)("declines when the owned-file list differs from what gen wrote by %s, and the full check reports it", (_what, edit) => {
    const tree = mkdtempSync(join(tmpdir(), "wiredefs-fast-list-"));
    cpSync(dir, tree, { recursive: true });
    const path = join(tree, "protocol.files.json");
    const before = readFileSync(path, "utf8");
    const after = edit(before);
    expect(after).not.toBe(before);
    expect(JSON.parse(after).stamp).toEqual(JSON.parse(before).stamp);
    writeFileSync(path, after);
    const fast = withoutFullBundle(() => cli(tree, "check"));
    expect(fast.status).not.toBe(0);
    expect(fast.stderr).toMatch(/wiredefs\.js|Cannot find module/);
    const full = cli(tree, "check", "--stat");
    expect(full.status).not.toBe(0);
  });
});
