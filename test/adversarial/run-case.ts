/**
 * Runs one case of the adversarial corpus (test/fixtures/adversarial/cases.json): builds its
 * scratch tree (`<case>/repo`, the repository, and `<case>/outside`, a directory beside it that
 * nothing may touch), writes the spec, applies the file-system set-up, runs the built CLI (as an
 * unprivileged user when the suite runs as root, so permissions hold), and records what came out:
 * exit code, output, and the tree before and after.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { REPO } from "../cli/run.js";
import { cliForOthers, IS_ROOT, NOBODY } from "../cli/cli-copy.js";

const FIXTURES = join(REPO, "test/fixtures/adversarial");
export const asRoot = IS_ROOT;

/** The built CLI, runnable by the unprivileged user (see test/cli/cli-copy.ts). */
const BIN = cliForOthers();

export type SpecSource =
  | { readonly file: string; readonly transform?: "crlf" | "bom" | "cr" }
  | { readonly template: string; readonly T?: string; readonly W?: string }
  | { readonly text: string; readonly transform?: "crlf" | "bom" | "cr" }
  | { readonly base64: string }
  | { readonly recipe: string; readonly n: number };

export type SetupStep =
  | { readonly op: "seed" }
  | { readonly op: "gen" }
  | { readonly op: "write"; readonly path: string; readonly text: string }
  | { readonly op: "mkdir"; readonly path: string }
  | { readonly op: "rm"; readonly path: string }
  | { readonly op: "symlink"; readonly path: string; readonly target: string }
  | { readonly op: "fifo"; readonly path: string }
  | { readonly op: "socket"; readonly path: string }
  | { readonly op: "chmod"; readonly path: string; readonly mode: string }
  | { readonly op: "edit"; readonly path: string; readonly from: string; readonly to: string };

export interface Case {
  readonly id: string;
  /** The issue item the case tests, e.g. "7.1". */
  readonly item: string;
  readonly why: string;
  /** Where the spec is written (relative to the repository); default protocol.yaml. */
  readonly specName?: string;
  readonly spec?: SpecSource;
  readonly setup?: readonly SetupStep[];
  /** CLI arguments; default `gen --spec <specName>`. */
  readonly args?: readonly string[];
  /** The working directory, relative to the repository; default the repository. */
  readonly cwd?: string;
  /** Run this many identical processes at once. */
  readonly concurrent?: number;
  readonly timeoutSeconds?: number;
  readonly expect: Expectation;
}

export interface Expectation {
  /** The exit code, or for concurrent runs the codes allowed (at least one run must exit 0). */
  readonly exit: number | readonly number[];
  /** Every error the CLI prints, as `CODE line:col` in the order printed (`A|B` allows either code). */
  readonly errors?: readonly string[];
  /** `unchanged`: the whole scratch tree is as before; `complete`: every output and the lock as rendered. */
  readonly tree?: "unchanged" | "complete";
  /** Every generated file on disk passes the defusing property. */
  readonly inert?: boolean;
  /** The outputs on disk are exactly those of the same spec with LF line ends. */
  readonly sameAsLf?: boolean;
  /** Each output has as many lines as the same spec generated under the name protocol.yaml. */
  readonly linesAsProtocolYaml?: boolean;
  /** Exact lines that must be present in a file. */
  readonly lines?: readonly { readonly file: string; readonly line: string }[];
  /** Paths (relative to the repository) that must be byte-identical after the run. */
  readonly untouched?: readonly string[];
  /** Paths that must not exist after the run. */
  readonly absent?: readonly string[];
  /** Text stderr must hold (a path, say). */
  readonly mentions?: readonly string[];
}

