/**
 * `envelope.ts`: whole messages — a type per kind and topic (`InitializeRequest`), a union per
 * kind (`RequestMessage<T>`), `Message<T>` by topic, and `validateMessage`, straight-line code
 * that checks the envelope, selects the kind and the topic, then calls the payload's validator
 * from messages.ts. Printed from the plan both runtimes share (emit/envelope-plan.ts).
 */
import type { GeneratedFile, Protocol, StringFormat, ValueType } from "../../model.js";
import type { Names } from "../../names/index.js";
import { kindByTopicName, kindTypeName, messageTypeName } from "../../names/envelope.js";
import { reachable, type Chunk } from "../chunks.js";
import { constraintWords, envelopePlan, expectedWords, type FieldCheck, type KindPlan, type Test } from "../envelope-plan.js";
import { fixedTypeScript, laidOut } from "../fixed-code.js";
import { headerComment } from "../header.js";
import { tsLineComment } from "./defs-syntax.js";
import { jsDoc, propertyName, str } from "./messages-layout.js";
import { CORE } from "./messages-runtime.js";
import { fitsTypeScript } from "../text.js";


export function emitTypeScriptEnvelope(protocol: Protocol, names: Names): GeneratedFile[] {
  const dir = protocol.outputs.typescript?.dir;
  const plan = envelopePlan(protocol);
  if (dir === undefined || plan === undefined) return [];
  const ts = names.typescript;
  const typeImports = new Set<string>();
  const valueImports = new Set<string>();
  const defsImports = new Set<string>();
  const typeOf = (t: ValueType): string => {
    switch (t.kind) {
      case "scalar":
        return t.name === "string" ? "string" : t.name === "bool" ? "boolean" : t.name === "int" || t.name === "float" ? "number" : "unknown";
      case "literal":
        return typeof t.value === "string" ? str(t.value) : String(t.value);
      case "enum":
        defsImports.add(t.enum.name);
        return t.enum.name;
      case "record":
        typeImports.add(ts.type(t.record));
        return ts.type(t.record);
      case "nullable":
        return `${typeOf(t.of)} | null`;
      case "oneOf":
        return t.of.map(typeOf).join(" | ");
      case "list":
        return `readonly ${typeOf(t.of)}[]`;
      case "map":
        return `Readonly<Record<string, ${typeOf(t.of)}>>`;
      default:
        return "unknown";
    }
  };
  const env = plan.envelope;
  const out: string[] = [];

  // Types: one interface per kind and topic, the kind's union, Message<T>.
  const byTopic = new Map<string, string[]>();
  const anyMessages: string[] = [];
  for (const k of plan.kinds) {
    const kind = k.kind;
    /** The properties of one message type; `pins` fix the type at a path (the topic's value, a when-rule's value). */
    const props = (topicType: string | undefined, payloadType: string | undefined, payloadRequired: boolean, pins: readonly Pin[] = []): string[] => {
      const lines: string[] = [];
      const all: Pin[] = [...(topicType === undefined || k.topicPath.length === 0 ? [] : [{ keys: k.topicPath, type: topicType }]), ...pins];
      const push = (key: string, type: string, optional: boolean) => lines.push(`  readonly ${propertyName(key)}${optional ? "?" : ""}: ${type};`);
      const pinned = (key: string, type: ValueType): string => {
        const here = all.filter((p) => p.keys[0] === key);
        const whole = here.find((p) => p.keys.length === 1);
        if (whole !== undefined) return whole.type;
        return [typeOf(type), ...here.map((p) => nested(p.keys.slice(1), p.type))].join(" & ");
      };
      for (const f of env.fields) push(f.key.value, pinned(f.key.value, f.type), !f.required);
      if (env.tag !== undefined && kind.value !== undefined) push(env.tag.key, str(kind.value), false);
      for (const f of kind.fields) push(f.key.value, pinned(f.key.value, f.type), !f.required);
      if (kind.payload !== undefined) push(kind.payload.key, payloadType ?? "unknown", !payloadRequired);
      return lines;
    };
    // A when-rule's message: the kind's fields, the rule's value pinned, its record as the payload.
    const whenTypes = (generic: string | undefined): string[] =>
      k.when.map((w) => {
        const record = ts.type(w.record);
        typeImports.add(record);
        const value = typeof w.value === "string" ? str(w.value) : String(w.value);
        out.push(jsDoc([`A \`${kind.name}\` message whose \`${w.path.join(".")}\` is ${value}: its payload is ${record}.`, ...(w.rule.doc === undefined ? [] : [w.rule.doc.split("\n")[0] ?? ""])], ""));
        const head = generic === undefined ? `export interface ${w.typeName} {` : `export interface ${w.typeName}<\n  T extends keyof ${generic} = keyof ${generic},\n> {`;
        const oneLine = generic === undefined ? head : `export interface ${w.typeName}<T extends keyof ${generic} = keyof ${generic}> {`;
        out.push(`${fitsTypeScript(oneLine) ? oneLine : head}\n${props(generic === undefined ? undefined : "T", record, w.required, [{ keys: w.path, type: value }]).join("\n")}\n}\n\n`);
        return w.typeName;
      });
    if (k.topics.length === 0) {
      out.push(jsDoc([`A message of kind \`${kind.name}\`.${kind.doc === undefined ? "" : ` ${kind.doc.split("\n")[0]}`}`], ""));
      out.push(`export interface ${kindTypeName(kind)} {\n${props(undefined, undefined, kind.payload?.required ?? false).join("\n")}\n}\n\n`);
      anyMessages.push(kindTypeName(kind), ...whenTypes(undefined));
      continue;
    }
    const entries: string[] = [];
    for (const c of k.topics) {
      const name = messageTypeName(kind, c.topic);
      const shapeType = c.shape === undefined ? undefined : ts.type(c.shape);
      if (shapeType !== undefined) typeImports.add(shapeType);
      const payloadType = shapeType === undefined ? undefined : c.nullable ? `${shapeType} | null` : shapeType;
      out.push(jsDoc([`The \`${kind.name}\` message of \`${c.topic.value}\`.`], ""));
      out.push(`export interface ${name} {\n${props(str(c.topic.value), payloadType, c.required).join("\n")}\n}\n\n`);
      entries.push(`  readonly ${propertyName(c.topic.value)}: ${name};`);
      const list = byTopic.get(c.topic.value) ?? [];
      list.push(name);
      byTopic.set(c.topic.value, list);
    }
    const map = kindByTopicName(kind);
    out.push(jsDoc([`The \`${kind.name}\` message of each topic, by wire value.`], ""));
    out.push(`export interface ${map} {\n${entries.join("\n")}\n}\n\n`);
    const generic = k.topicPath.length > 0 ? map : undefined;
    const whens = whenTypes(generic);
    for (const c of k.topics) byTopic.get(c.topic.value)?.push(...whens.map((w) => (generic === undefined ? w : `${w}<${str(c.topic.value)}>`)));
    out.push(jsDoc([`A message of kind \`${kind.name}\`: of topic \`T\`, or of any of its topics.`], ""));
    out.push(genericAlias(kindTypeName(kind), map, whens.map((w) => (generic === undefined ? w : `${w}<T>`))));
    anyMessages.push(kindTypeName(kind));
  }
  out.push(jsDoc(["Every message of each topic, by wire value (all its kinds)."], ""));
  const topicEntries = [...byTopic].map(([topic, types]) => unionProperty(topic, types));
  out.push(`export interface MessageByTopic {\n${topicEntries.join("\n")}\n}\n\n`);
  out.push(jsDoc(["A message of topic `T`, or of any topic."], ""));
  out.push(genericAlias("Message", "MessageByTopic"));
  out.push(jsDoc(["Any message of the protocol, of every kind."], ""));
  out.push(unionAlias("AnyMessage", anyMessages));
  out.push(jsDoc(["The kinds of message."], ""));
  out.push(unionAlias("MessageKind", plan.kinds.map((k) => str(k.kind.name))));

  // Issues and results.
  out.push(jsDoc(["What went wrong with a message: a payload's issue codes and the envelope's own."], ""));
  out.push(`export type MessageIssueCode = IssueCode | "unknown_tag" | "unknown_kind";\n\n`);
  out.push(jsDoc(["One problem with a message: where (keys and indices from the top), what, and why."], ""));
  out.push("export interface MessageIssue {\n  readonly path: readonly (string | number)[];\n  readonly code: MessageIssueCode;\n  readonly message: string;\n}\n\n");
  out.push(jsDoc(["The valid message with its kind and topic (undefined when it names none), or every issue."], ""));
  out.push(
    "export type MessageResult =\n  | {\n      readonly ok: true;\n      readonly kind: MessageKind;\n      readonly topic: string | undefined;\n      readonly value: AnyMessage;\n    }\n  | { readonly ok: false; readonly errors: readonly MessageIssue[] };\n\n",
  );
  typeImports.add("IssueCode");
  typeImports.add("ValidationResult");

  // validateMessage.
  out.push(
    jsDoc(
      [
        "Validates a whole message: the envelope, then its kind's fields, then the payload the topic",
        "selects. `request` is the topic of the request a reply answers, for kinds whose messages",
        "name no topic (the conversation checker passes it). Never throws.",
      ],
      "",
    ),
  );
  out.push(`${signature("export function validateMessage", ["value: unknown", "request?: string"], ": MessageResult {")}\n`);
  out.push("  if (!isObject(value)) {\n    const message = `expected an object, got ${describe(value)}`;\n    return failed([], \"not_object\", message);\n  }\n");
  out.push("  const errors: MessageIssue[] = [];\n  let kind: MessageKind;\n  let topic: string | undefined;\n");
  if (env.tag !== undefined) {
    const tag = str(env.tag.key);
    const values = plan.kinds.map((k) => k.kind.value ?? k.kind.name);
    out.push(`  if (!hasOwn(value, ${tag})) {\n    return failed([${tag}], "missing_key", ${str(`missing required key ${JSON.stringify(env.tag.key)}`)});\n  }\n`);
    out.push(`  const tag = value[${tag}];\n  switch (tag) {\n`);
    for (const k of plan.kinds) {
      out.push(`    case ${str(k.kind.value ?? k.kind.name)}:\n      kind = ${str(k.kind.name)};\n      topic = ${checkName(k)}(value, errors, request);\n      break;\n`);
    }
    out.push("    default: {\n");
    out.push(`      if (typeof tag !== "string") {\n        const message = \`expected a string, got \${describe(tag)}\`;\n        return failed([${tag}], "wrong_type", message);\n      }\n`);
    const expected = values.map((v) => JSON.stringify(v)).join(", ");
    out.push(`${constString("      ", "expected", str(expected))}      const message = \`unknown tag \${quote(tag)}, expected one of \${expected}\`;\n      return failed([${tag}], "unknown_tag", message);\n    }\n  }\n`);
  } else if (plan.kinds.length === 1 && plan.kinds[0] !== undefined) {
    const k = plan.kinds[0];
    out.push(`  kind = ${str(k.kind.name)};\n  topic = ${checkName(k)}(value, errors, request);\n`);
  } else {
    plan.kinds.forEach((k, i) => {
      const conds = [...k.requires.map((key) => `hasOwn(value, ${str(key)})`), ...k.excludes.map((key) => `!hasOwn(value, ${str(key)})`)];
      const cond = conds.length === 0 ? "true" : conds.join(" &&\n    ");
      const head = i === 0 ? "  if (" : " else if (";
      // On one line when it fits 80 columns (as prettier prints it; an `else if` line starts with `  }`).
      const line = `${conds.length === 0 ? "true" : conds.join(" && ")}) {`;
      const fits = fitsTypeScript(`${i === 0 ? "" : "  }"}${head}${line}`);
      const wrapped = conds.length > 1 && !fits ? `${head}\n    ${cond}\n  ) {\n` : `${head}${line}\n`;
      out.push(`${wrapped}    kind = ${str(k.kind.name)};\n    topic = ${checkName(k)}(value, errors, request);\n  }`);
    });
    const expected = plan.kinds.map((k) => JSON.stringify(k.kind.name)).join(", ");
    out.push(` else {\n${constString("    ", "message", str(`no kind of message matches: expected one of ${expected}`))}    return failed([], "unknown_kind", message);\n  }\n`);

  }
  const ok = "{ ok: true, kind, topic, value: value as unknown as AnyMessage }";
  const flatReturn = `  return errors.length === 0 ? ${ok} : { ok: false, errors };`;
  out.push(`${fitsTypeScript(flatReturn) ? flatReturn : `  return errors.length === 0\n    ? ${ok}\n    : { ok: false, errors };`}\n}\n\n`);
  out.push(jsDoc(["True when `value` is a valid message."], ""));
  out.push("export function isMessage(value: unknown): value is AnyMessage {\n  return validateMessage(value).ok;\n}\n\n");

  const unions = new Map<string, Test>();
  const checks = new Map<string, string>();
  for (const k of plan.kinds) out.push(kindChecker(k, ts, valueImports, unions, checks));
  for (const [name, test] of unions) if (test.kind === "oneOf") out.push(unionHelper(name, test));
  out.push(...checks.values());
  const runtime = usedHelpers(out.join(""));
  out.push(runtime.text);
  if (runtime.names.has("ValidationIssue")) typeImports.add("ValidationIssue");

  const imports: string[] = [];
  const messagesNames = [...[...typeImports].sort().map((n) => `type ${n}`), ...[...valueImports].sort()];
  if (defsImports.size > 0) imports.push(importLine([...defsImports].sort().map((n) => `type ${n}`), "./defs.js"));
  imports.push(importLine(messagesNames, "./messages.js"));
  const text = [
    headerComment(protocol, tsLineComment),
    "\n",
    jsDoc(
      [
        `Whole messages of the ${protocol.name} protocol: a type per kind and topic, and`,
        "`validateMessage`, which checks the envelope, selects the kind and the topic, then",
        "validates the payload that topic selects, identically to the Python module.",
      ],
      "",
    ),
    imports.join(""),
    "\n",
    out.join("").replace(/\n+$/, "\n"),
  ].join("");
  return [{ path: `${dir}/envelope.ts`, text }];
}

