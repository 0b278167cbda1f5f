/**
 * The published package as a user gets it: `npm pack`, install the tarball into an empty git
 * repository, then `npx wiredefs init`, `gen`, `check --format json`, `breaking --against HEAD`
 * and the pre-commit hook init wrote; and the API and its types from `import "wiredefs"`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./run.js";

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a user's shell: no npm lifecycle variables from the test run, no colour. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_|^FORCE_COLOR$|^GITHUB_/i.test(k)) env[k] = v;
  env["NO_COLOR"] = "1";
  return env;
}

function run(cwd: string, command: string, args: readonly string[]): Run {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: userEnv() });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function git(dir: string, ...args: string[]): Run {
  return run(dir, "git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args]);
}

const work = mkdtempSync(join(tmpdir(), "wiredefs-pack-"));
const project = join(work, "project");
let packed: { filename: string; files: { path: string }[] };
let packRun: Run;

beforeAll(() => {
  packRun = run(REPO, "npm", ["pack", "--json", "--pack-destination", work]);
  if (packRun.status !== 0) throw new Error(`npm pack failed:\n${packRun.stderr}`);
  packed = (JSON.parse(packRun.stdout) as (typeof packed)[])[0] as typeof packed;
  mkdirSync(project);
  git(project, "init", "-q", "-b", "main");
  git(project, "commit", "-q", "--allow-empty", "-m", "empty");
}, 240_000);

describe("the packed package", () => {
  it("ships the CLI bundle and check's fast path, the API's types, the spec schema and the licence; no install scripts", () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain("dist/wiredefs.js");
    expect(paths).toContain("dist/index.d.ts");
    expect(paths).toContain("generator/spec/protocol.schema.json");
    expect(paths).toContain("LICENSE");
    expect(paths.filter((p) => p.endsWith(".js")).sort()).toEqual(["bin/wiredefs.js", "dist/fast-path.js", "dist/wiredefs.js"]);
    expect(paths.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts"))).toEqual([]);
    const manifest = JSON.parse(execFileSync("tar", ["-xzOf", join(work, packed.filename), "package/package.json"], { encoding: "utf8" })) as Record<string, unknown>;
    expect(manifest["private"]).toBeUndefined();
    expect(manifest["license"]).toBe("Apache-2.0");
    const scripts = Object.keys((manifest["scripts"] ?? {}) as object);
    for (const hook of ["preinstall", "install", "postinstall", "prepare"]) expect(scripts).not.toContain(hook);
    expect(manifest["dependencies"]).toBeUndefined();
    expect(readFileSync(join(REPO, "LICENSE"), "utf8")).toContain("Apache License\n                           Version 2.0, January 2004");
  });

  it("ships bundles of ASCII only, which Node reads as one-byte text (one non-ASCII character in a comment esbuild keeps made it two-byte)", () => {
    for (const file of ["dist/wiredefs.js", "dist/fast-path.js"]) {
      const text = readFileSync(join(REPO, file), "latin1");
      const lines = text.split("\n").flatMap((line, i) => (/[^\x00-\x7f]/.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 80)}`] : []));
      expect(lines).toEqual([]);
    }
  });

  it("installs into an empty git repository without a warning or a build step, then init, gen, check, breaking and the hook work", () => {
    const install = run(project, "npm", ["install", "--save-dev", "--no-audit", "--no-fund", join(work, packed.filename)]);
    expect(install.status).toBe(0);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/warn/i);

    const init = run(project, "npx", ["wiredefs", "init"]);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain("created   protocol.yaml");
    expect(init.stdout).toContain("created   .githooks/pre-commit");

    const gen = run(project, "npx", ["wiredefs", "gen"]);
    expect(gen.stderr).toBe("");
    expect(gen.stdout).toMatch(/^wiredefs: wrote \d+ files, 0 unchanged \(from protocol\.yaml\) in \d+\.\d\d s\n$/);
    expect(gen.status).toBe(0);

    const clean = run(project, "npx", ["wiredefs", "check", "--format", "json"]);
    expect(clean.stdout).toBe("");
    expect(clean.stderr).toMatch(/^wiredefs: \d+ generated files match protocol\.yaml in /);
    expect(clean.status).toBe(0);

    const fresh = run(project, "npx", ["wiredefs", "breaking", "--against", "HEAD"]);
    expect(fresh.stdout).toBe("wiredefs: protocol.yaml does not exist at HEAD: a new protocol, nothing to compare\n");
    expect(fresh.status).toBe(0);

    const hook = run(project, "sh", [".githooks/pre-commit"]);
    expect(hook.status).toBe(0);
    expect(git(project, "add", "-A").status).toBe(0);
    const commit = git(project, "commit", "-qm", "protocol");
    expect(commit.status).toBe(0);
    expect(commit.stdout + commit.stderr).toContain("generated files match protocol.yaml");

    // A drifted output: check --format json names it; the hook refuses the commit.
    const defs = join(project, "generated/ts/defs.ts");
    writeFileSync(defs, readFileSync(defs, "utf8").replace('"project.hello"', '"project.hi"'));
    const drift = run(project, "npx", ["wiredefs", "check", "--format", "json"]);
    expect(drift.status).toBe(1);
    const lines = drift.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ kind: "drift", file: "generated/ts/defs.ts", code: "WD520", severity: "error", drift: "stale" })]);
    git(project, "add", "-A");
    const refused = git(project, "commit", "-qm", "hand edit");
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/stale +generated\/ts\/defs\.ts/);

    // A breaking change against the last commit.
    git(project, "checkout", "--", ".");
    git(project, "reset", "-q");
    const spec = join(project, "protocol.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("      HELLO:\n", "      HELLO:\n        value: project.hi\n"));
    const breaking = run(project, "npx", ["wiredefs", "breaking", "--against", "HEAD", "--format", "json"]);
    expect(breaking.status).toBe(1);
    expect(breaking.stdout).toContain('"code":"WIRE_VALUE_CHANGED"');
  });

  it("gives the API and its types to `import \"wiredefs\"`", () => {
    const api = run(project, process.execPath, [
      "--input-type=module",
      "-e",
      'const m = await import("wiredefs"); console.log(["loadProtocol","generate","findDrift","contractCheck","compare","lint","writeFiles"].map((n) => typeof m[n]).join(" "), m.TARGETS.map((t) => t.name).join(","));',
    ]);
    expect(api.stderr).toBe("");
    expect(api.stdout).toBe("function function function function function function function typescript,python,docs,schema\n");
    writeFileSync(
      join(project, "consumer.ts"),
      'import { generate, TARGETS, type Target } from "wiredefs";\nconst t: Target | undefined = TARGETS[0];\nconst r = generate("wiredefs: 1\\n", "p.yaml");\nexport const ok: boolean = r.ok && t !== undefined;\n',
    );
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: [] }, files: ["consumer.ts"] }),
    );
    const tsc = run(project, process.execPath, [join(REPO, "node_modules/typescript-native/bin/tsc"), "-p", "tsconfig.json"]);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
