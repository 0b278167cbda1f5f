/**
 * The ecosystem tools the constants tests hold the output to: prettier and ruff (format and
 * lint, in process), tsc and pyright (strict, as subprocesses over a temp dir), and python3.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import * as prettier from "prettier";
import type { GeneratedFile } from "../../generator/model.js";
import { REPO } from "./defs-helpers.js";

/** A team's formatter settings, as a spec's `outputs` gives them; absent ones are the formatters' defaults. */
export interface FormatterStyle {
  readonly printWidth?: number;
  readonly singleQuote?: boolean;
  readonly semi?: boolean;
  readonly lineLength?: number;
}

/** prettier with default options, as the repo uses it (there is no prettier config), or with a team's. */
export function prettierFormat(text: string, path: string, style: FormatterStyle = {}): Promise<string> {
  const { printWidth, singleQuote, semi } = style;
  return prettier.format(text, { filepath: path, ...(printWidth === undefined ? {} : { printWidth }), ...(singleQuote === undefined ? {} : { singleQuote }), ...(semi === undefined ? {} : { semi }) });
}

/**
 * The lint rules generated Python must pass. Broad on purpose: pycodestyle (E, W), pyflakes (F),
 * isort (I), pep8-naming (N), pydocstyle (D, Google convention), pyupgrade (UP, for 3.9),
 * bugbear (B), builtins (A), comprehensions (C4), flake8-pyi (PYI), ruff (RUF, incl. RUF022's
 * sorted `__all__` and RUF100 unused noqa), pylint (PL), simplify (SIM), pie (PIE), 2020 (YTT),
 * print (T20).
 *
 * Ignored everywhere, with reasons:
 * - E501: the formatter owns code layout; doc text is the spec author's and kept verbatim, so
 *   a long doc line stays long (wrapping it would change the text docstrings round-trip).
 * - D301: a docstring is escaped only when no raw string can hold its text (a `"""` run, a
 *   trailing quote or backslash, invisible characters); those escapes are deliberate.
 */
export const RUFF_RULES = {
  select: ["E", "W", "F", "I", "N", "D", "UP", "B", "A", "C4", "PYI", "RUF", "PL", "SIM", "PIE", "YTT", "T20"],
  ignore: ["E501", "D301"],
} as const;

/**
 * Rules about the spec's own words and names, which the generator must carry unchanged: the
 * torture spec and random specs break them on purpose (a title without a full stop, a doc
 * starting lower-case, a constant named `I`, a `toString` member,
 * look-alike unicode), or leaving an item without a doc (D100, D101, D104: the generator invents
 * no docstring the spec does not contain). The seed spec is held to them; the torture spec is not.
 */
export const CONTENT_RULES = ["D100", "D101", "D104", "D205", "D400", "D403", "D415", "E741", "N801", "N815", "N816", "RUF001", "RUF002", "RUF003"] as const;

/** ruff workspaces by rule set and line length (making one costs milliseconds). */
const workspaces = new Map<string, Workspace>();

function ruffWorkspace(ignoreContent: boolean, lineLength: number): Workspace {
  const key = `${String(ignoreContent)} ${String(lineLength)}`;
  const known = workspaces.get(key);
  if (known !== undefined) return known;
  const make = (ignore: readonly string[]): Workspace =>
    new Workspace(
      {
        "line-length": lineLength,
        "target-version": "py39",
        lint: { select: [...RUFF_RULES.select], ignore: [...ignore], pydocstyle: { convention: "google" } },
      },
      PositionEncoding.Utf16,
    );
  const made = make(ignoreContent ? [...RUFF_RULES.ignore, ...CONTENT_RULES] : RUFF_RULES.ignore);
  workspaces.set(key, made);
  return made;
}

export function ruffFormat(text: string, lineLength = 88): string {
  return ruffWorkspace(false, lineLength).format(text);
}

