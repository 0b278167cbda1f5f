/**
 * The programmatic API: everything the CLI does, as pure functions over text.
 *
 *   import { generate, loadProtocol } from "wiredefs";
 */
export { generate, emitAll, type GenerateResult } from "./generate.js";
export { loadProtocol, type LoadResult } from "./spec/index.js";
export { assignNames, type Names } from "./names/index.js";
export { namesOf } from "./targets.js";
export { findDrift, type Drift } from "./write.js";
export { formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export type * from "./model.js";
