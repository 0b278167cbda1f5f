/** Codes of the lint stage's own problems; lint findings are named by their rule IDs (rules.ts). */
import { registerCodes } from "../diagnostics.js";

registerCodes({
  WD701: { severity: "error", title: "a lint configuration names an unknown rule" },
});
