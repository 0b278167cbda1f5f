/**
 * Text helpers of the messages emitter: doc comments, string literals and property names as
 * prettier (default options) prints them. Layout that depends on width is doc.ts's job.
 */
import { tsDocComment, tsString } from "./defs-syntax.js";
import { ES5_IDENTIFIER_NAME } from "./es5-identifier.js";


/**
 * A JSDoc block for `lines` (and `tags`) at `indent`, as defs.ts prints its doc comments: one line
 * when it fits, text lines defused so they can't close the comment or add a tag.
 */
export function jsDoc(lines: readonly string[], indent: string, tags: readonly string[] = []): string {
  const comment = tsDocComment(lines, tags, indent.length);
  return comment.length === 0 ? "" : comment.map((l) => indent + l).join("\n") + "\n";
}

/** A string literal the way prettier prints it: the module's one literal function (tsString). */
export const str = tsString;

/**
 * `key` as an object/interface property name: bare when prettier would unquote it (an ES5
 * IdentifierName by its table, `日本` and `Mixedß` included), else quoted.
 */
export function propertyName(key: string): string {
  return ES5_IDENTIFIER_NAME.test(key) ? key : str(key);
}
