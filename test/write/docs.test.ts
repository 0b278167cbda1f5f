/** The README states the write stage's codes and the files gen owns, as the code registers them. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODES } from "../../generator/diagnostics.js";
import "../../generator/write/codes.js";
import { GEN_LOCK_NAME, ownedListPathFor } from "../../generator/write/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README on writing files", () => {
  it("names every WD5xx code the write stage registers", () => {
    const codes = Object.keys(CODES).filter((c) => c.startsWith("WD5"));
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(readme).toContain(code);
  });

  it("names the owned-file list and gen's lock file as the code spells them", () => {
    expect(readme).toContain(`\`${ownedListPathFor("protocol.yaml")}\``);
    expect(readme).toContain(`\`${GEN_LOCK_NAME}\``);
  });
});