function checkName(k: KindPlan): string {
  return `check${k.kind.name.charAt(0).toUpperCase()}${k.kind.name.slice(1)}`;
}

function importLine(names: readonly string[], from: string): string {
  const one = `import { ${names.join(", ")} } from ${str(from)};\n`;
  return fitsTypeScript(one.slice(0, -1)) ? one : `import {\n${names.map((n) => `  ${n},\n`).join("")}} from ${str(from)};\n`;
}

/** A type fixed at a path of keys (`command: "threads"`, `success: false`). */
interface Pin {
  readonly keys: readonly string[];
  readonly type: string;
}

/** `{ readonly a: { readonly b: T } }` for the keys `a.b`. */
function nested(keys: readonly string[], type: string): string {
  const [first, ...rest] = keys;
  return first === undefined ? type : `{ readonly ${propertyName(first)}: ${nested(rest, type)} }`;
}

function genericAlias(name: string, map: string, more: readonly string[] = []): string {
  const head = `export type ${name}<T extends keyof ${map} = keyof ${map}> =`;
  const members = [`${map}[T]`, ...more];
  const body = members.join(" | ");
  if (fitsTypeScript(`${head} ${body};`)) return `${head} ${body};\n\n`;
  const broken = fitsTypeScript(`  ${body};`) ? `\n  ${body};` : `\n${members.map((m) => `  | ${m}`).join("\n")};`;
  if (fitsTypeScript(head)) return `${head}${broken}\n\n`;
  const tail = fitsTypeScript(`> = ${body};`) ? ` ${body};` : `\n${members.map((m) => `  | ${m}`).join("\n")};`;
  return `export type ${name}<\n  T extends keyof ${map} = keyof ${map},\n> =${tail}\n\n`;
}

