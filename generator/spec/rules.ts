/**
 * Stage 4: semantic rules over the built model (and the few facts the model does not keep,
 * such as output spans, read from the document).
 */
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol } from "../model.js";
import type { Reader } from "./read.js";
import { envelopeRules } from "./rules-envelope.js";
import { nameRules } from "./rules-names.js";
import { outputRules } from "./rules-outputs.js";
import { recursionRules, satisfiableRules } from "./rules-records.js";
import { wireValueRules } from "./rules-values.js";
import { warningRules } from "./warnings.js";

/**
 * Rules that need only the document (they run even when no model could be built). The IDL
 * version is the schema's (an `enum` with its own diagnostic, WD300), checked by the structure stage.
 */
export function documentRules(r: Reader, root: unknown): Diagnostic[] {
  return outputRules(r, root);
}

export function modelRules(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (typeof p.version.value === "number" && (!Number.isSafeInteger(p.version.value) || p.version.value < 1)) {
    out.push(diagnostic("WD316", `protocol version ${String(p.version.value)} is not a positive integer`, p.version.valueSpan, {
      hint: "start at 1 and count up",
    }));
  }
  out.push(...wireValueRules(p), ...nameRules(p), ...recursionRules(p), ...satisfiableRules(p), ...envelopeRules(p), ...warningRules(p));
  return out;
}
