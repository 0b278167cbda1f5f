#!/usr/bin/env node
// The CLI, bundled with the API into one module at build time (npm run build): one file loads much
// faster than the ~100 modules of the sources and their dependencies.
import { runCli } from "../dist/wiredefs.js";

await runCli(process.argv);
