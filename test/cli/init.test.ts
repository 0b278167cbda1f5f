/** `wiredefs init` in a fresh git repository: what it scaffolds, that it overwrites nothing, and that the result runs. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, wiredefs } from "./run.js";

function freshRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-init-"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "commit", "-q", "--allow-empty", "-m", "start");
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
}

/** Stands in for `npm install wiredefs`: the project's node_modules/.bin/wiredefs is this repository's CLI. */
function installCli(dir: string): void {
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  symlinkSync(join(REPO, "bin/wiredefs.js"), join(dir, "node_modules/.bin/wiredefs"));
}

function sh(dir: string, script: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["FORCE_COLOR"];
  delete env["GITHUB_BASE_REF"];
  const r = spawnSync("sh", [script, ...args], { cwd: dir, encoding: "utf8", env });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("wiredefs init", () => {
  it("scaffolds a spec, scripts, CI job, hook and attributes that gen, check and the CI script accept", () => {
    const dir = freshRepo();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "@acme/chat-api", scripts: { test: "true" }, devDependencies: { prettier: "3" } }, null, 4));
    installCli(dir);
    const r = wiredefs(["init"], dir);
    expect(r.status).toBe(0);
    for (const f of ["protocol.yaml", "scripts/wiredefs-ci.sh", ".githooks/pre-commit", ".github/workflows/wiredefs.yml"]) {
      expect(r.stdout).toContain(`created   ${f}`);
    }
    const spec = readFileSync(join(dir, "protocol.yaml"), "utf8");
    expect(spec.split("\n")[0]).toBe("# yaml-language-server: $schema=./node_modules/wiredefs/generator/spec/protocol.schema.json");
    expect(spec).toContain("name: chat_api");
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts).toMatchObject({ test: "true", "wiredefs:check": "wiredefs check", "wiredefs:ci": "sh scripts/wiredefs-ci.sh" });
    expect(readFileSync(join(dir, "package.json"), "utf8")).toMatch(/^ {4}"scripts"/m);
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toContain("generated/ts/** linguist-generated=true eol=lf\n");
    expect(readFileSync(join(dir, ".prettierignore"), "utf8")).toContain("generated/python/\n");
    expect(statSync(join(dir, ".githooks/pre-commit")).mode & 0o111).not.toBe(0);
    expect(git(dir, "config", "core.hooksPath").trim()).toBe(".githooks");
    const workflow = readFileSync(join(dir, ".github/workflows/wiredefs.yml"), "utf8");
    expect(workflow).toContain("fetch-depth: 0");
    expect(workflow).toContain("run: sh scripts/wiredefs-ci.sh");

    expect(wiredefs(["gen"], dir).status).toBe(0);
    expect(wiredefs(["lint", "--strict"], dir).status).toBe(0);
    const check = wiredefs(["check"], dir);
    expect(check.status).toBe(0);
    const ci = sh(dir, "scripts/wiredefs-ci.sh", "HEAD");
    expect(ci.stderr).toBe("");
    expect(ci.stdout).toMatch(/^wiredefs: \d+ generated files match protocol\.yaml in .*\nwiredefs: protocol\.yaml does not exist at HEAD: a new protocol, nothing to compare\n$/);
    expect(ci.status).toBe(0);

    // Committed through the hook; then a breaking change fails the CI script against that commit.
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "protocol");
    writeFileSync(join(dir, "protocol.yaml"), spec.replace("        from: client\n        to: server\n", "        from: server\n        to: client\n"));
    const hook = sh(dir, ".githooks/pre-commit");
    expect(hook.status).toBe(1);
    const breaking = sh(dir, "scripts/wiredefs-ci.sh", "HEAD");
    expect(breaking.status).toBe(1);
    expect(breaking.stdout + breaking.stderr).toContain("TOPIC_DIRECTION_CHANGED");
  });

  it("never overwrites a file, adds only what is missing, and a second run changes nothing", () => {
    const dir = freshRepo();
    const mine = "# my own spec\n";
    writeFileSync(join(dir, "protocol.yaml"), mine);
    writeFileSync(join(dir, "package.json"), '{\n  "scripts": { "wiredefs:gen": "my-gen" }\n}\n');
    writeFileSync(join(dir, ".gitattributes"), "*.png binary");
    writeFileSync(join(dir, ".prettierignore"), "dist/\n");
    writeFileSync(join(dir, "pyproject.toml"), "[tool.ruff]\nline-length = 100\n");
    const first = wiredefs(["init", "--name", "acme"], dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("kept      protocol.yaml (exists)");
    expect(first.stdout).toContain('ruff: add under [tool.ruff] in pyproject.toml: extend-exclude = ["generated/python"]');
    expect(readFileSync(join(dir, "protocol.yaml"), "utf8")).toBe(mine);
    expect(readFileSync(join(dir, "pyproject.toml"), "utf8")).toBe("[tool.ruff]\nline-length = 100\n");
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["wiredefs:gen"]).toBe("my-gen");
    expect(pkg.scripts["wiredefs:check"]).toBe("wiredefs check");
    const attributes = readFileSync(join(dir, ".gitattributes"), "utf8");
    expect(attributes.startsWith("*.png binary\n\n# Generated by wiredefs")).toBe(true);
    const before = new Map(
      ["package.json", ".gitattributes", ".prettierignore", "scripts/wiredefs-ci.sh", ".githooks/pre-commit", ".github/workflows/wiredefs.yml"].map((f) => [
        f,
        readFileSync(join(dir, f), "utf8"),
      ]),
    );
    const second = wiredefs(["init", "--name", "acme"], dir);
    expect(second.status).toBe(0);
    expect(second.stdout).not.toMatch(/^(created|appended|added) /m);
    for (const [f, text] of before) expect(readFileSync(join(dir, f), "utf8"), f).toBe(text);

    const json = wiredefs(["init", "--name", "acme", "--format", "json"], dir);
    expect(json.status).toBe(0);
    const actions = json.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(actions).toContainEqual({ kind: "init", action: "kept", file: "protocol.yaml", detail: "exists" });
    expect(actions.filter((a) => a["action"] !== "kept" && a["action"] !== "advice")).toEqual([]);
    expect(actions).toContainEqual(expect.objectContaining({ action: "advice", message: expect.stringContaining("ruff") }));
  });

  it("refuses a name that is no Python package name (exit 2)", () => {
    const r = wiredefs(["init", "--name", "Not-OK"], freshRepo());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"Not-OK" is not a Python package name');
  });
});
