import type { ValueType } from "./model.js";

/**
 * Stops a stage at a value kind it does not render yet. The spec stage produces these kinds only
 * once every stage handles them; until then this is unreachable, and says so if it is reached.
 */
export function notYet(stage: string, type: ValueType): never {
  throw new Error(`internal: ${stage} does not handle the ${type.kind} type yet`);
}
