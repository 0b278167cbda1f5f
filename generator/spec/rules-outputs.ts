/**
 * Rules on outputs: directories relative and POSIX, inside the repository that holds the spec
 * (they may climb out of the spec's directory with `..`, never above the repository root);
 * module and entry-point paths relative to their target's directory, importable, each file
 * written once; the Python package name an identifier.
 */
import { isMap } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import { pythonLayout, typescriptLayout } from "../layout.js";
import type { ModuleItem, Protocol, PythonOutput, Record, Span, TypeScriptOutput } from "../model.js";
import { PYTHON_KEYWORDS, PYTHON_STDLIB_MODULES } from "../names/keywords-python.js";
import { isIdentifier } from "../names/keywords-typescript.js";
import { child, keyNodeOf, span, str, strings } from "./read.js";
import type { Located, Reader } from "./read.js";
import { itemsOf, pairsOf, keyText } from "./yaml-node.js";

/** Where the spec sits in its repository, when known: how many directories lie between the root and the spec. */
export interface OutputRoot {
  /** `0` for a spec at the repository root; undefined when the root is unknown (an editor), so `..` is not judged. */
  readonly depth?: number | undefined;
}

export function outputRules(r: Reader, root: unknown, where: OutputRoot = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const outputs = child(r, root, "outputs");
  const protocolName = str(r, child(r, root, "protocol"), "name")?.value ?? "";
  for (const pair of pairsOf(outputs)) {
    const target = keyText(pair);
    const dir = target === undefined ? undefined : str(r, pair.value, "dir");
    if (target === undefined || dir === undefined) continue;
    const problem = dirProblem(dir.value, where.depth);
    if (problem !== undefined) {
      out.push(diagnostic("WD317", `output directory "${dir.value}" of ${target} ${problem.what}`, dir.span, { hint: problem.hint }));
    }
    if (target === "python" || target === "typescript") out.push(...layoutRules(r, pair.value, target, protocolName));
  }
  out.push(...packageRule(r, root, outputs), ...stdlibRule(r, root, outputs));
  return out;
}

const RELATIVE_HINT = "write a path relative to the spec's directory with / separators, such as generated/ts or ../packages/proto-ts/src";

function dirProblem(dir: string, depth: number | undefined): { what: string; hint: string } | undefined {
  const plain = (what: string) => ({ what, hint: RELATIVE_HINT });
  if (dir.trim() === "") return plain("is empty");
  if (dir.includes("\\")) return plain("uses backslashes");
  if (dir.startsWith("/") || /^[A-Za-z]:/.test(dir)) return plain("is absolute");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(dir)) return plain("contains control characters");
  const segments = dir.replace(/\/$/, "").split("/");
  if (segments.length > 1 && segments.includes(".")) return plain("has . segments");
  if (segments.some((s) => s === "")) return plain("has empty segments");
  const up = segments.findIndex((s) => s !== "..");
  const climbs = up === -1 ? segments.length : up;
  if (segments.slice(climbs).includes("..")) return plain("has .. after a directory name");
  if (depth !== undefined && climbs > depth) {
    const where = depth === 0 ? "the spec sits at the repository root" : `the spec sits ${depth} ${depth === 1 ? "directory" : "directories"} below the repository root`;
    return {
      what: `leaves the repository (${where})`,
      hint: "keep outputs inside the repository that holds the spec, or name a higher root with --root",
    };
  }
  return undefined;
}

type CodeTarget = "python" | "typescript";

