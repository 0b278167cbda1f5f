/**
 * Codes of the contract stage's own problems (the lock file and the `breaking:` block).
 * Breaking-change findings are named by their rule IDs (rules.ts), as buf names its rules.
 */
import { registerCodes } from "../diagnostics.js";

registerCodes({
  WD601: { severity: "error", title: "the lock file is not valid JSON" },
  WD602: { severity: "error", title: "the lock file does not have the lock's shape" },
  WD603: { severity: "error", title: "the lock file was written by a newer lock format" },
  WD604: { severity: "error", title: "the lock is missing; run `wiredefs gen` to create it" },
  WD605: { severity: "error", title: "the lock is out of date; run `wiredefs gen` to update it" },
  WD606: { severity: "error", title: "a `breaking: accept:` entry names an unknown rule" },
});
