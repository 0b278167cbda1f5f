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
  const head = chars(d, UPPER, 1, 1) + chars(d, LOWER, 1, 7);
  const tail = d.chance(3) ? chars(d, UPPER + LOWER + DIGITS, 1, 6) : "";
  const long = d.chance(15) ? chars(d, LOWER, 40, 70) : "";
  return d.chance(6) ? `${head}_${tail}${long}` : `${head}${tail}${long}`;
}

/** A member name (enum member, key, topic, constant): mostly `UPPER_SNAKE`, sometimes mixed case. */
export function memberName(d: Draw): string {
  const words = Array.from({ length: d.int(1, 3) }, () => chars(d, UPPER, 1, 6) + (d.chance(5) ? chars(d, DIGITS, 1, 2) : ""));
  const name = words.join("_");
  if (d.chance(8)) return name.charAt(0) + name.slice(1).toLowerCase();
  if (d.chance(20)) return `${name}_${chars(d, UPPER, 40, 60)}`;
  return name;
}

/** A snake_case identifier (actors, verify function and parameters, the protocol name). */
export function snakeName(d: Draw, stem = ""): string {
  const words = Array.from({ length: d.int(1, 3) }, () => chars(d, LOWER, 1, 6) + (d.chance(6) ? chars(d, DIGITS, 1, 2) : ""));
  return stem + words.join("_");
}

const WIRE_PIECES = [
  "a", "b", "x", "value", "Mixed", "UPPER", ".", "-", "_", " ", "/", ":", "#", "\"", "'", "\\", "$", "{", "}", "`",
  "é", "ß", "日本", "Ωμέγα", "🚀", "ﬁ", "\u00a0", "*/", "%s", "<b>", "&amp;", "[x]", "0",
];

const HOSTILE_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "class", "from", "None", "null", "$ref", "type"];

/** A wire value: never empty, no control characters, no surrounding whitespace. */
export function wireValue(d: Draw): string {
  if (d.chance(12)) return d.pick(HOSTILE_KEYS);
  let out = "";
  const n = d.int(1, 6);
  for (let i = 0; i < n; i++) out += d.pick(WIRE_PIECES);
  if (d.chance(25)) out += chars(d, LOWER, 60, 120);
  out = out.trim();
  return out === "" ? "v" : out;
}

const DOC_PIECES = [
  "Plain words.", "*/", "/*", "/**", "\"\"\"", "'''", "\\", "\\n", "\\\\", "\u2028", "\u2029", "🚀", "👩‍💻", "`code`",
  "${x}", "<!-- -->", "| pipe |", "# hash", "@param x", "@deprecated", "{@link X}", "\t", "--", "...", "é", "\"quoted\"",
  "'single'", "[link](#x)", "**bold**", "_", "\u00a0", "%d", "{}", "\n", "\n\n", "\n  indented", ">>> 1 + 1",
];

/** Doc text: one line or several, with pieces that break naive quoting; maybe surrounded by spaces. */
export function docText(d: Draw): string {
  let out = "";
  const n = d.int(1, 8);
  for (let i = 0; i < n; i++) out += d.pick(DOC_PIECES) + (d.chance(2) ? " " : "");
  if (d.chance(20)) out += ` ${"word ".repeat(d.int(20, 60))}`;
  if (d.chance(4)) out = `  ${out}`;
  if (d.chance(4)) out = `${out}  `;
  return out;
}

/** A short label (alt conditions, loop labels, notes, section titles, verify labels). */
export function label(d: Draw): string {
  const text = `${d.pick(["when", "on", "each", "after"])} ${d.pick(WIRE_PIECES)}${d.pick(["", " ok", " / fail", " (retry)"])}`;
  return text.trim();
}
