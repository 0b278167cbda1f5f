/**
 * Columns shown only when some row fills them: a table of items none of which is deprecated
 * needs no Deprecated column, and one without optional keys no Optional keys column.
 */
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(["Deprecated", "Optional keys"]);

/** A GitHub-flavoured Markdown table; cells must already be escaped (see markdown.ts `cell`). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const keep = headers.map((h, i) => !OPTIONAL_COLUMNS.has(h) || rows.some((r) => (r[i] ?? "").trim() !== ""));
  const pick = (cells: readonly string[]): string[] => cells.filter((_, i) => keep[i] === true);
  const line = (cells: readonly string[]): string => `| ${pick(cells).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)];
}
