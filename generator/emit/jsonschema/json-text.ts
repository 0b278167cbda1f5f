/**
 * JSON text laid out the way prettier (defaults) prints a .json file: non-empty objects one
 * member per line, arrays on one line when they fit 80 columns (display width; a comma follows
 * every item but the last) and hold no non-empty object; a broken array of numbers only fills its
 * lines, as prettier prints it.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

import { escapeInvisible, unicodeEscape, width } from "../text.js";

const WIDTH = 80;

export function jsonText(value: Json): string {
  const out: string[] = [];
  print(value, 0, 0, 0, out);
  out.push("\n");
  return out.join("");
}

function flat(value: Json): string | undefined {
  if (typeof value === "number") return JSON.stringify(value).replace("e+", "e");
  if (typeof value === "string") return jsonString(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value as readonly Json[]) {
      const one = flat(item);
      if (one === undefined) return undefined;
      items.push(one);
    }
    return `[${items.join(", ")}]`;
  }
  return Object.keys(value).length === 0 ? "{}" : undefined;
}

/**
 * Appends the text of `value` to `out` (pieces, joined once at the end, so a deep or wide
 * document costs time linear in its text).
 */
function print(value: Json, indent: number, column: number, trailing: number, out: string[]): void {
  const one = flat(value);
  const fits = one !== undefined && column + width(one) + trailing <= WIDTH;
  if (one !== undefined && (fits || !Array.isArray(value) || value.length === 0)) {
    out.push(one);
    return;
  }
  const pad = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length > 1 && items.every((v) => typeof v === "number")) {
      // Numbers only: prettier fills the lines (as many items per line as fit, a comma after each but the last).
      out.push("[\n", pad);
      let at = indent + 2;
      items.forEach((v, i) => {
        const text = `${flat(v) ?? ""}${i < items.length - 1 ? "," : ""}`;
        if (i > 0 && at + 1 + width(text) <= WIDTH) {
          out.push(" ");
          at += 1;
        } else if (i > 0) {
          out.push("\n", pad);
          at = indent + 2;
        }
        out.push(text);
        at += width(text);
      });
      out.push("\n", close, "]");
      return;
    }
    out.push("[\n");
    items.forEach((v, i) => {
      out.push(pad);
      print(v, indent + 2, indent + 2, i < items.length - 1 ? 1 : 0, out);
      out.push(i < items.length - 1 ? ",\n" : "\n");
    });
    out.push(close, "]");
    return;
  }
  const members = Object.entries(value as { readonly [key: string]: Json });
  out.push("{\n");
  members.forEach(([k, v], i) => {
    const key = `${jsonString(k)}: `;
    out.push(pad, key);
    print(v, indent + 2, indent + 2 + width(key), i < members.length - 1 ? 1 : 0, out);
    out.push(i < members.length - 1 ? ",\n" : "\n");
  });
  out.push(close, "}");
}

/**
 * A JSON string: the JSON target's one function for spec text. JSON.stringify escapes quotes,
 * backslashes and C0 controls; every other invisible character (DEL, C1 controls, U+2028/2029,
 * bidi controls, zero-width characters, the BOM) is written as a `\uXXXX` escape too, so no raw
 * control or bidi character is in the file, and the parsed value is exactly the text.
 */
export function jsonString(text: string): string {
  return escapeInvisible(JSON.stringify(text), unicodeEscape);
}
