/**
 * The "inert in every target" property of issue 7 item 1, as one checker used by the adversarial
 * corpus and the fuzz suite: whatever the spec's text holds, no generated file carries a raw line
 * break other than LF, a NUL or other control character, a bidirectional-override or invisible
 * formatting character, a tool directive a linter, formatter or type checker would obey, a
 * Markdown link or image to anywhere but the document's own anchors, raw HTML other than the
 * anchors the docs emitter writes, or a Mermaid statement smuggled into a diagram.
 *
 * The checks are on the generated text alone, so they hold for any defusing a target chooses
 * (escapes, replacements, dropping the character): they only say what must not come out.
 */
import type { GeneratedFile } from "../../generator/model.js";

/**
 * Characters no generated file may hold raw: controls but TAB and LF (C0, DEL, C1 with U+0085
 * NEL), the line and paragraph separators, the bidirectional marks, embeddings, overrides and
 * isolates, and lone surrogates. Other invisible characters (ZWJ in an emoji, ZWSP) are text.
 */
const FORBIDDEN_CHARS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

const FORBIDDEN_CHARS_GLOBAL = new RegExp(FORBIDDEN_CHARS.source, "gu");

/**
 * Tool directives, in every case and spacing form the tools accept. Each is matched wherever it
 * could be read (a comment anywhere on a line for the Python tools; `//` and block comments for
 * the TypeScript tools and prettier; an HTML comment for prettier in Markdown).
 */
