/**
 * `envelope.py`: whole messages for Python — a TypedDict per kind and topic, a Union per kind,
 * and `validate_message`, straight-line checks giving the same verdicts, in the same order and
 * words, as envelope.ts (both are printed from emit/envelope-plan.ts).
 */
import type { GeneratedFile, Protocol, ValueType } from "../../model.js";
import type { Names } from "../../names/index.js";
import { channelTopicsType, kindTypeName, messageTypeName } from "../../names/envelope.js";
import { topicsOn } from "../../conformance/shapes.js";
import { reachable, type Chunk } from "../chunks.js";
import { constraintWords, envelopePlan, expectedWords, type FieldCheck, type KindPlan, type Test } from "../envelope-plan.js";
import { mergedIsinstance, pythonDocstring, pythonHeader, pythonString } from "./defs-syntax.js";
import { pythonOutput, sortedImports, type PythonModuleExports } from "./init.js";
import { STDLIB, topLevel } from "./messages.js";
import { pyAnnotatedHead, pyAssignment, pyAtom, pyCall, pyDef, pyFlat, pyLayout, pySubscript, pyTuple, scanCode, type PyExpr } from "./messages-layout.js";
import { CORE_FUNCTIONS, CORE_TYPES } from "./messages-runtime.js";
import { fixedPython, fixedPythonBody, laidOut, laidOutPythonBody } from "../fixed-code.js";
import { fitsPython, pythonWidth } from "../text.js";
import { fieldAnnotation, typedDictText } from "./messages-types.js";
import { PrivateNames, testKey, testWord } from "../private-names.js";


/** The names envelope.py exports (for the package's `__init__`). */
export function pythonEnvelopeExports(protocol: Protocol): PythonModuleExports | undefined {
  const plan = envelopePlan(protocol);
  if (plan === undefined) return undefined;
  const names: string[] = [];
  for (const k of plan.kinds) {
    names.push(kindTypeName(k.kind));
    if (k.topics.length > 0) for (const c of k.topics) names.push(messageTypeName(k.kind, c.topic));
  }
  names.push("AnyMessage", "MessageKind", "MessageIssueCode", "MessageIssue", "MessageResult", "validate_message");
  for (const c of protocol.channels) if (topicsOn(protocol, c).length > 0) names.push(channelTopicsType(c));
  return { module: "envelope", names: [...new Set(names)] };
}