export interface Outcome {
  readonly runs: readonly { readonly status: number | null; readonly signal: string | null; readonly stdout: string; readonly stderr: string }[];
  readonly before: Map<string, string>;
  readonly after: Map<string, string>;
  /** Bytes before the run of each regular file, by path relative to the case directory. */
  readonly beforeBytes: Map<string, Buffer>;
  readonly dir: string;
  readonly repo: string;
  readonly specName: string;
  readonly specBytes: Buffer;
}

/** YAML double-quoted string content for `text`: ASCII only, every other character escaped. */
export function yamlQuoted(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] ?? "";
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else out += `\\u${c.toString(16).padStart(4, "0")}`;
  }
  return out;
}

function specBytes(source: SpecSource | undefined): Buffer | undefined {
  if (source === undefined) return undefined;
  if ("file" in source) return transform(readFileSync(join(FIXTURES, source.file)), source.transform);
  if ("template" in source) {
    let text = readFileSync(join(FIXTURES, source.template), "utf8");
    if (source.T !== undefined) text = text.replaceAll("{{T}}", yamlQuoted(source.T));
    if (source.W !== undefined) text = text.replaceAll("{{W}}", yamlQuoted(source.W));
    return Buffer.from(text, "utf8");
  }
  if ("text" in source) return transform(Buffer.from(source.text, "utf8"), source.transform);
  if ("base64" in source) return Buffer.from(source.base64, "base64");
  return Buffer.from(recipe(source.recipe, source.n), "utf8");
}

