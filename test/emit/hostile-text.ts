/**
 * Specs whose every text field holds hostile text — tool directives of every target in the
 * forms the tools accept, every kind of line break, NUL and other controls, bidi overrides and
 * invisible characters, Markdown links and HTML, Mermaid statements and directives, comment and
 * string terminators — and, for each, its benign twin: the same spec with every free text
 * replaced by plain words, which must generate code of exactly the same structure.
 */
import fc from "fast-check";
import { stringify } from "yaml";

export const DIRECTIVES: readonly string[] = [
  // TypeScript
  "@ts-nocheck", "@TS-NOCHECK", "  @ts-nocheck", "@ts-check", "@ts-ignore", "@ts-expect-error", "/// <reference path=\"evil.ts\" />",
  "/// <reference types=\"node\" />", "@jsx h", "@jsxImportSource evil", "@jsxRuntime classic", "@deprecated", "@internal", "{@link http://evil.example}",
  // ESLint, prettier and friends
  "eslint-disable", "eslint-disable-next-line", "eslint-disable-line no-var", "eslint-enable", "eslint no-var: off", "eslint", "eslint-env node",
  "global evil", "globals evil", "exported evil", "oxlint-disable", "prettier-ignore", "biome-ignore lint: x", "tslint:disable", "deno-lint-ignore-file",
  "deno-fmt-ignore", "istanbul ignore next", "c8 ignore next", "v8 ignore start", "node:coverage ignore next",
  // Python
  "type: ignore", "type:ignore[misc]", "type: int", "# type: ignore", "noqa", "NoQA", "#noqa:E501", "x # noqa", "ruff: noqa", "RUFF: NOQA",
  "flake8: noqa", "ruff: disable[E501]", "fmt: off", "fmt:off", "fmt: skip", "fmt: on", "yapf: disable", "isort: skip_file", "isort:skip",
  "pyright: basic", "pyright: ignore", "pyright: reportGeneralTypeIssues=false", "mypy: ignore-errors", "pylint: disable=all",
  "see pylint:disable=all", "pragma: no cover", "nosec", "pyre-ignore-all-errors", "pyre-strict", "pytype: disable=attribute-error",
  "ty: ignore", "-*- coding: latin-1 -*-", "coding=utf-16", "vim: set fileencoding=latin-1 :",
  // Markdown and HTML
  "[x](http://evil.example)", "![i](http://evil.example/i.png)", "[ref]: http://evil.example", "[ref]", "[^1]", "[^1]: note",
  "<http://evil.example>", "https://evil.example/p", "HTTPS://evil.example", "www.evil.example", "user@evil.example",
  "mailto:a@evil.example", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "<!--", "-->", "&lt;", "&#60;", "# heading",
  "```", "~~~", "> quote", "| pipe |", "---", "***", "1. item", "- item", "    indented code",
  // Mermaid
  "%%{init: {'theme': 'dark'}}%%", "%% comment", "click alice call evil()", "link alice: x @ http://evil.example", "a; participant evil",
  "#60;b#62;", "end", "else", "Note over alice: x", "alice->>bob: x", "<br>",
  // Terminators and quotes
  "*/", "/*", "/**", "\"\"\"", "'''", "\"", "'", "`", "\\", "${x}", "\\u0041",
];

export const BREAKS: readonly string[] = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\v", "\f", "\u001c", "\u001d", "\u001e"];

export const INVISIBLES: readonly string[] = [
  "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u009b", "\u202e", "\u202a", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f",
  "\u061c", "\u200b", "\u200d", "\ufeff", "\u00ad", "\udb40\udc41",
];

const PLAIN = ["word", " ", "é", "日本", "🚀", "Ω", "x"];

/** Characters a wire value may not hold (WD315): controls and the line and paragraph separators. */
const NOT_IN_WIRE_VALUES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const textPiece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...DIRECTIVES) },
  { weight: 3, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 2, arbitrary: fc.constantFrom(...INVISIBLES) },
  { weight: 2, arbitrary: fc.constantFrom(...PLAIN) },
);

/** Hostile free text: a directive first (so it starts a comment line), then anything. */
const text = fc
  .tuple(fc.constantFrom(...DIRECTIVES), fc.array(textPiece, { maxLength: 8 }))
  .map(([first, rest]) => [first, ...rest].join(""));

/** A hostile wire value: directives and invisible characters a wire value may hold, trimmed. */
const wire = fc
  .array(fc.oneof(fc.constantFrom(...DIRECTIVES), fc.constantFrom("\u202e", "\u200b", "\u2066", "\ufeff", "\u00ad")), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(" ").replace(new RegExp(NOT_IN_WIRE_VALUES.source, "g"), "").trim());

/** Every text field of a spec, hostile or benign. */
export interface SpecText {
  readonly file: string;
  readonly texts: readonly string[];
  readonly wires: readonly string[];
}

/** The number of free-text fields and of wire values the template below uses. */
export const TEXT_FIELDS = 43;
export const WIRE_FIELDS = 13;