export function emitPythonEnvelope(protocol: Protocol, names: Names): GeneratedFile[] {
  const plan = envelopePlan(protocol);
  if (plan === undefined || protocol.outputs.python === undefined) return [];
  const output = pythonOutput(protocol);
  const py = names.python;
  const messagesImports = new Set<string>(["IssueCode", "ValidationIssue"]);
  const typing = new Set<string>(["Callable", "Literal", "NamedTuple", "Optional", "TypedDict", "Union", "cast"]);
  const checks = new Map<string, string[]>();
  const typeOf = (t: ValueType): string => {
    switch (t.kind) {
      case "scalar":
        if (t.name === "any" || t.name === "json") {
          typing.add("Any");
          return "Any";
        }
        return t.name === "string" ? "str" : t.name;
      case "literal":
        return `Literal[${typeof t.value === "string" ? pythonString(t.value) : typeof t.value === "boolean" ? (t.value ? "True" : "False") : String(t.value)}]`;
      case "enum":
        return t.enum.valueType === "int" ? "int" : "str";
      case "record":
        messagesImports.add(py.type(t.record));
        return py.type(t.record);
      case "nullable":
        return `Optional[${typeOf(t.of)}]`;
      case "oneOf":
        return `Union[${t.of.map(typeOf).join(", ")}]`;
      case "list":
        return `list[${typeOf(t.of)}]`;
      case "map":
        return `dict[str, ${typeOf(t.of)}]`;
      default:
        typing.add("Any");
        return "Any";
    }
  };
  const env = plan.envelope;
  const body: string[] = [];
  const block = (lines: readonly string[]) => body.push(lines.join("\n"));

  const typedDict = (name: string, doc: string, fields: readonly { key: string; type: string; required: boolean }[]) => {
    const required = fields.filter((f) => f.required);
    const optional = fields.filter((f) => !f.required);
    const line = (f: { key: string; type: string }) => {
      const one = `    ${f.key}: ${f.type}`;
      if (fitsPython(one)) return one;
      // Too long for a line: a name goes in parentheses as a messages.py field's does; ruff
      // splits a one-item subscript (a long Literal) inside its brackets.
      const m = /^(\w+)\[(.*)\]$/s.exec(f.type);
      if (m === null) return `    ${f.key}: ${fieldAnnotation(pyAtom(f.type), pythonWidth(`    ${f.key}: `))}`;
      if (topLevelComma(m[2] ?? "")) return one;
      return `    ${f.key}: ${m[1] ?? ""}[\n        ${m[2] ?? ""}\n    ]`;
    };
    const bases = { required: `_${name}Required`, optional: `_${name}Optional` };
    // In the functional syntax too, a one-item subscript (a long Literal) splits inside its brackets.
    const annotation = (type: string): PyExpr => {
      const m = /^(\w+)\[(.*)\]$/s.exec(type);
      return m === null || topLevelComma(m[2] ?? "") ? pyAtom(type) : pySubscript(m[1] ?? "", [pyAtom(m[2] ?? "")]);
    };
    const field = { key: (f: { key: string }) => f.key, body: (half: readonly { key: string; type: string }[]) => half.map(line), type: (f: { type: string }) => annotation(f.type) };
    block([typedDictText(name, bases, pythonDocstring(doc, "    "), { required, optional }, field).trimEnd()]);
  };

  const kindUnions: string[] = [];
  for (const k of plan.kinds) {
    const kind = k.kind;
    const fieldsOf = (topicValue: string | undefined, payloadType: string | undefined, payloadRequired: boolean) => {
      const out: { key: string; type: string; required: boolean }[] = [];
      const topicType = (key: string, type: ValueType) =>
        topicValue !== undefined && k.topicPath.length === 1 && k.topicPath[0] === key ? `Literal[${pythonString(topicValue)}]` : typeOf(type);
      for (const f of env.fields) out.push({ key: f.key.value, type: topicType(f.key.value, f.type), required: f.required });
      if (env.tag !== undefined && kind.value !== undefined) out.push({ key: env.tag.key, type: `Literal[${pythonString(kind.value)}]`, required: true });
      for (const f of kind.fields) out.push({ key: f.key.value, type: topicType(f.key.value, f.type), required: f.required });
      if (kind.payload !== undefined) {
        if (payloadType === undefined) typing.add("Any");
        out.push({ key: kind.payload.key, type: payloadType ?? "Any", required: payloadRequired });
      }
      return out;
    };
    if (k.topics.length === 0) {
      typedDict(kindTypeName(kind), `A message of kind \`\`${kind.name}\`\`.`, fieldsOf(undefined, undefined, kind.payload?.required ?? false));
      kindUnions.push(kindTypeName(kind));
      continue;
    }
    const members: string[] = [];
    for (const w of k.when) {
      const record = py.type(w.record);
      messagesImports.add(record);
      const fields = fieldsOf(undefined, record, w.required).map((f) =>
        w.path.length === 1 && f.key === w.path[0] ? { ...f, type: `Literal[${literalText(w.value)}]` } : f,
      );
      typedDict(w.typeName, `A \`\`${kind.name}\`\` message whose \`\`${w.path.join(".")}\`\` is ${JSON.stringify(w.value)}: its payload is ${record}.`, fields);
    }
    for (const c of k.topics) {
      const name = messageTypeName(kind, c.topic);
      const shapeType = c.shape === undefined ? undefined : py.type(c.shape);
      // A kind that carries no payload key names no payload type (its topics may still have one).
      if (shapeType !== undefined && kind.payload !== undefined) messagesImports.add(shapeType);
      const payloadType = shapeType === undefined ? undefined : c.nullable ? `Optional[${shapeType}]` : shapeType;
      typedDict(name, `The \`\`${kind.name}\`\` message of \`\`${c.topic.value}\`\`.`, fieldsOf(c.topic.value, payloadType, c.required));
      members.push(name);
    }
    block([...alias(kindTypeName(kind), [...members, ...k.when.map((w) => w.typeName)]), `"""A message of kind \`\`${kind.name}\`\`, of any of its topics."""`]);
    kindUnions.push(kindTypeName(kind));
  }
  block([...alias("AnyMessage", kindUnions), '"""Any message of the protocol, of every kind."""']);
  block([...literalAlias("MessageKind", plan.kinds.map((k) => k.kind.name)), '"""The kinds of message."""']);
  for (const c of protocol.channels) {
    const values = topicsOn(protocol, c).map((t) => t.value);
    if (values.length > 0) block([...literalAlias(channelTopicsType(c), values), ...pythonDocstring(`The topics that travel on channel \`\`${c.value}\`\`.`, "")]);
  }
  block([laidOut("python", ISSUE_CODE).trimEnd()]);
  block([laidOut("python", ISSUE).trimEnd()]);
  block([laidOut("python", RESULT).trimEnd()]);

  // The module's names made from the spec keep clear of its runtime's and of one another.
  const privateNames = new PrivateNames([...RUNTIME_IDENTIFIERS, ...plan.kinds.flatMap((k) => k.fields.flatMap((f) => (f.constraints === undefined ? [] : [constraintCheckerName(f.constraints)])))]);
  const stems = kindStems(plan.kinds, privateNames);
  const checkName = (k: KindPlan): string => `_check_${stems.get(k) ?? ""}`;
  const v: string[] = [laidOut("python", VALIDATE_START).trimEnd()];
  if (env.tag !== undefined) {
    const tag = pythonString(env.tag.key);
    v.push(
      ...condition("if", [{ left: tag, op: "not in", right: "m" }], "    "),
      ...call("        ", "return _failed", [`(${tag},)`, '"missing_key"', pythonString(`missing required key ${JSON.stringify(env.tag.key)}`)]),
      ...subscriptAssignment("    ", "tag", "m", tag),
    );
    plan.kinds.forEach((k, i) => {
      const test = { left: "tag", op: "==", right: pythonString(k.kind.value ?? k.kind.name) };
      v.push(...condition(i === 0 ? "if" : "elif", [test], "    "), `        kind = ${pythonString(k.kind.name)}`, ...call("        ", `topic = ${checkName(k)}`, ["m", "errors", "request"]));
    });
    const expected = plan.kinds.map((k) => JSON.stringify(k.kind.value ?? k.kind.name)).join(", ");
    v.push(
      "    elif not isinstance(tag, str):",
      pyAssignment(8, "message", 'f"expected a string, got {_describe(tag)}"'),
      ...call("        ", "return _failed", [`(${tag},)`, '"wrong_type"', "message"]),
      "    else:",
      pyAssignment(8, "expected", pythonString(expected)),
      pyAssignment(8, "message", 'f"unknown tag {_quote(tag)}, expected one of {expected}"'),
      ...call("        ", "return _failed", [`(${tag},)`, '"unknown_tag"', "message"]),
    );
  } else if (plan.kinds.length === 1 && plan.kinds[0] !== undefined) {
    const k = plan.kinds[0];
    v.push(`    kind = ${pythonString(k.kind.name)}`, ...call("    ", `topic = ${checkName(k)}`, ["m", "errors", "request"]));
  } else {
    plan.kinds.forEach((k, i) => {
      const conds = [
        ...k.requires.map((key) => ({ left: pythonString(key), op: "in", right: "m" })),
        ...k.excludes.map((key) => ({ left: pythonString(key), op: "not in", right: "m" })),
      ];
      v.push(...condition(i === 0 ? "if" : "elif", conds.length === 0 ? ["True"] : conds, "    "));
      v.push(`        kind = ${pythonString(k.kind.name)}`, ...call("        ", `topic = ${checkName(k)}`, ["m", "errors", "request"]));
    });
    const expected = plan.kinds.map((k) => JSON.stringify(k.kind.name)).join(", ");
    v.push("    else:", pyAssignment(8, "message", pythonString(`no kind of message matches: expected one of ${expected}`)), ...call("        ", "return _failed", ["()", '"unknown_kind"', "message"]));
  }
  v.push(laidOutPythonBody(VALIDATE_END).trimEnd());
  block(v);

  const helpers = new Map<string, string[]>();
  const tables: string[][] = [];
  // A test of a kind the runtime has a predicate for (`_is_str`) keeps its kind's word: `_TEST_STRING`.
  for (const kind of Object.keys(BUILTIN_PREDICATES)) privateNames.fix(testKey({ kind } as Test), kind, [`_TEST_${kind.toUpperCase()}`]);
  const privates: Privates = { helpers, names: privateNames, stems };
  const checkers = plan.kinds.map((k) => kindChecker(k, py, messagesImports, privates, tables, checks));
  block([laidOut("python", VALIDATOR).trimEnd()]);
  if (plan.kinds.some((k) => k.topics.some((c) => c.nullable && c.shape !== undefined))) block([laidOut("python", OR_NONE).trimEnd()]);
  for (const t of tables) block(t);
  for (const c of checkers) block(c);
  for (const k of plan.kinds) if (k.when.length > 0 && k.kind.payload !== undefined) block(whenPayload(k, k.kind.payload.key, py, messagesImports, stems));
  // Predicates, field tests and constraint checks call the runtime (and name its types), so they follow it.
  const defs = [...helpers.values(), ...checks.values()].filter((l) => l[0]?.startsWith("def ") === true).map((l) => l.join("\n"));
  const tests = [...helpers.values()].filter((l) => l[0]?.startsWith("def ") !== true).map((l) => l.join("\n"));
  const after = [...defs, tests.join("\n")].filter((t) => t !== "");
  const used = usedHelpers([...body, ...after].join("\n\n\n"));
  const runtime = [used.text, ...after].join("\n\n\n");
  if (used.names.has("ValidationIssue")) messagesImports.add("ValidationIssue");
  const wanted = new Set([...typing, ...used.names]);
  const stdlib = STDLIB.flatMap(([module, imported]) => {
    if (imported.length === 0) return wanted.has(module) ? [`import ${module}`] : [];
    const these = imported.filter((n) => wanted.has(n));
    return these.length === 0 ? [] : fromImport(module, these);
  });
  const importLines = [...stdlib, "", ...fromImport(".messages", sortedImports([...messagesImports]))];
  const text = [
    pythonHeader(protocol).trimEnd(),
    "",
    ...pythonDocstring(
      [
        `Whole messages of the ${protocol.name} protocol.`,
        "",
        "A TypedDict per kind and topic, and ``validate_message``, which checks the envelope,",
        "selects the kind and the topic, then validates the payload that topic selects,",
        "identically to the TypeScript module.",
      ].join("\n"),
      "",
    ),
    "",
    ...importLines,
    // isort's (and ruff's) lines after imports: two before a class or def, one before anything else.
    ...(/^(?:class|def|@)/.test(body[0] ?? "") ? ["", ""] : [""]),
    body.join("\n\n\n"),
    "",
    "",
    runtime,
  ].join("\n");
  return [{ path: `${output.dir}/${output.package}/envelope.py`, text: `${text.trimEnd()}\n` }];
}