function transform(bytes: Buffer, how: "crlf" | "bom" | "cr" | undefined): Buffer {
  if (how === "crlf") return Buffer.from(bytes.toString("utf8").replace(/\n/g, "\r\n"), "utf8");
  if (how === "cr") return Buffer.from(bytes.toString("utf8").replace(/\n/g, "\r"), "utf8");
  if (how === "bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  return bytes;
}

const HEADER = (name: string): string =>
  `wiredefs: 1\nprotocol: { name: ${name}, title: Big., channel: big, version: 1 }\n`;
const OUTPUTS = (pkg: string): string =>
  "outputs:\n  typescript: { dir: generated/ts }\n" +
  `  python: { dir: generated/python, package: ${pkg} }\n  docs: { dir: generated/docs }\n  schema: { dir: generated/schema }\n`;

/** Specs too big to commit, built from a size: the recipe is the fixture. */
function recipe(name: string, n: number): string {
  const lines: string[] = [];
  switch (name) {
    case "wide-payload": {
      // One topic whose payload carries n keys.
      lines.push(HEADER("wide"), "keys:\n  MsgKey:\n    keys:");
      for (let i = 0; i < n; i++) lines.push(`      K${i}: { type: ${["string", "int", "float", "bool"][i % 4]} }`);
      lines.push("topics:\n  Topic:\n    keys: MsgKey\n    topics:\n      WIDE:\n        payload:\n          required:");
      for (let i = 0; i < n; i++) lines.push(`            - K${i}`);
      lines.push(OUTPUTS("wide"));
      break;
    }
    case "chained-records": {
      // R0 holds an R1, which holds an R2, … R(n-1): n records in one chain, no cycle.
      lines.push(HEADER("chain"), "keys:");
      for (let i = 0; i < n; i++) {
        const type = i + 1 < n ? `R${i + 1}` : "string";
        lines.push(`  K${i}:\n    keys:\n      NEXT: { type: ${type} }`);
      }
      lines.push("records:");
      for (let i = 0; i < n; i++) lines.push(`  R${i}: { keys: K${i}, required: [NEXT] }`);
      lines.push(OUTPUTS("chain"));
      break;
    }
    case "many-names": {
      // n enum members in n/100 enums.
      lines.push(HEADER("names"), "enums:");
      for (let e = 0; e < Math.ceil(n / 100); e++) {
        lines.push(`  E${e}:\n    values:`);
        for (let m = 0; m < 100 && e * 100 + m < n; m++) lines.push(`      M${e}_${m}: {}`);
      }
      lines.push("keys:\n  MsgKey:\n    keys:\n      A: { type: string }", OUTPUTS("names"));
      break;
    }
    case "deep-nesting":
      // n nested flow sequences as the value of `doc`: a YAML bomb by depth.
      lines.push(`${HEADER("deep")}actors:\n  a:\n    doc: ${"[".repeat(n)}${"]".repeat(n)}`);
      break;
    case "deep-block": {
      // n nested block mappings as the value of `doc`.
      lines.push(`${HEADER("deep")}actors:\n  a:\n    doc:`);
      for (let i = 0; i < n; i++) lines.push(`${" ".repeat(6 + i)}k:`);
      lines.push(`${" ".repeat(6 + n)}v`);
      break;
    }
    case "deep-flow": {
      // A flow of n loop blocks, each inside the one before.
      lines.push(HEADER("deepflow"), "actors: { a: {}, b: {} }", "keys:\n  MsgKey: { keys: { X: { type: string } } }");
      lines.push("topics:\n  Topic:\n    keys: MsgKey\n    topics:\n      PING: { from: a, to: b }");
      lines.push(`flows:\n  f:\n    steps: ${"[{ loop: again, steps: ".repeat(n)}[PING]${" }]".repeat(n)}`, OUTPUTS("deepflow"));
      break;
    }
    case "huge-doc":
      // A doc of n words (one scalar of ~6n bytes).
      lines.push(`${HEADER("huge")}constants:\n  X: { type: int, value: 1, doc: "${"word ".repeat(n)}" }\n${OUTPUTS("huge")}`);
      break;
    case "many-aliases":
      // The billion-laughs shape: each anchor used n times by the next (the spec rejects aliases).
      lines.push(HEADER("laughs"), "x:");
      lines.push("  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]");
      for (let i = 1; i < n; i++) lines.push(`  ${"b".repeat(i)}: &${"b".repeat(i)} [${Array(9).fill(i === 1 ? "*a" : `*${"b".repeat(i - 1)}`).join(", ")}]`);
      break;
    default:
      throw new Error(`unknown recipe ${name}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Every entry under `dir` by lstat (symlinks not followed, FIFOs never opened): path → kind and content hash. */
export function snapshot(dir: string): { kinds: Map<string, string>; bytes: Map<string, Buffer> } {
  const kinds = new Map<string, string>();
  const bytes = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      const st = lstatSync(p);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) kinds.set(rel, `symlink -> ${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        kinds.set(rel, `dir ${mode}`);
        walk(p);
      } else if (st.isFile()) {
        const content = readFileSync(p);
        bytes.set(rel, content);
        kinds.set(rel, `file ${mode} ${createHash("sha256").update(content).digest("hex").slice(0, 16)}`);
      } else kinds.set(rel, st.isFIFO() ? "fifo" : st.isSocket() ? "socket" : "special");
    }
  };
  walk(dir);
  return { kinds, bytes };
}

function runCli(args: readonly string[], cwd: string, timeoutSeconds: number): Promise<Outcome["runs"][number]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout.length < 1_000_000 ? (stdout += c) : undefined));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr.length < 1_000_000 ? (stderr += c) : undefined));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1000);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

