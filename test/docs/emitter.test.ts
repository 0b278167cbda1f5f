/** The docs emitter on a hand-built model: layout rules, determinism, helpers. */
import { describe, expect, test } from "vitest";
import { emitDocs, renderDocs } from "../../generator/emit/docs/index.js";
import { docBlock } from "../../generator/emit/docs/doc-block.js";
import { cell, code } from "../../generator/emit/docs/markdown.js";
import { mermaidText } from "../../generator/emit/docs/mermaid.js";
import { fencedBlocks, seedProtocol } from "./helpers.js";
import { protocol, seedLike } from "./model.js";

describe("emitDocs", () => {
  test("nothing when the spec has no docs output; a trailing slash in dir is ignored", () => {
    expect(emitDocs(protocol({ outputs: {} }))).toEqual([]);
    expect(emitDocs(protocol({ outputs: { docs: { dir: "out/docs/" } } })).map((f) => f.path)).toEqual([
      "out/docs/demo.md",
    ]);
  });

  test("deterministic, LF only, one trailing newline, no trailing spaces, no double blank lines", () => {
    for (const p of [seedLike(), seedProtocol()]) {
      const a = renderDocs(p);
      expect(renderDocs(p)).toBe(a);
      expect(a).not.toMatch(/\r/);
      expect(a.endsWith("\n") && !a.endsWith("\n\n")).toBe(true);
      expect(a).not.toMatch(/[ \t]\n/);
      expect(a).not.toMatch(/\n\n\n/);
    }
  });

  test("sections, optional keys, closed payloads, deprecation, list types, float constants", () => {
    const text = renderDocs(seedLike());
    expect(text).toContain("#### Runtime\n\nAny time.\n\n| Name |");
    expect(text).toContain("| [`TAGS`](#key-MsgKey-TAGS); *no other keys* |");
    // Columns no row fills are left out: a section holding only LOG shows its wire value and deprecation.
    expect(text).toContain("| `client_api.log` | yes |");
    expect(text).toContain("| `tags` | `list<string>` | yes: use LABELS |");
    expect(text).toContain("| `encodings` | list&lt;[`ModelEncoding`](#enum-ModelEncoding)&gt; |");
    expect(text).toContain('| <a id="constant-TIMEOUT"></a>`TIMEOUT` | `float` | `2.0` |');
  });

  test("flows: first sender leftmost, alias from the doc's first line, optional keys marked", () => {
    const [diagram] = fencedBlocks(renderDocs(seedLike()), "mermaid");
    expect(diagram?.slice(0, 3)).toEqual([
      "sequenceDiagram",
      "    participant trainer as The trainer process",
      "    participant engine as The engine side",
    ]);
    expect(diagram).toContain("        engine->>trainer: Topic.TASK_READY (MsgKey.TASK_ID, TAGS?)");
  });
});

describe("escaping helpers", () => {
  test("code spans: longer fences around backticks, pipes escaped in tables", () => {
    expect(code("a`b")).toBe("``a`b``");
    expect(code("`x`")).toBe("`` `x` ``");
    expect(code("a|b")).toBe("`a\\|b`");
    expect(code("a|b", "text")).toBe("`a|b`");
    expect(code("")).toBe("` `");
    expect(code("a\\|b")).toBe("<code>a&#92;&#124;b</code>");
  });

  test("cells: one line, HTML characters and stray backticks escaped, code spans kept", () => {
    expect(cell("a | b\n<i>x</i> `c|d` ` e")).toBe("a \\| b<br>&lt;i&gt;x&lt;/i&gt; `c\\|d` \\` e");
    expect(cell(undefined)).toBe("");
  });

  test("doc blocks: lists kept, examples fenced, block syntax neutralised", () => {
    expect(docBlock('Intro:\n- one\n  - two\n\nExample:\n    {\n      "a": <b>\n    }\n\nEnd.')).toEqual([
      "Intro:",
      "- one",
      "  - two",
      "",
      "Example:",
      "",
      "```text",
      "{",
      '  "a": <b>',
      "}",
      "```",
      "",
      "End.",
    ]);
    expect(docBlock("# h\n===\n-\n> q\n~~~")).toEqual(["\\# h", "\\===", "\\-", "&gt; q", "\\~~~"]);
  });

  test("mermaid text: one line, statement separators and comments encoded", () => {
    expect(mermaidText("a;b #c 50%%\nd")).toBe("a#59;b #35;c 50#37;#37;<br>d");
  });
});
