/**
 * The one bundled module the package ships (dist/wiredefs.js): the programmatic API and the
 * command line in one file, so the package holds a single copy of the generator and `npx wiredefs`
 * loads one module. `bin/wiredefs.js` calls `runCli`; `import "wiredefs"` gets the API.
 */
export * from "./index.js";
export { runCli } from "./cli.js";
