/**
 * A package's `__init__.py`: docstring, one `from <module> import (...)` per module it
 * re-exports (the layout says which: `outputs.python.init.reexport`), and an explicit `__all__`,
 * so `import <package>` offers those names and a type checker sees them as re-exported.
 *
 * Names are ordered the way ruff's isort (I001) and RUF022 order them — constants, then classes,
 * then everything else, each naturally sorted — so ruff never rewrites the file. Modules are
 * passed in, not looked up: another emitter adds its module by handing over its names.
 */
import type { GeneratedFile, Protocol } from "../../model.js";
import { moduleDocText } from "../text.js";
import { pythonDocstring, pythonHeader, pythonString } from "./defs-syntax.js";

/** The names one module exports, and how the entry point imports it (`{ module: ".defs", names: ["CHANNEL", …] }`). */
export interface PythonModuleExports {
  /** `.defs` for a module beside the entry point, else its dotted path (`nvflare.edge.model_protocol`). */
  readonly module: string;
  readonly names: readonly string[];
}

export function emitPythonInit(protocol: Protocol, modules: readonly PythonModuleExports[], path: string): GeneratedFile {
  const byName = (a: PythonModuleExports, b: PythonModuleExports): number => naturalCompare(a.module.toLowerCase(), b.module.toLowerCase());
  const section = (relative: boolean): string[] =>
    modules
      .filter((m) => m.names.length > 0 && m.module.startsWith(".") === relative)
      .sort(byName)
      .flatMap((m) => [`from ${m.module} import (`, ...[...m.names].sort(importOrder).map((name) => `    ${name},`), ")"]);
  // isort's sections: absolute imports, a blank line, then the package's own (relative) modules.
  const absolute = section(false);
  const relative = section(true);
  const imports = [...absolute, ...(absolute.length > 0 && relative.length > 0 ? [""] : []), ...relative];
  const all = modules.flatMap((m) => m.names).sort(dunderAllOrder);
  const doc = moduleDocText(protocol);
  const lines = [
    pythonHeader(protocol).trimEnd(),
    "",
    ...(doc === "" ? [] : [...pythonDocstring(doc, ""), ""]),
    ...imports,
    ...(imports.length > 0 ? [""] : []),
    "__all__ = [",
    ...all.map((name) => `    ${pythonString(name)},`),
    "]",
  ];
  return { path, text: `${lines.join("\n")}\n` };
}

/** isort's member types under `order-by-type`: CONSTANT, then Class, then variable. */
function memberType(name: string): number {
  const cased = /[A-Za-z]/.test(name);
  if (name.length > 1 && cased && name === name.toUpperCase()) return 0;
  if (/^[A-Z]/.test(name)) return 1;
  return 2;
}

/** ruff isort's order of imported names: type, then natural order ignoring case, then with case. */
export function importOrder(a: string, b: string): number {
  return (
    memberType(a) - memberType(b) ||
    naturalCompare(a.toLowerCase(), b.toLowerCase()) ||
    naturalCompare(a, b)
  );
}

/** RUF022's "isort-style" order of `__all__`: type, then natural order with case. */
export function dunderAllOrder(a: string, b: string): number {
  return memberType(a) - memberType(b) || naturalCompare(a, b);
}

/** Natural order (`natord`): runs of digits compare as numbers, everything else by code unit. */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = /^\d+/.exec(a.slice(i))?.[0];
    const db = /^\d+/.exec(b.slice(j))?.[0];
    if (da !== undefined && db !== undefined) {
      const na = da.replace(/^0+(?=\d)/, "");
      const nb = db.replace(/^0+(?=\d)/, "");
      const byNumber = na.length - nb.length || (na < nb ? -1 : na > nb ? 1 : 0);
      if (byNumber !== 0) return byNumber;
      i += da.length;
      j += db.length;
      continue;
    }
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}
