/**
 * Names and the generator's own names: Python's soft keywords are ordinary names wherever the
 * spec puts them; builtins, keywords and the names the generated modules bind for themselves
 * (runtime helpers, fixed exports, imports, TypedDict base classes, verify locals) are located
 * errors that say which generated name they clash with. The output of a spec full of soft
 * keywords passes tsc, pyright, ruff, prettier and runs; every module-level binding of the
 * generated modules is either the spec's or one the emitters declare.
 */
import { describe, expect, test } from "vitest";
import { formatLocation } from "../../generator/diagnostics.js";
import { generate } from "../../generator/generate.js";
import type { Protocol } from "../../generator/model.js";
import type { Helper } from "../../generator/names/helpers.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { GENERATOR_HELPERS, namesOf } from "../../generator/targets.js";
import { pyright, python, ruffCheck, ruffFormat, prettierFormat, tsc, writeTemp } from "../emit/defs-tooling.js";
import { generate as generateSpec, RICH_SPEC, SEED_SPEC } from "../messages/pipeline.js";

const HEAD = "wiredefs: 1\nprotocol: { name: demo, title: Demo., channel: demo, version: 1 }\n";
const OUTPUTS = "outputs:\n  typescript: { dir: ts }\n  python: { dir: py, package: demo }\n  schema: { dir: schema, conformance: true }\n";

/** Every diagnostic of a spec as `CODE file:line:col message`, related locations after `~`. */
function diagnosticsOf(body: string): string[] {
  const result = generate(`${HEAD}${body}`, "spec.yaml");
  if (result.ok) return [];
  return result.diagnostics.map(
    (d) =>
      `${d.code} ${d.span === undefined ? "" : formatLocation(d.span)} ${d.message}` +
      (d.related ?? []).map((r) => ` ~ ${formatLocation(r.span)}`).join(""),
  );
}