function chownTree(dir: string): void {
  if (!asRoot) return;
  const walk = (p: string): void => {
    const st = lstatSync(p);
    // Never through a symlink: its target may be outside the scratch tree (/dev/zero, say).
    if (st.isSymbolicLink()) lchownSync(p, NOBODY, NOBODY);
    else chownSync(p, NOBODY, NOBODY);
    if (st.isDirectory() && !st.isSymbolicLink()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(dir);
}

function applyStep(step: SetupStep, repo: string, specName: string): void {
  const at = (p: string): string => join(repo, p);
  switch (step.op) {
    case "seed":
      for (const name of ["protocol.yaml", "protocol.lock.json", "protocol.files.json", "generated"]) cpSync(join(REPO, name), at(name), { recursive: true });
      break;
    case "gen": {
      const out = execFileSync(process.execPath, [BIN, "gen", "--spec", specName], { cwd: repo, encoding: "utf8" });
      if (!out.includes("wrote")) throw new Error(`set-up gen printed ${out}`);
      break;
    }
    case "write":
      mkdirSync(dirname(at(step.path)), { recursive: true });
      writeFileSync(at(step.path), step.text);
      break;
    case "mkdir":
      mkdirSync(at(step.path), { recursive: true });
      break;
    case "rm":
      rmSync(at(step.path), { recursive: true, force: true });
      break;
    case "symlink":
      mkdirSync(dirname(at(step.path)), { recursive: true });
      symlinkSync(step.target, at(step.path));
      break;
    case "fifo":
      mkdirSync(dirname(at(step.path)), { recursive: true });
      execFileSync("mkfifo", [at(step.path)]);
      break;
    case "socket":
      mkdirSync(dirname(at(step.path)), { recursive: true });
      execFileSync("python3", ["-c", "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", at(step.path)]);
      break;
    case "chmod":
      chmodSync(at(step.path), Number.parseInt(step.mode, 8));
      break;
    case "edit": {
      const text = readFileSync(at(step.path), "utf8");
      if (!text.includes(step.from)) throw new Error(`set-up edit: ${step.path} does not hold ${step.from}`);
      writeFileSync(at(step.path), text.replace(step.from, step.to));
      break;
    }
  }
}

export async function runCase(c: Case): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-adversarial-"));
  const repo = join(dir, "repo");
  mkdirSync(repo);
  mkdirSync(join(dir, "outside"));
  writeFileSync(join(dir, "outside", "keep.txt"), "nothing may touch this file\n");
  const specName = c.specName ?? "protocol.yaml";
  const bytes = specBytes(c.spec);
  // Chown first: set-up steps chmod afterwards (a read-only directory must stay read-only).
  const steps = c.setup ?? [];
  const before = steps.filter((s) => s.op === "seed" || s.op === "gen");
  const after = steps.filter((s) => s.op !== "seed" && s.op !== "gen" && s.op !== "chmod");
  const modes = steps.filter((s) => s.op === "chmod");
  if (bytes !== undefined) {
    mkdirSync(dirname(join(repo, specName)), { recursive: true });
    writeFileSync(join(repo, specName), bytes);
  }
  for (const s of before) applyStep(s, repo, specName);
  for (const s of after) applyStep(s, repo, specName);
  chownTree(dir);
  for (const s of modes) applyStep(s, repo, specName);
  const snap = snapshot(dir);
  const args = c.args ?? ["gen", "--spec", specName];
  const cwd = join(repo, c.cwd ?? ".");
  const runs = await Promise.all(Array.from({ length: c.concurrent ?? 1 }, () => runCli(args, cwd, c.timeoutSeconds ?? 60)));
  const end = snapshot(dir);
  return {
    runs,
    before: snap.kinds,
    after: end.kinds,
    beforeBytes: snap.bytes,
    dir,
    repo,
    specName,
    specBytes: bytes ?? readFileSync(join(repo, specName)),
  };
}

/** Removes the CLI's copy (made when running as root). */
export function removeCliCopy(): void {
  if (asRoot) rmSync(dirname(dirname(BIN)), { recursive: true, force: true });
}

/** Makes the scratch tree removable again (set-ups leave read-only directories). */
export function cleanUp(o: Outcome): void {
  const walk = (p: string): void => {
    const st = lstatSync(p);
    if (st.isDirectory() && !st.isSymbolicLink()) {
      chmodSync(p, 0o755);
      for (const n of readdirSync(p)) walk(join(p, n));
    }
  };
  try {
    walk(o.dir);
    rmSync(o.dir, { recursive: true, force: true });
  } catch {
    // A leftover scratch directory in the temp dir is harmless.
  }
}
