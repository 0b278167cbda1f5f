#!/usr/bin/env node
// Installs the anchor tools (bench/anchors) for `npm run bench` with `npm ci`, unless the installed
// tree was put there by `npm ci` from the very same lock: a rerun then starts measuring at once,
// and a fresh clone or a changed lock still gets a clean install. Errors are shown, not silenced.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "anchors");
const hash = createHash("sha256")
  .update(readFileSync(join(dir, "package.json")))
  .update(readFileSync(join(dir, "package-lock.json")))
  .digest("hex");
const marker = join(dir, "node_modules", ".installed-from");
if (existsSync(marker) && readFileSync(marker, "utf8") === hash) {
  process.stderr.write("bench anchors: installed from this lock already\n");
} else {
  process.stderr.write("bench anchors: npm ci in bench/anchors\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm ci in bench/anchors failed (exit ${r.status ?? r.signal})`);
  writeFileSync(marker, hash);
}
