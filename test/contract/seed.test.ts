/**
 * The seed protocol's history can't lose a value silently: renaming the wire value of
 * `client_api.hello` in a copy of the spec fails `check` and `breaking` with WIRE_VALUE_CHANGED.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contractCheck } from "../../generator/contract/check.js";
import { compare } from "../../generator/contract/compare.js";
import { formatFinding } from "../../generator/contract/format.js";
import { buildLock, renderLock } from "../../generator/contract/lock.js";
import { parseLock } from "../../generator/contract/parse-lock.js";
import { protocolOf } from "./helpers.js";

const SEED = readFileSync("protocol.yaml", "utf8");
/** The committed lock; until the first `npm run gen` commits one, the lock of the seed itself. */
const COMMITTED = existsSync("protocol.lock.json") ? readFileSync("protocol.lock.json", "utf8") : renderLock(buildLock(protocolOf(SEED, "protocol.yaml")));

const dir = mkdtempSync(join(tmpdir(), "wiredefs-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function renamedCopy(): string {
  const text = SEED.replace(/^( {6}HELLO:\n)/m, "$1        value: client_api.helo\n");
  expect(text).not.toBe(SEED);
  writeFileSync(join(dir, "protocol.yaml"), text);
  return readFileSync(join(dir, "protocol.yaml"), "utf8");
}

describe("the seed protocol against its committed lock", () => {
  it("the unchanged seed passes the contract check", () => {
    const result = contractCheck(protocolOf(SEED, "protocol.yaml"), COMMITTED, "protocol.lock.json");
    expect(result.findings).toEqual([]);
  });

  it("renaming client_api.hello fails breaking with WIRE_VALUE_CHANGED at both locations", () => {
    const lock = parseLock(COMMITTED, "protocol.lock.json");
    if (Array.isArray(lock)) throw new Error(lock.map((d) => d.message).join("\n"));
    const findings = compare(lock, protocolOf(renamedCopy(), "protocol.yaml"));
    const wire = findings.filter((f) => f.severity === "error");
    expect(wire.map((f) => [f.rule, f.category, f.item])).toEqual([["WIRE_VALUE_CHANGED", "wire", "Topic.HELLO"]]);
    const printed = formatFinding(wire[0]!);
    expect(printed).toMatch(/^protocol\.yaml:\d+:\d+ error WIRE_VALUE_CHANGED \(wire\): Topic\.HELLO value changed from "client_api\.hello" to "client_api\.helo"\n {2}was: protocol\.lock\.json:\d+:\d+$/);
    const wasLine = Number(/lock\.json:(\d+)/.exec(printed)?.[1]);
    expect(COMMITTED.split("\n")[wasLine - 1]).toContain('"value": "client_api.hello"');
    // No version bump with it: a warning by default.
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(["VERSION_NOT_BUMPED", "warning"]);
  });

  it("renaming client_api.hello fails check", () => {
    const result = contractCheck(protocolOf(renamedCopy(), "protocol.yaml"), COMMITTED, "protocol.lock.json");
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.rule)).toContain("WIRE_VALUE_CHANGED");
  });
});