function unionAlias(name: string, members: readonly string[]): string {
  const one = `export type ${name} = ${members.join(" | ")};`;
  if (fitsTypeScript(one)) return `${one}\n\n`;
  if (fitsTypeScript(`  ${members.join(" | ")};`)) return `export type ${name} =\n  ${members.join(" | ")};\n\n`;
  return `export type ${name} =\n${members.map((m) => `  | ${m}`).join("\n")};\n\n`;
}

/** A property whose type is a union, broken as prettier breaks it. */
/** A function head on one line when it fits, else one parameter a line with a trailing comma, as prettier breaks it. */
function signature(head: string, params: readonly string[], tail: string): string {
  const one = `${head}(${params.join(", ")})${tail}`;
  return fitsTypeScript(one) ? one : `${head}(\n${params.map((p) => `  ${p},`).join("\n")}\n)${tail}`;
}

function unionProperty(key: string, members: readonly string[]): string {
  const head = `  readonly ${propertyName(key)}:`;
  const joined = members.join(" | ");
  // One member has nowhere to break: prettier keeps it on the key's line, however long.
  if (members.length === 1 || fitsTypeScript(`${head} ${joined};`)) return `${head} ${joined};`;
  if (fitsTypeScript(`    ${joined};`)) return `${head}\n    ${joined};`;
  return `${head}\n${members.map((m) => `    | ${m}`).join("\n")};`;
}