function protocolOf(body: string): Protocol {
  const loaded = loadProtocol(`${HEAD}${body}`, "spec.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return loaded.protocol;
}

/** Soft keywords everywhere a spec names something. */
const SOFT = `enums:
  match:
    values:
      match: { value: m }
      case: { value: c }
      type: { value: t }
      _: { value: u }
keys:
  Keys:
    keys:
      type: { type: match }
      match: { type: string, value: match_key }
      _: { type: int, value: underscore }
topics:
  Topic:
    keys: Keys
    topics:
      match: { payload: { required: [type], optional: [match] } }
      type: { payload: { required: [_] } }
records:
  Soft:
    keys: Keys
    required: [type]
    optional: [match, _]
    verify:
      function: check_match
      argument: _
      attribute: type
      container: Box
      expect:
        - { key: type, param: case, label: kind }
        - { key: match, param: match, label: name }
constants:
  _: { type: int, value: 1 }
  type_: { type: string, value: x }
${OUTPUTS}`;

describe("Python's soft keywords are ordinary names", () => {
  test("a spec naming enums, members, keys, topics, records, constants and verify functions and parameters match, case, type and _ (where TypeScript allows) is accepted", () => {
    expect(diagnosticsOf(SOFT)).toEqual([]);
  });

  test("its output passes tsc, pyright, ruff and the formatters, and runs in both languages", async () => {
    const result = generate(`${HEAD}${SOFT}`, "spec.yaml");
    if (!result.ok) throw new Error("spec rejected");
    const dir = writeTemp(result.files);
    const ts = tsc(dir, ["ts/index.ts"]);
    expect(ts.output, "tsc").toBe("");
    expect(ts.status).toBe(0);
    const pr = pyright(dir);
    expect(pr.output, "pyright").toMatch(/0 errors, 0 warnings/);
    for (const f of result.files) {
      if (f.path.endsWith(".py")) {
        expect(ruffFormat(f.text), f.path).toBe(f.text);
        expect(ruffCheck(f.text, true), f.path).toEqual([]);
      } else if (f.path.endsWith(".ts")) {
        expect(await prettierFormat(f.text, f.path), f.path).toBe(f.text);
      }
    }
    const run = python(
      [
        "import sys",
        "sys.path.insert(0, 'py')",
        "from demo import defs, messages",
        "print(defs.match.type, defs.Keys.type, messages.validate_soft({'match_key': 'x'}) != [])",
        "messages.check_match({'type': {'type': 'm', 'match_key': 'x'}}, case='m', match='x')",
        "print(defs._)",
      ].join("\n"),
      dir,
    );
    expect(run.output).toBe("t type True\n1\n");
  }, 120_000);
});

describe("names that would break generated code stay located errors", () => {
  test.each([
    ["an enum named type (a Python builtin at module level)", "enums:\n  type:\n    values:\n      A: { value: a }\n", 'WD331 spec.yaml:4:3 enum name "type" is a Python builtin it would shadow'],
    ["an enum named str", "enums:\n  str:\n    values:\n      A: { value: a }\n", 'WD331 spec.yaml:4:3 enum name "str" is a Python builtin it would shadow'],
    ["a record named ValueError", "keys:\n  K:\n    keys:\n      A: { type: int }\nrecords:\n  ValueError: { keys: K, required: [A] }\n", 'WD331 spec.yaml:8:3 record name "ValueError" is a Python builtin it would shadow'],
    ["an enum member that is a hard keyword", "enums:\n  E:\n    values:\n      class: { value: a }\n", 'WD331 spec.yaml:6:7 member of enum E name "class" is a Python keyword and cannot be a class attribute'],
    ["a constant named like a TypeScript keyword", "constants:\n  enum: { type: int, value: 1 }\n", 'WD331 spec.yaml:4:3 constant name "enum" is reserved in TypeScript'],
  ])("%s", (_what, body, expected) => {
    expect(diagnosticsOf(body)).toEqual([expected]);
  });

  const verifySpec = (argument: string, params: readonly string[]): string =>
    `keys:\n  K:\n    keys:\n      A: { type: string }\n      B: { type: string }\nrecords:\n  R:\n    keys: K\n    required: [A]\n    optional: [B]\n    verify:\n      function: verify_r\n      argument: ${argument}\n      attribute: meta\n      container: Box\n      expect:\n${params
      .map((p, i) => `        - { key: ${i === 0 ? "A" : "B"}, param: ${p}, label: l${i} }\n`)
      .join("")}`;

  test.each([
    ["a parameter named type (shadows the builtin)", verifySpec("box", ["type"]), ['WD404 spec.yaml:19:28 verify parameter type becomes the Python parameter "type", which would shadow a Python builtin']],
    [
      "an argument named like a local of the verify function",
      verifySpec("record", ["expected_a"]),
      [
        'WD404 spec.yaml:15:17 verify argument record becomes the TypeScript parameter "record", which the verify function uses for a local variable',
        'WD404 spec.yaml:15:17 verify argument record becomes the Python parameter "record", which the verify function uses for a local variable',
      ],
    ],
    ["a parameter named like a helper the verify function calls", verifySpec("box", ["_check_expected"]), ['WD404 spec.yaml:19:28 verify parameter _check_expected becomes the Python parameter "_check_expected", which the verify function uses for a runtime helper it calls']],
    ["an argument named like the options parameter (TypeScript)", verifySpec("expected", ["expected_a"]), ['WD404 spec.yaml:15:17 verify argument expected becomes the TypeScript parameter "expected", which the verify function uses for a local variable']],
    [
      "two parameters that become one TypeScript property",
      verifySpec("box", ["expected_a", "expectedA"]),
      ['WD404 spec.yaml:20:28 verify parameter expectedA and verify parameter expected_a both become the TypeScript parameter "expected.expectedA" ~ spec.yaml:19:28'],
    ],
    [
      "an argument and a parameter with one name",
      verifySpec("box", ["box"]),
      ['WD404 spec.yaml:19:28 verify parameter box and verify argument box both become the Python parameter "box" ~ spec.yaml:15:17'],
    ],
  ])("%s", (_what, body, expected) => {
    expect(diagnosticsOf(body)).toEqual(expected);
  });
});

describe("a spec name that is one of the generator's own is a located collision", () => {
  const languages = [
    ["TypeScript", GENERATOR_HELPERS.typescript.module],
    ["Python", GENERATOR_HELPERS.python.module],
  ] as const;
  const all = new Map<string, [string, Helper][]>();
  for (const [language, helpers] of languages) {
    for (const h of helpers) all.set(h.name, [...(all.get(h.name) ?? []), [language, h]]);
  }

  test("the emitters declare their names (tables, imports, fixed exports)", () => {
    const ts = GENERATOR_HELPERS.typescript.module.map((h) => h.name);
    const py = GENERATOR_HELPERS.python.module.map((h) => h.name);
    expect(ts).toEqual(expect.arrayContaining(["validatePayload", "PayloadByTopic", "ValidationIssue", "VerifyError", "readOwn", "quote"]));
    expect(py).toEqual(expect.arrayContaining(["ValidationIssue", "PayloadValidationError", "_ABSENT", "TypedDict", "Mapping", "Any", "json"]));
    expect(new Set(ts).size).toBe(ts.length);
    expect(new Set(py).size).toBe(py.length);
  });

  test(`each of the ${all.size} names, taken by a constant, is the one diagnostic WD403 per language that uses it`, () => {
    for (const [name, uses] of all) {
      const expected = uses.map(
        ([language, h]) => `WD403 spec.yaml:4:3 constant ${name} becomes the ${language} identifier "${name}", which the generator uses for ${h.what}`,
      );
      expect(diagnosticsOf(`constants:\n  ${name}: { type: int, value: 1 }\n${OUTPUTS}`), name).toEqual(expected);
    }
  });

  test("a record named like another record's TypedDict base class", () => {
    const body = `keys:\n  K:\n    keys:\n      A: { type: int }\n      B: { type: int }\nrecords:\n  Foo: { keys: K, required: [A], optional: [B] }\n  _FooRequired: { keys: K, required: [A] }\n${OUTPUTS}`;
    expect(diagnosticsOf(body)).toEqual([
      'WD401 spec.yaml:10:3 record _FooRequired and TypedDict base class of the required keys of the record Foo both become the Python identifier "_FooRequired" ~ spec.yaml:9:3',
    ]);
  });

  test("a record whose validator would be validatePayload, and one named PayloadByTopic", () => {
    const body = `keys:\n  K:\n    keys:\n      A: { type: int }\nrecords:\n  Payload: { keys: K, required: [A] }\n  PayloadByTopic: { keys: K, required: [A] }\n${OUTPUTS}`;
    expect(diagnosticsOf(body)).toEqual([
      'WD403 spec.yaml:8:3 validator of the record Payload becomes the TypeScript identifier "validatePayload", which the generator uses for validating by topic in messages.ts',
      'WD403 spec.yaml:8:3 guard of the record Payload becomes the TypeScript identifier "isPayload", which the generator uses for validating by topic in messages.ts',
      'WD403 spec.yaml:8:3 validator of the record Payload becomes the Python identifier "validate_payload", which the generator uses for validating by topic in messages.py',
      'WD403 spec.yaml:8:3 guard of the record Payload becomes the Python identifier "parse_payload", which the generator uses for validating by topic in messages.py',
      'WD403 spec.yaml:9:3 record PayloadByTopic becomes the TypeScript identifier "PayloadByTopic", which the generator uses for a topic map type messages.ts exports',
    ]);
  });

  test("a name that is free stays free: no helper is reserved in the language that does not bind it", () => {
    // `_ABSENT` is Python's; TypeScript has no such name.
    expect(diagnosticsOf(`constants:\n  _ABSENT: { type: int, value: 1 }\n${OUTPUTS}`)).toHaveLength(1);
    expect(namesOf(protocolOf("constants:\n  check_shape: { type: int, value: 1 }\n")).diagnostics).toEqual([]);
  });
});

/** Module-level bindings of a generated TypeScript module (declarations and imports). */
function tsBindings(text: string): string[] {
  const names = [...text.matchAll(/^(?:export )?(?:const|let|function|class|interface|type|enum) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] ?? "");
  for (const m of text.matchAll(/^import (?:type )?\{([^}]*)\}/gm)) names.push(...(m[1] ?? "").split(",").map((n) => n.trim().replace(/^type /, "")).filter(Boolean));
  return names;
}

