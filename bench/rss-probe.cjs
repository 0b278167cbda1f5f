// Preloaded (`node --require`) into a Node child when GNU time is not available: on exit, write
// the process's peak RSS in KiB where the benchmark can read it.
const file = process.env.WIREDEFS_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    require("node:fs").writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
