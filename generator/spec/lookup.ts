/** Name lookup with "did you mean" and "that names a … not a …" for unresolved references. */
import { diagnostic, didYouMean } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Span } from "../model.js";

/** Every name of the spec with a description of what it names, for wrong-kind messages. */
export type NameIndex = ReadonlyMap<string, readonly string[]>;

export function addName(index: Map<string, string[]>, name: string, what: string): void {
  const list = index.get(name);
  if (list === undefined) index.set(name, [what]);
  else list.push(what);
}

export interface Unresolved {
  /** The code to report when the name is unknown everywhere. */
  readonly code: string;
  /** What was expected: "topic", "key of MsgKey", "enum or record". */
  readonly expected: string;
  /** Where the reference is: "reply of topic HELLO". */
  readonly where: string;
  readonly name: string;
  readonly span: Span;
  readonly candidates: Iterable<string>;
  readonly index: NameIndex;
}

/** WD310 when the name exists but names something else, else `code` with a suggestion. */
export function unresolved(u: Unresolved): Diagnostic {
  const elsewhere = u.index.get(u.name);
  if (elsewhere !== undefined && elsewhere.length > 0) {
    const message = `${u.where} names "${u.name}", which is ${elsewhere.join(" and ")}, not a ${u.expected}`;
    return diagnostic("WD310", message, u.span, { hint: `name a ${u.expected}` });
  }
  const suggestion = didYouMean(u.name, u.candidates);
  const hint = suggestion === undefined ? undefined : `did you mean "${suggestion}"?`;
  return diagnostic(u.code, `unknown ${u.expected} "${u.name}" in ${u.where}`, u.span, { hint });
}
