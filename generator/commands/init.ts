/**
 * `wiredefs init`: set wiredefs up in an existing repository. Creates what is missing (the spec,
 * the CI script, the pre-commit hook, the workflow), adds the npm scripts package.json lacks, and
 * appends to line-based ignore and attributes files only the entries they lack (so a second run
 * changes nothing). It never overwrites a file: an existing one is kept and said so, and config
 * files it cannot edit safely (TOML, JavaScript) get a printed suggestion instead.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { loadProtocol } from "../spec/index.js";
import { outputDirs } from "../generate.js";
import { EXIT } from "./exit.js";
import type { Format } from "./output.js";
import { CI_SCRIPT, ciScript, HOOK, npmScripts, preCommitHook, starterSpec, WORKFLOW, workflow, type Layout } from "./init-files.js";

/** One thing init did (or left alone). */
interface Action {
  readonly action: "created" | "kept" | "appended" | "added" | "set";
  /** Relative to the working directory. */
  readonly file: string;
  readonly detail?: string;
}

export interface InitOptions {
  readonly format?: Format | undefined;
  /** Where the spec and package.json go (the working directory). */
  readonly cwd: string;
  readonly name?: string | undefined;
  readonly base?: string | undefined;
}

const SPEC = "protocol.yaml";
const LOCK = "protocol.lock.json";
const DEFAULT_DIRS = ["generated/ts", "generated/python", "generated/docs", "generated/schema"];

