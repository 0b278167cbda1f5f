#!/usr/bin/env node
// The CLI, bundled with the API into one module at build time (npm run build): one file loads much
// faster than the ~100 modules of the sources and their dependencies. `check` first tries its fast
// path (dist/check-fast.js: a few digests, no parser loaded), which answers only for an untouched
// tree; anything else runs the full command.
const started = Date.now();
const [command, ...rest] = process.argv.slice(2);
let done = false;
if (command === "check") {
  const { fastCheck } = await import("../dist/check-fast.js");
  done = fastCheck(rest, process.cwd(), started) === 0;
}
if (!done) {
  const { runCli } = await import("../dist/wiredefs.js");
  await runCli(process.argv);
}
