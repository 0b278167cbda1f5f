/** `wiredefs breaking` and `wiredefs lint` as commands: output lines and exit codes. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runBreaking } from "../../generator/commands/breaking.js";
import { runLint } from "../../generator/commands/lint.js";
import { buildLock, renderLock } from "../../generator/contract/lock.js";
import { protocolOf } from "./helpers.js";

const SEED = readFileSync("protocol.yaml", "utf8");
const RENAMED = SEED.replace(/^( {6}HELLO:\n)/m, "$1        value: client_api.helo\n");
const dir = mkdtempSync(join(tmpdir(), "wiredefs-cmd-"));
const spec = join(dir, "protocol.yaml");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out = "";
beforeEach(() => {
  out = "";
  const capture = (chunk: string | Uint8Array): boolean => {
    out += String(chunk);
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

function git(...args: string[]): void {
  execFileSync("git", args, { cwd: dir, stdio: "ignore" });
}

describe("wiredefs breaking", () => {
  it("against the lock: prints the rule, category and both locations, exit 1", () => {
    writeFileSync(join(dir, "protocol.lock.json"), renderLock(buildLock(protocolOf(SEED, "protocol.yaml"))));
    writeFileSync(spec, RENAMED);
    expect(runBreaking({ spec, strict: false })).toBe(1);
    expect(out).toMatch(/protocol\.yaml:\d+:\d+ error WIRE_VALUE_CHANGED \(wire\): Topic\.HELLO value changed from "client_api\.hello" to "client_api\.helo"\n {2}was: \S*protocol\.lock\.json:\d+:\d+\n/);
    expect(out).toMatch(/warning VERSION_NOT_BUMPED \(wire\)/);
  });

  it("against a git revision: `was` points into the spec at that revision", () => {
    git("init", "-q");
    writeFileSync(spec, SEED);
    git("add", "protocol.yaml");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "seed");
    writeFileSync(spec, RENAMED);
    expect(runBreaking({ spec, against: "HEAD", strict: false })).toBe(1);
    expect(out).toMatch(/error WIRE_VALUE_CHANGED \(wire\): Topic\.HELLO[^\n]*\n {2}was: HEAD:\S*protocol\.yaml:\d+:7\n/);
  });

  it("exit 0 with no breaking changes; a bad revision is an error", () => {
    writeFileSync(spec, SEED);
    expect(runBreaking({ spec, against: "HEAD", strict: false })).toBe(0);
    expect(out).toContain("no breaking changes");
    expect(runBreaking({ spec, against: "no-such-ref", strict: false })).toBe(2);
    expect(out).toContain("no-such-ref is not a revision in this repository");
  });
});

describe("wiredefs lint", () => {
  it("warnings pass; --strict fails; --disable silences", () => {
    writeFileSync(spec, SEED);
    expect(runLint({ spec, strict: false, disable: [] })).toBe(0);
    expect(out).toContain("warning TOPIC_UNUSED: topic Topic.LOG appears in no flow");
    expect(runLint({ spec, strict: true, disable: [] })).toBe(1);
    expect(runLint({ spec, strict: true, disable: ["TOPIC_UNUSED"] })).toBe(0);
    expect(runLint({ spec, strict: false, disable: ["NOPE"] })).toBe(1);
  });
});
