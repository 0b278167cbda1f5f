/** Hostile spec text: nothing in a doc, value, title or label may change the document's structure. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { renderDocs } from "../../generator/emit/docs/index.js";
import { ALLOWED_HTML, fencedBlocks, markdownTree, nodes, textOf, type MdNode } from "./helpers.js";
import { torture } from "./torture.js";

const NASTY_DOC = [
  "a | b and `code | pipe` here",
  "<script>alert(1)</script> & &amp; x<y>z",
  "# not a heading",
  "---",
  "```",
  "~~~",
  "> not a quote",
  "back\\slash \\| and `` tick ` inside `` and a stray ` tick",
  "-->",
].join("\n");

async function checkStructure(text: string): Promise<MdNode> {
  const tree = await markdownTree(text);
  const all = nodes(tree);
  for (const t of all.filter((n) => n.type === "table")) {
    const widths = (t.children ?? []).map((row) => row.children?.length);
    expect(new Set(widths).size).toBe(1);
  }
  for (const h of all.filter((n) => n.type === "html")) expect(h.value).toMatch(ALLOWED_HTML);
  const code = all.filter((n) => n.type === "code").map((n) => n.lang);
  expect(code.filter((lang) => lang !== "text")).toEqual(["mermaid"]);
  expect(all.filter((n) => n.type === "heading").map((n) => n.depth)).toEqual([1, 2, 2, 3, 4, 2, 3, 4, 2, 3, 2]);
  expect(all.filter((n) => n.type === "blockquote" || n.type === "thematicBreak")).toEqual([]);
  return tree;
}

describe("escaping", () => {
  const text = renderDocs(torture(NASTY_DOC, "pi|pe`tick", "Sec | tion #", "ok; #1 50%% <b>x</b>\nnext`"));

  test("the structure survives: tables, headings, one code block, no stray HTML", async () => {
    await checkStructure(text);
  });

  test("cells keep the text: pipes, backticks and HTML characters shown as written", async () => {
    const tree = await markdownTree(text);
    const row = nodes(tree).find((n) => n.type === "tableRow" && textOf(n).startsWith("PING"));
    const cells = row?.children?.map(textOf) ?? [];
    const header = nodes(tree).find((n) => n.type === "tableRow" && textOf(n).startsWith("Name") && nodes(n).some((c) => textOf(c) === "Deprecated"));
    const columns = header?.children?.map(textOf) ?? [];
    const description = cells[columns.indexOf("Description")];
    expect(cells[1]).toBe("pi|pe`tick");
    expect(description).toContain("a | b and code | pipe here");
    expect(description).toContain("<script>alert(1)</script> & &amp; x<y>z");
    expect(description).toContain("back\\slash \\| and tick ` inside and a stray ` tick");
    expect(cells[columns.indexOf("Deprecated")]?.startsWith("yes: a | b")).toBe(true);
  });

  test("a cell never spans lines: newlines become <br>", () => {
    const row = text.split("\n").find((l) => l.startsWith('| <a id="topic-Topic-PING">'));
    expect(row).toContain("here<br>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp; x&lt;y&gt;z<br>");
    expect(row).toContain("`pi\\|pe`tick`");
  });

  test("doc blocks: no heading, fence, quote or rule opened by a doc line", () => {
    expect(text).toContain("\n\\# not a heading\n\\---\n\\`\\`\\`\n\\~~~\n&gt; not a quote\n");
  });

  test("headings: section titles escaped", () => {
    expect(text).toContain("\n#### Sec \\| tion \\#\n");
  });

  test("the notice comment cannot be closed early", () => {
    const p = { ...torture("d", "v", "t", "l"), file: "specs/x-->y.yaml" };
    const head = renderDocs(p).split("\n").slice(0, 4);
    expect(head.filter((l) => l.includes("-->"))).toEqual(["-->"]);
  });

  test("mermaid: labels on one line, statement and comment characters encoded", () => {
    const [diagram] = fencedBlocks(text, "mermaid");
    expect(diagram).toContain("    participant alice as ok#59; #35;1 50#37;#37; #60;b#62;x#60;/b#62;");
    expect(diagram).toContain("    participant end_ as Bob");
    expect(diagram).toContain("    alt ok#59; #35;1 50#37;#37; #60;b#62;x#60;/b#62;<br>next#96;");
    expect(diagram).toContain("        alice->>end_: Topic.PING (Keys.K)");
    expect(diagram).toContain("        Note over alice,end_: ok#59; #35;1 50#37;#37; #60;b#62;x#60;/b#62;<br>next#96;");
    expect(diagram).toContain("        end_-->>alice: Topic.PONG");
    for (const line of diagram ?? []) expect(line.replace(/#\d+;/g, "")).not.toMatch(/[#;%`]/);
  });

  test("any doc text keeps the structure", async () => {
    const char = fc.constantFrom(..."|`\\<>&#*_-=~[]()!:;%\n\r\t \u2028ab1");
    const str = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(""));
    await fc.assert(
      fc.asyncProperty(str, str, str, async (doc, value, title) => {
        const words = (s: string): string => (s.trim() === "" ? "x" : s);
        await checkStructure(renderDocs(torture(words(doc), words(value), words(title), doc)));
      }),
      { numRuns: 300 },
    );
  });
});
