/**
 * How each tool recognises a directive in a comment, written out from the tools' own sources,
 * so the tests can tell whether a generated comment would take effect. The TypeScript rules are
 * not copied: the tests ask the compiler itself (see tsDirectives).
 */
import ts from "typescript";

/** The comments of a TypeScript file, as its scanner sees them: kind and full text. */
export function tsComments(text: string): { readonly kind: "line" | "block"; readonly text: string }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const out: { kind: "line" | "block"; text: string }[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia) out.push({ kind: "line", text: scanner.getTokenText() });
    if (token === ts.SyntaxKind.MultiLineCommentTrivia) out.push({ kind: "block", text: scanner.getTokenText() });
  }
  return out;
}

/**
 * What the TypeScript compiler found in a file's comments: `@ts-ignore` / `@ts-expect-error`
 * directives (the parser's `commentDirectives`) and pragmas of the leading comments
 * (`@ts-nocheck`, `@ts-check`, `/// <reference …/>`, `@jsx…`: the source file's `pragmas`).
 */
export function tsDirectives(text: string): string[] {
  const file = ts.createSourceFile("probe.ts", text, ts.ScriptTarget.Latest, true);
  const internal = file as unknown as { commentDirectives?: readonly { type: number }[]; pragmas: ReadonlyMap<string, unknown> };
  return [
    ...(internal.commentDirectives ?? []).map((d) => `comment directive ${d.type}`),
    ...[...internal.pragmas.keys()].map((name) => `pragma ${name}`),
  ];
}

/** The value of a comment as ESLint and prettier see it: without `//` or `/*` and `*\/`. */
function value(comment: { readonly kind: "line" | "block"; readonly text: string }): string {
  return comment.kind === "line" ? comment.text.slice(2) : comment.text.slice(2, -2);
}

/** ESLint (@eslint/plugin-kit ConfigCommentParser.parseDirective and the linter's directive names). */
const ESLINT_DIRECTIVES = new Set([
  "eslint",
  "eslint-disable",
  "eslint-enable",
  "eslint-disable-line",
  "eslint-disable-next-line",
  "eslint-env",
  "global",
  "globals",
  "exported",
]);

export function eslintDirective(comment: { readonly kind: "line" | "block"; readonly text: string }): string | undefined {
  const text = value(comment);
  const match = /\s-{2,}\s/u.exec(text);
  const directive = (match === null ? text : text.slice(0, match.index)).trim();
  const name = /^([a-z]+(?:-[a-z]+)*)(?:\s|$)/u.exec(directive)?.[1];
  return name !== undefined && ESLINT_DIRECTIVES.has(name) ? name : undefined;
}

/** prettier (language-js isPrettierIgnoreComment): the trimmed value is `prettier-ignore`. */
export function prettierIgnore(comment: { readonly kind: "line" | "block"; readonly text: string }): boolean {
  return value(comment).trim() === "prettier-ignore";
}

/**
 * Other JavaScript tools' comment directives, at the start of the comment's value: tslint,
 * biome, deno, oxlint, and the coverage tools (istanbul, c8, v8, node).
 */
export function otherJsDirective(comment: { readonly kind: "line" | "block"; readonly text: string }): boolean {
  return /^\s*(?:tslint:|biome-ignore|deno-(?:lint|fmt)-ignore|oxlint-(?:disable|enable)|(?:istanbul|c8|v8|node:coverage)\s+ignore)/.test(
    value(comment),
  );
}

/**
 * The Python side: a script that reads `[{path, source}]` on stdin and prints, for every file,
 * what each tool would take from its comments. Type comments and type ignores come from CPython's
 * own tokenizer (`ast.parse(type_comments=True)`), the encoding from `tokenize.detect_encoding`;
 * the rest are the tools' patterns: ruff's noqa lexer (`#`, whitespace, `noqa` in any case, after
 * any `#` of a comment) and file exemptions (`# ruff: noqa`, `# flake8: noqa`), ruff format's
 * suppressions (`fmt: off/on/skip`, `yapf: disable/enable`), isort's, pyright's (file-level
 * `pyright:` and inline `pyright: ignore`/`type: ignore` after any `#`), mypy's inline config,
 * pylint's OPTION_RGX (`pylint:` anywhere after a word boundary), pytype, pyre, ty, bandit.
 * `allowed` lists the directives the generator writes on purpose (`# noqa: UP013`).
 */
export const PYTHON_DIRECTIVES = String.raw`
import ast, io, json, re, sys, tokenize

PATTERNS = [
    ("noqa", re.compile(r"#\s*noqa", re.I)),
    ("file-exemption", re.compile(r"^#\s*(?:ruff|flake8)\s*[:=]\s*noqa", re.I)),
    ("fmt", re.compile(r"#\s*(?:fmt\s*:\s*(?:off|on|skip)|yapf\s*:\s*(?:disable|enable))")),
    ("isort", re.compile(r"#\s*isort\s*:\s*(?:skip|off|on|dont-add-import|skip_file)")),
    ("pyright-file", re.compile(r"^#\s*pyright:")),
    ("ignore", re.compile(r"(?:^|#)\s*(?:type|pyright|ty):\s*ignore(?:\[[\s\w\-,]*\]|\s|$)")),
    ("mypy", re.compile(r"^#\s*mypy:")),
    ("pylint", re.compile(r"#.*?\bpylint:")),
    ("pytype", re.compile(r"#\s*pytype:")),
    ("pyre", re.compile(r"#\s*pyre-(?:ignore|fixme|strict|unsafe|ignore-all-errors)")),
    ("pragma", re.compile(r"#\s*pragma:")),
    ("nosec", re.compile(r"#\s*nosec")),
]
ALLOWED = {"# noqa: UP013"}

out = []
for case in json.load(sys.stdin):
    found = []
    source = case["source"]
    try:
        tree = ast.parse(source, type_comments=True)
        found += ["type_ignore line %d" % t.lineno for t in tree.type_ignores]
        found += ["type_comment %s" % type(n).__name__ for n in ast.walk(tree) if getattr(n, "type_comment", None)]
    except SyntaxError as error:  # a type comment where none may stand: the tokenizer took it for one
        found.append("type comment: %s" % error)
    encoding = tokenize.detect_encoding(io.BytesIO(source.encode("utf-8")).readline)[0]
    if encoding != "utf-8":
        found.append("encoding " + encoding)
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT:
            continue
        text = token.string
        if text in ALLOWED:
            continue
        for name, pattern in PATTERNS:
            if pattern.search(text):
                found.append("%s: %s" % (name, text))
    out.append({"path": case["path"], "found": found})
print(json.dumps(out, ensure_ascii=True))
`;
