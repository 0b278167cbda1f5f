/**
 * A file-system call the OS refused, as one line a user can act on:
 * `wiredefs: cannot write generated/ts/defs.ts: permission denied (EACCES)` and a hint.
 */

export class IoFailure extends Error {
  /** What wiredefs tried: "write", "replace", "create directory", "delete", "read", "lock". */
  readonly action: string;
  /** The path as shown to the user (relative to the working directory). */
  readonly path: string;
  /** The errno code (EACCES, ENOSPC, ...), or "" when the cause is not an OS error. */
  readonly code: string;
  readonly reason: string;
  readonly hint: string;

  constructor(action: string, path: string, cause: string, code: string, hint: string) {
    super(`cannot ${action} ${path}: ${cause}${code === "" ? "" : ` (${code})`}`);
    this.action = action;
    this.path = path;
    this.code = code;
    this.reason = cause;
    this.hint = hint;
  }
}

const CAUSES: { readonly [code: string]: string } = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EISDIR: "is a directory",
  ENOTDIR: "a component of the path is not a directory",
  ENOENT: "no such file or directory",
  EEXIST: "file exists",
  EBUSY: "resource busy",
  ETXTBSY: "text file busy",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EXDEV: "cross-device link",
  EIO: "input/output error",
  EINVAL: "invalid argument",
};

const HINTS: { readonly [code: string]: string } = {
  EACCES: "check the permissions of the file and of its directory (ls -ld); run as a user who may write there",
  EPERM: "the file or its directory may be immutable or append-only (lsattr; chattr -i), or owned by another user",
  EROFS: "the file system is mounted read-only; generate into a writable checkout",
  ENOSPC: "free some disk space and run gen again",
  EDQUOT: "free some space within your quota and run gen again",
};

/** An IoFailure for an error thrown by a node:fs call on `path` (as shown to the user). */
export function ioFailure(action: string, path: string, error: unknown): IoFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  const cause = CAUSES[code] ?? firstLine(error instanceof Error ? error.message : String(error));
  return new IoFailure(action, path, cause, code, HINTS[code] ?? "fix the cause above and run gen again");
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

/** The one line (and hint) printed for a failure: nothing else, no stack trace. */
export function formatIoFailure(f: IoFailure, outcome: string): string {
  return `wiredefs: ${f.message}\n  hint: ${f.hint}; ${outcome}.\n`;
}
