/**
 * Docs that are only, or start and end with, spaces and line breaks: the messages module's
 * docstrings drop the blank paragraphs and surrounding whitespace, as ruff format would (the fuzz
 * suite found a topic doc "\n\n " leaving empty lines in its payload's docstring, and a verify
 * doc " x" a docstring ruff rewrote: D200, D210; a multi-line argument doc broke its Args entry: D417).
 */
import { expect, test } from "vitest";
import { generate } from "../../generator/index.js";
import { ruffCheck, ruffFormat } from "../emit/defs-tooling.js";

const SPEC = `wiredefs: 1
protocol: { name: blank, title: Blank docs., channel: blank, version: 1 }
enums:
  Kind:
    values:
      A: {}
keys:
  Key:
    keys:
      KIND: { type: Kind, doc: "  padded  ", deprecated: "  old \\n" }
      NOTE: { type: string, doc: "\\n\\n " }
topics:
  Topic:
    keys: Key
    topics:
      EMPTY_DOC:
        doc: "\\n\\n "
        payload: { required: [NOTE] }
      PADDED:
        doc: "  text  \\n\\n"
        deprecated: " \\n"
        payload: { required: [KIND], optional: [NOTE] }
records:
  Meta:
    doc: "   "
    keys: Key
    required: [KIND]
    verify:
      function: verify_meta
      doc: "  %d checks  "
      argument: box
      argument_doc: "\\n  the box\\n\\n    it holds  "
      attribute: meta
      container: Box
      expect:
        - { key: KIND, param: expected_kind, label: kind, doc: "  " }
outputs:
  python: { dir: py }
`;

test("blank and padded docs give clean docstrings that ruff leaves alone", () => {
  const result = generate(SPEC, "protocol.yaml");
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  const py = result.files.find((f) => f.path.endsWith("messages.py"))?.text ?? "";
  expect(py).toContain('    """Payload of ``Topic.EMPTY_DOC`` (``empty_doc``)."""\n');
  expect(py).toContain('    """Payload of ``Topic.PADDED`` (``padded``).\n\n    text\n\n    Deprecated:\n    """\n');
  expect(py).toContain('    """The Meta record."""\n');
  expect(py).toContain('    """%d checks\n');
  expect(py).toContain("    Args:\n        box: the box\n            it holds\n        expected_kind: Expected kind\n");
  expect(py).toContain('    """padded\n\n    Deprecated: old\n    """\n');
  expect(ruffCheck(py, true)).toEqual([]);
  expect(ruffFormat(py)).toBe(py);
});