function fromImport(module: string, names: readonly string[]): string[] {
  const one = `from ${module} import ${names.join(", ")}`;
  if (fitsPython(one)) return [one];
  return [`from ${module} import (`, ...names.map((n) => `    ${n},`), ")"];
}

function alias(name: string, members: readonly string[]): string[] {
  if (members.length === 1) return pyAssignment(0, name, members[0] ?? "").split("\n");
  const one = `${name} = Union[${members.join(", ")}]`;
  if (fitsPython(one)) return [one];
  if (fitsPython(`    ${members.join(", ")}`)) return [`${name} = Union[`, `    ${members.join(", ")}`, "]"];
  return [`${name} = Union[`, ...members.map((m) => `    ${m},`), "]"];
}

function literalAlias(name: string, values: readonly string[]): string[] {
  const items = values.map(pythonString);
  const one = `${name} = Literal[${items.join(", ")}]`;
  if (fitsPython(one)) return [one];
  if (fitsPython(`    ${items.join(", ")}`)) return [`${name} = Literal[`, `    ${items.join(", ")}`, "]"];
  return [`${name} = Literal[`, ...items.map((m) => `    ${m},`), "]"];
}

/** An operand of `condition`: plain text, or a comparison that may break before its operator. */
type Cond = string | { readonly left: string; readonly op: string; readonly right: string };

