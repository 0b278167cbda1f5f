/**
 * A GitHub-flavoured Markdown table; cells must already be escaped (see markdown.ts `cell`).
 * A column no row fills is left out (a table of undocumented items has no Description column,
 * one without deprecations no Deprecated column); the first column, the items' names, always stays.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const keep = headers.map((_, i) => i === 0 || rows.some((r) => (r[i] ?? "").trim() !== ""));
  const pick = (cells: readonly string[]): string[] => cells.filter((_, i) => keep[i] === true);
  const line = (cells: readonly string[]): string => `| ${pick(cells).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)];
}
