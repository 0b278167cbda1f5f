/**
 * Package scaffolding, per target, when the spec asks for it (`outputs.typescript.package`,
 * `outputs.python.project`): the files that make the generated modules an installable, typed
 * package. They are outputs like any other — generated, recorded as owned, rewritten by `gen`,
 * compared by `check` — so a version bump or a new module is one edit of the spec.
 *
 * Also the target's code style (./style.ts) as the spec's options give it.
 */
import type { GeneratedFile, PackageScaffold, Protocol } from "../../model.js";
import { generatedNotice } from "../header.js";
import { jsonText, type Json } from "../jsonschema/json-text.js";
import { pythonComment } from "../python/defs-syntax.js";
import type { StyleOptions } from "../style.js";

export function typescriptStyle(protocol: Protocol): StyleOptions {
  const ts = protocol.outputs.typescript;
  return { printWidth: ts?.printWidth, quote: ts?.quote, semicolons: ts?.semicolons };
}

export function pythonStyle(protocol: Protocol): StyleOptions {
  const python = protocol.outputs.python;
  return { lineLength: python?.lineLength, unicodeWidth: python?.unicodeWidth };
}

const notice = (protocol: Protocol): string => generatedNotice(protocol).join(" ");

/**
 * `package.json` and `tsconfig.json` next to the TypeScript modules: an ES module package whose
 * `build` script compiles the modules to `dist/` (JavaScript and declarations); `exports` maps
 * `.` to the index module (when there is one) and `./<module>` to each module, with `types` first.
 */
export function typescriptPackage(protocol: Protocol, modules: readonly GeneratedFile[]): GeneratedFile[] {
  const output = protocol.outputs.typescript;
  const pkg = output?.package;
  if (output === undefined || pkg === undefined) return [];
  const names = modules
    .map((f) => f.path.slice(output.dir.length + 1))
    .filter((name) => name.endsWith(".ts") && !name.includes("/"))
    .map((name) => name.slice(0, -3));
  const entry = (name: string): Json => ({ types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });
  const exports: { [path: string]: Json } = {};
  if (names.includes("index")) exports["."] = entry("index");
  for (const name of names.filter((n) => n !== "index")) exports[`./${name}`] = entry(name);
  const main = names.includes("index") ? "index" : names[0];
  const manifest: { [key: string]: Json } = {
    $comment: notice(protocol),
    name: pkg.name,
    version: pkg.version,
    ...(protocol.title === undefined ? {} : { description: protocol.title.trim() }),
    type: "module",
    sideEffects: false,
    ...(main === undefined ? {} : { types: `./dist/${main}.d.ts` }),
    exports,
    files: ["dist", ...names.map((n) => `${n}.ts`)],
    scripts: { build: "tsc -p tsconfig.json" },
  };
  const tsconfig: Json = {
    $comment: notice(protocol),
    compilerOptions: {
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      declaration: true,
      outDir: "dist",
      rootDir: ".",
      types: [],
    },
    files: names.map((n) => `${n}.ts`),
  };
  return [
    { path: `${output.dir}/package.json`, text: jsonText(manifest) },
    { path: `${output.dir}/tsconfig.json`, text: jsonText(tsconfig) },
  ];
}

/**
 * `pyproject.toml` in the Python output's directory (setuptools, the package found by name, its
 * `py.typed` shipped as package data) and the empty `py.typed` marker (PEP 561) in the package,
 * so `pip install` of the directory gives a package mypy and pyright read types from.
 */
export function pythonProject(protocol: Protocol): GeneratedFile[] {
  const output = protocol.outputs.python;
  const project = output?.project;
  if (output === undefined || project === undefined) return [];
  return [
    { path: `${output.dir}/pyproject.toml`, text: pyproject(protocol, output.package, project) },
    { path: `${output.dir}/${output.package}/py.typed`, text: "" },
  ];
}

/** A TOML basic string: JSON's escapes are TOML's, plus DEL and C1 controls, which TOML forbids raw. */
function toml(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function pyproject(protocol: Protocol, pkg: string, project: PackageScaffold): string {
  const lines = [
    ...generatedNotice(protocol).map((line) => pythonComment(line)),
    "[build-system]",
    'requires = ["setuptools>=61"]',
    'build-backend = "setuptools.build_meta"',
    "",
    "[project]",
    `name = ${toml(project.name)}`,
    `version = ${toml(project.version)}`,
    ...(protocol.title === undefined ? [] : [`description = ${toml(protocol.title.trim())}`]),
    'requires-python = ">=3.9"',
    "",
    "[tool.setuptools]",
    `packages = [${toml(pkg)}]`,
    "",
    "[tool.setuptools.package-data]",
    `${pkg} = ["py.typed"]`,
  ];
  return `${lines.join("\n")}\n`;
}