/** `const name = "literal";` at `indent`, the literal on its own line when it does not fit. */
function constString(indent: string, name: string, literal: string): string {
  const one = `${indent}const ${name} = ${literal};`;
  return fitsTypeScript(one) ? `${one}\n` : `${indent}const ${name} =\n${indent}  ${literal};\n`;
}

/** True when `v` fails the test: one short expression (a union gets a helper of its own). */
function mismatch(test: Test, v: string, unions: Map<string, Test>): string {
  switch (test.kind) {
    case "any":
      return "false";
    case "string":
      return `typeof ${v} !== "string"`;
    case "bool":
      return `typeof ${v} !== "boolean"`;
    case "int":
      return `!isInt(${v})`;
    case "float":
      return `!isFiniteNumber(${v})`;
    case "null":
      return `${v} !== null`;
    case "object":
      return `!isObject(${v})`;
    case "array":
      return `!Array.isArray(${v})`;
    case "literal":
      return `${v} !== ${typeof test.value === "string" ? str(test.value) : String(test.value)}`;
    case "enum":
      return `!isOneOf(${v}, ${enumList(test.values)})`;
    case "oneOf": {
      const name = unionHelperName(test);
      unions.set(name, test);
      return `!${name}(${v})`;
    }
  }
}

function enumList(values: readonly string[]): string {
  return `[${values.map(str).join(", ")}]`;
}