export const hostileSpecText: fc.Arbitrary<SpecText> = fc.record({
  file: fc.tuple(text, fc.constantFrom(".yaml", ".yml", "")).map(([t, ext]) => `${t.replaceAll("/", "_")}${ext}`),
  texts: fc.array(text, { minLength: TEXT_FIELDS, maxLength: TEXT_FIELDS }),
  wires: fc.array(wire, { minLength: WIRE_FIELDS, maxLength: WIRE_FIELDS }),
});

/** Every piece at once in every field: each directive, break and invisible character is in each. */
export function everythingAtOnce(): SpecText {
  const all = [...DIRECTIVES, ...BREAKS, ...INVISIBLES].join(" ");
  const wires = DIRECTIVES.join(" ").replace(new RegExp(NOT_IN_WIRE_VALUES.source, "g"), "");
  return {
    file: `${all.replaceAll("/", "_")}.yaml`,
    texts: Array.from({ length: TEXT_FIELDS }, () => all),
    wires: Array.from({ length: WIRE_FIELDS }, () => wires),
  };
}

/**
 * The same spec with plain words in every free-text field and the file name. Wire values stay:
 * they decide layout on their own (a wire key that is an identifier is a TypedDict attribute),
 * cannot hold a line break (WD315), and are checked as literals.
 */
export function benign(of: SpecText): SpecText {
  return { file: "protocol.yaml", texts: of.texts.map((_, i) => `Text ${i}.`), wires: of.wires };
}

/**
 * The spec as YAML, every text field filled from `t` (wire values made unique per set by an
 * index suffix). Covers: title, doc, licence, channel and version docs, actor docs, enum, key
 * set, topic set, record and flow docs and deprecations, member values, docs, sections (title
 * and doc) and deprecations, topic docs, rule docs, the verify function's doc, argument doc,
 * container, expected labels and docs, flow notes, alt conditions and loop labels, reserved
 * docs and values, constant string values and docs.
 */
export function specYaml(t: SpecText): string {
  let i = 0;
  let w = 0;
  const T = (): string => t.texts[i++ % t.texts.length] ?? "";
  const W = (suffix: string): string => `${t.wires[w++ % t.wires.length] ?? ""}${suffix}`.trim();
  const spec = {
    wiredefs: 1,
    protocol: {
      name: "hostile_api",
      title: T(),
      doc: T(),
      license: T(),
      channel: { value: W(" ch"), doc: T() },
      version: { value: 2, doc: T() },
    },
    constants: { GREETING: { type: "string", value: T(), doc: T() }, LIMIT: { type: "int", value: 3, doc: T(), deprecated: T() } },
    actors: { alice: { doc: T() }, bob: { doc: T() } },
    enums: {
      Mode: {
        doc: T(),
        deprecated: T(),
        values: {
          FAST: { value: W(" 1"), doc: T(), section: { title: T(), doc: T() }, deprecated: T() },
          SLOW: { value: W(" 2"), doc: T(), section: T() },
        },
      },
      Shade: { values: { DARK: { value: W(" 3") }, LIGHT: { value: W(" 4") } } },
    },
    keys: {
      Key: {
        doc: T(),
        keys: {
          MODE: { type: "Mode", value: W(" k1"), doc: T(), deprecated: T(), section: T() },
          NAME: { type: "string", value: W(" k2"), doc: T() },
          SHADE: { type: "Shade", value: W(" k3") },
        },
      },
    },
    topics: {
      Topic: {
        doc: T(),
        keys: "Key",
        topics: {
          PING: {
            value: W(" t1"),
            doc: T(),
            section: { title: T(), doc: T() },
            from: "alice",
            to: "bob",
            replies: ["PONG"],
            payload: { required: ["MODE"], optional: ["NAME"] },
          },
          PONG: { value: W(" t2"), doc: T(), deprecated: T(), from: "bob", to: "alice", payload: { required: ["NAME"] } },
        },
      },
    },
    records: {
      Meta: {
        doc: T(),
        keys: "Key",
        required: ["MODE"],
        optional: ["NAME", "SHADE"],
        rules: { fast_dark: { doc: T(), if: { key: "MODE", in: ["FAST"] }, then: { key: "SHADE", in: ["DARK"] } } },
        verify: {
          function: "verify_meta",
          doc: T(),
          argument: "task",
          argument_doc: T(),
          attribute: "meta",
          container: T(),
          expect: [{ key: "MODE", param: "expected_mode", label: T(), doc: T() }],
        },
      },
    },
    flows: {
      session: {
        doc: T(),
        steps: [
          "PING",
          { topic: "PONG", note: T() },
          { alt: [{ when: T(), steps: ["PING"] }, { when: T(), steps: ["PONG"] }] },
          { loop: T(), steps: ["PING", "PONG"] },
        ],
      },
    },
    reserved: [{ doc: T(), channels: [W(" rc")], topics: [W(" rt")], keys: [W(" rk")] }],
    outputs: {
      typescript: { dir: "gen/ts" },
      python: { dir: "gen/python", package: "hostile_api" },
      docs: { dir: "gen/docs" },
      schema: { dir: "gen/schema", conformance: true },
    },
  };
  if (i !== TEXT_FIELDS || w !== WIRE_FIELDS) throw new Error(`specYaml uses ${i} texts and ${w} wire values`);
  return stringify(spec, { lineWidth: 0 });
}
