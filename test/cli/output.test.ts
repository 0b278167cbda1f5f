/** CI-grade output: --format json|github for every kind of finding, exit codes, --stat, bounded diffs, colour, spec lookup. */
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { githubLine, type Annotation } from "../../generator/commands/output.js";
import { scratchCopy, wiredefs } from "./run.js";

const typo = (dir: string): void => {
  const spec = join(dir, "protocol.yaml");
  writeFileSync(spec, readFileSync(spec, "utf8").replace("required: [NONCE]", "required: [NONSE]"));
};
const renameTopic = (dir: string): void => {
  const spec = join(dir, "protocol.yaml");
  writeFileSync(spec, readFileSync(spec, "utf8").replace(/^( {6}HELLO:\n)/m, "$1        value: client_api.helo\n"));
};
const jsonLines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
}

describe("--format json", () => {
  it("a spec diagnostic: one JSON line with file, line, column, code, severity, message; exit 1", () => {
    const dir = scratchCopy();
    typo(dir);
    const r = wiredefs(["check", "--format", "json"], dir);
    expect(r.status).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(1);
    const text = readFileSync(join(dir, "protocol.yaml"), "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("NONSE")) + 1;
    expect(lines[0]).toMatchObject({ kind: "diagnostic", file: "protocol.yaml", line, code: "WD301", severity: "error" });
    expect(lines[0]?.["column"]).toBe((text.split("\n")[line - 1] ?? "").indexOf("NONSE") + 1);
    expect(String(lines[0]?.["message"])).toContain("NONSE");
    expect(lines[0]?.["hint"]).toBe('did you mean "NONCE"?');
  });

  it("drift and breaking findings from check; the summary goes to stderr", () => {
    const dir = scratchCopy();
    renameTopic(dir);
    const r = wiredefs(["check", "--format", "json"], dir);
    expect(r.status).toBe(1);
    const lines = jsonLines(r.stdout);
    const kinds = new Set(lines.map((l) => l["kind"]));
    expect(kinds).toEqual(new Set(["breaking", "drift"]));
    expect(lines.find((l) => l["code"] === "WIRE_VALUE_CHANGED")).toMatchObject({ file: "protocol.yaml", severity: "error", category: "wire", item: "Topic.HELLO" });
    const drift = lines.find((l) => l["file"] === "generated/ts/defs.ts");
    expect(drift).toMatchObject({ kind: "drift", code: "WD520", severity: "error", drift: "stale", added: 1, removed: 1 });
    const defs = readFileSync(join(dir, "generated/ts/defs.ts"), "utf8").split("\n");
    expect(defs[Number(drift?.["line"]) - 1]).toContain('"client_api.hello"');
    expect(r.stderr).toContain("out of date with protocol.yaml");
  });

  it("lint findings, exit 0 for warnings", () => {
    const r = wiredefs(["lint", "--format", "json"], scratchCopy());
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatchObject({ kind: "lint", file: "protocol.yaml", severity: "warning" });
    expect(lines.map((l) => l["code"])).toContain("TOPIC_UNUSED");
  });
});

describe("--format github", () => {
  it("prints workflow annotations for breaking changes against a revision", () => {
    const dir = scratchCopy();
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "seed");
    renameTopic(dir);
    const r = wiredefs(["breaking", "--against", "HEAD", "--format", "github"], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=protocol\.yaml,line=\d+,col=\d+,title=WIRE_VALUE_CHANGED \(wire\)::Topic\.HELLO value changed from "client_api\.hello" to "client_api\.helo"$/m);
    expect(r.stdout).toMatch(/^::warning file=protocol\.yaml,line=\d+,col=\d+,title=VERSION_NOT_BUMPED \(wire\)::/m);
  });

  it("escapes messages and properties as GitHub requires", () => {
    const a: Annotation = { kind: "diagnostic", file: "a,b:c.yaml", line: 1, column: 2, code: "WD1", severity: "error", message: "100% bad\r\nsecond", hint: "x" };
    expect(githubLine(a)).toBe("::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=WD1::100%25 bad%0D%0Asecond%0Ahint: x");
  });

  it("drift: an annotation per file, diffs in collapsed groups", () => {
    const dir = scratchCopy();
    renameTopic(dir);
    const r = wiredefs(["check", "--format", "github", "--max-diff-lines", "0"], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=generated\/ts\/defs\.ts,line=\d+,col=1,title=WD520::generated\/ts\/defs\.ts differs/m);
    expect(r.stdout).toContain("::group::diff of generated/ts/defs.ts\n--- a/generated/ts/defs.ts");
    expect(r.stdout).toContain("::endgroup::");
  });
});

