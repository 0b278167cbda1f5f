/**
 * The generated envelope, conversation and channel code passes the tools the design promises, in
 * one batch for three protocols of the class: tsc with the strictest flags, prettier (unchanged),
 * ruff format (unchanged) and ruff check, pyright strict for Python 3.9.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { prettierFormat, pyright, ruffCheck, ruffFormat, tsc } from "./defs-tooling.js";

const NAMES = ["dap", "jsonrpc", "kernel"] as const;
const OUTPUTS = "\noutputs:\n  typescript: { dir: ts }\n  python: { dir: py }\n";

const root = mkdtempSync(join(tmpdir(), "wiredefs-envelope-tools-"));
const files: { path: string; text: string }[] = [];
for (const name of NAMES) {
  const text = readFileSync(new URL(`../fixtures/envelope/${name}.yaml`, import.meta.url), "utf8") + OUTPUTS;
  const result = generate(text, "protocol.yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  for (const f of result.files) {
    const path = join(name, f.path);
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), f.text);
    files.push({ path, text: f.text });
  }
}
const ours = (ext: string) => files.filter((f) => f.path.endsWith(ext) && /(envelope|conversation|defs)\.(ts|py)$/.test(f.path));

describe("generated envelope modules", () => {
  it("are generated for each protocol, in both runtimes", () => {
    for (const name of NAMES) {
      for (const m of ["ts/envelope.ts", "ts/conversation.ts", "py/envelope.py", "py/conversation.py"]) {
        expect(files.some((f) => f.path.startsWith(`${name}/`) && f.path.endsWith(m.split("/")[1] ?? ""))).toBe(true);
      }
    }
  });

  it("hold the constructs the tools below check: constraints, present and nullable payloads, a when-rule", () => {
    const text = (path: string) => files.find((f) => f.path === path)?.text ?? "";
    for (const path of ["dap/ts/envelope.ts", "dap/py/dapmini/envelope.py"]) {
      expect(text(path), path).toMatch(/check_?[Nn]umber_?[Mm]in_?1/);
      expect(text(path), path).toMatch(/check_?[Ss]tring_?[Mm]in_?[Ll]ength_?1/);
      expect(text(path), path).toContain("FailedResponse");
    }
    expect(text("dap/ts/envelope.ts")).toContain("readonly arguments: LaunchPayload;");
    expect(text("jsonrpc/ts/envelope.ts")).toContain("readonly result: InitializeResult | null;");
    expect(text("jsonrpc/py/rpcmini/envelope.py")).toContain("_or_none(validate_initialize_result)");
  });

  it("compile under tsc's strictest flags (one run)", () => {
    const run = tsc(root, NAMES.map((n) => `${n}/ts/index.ts`));
    expect(run.output).toBe("");
    expect(run.status).toBe(0);
  });

  it("are printed as prettier prints them", async () => {
    for (const f of ours(".ts")) expect(await prettierFormat(f.text, f.path), f.path).toBe(f.text);
  });

  it("are printed as ruff formats them, and pass ruff check", () => {
    for (const f of ours(".py")) {
      expect(ruffFormat(f.text), f.path).toBe(f.text);
      expect(ruffCheck(f.text), f.path).toEqual([]);
    }
  });

  it("pass pyright strict (one run)", () => {
    const run = pyright(root);
    expect(run.output).toContain("0 errors");
  });
});
