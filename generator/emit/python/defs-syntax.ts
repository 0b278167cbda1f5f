/**
 * Python source text for spec values: string and number literals, docstrings and comments (and
 * the operands of an `or` chain of checks), written exactly as `ruff format` and ruff's rules
 * would leave them (so the output never needs formatting) and safe for any text: a literal or
 * docstring round-trips its value, a comment can't end early or be read as a tool directive.
 */
import type { Protocol } from "../../model.js";
import { headerComment } from "../header.js";
import { escapeInvisible, hasInvisible, oneLine, unicodeEscape } from "../text.js";

/** `\xNN` below U+0100, `\uNNNN` otherwise (lone surrogates included), lower-case as ruff writes. */
function pythonEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (char.length === 2) return `\\U${code.toString(16).padStart(8, "0")}`; // a tag character
  if (char === "\\") return "\\\\";
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "\t") return "\\t";
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : unicodeEscape(char);
}

/** Text a double-quoted literal holds as it is: printable ASCII but `"`, `'` and `\\`. */
const PLAIN_STRING = /^[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/;

/**
 * A string literal. Double quotes unless the text holds more `"` than `'` — the choice ruff
 * format makes, so it never rewrites the literal.
 */
export function pythonString(value: string): string {
  // Printable ASCII without quotes, backslashes or tabs, by far the common case, is written as it is.
  if (PLAIN_STRING.test(value)) return `"${value}"`;
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  const body = escapeInvisible(value.replace(/[\\\t]/g, (c) => pythonEscape(c)), pythonEscape).replaceAll(
    quote,
    `\\${quote}`,
  );
  return `${quote}${body}${quote}`;
}

/** An int, float or bool literal; non-finite floats as `float("inf")` (no imports needed). */
export function pythonScalar(value: string | number | boolean, type: "string" | "int" | "float" | "bool"): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return pythonString(value);
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : 'float("-inf")';
  // String(-0) is "0"; a float keeps the sign of zero (an int has none).
  const text = type === "float" && Object.is(value, -0) ? "-0" : String(value).replace("e+", "e");
  if (type === "float" && /^-?\d+$/.test(text)) return `${text}.0`;
  return text;
}

/** True for the characters a docstring writes as an escape: invisible ones and tabs. */
function needsEscape(line: string): boolean {
  return line.includes("\t") || hasInvisible(line);
}

