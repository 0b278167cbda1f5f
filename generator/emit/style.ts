/**
 * The team's code style, as the layout primitives read it: the Python line length (black's and
 * ruff's `line-length`) and TypeScript's print width, quote style and semicolons (prettier's
 * `printWidth`, `singleQuote`, `semi`). The values come from the spec's `outputs.<target>`
 * options (explicit and deterministic: no config file is read), defaulting to the formatters'
 * own defaults.
 *
 * The style is in force for the duration of one target's emit (`withStyle`, called by the
 * target table), so every layout primitive — the document printer, the Python layout engine,
 * string literals, statement ends — reads the same values without each emitter passing them on.
 * Emitting stays synchronous and pure: the style is restored when the emit returns or throws.
 */

export interface CodeStyle {
  /** Columns of a Python line (black and ruff: 88). */
  readonly lineLength: number;
  /** Whether Python widths are Unicode widths (ruff, black 24+) or one column a code point (black before 24). */
  readonly unicodeWidth: boolean;
  /** Columns of a TypeScript line (prettier: 80). */
  readonly printWidth: number;
  /** The quote TypeScript string literals prefer (prettier: double). */
  readonly quote: "double" | "single";
  /** Whether TypeScript statements end with `;` (prettier: yes). */
  readonly semicolons: boolean;
}

/** Options as the spec gives them: an absent one keeps the style in force. */
export type StyleOptions = { readonly [K in keyof CodeStyle]?: CodeStyle[K] | undefined };

export const DEFAULT_STYLE: CodeStyle = { lineLength: 88, unicodeWidth: true, printWidth: 80, quote: "double", semicolons: true };

let current: CodeStyle = DEFAULT_STYLE;

/** The style in force (the defaults outside any `withStyle`). */
export function style(): CodeStyle {
  return current;
}

/** Runs `emit` with `next` in force, restoring the previous style afterwards. */
export function withStyle<T>(next: StyleOptions, emit: () => T): T {
  const previous = current;
  current = { ...previous, ...definedOnly(next) };
  try {
    return emit();
  } finally {
    current = previous;
  }
}

function definedOnly(style: StyleOptions): Partial<CodeStyle> {
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as Partial<CodeStyle>;
}

/** `;` when statements end with one, else nothing. */
export function semi(): string {
  return current.semicolons ? ";" : "";
}