export function runInit(options: InitOptions): number {
  const cwd = options.cwd;
  const root = gitRoot(cwd);
  const log: Action[] = [];
  const advice: string[] = [];
  const name = options.name ?? nameFor(cwd);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    process.stderr.write(`error: "${name}" is not a Python package name\n  hint: pass one with --name, e.g. --name my_protocol\n`);
    return EXIT.usage;
  }
  const project = posix(relative(root ?? cwd, cwd));
  const layout: Layout = {
    name,
    base: options.base ?? (root === undefined ? "main" : defaultBranch(root)),
    project,
    install: existsSync(join(cwd, "package-lock.json")) ? "npm ci" : "npm install --no-audit --no-fund",
  };

  // The spec, and the directories it generates into.
  const specPath = join(cwd, SPEC);
  let dirs = DEFAULT_DIRS;
  if (existsSync(specPath)) {
    log.push({ action: "kept", file: SPEC, detail: "exists" });
    dirs = outputDirsOf(readFileSync(specPath, "utf8")) ?? DEFAULT_DIRS;
  } else {
    create(specPath, starterSpec(name), log, SPEC);
  }

  addScripts(join(cwd, "package.json"), layout, log, name);
  create(join(cwd, CI_SCRIPT), ciScript(layout), log, CI_SCRIPT, true);
  const hookBase = root ?? cwd;
  create(join(hookBase, HOOK), preCommitHook(layout), log, posix(relative(cwd, join(hookBase, HOOK))), true);
  create(join(hookBase, WORKFLOW), workflow(layout), log, posix(relative(cwd, join(hookBase, WORKFLOW))));
  if (root === undefined) advice.push("this is not a git repository: the pre-commit hook and `breaking --against` need one (git init)");
  else enableHooks(root, advice, log);

  // Attributes: LF everywhere for generated files, and collapsed in GitHub's diffs. The lock's diff
  // is the protocol change under review, so it is not marked generated.
  const fromRoot = (p: string): string => posix(join(project, p));
  const attributes = [...dirs.map((d) => `${fromRoot(d)}/** linguist-generated=true eol=lf`), `${fromRoot(LOCK)} eol=lf`];
  appendLines(join(hookBase, ".gitattributes"), attributes, log);

  // Formatters and linters that would rewrite or flag generated files.
  const ignored = [...dirs.map((d) => `${d}/`), LOCK];
  const pkg = readJson(join(cwd, "package.json"));
  const deps = { ...(pkg?.["dependencies"] as object | undefined), ...(pkg?.["devDependencies"] as object | undefined) };
  const has = (dep: string): boolean => Object.hasOwn(deps, dep);
  const anyFile = (...names: string[]): boolean => names.some((n) => existsSync(join(cwd, n)));
  if (has("prettier") || anyFile(".prettierignore", ".prettierrc", ".prettierrc.json", ".prettierrc.yaml", ".prettierrc.yml", "prettier.config.js", "prettier.config.mjs", ".prettierrc.js")) {
    appendLines(join(cwd, ".prettierignore"), ignored, log);
  }
  if (anyFile(".eslintignore")) appendLines(join(cwd, ".eslintignore"), dirs.map((d) => `${d}/`), log);
  else if (has("eslint") || anyFile("eslint.config.js", "eslint.config.mjs", "eslint.config.ts")) {
    advice.push(`eslint: add to eslint.config.*: { ignores: [${dirs.map((d) => `"${d}/**"`).join(", ")}] }`);
  }
  if (anyFile("biome.json", "biome.jsonc")) advice.push(`biome: add to files.ignore in biome.json: ${dirs.map((d) => `"${d}/**"`).join(", ")}`);
  const pyproject = existsSync(join(cwd, "pyproject.toml")) ? readFileSync(join(cwd, "pyproject.toml"), "utf8") : "";
  const pyDirs = dirs.filter((d) => d.includes("python"));
  const pyList = `[${(pyDirs.length > 0 ? pyDirs : dirs).map((d) => `"${d}"`).join(", ")}]`;
  if (/^\[tool\.ruff\b/m.test(pyproject)) advice.push(`ruff: add under [tool.ruff] in pyproject.toml: extend-exclude = ${pyList}`);
  for (const f of ["ruff.toml", ".ruff.toml"]) if (anyFile(f)) advice.push(`ruff: add to ${f}: extend-exclude = ${pyList}`);
  if (/^\[tool\.black\]/m.test(pyproject)) {
    advice.push(`black: add under [tool.black] in pyproject.toml: extend-exclude = '^/(${(pyDirs.length > 0 ? pyDirs : dirs).join("|")})/'`);
  }

  if (options.format === "json") {
    for (const a of log) process.stdout.write(`${JSON.stringify({ kind: "init", ...a })}\n`);
    for (const a of advice) process.stdout.write(`${JSON.stringify({ kind: "init", action: "advice", message: a })}\n`);
    return EXIT.ok;
  }
  if (options.format === "github") {
    for (const a of log) process.stdout.write(`::notice title=wiredefs init::${a.action} ${a.file}${a.detail === undefined ? "" : ` (${a.detail})`}\n`);
    for (const a of advice) process.stdout.write(`::warning title=wiredefs init::${a.replace(/%/g, "%25").replace(/\n/g, "%0A")}\n`);
    return EXIT.ok;
  }
  for (const a of log) process.stdout.write(`${a.action.padEnd(9)} ${a.file}${a.detail === undefined ? "" : ` (${a.detail})`}\n`);
  if (advice.length > 0) {
    process.stdout.write("\nby hand (init edits no config it cannot edit safely):\n");
    for (const a of advice) process.stdout.write(`  - ${a}\n`);
  }
  process.stdout.write(
    `\nnext: npx wiredefs gen   (writes ${dirs.join(", ")} and ${LOCK}; commit them)\n` +
      "      npx wiredefs check (what CI and the pre-commit hook run)\n",
  );
  return EXIT.ok;
}

function create(path: string, text: string, log: Action[], shown: string, executable = false): void {
  if (existsSync(path)) {
    log.push({ action: "kept", file: shown, detail: "exists" });
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag: "wx" });
  if (executable) chmodSync(path, 0o755);
  log.push({ action: "created", file: shown });
}

