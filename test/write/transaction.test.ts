/**
 * All or nothing after a partial swap: the real gen command with a file system that fails at the
 * Nth call of each kind, for every N the run makes. Whatever fails, the tree is exactly as before
 * (every entry's kind, mode and bytes), and the failure is one line with the path and the cause.
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runGen } from "../../generator/commands/gen.js";
import { NODE_FS, type FsOps } from "../../generator/write/index.js";
import { scratchCopy, tree } from "./harness.js";

type Op = keyof FsOps;

/** A copy whose gen creates a directory, writes new files, replaces files and deletes orphans. */
function changedCopy(): string {
  const dir = scratchCopy();
  const spec = join(dir, "protocol.yaml");
  const text = readFileSync(spec, "utf8");
  const changed = text.replace("Copyright (c) 2025", "Copyright (c) 2031").replace("    package: client_api\n", "    package: client_api2\n");
  expect(changed).not.toBe(text);
  writeFileSync(spec, changed);
  return dir;
}

/** NODE_FS, counting calls, failing the `failAt`-th call of `op` (and, with `alsoUndo`, every call after it). */
function faulty(op: Op | undefined, failAt: number, alsoUndo = false): { fs: FsOps; calls: Map<Op, number> } {
  const calls = new Map<Op, number>();
  const wrap = <K extends Op>(name: K): FsOps[K] =>
    ((...args: never[]) => {
      const n = (calls.get(name) ?? 0) + 1;
      calls.set(name, n);
      if (name === op && (n === failAt || (alsoUndo && n > failAt))) {
        throw Object.assign(new Error(`injected ${name} failure`), { code: "EIO" });
      }
      return (NODE_FS[name] as (...a: never[]) => void)(...args);
    }) as FsOps[K];
  return { fs: { mkdir: wrap("mkdir"), writeNew: wrap("writeNew"), rename: wrap("rename"), unlink: wrap("unlink"), rmdir: wrap("rmdir") }, calls };
}

function gen(dir: string, fs: FsOps): { status: number; stderr: string } {
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    return { status: runGen(join(dir, "protocol.yaml"), { acceptBreaking: false, fs }), stderr };
  } finally {
    spy.mockRestore();
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("gen's transaction", () => {
  const counted = faulty(undefined, 0);
  const reference = changedCopy();
  const ok = gen(reference, counted.fs);

  it("makes every kind of change in the run the failures are injected into", () => {
    expect(ok).toEqual({ status: 0, stderr: "" });
    // 1 new directory (the renamed package); 4 replaced files (the licence in the TS modules, the
    // owned-file list) + 3 new ones staged; 4 backups + 7 swaps + 3 orphans (the old package) renamed.
    expect(Object.fromEntries(counted.calls)).toMatchObject({ mkdir: 1, writeNew: 7, rename: 14 });
  });

  for (const op of ["mkdir", "writeNew", "rename"] as const) {
    it(`leaves the tree exactly as before when the Nth ${op} fails, for every N`, () => {
      const total = counted.calls.get(op) ?? 0;
      expect(total).toBeGreaterThan(0);
      for (let n = 1; n <= total; n++) {
        const dir = changedCopy();
        const before = tree(dir);
        const r = gen(dir, faulty(op, n).fs);
        expect([n, r.status]).toEqual([n, 2]);
        expect(r.stderr).toMatch(/^wiredefs: cannot (?:create directory|write|replace|delete) \S+: input\/output error \(EIO\)\n {2}hint: .*; no file was changed\.\n$/);
        expect(tree(dir)).toEqual(before);
      }
    });
  }

  it("says the tree may be mixed when undoing fails too, instead of claiming it is unchanged", () => {
    const dir = changedCopy();
    const r = gen(dir, faulty("rename", 9, true).fs);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("(and undoing the steps already done failed too)");
    expect(r.stderr).toContain("git status");
  });

  it("gives a replaced file the permission bits it had, and a new file the umask's default", () => {
    const dir = changedCopy();
    chmodSync(join(dir, "generated/ts/defs.ts"), 0o640);
    chmodSync(join(dir, "generated/ts/messages.ts"), 0o444);
    expect(gen(dir, NODE_FS).status).toBe(0);
    expect(statSync(join(dir, "generated/ts/defs.ts")).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, "generated/ts/messages.ts")).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(dir, "generated/ts/defs.ts"), "utf8")).toContain("Copyright (c) 2031");
    const umask = process.umask();
    expect(statSync(join(dir, "generated/python/client_api2/defs.py")).mode & 0o777).toBe(0o666 & ~umask);
  });

  it("leaves no temp file or backup behind after a commit, and removes a directory its orphans emptied", () => {
    const names = [...tree(reference).keys()];
    expect(names.filter((p) => /\.wiredefs-\d+\.(?:tmp|bak)$/.test(p))).toEqual([]);
    expect(names).not.toContain("generated/python/client_api");
    expect(names).toContain("generated/python/client_api2/defs.py");
  });
});
