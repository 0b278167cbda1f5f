/**
 * Negative end to end: a malformed variant of each whole-protocol fixture (a typo'd key, an
 * unresolved reference, a duplicate wire value or name — plus a valid edit that would change the
 * outputs) makes the built CLI's `gen` exit 1, report every problem at its line and column with
 * a code frame, and leave the generated tree and the lock byte for byte as they were.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { snapshot, wiredefs, type Run } from "../cli/run.js";
import { FIXTURES, readText, scratchRoot } from "./fixtures.js";

interface Mistake {
  readonly what: string;
  /** Text of the valid spec, replaced once. */
  readonly find: string;
  readonly replace: string;
  /** The diagnostic code expected, on the line where `at` (in `replace`) ends. */
  readonly code: string;
  readonly at: string;
  /** Words the message must hold. */
  readonly says: string;
}

const MISTAKES: { readonly [fixture: string]: readonly Mistake[] } = {
  jobctl: [
    {
      what: "a typo'd key",
      find: "        replies: [ACCEPT, DECLINE]\n",
      replace: "        replys: [ACCEPT, DECLINE]\n",
      code: "WD202",
      at: "replys:",
      says: 'did you mean "replies"',
    },
    {
      what: "an unresolved key",
      find: "required: [JOB_ID, STATE, PROGRESS]",
      replace: "required: [JOB_ID, STATE, PROGRES]",
      code: "WD301",
      at: "PROGRES]",
      says: 'did you mean "PROGRESS"',
    },
    {
      what: "a duplicate wire value",
      find: "      CRITICAL:\n        value: crit\n",
      replace: "      CRITICAL:\n        value: high\n",
      code: "WD306",
      at: "value: high",
      says: 'wire value "high", already used by enum Priority.HIGH',
    },
  ],
  hostile: [
    {
      what: "a typo'd key",
      find: "    unknown_keys: forbid\n    rules:\n",
      replace: "    unknownKey: forbid\n    rules:\n",
      code: "WD202",
      at: "unknownKey:",
      says: 'did you mean "unknown_keys"',
    },
    {
      what: "an unresolved type",
      find: "type: map<list<Inner>>",
      replace: "type: map<list<Iner>>",
      code: "WD302",
      at: "Iner>>",
      says: 'did you mean "Inner"',
    },
    {
      what: "a duplicate wire value",
      find: '        value: "0"\n',
      replace: '        value: "null"\n',
      code: "WD306",
      at: 'ZERO:\n        value: "null"',
      says: 'wire value "null", already used by enum Kind.NULL_VALUE',
    },
  ],
  constants_only: [
    {
      what: "a typo'd key",
      find: "    doc: Largest frame either side sends.\n",
      replace: "    dco: Largest frame either side sends.\n",
      code: "WD202",
      at: "dco:",
      says: "expected one of: type, value, doc, deprecated",
    },
    {
      what: "a value of the wrong type",
      find: "    value: 0.25\n",
      replace: '    value: "0.25"\n',
      code: "WD323",
      at: '"0.25"',
      says: "BACKOFF_BASE",
    },
    {
      what: "a duplicate name",
      find: "  COMPRESS:\n",
      replace: "  CHANNEL:\n",
      code: "WD307",
      at: "CHANNEL:",
      says: "CHANNEL",
    },
  ],
};

/** A valid edit that changes every output: were anything written, the snapshots would differ. */
const VALID_EDIT = { find: /^ {2}title: .*$/m, replace: "  title: A title that changes every generated file." };

function lineOf(text: string, fragment: string): number {
  const at = text.indexOf(fragment);
  if (at < 0) throw new Error(`not in the spec: ${fragment}`);
  return text.slice(0, at + fragment.length).split("\n").length;
}

describe.each(FIXTURES.map((f) => f.name))("malformed %s", (name) => {
  const mistakes = MISTAKES[name] ?? [];
  let dir: string;
  let spec: string;
  let before: Map<string, string>;
  let run: Run;

  beforeAll(() => {
    dir = join(scratchRoot(`bad-${name}`), name);
    expect(wiredefs(["gen"], dir).status).toBe(0);
    let text = readText(join(dir, "protocol.yaml"));
    for (const m of mistakes) {
      expect(text.split(m.find).length - 1, `${m.what}: ${m.find}`).toBe(1);
      text = text.replace(m.find, m.replace);
    }
    expect(VALID_EDIT.find.test(text)).toBe(true);
    spec = text.replace(VALID_EDIT.find, VALID_EDIT.replace);
    writeFileSync(join(dir, "protocol.yaml"), spec);
    before = snapshot(dir);
    before.delete("protocol.yaml");
    run = wiredefs(["gen"], dir);
  });

  test("gen exits 1, writes nothing to stdout and says no file was written", () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`\\n${mistakes.length} errors in protocol\\.yaml; no file was written\\.\\n$`));
  });

  for (const m of MISTAKES[name] ?? []) {
    test(`${m.what} is reported as protocol.yaml:LINE:COL error ${m.code} with a code frame`, () => {
      const line = lineOf(spec, m.at);
      const located = new RegExp(`^protocol\\.yaml:${line}:(\\d+) error ${m.code}: (.*)$`, "m").exec(run.stderr);
      expect(located, run.stderr).not.toBeNull();
      const block = run.stderr.slice(run.stderr.indexOf(located?.[0] ?? "")).split("\n\n")[0] ?? "";
      expect(block).toContain(m.says);
      // The frame marks the reported line and points a caret at the reported column.
      const frame = block.split("\n");
      const marked = frame.findIndex((l) => l.startsWith(`> ${String(line).padStart(3)} | `) || l.startsWith(`> ${line} | `));
      expect(marked, block).toBeGreaterThan(0);
      const caret = frame[marked + 1] ?? "";
      const gutter = (frame[marked] ?? "").indexOf("| ") + 2;
      expect(caret.indexOf("^") - gutter + 1, block).toBe(Number(located?.[1]));
    });
  }

  test("the generated tree and the lock are untouched, byte for byte", () => {
    const after = snapshot(dir);
    after.delete("protocol.yaml");
    expect(after).toEqual(before);
    expect(before.size).toBeGreaterThan(5);
  });
});
