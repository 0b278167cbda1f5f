/**
 * How every command prints: one place that turns diagnostics, breaking-change findings, lint
 * findings and drift into text (code frames, colour on a terminal), JSON lines, or GitHub workflow
 * annotations. The CLI picks the format and colour once per run (`configureOutput`); commands
 * call the print functions below and never write findings themselves.
 *
 *   text    the human report: findings and diagnostics as before, diffs bounded (--max-diff-lines)
 *   json    one JSON object per finding on stdout; summaries on stderr
 *   github  one `::error file=…,line=…,col=…,title=…::message` per finding on stdout, diffs in
 *           collapsed groups; summaries on stderr
 */
import { join, relative, resolve, sep } from "node:path";
import type { Finding } from "../contract/finding.js";
import { formatFinding, summarizeFindings } from "../contract/format.js";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { DRIFT_CODES, DRIFT_MESSAGES, diffStat, type DriftKindName } from "../drift.js";
import type { LintFinding } from "../lint/finding.js";
import { formatLintFinding } from "../lint/format.js";
import type { Span } from "../model.js";
import { displayPath } from "./spec-file.js";

export const FORMATS = ["text", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

interface Settings {
  readonly format: Format;
  readonly color: { readonly stdout: boolean; readonly stderr: boolean };
}

/** The environment, as far as colour goes (process.env's shape, without Node's types in the API's declarations). */
type Env = { readonly [name: string]: string | undefined };

let settings: Settings = { format: "text", color: { stdout: false, stderr: false } };

export function configureOutput(format: Format, env: Env = process.env): void {
  settings = {
    format,
    color: {
      stdout: format === "text" && wantsColor(process.stdout.isTTY, env),
      stderr: format === "text" && wantsColor(process.stderr.isTTY, env),
    },
  };
}

export function outputFormat(): Format {
  return settings.format;
}

/**
 * Colour when the stream is a terminal, unless NO_COLOR is set (any non-empty value); FORCE_COLOR
 * turns it on anywhere (as Node does, it wins over NO_COLOR), and FORCE_COLOR=0 off.
 */
export function wantsColor(isTTY: boolean | undefined, env: Env): boolean {
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if ((env["NO_COLOR"] ?? "") !== "") return false;
  return isTTY === true && env["TERM"] !== "dumb";
}

// ---- one finding, whatever its kind ----------------------------------------------------------

export type Kind = "diagnostic" | "drift" | "breaking" | "lint";
export type Level = "error" | "warning" | "notice";

/** The machine-readable shape of every finding (one JSON line, one annotation). */
export interface Annotation {
  readonly kind: Kind;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly code: string;
  readonly severity: Level;
  readonly message: string;
  readonly hint?: string;
  readonly [extra: string]: unknown;
}

function located(span: Span | undefined, sources: ReadonlyMap<string, string>): Pick<Annotation, "file" | "line" | "column" | "endLine" | "endColumn"> {
  if (span === undefined) return { file: null, line: null, column: null };
  const text = sources.get(span.file);
  if (text === undefined || span.end <= span.start) return { file: span.file, line: span.line, column: span.col };
  const inside = text.slice(span.start, span.end);
  const breaks = inside.split("\n").length - 1;
  const endColumn = breaks === 0 ? span.col + inside.length : inside.length - inside.lastIndexOf("\n");
  return { file: span.file, line: span.line, column: span.col, endLine: span.line + breaks, endColumn };
}

function where(span: Span | undefined): { file: string; line: number; column: number } | null {
  return span === undefined ? null : { file: span.file, line: span.line, column: span.col };
}

export function diagnosticAnnotation(d: Diagnostic, sources: ReadonlyMap<string, string>): Annotation {
  return {
    kind: "diagnostic",
    ...located(d.span, sources),
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    ...(d.related === undefined ? {} : { related: d.related.map((r) => ({ ...where(r.span), message: r.message })) }),
  };
}

export function breakingAnnotation(f: Finding): Annotation {
  return {
    kind: "breaking",
    ...located(f.current, new Map()),
    code: f.rule,
    severity: f.accepted === undefined ? f.severity : "notice",
    message: f.message,
    category: f.category,
    item: f.item,
    previous: where(f.previous),
    ...(f.accepted === undefined ? {} : { accepted: { reason: f.accepted.reason, at: where(f.accepted.span) } }),
  };
}

export function lintAnnotation(f: LintFinding, sources: ReadonlyMap<string, string>): Annotation {
  return { kind: "lint", ...located(f.span, sources), code: f.rule, severity: f.severity, message: f.message, item: f.item };
}

export interface DriftEntry {
  readonly kind: DriftKindName;
  /** Relative to the spec's directory. */
  readonly path: string;
  readonly diff: string;
  /** For blocked: what is there. */
  readonly detail?: string | undefined;
}

export function driftAnnotation(d: DriftEntry, root: string): Annotation {
  const stat = diffStat(d.diff);
  const file = displayPath(join(root, d.path));
  return {
    kind: "drift",
    file,
    line: d.kind === "missing" ? null : stat.firstLine,
    column: d.kind === "missing" ? null : 1,
    code: DRIFT_CODES[d.kind],
    severity: "error",
    message: `${file} ${DRIFT_MESSAGES[d.kind]} (+${stat.added} -${stat.removed} lines)`,
    hint: "run `wiredefs gen` and commit the result",
    drift: d.kind,
    added: stat.added,
    removed: stat.removed,
  };
}

// ---- JSON lines and GitHub annotations --------------------------------------------------------

/** One JSON line: the fixed fields first, in a fixed order. */
export function jsonLine(a: Annotation): string {
  return JSON.stringify(a);
}

/** GitHub's escaping for a workflow command's message. */
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** …and for a property value (file, title), where `:` and `,` separate the properties. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function githubLine(a: Annotation): string {
  const props: string[] = [];
  if (a.file !== null) props.push(`file=${escapeProperty(a.file)}`);
  if (a.line !== null) props.push(`line=${a.line}`);
  if (a.endLine !== undefined) props.push(`endLine=${a.endLine}`);
  if (a.column !== null) props.push(`col=${a.column}`);
  if (a.endColumn !== undefined && a.endLine === a.line) props.push(`endColumn=${a.endColumn}`);
  const category = typeof a["category"] === "string" ? ` (${a["category"]})` : "";
  props.push(`title=${escapeProperty(`${a.code}${category}`)}`);
  const body = a.hint === undefined ? a.message : `${a.message}\nhint: ${a.hint}`;
  return `::${a.severity} ${props.join(",")}::${escapeData(body)}`;
}

function emit(a: Annotation): void {
  process.stdout.write(`${settings.format === "json" ? jsonLine(a) : githubLine(inWorkspace(a))}\n`);
}

/** GitHub places annotations by paths from the workspace root; the text report's paths are from the working directory. */
function inWorkspace(a: Annotation): Annotation {
  const workspace = process.env["GITHUB_WORKSPACE"];
  if (a.file === null || workspace === undefined || workspace === "") return a;
  return { ...a, file: relative(workspace, resolve(a.file)).split(sep).join("/") };
}

// ---- colour -----------------------------------------------------------------------------------

const SGR = { red: "31", green: "32", yellow: "33", cyan: "36", bold: "1", dim: "2" } as const;

function paint(on: boolean, style: keyof typeof SGR, text: string): string {
  return on ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text;
}

/** Colours a formatted diagnostic or finding: the severity word, the carets and the hint. */
function paintReport(on: boolean, text: string): string {
  if (!on) return text;
  return text
    .split("\n")
    .map((line, i) => {
      if (i === 0) {
        return line.replace(/^(\S+:\d+:\d+ )?(error|warning|accepted)\b/, (_m, at: string | undefined, sev: string) =>
          `${at === undefined ? "" : paint(true, "bold", at)}${paint(true, sev === "error" ? "red" : sev === "warning" ? "yellow" : "green", sev)}`,
        );
      }
      if (/^ +\d* *\| *\^+$/.test(line)) return line.replace(/\^+/, (c) => paint(true, "red", c));
      return line.replace(/^( {2})(hint:|was:|accepted:)/, (_m, pad: string, tag: string) => `${pad}${paint(true, "cyan", tag)}`);
    })
    .join("\n");
}

function paintDiff(on: boolean, line: string): string {
  if (!on) return line;
  if (line.startsWith("+++") || line.startsWith("---")) return paint(true, "bold", line);
  if (line.startsWith("@@")) return paint(true, "cyan", line);
  if (line.startsWith("+")) return paint(true, "green", line);
  if (line.startsWith("-")) return paint(true, "red", line);
  return line;
}

// ---- what the commands call -------------------------------------------------------------------

/** A command's closing line: stdout in text, stderr otherwise (stdout holds only findings there). */
export function summary(line: string): void {
  (settings.format === "text" ? process.stdout : process.stderr).write(`${line}\n`);
}

/** A message for the person running the command (stderr, every format). */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Diagnostics with code frames (text: stderr), then a count line ending with `outcome`. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, outcome?: string): void {
  if (settings.format !== "text") {
    for (const d of diagnostics) emit(diagnosticAnnotation(d, sources));
  } else {
    for (const d of diagnostics) process.stderr.write(`${paintReport(settings.color.stderr, formatDiagnostic(d, sources))}\n\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (errors === 0) return;
  const counts = [plural(errors, "error"), ...(warnings > 0 ? [plural(warnings, "warning")] : [])].join(", ");
  const files = [...new Set(diagnostics.flatMap((d) => (d.span === undefined ? [] : [d.span.file])))];
  const at = files.length === 0 ? "" : ` in ${files.join(", ")}`;
  process.stderr.write(`${counts}${at}${outcome === undefined ? "" : `; ${outcome}`}.\n`);
}

/** Breaking-change findings and their count line; text goes to `stream`. */
export function printBreaking(findings: readonly Finding[], against: string, stream: "stdout" | "stderr"): void {
  if (findings.length === 0) return;
  if (settings.format !== "text") {
    for (const f of findings) emit(breakingAnnotation(f));
    note(`${summarizeFindings(findings)} against ${against}`);
    return;
  }
  const out = stream === "stdout" ? process.stdout : process.stderr;
  const color = settings.color[stream];
  for (const f of findings) out.write(`${paintReport(color, formatFinding(f))}\n`);
  out.write(`${stream === "stdout" ? "\n" : ""}${summarizeFindings(findings)} against ${against}\n`);
}

/** Lint findings (text: stdout, with code frames). */
export function printLint(findings: readonly LintFinding[], sources: ReadonlyMap<string, string>): void {
  for (const f of findings) {
    if (settings.format !== "text") emit(lintAnnotation(f, sources));
    else process.stdout.write(`${paintReport(settings.color.stdout, formatLintFinding(f, sources))}\n\n`);
  }
}

/** Diff lines `check` prints by default; a huge drift says how much it left out. */
export const DEFAULT_MAX_DIFF_LINES = 400;

export interface DriftPrinting {
  /** One line per file instead of diffs. */
  readonly stat: boolean;
  /** Most diff lines printed in all (text and github); 0 prints every line. */
  readonly maxDiffLines: number;
}

/** Drift: diffs (bounded) or one line per file, then the kinds on stderr. */
export function printDrift(drift: readonly DriftEntry[], root: string, how: DriftPrinting): void {
  if (settings.format === "json") {
    for (const d of drift) emit(driftAnnotation(d, root));
    return;
  }
  if (how.stat) {
    const rows = drift.map((d) => ({ d, s: diffStat(d.diff), file: displayPath(join(root, d.path)) }));
    const width = Math.max(...rows.map((r) => r.file.length));
    for (const { d, s, file } of rows) {
      if (settings.format === "github") emit(driftAnnotation(d, root));
      // A drift with no lines to count (a blocked path, line endings alone) says what it is instead.
      const counts = d.detail ?? `${paint(settings.color.stdout, "green", `+${s.added}`)} ${paint(settings.color.stdout, "red", `-${s.removed}`)}`;
      process.stdout.write(`${d.kind.padEnd(13)} ${file.padEnd(width)} | ${counts}\n`);
    }
    return;
  }
  let budget = how.maxDiffLines === 0 ? Infinity : how.maxDiffLines;
  let leftLines = 0;
  let leftFiles = 0;
  for (const d of drift) {
    if (settings.format === "github") emit(driftAnnotation(d, root));
    const lines = d.diff.replace(/\n$/, "").split("\n");
    if (budget <= 0) {
      leftLines += lines.length;
      leftFiles++;
      continue;
    }
    const shown = lines.slice(0, budget);
    budget -= shown.length;
    if (shown.length < lines.length) {
      leftLines += lines.length - shown.length;
      leftFiles++;
    }
    if (settings.format === "github") process.stdout.write(`::group::diff of ${d.path}\n`);
    for (const line of shown) process.stdout.write(`${paintDiff(settings.color.stdout, line)}\n`);
    if (settings.format === "github") process.stdout.write("::endgroup::\n");
  }
  if (leftLines > 0) {
    process.stdout.write(
      `… ${plural(leftLines, "more diff line")} in ${plural(leftFiles, "file")} not shown ` +
        `(showing at most ${how.maxDiffLines}); see them all with --max-diff-lines 0, or one line per file with --stat\n`,
    );
  }
  if (settings.format === "text") {
    for (const d of drift) process.stderr.write(`${d.kind}: ${displayPath(join(root, d.path))}${d.detail === undefined ? "" : ` (${d.detail})`}\n`);
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
