/**
 * A package's `__init__.py`: docstring, one `from <module> import (...)` per module it
 * re-exports (the layout says which: `outputs.python.init.reexport`), and an explicit `__all__`,
 * so `import <package>` offers those names and a type checker sees them as re-exported.
 *
 * Names are ordered the way ruff's isort (I001) and RUF022 order them — constants, then classes,
 * then everything else, each naturally sorted — so ruff never rewrites the file. Modules are
 * passed in, not looked up: another emitter adds its module by handing over its names.
 */
import type { GeneratedFile, Protocol, PythonOutput } from "../../model.js";
import { fitsPython, moduleDocText } from "../text.js";
import { fixedPython, laidOut } from "../fixed-code.js";
import { pythonDocstring, pythonHeader, pythonString } from "./defs-syntax.js";
import { pyAtom, pyLayout, pyTuple } from "./messages-layout.js";

/** The names one module exports, and how the entry point imports it (`{ module: ".defs", names: ["CHANNEL", …] }`). */
export interface PythonModuleExports {
  /** `.defs` for a module beside the entry point, else its dotted path (`nvflare.edge.model_protocol`). */
  readonly module: string;
  readonly names: readonly string[];
  /**
   * Imported on first use of one of its names (the package's module `__getattr__`), never by
   * `import <package>` or `import <package>.defs`: the validators stay out of a constants import.
   * Type checkers see the names through an `if TYPE_CHECKING:` import.
   */
  readonly lazy?: boolean;
}

export function emitPythonInit(protocol: Protocol, modules: readonly PythonModuleExports[], path: string): GeneratedFile {
  const byName = (a: PythonModuleExports, b: PythonModuleExports): number => naturalCompare(a.module.toLowerCase(), b.module.toLowerCase());
  const section = (relative: boolean, lazy: boolean, pad: string): string[] =>
    modules
      .filter((m) => m.names.length > 0 && m.module.startsWith(".") === relative && (m.lazy === true) === lazy)
      .sort(byName)
      .flatMap((m) => {
        // One line when it fits (isort joins it), else one name a line.
        const sorted = sortedImports(m.names);
        const one = `${pad}from ${m.module} import ${sorted.join(", ")}`;
        if (fitsPython(one)) return [one];
        return [`${pad}from ${m.module} import (`, ...sorted.map((name) => `${pad}    ${name},`), `${pad})`];
      });
  // isort's sections: the standard library, absolute imports, a blank line, then the package's own (relative) modules.
  const lazy = modules.filter((m) => m.names.length > 0 && m.lazy === true).sort(byName);
  const absolute = section(false, false, "");
  const relative = section(true, false, "");
  const imports = [
    ...(lazy.length > 0 ? ["import importlib", ...(absolute.length + relative.length > 0 ? [""] : [])] : []),
    ...absolute,
    ...(absolute.length > 0 && relative.length > 0 ? [""] : []),
    ...relative,
  ];
  const typeOnly = lazy.length === 0 ? [] : ["TYPE_CHECKING = False", "if TYPE_CHECKING:", ...section(false, true, "    "), ...section(true, true, "    ")];
  const all = sortedDunderAll(modules.flatMap((m) => m.names));
  const doc = moduleDocText(protocol);
  const lines = [
    pythonHeader(protocol).trimEnd(),
    "",
    ...(doc === "" ? [] : [...pythonDocstring(doc, ""), ""]),
    ...imports,
    ...(imports.length > 0 ? [""] : []),
    ...typeOnly,
    ...(typeOnly.length > 0 ? [""] : []),
    "__all__ = [",
    ...all.map((name) => `    ${pythonString(name)},`),
    "]",
    ...(lazy.length > 0 ? lazyGetattr(lazy.map((m) => m.module)) : []),
  ];
  let text = "";
  for (const line of lines) text += line + "\n";
  return { path, text };
}

/**
 * The package's `__getattr__`: a lazy module's name is imported from it on first use, then kept.
 * Modules are as the imports name them (`.messages`, or a dotted path), resolved from the package.
 * The function is fixed code (laid out at the team's width by the formatter's own table, see
 * ../fixed-code.ts); the modules it searches, which differ from spec to spec, are the tuple before
 * it, laid out like any literal.
 */
function lazyGetattr(modules: readonly string[]): string[] {
  const tuple = pyTuple(modules.map((m) => pyAtom(pythonString(m))));
  const head = `${LAZY_MODULES} = `;
  return ["", `${head}${pyLayout(tuple, 0, head.length, 0)}`, "", "", ...laidOut("python", GETATTR).trimEnd().split("\n")];
}

/** The tuple of the modules `__getattr__` imports from. */
const LAZY_MODULES = "_LAZY_MODULES";