const condText = (c: Cond): string => (typeof c === "string" ? c : `${c.left} ${c.op} ${c.right}`);

/**
 * `if a and b:` as ruff format lays it out when it does not fit one line: in parentheses, on one
 * line of its own, else one operand a line (`and` leading); a comparison that still overflows
 * its line breaks before its operator (`tag` / `== "…"`), as black's delimiter split does.
 */
function condition(keyword: string, conds: readonly Cond[], indent: string): string[] {
  const flat = conds.map(condText).join(" and ");
  const one = `${indent}${keyword} ${flat}:`;
  if (fitsPython(one)) return [one];
  const inner = `${indent}    `;
  if (fitsPython(`${inner}${flat}`)) return [`${indent}${keyword} (`, `${inner}${flat}`, `${indent}):`];
  const lines = conds.flatMap((c, i) => {
    const and = i === 0 ? "" : "and ";
    const line = `${inner}${and}${condText(c)}`;
    return typeof c === "string" || fitsPython(line) ? [line] : [`${inner}${and}${c.left}`, `${inner}${c.op} ${c.right}`];
  });
  return [`${indent}${keyword} (`, ...lines, `${indent}):`];
}

/** `name = object[key]`, the key on a line of its own when the line overflows. */
function subscriptAssignment(indent: string, name: string, object: string, key: string): string[] {
  const one = `${indent}${name} = ${object}[${key}]`;
  return fitsPython(one) ? [one] : [`${indent}${name} = ${object}[`, `${indent}    ${key}`, `${indent}]`];
}

/**
 * Each kind's stem, from its name: the kind's `_check_<stem>`, `_<STEM>_PAYLOADS` and
 * `_<stem>_payload`, numbered when one of them is taken (a kind named like a constraint checker).
 */
function kindStems(kinds: readonly KindPlan[], names: PrivateNames): ReadonlyMap<KindPlan, string> {
  const namesOf = (stem: string): string[] => [`_check_${stem}`, `_${stem.toUpperCase()}_PAYLOADS`, `_${stem}_payload`];
  return new Map(kinds.map((k) => [k, names.word(`kind ${k.kind.name}`, k.kind.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase(), namesOf)]));
}

/** A test's word: its `_is_<word>` predicate and its `_TEST_<WORD>`. */
function testName(test: Test, names: PrivateNames): string {
  return names.word(testKey(test), testWord(test), (w) => [`_is_${w}`, `_TEST_${w.toUpperCase()}`]);
}

function literalText(value: string | number | boolean): string {
  return typeof value === "string" ? pythonString(value) : typeof value === "boolean" ? (value ? "True" : "False") : String(value);
}

/** The field tests and predicates printed so far, by name; the module's private names; the kinds' stems. */
interface Privates {
  readonly helpers: Map<string, string[]>;
  readonly names: PrivateNames;
  readonly stems: ReadonlyMap<KindPlan, string>;
}

