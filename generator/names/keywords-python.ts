/**
 * Names a spec item must not take because the generated Python binds it at module level
 * (classes of constants, TypedDicts): keywords of Python 3.9–3.13, soft keywords, and the
 * builtins and typing names generated code relies on.
 */
export { isIdentifier } from "./keywords-typescript.js";

/** Hard keywords: not even usable as a class attribute (`class X: None = 1` is a syntax error). */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

/** Soft keywords (3.10+ `match`/`case`, 3.12+ `type`, `_`). */
export const PYTHON_SOFT_KEYWORDS: ReadonlySet<string> = new Set(["match", "case", "type", "_"]);

/** Builtins and typing names the generated modules use; shadowing them would break the output. */
export const PYTHON_BUILTINS: ReadonlySet<string> = new Set([
  "str", "int", "float", "bool", "bytes", "dict", "list", "set", "frozenset", "tuple", "object",
  "type", "len", "isinstance", "print", "repr", "id", "hash", "super", "property", "staticmethod",
  "classmethod", "Exception", "ValueError", "TypeError", "KeyError", "NotImplemented", "Ellipsis",
  "Any", "Dict", "List", "Final", "Literal", "Mapping", "Optional", "Sequence", "TypedDict",
  "Union", "ClassVar", "annotations",
]);

export const PYTHON_RESERVED: ReadonlySet<string> = new Set([
  ...PYTHON_KEYWORDS,
  ...PYTHON_SOFT_KEYWORDS,
  ...PYTHON_BUILTINS,
]);
