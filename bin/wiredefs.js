#!/usr/bin/env node
// The CLI, bundled with the API into one module at build time (npm run build): one file loads much
// faster than the ~100 modules of the sources and their dependencies. `check` and `gen` first try
// their fast path (dist/fast-path.js: a few digests, no parser loaded), which answers only for a
// tree gen left untouched; anything else runs the full command.
const started = Date.now();
const [command, ...rest] = process.argv.slice(2);
let done = false;
if (command === "check" || command === "gen") {
  const { fastPath } = await import("../dist/fast-path.js");
  done = fastPath(command, rest, process.cwd(), started) === 0;
}
if (!done) {
  // The generator allocates far more than it keeps (the spec's YAML document, the emitters' doc
  // trees), and much of it lives through a scavenge before it dies. V8 lets the old generation
  // grow to up to 4x what the last full collection kept, so on a large spec peak memory was
  // mostly garbage; growing 20% at a time keeps it near what is live (bench/README.md).
  (await import("node:v8")).setFlagsFromString("--heap-growing-percent=20");
  const { runCli } = await import("../dist/wiredefs.js");
  await runCli(process.argv);
}