/** `modules` and `init`/`index`: paths, collisions, re-exports. */
function layoutRules(r: Reader, node: unknown, target: CodeTarget, protocolName: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const written = new Map<string, Located<string>>();
  const write = (path: Located<string>, what: string): void => {
    const problem = modulePathProblem(path.value, target, what);
    if (problem !== undefined) {
      out.push(diagnostic("WD372", `${what} path "${path.value}" of ${target} ${problem}`, path.span, {
        hint: target === "python"
          ? "write a path relative to the target's dir, its directories and file name Python identifiers, such as nvflare/client/cell/defs.py"
          : "write a path relative to the target's dir ending in .ts, such as src/defs.ts",
      }));
      return;
    }
    const key = path.value.toLowerCase(); // one file on a case-insensitive file system
    const earlier = written.get(key);
    if (earlier !== undefined) {
      out.push(diagnostic("WD318", `${target} writes "${path.value}" twice`, path.span, {
        hint: "give every module and the entry point a file of its own",
        related: [{ message: "also written here", span: earlier.span }],
      }));
      return;
    }
    written.set(key, path);
  };
  const modules = child(r, node, "modules");
  const listed = new Set<string>();
  for (const entry of itemsOf(modules)) {
    const path = str(r, entry, "path");
    if (path === undefined) continue;
    listed.add(path.value);
    write(path, "module");
  }
  const entryKey = target === "python" ? "init" : "index";
  const entry = child(r, node, entryKey);
  if (!isMap(entry)) return out;
  const path = str(r, entry, "path");
  if (path !== undefined) write(path, entryKey);
  else if (modules !== undefined) {
    out.push(diagnostic("WD374", `${entryKey} of ${target} has no path`, span(r, keyNodeOf(node, entryKey)), {
      hint: `with modules listed, say where the entry point goes: ${entryKey}: { path: ${target === "python" ? "mypkg/__init__.py" : "index.ts"} }`,
    }));
  }
  for (const name of strings(r, entry, "reexport")) {
    const known = modules === undefined ? defaultModules(target, str(r, node, "package")?.value ?? protocolName) : listed;
    if (known.has(name.value)) continue;
    out.push(diagnostic("WD373", `${entryKey} of ${target} re-exports "${name.value}", which is no module of ${target}`, name.span, {
      hint: `name the path of a module it writes: ${[...known].join(", ") || "(none)"}`,
    }));
  }
  return out;
}

function defaultModules(target: CodeTarget, pkg: string): Set<string> {
  if (target === "typescript") return new Set(["defs.ts", "messages.ts"]);
  return new Set([`${pkg}/defs.py`, `${pkg}/messages.py`]);
}

function modulePathProblem(path: string, target: CodeTarget, what: string): string | undefined {
  if (path.trim() === "") return "is empty";
  if (path.includes("\\")) return "uses backslashes";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "is absolute";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) return "contains control characters";
  const segments = path.split("/");
  if (segments.includes("..")) return "leaves the target's directory (..): move the target's dir up instead";
  if (segments.some((s) => s === "" || s === ".")) return "has empty or . segments";
  const file = segments[segments.length - 1] ?? "";
  if (target === "typescript") {
    if (!file.endsWith(".ts") || file.endsWith(".d.ts") || file === ".ts") return "is no .ts module";
    return undefined;
  }
  if (what === "init" && file !== "__init__.py") return "is no __init__.py";
  if (!file.endsWith(".py")) return "is no .py module";
  const parts = [...segments.slice(0, -1), file.slice(0, -3)];
  const bad = parts.find((p) => !isIdentifier(p) || PYTHON_KEYWORDS.has(p));
  return bad === undefined ? undefined : `is not importable ("${bad}" is no Python identifier)`;
}

/**
 * The package of a python output without `modules:`: `package:`, else the protocol name; where a
 * diagnostic about it points (the package, else the output's dir) and how it words it.
 */
function defaultPackage(r: Reader, root: unknown, python: unknown): { name: string; span: Span; what: string } | undefined {
  if (python === undefined || child(r, python, "modules") !== undefined) return undefined;
  const explicit = str(r, python, "package");
  const name = explicit ?? str(r, child(r, root, "protocol"), "name");
  if (name === undefined) return undefined;
  const what = explicit === undefined ? `Python package "${name.value}" (the protocol name)` : `Python package "${name.value}"`;
  return { name: name.value, span: explicit?.span ?? span(r, keyNodeOf(python, "dir")), what };
}