/** `isIntOrStringOrNull`: the helper testing a union's members. */
function unionHelperName(test: Test & { kind: "oneOf" }): string {
  const word = (t: Test): string => {
    if (t.kind === "literal") return `Literal${String(t.value).replace(/[^A-Za-z0-9]/g, "")}`;
    if (t.kind === "oneOf") return t.of.map(word).join("Or");
    return t.kind.charAt(0).toUpperCase() + t.kind.slice(1);
  };
  return `is${test.of.map(word).join("Or")}`;
}

/** The boolean test itself (inside a union helper). */
function accepts(test: Test, v: string): string {
  switch (test.kind) {
    case "any":
      return "true";
    case "string":
      return `typeof ${v} === "string"`;
    case "bool":
      return `typeof ${v} === "boolean"`;
    case "int":
      return `isInt(${v})`;
    case "float":
      return `isFiniteNumber(${v})`;
    case "null":
      return `${v} === null`;
    case "object":
      return `isObject(${v})`;
    case "array":
      return `Array.isArray(${v})`;
    case "literal":
      return `${v} === ${typeof test.value === "string" ? str(test.value) : String(test.value)}`;
    case "enum":
      return `isOneOf(${v}, ${enumList(test.values)})`;
    case "oneOf":
      return test.of.map((t) => accepts(t, v)).join(" || ");
  }
}

function unionHelper(name: string, test: Test & { kind: "oneOf" }): string {
  const parts = test.of.map((t) => accepts(t, "value"));
  const joined = parts.join(" || ");
  const head = `function ${name}(value: unknown): boolean {\n`;
  if (fitsTypeScript(`  return ${joined};`)) return `${head}  return ${joined};\n}\n\n`;
  if (fitsTypeScript(`    ${joined}`)) return `${head}  return (\n    ${joined}\n  );\n}\n\n`;
  return `${head}  return (\n${parts.map((p, i) => `    ${p}${i < parts.length - 1 ? " ||" : ""}`).join("\n")}\n  );\n}\n\n`;
}

