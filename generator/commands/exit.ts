/**
 * The exit codes every command returns (documented in the README):
 * 0 clean, 1 findings (spec errors, drift, breaking changes, lint errors), 2 usage or I/O error.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
