/**
 * Flat-first printing (doc.ts Flat) against the documents it stands for: random syntax trees
 * (fixed seed) go through the TypeScript builders, and each resulting document is printed twice
 * at many widths, with and without semicolons — as built (flat text where it fits, a document
 * built only where it does not) and with every flat document replaced by its built document
 * first (the plain doc printer). The two prints must be equal: a flat text that differs from its
 * document's one-line print (ts-flat.ts out of step with ts-print.ts), a miscounted `;`, or a
 * flat text printed where its document would break fails here.
 */
import { describe, expect, it } from "vitest";
import { built, printDoc, type Doc } from "../../generator/emit/typescript/doc.js";
import { ifClause, ifElse } from "../../generator/emit/typescript/ts-control.js";
import type { Expr, Prop, PropSig, Type } from "../../generator/emit/typescript/ts-ast.js";
import { printAssignment, printExpr, printType } from "../../generator/emit/typescript/ts-print.js";
import { constDecl, functionHead, statement } from "../../generator/emit/typescript/ts-statements.js";
import { withStyle } from "../../generator/emit/style.js";

/** A small deterministic generator (an LCG), so the same trees every run. */
function rng(seed: number): { int(n: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const NAMES = ["a", "value", "errors", "isRecord", "validateHelloPayload", "ValidationIssue", "x1", "payloadOfTheTopic"];
const STRINGS = ['"k"', '"missing required key \\"session_id\\""', '"a;"', '"client_api.hello"', '""'];

function expr(r: Rng, depth: number): Expr {
  const leaf = (): Expr =>
    r.pick<() => Expr>([
      () => ({ kind: "id", name: r.pick(NAMES) }),
      () => ({ kind: "string", text: r.pick(STRINGS) }),
      () => ({ kind: "number", text: String(r.int(1000)) }),
      () => ({ kind: "boolean", value: r.chance(0.5) }),
    ])();
  if (depth === 0 || r.chance(0.25)) return leaf();
  const sub = (): Expr => expr(r, depth - 1);
  const list = (n: number): Expr[] => Array.from({ length: r.int(n) }, sub);
  return r.pick<() => Expr>([
    () => ({ kind: "unary", op: r.pick(["!", "-", "typeof "]), arg: sub() }),
    () => ({ kind: "member", object: sub(), property: r.pick(NAMES) }),
    () => ({ kind: "index", object: sub(), index: sub() }),
    () => ({ kind: "call", callee: sub(), typeArgs: r.chance(0.3) ? [type(r, depth - 1)] : [], args: list(4), isNew: r.chance(0.15) }),
    () => ({ kind: "object", props: Array.from({ length: r.int(4) }, () => prop(r, depth - 1)), expanded: r.chance(0.1) }),
    () => ({ kind: "array", items: list(4) }),
    () => ({ kind: "asConst", expr: sub() }),
  ])();
}

function prop(r: Rng, depth: number): Prop {
  const name = r.pick(NAMES);
  if (r.chance(0.15)) return { key: { kind: "name", text: name }, value: { kind: "id", name }, shorthand: true };
  const key = r.chance(0.2) ? { kind: "computed" as const, expr: expr(r, depth) } : { kind: "name" as const, text: name };
  return {
    key,
    value: expr(r, depth),
    ...(r.chance(0.1) ? { comments: ["/** A comment. */"] } : {}),
    ...(r.chance(0.1) ? { blankBefore: true } : {}),
  };
}

function type(r: Rng, depth: number): Type {
  const ref = (): Type => ({ kind: "ref", name: r.pick(NAMES), args: [] });
  if (depth === 0 || r.chance(0.25)) return ref();
  const sub = (): Type => type(r, depth - 1);
  return r.pick<() => Type>([
    () => ({ kind: "ref", name: r.pick(NAMES), args: Array.from({ length: 1 + r.int(2) }, sub) }),
    () => ({ kind: "array", of: sub() }),
    () => ({ kind: "readonly", of: { kind: "array", of: sub() } }),
    () => ({ kind: "union", types: Array.from({ length: 2 + r.int(3) }, sub) }),
    () => ({ kind: "typeof", name: r.pick(NAMES) }),
    () => ({ kind: "keyof", of: sub() }),
    () => ({ kind: "indexed", object: sub(), index: sub() }),
    () => ({ kind: "predicate", param: "value", type: sub() }),
    () => ({ kind: "literal", members: Array.from({ length: r.int(3) }, () => propSig(r, depth - 1)), expanded: r.chance(0.1) }),
    () => ({ kind: "intersection", types: Array.from({ length: 2 + r.int(2) }, sub) }),
    () => ({ kind: "function", params: [{ name: "value", type: sub() }], returns: sub() }),
  ])();
}

function propSig(r: Rng, depth: number): PropSig {
  return {
    key: { kind: "name", text: r.pick(NAMES) },
    type: type(r, depth),
    optional: r.chance(0.4),
    readonly: r.chance(0.5),
    ...(r.chance(0.1) ? { comments: ["/** A member. */"] } : {}),
  };
}

/** One random declaration or statement, through the builders the emitters call. */
function construct(r: Rng): Doc {
  const depth = 3;
  return r.pick<() => Doc>([
    () => statement(r.pick(["return", "throw", ""] as const), expr(r, depth)),
    () => constDecl(r.pick(NAMES), expr(r, depth), r.chance(0.5) ? { type: type(r, depth), exported: r.chance(0.5) } : {}),
    () => functionHead(r.pick(NAMES), [{ name: "value", type: type(r, 2) }, { name: "path", type: type(r, 1) }], type(r, depth)),
    () => ["export type T = ", printType(type(r, depth)), ";"],
    () => printAssignment("const left", " =", expr(r, depth)),
    () => ifClause(printExpr(expr(r, depth)), "return false;"),
    () => ifElse([[printExpr(expr(r, depth)), [statement("", expr(r, 2))]]], [statement("return", expr(r, 1))]),
  ])();
}

/**
 * The document with every flat document replaced by its built document, all the way down. A
 * part shared in the original (a conditional group's states share their parts with its contents,
 * and the printer marks broken groups through the contents) is shared in the copy too.
 */
function fullyBuilt(doc: Doc, copies = new Map<object, Doc>()): Doc {
  if (typeof doc === "string") return doc;
  const known = copies.get(doc);
  if (known !== undefined) return known;
  const copy = copyOf(doc, (d) => fullyBuilt(d, copies));
  copies.set(doc, copy);
  return copy;
}

function copyOf(doc: Exclude<Doc, string>, inner: (d: Doc) => Doc): Doc {
  if (Array.isArray(doc)) return (doc as readonly Doc[]).map(inner);
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (d.type) {
    case "flat":
      return inner(built(d));
    case "group":
      return { ...d, contents: inner(d.contents), ...(d.expandedStates === undefined ? {} : { expandedStates: d.expandedStates.map(inner) }) };
    case "indent":
    case "align":
    case "indentIfBreak":
      return { ...d, contents: inner(d.contents) };
    case "ifBreak":
      return { ...d, breakContents: inner(d.breakContents), flatContents: inner(d.flatContents) };
    case "line":
    case "breakParent":
      return d;
  }
}

/** Whether any flat document is in `doc` (so the comparison exercises the fast path); walked as copyOf walks it. */
function hasFlat(doc: Doc): boolean {
  let found = false;
  const visit = (d: Doc): Doc => {
    if (found || typeof d === "string") return d;
    if (!Array.isArray(d) && (d as Exclude<Doc, string | readonly Doc[]>).type === "flat") found = true;
    else copyOf(d, visit);
    return d;
  };
  visit(doc);
  return found;
}

const WIDTHS = [12, 20, 30, 40, 50, 60, 80, 100, 160];
const TREES = 400;

describe.each([true, false])("flat-first printing (semicolons: %s)", (semicolons) => {
  it("prints every construct exactly as its fully built document, at every width", () => {
    const r = rng(semicolons ? 0x5eed : 0xf1a7);
    let compared = 0;
    let withFlat = 0;
    for (let i = 0; i < TREES; i++) {
      const seed = r.int(2 ** 31);
      for (const width of WIDTHS) {
        withStyle({ printWidth: width, semicolons }, () => {
          // Built afresh at each width: a flat document keeps its built document once made.
          const doc = construct(rng(seed));
          const expected = printDoc(fullyBuilt(construct(rng(seed))), width);
          if (hasFlat(doc)) withFlat++;
          expect(printDoc(doc, width), `tree ${i} (seed ${seed}) at width ${width}`).toBe(expected);
          compared++;
        });
      }
    }
    expect(compared).toBe(TREES * WIDTHS.length);
    // Most constructs are carried flat: the comparison is of the fast path, not of the fallback.
    expect(withFlat).toBeGreaterThan(compared / 2);
  });
});
