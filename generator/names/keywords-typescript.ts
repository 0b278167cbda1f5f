/**
 * Names a spec item must not take because the generated TypeScript declares a same-named
 * `const` and `type` at module level: reserved words (including strict-mode and module ones),
 * names a type alias cannot have, and the globals generated code relies on.
 */

/** ECMAScript reserved words, strict-mode reserved words, and module-level `await`. */
export const TYPESCRIPT_KEYWORDS: ReadonlySet<string> = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
  "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
  "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
  "typeof", "var", "void", "while", "with",
  // strict mode
  "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield",
  "arguments", "eval",
  // modules
  "await",
]);

/** Names a type alias cannot have (`type string = …` is an error). */
export const TYPESCRIPT_TYPE_NAMES: ReadonlySet<string> = new Set([
  "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "undefined", "unknown",
  "intrinsic",
]);

/** Globals that generated code uses; shadowing them at module level would break it. */
export const TYPESCRIPT_GLOBALS: ReadonlySet<string> = new Set([
  "Array", "Boolean", "Error", "JSON", "Map", "Math", "Number", "Object", "Partial", "Promise",
  "Readonly", "ReadonlyArray", "Record", "Set", "String", "Symbol", "globalThis", "NaN",
  "Infinity",
]);

export const TYPESCRIPT_RESERVED: ReadonlySet<string> = new Set([
  ...TYPESCRIPT_KEYWORDS,
  ...TYPESCRIPT_TYPE_NAMES,
  ...TYPESCRIPT_GLOBALS,
]);

/** An ASCII identifier valid in both TypeScript and Python (so no `$`). */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
