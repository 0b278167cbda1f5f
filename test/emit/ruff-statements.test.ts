/**
 * The statement count behind a walk's `# noqa: PLR0915`: ruff's own test cases of its
 * too-many-statements rule (crates/ruff_linter/src/rules/pylint/rules/too_many_statements.rs),
 * whose counts include the `def` line itself, so a body counts one less here. A count too high
 * gave an unused `noqa` (RUF100), one too low a PLR0915.
 */
import { describe, expect, it } from "vitest";
import { ruffStatements } from "../../generator/emit/python/messages-validators.js";

const body = (text: string): string[] => text.trim().split("\n").map((l) => `    ${l}`);

describe("ruffStatements counts a body as ruff's PLR0915 does", () => {
  it.each([
    ["pass", "pass", 2],
    ["if else", "if a:\n    print()\nelse:\n    print()", 5],
    ["if elif", "if a:\n    print()\nelif a:\n    print()", 5],
    ["if elif else", "if a:\n    print()\nelif a == 2:\n    print()\nelif a == 3:\n    print()\nelse:\n    print()", 9],
    ["for", "for i in range(10):\n    pass", 2],
    ["for else", "for i in range(10):\n    print()\nelse:\n    print()", 3],
    ["return", "return", 1],
    ["try except", "try:\n    print()\nexcept Exception:\n    raise", 5],
    ["try except else finally", "try:\n    print()\nexcept ValueError:\n    pass\nelse:\n    print()\nfinally:\n    pass", 10],
    ["yield in a for", "for i in range(10):\n    yield i", 2],
  ])("%s", (_, text, withDef) => {
    expect(ruffStatements(body(text))).toBe(withDef - 1);
  });

  it("counts a statement broken over lines once, and a string holding brackets or line breaks as text", () => {
    const lines = ["    issues.append(", '        ValidationIssue(path, "wrong_type", "expected [a")', "    )", '    message = """one', '    two (three"""', "    return issues"];
    expect(ruffStatements(lines)).toBe(2);
  });
});
