/**
 * The words of a random spec: identifiers, wire values and docs. Wire values mix unicode, inner
 * spaces, dots, dashes, upper case and JavaScript/Python-significant strings; docs carry text
 * hostile to every output's quoting (comment closers, triple quotes, backslashes, line and
 * paragraph separators, emoji, surrounding spaces).
 */
import type { Draw } from "./draw.js";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = LOWER.toUpperCase();
const DIGITS = "0123456789";

function chars(d: Draw, alphabet: string, min: number, max: number): string {
  let out = "";
  const n = d.int(min, max);
  for (let i = 0; i < n; i++) out += alphabet[d.int(0, alphabet.length - 1)] ?? "";
  return out;
}

/** A top-level item name (enum, key set, topic set, record): `Pascal`, sometimes with digits or `_`. */
export function typeName(d: Draw): string {
  if (d.chance(30) && d.chance(30)) return d.pick(SPECIAL_TYPE_NAMES);
  const head = chars(d, UPPER, 1, 1) + chars(d, LOWER, 1, 7);
  const tail = d.chance(3) ? chars(d, UPPER + LOWER + DIGITS, 1, 6) : "";
  const long = d.chance(15) ? chars(d, LOWER, 40, 70) : "";
  return d.chance(6) ? `${head}_${tail}${long}` : `${head}${tail}${long}`;
}

/**
 * Names that are hard for some target: Python's soft keywords (ordinary names to the language),
 * hard keywords of either language, special property names and the generator's own helper
 * names. The loader must accept the first kind and reject the others with a located error.
 */
const SPECIAL_NAMES = [
  "match", "case", "type", "_", "class", "def", "None", "await", "function", "delete", "typeof",
  "ISSUE_CODES", "PAYLOAD_BY_TOPIC", "STRING", "INT", "ANY", "json", "math", "re", "cast",
];

const SPECIAL_TYPE_NAMES = ["ValidationIssue", "PayloadByTopic", "IssueCode", "Path", "JsonObject", "Mapping", "Any", "Optional"];

/** A member name (enum member, key, topic, constant): mostly `UPPER_SNAKE`, sometimes mixed case. */
export function memberName(d: Draw): string {
  if (d.chance(20) && d.chance(20)) return d.pick(SPECIAL_NAMES);
  const words = Array.from({ length: d.int(1, 3) }, () => chars(d, UPPER, 1, 6) + (d.chance(5) ? chars(d, DIGITS, 1, 2) : ""));
  let name = words.join("_");
  // A name YAML 1.1 reads as a bool (Y, NO, ON…) is an error (WD207); kept in one draw of four, so
  // that specs with many members are still mostly accepted.
  if (/^(y|n|yes|no|on|off|true|false)$/i.test(name) && !d.chance(4)) name = `${name}_K`;
  if (d.chance(8)) return name.charAt(0) + name.slice(1).toLowerCase();
  if (d.chance(20)) return `${name}_${chars(d, UPPER, 40, 60)}`;
  return name;
}

/** A snake_case identifier (actors, verify function and parameters, the protocol name). */
export function snakeName(d: Draw, stem = ""): string {
  if (stem === "" && d.chance(20) && d.chance(20)) return d.pick(["match", "case", "type", "_x", "class", "lambda"]);
  const words = Array.from({ length: d.int(1, 3) }, () => chars(d, LOWER, 1, 6) + (d.chance(6) ? chars(d, DIGITS, 1, 2) : ""));
  return stem + words.join("_");
}

const WIRE_PIECES = [
  "a", "b", "x", "value", "Mixed", "UPPER", ".", "-", "_", " ", "/", ":", "#", "\"", "'", "\\", "$", "{", "}", "`",
  "é", "ß", "日本", "Ωμέγα", "🚀", "ﬁ", "\u00a0", "*/", "%s", "<b>", "&amp;", "[x]", "0",
  "# noqa", "// @ts-nocheck", "fmt: off", "[a](http://x)", "![i](x.png)", "%%{init}%%",
  ";", "-->", "<!--",
];

const HOSTILE_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "class", "from", "None", "null", "$ref", "type"];

/** A wire value: never empty, no control characters, no surrounding whitespace. */
export function wireValue(d: Draw): string {
  if (d.chance(12)) return d.pick(HOSTILE_KEYS);
  let out = "";
  const n = d.int(1, 6);
  for (let i = 0; i < n; i++) out += d.pick(WIRE_PIECES);
  if (d.chance(25)) out += chars(d, LOWER, 60, 120);
  // Bidi and invisible characters are legal in a wire value; every target must escape them.
  if (d.chance(30)) out += d.pick(["\u202e", "\u2066", "\u200b", "\u200f"]) + "x";
  out = out.trim();
  return out === "" ? "v" : out;
}

