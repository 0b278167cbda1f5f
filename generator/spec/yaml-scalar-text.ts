/**
 * The text of YAML scalars, as the yaml package reads it: double-quoted escapes and line folding,
 * single-quoted folding, and a folded (`>`) block scalar's lines. Pure functions for the
 * common-YAML reader; an escape it does not take throws OutsideSubset.
 */

/** Thrown when a text leaves the common-YAML subset; caught at the reader's one entry point. */
export class OutsideSubset extends Error {}

const ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
};

const HEX_DIGITS = { x: 2, u: 4, U: 8 } as const;

/**
 * A double-quoted scalar's body as the yaml package reads it: escapes decoded (those that need
 * care give way), a line break folded into a space or, with blank lines after it, into one break
 * per blank line, spaces around a break dropped, and an escaped break dropped with the next
 * line's indentation.
 */
export function doubleQuotedValue(body: string): string {
  if (!body.includes("\\") && !body.includes("\n")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === "\n") {
      let fold = "";
      while (body[i + 1] === " " || body[i + 1] === "\n") if (body[++i] === "\n") fold += "\n";
      out += fold === "" ? " " : fold;
    } else if (c === " ") {
      const start = i;
      while (body[i + 1] === " ") i++;
      if (body[i + 1] !== "\n") out += body.slice(start, i + 1);
    } else if (c !== "\\") {
      out += c;
    } else {
      const e = body[++i] as string;
      if (e === "\n") {
        while (body[i + 1] === " ") i++;
        continue;
      }
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        continue;
      }
      const digits = HEX_DIGITS[e as keyof typeof HEX_DIGITS] as number | undefined;
      if (digits === undefined) throw new OutsideSubset();
      const hex = body.slice(i + 1, i + 1 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw new OutsideSubset();
      const code = parseInt(hex, 16);
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) throw new OutsideSubset();
      out += String.fromCodePoint(code);
      i += digits;
    }
  }
  return out;
}

/**
 * A single-quoted scalar's lines folded as the yaml package folds them: the first line without
 * its trailing spaces, each further line without its leading and trailing spaces and joined by
 * a space, a blank line a break.
 */
export function foldQuotedLines(body: string): string {
  const first = body.indexOf("\n");
  if (first === -1) return body;
  const parts = body.split("\n");
  let out = (parts[0] as string).replace(/ +$/, "");
  let sep = " ";
  for (let i = 1; i < parts.length - 1; i++) {
    // Only spaces are white space here: a no-break space or another Unicode space is content.
    const line = (parts[i] as string).replace(/^ +| +$/g, "");
    if (line === "") {
      if (sep === "\n") out += sep;
      else sep = "\n";
    } else {
      out += sep + line;
      sep = " ";
    }
  }
  return out + sep + (parts[parts.length - 1] as string).replace(/^ +/, "");
}

/** A folded block scalar's lines (no more-indented ones): a line break between two lines is a space, blank lines are breaks. */
export function foldBlockLines(lines: readonly string[]): string {
  let out = "";
  let blanks = 0;
  for (const [i, line] of lines.entries()) {
    if (line === "") {
      blanks++;
      continue;
    }
    if (i > 0) out += blanks > 0 ? "\n".repeat(blanks) : " ";
    blanks = 0;
    out += line;
  }
  return out;
}
