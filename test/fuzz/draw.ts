/**
 * A small imperative drawing kit over fast-check's `gen()`: the spec arbitrary builds a whole
 * protocol step by step (later items refer to earlier ones), which reads better as code than as
 * nested `chain`s, and fast-check still replays and shrinks every draw.
 */
import fc from "fast-check";

export interface Draw {
  int(min: number, max: number): number;
  /** True with probability 1/`outOf`. */
  chance(outOf: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random subset, order kept. */
  subset<T>(items: readonly T[]): T[];
  /** Runs `make` until it returns a value not in `taken` (at most 50 tries), then adds it. */
  fresh(taken: Set<string>, make: () => string): string;
}

export function drawFrom(g: fc.GeneratorValue): Draw {
  const int = (min: number, max: number): number => g(fc.integer, { min, max });
  const draw: Draw = {
    int,
    chance: (outOf) => int(1, outOf) === 1,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    subset: (items) => items.filter(() => int(0, 1) === 1),
    fresh(taken, make) {
      for (let i = 0; i < 50; i++) {
        const candidate = make();
        if (!taken.has(candidate)) {
          taken.add(candidate);
          return candidate;
        }
      }
      const fallback = `${make()}_${taken.size}`;
      taken.add(fallback);
      return fallback;
    },
  };
  return draw;
}