const DOC_PIECES = [
  "Plain words.", "*/", "/*", "/**", "\"\"\"", "'''", "\\", "\\n", "\\\\", "\u2028", "\u2029", "🚀", "👩‍💻", "`code`",
  "${x}", "<!-- -->", "| pipe |", "# hash", "@param x", "@deprecated", "{@link X}", "\t", "--", "...", "é", "\"quoted\"",
  "'single'", "[link](#x)", "**bold**", "_", "\u00a0", "%d", "{}", "\n", "\n\n", "\n  indented", ">>> 1 + 1",
  // every line break a tokenizer knows, NUL and other controls, bidi and invisible characters
  "\r", "\r\n", "\u0085", "\u000b", "\u000c", "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u202e", "\u202d",
  "\u2066", "\u2069", "\u200f", "\u200b", "\ufeff",
  // tool directives in the case and spacing forms the tools accept
  "# type: ignore", "#type:ignore[misc]", "# TYPE: IGNORE", "# noqa", "# NOQA: E501", "#noqa", "# ruff: noqa",
  "# RUFF: NOQA", "# fmt: off", "# fmt: skip", "# pyright: ignore", "# pyright: basic", "# mypy: ignore-errors",
  "# pylint: disable=all", "# isort: skip_file", "# pragma: no cover", "// @ts-nocheck", "// @ts-ignore", "@ts-expect-error",
  "/* eslint-disable */", "// eslint-disable-next-line", "eslint-disable", "ESLint-Disable", "// prettier-ignore",
  "<!-- prettier-ignore -->", "/// <reference path=\"x\" />", "-*- coding: latin-1 -*-",
  // live Markdown and HTML, Mermaid statements
  "[evil](https://example.com)", "![img](https://example.com/x.png)", "<img src=x onerror=alert(1)>", "<script>x</script>",
  "[ref]: https://example.com", "<https://example.com>", "-->", "<!--", "%%{init: {'theme':'dark'}}%%", "end",
  "participant Eve", "A->>B: hi", "click A call x()", "; Note over A: injected", "#59;",
];

/** Doc text: one line or several, with pieces that break naive quoting; maybe surrounded by spaces. */
export function docText(d: Draw): string {
  let out = "";
  const n = d.int(1, 8);
  for (let i = 0; i < n; i++) out += d.pick(DOC_PIECES) + (d.chance(2) ? " " : "");
  if (d.chance(20)) out += ` ${"word ".repeat(d.int(20, 60))}`;
  // Text that cannot be represented exactly: the loader must reject it with a located error. Rare
  // per text (a spec has hundreds of texts), so that a few specs in a hundred hold one: a value in
  // the middle of the range, since the draws favour the ends of a range (and `chance` its start).
  if (d.int(0, 9_999) === 5_000) out += "\ud800";
  if (d.chance(4)) out = `  ${out}`;
  if (d.chance(4)) out = `${out}  `;
  return out;
}

/** A short label (alt conditions, loop labels, notes, section titles, verify labels). */
export function label(d: Draw): string {
  if (d.chance(4)) return `label ${d.pick(DOC_PIECES)}`.trim();
  const text = `${d.pick(["when", "on", "each", "after"])} ${d.pick(WIRE_PIECES)}${d.pick(["", " ok", " / fail", " (retry)"])}`;
  return text.trim();
}

/**
 * The spec's path as shown in headers and messages: mostly `protocol.yaml`, else a name with
 * spaces, unicode, comment closers, line breaks, bidi overrides, directives or `..`.
 */
export function specFileName(d: Draw): string {
  if (d.chance(2)) return "protocol.yaml";
  return d.pick([
    "my protocol.yaml", "протокол.yaml", "a\nb.yaml", "a\r\nb.yaml", "a\u2028b.yaml", "a\u0085b.yaml",
    "\u202egpj.yaml", "x*/y.yaml", "evil*/protocol.yaml", "../up/protocol.yaml", "sub/../p.yaml", ".hidden.yml",
    "# noqa.yaml", "// @ts-nocheck.yaml", "-- fmt: off.yaml", "[x](http://e.com).yaml", "<b>.yaml", "p.YAML",
    "\"quoted\".yaml", "back\\slash.yaml", "tab\tname.yaml", "emoji🚀.yaml", "`tick`.yaml", "$(rm -rf).yaml",
  ]);
}