const GETATTR = fixedPython(`def __getattr__(name: str) -> object:
    """Import the validators on first use of one of their names.

    Importing the package or its constants module never imports them.
    """
    if name in __all__:
        for module in ${LAZY_MODULES}:
            found = importlib.import_module(module, __name__)
            if hasattr(found, name):
                value = getattr(found, name)
                globals()[name] = value
                return value
    message = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(message)
`);

/** The spec's python output; the emitters only run when there is one. */
export function pythonOutput(protocol: Protocol): PythonOutput {
  const output = protocol.outputs.python;
  if (output === undefined) throw new Error("the spec has no python output");
  return output;
}

/** Rust's `char::is_uppercase` and `char::is_lowercase`: the Unicode Uppercase and Lowercase properties. */
const UPPER = /^\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;
const UPPER_ANYWHERE = /\p{Uppercase}/u;

/**
 * isort's member types under `order-by-type`, as ruff infers them: CONSTANT (more than one byte
 * of UTF-8, no lower-case letter and at least one upper-case one), then Class (an upper-case
 * first letter), then variable. Cased means Unicode case (`Über` is a class), not ASCII only.
 */
function memberType(name: string): number {
  if (utf8Length(name) > 1 && !LOWER.test(name) && UPPER_ANYWHERE.test(name)) return 0;
  if (UPPER.test(name)) return 1;
  return 2;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** A name with what its order compares worked out once (not once per comparison). */
interface SortKey {
  readonly name: string;
  readonly type: number;
  readonly lower: string;
}

function sortKeys(names: readonly string[]): SortKey[] {
  return names.map((name) => ({ name, type: memberType(name), lower: name.toLowerCase() }));
}

/** `names` in ruff isort's order of imported names: type, then natural order ignoring case, then with case (a new array). */
export function sortedImports(names: readonly string[]): string[] {
  return sortKeys(names)
    .sort((a, b) => a.type - b.type || naturalCompare(a.lower, b.lower) || naturalCompare(a.name, b.name))
    .map((k) => k.name);
}

/** `names` in RUF022's "isort-style" order of `__all__`: type, then natural order with case (a new array). */
export function sortedDunderAll(names: readonly string[]): string[] {
  return sortKeys(names)
    .sort((a, b) => a.type - b.type || naturalCompare(a.name, b.name))
    .map((k) => k.name);
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** Rust's `char::is_whitespace` (Unicode White_Space), which natord skips. */
const WHITE_SPACE = /^\p{White_Space}$/u;

/**
 * The `natord` crate's natural order, which ruff sorts with: whitespace is skipped; two runs of
 * ASCII digits compare as numbers (`15` < `123`), except that a run starting with `0` on either
 * side compares digit by digit from the left (`015` < `12`, `03` < `3`); everything else compares
 * by code point (not UTF-16 code unit).
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  for (;;) {
    i = skipWhiteSpace(a, i);
    j = skipWhiteSpace(b, j);
    if (i >= a.length || j >= b.length) return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
    const l = digitAt(a, i);
    const r = digitAt(b, j);
    if (l === undefined || r === undefined) {
      const ca = a.codePointAt(i) ?? 0;
      const cb = b.codePointAt(j) ?? 0;
      if (ca !== cb) return ca < cb ? -1 : 1;
      i += ca > 0xffff ? 2 : 1;
      j += cb > 0xffff ? 2 : 1;
      continue;
    }
    // Two runs of digits: left-aligned when either starts with 0, else right-aligned.
    const leftAligned = l === 0 || r === 0;
    let order = l - r;
    if (leftAligned && order !== 0) return order < 0 ? -1 : 1;
    for (;;) {
      i++;
      j++;
      const dl = digitAt(a, i);
      const dr = digitAt(b, j);
      if (dl === undefined || dr === undefined) {
        if (dl !== dr) return dl === undefined ? -1 : 1;
        break;
      }
      if (leftAligned && dl !== dr) return dl < dr ? -1 : 1;
      if (order === 0) order = dl - dr;
    }
    if (order !== 0) return order < 0 ? -1 : 1;
  }
}

/** The ASCII digit at `at` as a number, else undefined. */
function digitAt(text: string, at: number): number | undefined {
  const code = text.charCodeAt(at);
  return isDigit(code) ? code - 48 : undefined;
}

function skipWhiteSpace(text: string, at: number): number {
  let k = at;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    // Tab to carriage return and the space, the only white space in ASCII; no astral character is.
    const white = c < 0x80 ? c === 32 || (c >= 9 && c <= 13) : WHITE_SPACE.test(text.charAt(k));
    if (!white) break;
    k++;
  }
  return k;
}
