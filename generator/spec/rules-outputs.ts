/** Rules on outputs: directories relative, POSIX, inside the spec's directory, not overlapping. */
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Span } from "../model.js";
import { PYTHON_KEYWORDS } from "../names/keywords-python.js";
import { isIdentifier } from "../names/keywords-typescript.js";
import { child, keyNodeOf, span, str } from "./read.js";
import type { Reader } from "./read.js";
import { pairsOf, keyText } from "./yaml-node.js";

export function outputRules(r: Reader, root: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const outputs = child(r, root, "outputs");
  const dirs: { target: string; segments: string[]; span: Span }[] = [];
  for (const pair of pairsOf(outputs)) {
    const target = keyText(pair);
    const dir = target === undefined ? undefined : str(r, pair.value, "dir");
    if (target === undefined || dir === undefined) continue;
    const problem = dirProblem(dir.value);
    if (problem !== undefined) {
      out.push(diagnostic("WD317", `output directory "${dir.value}" of ${target} ${problem}`, dir.span, {
        hint: "write a path relative to the spec's directory with / separators, such as generated/ts",
      }));
      continue;
    }
    dirs.push({ target, segments: dir.value.split("/").filter((s) => s !== ""), span: dir.span });
  }
  for (let i = 0; i < dirs.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = dirs[j];
      const b = dirs[i];
      if (a === undefined || b === undefined || !overlaps(a.segments, b.segments)) continue;
      out.push(diagnostic("WD318", `output directory of ${b.target} overlaps that of ${a.target}`, b.span, {
        hint: "give every target its own directory, neither inside the other",
        related: [{ message: `${a.target} writes here`, span: a.span }],
      }));
    }
  }
  out.push(...packageRule(r, root, outputs));
  return out;
}

function dirProblem(dir: string): string | undefined {
  if (dir.trim() === "") return "is empty";
  if (dir.includes("\\")) return "uses backslashes";
  if (dir.startsWith("/") || /^[A-Za-z]:/.test(dir)) return "is absolute";
  const segments = dir.replace(/\/$/, "").split("/");
  if (segments.includes("..")) return "leaves the spec's directory (..)";
  if (segments.some((s) => s === "" || s === ".")) return "has empty or . segments";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(dir)) return "contains control characters";
  return undefined;
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function packageRule(r: Reader, root: unknown, outputs: unknown): Diagnostic[] {
  const python = child(r, outputs, "python");
  if (python === undefined) return [];
  const explicit = str(r, python, "package");
  const name = explicit ?? str(r, child(r, root, "protocol"), "name");
  if (name === undefined) return [];
  if (isIdentifier(name.value) && !PYTHON_KEYWORDS.has(name.value)) return [];
  const why = isIdentifier(name.value) ? "is a Python keyword" : "is not a valid Python identifier";
  const whose = explicit === undefined ? `Python package "${name.value}" (the protocol name)` : `Python package "${name.value}"`;
  const at = explicit?.span ?? span(r, keyNodeOf(python, "dir"));
  return [diagnostic("WD319", `${whose} ${why}`, at, { hint: "set outputs.python.package to a lower-case identifier such as my_protocol" })];
}
