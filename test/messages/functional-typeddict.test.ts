/**
 * Long names where ruff chooses between two layouts. A TypedDict with wire keys that are not
 * identifiers is written `Target = TypedDict("Target", {…})`, and ruff either splits the call or
 * puts the value in parentheses; a `def parse_…(value: object) -> LongName:` head either keeps
 * its return annotation on the `)` line or parenthesizes it. The emitter must choose as ruff
 * does, for every length around the limit.
 */
import { describe, expect, it } from "vitest";
import { namesOf } from "../../generator/targets.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { ruffFormat } from "../emit/defs-tooling.js";
import { emitAll } from "./pipeline.js";

/** A topic whose payload has `keys` non-identifier wire keys, and a topic name of `length` letters. */
function spec(length: number, keys: number): string {
  const name = `T${"X".repeat(length - 1)}`;
  const keyLines = Array.from({ length: keys }, (_, i) => `      K${i}: { type: string, value: "k-${i}" }`);
  return [
    "wiredefs: 1",
    "protocol: { name: demo, channel: demo, version: 1 }",
    "keys:",
    "  K:",
    "    keys:",
    ...keyLines,
    "topics:",
    "  T:",
    "    keys: K",
    "    topics:",
    `      ${name}:`,
    `        payload: { required: [${keyLines.map((_, i) => `K${i}`).join(", ")}] }`,
    "outputs:",
    "  python: { dir: out, package: demo }",
    "",
  ].join("\n");
}

function messagesPy(text: string): string {
  const loaded = loadProtocol(text, "protocol.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  const { names } = namesOf(loaded.protocol);
  return emitAll(loaded.protocol, names).find((f) => f.path.endsWith("messages.py"))?.text ?? "";
}

describe("long names in messages.py", () => {
  // Target lengths around the point where `Target = TypedDict(` stops fitting 88 columns.
  const lengths = [60, 64, 66, 68, 69, 70, 71, 72, 74, 76, 80, 86];
  it.each(lengths.flatMap((length) => [1, 2, 6].map((keys) => [length, keys] as const)))(
    "a %i-letter topic with %i keys is laid out as ruff format lays it out",
    (length, keys) => {
      const text = messagesPy(spec(length, keys));
      expect(text).toMatch(/^_\w+ = (\(\n {4})?TypedDict\(/m);
      expect(ruffFormat(text)).toBe(text);
    },
  );
});
