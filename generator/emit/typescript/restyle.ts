/**
 * The quote and semicolon style of a TypeScript module, applied to its finished text: every
 * string literal in the quote prettier would pick (`singleQuote`: single unless the text holds
 * more single quotes than double), and, without semicolons (`semi: false`), no `;` ending a line.
 * Both are width-neutral or shrink a line, and are what prettier does with the same options:
 * the emitters lay text out for the style (statement ends from ../style.ts `semi`), and this one
 * pass makes the fixed text of the runtime chunks follow it too.
 *
 * A small scanner: code, comments (left alone), string literals (re-quoted), template literals
 * (their `${…}` scanned as code) and regular-expression literals (skipped).
 */
import { style } from "../style.js";

export function restyleTypeScript(text: string): string {
  const { quote, semicolons } = style();
  if (quote === "double" && semicolons) return text;
  return new Scanner(text, quote, semicolons).run();
}

/** prettier's makeString: the preferred quote unless the text holds more of it than of the other. */
export function requote(body: string, preferred: "double" | "single"): string {
  // No quote and no escape inside (most literals): the preferred quote, nothing to count or escape.
  if (!/[\\"']/.test(body)) return preferred === "single" ? `'${body}'` : `"${body}"`;
  const raw = unescapeQuotes(body);
  const doubles = raw.split('"').length - 1;
  const singles = raw.split("'").length - 1;
  const prefer = preferred === "single" ? "'" : '"';
  const other = prefer === "'" ? '"' : "'";
  const chosen = (prefer === "'" ? singles : doubles) > (prefer === "'" ? doubles : singles) ? other : prefer;
  return `${chosen}${raw.replaceAll(chosen, `\\${chosen}`)}${chosen}`;
}

/** Drops the backslash before a quote (keeping every other escape as written). */
function unescapeQuotes(body: string): string {
  return body.replace(/\\(.)/gs, (escape, char: string) => (char === '"' || char === "'" ? char : escape));
}

const REGEX_BEFORE = /[(,=:[!&|?{};]\s*$|\breturn\s*$/;

class Scanner {
  private i = 0;
  private out = "";
  private readonly brackets: string[] = [];

  private readonly text: string;
  private readonly quote: "double" | "single";
  private readonly semicolons: boolean;

  constructor(text: string, quote: "double" | "single", semicolons: boolean) {
    this.text = text;
    this.quote = quote;
    this.semicolons = semicolons;
  }

  run(): string {
    this.code(false);
    return this.out;
  }

  /** Code until the end (or, inside a template's `${`, the matching `}`). */
  private code(inTemplate: boolean): void {
    let depth = 0;
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i] ?? "";
      const next = t[this.i + 1] ?? "";
      if (c === "/" && next === "/") this.copyUntil("\n");
      else if (c === "/" && next === "*") this.copyThrough("*/");
      else if (c === '"' || c === "'") this.string(c);
      else if (c === "`") this.template();
      else if (c === "/" && REGEX_BEFORE.test(this.out.slice(-16))) this.regex();
      else if (c === ";" && !this.semicolons && this.brackets.at(-1) !== "(" && this.endsLine(this.i + 1)) this.i += 1;
      else {
        // A `;` right inside parentheses (a `for` header prettier split) ends no statement or member.
        if (c === "(" || c === "{" || c === "[") this.brackets.push(c);
        if ((c === ")" || c === "]" || (c === "}" && !(inTemplate && depth === 0))) && this.brackets.length > 0) this.brackets.pop();
        if (inTemplate && c === "{") depth += 1;
        if (inTemplate && c === "}") {
          if (depth === 0) return;
          depth -= 1;
        }
        this.out += c;
        this.i += 1;
      }
    }
  }

  /** Whether only spaces (or a line comment) stand between `at` and the end of the line. */
  private endsLine(at: number): boolean {
    const rest = /^[ \t]*(?:\/\/[^\n]*)?(?:\n|$)/.exec(this.text.slice(at, at + 400));
    return rest !== null;
  }

  private copyUntil(end: string): void {
    const stop = this.text.indexOf(end, this.i);
    const to = stop === -1 ? this.text.length : stop;
    this.out += this.text.slice(this.i, to);
    this.i = to;
  }

  private copyThrough(end: string): void {
    const stop = this.text.indexOf(end, this.i + 2);
    const to = stop === -1 ? this.text.length : stop + end.length;
    this.out += this.text.slice(this.i, to);
    this.i = to;
  }

  private string(open: string): void {
    const t = this.text;
    let j = this.i + 1;
    while (j < t.length && t[j] !== open) j += t[j] === "\\" ? 2 : 1;
    this.out += requote(t.slice(this.i + 1, j), this.quote);
    this.i = j + 1;
  }

  private template(): void {
    const t = this.text;
    this.out += "`";
    this.i += 1;
    while (this.i < t.length) {
      const c = t[this.i] ?? "";
      if (c === "\\") {
        this.out += t.slice(this.i, this.i + 2);
        this.i += 2;
      } else if (c === "`") {
        this.out += c;
        this.i += 1;
        return;
      } else if (c === "$" && t[this.i + 1] === "{") {
        this.out += "${";
        this.i += 2;
        this.code(true);
        this.out += "}";
        this.i += 1;
      } else {
        this.out += c;
        this.i += 1;
      }
    }
  }

  private regex(): void {
    const t = this.text;
    let j = this.i + 1;
    let inClass = false;
    while (j < t.length && t[j] !== "\n" && (inClass || t[j] !== "/")) {
      if (t[j] === "\\") j += 1;
      else if (t[j] === "[") inClass = true;
      else if (t[j] === "]") inClass = false;
      j += 1;
    }
    j += 1;
    while (j < t.length && /[a-z]/.test(t[j] ?? "")) j += 1;
    this.out += t.slice(this.i, j);
    this.i = j;
  }
}