const BUILTIN_PREDICATES: { readonly [k: string]: string } = {
  string: "_is_str",
  bool: "_is_bool",
  int: "_is_int",
  float: "_is_number",
  null: "_is_none",
  object: "_is_dict",
  array: "_is_list",
};

/** The predicate function testing `test` (a helper of the runtime, or one printed for it). */
function predicate(test: Test, { helpers, names }: Privates): string {
  const own = BUILTIN_PREDICATES[test.kind];
  if (own !== undefined) return own;
  const name = `_is_${testName(test, names)}`;
  if (!helpers.has(name)) {
    const expr = accepts(test, "value");
    const head = pyDef(name, ["value: object"], "bool");
    // The operands of the whole `or` chain: a nested union's own operands join it (one chain, as Python parses it).
    const operands = (t: Test): string[] => (t.kind === "oneOf" && !isNumberSet(t) ? t.of.flatMap(operands) : [accepts(t, "value")]);
    const parts = operands(test);
    const lines =
      fitsPython(`    return ${expr}`)
        ? [head, `    return ${expr}`]
        : fitsPython(`        ${expr}`)
          ? [head, "    return (", `        ${expr}`, "    )"]
          : [head, "    return (", ...parts.map((p, i) => `        ${i === 0 ? "" : "or "}${p}`), "    )"];
    helpers.set(name, lines);
  }
  return name;
}

/** The numbers of a union of number literals only. */
function numberLiterals(test: Test & { kind: "oneOf" }): string[] {
  return test.of.flatMap((t) => (t.kind === "literal" && typeof t.value === "number" ? [String(t.value)] : []));
}

/** A union of two or more number literals and nothing else: one membership test. */
function isNumberSet(test: Test): boolean {
  return test.kind === "oneOf" && numberLiterals(test).length > 1 && numberLiterals(test).length === test.of.length;
}

function accepts(test: Test, v: string): string {
  switch (test.kind) {
    case "any":
      return "True";
    case "string":
      return `isinstance(${v}, str)`;
    case "bool":
      return `isinstance(${v}, bool)`;
    case "int":
      return `_is_int(${v})`;
    case "float":
      return `_is_number(${v})`;
    case "null":
      return `${v} is None`;
    case "object":
      return `isinstance(${v}, dict)`;
    case "array":
      return `isinstance(${v}, list)`;
    case "literal":
      if (typeof test.value === "boolean") return `${v} is ${test.value ? "True" : "False"}`;
      if (typeof test.value === "number") return `_as_number(${v}) == ${String(test.value)}`;
      return `${v} == ${literalText(test.value)}`;
    case "enum":
      return `${v} in (${test.values.map(pythonString).join(", ")}${test.values.length === 1 ? "," : ""})`;
    case "oneOf": {
      // Numbers alone (a closed int enum) are one membership test, as ruff's PLR1714 asks.
      if (isNumberSet(test)) return `_as_number(${v}) in (${numberLiterals(test).join(", ")})`;
      return mergedIsinstance(test.of.map((t) => accepts(t, v))).join(" or ");
    }
  }
}

/** One call per field: presence, then its test (the runtime's `_field` / `_enum_field` / `_record_field`). */
function fieldLines(f: FieldCheck, py: Names["python"], imports: Set<string>, privates: Privates, checks: Map<string, string[]>): string[] {
  const key = pythonString(f.key);
  const required = f.required ? "True" : "False";
  if (f.record !== undefined) {
    const validator = py.validator(f.record);
    imports.add(validator);
    return call("    ", "_record_field", ["m", "errors", key, required, validator]);
  }
  const test = f.test;
  if (test === undefined || test.kind === "any") return f.required ? call("    ", "_present", ["m", "errors", key]) : [];
  const expected = pythonString(expectedWords(test));
  const { helpers } = privates;
  const name = `_TEST_${testName(test, privates.names).toUpperCase()}`;
  if (!helpers.has(name)) {
    const values = test.kind === "enum" ? [pyTuple(test.values.map((v) => pyAtom(pythonString(v))))] : [];
    const args = [pyAtom(test.kind === "enum" ? "_is_str" : predicate(test, privates)), pyAtom(expected), ...values];
    const lines = call("", `${name} = _Test`, args.map(pyFlat));
    // An enum's tuple of values too long for its line breaks one value a line, as ruff breaks it.
    helpers.set(name, lines.every(fitsPython) ? lines : pyLayout(pyCall(`${name} = _Test`, args), 0, 0, 0).split("\n"));
  }
  const field = call("    ", "_field", ["m", "errors", key, required, name]);
  if (f.constraints === undefined) return field;
  return [...field, ...call("    ", "_constrain", ["m", "errors", key, name, constraintChecker(f.constraints, checks)])];
}

/**
 * The function checking one set of constraints, printed once per set: the issues of a value
 * that passed its field's test (None passes by), by the messages runtime's checks.
 */