interface RuffDiagnostic {
  readonly code: string | null;
  readonly message: string;
  readonly start_location: { readonly row: number };
}

/** ruff's findings as `row code message` lines. */
export function ruffCheck(text: string, ignoreContent = false, lineLength = 88): string[] {
  const found = ruffWorkspace(ignoreContent, lineLength).check(text) as RuffDiagnostic[];
  return found.map((d) => `${d.start_location.row} ${d.code ?? "?"} ${d.message}`);
}

/** Writes files into a fresh temp dir; returns its path. */
export function writeTemp(files: readonly GeneratedFile[], extra: { readonly [path: string]: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-defs-"));
  const all: [string, string][] = [...files.map((f): [string, string] => [f.path, f.text]), ...Object.entries(extra)];
  for (const [path, text] of all) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export interface ToolRun {
  readonly status: number | null;
  readonly output: string;
}

function run(command: string, args: readonly string[], cwd: string, input?: string): ToolRun {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", input, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}` };
}

/** The strictest flags the design promises the generated TypeScript passes. */
export const TSC_FLAGS = [
  "--noEmit",
  "--strict",
  "--exactOptionalPropertyTypes",
  "--noUncheckedIndexedAccess",
  "--erasableSyntaxOnly",
  "--verbatimModuleSyntax",
  "--isolatedDeclarations",
  "--declaration",
  "--target",
  "es2022",
  "--module",
  "nodenext",
  "--types",
  "",
] as const;

/**
 * The native TypeScript 7 compiler's entry script, installed as `typescript-native`: the
 * `typescript` package (and so `node_modules/.bin/tsc`) is the 6.0 JavaScript API that
 * typescript-eslint needs. Run it with `node`.
 */
export const NATIVE_TSC = join(REPO, "node_modules/typescript-native/bin/tsc");

/** The native tsc (TypeScript 7) with `args`, from `dir`. */
export function nativeTsc(dir: string, args: readonly string[]): ToolRun {
  return run(process.execPath, [NATIVE_TSC, ...args], dir);
}

/** tsc (TypeScript 7) over the given files, from a dir holding an ESM package.json. */
export function tsc(dir: string, files: readonly string[]): ToolRun {
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  return nativeTsc(dir, [...TSC_FLAGS, ...files]);
}

/** pyright in strict mode for Python 3.9 over `dir`. */
export function pyright(dir: string): ToolRun {
  writeFileSync(join(dir, "pyrightconfig.json"), JSON.stringify({ typeCheckingMode: "strict", pythonVersion: "3.9" }));
  return run(join(REPO, "node_modules/.bin/pyright"), ["--pythonversion", "3.9", "-p", "pyrightconfig.json"], dir);
}

/** Runs a Python script with `input` on stdin. */
export function python(script: string, cwd: string, input = ""): ToolRun {
  return run("python3", ["-c", script], cwd, input);
}

export function hasPython(): boolean {
  try {
    execFileSync("python3", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A batched tool run (one tsc or pyright over several packages under `root`, each in its own
 * subdirectory) read per package: the error, warning and information lines about files under
 * `root/sub` (tsc prints paths relative to its working directory `root`, pyright absolute ones).
 */
export function findingsUnder(run: ToolRun, root: string, sub: string): string[] {
  return findings(run).filter((l) => l.startsWith(`${sub}/`) || l.includes(`${root}/${sub}/`));
}

/** The finding lines of a batched run that name none of `subs` (a tool or configuration failure). */
export function unplacedFindings(run: ToolRun, root: string, subs: readonly string[]): string[] {
  return findings(run).filter((l) => !subs.some((sub) => l.startsWith(`${sub}/`) || l.includes(`${root}/${sub}/`)));
}

function findings(run: ToolRun): string[] {
  return run.output.split("\n").filter((l) => /\b(error|warning|information)\b/.test(l) && !/\b\d+ errors?, \d+ warnings?/.test(l));
}
