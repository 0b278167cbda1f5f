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
 * Tool directives as the tools read them, in every case form (the tools' own matching is case-
 * insensitive for most; matching all cases here is the safe side). Python's tools read comments
 * only (tokens, never string contents): each pattern runs over a comment's text from its `#`.
 */
const PYTHON_DIRECTIVES: readonly (readonly [string, RegExp])[] = [
  // CPython's tokenizer (mypy), pyright and ruff read a type comment only in lower case.
  ["type: ignore", /#\s*type\s*:\s*ignore/],
  ["noqa", /#\s*noqa\b/i],
  ["ruff/flake8", /#\s*(ruff|flake8)\s*:\s*(noqa|isort)/i],
  ["fmt/yapf", /#\s*(fmt|yapf)\s*:\s*(off|on|skip|disable|enable)/i],
  ["isort", /#\s*isort\s*:\s*(skip|off|on|dont-add-imports|split)/i],
  ["pyright/mypy/pylint/pyre", /#\s*(pyright|mypy|pylint|pyre(-ignore|-fixme)?)\s*:/i],
  ["pragma", /#\s*pragma\s*:\s*no\s*cover/i],
  ["coding (PEP 263)", /^#.*coding[:=]\s*[-\w.]+/i],
];

/**
 * TypeScript's tools read comments too: tsc a line comment that starts with `@ts-…` (and a block
 * comment line that starts with `@ts-ignore` / `@ts-expect-error`) and a `/// <reference>`;
 * ESLint a comment whose text starts with a directive; prettier a comment that is `prettier-ignore`.
 */
const TS_LINE_DIRECTIVES: readonly (readonly [string, RegExp])[] = [
  ["@ts-…", /^\/?\s*@ts-(nocheck|check|ignore|expect-error)/i],
  ["triple-slash", /^\/\s*<(reference|amd-module|amd-dependency)/i],
  // ESLint reads its directive words in lower case only (its directivesPattern has no i flag).
  ["eslint", /^\s*(eslint(-disable(-next-line|-line)?|-enable|-env)?|globals?|exported)(\s|$)/],
  ["prettier-ignore", /^\s*prettier-ignore\s*$/i],
  ["coverage", /^\s*(istanbul|c8|v8|jshint|jscs)\s+(ignore|disable)/i],
];
const TS_BLOCK_LINE_DIRECTIVES: readonly (readonly [string, RegExp])[] = [["@ts-ignore", /^[/*\s]*@ts-(ignore|expect-error)/i]];
const TS_BLOCK_DIRECTIVES: readonly (readonly [string, RegExp])[] = [
  // ESLint reads its directive words in lower case only (its directivesPattern has no i flag).
  ["eslint", /^\s*(eslint(-disable(-next-line|-line)?|-enable|-env)?|globals?|exported)(\s|$)/],
  ["prettier-ignore", /^[*\s]*prettier-ignore[*\s]*$/i],
  ["coverage", /^\s*(istanbul|c8|v8|jshint|jscs)\s+(ignore|disable)/i],
];

/** A comment's text and the line it starts on. */
interface Comment {
  readonly line: number;
  readonly text: string;
  readonly block: boolean;
}

/** Python comments (outside strings, triple-quoted ones included), each from its `#`. */
function pythonComments(text: string): Comment[] {
  const out: Comment[] = [];
  let line = 1;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\n") line++;
    if (quote !== "") {
      if (c === "\\") i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = "";
      } else if (c === "\n" && quote.length === 1) quote = "";
      continue;
    }
    if (c === '"' || c === "'") quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    if (quote.length === 3) i += 2;
    if (c === "#") {
      const end = text.indexOf("\n", i);
      out.push({ line, text: text.slice(i, end < 0 ? text.length : end), block: false });
      i = (end < 0 ? text.length : end) - 1;
    }
  }
  return out;
}

/** TypeScript comments (outside strings and templates), without their `//` or `/*` `*\/`. */
function typescriptComments(text: string): Comment[] {
  const out: Comment[] = [];
  let line = 1;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\n") line++;
    if (quote !== "") {
      if (c === "\\") i++;
      else if (c === quote || (c === "\n" && quote !== "`")) quote = "";
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      out.push({ line, text: text.slice(i + 2, end < 0 ? text.length : end), block: false });
      i = (end < 0 ? text.length : end) - 1;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      const body = text.slice(i + 2, end < 0 ? text.length : end);
      out.push({ line, text: body, block: true });
      line += body.split("\n").length - 1;
      i = (end < 0 ? text.length : end + 2) - 1;
    }
  }
  return out;
}

function directiveProblems(f: GeneratedFile): string[] {
  const problems: string[] = [];
  const report = (line: number, name: string, text: string): void => {
    problems.push(`${f.path}:${line}: live directive ${name}: ${text.trim().slice(0, 120)}`);
  };
  if (f.path.endsWith(".py")) {
    for (const c of pythonComments(f.text)) {
      // The emitter's own directives, each a whole comment, which defused spec text can never be:
      // UP013 on functional TypedDicts, the branch and statement counts of long walks, the return
      // and branch counts of the conversation checker's judge, the parameter counts of a long
      // verify signature.
      if (/^# noqa: (?:UP013|PLR0912|PLR0915|PLR0912, PLR0915|PLR0911, PLR0912|PLR0913, PLR0917)$/.test(c.text.trim())) continue;
      for (const [name, re] of PYTHON_DIRECTIVES) {
        // The coding declaration counts on the first two lines only (PEP 263).
        if (name.startsWith("coding") && c.line > 2) continue;
        if (re.test(c.text)) report(c.line, name, c.text);
      }
    }
  } else if (f.path.endsWith(".ts")) {
    for (const c of typescriptComments(f.text)) {
      if (!c.block) {
        for (const [name, re] of TS_LINE_DIRECTIVES) if (re.test(c.text)) report(c.line, name, c.text);
        continue;
      }
      for (const [name, re] of TS_BLOCK_DIRECTIVES) if (re.test(c.text)) report(c.line, name, c.text);
      c.text.split("\n").forEach((l, i) => {
        for (const [name, re] of TS_BLOCK_LINE_DIRECTIVES) if (re.test(l)) report(c.line + i, name, l);
      });
    }
  } else if (f.path.endsWith(".md")) {
    f.text.split("\n").forEach((l, i) => {
      // Inside a code span it is literal text, not a comment.
      if (/<!--\s*(prettier-ignore|markdownlint|lint\s)/i.test(stripCodeSpans(l))) report(i + 1, "HTML-comment directive", l);
    });
  }
  return problems;
}

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
    });
    problems.push(...directiveProblems(f));
    if (f.path.endsWith(".md")) problems.push(...markdownProblems(f));
  }
  return problems;
}

/**
 * The HTML the docs emitter writes itself: anchors (`<a id="…"></a>`), line breaks, the empty
 * comment it puts before an e-mail address's `@` (GitHub links an address even after `\@`), and
 * `<code>` around a code span whose text the renderers would read differently (its text is all
 * entities, so spec text can never make one).
 */
const OWN_HTML = /<a id="[^"<>]*">|<\/a>|<br>|<!-- -->|<\/?code>/g;

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
    // A backslash-escaped punctuation character is a literal character to CommonMark, never syntax.
    const prose = stripCodeSpans(line).replace(/\\[!-/:-@[-`{-~]/g, "_");
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
