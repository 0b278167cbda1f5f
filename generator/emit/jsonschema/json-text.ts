/**
 * JSON text laid out the way prettier (defaults) prints a .json file: non-empty objects one
 * member per line, arrays on one line when they fit 80 columns (display width; a comma follows
 * every item but the last) and hold no non-empty object.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

import { escapeInvisible, unicodeEscape, width } from "../text.js";

const WIDTH = 80;

export function jsonText(value: Json): string {
  return `${print(value, 0, 0, 0)}\n`;
}

function flat(value: Json): string | undefined {
  if (typeof value === "number") return JSON.stringify(value).replace("e+", "e");
  if (typeof value === "string") return jsonString(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = (value as readonly Json[]).map(flat);
    return items.every((i) => i !== undefined) ? `[${items.join(", ")}]` : undefined;
  }
  return Object.keys(value).length === 0 ? "{}" : undefined;
}

function print(value: Json, indent: number, column: number, trailing: number): string {
  const one = flat(value);
  const fits = column + width(one ?? "") + trailing <= WIDTH;
  if (one !== undefined && (fits || !Array.isArray(value) || value.length === 0)) return one;
  const pad = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (Array.isArray(value)) {
    const last = value.length - 1;
    const items = (value as readonly Json[]).map((v, i) => `${pad}${print(v, indent + 2, indent + 2, i < last ? 1 : 0)}`);
    return `[\n${items.join(",\n")}\n${close}]`;
  }
  const members = Object.entries(value as { readonly [key: string]: Json });
  const entries = members.map(([k, v], i) => {
    const key = `${jsonString(k)}: `;
    return `${pad}${key}${print(v, indent + 2, indent + 2 + width(key), i < members.length - 1 ? 1 : 0)}`;
  });
  return `{\n${entries.join(",\n")}\n${close}}`;
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