function fieldLines(f: FieldCheck, ts: Names["typescript"], valueImports: Set<string>, unions: Map<string, Test>, checks: Map<string, string>): string[] {
  const key = str(f.key);
  const v = `m[${key}]`;
  const lines: string[] = [];
  if (f.record !== undefined) {
    const validator = ts.validator(f.record);
    valueImports.add(validator);
    if (f.required) lines.push(`  if (!hasOwn(m, ${key})) {`, `    missing(errors, ${key});`, "  } else {", `    nest(errors, ${key}, ${validator}(${v}));`, "  }");
    else lines.push(`  if (hasOwn(m, ${key})) nest(errors, ${key}, ${validator}(${v}));`);
    return lines;
  }
  const test = f.test;
  if (test === undefined || test.kind === "any") {
    if (f.required) lines.push(`  if (!hasOwn(m, ${key})) missing(errors, ${key});`);
    return lines;
  }
  const enumTest = test.kind === "enum" ? test : undefined;
  const typeTest = enumTest === undefined ? mismatch(test, v, unions) : `typeof ${v} !== "string"`;
  const expected = str(expectedWords(test));
  if (f.required) lines.push(`  if (!hasOwn(m, ${key})) {`, `    missing(errors, ${key});`, `  } else if (${typeTest}) {`);
  else lines.push(`  if (hasOwn(m, ${key}) && ${typeTest}) {`);
  lines.push(`    wrong(errors, ${key}, ${expected}, ${v});`);
  if (enumTest !== undefined) lines.push(`  } else if (${mismatch(enumTest, v, unions)}) {`, `    notInEnum(errors, ${key}, ${expected}, ${v});`);
  if (f.constraints !== undefined) {
    const checker = constraintChecker(f.constraints, checks);
    const push = `    errors.push(...${checker}(${v}, [${key}]));`;
    const inner = `      ...${checker}(${v}, [${key}]),`;
    const pushed = fitsTypeScript(push) ? [push] : fitsTypeScript(inner) ? ["    errors.push(", inner, "    );"] : ["    errors.push(", `      ...${checker}(${v}, [`, `        ${key},`, "      ]),", "    );"];
    lines.push(f.required ? "  } else {" : `  } else if (hasOwn(m, ${key})) {`, ...pushed);
  }
  lines.push("  }");
  return lines;
}

/**
 * The function checking one set of constraints, printed once per set: the issues of a value
 * that passed its field's test (null passes by), in the payload validators' codes and words.
 */
function constraintChecker(f: NonNullable<FieldCheck["constraints"]>, checks: Map<string, string>): string {
  const name = `check${constraintWords(f).split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("")}`;
  if (checks.has(name)) return name;
  const c = f.c;
  const when = (cond: string, call: string): string[] => [`    if (${cond}) {`, `      ${call};`, "    }"];
  const body: string[] = [];
  if (f.on === "number") {
    if (c.minimum !== undefined) body.push(...when(`value < ${String(c.minimum)}`, `outOfRange(issues, path, ${str(`at least ${String(c.minimum)}`)}, value)`));
    if (c.maximum !== undefined) body.push(...when(`value > ${String(c.maximum)}`, `outOfRange(issues, path, ${str(`at most ${String(c.maximum)}`)}, value)`));
  } else if (f.on === "string") {
    if (c.minLength !== undefined) body.push(...when(`value.length < ${String(c.minLength)}`, `tooShort(issues, path, ${String(c.minLength)}, value.length, "characters")`));
    if (c.format !== undefined) body.push(...when(`!${FORMAT_GUARDS[c.format]}(value)`, `badFormat(issues, path, ${str(c.format)}, value)`));
  } else if (c.minItems !== undefined) {
    body.push(...when(`value.length < ${String(c.minItems)}`, `tooShort(issues, path, ${String(c.minItems)}, value.length, "items")`));
  }
  const guard = f.on === "list" ? "Array.isArray(value)" : `typeof value === ${str(f.on)}`;
  const head = `function ${name}(value: unknown, path: Path): ValidationIssue[] {`;
  const lines = [
    ...(fitsTypeScript(head) ? [head] : [`function ${name}(`, "  value: unknown,", "  path: Path,", "): ValidationIssue[] {"]),
    "  const issues: ValidationIssue[] = [];",
    `  if (${guard}) {`,
    ...body,
    "  }",
    "  return issues;",
    "}",
    "",
    "",
  ];
  checks.set(name, lines.join("\n"));
  return name;
}

