/**
 * Type compatibility between an example's generated TypeScript and the ecosystem's hand-written
 * types for the same protocol: for every covered message, a function assigning the generated type
 * to the published one and one assigning back, all in one generated file compiled once by tsc;
 * each diagnostic is mapped back to the assignment on its line, so the result says, per message,
 * which directions hold.
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nativeTsc, TSC_FLAGS } from "../emit/defs-tooling.js";
import { REPO } from "../cli/run.js";

/** Which assignments hold: generated → published (`to`), published → generated (`from`). */
export type Direction = "both" | "to-published" | "from-published" | "neither";

export interface CompatCase {
  /** What is compared, as the README's table names it ("initialize request arguments"). */
  readonly message: string;
  /** A type expression over `G`, the generated module. */
  readonly generated: string;
  /** A type expression over the package's types (imported as the table's `imports` say). */
  readonly published: string;
  /** The expected result; anything but "both" carries its reason (the README says it too). */
  readonly expect: Direction;
  readonly why?: string;
}

export interface CompatTable {
  /** Import lines of the published types, e.g. `import type { DebugProtocol as P } from "@vscode/debugprotocol";`. */
  readonly imports: readonly string[];
  readonly cases: readonly CompatCase[];
}

export interface CompatResult {
  readonly message: string;
  readonly actual: Direction;
  /** The first tsc message of each failing direction, for the report. */
  readonly toError?: string;
  readonly fromError?: string;
}

/** The generated test file: one line per assignment, two per case. */
export function compatSource(table: CompatTable): { text: string; lines: Map<number, { index: number; dir: "to" | "from" }> } {
  const head = [
    "// Assignments between the generated types and the published ones (written by the examples test).",
    'import type * as G from "./gen/index.js";',
    ...table.imports,
    "",
  ];
  const lines = new Map<number, { index: number; dir: "to" | "from" }>();
  const body: string[] = [];
  table.cases.forEach((c, index) => {
    body.push(`// ${c.message}`);
    lines.set(head.length + body.length + 1, { index, dir: "to" });
    body.push(`export function to${index}(x: ${c.generated}): ${c.published} { return x; }`);
    lines.set(head.length + body.length + 1, { index, dir: "from" });
    body.push(`export function from${index}(x: ${c.published}): ${c.generated} { return x; }`);
  });
  return { text: [...head, ...body, ""].join("\n"), lines };
}

/**
 * Compiles the assignments of `table` against the generated TypeScript in `generatedTs` (a
 * directory holding index.ts) with the native tsc and the strict flags the generated code
 * promises, and returns each case's actual result, plus diagnostics that belong to no assignment
 * (a broken table or generated module: the test fails on them).
 */
export function runCompat(generatedTs: string, table: CompatTable): { results: CompatResult[]; stray: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "wiredefs-compat-"));
  mkdirSync(join(dir, "gen"));
  for (const name of readdirSync(generatedTs)) if (name.endsWith(".ts")) copyFileSync(join(generatedTs, name), join(dir, "gen", name));
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const { text, lines } = compatSource(table);
  writeFileSync(join(dir, "compat.ts"), text);
  // isolatedDeclarations is about the generated module's own exports; the assignments are typed already.
  const flags = TSC_FLAGS.filter((f) => f !== "--isolatedDeclarations" && f !== "--declaration");
  const run = nativeTsc(dir, [...flags, "--skipLibCheck", "--pretty", "false", "compat.ts"]);
  const failures = new Map<string, string>();
  const stray: string[] = [];
  // A diagnostic starts a line `file(line,col): error TSnnnn: message`; its continuation lines are indented.
  for (const m of run.output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/gm)) {
    const [, file, line, message] = m as unknown as [string, string, string, string];
    const at = file === "compat.ts" ? lines.get(Number(line)) : undefined;
    if (at === undefined) stray.push(m[0]);
    else {
      const key = `${at.index}:${at.dir}`;
      if (!failures.has(key)) failures.set(key, message);
    }
  }
  if (run.status !== 0 && failures.size === 0 && stray.length === 0) stray.push(run.output);
  const results = table.cases.map((c, index): CompatResult => {
    const to = failures.get(`${index}:to`);
    const from = failures.get(`${index}:from`);
    const actual: Direction = to === undefined ? (from === undefined ? "both" : "to-published") : from === undefined ? "from-published" : "neither";
    return { message: c.message, actual, ...(to === undefined ? {} : { toError: to }), ...(from === undefined ? {} : { fromError: from }) };
  });
  return { results, stray };
}
