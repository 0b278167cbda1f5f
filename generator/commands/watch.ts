/**
 * `wiredefs gen --watch`: generate, then again each time the spec changes. Changes are debounced
 * (an editor's save is often several events), a broken spec is reported and waited out (outputs
 * stay as they were), and every regeneration ends with exactly one status line on stdout.
 */
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { EXIT } from "./exit.js";
import { runGen, type GenOptions } from "./gen.js";
import { note, summary } from "./output.js";
import { displayPath } from "./spec-file.js";

/** Quiet time after the last change before regenerating. */
const DEBOUNCE_MS = 150;

export function runWatch(specPath: string, options: GenOptions): Promise<number> {
  const absolute = resolve(specPath);
  const name = basename(absolute);
  const shown = displayPath(absolute);
  const regenerate = (): void => {
    const code = runGen(specPath, options);
    if (code !== EXIT.ok) {
      summary(`wiredefs: ${shown} not generated (see above); outputs unchanged, waiting for the next change`);
    }
  };
  regenerate();
  note(`wiredefs: watching ${shown} (Ctrl-C to stop)`);
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      regenerate();
    }, DEBOUNCE_MS);
  };
  // The directory, not the file: editors save by writing a new file and renaming it over the old
  // one, which ends a watch on the file itself. Only the spec's own name counts (gen writes the
  // lock beside it).
  const watcher: FSWatcher = watch(dirname(absolute), (_event, file) => {
    if (file === null || file === name) changed();
  });
  return new Promise((done) => {
    const stop = (): void => {
      watcher.close();
      if (timer !== undefined) clearTimeout(timer);
      done(EXIT.ok);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
