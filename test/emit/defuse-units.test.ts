/**
 * The defusing functions one by one: every directive form, raw, is found by the tool's rule
 * (so the check can fail), and defused is not; and every text field, alone hostile, comes out
 * inert in every target.
 */
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, test } from "vitest";
import { inline } from "../../generator/emit/docs/markdown.js";
import { mermaidText } from "../../generator/emit/docs/mermaid.js";
import { jsonString } from "../../generator/emit/jsonschema/json-text.js";
import { pythonComment } from "../../generator/emit/python/defs-syntax.js";
import { tsDocComment, tsLineComment } from "../../generator/emit/typescript/defs-syntax.js";
import { generate } from "../../generator/generate.js";
import { hasPython, python } from "./defs-tooling.js";
import { specYaml, TEXT_FIELDS, WIRE_FIELDS } from "./hostile-text.js";
import { eslintDirective, otherJsDirective, prettierIgnore, PYTHON_DIRECTIVES, tsComments, tsDirectives } from "./tool-directives.js";

/** Directive forms each tool accepts, in the case and spacing variants it accepts. */
const TS_FORMS = [
  "@ts-nocheck", "@TS-NoCheck", "   @ts-nocheck", "@ts-check", "@ts-ignore", "@ts-expect-error", "@ts-ignore: reason",
  "eslint-disable", "eslint-disable no-var", "eslint-disable-next-line", "eslint-disable-line", "eslint-enable", "eslint no-var: off",
  "eslint", "eslint-env node", "global x", "globals x", "exported x", "eslint-disable -- why", "prettier-ignore", "  prettier-ignore  ",
  "tslint:disable", "biome-ignore lint: why", "deno-lint-ignore-file", "deno-fmt-ignore", "oxlint-disable", "istanbul ignore next",
  "c8 ignore next", "v8 ignore start", "node:coverage ignore next",
];

/** Whether any tool takes a TypeScript file's comments for a directive. */
function tsFound(file: string): string[] {
  const comments = tsComments(file).filter((k) => eslintDirective(k) !== undefined || prettierIgnore(k) || otherJsDirective(k));
  return [...tsDirectives(file), ...comments.map((k) => k.text)];
}

describe("TypeScript comments", () => {
  test.each(TS_FORMS)("%j is a directive raw, and inert as a line comment and in a doc comment", (form) => {
    const leading = (comment: string): string => `${comment}\nexport const x: number = 1;\n`;
    expect(tsFound(leading(`// ${form}`)).length + tsFound(leading(`/** ${form} */`)).length).toBeGreaterThan(0);
    expect(tsFound(leading(tsLineComment(form)))).toEqual([]);
    expect(tsFound(leading(tsDocComment([form], [], 0).join("\n")))).toEqual([]);
    expect(tsFound(leading(tsDocComment(["x", form], [`@deprecated ${form}`, `@param a\n${form}`], 0).join("\n")))).toEqual([]);
  });

  test("JSX pragmas anywhere in a leading block comment are escaped", () => {
    const file = `${tsDocComment(["a @jsx h and @jsxImportSource evil"], [], 0).join("\n")}\nexport const x = 1;\n`;
    expect(tsDirectives(`/** a @jsx h and @jsxImportSource evil */\nexport const x = 1;\n`)).not.toEqual([]);
    expect(tsDirectives(file)).toEqual([]);
  });

  test("no line break of any kind ends a line comment", () => {
    for (const brk of ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\v", "\f"]) {
      const comment = tsLineComment(`a${brk}export const evil = 1;`);
      expect(comment.split("\n")).toHaveLength(1);
      expect(tsComments(`${comment}\n`).map((k) => k.text)).toEqual([comment]);
    }
  });

  test("a doc comment cannot close early", () => {
    const lines = tsDocComment(["a */ export const evil = 1; /*"], [], 0);
    expect(tsComments(lines.join("\n"))).toHaveLength(1);
  });
});

const PY_FORMS = [
  "type: ignore", "type:ignore[misc]", "type: int", "noqa", "NOQA", "noqa:E501", "x # noqa", "ruff: noqa", "Ruff: NoQA", "flake8: noqa",
  "fmt: off", "fmt:off", "fmt: skip", "yapf: disable", "isort: skip_file", "isort:skip", "pyright: basic", "pyright: ignore", "mypy: ignore-errors",
  "pylint: disable=all", "see pylint:disable=all", "pragma: no cover", "nosec", "pyre-ignore-all-errors", "pytype: disable=x", "ty: ignore",
];

