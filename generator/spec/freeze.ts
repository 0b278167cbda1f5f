/** Deep-freezes the model (it is a graph: records and topics refer to each other). */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}
