/**
 * The fast paths of check and gen (generator/commands/fast-path.ts): on a tree gen left untouched
 * they answer from the digests gen recorded, without loading the generator; any one-byte change
 * to the spec, the lock, the owned-file list or any generated file makes them decline, and the
 * full check then reports the drift. gen's also declines for a spec that drew warnings, which
 * only the full path prints. To tell which path answered, the CLI runs from a copy of the package
 * whose full bundle is removed after gen: only the fast path can succeed there.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, snapshot } from "./run.js";

const pkg = mkdtempSync(join(tmpdir(), "wiredefs-fast-pkg-"));
for (const file of ["package.json", "bin/wiredefs.js", "dist/fast-path.js", "dist/wiredefs.js"]) {
  mkdirSync(join(pkg, file, ".."), { recursive: true });
  cpSync(join(REPO, file), join(pkg, file));
}
const FULL = readFileSync(join(pkg, "dist/wiredefs.js"));

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(pkg, "bin/wiredefs.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh copy of this repo's spec (`edit`ed), generated with the copied package. */
function generatedTree(edit: (spec: string) => string = (spec) => spec): string {
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-fast-"));
  writeFileSync(join(dir, "protocol.yaml"), edit(readFileSync(join(REPO, "protocol.yaml"), "utf8")));
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
    const fastGen = withoutFullBundle(() => cli(tree, "gen"));
    expect(fastGen.status).not.toBe(0);
    expect(fastGen.stderr).toMatch(/wiredefs\.js|Cannot find module/);
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

/** The spec with an enum no key uses: warning WD391. */
const withUnusedEnum = (spec: string): string => spec.replace("enums:\n", "enums:\n  UnusedKind:\n    values:\n      ONLY: { value: only }\n");

describe("gen's fast path", () => {
  const dir = generatedTree();

  it("answers an untouched tree without the generator, with the full gen's summary, and touches nothing", () => {
    const before = snapshot(dir, { mtimes: true });
    const fast = withoutFullBundle(() => cli(dir, "gen"));
    expect(fast.status, fast.stderr).toBe(0);
    expect(fast.stderr).toBe("");
    expect(snapshot(dir, { mtimes: true })).toEqual(before);
    // --lock-timeout (its default) is an option the fast path does not take: the full gen runs.
    const full = cli(dir, "gen", "--no-progress", "--lock-timeout", "10");
    expect(full.status, full.stderr).toBe(0);
    expect(snapshot(dir, { mtimes: true })).toEqual(before);
    const summary = (s: string) => /^wiredefs: (wrote 0 files, \d+ unchanged \(from protocol\.yaml\)) in \d+\.\d\d s\n$/.exec(s)?.[1];
    expect(summary(fast.stdout)).toBeDefined();
    expect(summary(fast.stdout)).toBe(summary(full.stdout));
  });

  it.each([["--target", "python"], ["--accept-breaking"], ["--adopt", "README.md"], ["--root", "."]])("takes the full path with %s", (...args) => {
    const fast = withoutFullBundle(() => cli(dir, "gen", ...args));
    expect(fast.status).not.toBe(0);
    expect(fast.stderr).toMatch(/wiredefs\.js|Cannot find module/);
  });

  it("takes the full path for a spec that drew warnings, and the full path prints them again", () => {
    const warned = generatedTree(withUnusedEnum);
    const stamp = (JSON.parse(readFileSync(join(warned, "protocol.files.json"), "utf8")) as { stamp: { warned?: boolean } }).stamp;
    expect(stamp.warned).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "protocol.files.json"), "utf8")).stamp).not.toHaveProperty("warned");
    const fast = withoutFullBundle(() => cli(warned, "gen"));
    expect(fast.status).not.toBe(0);
    expect(fast.stderr).toMatch(/wiredefs\.js|Cannot find module/);
    const again = cli(warned, "gen", "--no-progress");
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/warning WD391/);
    expect(again.stdout).toMatch(/wrote 0 files/);
    // check prints no spec warnings: its fast path still answers.
    const check = withoutFullBundle(() => cli(warned, "check"));
    expect(check.status, check.stderr).toBe(0);
  });

  it("gen records the warnings in a stamp that lacks them, though every file is the same", () => {
    // A list written before the stamp said so: its digests all hold, but it claims no warnings.
    const tree = generatedTree(withUnusedEnum);
    const path = join(tree, "protocol.files.json");
    const before = readFileSync(path, "utf8");
    const stripped = before.replace(/\n {4}"warned": true,/, "");
    expect(stripped).not.toBe(before);
    writeFileSync(path, stripped);
    const full = cli(tree, "gen", "--no-progress", "--lock-timeout", "10");
    expect(full.status, full.stderr).toBe(0);
    expect(full.stderr).toMatch(/warning WD391/);
    expect(full.stdout).toMatch(/wrote 1 file, \d+ unchanged/);
    expect(readFileSync(path, "utf8")).toBe(before);
  });
});
