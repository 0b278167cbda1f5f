/** The per-language reserved-name lists the spec and names stages share. */
import { describe, expect, it } from "vitest";
import { PYTHON_KEYWORDS, PYTHON_RESERVED } from "../../generator/names/keywords-python.js";
import { isIdentifier, TYPESCRIPT_RESERVED } from "../../generator/names/keywords-typescript.js";

describe("keyword lists", () => {
  it("hold the hard keywords of both languages", () => {
    for (const k of ["class", "def", "None", "True", "False", "lambda", "nonlocal", "async", "await"]) expect(PYTHON_RESERVED.has(k), k).toBe(true);
    for (const k of ["class", "enum", "delete", "typeof", "let", "yield", "implements", "await", "arguments"]) expect(TYPESCRIPT_RESERVED.has(k), k).toBe(true);
  });

  it("hold Python soft keywords and builtins generated code relies on", () => {
    for (const k of ["match", "case", "type", "_", "str", "int", "float", "bool", "dict", "list", "object", "Any"]) {
      expect(PYTHON_RESERVED.has(k), k).toBe(true);
    }
    expect(PYTHON_KEYWORDS.has("match")).toBe(false);
  });

  it("hold names a TypeScript type alias cannot take", () => {
    for (const k of ["string", "number", "boolean", "any", "unknown", "never", "object", "symbol", "bigint"]) expect(TYPESCRIPT_RESERVED.has(k), k).toBe(true);
  });

  it("do not reserve ordinary names", () => {
    for (const k of ["Topic", "MsgKey", "HELLO", "client_api", "ModelEncoding"]) {
      expect(TYPESCRIPT_RESERVED.has(k) || PYTHON_RESERVED.has(k), k).toBe(false);
    }
  });

  it("isIdentifier accepts ASCII identifiers valid in both languages only", () => {
    expect(["a", "_x", "A1", "SESSION_ID"].every(isIdentifier)).toBe(true);
    expect(["", "1a", "a-b", "a b", "$a", "é", "a.b"].some(isIdentifier)).toBe(false);
  });
});