function packageRule(r: Reader, root: unknown, outputs: unknown): Diagnostic[] {
  const pkg = defaultPackage(r, root, child(r, outputs, "python"));
  if (pkg === undefined || (isIdentifier(pkg.name) && !PYTHON_KEYWORDS.has(pkg.name))) return [];
  const why = isIdentifier(pkg.name) ? "is a Python keyword" : "is not a valid Python identifier";
  return [diagnostic("WD319", `${pkg.what} ${why}`, pkg.span, { hint: "set outputs.python.package to a lower-case identifier such as my_protocol" })];
}

/**
 * WD394: a top-level Python package or module named like a standard-library module (`json`,
 * `queue`, `typing`). With the output's dir on the import path, one of the two hides the other:
 * the generated package cannot be imported, or it takes the place of the standard module for the
 * whole process. A warning, not an error: a dir inside a package of the team's (`src/acme`, where
 * it is `acme.json`) hides nothing, and wiredefs cannot tell the two apart.
 */
function stdlibRule(r: Reader, root: unknown, outputs: unknown): Diagnostic[] {
  const python = child(r, outputs, "python");
  const dir = str(r, python, "dir")?.value ?? "its dir";
  const modules = child(r, python, "modules");
  const named: { name: string; span: Span; what: string }[] = [];
  if (modules === undefined) {
    const pkg = defaultPackage(r, root, python);
    if (pkg !== undefined) named.push(pkg);
  } else {
    const paths = [...itemsOf(modules).map((m) => str(r, m, "path")), str(r, child(r, python, "init"), "path")];
    for (const path of paths) {
      if (path === undefined) continue;
      const [first = "", ...rest] = path.value.split("/");
      const name = rest.length === 0 ? first.replace(/\.py$/, "") : first;
      const what = rest.length === 0 ? `Python module "${name}" (${path.value})` : `Python package "${name}" (of ${path.value})`;
      if (!named.some((n) => n.name === name)) named.push({ name, span: path.span, what });
    }
  }
  return named
    .filter((n) => PYTHON_STDLIB_MODULES.has(n.name))
    .map((n) =>
      diagnostic("WD394", `${n.what} is named like the standard library's ${n.name} module: with ${dir} on the import path, one hides the other`, n.span, {
        hint: `give it another name, such as ${n.name}_protocol (a dir inside a package of yours, where it is <package>.${n.name}, hides nothing)`,
      }),
    );
}

/**
 * A module refers to the constants it uses by name: the messages to every enum, key set and topic
 * set, a verify function to its record's key sets and enums. Each must be in some module of the
 * target (in its own module, or imported from another), or the code could not name it.
 */
export function moduleUseRules(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [target, output] of [["python", p.outputs.python], ["typescript", p.outputs.typescript]] as const) {
    if (output === undefined) continue;
    const modules = target === "python" ? pythonLayout(p, output as PythonOutput).modules : typescriptLayout(p, output as TypeScriptOutput).modules;
    const placed = new Set(modules.flatMap((m) => m.items.map(itemName)));
    for (const module of modules) {
      const needs = [
        ...(module.messages ? [...p.enums, ...p.keySets, ...p.topicSets].map((s) => s.name) : []),
        ...module.items.flatMap((item) => (item.kind === "verify" ? recordNeeds(p, item.record) : [])),
      ];
      for (const name of new Set(needs)) {
        if (placed.has(name)) continue;
        const at = module.span ?? output.span;
        if (at === undefined) continue;
        out.push(diagnostic("WD375", `module ${module.path} of ${target} uses ${name}, which no module of ${target} holds`, at, {
          hint: `add ${name} to the items of one of ${target}'s modules`,
        }));
      }
    }
  }
  return out;
}

export function itemName(item: ModuleItem): string {
  switch (item.kind) {
    case "constant":
      return item.constant.name;
    case "set":
      return item.set.name;
    case "verify":
      return item.verify.function;
  }
}

/** The key sets holding a record's keys and the enums its fields are typed with. */
function recordNeeds(p: Protocol, record: Record): string[] {
  const names: string[] = [];
  for (const field of record.fields) {
    const set = p.keySets.find((s) => s.keys.includes(field.key));
    if (set !== undefined) names.push(set.name);
    if (field.type.kind === "enum") names.push(field.type.enum.name);
  }
  return names;
}
