/**
 * Progress on stderr for long runs. By default, on a terminal only (as git does; logs and pipes stay
 * deterministic): nothing for a run that ends within about a second, then the current stage on one
 * line rewritten in place. `--progress` shows it from the start, anywhere (a line per stage when
 * stderr is not a terminal); `--no-progress` never. Stages are synchronous, so progress is
 * reported at stage boundaries.
 */
export type ProgressMode = "auto" | "always" | "never";

/** A run shorter than this shows no progress (auto mode). */
const QUIET_FOR_MS = 1000;

let mode: ProgressMode = "auto";

export function configureProgress(m: ProgressMode): void {
  mode = m;
}

/** `in 0.31 s`: the timing every closing summary line carries. */
export function elapsed(started: number): string {
  return `in ${((Date.now() - started) / 1000).toFixed(2)} s`;
}

export interface Progress {
  /** When the run started (Date.now()). */
  readonly started: number;
  stage(label: string): void;
  /** Clears the in-place line, if any; call before the closing summary. */
  done(): void;
}

export function startProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const inPlace = stream.isTTY === true;
  let shown = false;
  return {
    started,
    stage(label) {
      if (mode === "never" || (mode === "auto" && (!inPlace || Date.now() - started < QUIET_FOR_MS))) return;
      const line = `wiredefs: ${label}… (${((Date.now() - started) / 1000).toFixed(1)} s)`;
      stream.write(inPlace ? `\r\u001b[K${line}` : `${line}\n`);
      shown = true;
    },
    done() {
      if (inPlace && shown) stream.write("\r\u001b[K");
      shown = false;
    },
  };
}