describe("exit codes", () => {
  it("2 for usage errors: unknown option, --spec twice, an unknown target, a bad --format, a missing spec", () => {
    const dir = scratchCopy();
    expect(wiredefs(["check", "--nope"], dir).status).toBe(2);
    const twice = wiredefs(["check", "--spec", "protocol.yaml", "--spec", "other.yaml"], dir);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain("--spec given twice (protocol.yaml, other.yaml)");
    const target = wiredefs(["gen", "--target", "typescript,kotlin"], dir);
    expect(target.status).toBe(2);
    expect(target.stderr).toContain('unknown target "kotlin"');
    expect(wiredefs(["lint", "--format", "xml"], dir).status).toBe(2);
    expect(wiredefs(["breaking", "--spec", "missing.yaml"], dir).status).toBe(2);
  });

  it("2 for a revision git does not have; a shallow clone is explained", () => {
    const origin = scratchCopy();
    git(origin, "init", "-q");
    git(origin, "add", "-A");
    git(origin, "commit", "-qm", "one");
    writeFileSync(join(origin, "x"), "x");
    git(origin, "add", "-A");
    git(origin, "commit", "-qm", "two");
    const clone = `${origin}-clone`;
    execFileSync("git", ["clone", "-q", "--depth=1", `file://${origin}`, clone]);
    const r = wiredefs(["breaking", "--against", "HEAD~1"], clone);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("HEAD~1 is not in this clone: it is shallow");
    expect(r.stderr).toContain("fetch-depth: 0");
    const plain = wiredefs(["breaking", "--against", "no-such-branch"], origin);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain("no-such-branch is not a revision in this repository");
  });

  it("0 for a spec that does not exist at the revision: a new protocol", () => {
    const dir = scratchCopy();
    git(dir, "init", "-q");
    git(dir, "commit", "-q", "--allow-empty", "-m", "empty");
    const r = wiredefs(["breaking", "--against", "HEAD"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("wiredefs: protocol.yaml does not exist at HEAD: a new protocol, nothing to compare\n");
  });
});

describe("check output", () => {
  it("--stat prints one line per file", () => {
    const dir = scratchCopy();
    renameTopic(dir);
    const r = wiredefs(["check", "--stat"], dir);
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n").filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l).toMatch(/^stale +generated\/\S+ +\| \+\d+ -\d+$/);
    expect(lines).toContainEqual(expect.stringMatching(/^stale +generated\/ts\/defs\.ts +\| \+1 -1$/));
    expect(r.stdout).not.toContain("@@");
  });

  it("bounds the diff it prints and says how much it left out", () => {
    const dir = scratchCopy();
    renameTopic(dir);
    const full = wiredefs(["check", "--max-diff-lines", "0"], dir).stdout.split("\n").filter((l) => l !== "");
    const r = wiredefs(["check", "--max-diff-lines", "10"], dir);
    const lines = r.stdout.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(11);
    expect(lines.slice(0, 10)).toEqual(full.slice(0, 10));
    expect(lines[10]).toMatch(new RegExp(`^… ${full.length - 10} more diff lines in \\d+ files not shown \\(showing at most 10\\); see them all with --max-diff-lines 0`));
  });

  it("--target checks only the named outputs", () => {
    const dir = scratchCopy();
    // A hand edit that keeps the generated header: the file is stale, and gen may replace it.
    appendFileSync(join(dir, "generated/docs/client_api.md"), "hand edit\n");
    expect(wiredefs(["check", "--target", "typescript", "--target", "python"], dir).status).toBe(0);
    const docs = wiredefs(["check", "--target", "docs", "--stat"], dir);
    expect(docs.status).toBe(1);
    expect(docs.stdout).toMatch(/^stale +generated\/docs\/client_api\.md/);
    const gen = wiredefs(["gen", "--target", "docs"], dir);
    expect(gen.stdout).toMatch(/^wiredefs: wrote 1 file, \d+ unchanged/);
    expect(wiredefs(["check"], dir).status).toBe(0);
  });
});

describe("colour and spec lookup", () => {
  it("colours only when asked: FORCE_COLOR on, NO_COLOR (the tests' default) off", () => {
    const dir = scratchCopy();
    typo(dir);
    expect(wiredefs(["check"], dir).stderr).not.toContain("\u001b[");
    expect(wiredefs(["check"], dir, { FORCE_COLOR: "1" }).stderr).toContain("\u001b[31merror\u001b[0m");
    expect(wiredefs(["check", "--format", "json"], dir, { FORCE_COLOR: "1" }).stdout).not.toContain("\u001b[");
  });

  it("without --spec, finds protocol.yaml in a parent directory", () => {
    const dir = scratchCopy();
    const sub = join(dir, "deep", "er");
    mkdirSync(sub, { recursive: true });
    const r = wiredefs(["check"], sub);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wiredefs: \d+ generated files match \.\.\/\.\.\/protocol\.yaml in /);
  });
});
