/**
 * The quote and semicolon pass agrees with prettier: text prettier printed with its defaults,
 * restyled for `quote: single` / `semicolons: false`, is what prettier prints with
 * `singleQuote: true` / `semi: false` — for strings holding either quote, escapes, template
 * literals with code inside, regular expressions, comments holding quotes and semicolons.
 */
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { withStyle } from "../../generator/emit/style.js";
import { restyleTypeScript } from "../../generator/emit/typescript/restyle.js";

const SOURCE = `// it's a comment; with "quotes";
/** A doc "comment"; it's fine. */
import { a, b } from "./defs.js";
export const plain = "plain";
export const single = "it's";
export const both = 'it\\'s "two" "three"';
export const escaped = "back\\\\slash \\u2028 tab\\t";
export const tpl = \`a \${"b" + 'c'} \${\`nested \${"d"}\`};\`;
export const re = /["';]+/g.test("x") ? "y" : "z";
export const obj = { "a-b": "c", d: ["e", 'f"'] };
export type T = { readonly ok: true; readonly value: "v" } | { readonly ok: false };
export interface I {
  readonly key: "k";
  other?: number;
}
for (let i = 0; i < 2; i++) a(b, "i;");
class C {
  readonly name: string = "C";
}
`;

describe("restyle agrees with prettier", () => {
  for (const [quote, semicolons] of [["single", false], ["single", true], ["double", false]] as const) {
    it(`quote ${quote}, semicolons ${semicolons}`, async () => {
      const base = await prettier.format(SOURCE, { filepath: "x.ts" });
      const expected = await prettier.format(SOURCE, { filepath: "x.ts", singleQuote: quote === "single", semi: semicolons });
      expect(base).not.toBe(expected);
      expect(withStyle({ quote, semicolons }, () => restyleTypeScript(base))).toBe(expected);
    });
  }

  it("leaves text alone in the default style", async () => {
    const base = await prettier.format(SOURCE, { filepath: "x.ts" });
    expect(restyleTypeScript(base)).toBe(base);
  });
});
