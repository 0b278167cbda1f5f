/**
 * Stage 4: semantic rules over the built model (and the few facts the model does not keep,
 * such as the IDL version and output spans, read from the document).
 */
import { isScalar } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Protocol } from "../model.js";
import { child, span } from "./read.js";
import type { Reader } from "./read.js";
import { nameRules } from "./rules-names.js";
import { outputRules } from "./rules-outputs.js";
import { recursionRules, satisfiableRules } from "./rules-records.js";
import { wireValueRules } from "./rules-values.js";
import { warningRules } from "./warnings.js";

export const IDL_VERSION = 1;

/** Rules that need only the document (they run even when no model could be built). */
export function documentRules(r: Reader, root: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const idl = child(r, root, "wiredefs");
  if (isScalar(idl) && idl.value !== IDL_VERSION) {
    out.push(diagnostic("WD300", `unsupported IDL version wiredefs: ${String(idl.source ?? idl.value)}`, span(r, idl), {
      hint: `this wiredefs reads specs written with wiredefs: ${IDL_VERSION}`,
    }));
  }
  out.push(...outputRules(r, root));
  return out;
}

export function modelRules(p: Protocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (typeof p.version.value === "number" && (!Number.isSafeInteger(p.version.value) || p.version.value < 1)) {
    out.push(diagnostic("WD316", `protocol version ${String(p.version.value)} is not a positive integer`, p.version.valueSpan, {
      hint: "start at 1 and count up",
    }));
  }
  out.push(...wireValueRules(p), ...nameRules(p), ...recursionRules(p), ...satisfiableRules(p), ...warningRules(p));
  return out;
}
