/** Finding the spec when `--spec` is not given: protocol.yaml in the working directory or the nearest one above it. */
import { statSync } from "node:fs";
import { dirname, join } from "node:path";

export const DEFAULT_SPEC = "protocol.yaml";

/** The nearest `protocol.yaml` from `start` upwards, or undefined. */
export function findSpec(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_SPEC);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; look in the parent
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The spec to read: the one given, or the one found; prints why there is none. */
export function specPathOrExplain(given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  const found = findSpec(process.cwd());
  if (found === undefined) {
    process.stderr.write(
      `error: no ${DEFAULT_SPEC} in this directory or any directory above it\n` +
        "  hint: pass the spec with --spec FILE, or create one with `wiredefs init`\n",
    );
  }
  return found;
}
