import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One fixed seed for every fast-check property (test/fixed-seed.ts).
    setupFiles: ["test/fixed-seed.ts"],
    // Hang guards only, never a speed check: tool-heavy suites (tsc, pyright, ruff, python over a
    // batch of specs) may take minutes on a busy 2-core machine and must still pass.
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