/** Module-level bindings of a generated Python module (defs, classes, assignments, imports). */
function pyBindings(text: string): string[] {
  const names = [...text.matchAll(/^(?:def|class) ([A-Za-z_]\w*)|^([A-Za-z_]\w*)(?::[^=\n]*)? = /gm)].map((m) => m[1] ?? m[2] ?? "");
  for (const m of text.matchAll(/^import (\w+)$/gm)) names.push(m[1] ?? "");
  for (const m of text.matchAll(/^from [\w.]+ import (?:\(([^)]*)\)|(.*))$/gm)) {
    names.push(...(m[1] ?? m[2] ?? "").split(",").map((n) => n.trim()).filter(Boolean));
  }
  return names.filter((n) => n !== "__all__");
}

describe("every module-level name of the generated messages modules is the spec's or declared by its emitter", () => {
  for (const spec of [SEED_SPEC, RICH_SPEC]) {
    test(spec, () => {
      const gen = generateSpec(spec);
      const p = gen.protocol;
      const shapes = [...p.topicSets.flatMap((s) => s.topics), ...p.records];
      const specNames = [p.channel.name, p.version.name, ...p.constants, ...p.enums, ...p.keySets, ...p.topicSets].map((i) => (typeof i === "string" ? i : i.name));
      const verifies = p.records.flatMap((r) => (r.verify === undefined ? [] : [r.verify]));
      const ts = new Set([
        ...specNames,
        ...shapes.flatMap((s) => [gen.names.typescript.type(s), gen.names.typescript.validator(s), gen.names.typescript.guard(s)]),
        ...verifies.map((v) => gen.names.typescript.verify(v)),
        ...GENERATOR_HELPERS.typescript.module.map((h) => h.name),
      ]);
      const py = new Set([
        ...specNames,
        ...shapes.flatMap((s) => [
          gen.names.python.type(s),
          gen.names.python.validator(s),
          gen.names.python.guard(s),
          gen.names.python.typedDictBase(s, "required"),
          gen.names.python.typedDictBase(s, "optional"),
          // The straight-line validators' private parts: fast check, issue walk, known keys.
          gen.names.python.check(s),
          gen.names.python.walk(s),
          gen.names.python.knownKeys(s),
        ]),
        ...p.enums.flatMap((e) => [gen.names.python.enumValues(e), gen.names.python.enumSpec(e)]),
        ...p.unions.map((u) => gen.names.python.unionVariants(u)),
        ...verifies.map((v) => gen.names.python.verify(v)),
        ...GENERATOR_HELPERS.python.module.map((h) => h.name),
      ]);
      const tsFound = tsBindings(gen.file("messages.ts").text);
      const pyFound = pyBindings(gen.file("messages.py").text);
      expect(tsFound.length).toBeGreaterThan(20);
      expect(pyFound.length).toBeGreaterThan(20);
      expect(tsFound.filter((n) => !ts.has(n))).toEqual([]);
      expect(pyFound.filter((n) => !py.has(n))).toEqual([]);
    });
  }
});
