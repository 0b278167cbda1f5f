/**
 * Control-flow statements as documents, built as prettier's estree printer builds them (default
 * options), for the validators' straight-line code: `if`/`else if`/`else` with block bodies,
 * `if (…) return false;`, `switch`, labelled blocks, `for` loops and `try`/`catch`. Conditions
 * are documents too; `or` and `compare` lay out `||` and `!==` as prettier does inside the
 * parentheses of an `if`. A condition and a one-line `if` are flat-first (doc.ts Flat).
 */
import { flatFirst, flatOf, group, hardline, ifBreak, indent, join, line, semisSoFar, softline, type Doc } from "./doc.js";
import { block } from "./ts-statements.js";

/** `if (test) {…} else if (test) {…} else {…}`: every branch a block. */
export function ifElse(branches: readonly (readonly [Doc, readonly Doc[]])[], otherwise: readonly Doc[] = []): Doc {
  const parts: Doc[] = [];
  branches.forEach(([test, body], i) => {
    parts.push(i === 0 ? "" : " else ", group(["if (", condition(test), ")", " ", block(body)]));
  });
  if (otherwise.length > 0) parts.push(" else ", block(otherwise));
  return parts;
}

/** The test inside an `if`'s parentheses: on the line, or broken onto lines of its own. */
function condition(test: Doc): Doc {
  const semis = semisSoFar();
  return flatFirst(flatOf(test), semis, conditionDoc, test);
}

const conditionDoc = (test: Doc): Doc => group([indent([softline, test]), softline]);

/** `if (test) clause` for a one-statement clause (`return false;`, `break m1;`). */
export function ifClause(test: Doc, clause: Doc): Doc {
  const semis = semisSoFar();
  const flatTest = flatOf(test);
  const flatClause = flatTest === undefined ? undefined : flatOf(clause);
  const text = flatClause === undefined ? undefined : `if (${flatTest}) ${flatClause}`;
  return flatFirst(text, semis, ifClauseDoc, { test, clause });
}

function ifClauseDoc({ test, clause }: { test: Doc; clause: Doc }): Doc {
  return group(["if (", conditionDoc(test), ")", indent([line, clause])]);
}

/**
 * `a || b || …` inside an `if`'s parentheses. A comparison among two or more operands indents its
 * right side when it breaks (prettier prints a binary expression inside another of a different
 * precedence as `group([left, indent(rest)])`); one alone is the `if`'s own test.
 */
export function or(tests: readonly Doc[]): Doc {
  return logical("||", tests);
}

/** `a && b && …` inside an `if`'s parentheses, laid out as `or` lays out `||`. */
export function and(tests: readonly Doc[]): Doc {
  return logical("&&", tests);
}

function logical(op: "||" | "&&", tests: readonly Doc[]): Doc {
  if (tests.length === 1) return tests[0] ?? "";
  return join([` ${op}`, line], tests.map((t) => (Array.isArray(t) ? group(COMPARISONS.has(t) ? [t[0] ?? "", indent(t[1] ?? "")] : t) : t)));
}

/** The documents `compare` made, which `or` lays out as operands. */
const COMPARISONS = new WeakSet<readonly Doc[]>();

/**
 * `left op right`, a comparison, as an operand of `||` or alone in an `if`: the operator and the
 * right side are a group of their own (prettier's printBinaryish groups them when neither side is
 * a comparison too), so the comparison stays on one line wherever that line has room for it.
 */
export function compare(left: Doc, op: string, right: Doc): Doc {
  const doc: Doc[] = [left, group([` ${op}`, line, right])];
  COMPARISONS.add(doc);
  return doc;
}

/** `switch (disc) { case …: … default: … }`; a case with no body falls through to the next. */
export function switchStmt(disc: string, cases: readonly { readonly labels: readonly string[]; readonly body: readonly Doc[] }[]): Doc {
  const printed = cases.map((c) => {
    const labels = c.labels.map((l) => (l === "default" ? "default:" : `case ${l}:`));
    return [join(hardline, labels), c.body.length === 0 ? "" : indent([hardline, join(hardline, c.body)])];
  });
  const semis = semisSoFar();
  const head = flatFirst(`switch (${disc})`, semis, switchHeadDoc, disc);
  return [head, " {", indent([hardline, join(hardline, printed)]), hardline, "}"];
}

/** A `switch` head too long for its line: the discriminant on a line of its own, as prettier's. */
const switchHeadDoc = (disc: string): Doc => group(["switch (", indent([softline, disc]), softline, ")"]);

/** `label: { … }` */
export function labelled(label: string, body: readonly Doc[]): Doc {
  return [`${label}: `, block(body)];
}

/** `head { … }` for a loop head written out in full (`for (const key in value)`), which never breaks. */
export function loop(head: string, body: readonly Doc[]): Doc {
  return [`${head} `, block(body)];
}

/** `for (const name of iterable) { … }`: a head too long breaks inside the iterable (a call's arguments), as prettier's does. */
export function forOf(name: string, iterable: Doc, body: readonly Doc[]): Doc {
  const semis = semisSoFar();
  const flat = flatOf(iterable);
  const head = flat === undefined ? undefined : `for (const ${name} of ${flat})`;
  return [flatFirst(head, semis, forOfDoc, { name, iterable }), " ", block(body)];
}

const forOfDoc = ({ name, iterable }: { name: string; iterable: Doc }): Doc => group(["for (const ", name, " of ", iterable, ")"]);

/** `for (let index = 0; index < count; index++) { … }`: a head too long puts its three parts on lines of their own, as prettier's does. */
export function forIndex(index: string, count: string, body: readonly Doc[]): Doc {
  const parts = [`let ${index} = 0`, `${index} < ${count}`, `${index}++`] as const;
  const semis = semisSoFar();
  return [flatFirst(`for (${parts.join("; ")})`, semis, forIndexDoc, parts), " ", block(body)];
}

// The separator is `; ` flat and `;` ending a line broken: a piece that is a lone `;` would be
// measured as a statement end, which the style without semicolons drops (doc.ts textWidth).
const forIndexDoc = (parts: readonly string[]): Doc => group(["for (", indent([softline, join([ifBreak(";", "; "), softline], parts)]), softline, ")"]);

/** `try { … } catch { … }` */
export function tryCatch(body: readonly Doc[], handler: readonly Doc[]): Doc {
  return ["try ", block(body), " catch ", block(handler)];
}
