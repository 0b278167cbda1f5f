#!/usr/bin/env node
// The CLI, bundled into one module at build time (npm run build): one file loads much faster
// than the ~100 modules of dist/ and its dependencies.
import "../dist/wiredefs.js";
