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
  return `${print(value, 0, 0, 0)}\n`;
}

type Scalar = null | boolean | number | string;

function isScalar(value: Json): value is Scalar {
  return value === null || typeof value !== "object";
}

function scalarText(value: Scalar): string {
  if (typeof value === "string") return jsonString(value);
  if (typeof value === "number") return JSON.stringify(value).replace("e+", "e");
  return JSON.stringify(value);
}

/** The width of the flat array `flatArray` returned last (so a nested one is not measured twice). */
let flatWidth = 0;

/**
 * An array on one line, `[a, b]`, when it holds no non-empty object and takes at most `room`
 * columns; else undefined (a broken array is printed either way, so a line that cannot fit stops
 * the measuring there). The display width of a line is the sum of its items': a character
 * sequence that counts as one (an emoji with its modifiers) never spans the `, ` between items.
 */
function flatArray(items: readonly Json[], room: number): string | undefined {
  let text = "[";
  let columns = 1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Json;
    if (i > 0) {
      text += ", ";
      columns += 2;
    }
    let one: string | undefined;
    if (isScalar(item)) {
      one = scalarText(item);
      columns += width(one);
    } else if (Array.isArray(item)) {
      one = item.length === 0 ? "[]" : flatArray(item as readonly Json[], room - columns - 1);
      if (one === undefined) return undefined;
      columns += item.length === 0 ? 2 : flatWidth;
    } else {
      if (Object.keys(item).length > 0) return undefined;
      one = "{}";
      columns += 2;
    }
    if (columns + 1 > room) return undefined;
    text += one;
  }
  flatWidth = columns + 1;
  return `${text}]`;
}

/** Indentation strings by width, made once each. */
const PADS: string[] = [];
function pad(n: number): string {
  return (PADS[n] ??= " ".repeat(n));
}

/**
 * The text of `value` at `column` of a line indented `indent`, `trailing` columns (a comma)
 * following it. Built by concatenation (V8 joins the pieces once, when the text is read), so a
 * deep or wide document costs time linear in its text.
 */
function print(value: Json, indent: number, column: number, trailing: number): string {
  if (isScalar(value)) return scalarText(value);
  const inner = pad(indent + 2);
  const close = pad(indent);
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length === 0) return "[]";
    const one = flatArray(items, WIDTH - column - trailing);
    if (one !== undefined) return one;
    if (items.length > 1 && items.every((v) => typeof v === "number")) {
      // Numbers only: prettier fills the lines (as many items per line as fit, a comma after each but the last).
      let out = `[\n${inner}`;
      let at = indent + 2;
      for (let i = 0; i < items.length; i++) {
        const text = `${scalarText(items[i] as number)}${i < items.length - 1 ? "," : ""}`;
        if (i > 0 && at + 1 + width(text) <= WIDTH) {
          out += " ";
          at += 1;
        } else if (i > 0) {
          out += `\n${inner}`;
          at = indent + 2;
        }
        out += text;
        at += width(text);
      }
      return `${out}\n${close}]`;
    }
    let out = "[\n";
    for (let i = 0; i < items.length; i++) {
      const last = i === items.length - 1;
      out += inner + print(items[i] as Json, indent + 2, indent + 2, last ? 0 : 1) + (last ? "\n" : ",\n");
    }
    return `${out}${close}]`;
  }
  const object = value as { readonly [key: string]: Json };
  const keys = Object.keys(object);
  if (keys.length === 0) return "{}";
  let out = "{\n";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const last = i === keys.length - 1;
    const key = jsonString(k);
    out += inner + key + ": " + print(object[k] as Json, indent + 2, indent + 4 + width(key), last ? 0 : 1) + (last ? "\n" : ",\n");
  }
  return `${out}${close}}`;
}

/** Printable ASCII but `"` and `\`: JSON.stringify only adds the quotes. */
const PLAIN_JSON = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * A JSON string: the JSON target's one function for spec text. JSON.stringify escapes quotes,
 * backslashes and C0 controls; every other invisible character (DEL, C1 controls, U+2028/2029,
 * bidi controls, zero-width characters, the BOM) is written as a `\uXXXX` escape too, so no raw
 * control or bidi character is in the file, and the parsed value is exactly the text.
 */
export function jsonString(text: string): string {
  if (PLAIN_JSON.test(text)) return `"${text}"`;
  return escapeInvisible(JSON.stringify(text), unicodeEscape);
}
