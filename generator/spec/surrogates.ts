/**
 * Text no output can hold: a lone surrogate (half of a UTF-16 pair without its other half). No
 * UTF-8 file can contain one, so a spec that holds one — written as a `"\ud800"` escape in a
 * quoted scalar, a key included, or handed over in the text or file name by an API caller —
 * would have to be replaced by something else in the output, and `check` would then disagree
 * with the spec forever. It is a located error instead (WD109).
 */
import { isScalar } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import { spanAt, spanOf } from "./source.js";
import type { Source } from "./source.js";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `\uXXXX` for a surrogate, for showing one in a message. */
function escaped(text: string): string {
  return text.replace(LONE_SURROGATE, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

const HINT = "write the whole character (both halves of the pair, or the character itself), or remove the escape";

/** Tests a text for a lone surrogate (no `g` flag: no state between tests). */
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/**
 * The lone surrogates of the spec's file name and text at once, and `at`, one step of a document
 * walk, adding those of each string scalar a `\u` escape put there (in document order).
 */
export function loneSurrogateCheck(source: Source): { readonly diagnostics: Diagnostic[]; readonly at: (node: unknown) => void } {
  const out: Diagnostic[] = [];
  if (HAS_LONE_SURROGATE.test(source.file)) {
    out.push(
      diagnostic("WD109", `the spec's file name "${escaped(source.file)}" holds a lone surrogate, which no output can hold`, spanAt(source, 0, 0), {
        hint: "rename the file so its name is valid Unicode",
      }),
    );
  }
  const raw = [...source.text.matchAll(LONE_SURROGATE)].map((m) => m.index);
  for (const at of raw) {
    out.push(diagnostic("WD109", "the spec holds a lone surrogate (half a UTF-16 pair), which no output can hold", spanAt(source, at, at + 1), { hint: HINT }));
  }
  const at = (node: unknown): void => {
    if (!isScalar(node) || typeof node.value !== "string" || !HAS_LONE_SURROGATE.test(node.value)) return;
    const range = node.range;
    if (range !== undefined && range !== null && raw.some((at) => at >= range[0] && at < range[1])) return;
    const text = `"${escaped(node.value)}"`;
    out.push(diagnostic("WD109", `the string ${text} holds a lone surrogate (half a UTF-16 pair), which no output can hold`, spanOf(source, node), { hint: HINT }));
  };
  return { diagnostics: out, at };
}