/** Docstring text the plain `"""…"""` form holds as it is, line by line: printable ASCII but `"` and `\\`. */
const PLAIN_DOC = /^[\n\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * The lines of a docstring, indented by `indent`, opening and closing quotes included.
 *
 * The value seen at run time is the doc text itself under PEP 257 (`inspect.cleandoc`, what
 * `help()` and `ast.get_docstring` show): continuation lines lose the indentation they share and
 * trailing spaces are dropped, as every formatter does. Everything else round-trips exactly.
 *
 * Quoting is chosen per text, most readable first:
 * - plain `"""…"""` when nothing needs care;
 * - `r"""…"""` when the text holds backslashes but nothing else a raw string can't hold (this is
 *   how a person writes such a docstring, and it keeps ruff's D301 quiet);
 * - otherwise escaped: `\\`, `\"` for a quote that touches another or an end of the text (a
 *   trailing `"` would fuse with the closing quotes), `\t`, `\xNN`/`\uNNNN` for invisible
 *   characters (U+2028, NUL, bidi controls) — valid, visible, exact.
 * Lone surrogates never get here: the spec loader rejects them (WD109), since no UTF-8 file can
 * hold one.
 */
export function pythonDocstring(text: string, indent: string): string[] {
  const trimmed = text.trim();
  // The common case: printable ASCII lines without quotes, backslashes, trailing spaces or indented
  // continuation lines — nothing to escape, strip or dedent, so the text goes between the quotes as it is.
  if (PLAIN_DOC.test(trimmed) && !trimmed.includes(" \n") && !trimmed.includes("\n ")) {
    const plain = trimmed.split("\n");
    plain[0] = `"""${plain[0] ?? ""}`;
    if (plain.length === 1) plain[0] += '"""';
    else plain.push('"""');
    return indent === "" ? plain : plain.map((line) => (line === "" ? line : `${indent}${line}`));
  }
  const lines = dedentContinuation(
    text
      .trim() // ruff format strips what surrounds a docstring's text
      .split("\n")
      .map((line) => line.replace(/[ \t]+$/, "")),
  );
  const content = lines.length > 1 ? `${lines.join("\n")}\n` : (lines[0] ?? "");
  const quoteTrouble = content.includes('"""') || content.startsWith('"') || content.endsWith('"');
  const escapes = lines.some(needsEscape);
  let opened: string;
  if (!escapes && !quoteTrouble && !content.includes("\\")) opened = `"""${content}`;
  else if (!escapes && !quoteTrouble && !content.endsWith("\\")) opened = `r"""${content}`;
  else opened = `"""${escapeDocstring(content)}`;
  const out = `${opened}"""`.split("\n");
  return out.map((line) => (line === "" ? line : `${indent}${line}`));
}

/** Removes the indentation all non-blank continuation lines share (PEP 257, ruff format). */
function dedentContinuation(lines: string[]): string[] {
  const indents = lines
    .slice(1)
    .filter((line) => line !== "")
    .map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const shared = indents.length === 0 ? 0 : Math.min(...indents);
  return shared === 0 ? lines : lines.map((line, i) => (i === 0 ? line : line.slice(shared)));
}

function escapeDocstring(content: string): string {
  const chars = Array.from(content); // code points: a surrogate pair stays whole, a lone half alone
  return chars
    .map((char, i) => {
      if (char === "\\") return "\\\\";
      if (char === "\n") return char;
      if (char !== '"') return needsEscape(char) ? pythonEscape(char) : char;
      const touches = i === 0 || i === chars.length - 1 || chars[i - 1] === '"' || chars[i + 1] === '"';
      return touches ? '\\"' : '"';
    })
    .join("");
}

/**
 * Tool directives Python linters, formatters and type checkers find in comments, at the start of
 * a comment or after any `#` inside one (`# a # noqa` counts): `type: ignore` and other type
 * comments (mypy, pyright; lower case), `noqa` (ruff, flake8; any case, `#noqa` too), file-level
 * `ruff:`/`flake8: noqa`, `fmt: off`/`fmt: skip`, `isort:`, `pyright:`, `mypy:`, `pytype:`,
 * `pyre-…`, `ty:`, `yapf:`, `pragma: no cover`, `nosec`, `codespell:`. Doc text must never turn
 * into one: a backslash goes before the word.
 */
const TYPE_COMMENT = /(^|#)(\s*)(?=type\s*:)/g;
const DIRECTIVE =
  /(^|#)(\s*)(?=(?:pyright|mypy|fmt|isort|ruff|flake8|yapf|pragma|pytype|ty|codespell)\s*:|noqa|nosec|pyre-)/gi;
/** pylint reads `pylint:` anywhere in a comment after a word boundary: the colon is escaped. */
const PYLINT = /\bpylint:/g;
/** PEP 263: `coding:` or `coding=` in a comment on line 1 or 2 declares the file's encoding. */
const ENCODING = /coding(?=[:=])/g;

/**
 * The one defusing step for text in a Python comment: a tab written as a space (ruff counts a tab
 * 4 columns, black 1, so a line holding one fits for one formatter and not the other), invisible
 * characters and line breaks shown as `\uXXXX` (the comment can't end early), directive words
 * (above) behind a backslash, and, on the first two lines of a file, an encoding declaration
 * broken up. Every comment the Python emitters write goes through it.
 */
export function pythonCommentText(line: string, encodingLine = false): string {
  const text = oneLine(line.replace(/\t/g, " ")).replace(TYPE_COMMENT, "$1$2\\").replace(DIRECTIVE, "$1$2\\").replace(PYLINT, "pylint\\:");
  return encodingLine ? text.replace(ENCODING, "coding\\") : text;
}

/** One comment line: `# text`, or `#` for a blank line, through pythonCommentText. */
export function pythonComment(line: string, encodingLine = false): string {
  return line.trim() === "" ? "#" : `# ${pythonCommentText(line.trimEnd(), encodingLine)}`;
}

/** The file header (licence and notice) as Python comments. */
export function pythonHeader(protocol: Protocol): string {
  return headerComment(protocol, (line, i) => pythonComment(line, i < 2));
}

const ISINSTANCE = /^isinstance\(([\w.]+), (\w+)\)$/;

/**
 * The operands of an `or` chain of checks, with every `isinstance(x, T)` of the same `x` merged
 * into one `isinstance(x, (T1, T2))` where the first stood (ruff SIM101), each class once. The
 * checks have no side effects, so moving a class into an earlier test changes no verdict.
 */
export function mergedIsinstance(checks: readonly string[]): string[] {
  const out: string[] = [];
  /** Per subject: where its first isinstance stands in `out`, and the classes merged into it. */
  const firsts = new Map<string, { readonly at: number; readonly classes: string[] }>();
  for (const check of checks) {
    const [, subject, cls] = ISINSTANCE.exec(check) ?? [];
    if (subject === undefined || cls === undefined) {
      out.push(check);
      continue;
    }
    const first = firsts.get(subject);
    if (first === undefined) {
      firsts.set(subject, { at: out.length, classes: [cls] });
      out.push(check);
    } else if (!first.classes.includes(cls)) {
      first.classes.push(cls);
      out[first.at] = `isinstance(${subject}, (${first.classes.join(", ")}))`;
    }
  }
  return out;
}
