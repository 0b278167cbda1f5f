/**
 * Regression tests for reading bugs the adversarial corpus found: a spec with CR-only line ends
 * read as one comment line, WD108 pointed at the top of the file instead of into the nesting, a
 * spec that is not UTF-8 was reported without a code, and a FIFO passed as the spec hung the CLI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { codeFrame } from "../../generator/diagnostics.js";
import { generate } from "../../generator/index.js";
import { REPO } from "../cli/run.js";

const PLAIN = readFileSync(join(REPO, "test/fixtures/adversarial/specs/plain.yaml"), "utf8");
const BIN = join(REPO, "bin", "wiredefs.js");

describe("reading the spec", () => {
  test("CR-only line ends read as line ends: the same outputs as the LF file", () => {
    const lf = generate(PLAIN, "protocol.yaml");
    const cr = generate(PLAIN.replace(/\n/g, "\r"), "protocol.yaml");
    expect(lf.ok && cr.ok).toBe(true);
    if (lf.ok && cr.ok) expect(cr.files).toEqual(lf.files);
  });

  test("an error in a CR-only file is located on its line, and its code frame shows that line", () => {
    const text = "wiredefs: 1\rprotocol: { name: p, title: P., channel: p, version: 1 }\rbogus: 1\r";
    const result = generate(text, "protocol.yaml");
    const d = result.ok ? undefined : result.diagnostics.find((x) => x.code === "WD202");
    expect(d?.span?.line).toBe(3);
    expect(d?.span?.col).toBe(1);
    if (d?.span !== undefined) expect(codeFrame(text, d.span)).toContain("> 3 | bogus: 1");
  });

  test("nesting past the limit is reported inside the nesting, not at the top of the file", () => {
    const steps = `${"[{ loop: again, steps: ".repeat(40)}[PING]${" }]".repeat(40)}`;
    const text = `wiredefs: 1\nprotocol: { name: p, title: P., channel: p, version: 1 }\nflows:\n  f:\n    steps: ${steps}\n`;
    const result = generate(text, "protocol.yaml");
    const d = result.ok ? undefined : result.diagnostics[0];
    expect(d?.code).toBe("WD108");
    expect(d?.span?.line).toBe(5);
    // The first node deeper than 64 levels: well inside the steps, past their first bracket.
    expect(d?.span?.col ?? 0).toBeGreaterThan(12);
  });

  test("a spec that is not UTF-8 is a coded, located diagnostic (WD110)", () => {
    const dir = mkdtempSync(join(tmpdir(), "wiredefs-read-"));
    writeFileSync(join(dir, "protocol.yaml"), Buffer.concat([Buffer.from("wiredefs: 1\nx: caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    const r = spawnSync(process.execPath, [BIN, "check"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toContain("protocol.yaml:2:7 error WD110: the spec is not UTF-8 text (invalid byte 0xe9)");
    expect(r.status).not.toBe(0);
  });

  test("a FIFO passed as the spec is refused without being opened", () => {
    const dir = mkdtempSync(join(tmpdir(), "wiredefs-read-"));
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const r = spawnSync(process.execPath, [BIN, "gen", "--spec", "pipe.yaml"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain("cannot read spec pipe.yaml: it is not a regular file");
    expect(r.status).not.toBe(0);
  });
});