const FORMAT_GUARDS: { readonly [F in StringFormat]: string } = { "date-time": "isDateTime", date: "isDate", uuid: "isUuid", uri: "isUri" };

function kindChecker(k: KindPlan, ts: Names["typescript"], valueImports: Set<string>, unions: Map<string, Test>, checks: Map<string, string>): string {
  const lines: string[] = [];
  lines.push(`/** The fields and payload of a \`${k.kind.name}\` message; its topic, when it names a known one. */`);
  lines.push(...signature(`function ${checkName(k)}`, ["m: JsonObject", "errors: MessageIssue[]", "request: string | undefined"], ": string | undefined {").split("\n"));
  for (const f of k.fields) lines.push(...fieldLines(f, ts, valueImports, unions, checks));
  const path = k.topicPath;
  if (path.length === 0) lines.push("  const topic = request;");
  else if (path.length === 1) lines.push(`  const topic = m[${str(path[0] ?? "")}];`);
  else lines.push(`  const topic = readPath(m, [${path.map(str).join(", ")}]);`);
  if (path.length > 0) lines.push("  void request;");
  lines.push('  if (typeof topic !== "string") return undefined;', "  switch (topic) {");
  const payloadKey = k.kind.payload?.key;
  for (const c of k.topics) {
    lines.push(`    case ${str(c.topic.value)}:`);
    if (payloadKey !== undefined) {
      const named = c.shape === undefined ? "undefined" : ts.validator(c.shape);
      if (c.shape !== undefined) valueImports.add(named);
      const validator = c.nullable && c.shape !== undefined ? `orNull(${named})` : named;
      const args = k.when.length > 0 ? ["m", String(c.required), validator, "errors"] : ["m", str(payloadKey), String(c.required), validator, "errors"];
      const callee = k.when.length > 0 ? whenPayloadName(k) : "payload";
      const one = `      ${callee}(${args.join(", ")});`;
      if (fitsTypeScript(one)) lines.push(one);
      else lines.push(`      ${callee}(`, ...args.map((a) => `        ${a},`), "      );");
    }
    lines.push("      return topic;");
  }
  lines.push("    default:");
  if (path.length === 0) lines.push("      return undefined;");
  else {
    lines.push(`      unknownTopic(errors, [${path.map(str).join(", ")}], topic);`, "      return undefined;");
  }
  lines.push("  }", "}", "", "");
  if (k.when.length > 0 && payloadKey !== undefined) {
    lines.pop();
    lines.push(...whenPayload(k, payloadKey, ts, valueImports));
  }
  return lines.join("\n");
}

function whenPayloadName(k: KindPlan): string {
  return `${k.kind.name.charAt(0).toLowerCase()}${k.kind.name.slice(1)}Payload`;
}

/** The payload of a kind with `when:` rules: the first matching rule's record, else the topic's. */
function whenPayload(k: KindPlan, key: string, ts: Names["typescript"], valueImports: Set<string>): string[] {
  const lines = [
    `/** The payload of a \`${k.kind.name}\` message: a \`when:\` rule's record, else its topic's. */`,
    `function ${whenPayloadName(k)}(`,
    "  m: JsonObject,",
    "  required: boolean,",
    "  validate: ((value: unknown) => ValidationResult<unknown>) | undefined,",
    "  errors: MessageIssue[],",
    "): void {",
  ];
  k.when.forEach((w, i) => {
    const read = w.path.length === 1 ? `m[${str(w.path[0] ?? "")}]` : `readPath(m, [${w.path.map(str).join(", ")}])`;
    const value = typeof w.value === "string" ? str(w.value) : String(w.value);
    const validator = ts.validator(w.record);
    valueImports.add(validator);
    lines.push(`${i === 0 ? "  if" : "  } else if"} (${read} === ${value}) {`, `    payload(m, ${str(key)}, ${String(w.required)}, ${validator}, errors);`);
  });
  lines.push("  } else {", `    payload(m, ${str(key)}, required, validate, errors);`, "  }", "}", "", "");
  return lines;
}

