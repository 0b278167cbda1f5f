/** Deep-freezes the model (it is a graph: records and topics refer to each other). */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: object[] = [];
  if (isObject(value)) stack.push(value);
  while (stack.length > 0) {
    const v = stack.pop() as object;
    if (seen.has(v)) continue;
    seen.add(v);
    Object.freeze(v);
    // Only objects go on the stack: most of a model's values are strings, numbers and spans' offsets.
    if (Array.isArray(v)) {
      for (const child of v) if (isObject(child)) stack.push(child);
    } else {
      for (const child of Object.values(v)) if (isObject(child)) stack.push(child);
    }
  }
  return value;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === "object";
}
