/** The shape of generated defs.ts, read back with ts-morph (parsed, not string-matched). */
import { Node, Project, SyntaxKind, type SourceFile } from "ts-morph";
import { describe, expect, test } from "vitest";
import { linesFrom, runDefs, runSpec, SEED_SPEC } from "./defs-helpers.js";

const project = new Project({ useInMemoryFileSystem: true });
let count = 0;
function parse(text: string): SourceFile {
  return project.createSourceFile(`f${count++}.ts`, text);
}

function objectValues(file: SourceFile, name: string): { [member: string]: string } {
  const init = file.getVariableDeclarationOrThrow(name).getInitializerIfKindOrThrow(SyntaxKind.AsExpression);
  expect(init.getTypeNode()?.getText()).toBe("const");
  const object = init.getExpressionIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  return Object.fromEntries(
    object.getProperties().map((p) => {
      if (!Node.isPropertyAssignment(p)) throw new Error(`not a property: ${p.getText()}`);
      const value = p.getInitializerIfKindOrThrow(SyntaxKind.StringLiteral).getLiteralValue();
      return [p.getName(), value];
    }),
  );
}

describe("seed defs.ts", () => {
  const text = runDefs(SEED_SPEC).text("ts/defs.ts");
  const file = parse(text);

  test("exports CHANNEL, PROTOCOL_VERSION and a const object plus a same-named type per set", () => {
    const names = [...file.getExportedDeclarations().keys()];
    expect(names).toEqual([
      "CHANNEL",
      "PROTOCOL_VERSION",
      "ModelBufferType",
      "ModelNativeFormat",
      "ModelEncoding",
      "MsgKey",
      "ModelExchangeFormat",
      "Topic",
    ]);
    for (const name of names.slice(2)) {
      expect(file.getTypeAliasOrThrow(name).getTypeNodeOrThrow().getText()).toBe(`(typeof ${name})[keyof typeof ${name}]`);
      expect(file.getTypeAliasOrThrow(name).isExported()).toBe(true);
    }
    expect(file.getVariableDeclarationOrThrow("CHANNEL").getInitializerOrThrow().getText()).toBe('"client_api"');
    expect(file.getVariableDeclarationOrThrow("PROTOCOL_VERSION").getInitializerOrThrow().getText()).toBe("1");
  });

  test("uses no enum, namespace or import", () => {
    expect(file.getEnums()).toEqual([]);
    expect(file.getModules()).toEqual([]);
    expect(file.getImportDeclarations()).toEqual([]);
  });

  test("carries every wire value", () => {
    expect(objectValues(file, "ModelNativeFormat")).toEqual({ BINARY: "binary", STRING: "string" });
    const topics = objectValues(file, "Topic");
    expect(Object.keys(topics)).toHaveLength(17);
    for (const [name, value] of Object.entries(topics)) expect(value).toBe(`client_api.${name.toLowerCase()}`);
  });

  test("puts docs on the objects and members, and sections as line comments", () => {
    const statement = file.getVariableStatementOrThrow("ModelNativeFormat");
    expect(statement.getJsDocs().map((d) => d.getDescription().trim())).toEqual([
      "Native format of the data before any transmission encoding.",
    ]);
    const binary = file
      .getVariableDeclarationOrThrow("ModelNativeFormat")
      .getFirstDescendantByKindOrThrow(SyntaxKind.PropertyAssignment);
    expect(binary.getLeadingCommentRanges().map((c) => c.getText())).toEqual(["/** Raw bytes, binary data */"]);
    const lines = text.split("\n");
    expect(linesFrom(lines, "// Per task", 2)).toEqual(["  // Per task", '  TASK_READY: "client_api.task_ready",']);
    expect(lines[lines.indexOf("  // Per task") - 1]).toBe("");
  });

  test("has a module doc comment tagged @module, after the header", () => {
    expect(text.startsWith("// Copyright (c) 2025, NVIDIA CORPORATION.")).toBe(true);
    expect(text).toContain("\n\n/**\n * Client API Cell control-protocol vocabulary.\n *\n");
    expect(text).toContain(' *\n * @module\n */\n\nexport const CHANNEL = "client_api";\n');
  });
});

describe("deprecation and doc safety", () => {
  const run = runSpec(`
enums:
  Color:
    doc: "Colors. */ not the end\\n@internal is text\\nline\\u2028sep"
    deprecated: "Use Paint */ instead."
    values:
      RED:
        deprecated: ""
      GREEN:
        doc: Grass.
        deprecated: |
          Use LIME.
          @see LIME
      BLUE:
        value: "b\\"l\\\\u"
`);
  const text = run.text("ts/defs.ts");
  const file = parse(text);

  test("deprecated sets and members get @deprecated on the object, the type and the member", () => {
    const tags = (node: { getJsDocs(): { getTags(): { getTagName(): string; getCommentText(): string | undefined }[] }[] }) =>
      node.getJsDocs().flatMap((d) => d.getTags().map((t) => [t.getTagName(), t.getCommentText()?.trim()]));
    expect(tags(file.getVariableStatementOrThrow("Color"))).toEqual([["deprecated", "Use Paint *\\/ instead."]]);
    expect(tags(file.getTypeAliasOrThrow("Color"))).toEqual([["deprecated", "Use Paint *\\/ instead."]]);
    expect(linesFrom(text.split("\n"), "/** @deprecated */", 2)).toEqual(['  /** @deprecated */', '  RED: "red",']);
    expect(linesFrom(text.split("\n"), "* Grass.", 5)).toEqual([
      "   * Grass.",
      "   *",
      "   * @deprecated Use LIME.",
      "   * \\@see LIME",
      "   */",
    ]);
  });

  test("doc text can't close the comment, add a tag or split a line comment", () => {
    expect(text).toContain(" * Colors. *\\/ not the end\n * \\@internal is text\n * line\n * sep\n");
    // One multi-line comment per documented item; nothing escaped into code.
    expect(file.getStatements().map((s) => s.getKindName())).toEqual([
      "VariableStatement",
      "VariableStatement",
      "VariableStatement",
      "TypeAliasDeclaration",
    ]);
  });

  test("string literals round-trip, quoted as prettier quotes them", () => {
    expect(objectValues(file, "Color")).toEqual({ RED: "red", GREEN: "green", BLUE: 'b"l\\u' });
    expect(text).toContain(`BLUE: 'b"l\\\\u',`);
    expect(text).not.toMatch(/[\u2028\u2029]/);
  });
});

describe("layout", () => {
  test("long union types break after = as prettier does", () => {
    const lines = runSpec(`
enums:
  AVeryLongEnumerationNameIndeed:
    values:
      A: {}
`).lines("ts/defs.ts");
    expect(linesFrom(lines, "export type AVeryLongEnumerationNameIndeed =", 2)).toEqual([
      "export type AVeryLongEnumerationNameIndeed =",
      "  (typeof AVeryLongEnumerationNameIndeed)[keyof typeof AVeryLongEnumerationNameIndeed];",
    ]);
  });

  test("extra constants are typed literals", () => {
    const file = parse(
      runSpec(`
constants:
  NAME: { type: string, value: "x" }
  COUNT: { type: int, value: -3 }
  RATIO: { type: float, value: 2.5 }
  ENABLED: { type: bool, value: true }
`).text("ts/defs.ts"),
    );
    const init = (name: string): string => file.getVariableDeclarationOrThrow(name).getInitializerOrThrow().getText();
    expect([init("NAME"), init("COUNT"), init("RATIO"), init("ENABLED")]).toEqual(['"x"', "-3", "2.5", "true"]);
  });
});
