/**
 * The write stage, the I/O edge for generated files:
 *   recognise.ts  which files are generated (the header in their first lines)
 *   owned.ts      the committed list of files wiredefs generated and owns
 *   fs-guard.ts   what is at an output path, seen with lstat (links, FIFOs, directories)
 *   plan.ts       what gen will change, and every reason to change nothing
 *   transaction.ts  staging, swapping and rolling back: all or nothing
 *   gen-lock.ts   one gen at a time per spec directory
 *   drift.ts      check's comparison and diffs
 *   encoded.ts    a generated file as the bytes written (encoded once: hashed, compared and written)
 *   io-error.ts   an OS refusal as one line with the path and the cause
 *   write-files.ts  plan + apply as one call (the programmatic API's write)
 */
export { findDrift, type Drift, type DriftKind } from "./drift.js";
export { acquireGenLock, GEN_LOCK_NAME, DEFAULT_LOCK_TIMEOUT_MS, type GenLock } from "./gen-lock.js";
export { formatIoFailure, IoFailure, ioFailure } from "./io-error.js";
export { Probe, type Found } from "./fs-guard.js";
export { isSafeRelativePath, ownedListPathFor, parseOwnedList, renderOwnedList, type OwnedList } from "./owned.js";
export { encodeFile, type EncodedFile } from "./encoded.js";
export { digest, generatorBuild, sameDigests, stampIn, stampOf, type Stamp } from "./stamp.js";
export { planWrite, type FileWrite, type Origin, type PlanInput, type PlanResult, type WritePlan } from "./plan.js";
export { hasGeneratedHeader, headerKindOf } from "./recognise.js";
export { applyPlan, NODE_FS, type FsOps, type WriteSummary } from "./transaction.js";
export { writeFiles, type WriteFilesOptions, type WriteFilesResult } from "./write-files.js";