const DIRECTIVES: readonly { readonly name: string; readonly re: RegExp; readonly files: RegExp }[] = [
  { name: "type: ignore", re: /#.*\btype\s*:\s*ignore/i, files: /\.py$/ },
  { name: "noqa", re: /#.*\bnoqa\b/i, files: /\.py$/ },
  { name: "ruff: noqa / isort / flake8", re: /#.*\b(ruff|flake8|isort)\s*:\s*(noqa|skip|off)/i, files: /\.py$/ },
  { name: "fmt: off/skip", re: /#.*\b(fmt|yapf)\s*:\s*(off|on|skip|disable|enable)/i, files: /\.py$/ },
  { name: "pyright/mypy/pylint", re: /#.*\b(pyright|mypy|pylint|pyre)\s*:/i, files: /\.py$/ },
  { name: "pragma", re: /#.*\bpragma\s*:\s*no\s*cover/i, files: /\.py$/ },
  { name: "@ts-…", re: /(\/\/|\/\*|^\s*\*).*@ts-(nocheck|ignore|expect-error|check)/i, files: /\.ts$/ },
  { name: "eslint", re: /(\/\/|\/\*|^\s*\*).*\beslint(-disable|-enable|-env|\s)/i, files: /\.ts$/ },
  { name: "prettier-ignore", re: /prettier-ignore/i, files: /\.(ts|md)$/ },
  { name: "triple-slash", re: /^\s*\/\/\/\s*</, files: /\.ts$/ },
  { name: "jshint/istanbul/c8", re: /(\/\/|\/\*|^\s*\*).*\b(jshint|istanbul|c8|v8)\s+ignore/i, files: /\.ts$/ },
  { name: "markdownlint", re: /<!--\s*markdownlint/i, files: /\.md$/ },
];

/** Every violation of the property in `files`, as `path:line: what` (empty when all is inert). */
export function defusingProblems(files: readonly GeneratedFile[]): string[] {
  const problems: string[] = [];
  for (const f of files) {
    const lines = f.text.split("\n");
    lines.forEach((line, i) => {
      const at = `${f.path}:${i + 1}`;
      for (const m of line.matchAll(FORBIDDEN_CHARS_GLOBAL)) {
        problems.push(`${at}: raw U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
      }
      for (const d of DIRECTIVES) if (d.files.test(f.path) && d.re.test(line)) problems.push(`${at}: live directive ${d.name}: ${line.trim()}`);
    });
    if (f.path.endsWith(".md")) problems.push(...markdownProblems(f));
  }
  return problems;
}

/** The anchors the docs emitter writes itself: `<a id="…"></a>`. */
const OWN_HTML = /<a id="[^"<>]*">|<\/a>|<br>/g;

function markdownProblems(f: GeneratedFile): string[] {
  const problems: string[] = [];
  let inMermaid = false;
  let inFence = false;
  const lines = f.text.split("\n");
  // The generated notice is one HTML comment: `<!--`, its lines, `-->`. Text that closes it early
  // (a `-->` on any other line of it) is live Markdown.
  const headerEnd = lines[0] === "<!--" ? lines.findIndex((l) => l.includes("-->")) : -1;
  if (headerEnd >= 0 && lines[headerEnd] !== "-->") problems.push(`${f.path}:${headerEnd + 1}: the header comment is closed early`);
  lines.forEach((line, i) => {
    const at = `${f.path}:${i + 1}`;
    if (i <= headerEnd) return;
    if (/^\s*```/.test(line)) {
      if (!inFence) inMermaid = /^\s*```mermaid/.test(line);
      else inMermaid = false;
      inFence = !inFence;
      return;
    }
    if (inMermaid) {
      problems.push(...mermaidProblems(line).map((p) => `${at}: ${p}`));
      return;
    }
    if (inFence) return;
    const prose = stripCodeSpans(line);
    // A link or image whose target is not one of the document's own anchors.
    for (const m of prose.matchAll(/!?\[[^\]]*\]\(([^)]*)\)/g)) {
      if (m[0].startsWith("!") || !/^#[^\s()]*$/.test(m[1] ?? "")) problems.push(`${at}: live link or image ${m[0]}`);
    }
    if (/!\[/.test(prose) && /\]\(/.test(prose)) problems.push(`${at}: image syntax`);
    // Reference-style link definitions and autolinks.
    if (/^\s{0,3}\[[^\]]+\]:\s*\S/.test(prose)) problems.push(`${at}: link reference definition`);
    if (/<(https?|ftp|mailto|javascript|data):[^>]*>/i.test(prose)) problems.push(`${at}: autolink`);
    // Raw HTML other than the emitter's own anchors and line breaks.
    const html = prose.replace(OWN_HTML, "");
    if (/<\/?[A-Za-z][^>]*>|<!--|<\?|<!\[CDATA\[/.test(html)) problems.push(`${at}: raw HTML ${/<[^>]*>?/.exec(html)?.[0] ?? ""}`);
  });
  return problems;
}

/** Inline code spans are inert in Markdown: drop them before looking for live syntax. */
function stripCodeSpans(line: string): string {
  return line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, "");
}

/** The only statement forms the diagram emitter writes (one per line). */
const MERMAID_LINE =
  /^(sequenceDiagram|\s+participant [A-Za-z_][\w]* as [^;%]*|\s+[A-Za-z_]\w*-{1,2}>>[A-Za-z_]\w*: [^;%]*|\s+Note (over|left of|right of) [A-Za-z_]\w*(,\s*[A-Za-z_]\w*)?: [^;%]*|\s+(alt|else|loop|opt)( [^;%]*)?|\s+end|)$/;

function mermaidProblems(line: string): string[] {
  const problems: string[] = [];
  const bare = line.replace(/#\d+;/g, "");
  if (!MERMAID_LINE.test(line.replace(/#\d+;/g, "#"))) problems.push(`mermaid statement not written by the emitter: ${line}`);
  if (/%%/.test(bare)) problems.push(`mermaid directive or comment: ${line}`);
  if (/;/.test(bare)) problems.push(`mermaid statement separator: ${line}`);
  if (/^\s*(click|link|links|callback|style|classDef)\b/i.test(line)) problems.push(`mermaid interaction: ${line}`);
  return problems;
}

/** True when `text` holds a forbidden character (for a single string rather than a file). */
export function hasForbiddenChar(text: string): boolean {
  return FORBIDDEN_CHARS.test(text);
}