function constraintCheckerName(f: NonNullable<FieldCheck["constraints"]>): string {
  return `_check_${constraintWords(f)}`;
}

function constraintChecker(f: NonNullable<FieldCheck["constraints"]>, checks: Map<string, string[]>): string {
  const name = constraintCheckerName(f);
  if (checks.has(name)) return name;
  const c = f.c;
  const n = (x: number | undefined): string => (x === undefined ? "None" : String(x));
  const [guard, check] =
    f.on === "number"
      ? ["_as_number(item) is not None", call("        ", "_check_range", ["item", "at", "issues", n(c.minimum), n(c.maximum)])]
      : f.on === "string"
        ? ["isinstance(item, str)", call("        ", "_check_text", ["item", "at", "issues", n(c.minLength), c.format === undefined ? "None" : pythonString(c.format)])]
        : ["isinstance(item, list)", call("        ", "_check_count", ['cast("list[object]", item)', "at", "issues", n(c.minItems)])];
  const head = `def ${name}(item: object, at: _Path) -> list[ValidationIssue]:`;
  checks.set(name, [
    ...(fitsPython(head) ? [head] : [`def ${name}(`, "    item: object, at: _Path", ") -> list[ValidationIssue]:"]),
    "    issues: list[ValidationIssue] = []",
    `    if ${guard}:`,
    ...check,
    "    return issues",
  ]);
  return name;
}

/** `name(a, b, c)` at `indent`, its arguments on their own line when it does not fit. */
function call(indent: string, name: string, args: readonly string[]): string[] {
  const one = `${indent}${name}(${args.join(", ")})`;
  if (fitsPython(one)) return [one];
  if (fitsPython(`${indent}    ${args.join(", ")}`)) return [`${indent}${name}(`, `${indent}    ${args.join(", ")}`, `${indent})`];
  return [`${indent}${name}(`, ...args.map((a) => `${indent}    ${a},`), `${indent})`];
}

function kindChecker(k: KindPlan, py: Names["python"], imports: Set<string>, privates: Privates, tables: string[][], checks: Map<string, string[]>): string[] {
  const stem = privates.stems.get(k) ?? "";
  const checkName = `_check_${stem}`;
  const params = ["m: dict[str, object]", "errors: list[MessageIssue]", "request: Optional[str]"];
  const one = `def ${checkName}(${params.join(", ")}) -> Optional[str]:`;
  // On one line when it fits; else the parameters on a line of their own, or one a line, as ruff and black split them.
  const head = fitsPython(one)
    ? [one]
    : fitsPython(`    ${params.join(", ")}`)
      ? [`def ${checkName}(`, `    ${params.join(", ")}`, ") -> Optional[str]:"]
      : [`def ${checkName}(`, ...params.map((p) => `    ${p},`), ") -> Optional[str]:"];
  const lines = [
    ...head,
    `    """Check the fields and payload of a \`\`${k.kind.name}\`\` message; return its known topic."""`,
  ];
  for (const f of k.fields) lines.push(...fieldLines(f, py, imports, privates, checks));
  const path = k.topicPath;
  if (k.topics.length === 0) {
    lines.push("    return None");
    return lines;
  }
  if (path.length === 0) lines.push("    topic = request");
  else if (path.length === 1) lines.push(`    topic = m.get(${pythonString(path[0] ?? "")})`);
  else lines.push(...call("    ", "topic = _read_path", ["m", `(${path.map(pythonString).join(", ")})`]));
  lines.push("    if not isinstance(topic, str):", "        return None");
  const table = `_${stem.toUpperCase()}_PAYLOADS`;
  const payloadKey = k.kind.payload?.key;
  const entries = k.topics.map((c) => {
    const named = c.shape === undefined || payloadKey === undefined ? "None" : py.validator(c.shape);
    if (named !== "None") imports.add(named);
    const validator = c.nullable && named !== "None" ? `_or_none(${named})` : named;
    const one = `    ${pythonString(c.topic.value)}: (${c.required ? "True" : "False"}, ${validator}),`;
    // Too long for a line: ruff splits the tuple, one item per line.
    return fitsPython(one) ? one : `    ${pythonString(c.topic.value)}: (\n        ${c.required ? "True" : "False"},\n        ${validator},\n    ),`;
  });
  const annotation = pySubscript("dict", [pyAtom("str"), pySubscript("tuple", [pyAtom("bool"), pySubscript("Optional", [pyAtom("_Validator")])])]);
  tables.push([pyAnnotatedHead(table, annotation, " = {"), ...entries, "}", `"""Per topic of a \`\`${k.kind.name}\`\` message: payload required, and its validator."""`]);
  lines.push(...call("    ", `selected = ${table}.get`, ["topic"]), "    if selected is None:");
  if (path.length > 0) lines.push(...call("        ", "_unknown_topic", ["errors", `(${path.map(pythonString).join(", ")}${path.length === 1 ? "," : ""})`, "topic"]));
  lines.push("        return None");
  if (payloadKey !== undefined && k.when.length > 0) lines.push(...call("    ", `_${stem}_payload`, ["m", "*selected", "errors"]));
  else if (payloadKey !== undefined) lines.push(...call("    ", "_payload", ["m", pythonString(payloadKey), "*selected", "errors"]));
  lines.push("    return topic");
  return lines;
}

