/** Case conversions for derived identifiers. Pure, ASCII-only (spec names are checked ASCII). */

/** Splits `TASK_READY`, `task_ready`, `ModelExchangeMeta`, `httpURLValue` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .split(/_+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/**
 * A converted name that lost every letter before its first digit, or everything (`_`, `_1`,
 * `__2x`), keeps one leading underscore, so it is still an identifier: `_` → `_`, `_1` → `_1`.
 */
function identifierStart(converted: string): string {
  return /^[A-Za-z]/.test(converted) ? converted : `_${converted}`;
}

/** `TASK_READY` → `TaskReady` */
export function pascalCase(name: string): string {
  return identifierStart(
    words(name)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(""),
  );
}

/** `verify_payload` → `verifyPayload` */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** `ModelExchangeMeta` → `model_exchange_meta` */
export function snakeCase(name: string): string {
  return identifierStart(words(name).join("_"));
}
