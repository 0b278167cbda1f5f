/**
 * The reference docs say what the generated code is: the verify function's signatures are the
 * ones the modules declare (read back from the generated Python and TypeScript, not restated),
 * the error it throws is the class the TypeScript module defines, no table has a column that
 * no row fills, a record's table does not repeat its key set's, and a flow draws a step as a
 * reply only when it answers a step drawn as a request.
 */
import { describe, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { renderDocs } from "../../generator/emit/docs/index.js";
import { SEED_SPEC } from "../emit/defs-helpers.js";
import { fencedBlocks } from "./helpers.js";

const result = generate(SEED_SPEC, "protocol.yaml");
if (!result.ok) throw new Error("the seed spec does not load");
const fileText = (suffix: string): string => result.files.find((f) => f.path.endsWith(suffix))?.text ?? "";
const docs = fileText(".md");

/** The lines of `text` from the one starting with `first` to the first one starting with `last`, inclusive. */
function span(text: string, first: string, last: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(first));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(last));
  if (start < 0 || end < 0) throw new Error(`no ${first} … ${last} in the text`);
  return lines.slice(start, end + 1);
}

describe("docs that match the code", () => {
  test("the Python signature is the one messages.py declares", () => {
    const code = span(fileText("client_api/messages.py"), "def verify_payload(", ") -> ");
    const shown = fencedBlocks(docs, "python").find((b) => b[0] === "def verify_payload(");
    expect(shown).toEqual([...code.slice(0, -1), code.at(-1)?.replace(/:$/, "")]);
  });

  test("the TypeScript signature is the one messages.ts declares, and the thrown class is the one it defines", () => {
    const code = span(fileText("ts/messages.ts"), "export function verifyPayload(", "): ");
    const shown = fencedBlocks(docs, "ts").find((b) => b[0] === "function verifyPayload(");
    expect(shown).toEqual([code[0]?.replace(/^export /, ""), ...code.slice(1, -1), code.at(-1)?.replace(/ \{$/, "")]);
    const thrown = /throws `(\w+)`/.exec(docs)?.[1];
    expect(thrown).toBeDefined();
    expect(fileText("ts/messages.ts")).toContain(`export class ${thrown ?? "?"} extends Error`);
    expect(fileText("ts/messages.ts")).toContain(`throw new ${thrown ?? "?"}(`);
  });

  test("no table has a column that no row fills", () => {
    const lines = docs.split("\n");
    const tables: string[][][] = [];
    let current: string[][] | undefined;
    for (const line of lines) {
      if (!line.startsWith("| ")) {
        current = undefined;
        continue;
      }
      const cells = line.slice(2, -2).split(" | ");
      if (current === undefined) tables.push((current = []));
      current.push(cells);
    }
    expect(tables.length).toBeGreaterThan(5);
    for (const [header, , ...rows] of tables) {
      header?.forEach((name, i) => {
        expect(rows.some((r) => (r[i] ?? "").trim() !== ""), `column ${name} of the table headed ${header.join(", ")}`).toBe(true);
      });
    }
  });

  test("a record does not repeat its key set's table: its rows say only what the record adds", () => {
    const record = span(docs, "| Name | Presence |", "| [`MODEL_VERSION`]");
    expect(record.at(-1)).toBe("| [`MODEL_VERSION`](#key-ModelExchangeFormat-MODEL_VERSION) | optional |");
    expect(docs.split("\n").filter((l) => l.includes("NATIVE_FORMAT: Original format before any transmission encoding |"))).toHaveLength(1);
  });

  test("the seed's diagram arrows are the design document's: a reply to a reply is drawn as a request", () => {
    const arrows = docs.split("\n").flatMap((l) => {
      const m = /^\s+\w+(-->>|->>)\w+: Topic\.(\w+)/.exec(l);
      return m === null ? [] : [`${m[2] ?? ""} ${m[1] === "-->>" ? "reply" : "request"}`];
    });
    expect(arrows.slice(0, 5)).toEqual(["HELLO request", "HELLO_CHALLENGE reply", "HELLO_PROOF request", "HELLO_ACCEPTED reply", "HELLO_REJECTED reply"]);
    // A topic that no earlier request lists among its replies is a request, whatever follows.
    const spec = `wiredefs: 1
protocol: { name: demo, channel: demo, version: 1 }
actors: { a: {}, b: {} }
keys: { K: { keys: { X: { type: string } } } }
topics:
  T:
    keys: K
    topics:
      PING: { from: a, to: b, replies: [PONG] }
      PONG: { from: b, to: a, replies: [PING] }
flows:
  f: { steps: [PING, PONG, PING, PONG] }
outputs: { docs: { dir: d } }
`;
    const loaded = loadProtocol(spec, "p.yaml");
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
    const drawn = renderDocs(loaded.protocol).split("\n").filter((l) => /^\s+\w+-?->>/.test(l)).map((l) => l.trim());
    expect(drawn).toEqual(["a->>b: T.PING", "b-->>a: T.PONG", "a->>b: T.PING", "b-->>a: T.PONG"]);
  });
});