/** The payload of a kind with `when:` rules: the first matching rule's record, else the topic's. */
function whenPayload(k: KindPlan, key: string, py: Names["python"], imports: Set<string>, stems: ReadonlyMap<KindPlan, string>): string[] {
  const lines = [
    `def _${stems.get(k) ?? ""}_payload(`,
    "    m: dict[str, object],",
    "    required: bool,",
    "    validate: Optional[_Validator],",
    "    errors: list[MessageIssue],",
    ") -> None:",
    `    """The payload of a \`\`${k.kind.name}\`\` message: a \`\`when:\`\` rule's record, else its topic's."""`,
  ];
  k.when.forEach((w, i) => {
    const read = w.path.length === 1 ? `m.get(${pythonString(w.path[0] ?? "")})` : `_read_path(m, (${w.path.map(pythonString).join(", ")}))`;
    const test = typeof w.value === "boolean" ? `${read} is ${w.value ? "True" : "False"}` : typeof w.value === "number" ? `_as_number(${read}) == ${String(w.value)}` : `${read} == ${pythonString(w.value)}`;
    const validator = py.validator(w.record);
    imports.add(validator);
    lines.push(`    ${i === 0 ? "if" : "elif"} ${test}:`, ...call("        ", "_payload", ["m", pythonString(key), w.required ? "True" : "False", validator, "errors"]));
  });
  lines.push("    else:", ...call("        ", "_payload", ["m", pythonString(key), "required", "validate", "errors"]));
  return lines;
}

/**
 * The helpers the printed code calls, and those they call: the module's own (RUNTIME) and the
 * messages runtime's chunks (../chunks.ts), so both modules share one text of each helper. The
 * runtime's type aliases come first: function annotations name them when they are defined.
 */
function usedHelpers(body: string): { text: string; names: ReadonlySet<string> } {
  const own: Chunk[] = RUNTIME_CHUNKS.map((text) => ({
    text,
    name: /^(?:def|class) (\w+)|^(\w+) =/.exec(text)?.slice(1).find((x) => x !== undefined) ?? "",
    uses: [],
  }));
  const ownNames = new Set(own.map((c) => c.name));
  const candidates = [...ownNames, ...SHARED, ...STDLIB.flatMap(([module, names]) => (names.length === 0 ? [module] : names))];
  const mentions = (text: string): string[] => candidates.filter((name) => new RegExp(`(?<![\\w.])${name}\\b`).test(text));
  const linked = own.map((c) => ({ ...c, uses: mentions(c.text).filter((x) => x !== c.name) }));
  const others = (table: readonly Chunk[]) => table.filter((c) => !ownNames.has(c.name));
  const roots = mentions(body).filter((name) => ownNames.has(name) || SHARED.includes(name));
  const { chunks, names } = reachable([...others(CORE_TYPES), ...linked, ...others(CORE_FUNCTIONS)], roots);
  return { text: topLevel(chunks).trimEnd(), names };
}

/** The messages runtime's helpers the envelope's code calls by name. */
const SHARED = ["_describe", "_quote", "_as_number", "_Path", "_check_range", "_check_text", "_check_count"];


