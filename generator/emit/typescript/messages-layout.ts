/**
 * A tiny layout engine for the expressions the messages emitter writes (objects, arrays, calls of
 * plain arguments), breaking lines exactly where prettier (default options) would, so the output
 * is already formatted and `prettier --check` has nothing to change.
 */

export type Expr =
  | { readonly kind: "atom"; readonly text: string }
  | { readonly kind: "object"; readonly props: readonly { readonly key: string; readonly value: Expr }[] }
  | { readonly kind: "array"; readonly items: readonly Expr[] }
  | { readonly kind: "call"; readonly callee: string; readonly args: readonly Expr[] };

export const WIDTH = 80;
const INDENT = "  ";

export const atom = (text: string): Expr => ({ kind: "atom", text });
export const array = (items: readonly Expr[]): Expr => ({ kind: "array", items });
export const call = (callee: string, args: readonly Expr[]): Expr => ({ kind: "call", callee, args });
export function object(props: readonly (readonly [string, Expr])[]): Expr {
  return { kind: "object", props: props.map(([key, value]) => ({ key, value })) };
}

/** One line, no breaks. */
export function flat(e: Expr): string {
  switch (e.kind) {
    case "atom":
      return e.text;
    case "object":
      return e.props.length === 0 ? "{}" : `{ ${e.props.map((p) => `${p.key}: ${flat(p.value)}`).join(", ")} }`;
    case "array":
      return `[${e.items.map(flat).join(", ")}]`;
    case "call":
      return `${e.callee}(${e.args.map(flat).join(", ")})`;
  }
}

/**
 * Prettier always breaks an array of two or more objects (or arrays) that each have more than
 * one entry, and a group breaks when anything inside it must.
 */
function mustBreak(e: Expr): boolean {
  switch (e.kind) {
    case "atom":
      return false;
    case "object":
      return e.props.some((p) => mustBreak(p.value));
    case "call":
      return e.args.some(mustBreak);
    case "array": {
      const multi = (x: Expr): boolean =>
        (x.kind === "object" && x.props.length > 1) || (x.kind === "array" && x.items.length > 1);
      const first = e.items[0];
      const concise =
        e.items.length > 1 && first !== undefined && e.items.every((x) => x.kind === first.kind && multi(x));
      return concise || e.items.some(mustBreak);
    }
  }
}

/**
 * Prints `e` starting at column `column` on a line indented by `indent` spaces; `trailing` is the
 * width of what follows it on the same line (`,` or `;`).
 */
export function layout(e: Expr, indent: number, column: number, trailing: number): string {
  return layoutAt(e, indent, column, trailing);
}

/** `key: value` inside a broken object; a too-long string value moves to its own line. */
function property(key: string, value: Expr, indent: number): string {
  const pad = " ".repeat(indent);
  const one = `${pad}${key}: ${layoutAt(value, indent, indent + key.length + 2, 1)},`;
  const isString = value.kind === "atom" && /^["']/.test(value.text);
  if (!isString || one.length <= WIDTH) return one;
  return `${pad}${key}:\n${pad}${INDENT}${flat(value)},`;
}

function layoutAt(e: Expr, indent: number, column: number, trailing: number): string {
  const one = flat(e);
  if (!mustBreak(e) && column + one.length + trailing <= WIDTH) return one;
  const inner = " ".repeat(indent) + INDENT;
  const close = " ".repeat(indent);
  const innerWidth = indent + INDENT.length;
  switch (e.kind) {
    case "atom":
      return one;
    case "object": {
      const lines = e.props.map((p) => property(p.key, p.value, innerWidth));
      return `{\n${lines.join("\n")}\n${close}}`;
    }
    case "array": {
      const lines = e.items.map((x) => `${inner}${layout(x, innerWidth, innerWidth, 1)},`);
      return `[\n${lines.join("\n")}\n${close}]`;
    }
    case "call": {
      const last = e.args[e.args.length - 1];
      const head = e.args.slice(0, -1).map(flat);
      // Prettier hugs a last argument that is an object or array: `f(a, {` … `})`.
      if (last !== undefined && (last.kind === "object" || last.kind === "array") && head.every((h) => !h.includes("\n"))) {
        const prefix = `${e.callee}(${head.map((h) => `${h}, `).join("")}`;
        if (column + prefix.length <= WIDTH && (last.kind !== "object" || last.props.length > 0)) {
          return prefix + layoutBroken(last, indent) + ")";
        }
      }
      const lines = e.args.map((x) => `${inner}${layout(x, innerWidth, innerWidth, 1)},`);
      return `${e.callee}(\n${lines.join("\n")}\n${close})`;
    }
  }
}

function layoutBroken(e: Expr, indent: number): string {
  const inner = " ".repeat(indent) + INDENT;
  const innerWidth = indent + INDENT.length;
  const close = " ".repeat(indent);
  if (e.kind === "object") {
    const lines = e.props.map((p) => property(p.key, p.value, innerWidth));
    return `{\n${lines.join("\n")}\n${close}}`;
  }
  if (e.kind === "array") {
    const lines = e.items.map((x) => `${inner}${layout(x, innerWidth, innerWidth, 1)},`);
    return `[\n${lines.join("\n")}\n${close}]`;
  }
  return flat(e);
}

/** A JSDoc block for `lines` at `indent`; one line when it fits. `*` `/` can't close it early. */
export function jsDoc(lines: readonly string[], indent: string): string {
  const safe = lines.map((l) => l.replace(/\*\//g, "*\\/").trimEnd());
  const single = safe.length === 1 ? `${indent}/** ${safe[0] ?? ""} */` : undefined;
  if (single !== undefined && single.length <= WIDTH) return single + "\n";
  return [`${indent}/**`, ...safe.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`].join("\n") + "\n";
}

/**
 * A string literal the way prettier prints it: double quotes, unless the text holds more double
 * quotes than single ones; JSON escapes otherwise (U+2028/U+2029 escaped too).
 */
export function str(text: string): string {
  const body = JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u2028\u2029]/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
  const doubles = (text.match(/"/g) ?? []).length;
  const singles = (text.match(/'/g) ?? []).length;
  if (doubles <= singles) return `"${body}"`;
  return `'${body.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** `key` as an object/interface property name: bare when it is an identifier, else quoted. */
export function propertyName(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : str(key);
}
