// Writes generator/emit/char-widths.ts: the code points two columns wide (and zero) as the
// formatters count them, from the formatters' own sources of truth:
// - for TypeScript, prettier's getStringWidth, asked about every code point (its tables of East
//   Asian Width and of emoji);
// - for Python, Unicode's East Asian Width W and F from Python's unicodedata (what black 24+
//   reads, and ruff's unicode-width follows), unassigned code points wide only in the ideograph
//   blocks UAX #11 reserves.
// Run after upgrading prettier or Python:  node tools/char-widths.mjs
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as prettier from "prettier";

function ranges(test) {
  const out = [];
  let start = -1;
  for (let code = 0; code <= 0x110000; code++) {
    const hit = code < 0x110000 && !(code >= 0xd800 && code <= 0xdfff) && test(code);
    if (hit && start < 0) start = code;
    if (!hit && start >= 0) {
      out.push([start, code - 1]);
      start = -1;
    }
  }
  return out;
}

const prettierWidth = (code) => prettier.util.getStringWidth(String.fromCodePoint(code));
const tsWide = ranges((code) => prettierWidth(code) === 2);
const tsZero = ranges((code) => code > 0x9f && prettierWidth(code) === 0);

const python = `
import json, unicodedata
BLOCKS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]
def wide(c):
    ch = chr(c)
    if unicodedata.category(ch) == "Cn":
        return any(a <= c <= b for a, b in BLOCKS)
    return unicodedata.east_asian_width(ch) in ("W", "F")
out, start = [], None
for c in range(0x110001):
    hit = c < 0x110000 and wide(c)
    if hit and start is None: start = c
    if not hit and start is not None: out.append([start, c - 1]); start = None
print(json.dumps({"version": unicodedata.unidata_version, "ranges": out}))
`;
const py = JSON.parse(execFileSync("python3", ["-c", python], { encoding: "utf8" }));

const table = (name, doc, rs) =>
  `/** ${doc} */\nexport const ${name}: readonly (readonly [number, number])[] = [\n${rs
    .map(([a, b]) => `  [0x${a.toString(16)}, 0x${b.toString(16)}],`)
    .join("\n")}\n];\n`;

writeFileSync(
  new URL("../generator/emit/char-widths.ts", import.meta.url),
  `/**\n * Column widths of single code points as the formatters count them. Written by\n * tools/char-widths.mjs (prettier ${prettier.version}, Unicode ${py.version} from Python); do not edit by hand.\n */\n` +
    table("PRETTIER_WIDE", "Two columns for prettier's getStringWidth.", tsWide) +
    "\n" +
    table("PRETTIER_ZERO", "Zero columns for prettier (beyond the controls): combining and enclosing marks.", tsZero) +
    "\n" +
    table("EAST_ASIAN_WIDE", `East Asian Width W and F (Unicode ${py.version}): two columns for ruff and black 24+.`, py.ranges),
);
