"""Writes generator/emit/east-asian-width.ts: the code-point ranges of East Asian Width W and F.

Run with the Python whose Unicode tables the output is to follow:
    python3 tools/east-asian-width.py > generator/emit/east-asian-width.ts
"""

import sys
import unicodedata

ranges = []
start = None
for code in range(0x110000):
    wide = unicodedata.east_asian_width(chr(code)) in ("W", "F")
    if wide and start is None:
        start = code
    if not wide and start is not None:
        ranges.append((start, code - 1))
        start = None
if start is not None:
    ranges.append((start, 0x10FFFF))

out = sys.stdout
out.write("/**\n")
out.write(" * Code points of East Asian Width W (wide) and F (fullwidth), Unicode ")
out.write(unicodedata.unidata_version + ": two columns in a terminal, in\n")
out.write(" * prettier's getStringWidth and in ruff's and black's line width. Written by\n")
out.write(" * tools/east-asian-width.py from Python's unicodedata; do not edit by hand.\n */\n")
out.write("export const WIDE_RANGES: readonly (readonly [number, number])[] = [\n")
for a, b in ranges:
    out.write(f"  [0x{a:x}, 0x{b:x}],\n")
out.write("];\n")
