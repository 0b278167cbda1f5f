/**
 * Real write failures, each leaving the tree exactly as before with one line naming the path and
 * the cause, exit 2. Run as an unprivileged user when the tests run as root (root ignores
 * directory permissions), so CI, which runs as root, proves them too.
 */
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { giveAway, IS_ROOT, scratchForUnprivileged, sh, touchEveryOutput, tree, unprivileged } from "./harness.js";

const ONE_LINE = (action: string, path: string, cause: string): RegExp =>
  new RegExp(`^wiredefs: cannot ${action} ${path.replaceAll("/", "\\/").replaceAll(".", "\\.")}: ${cause}\\n {2}hint: [^\\n]+; no file was changed\\.\\n$`);

/** A scratch copy whose gen would change most outputs. */
function changed(): string {
  const dir = scratchForUnprivileged();
  touchEveryOutput(dir);
  return dir;
}

/** Moves `dir/generated` onto a fresh tmpfs of `size` bytes mounted in its place. */
function onTmpfs(dir: string, size: number): string {
  const generated = join(dir, "generated");
  renameSync(generated, `${generated}.orig`);
  mkdirSync(generated);
  sh(`mount -t tmpfs -o size=${size},mode=0755 tmpfs '${generated}'`);
  sh(`cp -a '${generated}.orig/.' '${generated}/' && rm -rf '${generated}.orig'`);
  giveAway(generated);
  return generated;
}

/** Bytes the files under `dir` take, in 4 KiB pages. */
function pagesUsed(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += Math.ceil(statSync(join(e.parentPath, e.name)).size / 4096) * 4096;
  }
  return total;
}

describe("gen when the OS refuses a write", () => {
  it("runs these tests unprivileged (setpriv when root), so permissions are real", () => {
    const r = unprivileged(["--version"], "/");
    expect(r.status).toBe(0);
    if (IS_ROOT) expect(sh("setpriv --reuid=65534 --regid=65534 --clear-groups id -u").trim()).toBe("65534");
  });

  it("read-only output directory: EACCES, nothing changed", () => {
    const dir = changed();
    chmodSync(join(dir, "generated/ts"), 0o555);
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(ONE_LINE("write", "generated/ts/defs.ts", "permission denied \\(EACCES\\)"));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(tree(dir)).toEqual(before);
  });

  it("immutable file (chattr +i) met while swapping: the files already swapped are rolled back", () => {
    const dir = changed();
    const file = join(dir, "generated/ts/messages.ts");
    sh(`chattr +i '${file}'`);
    try {
      const before = tree(dir);
      const r = unprivileged(["gen"], dir);
      expect(r.stderr).toMatch(ONE_LINE("replace", "generated/ts/messages.ts", "operation not permitted \\(EPERM\\)"));
      expect(r.stderr).toContain("lsattr");
      expect(r.status).toBe(2);
      expect(tree(dir)).toEqual(before);
    } finally {
      sh(`chattr -i '${file}'`);
    }
  });

  it("read-only file system: EROFS, nothing changed", () => {
    const dir = changed();
    const generated = onTmpfs(dir, 1 << 20);
    try {
      sh(`mount -o remount,ro '${generated}'`);
      const before = tree(dir);
      const r = unprivileged(["gen"], dir);
      expect(r.stderr).toMatch(ONE_LINE("write", "generated/docs/client_api.md", "read-only file system \\(EROFS\\)"));
      expect(r.status).toBe(2);
      expect(tree(dir)).toEqual(before);
    } finally {
      sh(`umount '${generated}'`);
    }
  });

  it("disk full: ENOSPC while staging, nothing changed and no temp file left", () => {
    const dir = changed();
    const generated = join(dir, "generated");
    // Room for the committed outputs and one more page: the staged copies do not fit.
    const mount = onTmpfs(dir, pagesUsed(generated) + 4096);
    try {
      const before = tree(dir);
      const r = unprivileged(["gen"], dir);
      expect(r.stderr).toMatch(/^wiredefs: cannot write generated\/\S+: no space left on device \(ENOSPC\)\n {2}hint: free some disk space[^\n]*; no file was changed\.\n$/);
      expect(r.status).toBe(2);
      expect(tree(dir)).toEqual(before);
    } finally {
      sh(`umount '${mount}'`);
    }
  });

  it("a directory where a file should be: a located error before anything is written", () => {
    const dir = changed();
    rmSync(join(dir, "generated/ts/index.ts"));
    mkdirSync(join(dir, "generated/ts/index.ts"));
    giveAway(join(dir, "generated/ts/index.ts"));
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(/^protocol\.yaml:\d+:\d+ error WD502: generated\/ts\/index\.ts \(written by outputs\.typescript\) is a directory, not a regular file$/m);
    expect(r.stderr).toContain("no file was written");
    expect(r.status).toBe(2);
    expect(tree(dir)).toEqual(before);
  });

  it("a file where a directory should be: a located error naming that file", () => {
    const dir = changed();
    rmSync(join(dir, "generated/python/client_api"), { recursive: true });
    writeFileSync(join(dir, "generated/python/client_api"), "not a package\n");
    giveAway(join(dir, "generated/python/client_api"));
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(/^protocol\.yaml:\d+:\d+ error WD503: generated\/python\/client_api is a file, on the way to generated\/python\/client_api\/__init__\.py \(written by outputs\.python\)$/m);
    expect(r.status).toBe(2);
    expect(tree(dir)).toEqual(before);
  });

  it("the wire lock path is a directory: one line, exit 2, for gen and check", () => {
    const dir = changed();
    rmSync(join(dir, "protocol.lock.json"));
    mkdirSync(join(dir, "protocol.lock.json"));
    giveAway(join(dir, "protocol.lock.json"));
    const before = tree(dir);
    const r = unprivileged(["gen"], dir);
    expect(r.stderr).toMatch(/^wiredefs: cannot read protocol\.lock\.json: it is a directory\n {2}hint: [^\n]+\n$/);
    expect(r.status).toBe(2);
    const c = unprivileged(["check"], dir);
    expect(c.stderr).toMatch(/^wiredefs: cannot read protocol\.lock\.json: it is a directory\n/);
    expect(c.status).toBe(2);
    expect(tree(dir)).toEqual(before);
  });
});
