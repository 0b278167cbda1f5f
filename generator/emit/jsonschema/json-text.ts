/**
 * JSON text laid out the way prettier (defaults) prints a .json file: non-empty objects one
 * member per line, arrays on one line when they fit 80 columns (display width; a comma follows
 * every item but the last) and hold no non-empty object.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

import { width } from "../text.js";

const WIDTH = 80;

export function jsonText(value: Json): string {
  return `${print(value, 0, 0, 0)}\n`;
}

function flat(value: Json): string | undefined {
  if (typeof value === "number") return JSON.stringify(value).replace("e+", "e");
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
    const key = `${JSON.stringify(k)}: `;
    return `${pad}${key}${print(v, indent + 2, indent + 2 + width(key), i < members.length - 1 ? 1 : 0)}`;
  });
  return `{\n${entries.join(",\n")}\n${close}}`;
}