/** Appends the lines a line-based file lacks, under one comment; creates it when absent. */
function appendLines(path: string, lines: readonly string[], log: Action[]): void {
  const shown = basename(path);
  const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  const present = new Set((before ?? "").split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((l) => !present.has(l));
  if (missing.length === 0) {
    log.push({ action: "kept", file: shown, detail: "has every entry" });
    return;
  }
  const header = "# Generated by wiredefs (from protocol.yaml)";
  const block = [...(present.has(header) ? [] : [header]), ...missing].join("\n");
  const separator = before === undefined || before === "" ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  writeFileSync(path, `${before ?? ""}${separator}${block}\n`);
  log.push({ action: before === undefined ? "created" : "appended", file: shown, detail: `${missing.length} ${missing.length === 1 ? "entry" : "entries"}` });
}

function addScripts(path: string, layout: Layout, log: Action[], name: string): void {
  const wanted = npmScripts(layout);
  if (!existsSync(path)) {
    const pkg = { name: name.replace(/_/g, "-"), private: true, scripts: wanted };
    writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`, { flag: "wx" });
    log.push({ action: "created", file: "package.json", detail: "with the wiredefs scripts; then: npm install --save-dev wiredefs" });
    return;
  }
  const text = readFileSync(path, "utf8");
  const pkg = readJson(path);
  if (pkg === undefined) {
    log.push({ action: "kept", file: "package.json", detail: "not a JSON object; add the wiredefs:* scripts by hand" });
    return;
  }
  const scripts = (typeof pkg["scripts"] === "object" && pkg["scripts"] !== null ? pkg["scripts"] : {}) as Record<string, unknown>;
  const missing = Object.entries(wanted).filter(([k]) => !Object.hasOwn(scripts, k));
  if (missing.length === 0) {
    log.push({ action: "kept", file: "package.json", detail: "has the wiredefs scripts" });
    return;
  }
  pkg["scripts"] = { ...scripts, ...Object.fromEntries(missing) };
  const indent = /^[ \t]+/m.exec(text)?.[0] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  writeFileSync(path, `${JSON.stringify(pkg, null, indent).replace(/\n/g, eol)}${eol}`);
  log.push({ action: "added", file: "package.json", detail: `scripts ${missing.map(([k]) => k).join(", ")}` });
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The output directories an existing spec names, or undefined when it does not load. */
function outputDirsOf(text: string): string[] | undefined {
  const loaded = loadProtocol(text, SPEC);
  if (!loaded.ok) return undefined;
  return outputDirs(loaded.protocol);
}

/** A Python package name from package.json's name, else the directory's. */
function nameFor(cwd: string): string {
  const fromPkg = readJson(join(cwd, "package.json"))?.["name"];
  const raw = typeof fromPkg === "string" && fromPkg !== "" ? fromPkg.replace(/^@[^/]+\//, "") : basename(cwd);
  const name = raw.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  return name === "" ? "protocol" : /^[0-9]/.test(name) ? `p_${name}` : name;
}

function git(cwd: string, ...args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

function gitRoot(cwd: string): string | undefined {
  return git(cwd, "rev-parse", "--show-toplevel");
}

function defaultBranch(root: string): string {
  const remote = git(root, "symbolic-ref", "--short", "refs/remotes/origin/HEAD");
  if (remote !== undefined && remote.startsWith("origin/")) return remote.slice("origin/".length);
  return "main";
}

/** Points git at .githooks when no hooks are set up yet; otherwise says how. */
function enableHooks(root: string, advice: string[], log: Action[]): void {
  const current = git(root, "config", "--get", "core.hooksPath");
  if (current === ".githooks") return;
  const hooksDir = git(root, "rev-parse", "--git-path", "hooks");
  const own = hooksDir === undefined ? [] : listHooks(join(root, hooksDir));
  if (current === undefined && own.length === 0) {
    git(root, "config", "core.hooksPath", ".githooks");
    log.push({ action: "set", file: ".git/config", detail: "core.hooksPath .githooks (this clone; others run `git config core.hooksPath .githooks` once)" });
    return;
  }
  advice.push(
    current !== undefined
      ? `hooks: core.hooksPath is ${current}; call ${HOOK} from your pre-commit hook there`
      : `hooks: .git/hooks has ${own.join(", ")}; run \`git config core.hooksPath .githooks\` or call ${HOOK} from your pre-commit hook`,
  );
}

function listHooks(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => !f.endsWith(".sample"));
  } catch {
    return [];
  }
}

function posix(p: string): string {
  return p.split(sep).join("/");
}
