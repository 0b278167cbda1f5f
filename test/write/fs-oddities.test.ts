/**
 * The file system as found: links (outside the tree, loops, dangling), FIFOs, sockets and devices,
 * the spec itself at an output path. Each is a located error or is left alone; never a write
 * outside the tree, a hang (a FIFO is never opened for reading) or a stack trace.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { giveAway, IS_ROOT, scratchForUnprivileged, sh, touchEveryOutput, tree, unprivileged } from "./harness.js";

const NO_STACK = /\n\s+at .+:\d+:\d+\)?\n/;

function changed(): string {
  const dir = scratchForUnprivileged();
  touchEveryOutput(dir);
  return dir;
}

function mkfifo(path: string): void {
  sh(`mkfifo '${path}'`);
}

function socketAt(path: string): void {
  const r = spawnSync("python3", ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path]);
  expect(r.status).toBe(0);
}

function deviceAt(path: string): void {
  // A character device like /dev/null; creating one needs root, which CI has.
  expect(IS_ROOT).toBe(true);
  sh(`mknod '${path}' c 1 3`);
}

describe("gen and check on the file system as found", () => {
  it("an output directory that is a link to a directory outside the tree: WD503, nothing written there", () => {
    const dir = changed();
    const outside = mkdtempSync(join(tmpdir(), "wiredefs-outside-"));
    giveAway(outside);
    rmSync(join(dir, "generated/ts"), { recursive: true });
    symlinkSync(outside, join(dir, "generated/ts"));
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(
      new RegExp(`^protocol\\.yaml:\\d+:\\d+ error WD503: generated/ts is a symbolic link \\(to "${outside}"\\), on the way to generated/ts/defs\\.ts \\(written by outputs\\.typescript\\)$`, "m"),
    );
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.status).toBe(2);
    expect(readdirSync(outside)).toEqual([]);
    expect(tree(dir)).toEqual(before);
    const c = unprivileged(["check"], dir);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain(`blocked: generated/ts/defs.ts (generated/ts is a symbolic link (to "${outside}"))`);
  });

  it("an orphan behind a link to a directory outside the tree is not deleted there (WD505)", () => {
    const dir = changed();
    const outside = mkdtempSync(join(tmpdir(), "wiredefs-outside-"));
    cpSync(join(dir, "generated/ts"), outside, { recursive: true });
    giveAway(outside);
    rmSync(join(dir, "generated/ts"), { recursive: true });
    symlinkSync(outside, join(dir, "generated/ts"));
    const spec = join(dir, "protocol.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("  typescript:\n    dir: generated/ts\n", ""));
    const outsideBefore = tree(outside);
    const r = unprivileged(["gen"], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`warning WD505: generated/ts/defs.ts was generated before and is no longer written, but it lies behind generated/ts, which is now a symbolic link (to "${outside}"); left in place`);
    expect(tree(outside)).toEqual(outsideBefore);
  });

  it("a link even to a directory inside the tree is refused: wiredefs never writes through links", () => {
    const dir = changed();
    mkdirSync(join(dir, "elsewhere"));
    rmSync(join(dir, "generated/docs"), { recursive: true });
    symlinkSync("../elsewhere", join(dir, "generated/docs"));
    giveAway(join(dir, "elsewhere"));
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(/error WD503: generated\/docs is a symbolic link \(to "\.\.\/elsewhere"\), on the way to generated\/docs\/client_api\.md/);
    expect(r.status).toBe(2);
    expect(readdirSync(join(dir, "elsewhere"))).toEqual([]);
  });

  it("a link loop and a dangling link at output paths: WD502 for each, links untouched", () => {
    const dir = changed();
    rmSync(join(dir, "generated/ts/defs.ts"));
    symlinkSync("defs.ts", join(dir, "generated/ts/defs.ts"));
    rmSync(join(dir, "generated/ts/index.ts"));
    symlinkSync("../../nowhere/index.ts", join(dir, "generated/ts/index.ts"));
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(/error WD502: generated\/ts\/defs\.ts \(written by outputs\.typescript\) is a symbolic link \(to "defs\.ts"\), not a regular file/);
    expect(r.stderr).toMatch(/error WD502: generated\/ts\/index\.ts \(written by outputs\.typescript\) is a symbolic link \(to "\.\.\/\.\.\/nowhere\/index\.ts"\), not a regular file/);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.status).toBe(2);
    expect(tree(dir)).toEqual(before);
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
    const c = unprivileged(["check"], dir);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain("blocked: generated/ts/defs.ts");
  });

  it("a FIFO, a socket and a device inside output directories are left alone, and nothing hangs", () => {
    const dir = changed();
    mkfifo(join(dir, "generated/ts/pipe"));
    socketAt(join(dir, "generated/python/client_api/sock"));
    deviceAt(join(dir, "generated/docs/null"));
    giveAway(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const c = unprivileged(["check"], dir);
    expect(c.status).toBe(0);
    const after = tree(dir);
    expect(after.get("generated/ts/pipe")).toMatch(/^special /);
    expect(after.get("generated/python/client_api/sock")).toMatch(/^special /);
    expect(after.get("generated/docs/null")).toMatch(/^special /);
  });

  it("a FIFO, a socket or a device at an output path: WD502 naming what it is, no hang, nothing written", () => {
    const dir = changed();
    for (const p of ["generated/ts/index.ts", "generated/python/client_api/defs.py", "generated/docs/client_api.md"]) rmSync(join(dir, p));
    mkfifo(join(dir, "generated/ts/index.ts"));
    socketAt(join(dir, "generated/python/client_api/defs.py"));
    deviceAt(join(dir, "generated/docs/client_api.md"));
    giveAway(dir);
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(/error WD502: generated\/ts\/index\.ts \(written by outputs\.typescript\) is a FIFO \(named pipe\), not a regular file/);
    expect(r.stderr).toMatch(/error WD502: generated\/python\/client_api\/defs\.py \(written by outputs\.python\) is a socket, not a regular file/);
    expect(r.stderr).toMatch(/error WD502: generated\/docs\/client_api\.md \(written by outputs\.docs\) is a device, not a regular file/);
    expect(r.status).toBe(2);
    expect(tree(dir)).toEqual(before);
    const c = unprivileged(["check"], dir);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain("blocked: generated/ts/index.ts (generated/ts/index.ts is a FIFO (named pipe))");
  });

  it("the spec itself at an output path (a hard link, or a symbolic link to it): refused, the spec intact", () => {
    const dir = changed();
    rmSync(join(dir, "generated/docs/client_api.md"));
    linkSync(join(dir, "protocol.yaml"), join(dir, "generated/docs/client_api.md"));
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(/^protocol\.yaml:\d+:\d+ error WD504: generated\/docs\/client_api\.md \(written by outputs\.docs\) is the spec itself$/m);
    expect(r.status).toBe(2);
    expect(tree(dir)).toEqual(before);

    rmSync(join(dir, "generated/docs/client_api.md"));
    symlinkSync("../../protocol.yaml", join(dir, "generated/docs/client_api.md"));
    const s = unprivileged(["gen"], dir);
    expect(s.stderr).toMatch(/error WD502: generated\/docs\/client_api\.md \(written by outputs\.docs\) is a symbolic link/);
    expect(s.status).toBe(2);
    expect(tree(dir).get("protocol.yaml")).toBe(before.get("protocol.yaml"));
  });
});
