/**
 * The names a generated module binds for itself — its runtime helpers, its fixed exports, its
 * imports — share the module namespace with the spec's items. They are not listed here: each
 * emitter declares the ones it prints, beside the text that prints them (the runtime chunk
 * tables, the import table, the fixed exports), and the orchestrator hands those declarations to
 * `assignNames` (see targets.ts). So a helper added to an emitter is reserved the moment it exists.
 */

/** One name a generated module binds itself, and what it is there (for the collision message). */
export interface Helper {
  readonly name: string;
  /** What the module binds under it, e.g. `a runtime helper of messages.py`. */
  readonly what: string;
}

/** What one target's generated code binds besides the spec's items. */
export interface TargetHelpers {
  /** Module-level names. */
  readonly module: readonly Helper[];
  /**
   * Names a verify function's own body binds or calls (its locals, the helpers it uses): its
   * argument and parameters must not take them.
   */
  readonly verifyScope: readonly Helper[];
}

export interface GeneratorHelpers {
  readonly typescript: TargetHelpers;
  readonly python: TargetHelpers;
}

/** `names` as helpers that are all `what`. */
export function helpers(names: Iterable<string>, what: string): Helper[] {
  return [...names].map((name) => ({ name, what }));
}
