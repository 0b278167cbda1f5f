/**
 * The CLI's own diagnostics as LSP diagnostics: the same check (`checkSpec`, what `wiredefs gen`
 * reports before it writes), the same code, message, hint and related locations.
 */
import type { Diagnostic } from "../diagnostics.js";
import { checkSpec } from "../generate.js";
import type { Range } from "./positions.js";
import { LineIndex } from "./positions.js";

export interface LspDiagnostic {
  readonly range: Range;
  /** 1: error, 2: warning. */
  readonly severity: 1 | 2;
  readonly code: string;
  readonly source: "wiredefs";
  /** The message, then the hint on its own line as the CLI prints it (`hint: did you mean …?`). */
  readonly message: string;
  readonly relatedInformation?: readonly { readonly location: { readonly uri: string; readonly range: Range }; readonly message: string }[];
}

/** What `gen` would print for this text: its errors, or its warnings when there are none. */
export function specDiagnostics(text: string, file: string): readonly Diagnostic[] {
  const checked = checkSpec(text, file);
  return checked.ok ? checked.warnings : checked.diagnostics;
}

/**
 * Whether a document is a spec, so the server can be attached to every YAML file: it is named
 * protocol.yaml (or .yml), has a top-level `wiredefs:` line, or points an editor at the spec schema.
 */
export function isSpec(uri: string, text: string): boolean {
  const path = uri.split(/[?#]/)[0] ?? "";
  return /(^|\/)protocol\.ya?ml$/i.test(path) || /^wiredefs[ \t]*:/m.test(text) || text.includes("protocol.schema.json");
}

export function toLsp(list: readonly Diagnostic[], text: string, uri: string): LspDiagnostic[] {
  const lines = new LineIndex(text);
  const rangeOf = (span: Diagnostic["span"]): Range => {
    if (span === undefined) return lines.range(0, 0);
    return lines.range(span.start, visibleEnd(text, span.start, span.end));
  };
  return list.map((d) => ({
    range: rangeOf(d.span),
    severity: d.severity === "error" ? 1 : 2,
    code: d.code,
    source: "wiredefs",
    message: d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`,
    ...(d.related === undefined
      ? {}
      : { relatedInformation: d.related.map((r) => ({ location: { uri, range: rangeOf(r.span) }, message: r.message })) }),
  }));
}

/**
 * An empty span marks the character at its start, as the CLI's code frame does with one caret
 * (editors draw nothing for an empty range); never past a line break or a surrogate pair's half.
 */
function visibleEnd(text: string, start: number, end: number): number {
  if (end > start || start >= text.length || text[start] === "\n" || text[start] === "\r") return end;
  const code = text.charCodeAt(start);
  return start + (code >= 0xd800 && code <= 0xdbff && start + 1 < text.length ? 2 : 1);
}