describe.runIf(hasPython())("Python comments", () => {
  test("every directive form is found raw, and not as a comment line (CPython's tokenizer, the tools' rules)", () => {
    const cases = PY_FORMS.flatMap((form) => [
      { path: `raw ${form}`, source: `x = 1\n# ${form}\ny = 2  # ${form}\n` },
      { path: `defused ${form}`, source: `x = 1\n${pythonComment(form)}\ny = 2  ${pythonComment(form)}\n` },
    ]);
    cases.push(
      { path: "raw coding", source: "# -*- coding: latin-1 -*-\nx = 1\n" },
      { path: "defused coding", source: `${pythonComment("-*- coding: latin-1 -*-", true)}\nx = 1\n` },
    );
    const result = python(PYTHON_DIRECTIVES, ".", JSON.stringify(cases));
    expect(result.status, result.output).toBe(0);
    const report = JSON.parse(result.output) as { path: string; found: string[] }[];
    expect(report.filter((r) => r.path.startsWith("raw") && r.found.length === 0).map((r) => r.path)).toEqual([]);
    expect(report.filter((r) => r.path.startsWith("defused") && r.found.length > 0)).toEqual([]);
  });
});

const render = (md: string): string => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });

const MD_FORMS = [
  "[x](http://evil.example)", "![i](http://evil.example/i.png)", "[ref]\n\n[ref]: http://evil.example", "<http://evil.example>",
  "https://evil.example/p", "HTTP://evil.example", "www.evil.example", "WWW.evil.example", "user@evil.example", "a.b+c@evil.example",
  "mailto:a@evil.example", "xmpp:a@evil.example", "<img src=x>", "<a href=\"http://evil.example\">x</a>", "x[^1]\n\n[^1]: http://evil.example",
];

describe("Markdown text", () => {
  test.each(MD_FORMS)("%j is a link, image or HTML raw, and plain text escaped", (form) => {
    const live = /<a |<img|<sup/;
    expect(render(form)).toMatch(live);
    const escaped = form.split("\n").map((l) => inline(l, "text")).join("\n");
    expect(render(escaped)).not.toMatch(live);
  });
});

describe("Mermaid text", () => {
  test("stays on its line, with no statement, comment, directive or HTML character", () => {
    const text = mermaidText("a\nclick x call evil()\r%%{init: {}}%%; b <b> `c` #1 \u2028 d \u202e");
    const withoutOwn = text.replace(/<br>/g, "").replace(/#\d+;/g, "");
    expect(withoutOwn).not.toMatch(/[\n\r\u2028\u202e;%<>`#]/);
    expect(text.split("<br>")).toHaveLength(4);
  });
});

describe("JSON strings", () => {
  test("hold no raw invisible character and parse back to the text", () => {
    const text = "a\u0000b\u007f\u0085\u2028\u2029\u202e\u200b\ufeff\u00ad\udb40\udc41 \u00a0z";
    const json = jsonString(text);
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(json)).toBe(text);
  });
});

describe("each text field alone", () => {
  // The first line is all an actor's alias shows.
  const HOSTILE = "@ts-nocheck [x](http://evil.example) www.evil.example u@evil.example\u202e\neslint-disable\n# noqa\nruff: noqa\ntype: ignore";
  const specs = Array.from({ length: TEXT_FIELDS }, (_, k) => {
    const texts = Array.from({ length: TEXT_FIELDS }, (_, i) => (i === k ? HOSTILE : `Text ${i}.`));
    const wires = Array.from({ length: WIRE_FIELDS }, (_, i) => `w${i}`);
    const result = generate(specYaml({ file: "protocol.yaml", texts, wires }), "protocol.yaml");
    if (!result.ok) throw new Error(`field ${k}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
    return { k, files: result.files };
  });

  test("reaches some output (the field is used), and no TypeScript comment takes effect", () => {
    for (const { k, files } of specs) {
      expect(files.some((f) => f.text.includes("evil.example")), `field ${k}`).toBe(true);
      for (const f of files.filter((x) => x.path.endsWith(".ts"))) expect(tsFound(f.text), `field ${k} ${f.path}`).toEqual([]);
    }
  });

  test.runIf(hasPython())("no Python comment takes effect", () => {
    const input = specs.flatMap(({ k, files }) => files.filter((f) => f.path.endsWith(".py")).map((f) => ({ path: `${k} ${f.path}`, source: f.text })));
    const result = python(PYTHON_DIRECTIVES, ".", JSON.stringify(input));
    expect(result.status, result.output).toBe(0);
    expect((JSON.parse(result.output) as { found: string[] }[]).filter((r) => r.found.length > 0)).toEqual([]);
  });

  test("the Markdown has no link but its own anchors, and no raw bidi character anywhere", () => {
    for (const { k, files } of specs) {
      const md = files.find((f) => f.path.endsWith(".md"))?.text ?? "";
      expect(render(md).match(/<a href="(?!#)[^"]*"|<img/g), `field ${k}`).toBeNull();
      for (const f of files) expect(f.text.includes("\u202e"), `field ${k} ${f.path}`).toBe(false);
    }
  });
});
