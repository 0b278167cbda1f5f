/** The README stays true to the code: its tables list what the code registers. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../generator/contract/rules.js";
import { LINT_RULES } from "../generator/lint/rules.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("has a quick start of exactly two commands: install + main job, then the tests", () => {
    const section = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("\n## ", readme.indexOf("## Quick start") + 1));
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const commands = block.split("\n").filter((l) => l.trim() !== "").map((l) => l.replace(/\s+#.*$/, ""));
    expect(commands).toEqual(["npm ci && npm run gen", "npm test"]);
  });

  it("lists every breaking-change rule with its category, and every lint rule", () => {
    for (const rule of RULES) expect(readme).toContain(`| ${rule.id} | ${rule.category} |`);
    for (const rule of LINT_RULES) expect(readme).toContain(`| ${rule.id} |`);
  });

  it("carries the validation semantics table as the generator documents it", () => {
    const semantics = readFileSync(new URL("../generator/emit/validation-semantics.md", import.meta.url), "utf8");
    expect(readme).toContain(semantics.trim());
  });

  it("states the test command that .ci/run calls", () => {
    const ci = readFileSync(new URL("../.ci/run", import.meta.url), "utf8");
    expect(ci).toMatch(/^npm test$/m);
  });
});
