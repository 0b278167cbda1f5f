/** The build step `npm run gen` and `npm run check` start with: skipped when nothing changed, never leaving a stale bundle. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./run.js";

function build(dir: string): { status: number; stderr: string } {
  const r = spawnSync(process.execPath, ["tools/build.mjs"], { cwd: dir, encoding: "utf8" });
  return { status: r.status ?? -1, stderr: r.stderr };
}

describe("tools/build.mjs", () => {
  it("builds when the bundle is missing or a source changed, and only then", () => {
    const dir = mkdtempSync(join(tmpdir(), "wiredefs-build-"));
    for (const f of ["generator", "tools", "bin", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"]) {
      cpSync(join(REPO, f), join(dir, f), { recursive: true });
    }
    symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
    const bundle = join(dir, "dist/wiredefs.js");

    const first = build(dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain("bundle rebuilt");
    const built = statSync(bundle).mtimeMs;

    const again = build(dir);
    expect(again).toEqual({ status: 0, stderr: "" });
    expect(statSync(bundle).mtimeMs).toBe(built);

    const cli = join(dir, "generator/cli.ts");
    writeFileSync(cli, readFileSync(cli, "utf8").replace("print the wiredefs version", "print the version of wiredefs"));
    const changed = build(dir);
    expect(changed.stderr).toContain("bundle rebuilt");
    expect(readFileSync(bundle, "utf8")).toContain("print the version of wiredefs");

    // The manifest is an input too (dependencies, version), and a deleted bundle is rebuilt.
    const manifest = join(dir, "package.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace(/"version": "[^"]+"/, '"version": "99.0.0"'));
    expect(build(dir).stderr).toContain("bundle rebuilt");
    rmSync(bundle);
    expect(build(dir).stderr).toContain("bundle rebuilt");
    expect(statSync(bundle).isFile()).toBe(true);
  });
});