/**
 * The helpers the printed code calls, and those they call: the module's own (RUNTIME) and the
 * messages runtime's chunks (../chunks.ts), so both modules share one text of each helper.
 */
function usedHelpers(body: string): { text: string; names: ReadonlySet<string> } {
  const own: Chunk[] = RUNTIME_CHUNKS.map((text) => ({ text, name: /^(?:\/\*\*.*\*\/\n)?(?:function|type) (\w+)/.exec(text)?.[1] ?? "", uses: [] }));
  const ownNames = new Set(own.map((c) => c.name));
  const table: Chunk[] = [...own, ...CORE.filter((c) => !ownNames.has(c.name))];
  // The printed code calls the module's own helpers and these of the messages runtime.
  const candidates = [...ownNames, ...SHARED];
  const mentions = (text: string): string[] => candidates.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  const linked: Chunk[] = table.map((c) => (ownNames.has(c.name) ? { ...c, uses: mentions(c.text).filter((n) => n !== c.name) } : c));
  const { chunks, names } = reachable(linked, mentions(body));
  return { text: chunks.map((c) => laidOut("typescript", c.text).trimEnd()).join("\n\n") + "\n", names };
}

/** The messages runtime's helpers the envelope's code calls by name. */
const SHARED = ["hasOwn", "describe", "quote", "isObject", "JsonObject", "Path", "outOfRange", "tooShort", "badFormat", "isDateTime", "isDate", "isUuid", "isUri"];

/** The module's private helpers (the envelope checks call only these), split at blank lines. */
const RUNTIME = `function failed(
  path: readonly (string | number)[],
  code: MessageIssueCode,
  message: string,
): MessageResult {
  return { ok: false, errors: [{ path, code, message }] };
}

function missing(errors: MessageIssue[], key: string): void {
  const message = \`missing required key \${quote(key)}\`;
  errors.push({ path: [key], code: "missing_key", message });
}

function wrong(
  errors: MessageIssue[],
  key: string,
  expected: string,
  value: unknown,
): void {
  const message = \`expected \${expected}, got \${describe(value)}\`;
  errors.push({ path: [key], code: "wrong_type", message });
}

function notInEnum(
  errors: MessageIssue[],
  key: string,
  expected: string,
  value: unknown,
): void {
  const message = \`expected \${expected}, got \${quote(String(value))}\`;
  errors.push({ path: [key], code: "not_in_enum", message });
}

function unknownTopic(
  errors: MessageIssue[],
  path: readonly string[],
  topic: string,
): void {
  const message = \`unknown topic \${quote(topic)}\`;
  errors.push({ path, code: "unknown_topic", message });
}

function nest(
  errors: MessageIssue[],
  key: string,
  result: ValidationResult<unknown>,
): void {
  if (result.ok) return;
  for (const error of result.errors) {
    errors.push({ ...error, path: [key, ...error.path] });
  }
}

function payload(
  m: JsonObject,
  key: string,
  required: boolean,
  validate: ((value: unknown) => ValidationResult<unknown>) | undefined,
  errors: MessageIssue[],
): void {
  if (!hasOwn(m, key)) {
    if (required) missing(errors, key);
  } else if (validate !== undefined) {
    nest(errors, key, validate(m[key]));
  }
}

/** A payload validator that also accepts null (a payload declared \`nullable: true\`). */
function orNull(
  validate: (value: unknown) => ValidationResult<unknown>,
): (value: unknown) => ValidationResult<unknown> {
  return (value) => (value === null ? { ok: true, value } : validate(value));
}

function readPath(m: JsonObject, path: readonly string[]): unknown {
  let value: unknown = m;
  for (const key of path) {
    if (!isObject(value) || !hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function isInt(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value);
}

function isFiniteNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

function isOneOf(value: unknown, values: readonly string[]): boolean {
  return typeof value === "string" && values.includes(value);
}
`;

/** RUNTIME's helpers, each fixed code (../fixed-code.ts). */
const RUNTIME_CHUNKS: readonly string[] = RUNTIME.split("\n\n").map((text) => fixedTypeScript(`${text.trimEnd()}\n`));
