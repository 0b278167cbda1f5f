/** The lock: deterministic, reviewable, round-trips through its located parser. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildLock, renderLock } from "../../generator/contract/lock.js";
import type { Lock } from "../../generator/contract/lock.js";
import { parseLock } from "../../generator/contract/parse-lock.js";
import { protocolOf } from "./helpers.js";

const SEED = readFileSync("protocol.yaml", "utf8");

describe("lock", () => {
  it("renders the same text twice, and the same text from a re-read lock", () => {
    const lock = buildLock(protocolOf(SEED, "protocol.yaml"));
    const text = renderLock(lock);
    expect(renderLock(buildLock(protocolOf(SEED, "protocol.yaml")))).toBe(text);
    const parsed = parseLock(text, "protocol.lock.json");
    if (Array.isArray(parsed)) throw new Error(parsed.map((d) => d.message).join("\n"));
    expect(renderLock(parsed.lock)).toBe(text);
  });

  it("is 2-space JSON with LF line ends and one trailing newline", () => {
    const text = renderLock(buildLock(protocolOf(SEED, "protocol.yaml")));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).not.toContain("\r");
    expect(text.split("\n")[1]).toBe('  "lockFormat": 1,');
  });

  it("keeps its field order whatever order the lock object was built in", () => {
    const lock = buildLock(protocolOf(SEED, "protocol.yaml"));
    const shuffled = Object.fromEntries(Object.entries(lock).reverse()) as unknown as Lock;
    expect(renderLock(shuffled)).toBe(renderLock(lock));
    expect(Object.keys(JSON.parse(renderLock(lock)) as object)).toEqual([
      "lockFormat", "protocol", "version", "channel", "constants", "enums", "keys", "topics", "records", "reserved", "accepted",
    ]);
  });

  it("does not change when the spec's members are reordered", () => {
    const spec = "wiredefs: 1\nprotocol: { name: demo, channel: demo, version: 1 }\nenums:\n  Color:\n    values:\n";
    const a = protocolOf(`${spec}      RED: { value: red }\n      BLUE: { value: blue }\n`, "a.yaml");
    const b = protocolOf(`${spec}      BLUE: { value: blue }\n      RED: { value: red }\n`, "b.yaml");
    expect(renderLock(buildLock(a))).toBe(renderLock(buildLock(b)));
  });

  it("holds no spans, paths or docs: only wire- and source-visible facts", () => {
    const text = renderLock(buildLock(protocolOf(SEED, "protocol.yaml")));
    expect(text).not.toMatch(/protocol\.yaml|"line"|"doc"|"span"|Copyright/);
  });

  it("treats __proto__ as an ordinary name", () => {
    const p = protocolOf("wiredefs: 1\nprotocol: { name: demo, channel: demo, version: 1 }\n", "p.yaml");
    const text = renderLock(buildLock(p)).replace('"constants": {}', '"constants": { "__proto__": { "type": "int", "value": 1 } }');
    const parsed = parseLock(text, "p.lock.json");
    if (Array.isArray(parsed)) throw new Error(parsed.map((d) => d.message).join("\n"));
    expect(Object.keys(parsed.lock.constants)).toEqual(["__proto__"]);
    expect(renderLock(parsed.lock)).toContain('    "__proto__": {\n      "type": "int",');
  });

  it("reports a malformed lock at its position", () => {
    const problems = parseLock('{\n  "lockFormat": 1,\n  "protocol": 3\n}\n', "bad.lock.json");
    expect(Array.isArray(problems)).toBe(true);
    const found = (problems as { code: string; message: string; span?: { line: number; col: number } }[]).map((d) => [d.code, d.message, d.span?.line, d.span?.col]);
    expect(found).toContainEqual(["WD602", "protocol: expected a string", 3, 15]);
    expect(found).toContainEqual(["WD602", 'the lock: missing field "version"', 1, 1]);
  });

  it("reports JSON syntax errors with WD601", () => {
    const problems = parseLock('{\n  "lockFormat": 1,,\n}\n', "bad.lock.json");
    expect(Array.isArray(problems) && problems[0]?.code).toBe("WD601");
  });

  it("refuses a lock from a newer format", () => {
    const text = renderLock(buildLock(protocolOf(SEED, "protocol.yaml"))).replace('"lockFormat": 1', '"lockFormat": 99');
    const problems = parseLock(text, "protocol.lock.json");
    expect(Array.isArray(problems) && problems.map((d) => d.code)).toEqual(["WD603"]);
  });
});
