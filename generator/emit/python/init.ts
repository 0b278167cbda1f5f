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
import { pythonDocstring, pythonHeader, pythonString } from "./defs-syntax.js";

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
 */
function lazyGetattr(modules: readonly string[]): string[] {
  const tuple = modules.length === 1 ? `(${pythonString(modules[0] ?? "")},)` : `(${modules.map(pythonString).join(", ")})`;
  return [
    "",
    "",
    "def __getattr__(name: str) -> object:",
    '    """Import the validators on first use of one of their names.',
    "",
    "    Importing the package or its constants module never imports them.",
    '    """',
    "    if name in __all__:",
    `        for module in ${tuple}:`,
    "            found = importlib.import_module(module, __name__)",
    "            if hasattr(found, name):",
    "                value = getattr(found, name)",
    "                globals()[name] = value",
    "                return value",
    '    message = f"module {__name__!r} has no attribute {name!r}"',
    "    raise AttributeError(message)",
  ];
}

/** The spec's python output; the emitters only run when there is one. */
export function pythonOutput(protocol: Protocol): PythonOutput {
  const output = protocol.outputs.python;
  if (output === undefined) throw new Error("the spec has no python output");
  return output;
}

/** isort's member types under `order-by-type`: CONSTANT, then Class, then variable. */
function memberType(name: string): number {
  const cased = /[A-Za-z]/.test(name);
  if (name.length > 1 && cased && name === name.toUpperCase()) return 0;
  if (/^[A-Z]/.test(name)) return 1;
  return 2;
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

/** Natural order (`natord`): runs of digits compare as numbers, everything else by code unit. */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Two runs of digits: their numbers compare, leading zeros aside (by length, then digit by digit).
      let endA = i;
      while (endA < a.length && isDigit(a.charCodeAt(endA))) endA++;
      let endB = j;
      while (endB < b.length && isDigit(b.charCodeAt(endB))) endB++;
      let fromA = i;
      while (fromA < endA - 1 && a.charCodeAt(fromA) === 48) fromA++;
      let fromB = j;
      while (fromB < endB - 1 && b.charCodeAt(fromB) === 48) fromB++;
      const byLength = endA - fromA - (endB - fromB);
      if (byLength !== 0) return byLength;
      for (let k = 0; k < endA - fromA; k++) {
        const d = a.charCodeAt(fromA + k) - b.charCodeAt(fromB + k);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      i = endA;
      j = endB;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}