const RUNTIME = `def _failed(
    path: tuple[str, ...], code: MessageIssueCode, message: str
) -> MessageResult:
    return MessageResult(None, None, [MessageIssue(path, code, message)])


def _present(m: dict[str, object], errors: list[MessageIssue], key: str) -> None:
    if key not in m:
        _missing(errors, key)


class _Test(NamedTuple):
    """What a field's value must be: a predicate, its words, an enum's values."""

    accepts: Callable[[object], bool]
    expected: str
    values: tuple[str, ...] = ()


def _field(
    m: dict[str, object],
    errors: list[MessageIssue],
    key: str,
    required: bool,
    test: _Test,
) -> None:
    if key not in m:
        if required:
            _missing(errors, key)
    elif not test.accepts(m[key]):
        _wrong(errors, key, test.expected, m[key])
    elif test.values and m[key] not in test.values:
        _not_in_enum(errors, key, test.expected, m[key])


def _constrain(
    m: dict[str, object],
    errors: list[MessageIssue],
    key: str,
    test: _Test,
    check: Callable[[object, _Path], list[ValidationIssue]],
) -> None:
    """A field's constraints, once its value has passed the field's test."""
    if key in m and test.accepts(m[key]):
        for issue in check(m[key], (key,)):
            errors.append(MessageIssue(issue.path, issue.code, issue.message))


def _record_field(
    m: dict[str, object],
    errors: list[MessageIssue],
    key: str,
    required: bool,
    validate: _Validator,
) -> None:
    if key not in m:
        if required:
            _missing(errors, key)
    else:
        _nest(errors, key, validate(m[key]))


def _missing(errors: list[MessageIssue], key: str) -> None:
    message = f"missing required key {_quote(key)}"
    errors.append(MessageIssue((key,), "missing_key", message))


def _wrong(errors: list[MessageIssue], key: str, expected: str, value: object) -> None:
    message = f"expected {expected}, got {_describe(value)}"
    errors.append(MessageIssue((key,), "wrong_type", message))


def _not_in_enum(
    errors: list[MessageIssue], key: str, expected: str, value: object
) -> None:
    message = f"expected {expected}, got {_quote(str(value))}"
    errors.append(MessageIssue((key,), "not_in_enum", message))


def _unknown_topic(
    errors: list[MessageIssue], path: tuple[str, ...], topic: str
) -> None:
    message = f"unknown topic {_quote(topic)}"
    errors.append(MessageIssue(path, "unknown_topic", message))


def _nest(errors: list[MessageIssue], key: str, issues: list[ValidationIssue]) -> None:
    for issue in issues:
        errors.append(MessageIssue((key, *issue.path), issue.code, issue.message))


def _payload(
    m: dict[str, object],
    key: str,
    required: bool,
    validate: Optional[_Validator],
    errors: list[MessageIssue],
) -> None:
    if key not in m:
        if required:
            _missing(errors, key)
    elif validate is not None:
        _nest(errors, key, validate(m[key]))


def _read_path(m: dict[str, object], path: tuple[str, ...]) -> object:
    value: object = m.get(path[0])
    for key in path[1:]:
        if not isinstance(value, dict):
            return None
        value = cast("dict[str, object]", value).get(key)
    return value


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_none(value: object) -> bool:
    return value is None


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def _is_list(value: object) -> bool:
    return isinstance(value, list)


def _is_int(value: object) -> bool:
    number = _as_number(value)
    return number is not None and math.isfinite(number) and number.is_integer()


def _is_number(value: object) -> bool:
    number = _as_number(value)
    return number is not None and math.isfinite(number)`;

/** Whether a type's text holds a comma outside brackets and string literals. */
function topLevelComma(text: string): boolean {
  return scanCode(text, (_, c, depth) => c === "," && depth === 0) !== -1;
}

/** RUNTIME's helpers, each fixed code (../fixed-code.ts). */
const RUNTIME_CHUNKS: readonly string[] = RUNTIME.split("\n\n\n").map((text) => fixedPython(`${text.trimEnd()}\n`));

/** Every private name the runtime code holds (and some it only mentions): no name made from the spec may take one. */
const RUNTIME_IDENTIFIERS: readonly string[] = [RUNTIME, ...CORE_FUNCTIONS.map((c) => c.text), ...CORE_TYPES.map((c) => c.text)].flatMap((text) =>
  [...text.matchAll(/\b_\w+/g)].map((m) => m[0]),
);

/** The module's result types, validate_message's fixed start and end, and the payload helpers' types: fixed code. */
const ISSUE_CODE = fixedPython(`MessageIssueCode = Union[IssueCode, Literal["unknown_tag", "unknown_kind"]]
"""What went wrong with a message: a payload's issue codes and the envelope's own."""
`);

const ISSUE = fixedPython(`class MessageIssue(NamedTuple):
    """One problem with a message: where (keys, indices from the top), what, and why."""

    path: tuple[Union[str, int], ...]
    code: MessageIssueCode
    message: str
`);

const RESULT = fixedPython(`class MessageResult(NamedTuple):
    """The valid message's kind and topic (None when it names none), or every issue."""

    kind: Optional[MessageKind]
    topic: Optional[str]
    errors: list[MessageIssue]

    @property
    def ok(self) -> bool:
        """True when the message is valid."""
        return not self.errors
`);

const VALIDATE_START = fixedPython(`def validate_message(value: object, request: Optional[str] = None) -> MessageResult:
    """Validate a whole message: the envelope, its kind's fields, then the payload.

    \`\`request\`\` is the topic of the request a reply answers, for kinds whose messages
    name no topic (the conversation checker passes it). Never raises.
    """
    if not isinstance(value, dict):
        message = f"expected an object, got {_describe(value)}"
        return _failed((), "not_object", message)
    m = cast("dict[str, object]", value)
    errors: list[MessageIssue] = []
    kind: MessageKind
`);

const VALIDATE_END = fixedPythonBody(`    if errors:
        return MessageResult(None, None, errors)
    return MessageResult(kind, topic, [])
`);

const VALIDATOR = fixedPython(`_Validator = Callable[[object], list[ValidationIssue]]
`);

const OR_NONE = fixedPython(`def _or_none(validate: _Validator) -> _Validator:
    """A payload validator that also accepts null (a payload declared \`\`nullable: true\`\`)."""
    return lambda value: [] if value is None else validate(value)
`);
