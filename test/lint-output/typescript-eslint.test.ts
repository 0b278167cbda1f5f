/**
 * The generated TypeScript is held to typescript-eslint's strictest type-aware configs
 * (`strictTypeChecked` and `stylisticTypeChecked`), as a user who lints the generated code would
 * run them: the seed, the rich messages fixture and the torture spec, each generated into a temp
 * dir with a strict tsconfig.json beside it, linted in process through the ESLint Node API.
 */
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, test } from "vitest";
import { generate, RICH_SPEC, SEED_SPEC } from "../messages/pipeline.js";

const TORTURE_SPEC = "test/fixtures/emit/torture.yaml";

interface LintedSpec {
  readonly spec: string;
  /** Rules turned off for this spec, each with its reason. */
  readonly off: readonly string[];
}

const SPECS: readonly LintedSpec[] = [
  { spec: SEED_SPEC, off: [] },
  { spec: RICH_SPEC, off: [] },
  // Unions whose members overlap (`-0.25 | float`, `int | float`, `"fixed" | string`).
  { spec: "test/fixtures/fuzz-found/found-typescript-layout.yaml", off: [] },
  {
    spec: TORTURE_SPEC,
    // The torture spec deprecates a topic and a whole enum on purpose. The generated modules
    // have to name their own deprecated items: the topic maps and the validator table list a
    // deprecated topic (it is still on the wire), and `type Quirky = (typeof Quirky)[…]` names
    // the deprecated const it is derived from. `no-deprecated` reports each of those
    // references, but deprecation is addressed to the code that uses the generated modules,
    // where the rule keeps working; for the other specs, which deprecate nothing used in
    // generated code, it stays on.
    off: ["@typescript-eslint/no-deprecated"],
  },
];

/** The compiler options the generated code is promised to pass (see defs-tooling's TSC_FLAGS). */
const COMPILER_OPTIONS = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  erasableSyntaxOnly: true,
  verbatimModuleSyntax: true,
  isolatedDeclarations: true,
  declaration: true,
  noEmit: true,
  target: "es2022",
  module: "nodenext",
  types: [],
};

function lintConfig(root: string, off: readonly string[]): Linter.Config[] {
  return [
    ...(tseslint.configs.strictTypeChecked as Linter.Config[]),
    ...(tseslint.configs.stylisticTypeChecked as Linter.Config[]),
    {
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
      linterOptions: { reportUnusedDisableDirectives: "error" },
      rules: Object.fromEntries(off.map((rule) => [rule, "off"])),
    },
  ];
}

for (const { spec, off } of SPECS) {
  describe(`typescript-eslint over the generated TypeScript of ${spec}`, () => {
    test("strictTypeChecked and stylisticTypeChecked find nothing", async () => {
      const gen = generate(spec);
      const dir = gen.protocol.outputs.typescript?.dir;
      if (dir === undefined) throw new Error(`${spec} has no TypeScript output`);
      writeFileSync(join(gen.root, "tsconfig.json"), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: [dir] }));
      const eslint = new ESLint({ cwd: gen.root, overrideConfigFile: true, overrideConfig: lintConfig(gen.root, off) });
      const results = await eslint.lintFiles([`${dir}/*.ts`]);
      expect(results.map((r) => relative(gen.root, r.filePath)).sort()).toEqual(
        ["defs.ts", "index.ts", "messages.ts"].map((f) => `${dir}/${f}`),
      );
      const found = results.flatMap((r) =>
        r.messages.map((m) => `${relative(gen.root, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? "fatal"} ${m.message}`),
      );
      expect(found).toEqual([]);
    });
  });
}
