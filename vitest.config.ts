import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/**
 * The files that take longest, longest first. They start first so that no long file is left to
 * run alone at the end while the other workers sit idle (without a duration cache, as on a fresh
 * CI checkout, vitest would order files by size, and the longest files here are short to read).
 * Only the order depends on this list: a stale entry costs time, never a result.
 */
const LONGEST_FIRST = [
  "test/adversarial/corpus.test.ts",
  "test/scaling/scaling.test.ts",
  "test/fuzz/pipeline.test.ts",
  "test/e2e/protocols.test.ts",
  "test/examples/examples.test.ts",
  "test/messages/emit.test.ts",
  "test/emit/team-style.test.ts",
  "test/emit/defs-tools.test.ts",
  "test/emit/module-layout.test.ts",
  "test/messages/long-lines.test.ts",
  "test/spec/robustness.test.ts",
  "test/cli/output.test.ts",
  "test/cli/package.test.ts",
  "test/emit/envelope-tools.test.ts",
  "test/cli/fast-path.test.ts",
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = LONGEST_FIRST.indexOf(relative(f.project.config.root, f.moduleId).split("\\").join("/"));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep the order vitest chose.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One fixed seed for every fast-check property (test/fixed-seed.ts).
    setupFiles: ["test/fixed-seed.ts"],
    // Most files spend much of their time waiting on child processes (the CLI, tsc, pyright,
    // ruff, python), so one worker more than there are cores keeps the cores busy; vitest's
    // default (cores - 1) runs a 2-core machine one file at a time.
    pool: "forks",
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: LongestFirst },
    // Hang guards only, never a speed check: tool-heavy suites (tsc, pyright, ruff, python over a
    // batch of specs) may take minutes on a busy 2-core machine and must still pass.
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
