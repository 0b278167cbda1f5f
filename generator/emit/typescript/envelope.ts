/**
 * `envelope.ts`: whole messages — a type per kind and topic (`InitializeRequest`), a union per
 * kind (`RequestMessage<T>`), `Message<T>` by topic, and `validateMessage`, straight-line code
 * that checks the envelope, selects the kind and the topic, then calls the payload's validator
 * from messages.ts. Printed from the plan both runtimes share (emit/envelope-plan.ts).
 */
import type { GeneratedFile, Protocol, ValueType } from "../../model.js";
import type { Names } from "../../names/index.js";
import { kindByTopicName, kindTypeName, messageTypeName } from "../../names/envelope.js";
import { envelopePlan, expectedWords, type FieldCheck, type KindPlan, type Test } from "../envelope-plan.js";
import { fixedTypeScript, laidOut } from "../fixed-code.js";
import { headerComment } from "../header.js";
import { tsLineComment } from "./defs-syntax.js";
import { jsDoc, propertyName, str } from "./messages-layout.js";
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
  for (const k of plan.kinds) {
    const kind = k.kind;
    const props = (topicValue: string | undefined, payloadType: string | undefined, payloadRequired: boolean): string[] => {
      const lines: string[] = [];
      const push = (key: string, type: string, optional: boolean) => lines.push(`  readonly ${propertyName(key)}${optional ? "?" : ""}: ${type};`);
      for (const f of env.fields) push(f.key.value, topicType(f.key.value, f.type, 0), !f.required);
      if (env.tag !== undefined && kind.value !== undefined) push(env.tag.key, str(kind.value), false);
      for (const f of kind.fields) push(f.key.value, topicType(f.key.value, f.type, 0), !f.required);
      if (kind.payload !== undefined) push(kind.payload.key, payloadType ?? "unknown", !payloadRequired);
      return lines;
      function topicType(key: string, type: ValueType, depth: number): string {
        const path = k.topicPath;
        if (topicValue === undefined || path[depth] !== key) return typeOf(type);
        if (depth === path.length - 1) return str(topicValue);
        const next = path[depth + 1] ?? "";
        return `${typeOf(type)} & { readonly ${propertyName(next)}: ${str(topicValue)} }`;
      }
    };
    if (k.topics.length === 0) {
      out.push(jsDoc([`A message of kind \`${kind.name}\`.${kind.doc === undefined ? "" : ` ${kind.doc.split("\n")[0]}`}`], ""));
      out.push(`export interface ${kindTypeName(kind)} {\n${props(undefined, undefined, kind.payload?.required ?? false).join("\n")}\n}\n\n`);
      continue;
    }
    const entries: string[] = [];
    for (const c of k.topics) {
      const name = messageTypeName(kind, c.topic);
      const payloadType = c.shape === undefined ? undefined : ts.type(c.shape);
      if (payloadType !== undefined) typeImports.add(payloadType);
      out.push(jsDoc([`The \`${kind.name}\` message of \`${c.topic.value}\`.`], ""));
      out.push(`export interface ${name} {\n${props(c.topic.value, payloadType, c.required).join("\n")}\n}\n\n`);
      entries.push(`  readonly ${propertyName(c.topic.value)}: ${name};`);
      const list = byTopic.get(c.topic.value) ?? [];
      list.push(name);
      byTopic.set(c.topic.value, list);
    }
    const map = kindByTopicName(kind);
    out.push(jsDoc([`The \`${kind.name}\` message of each topic, by wire value.`], ""));
    out.push(`export interface ${map} {\n${entries.join("\n")}\n}\n\n`);
    out.push(jsDoc([`A message of kind \`${kind.name}\`: of topic \`T\`, or of any of its topics.`], ""));
    out.push(genericAlias(kindTypeName(kind), map));
  }
  out.push(jsDoc(["Every message of each topic, by wire value (all its kinds)."], ""));
  const topicEntries = [...byTopic].map(([topic, types]) => unionProperty(topic, types));
  out.push(`export interface MessageByTopic {\n${topicEntries.join("\n")}\n}\n\n`);
  out.push(jsDoc(["A message of topic `T`, or of any topic."], ""));
  out.push(genericAlias("Message", "MessageByTopic"));
  out.push(jsDoc(["Any message of the protocol, of every kind."], ""));
  out.push(unionAlias("AnyMessage", plan.kinds.map((k) => kindTypeName(k.kind))));
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
  out.push("export function validateMessage(\n  value: unknown,\n  request?: string,\n): MessageResult {\n");
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
      const wrapped = conds.length > 1 ? `${head}\n    ${cond}\n  ) {\n` : `${head}${cond}) {\n`;
      out.push(`${wrapped}    kind = ${str(k.kind.name)};\n    topic = ${checkName(k)}(value, errors, request);\n  }`);
    });
    const expected = plan.kinds.map((k) => JSON.stringify(k.kind.name)).join(", ");
    out.push(` else {\n${constString("    ", "message", str(`no kind of message matches: expected one of ${expected}`))}    return failed([], "unknown_kind", message);\n  }\n`);

  }
  out.push("  return errors.length === 0\n    ? { ok: true, kind, topic, value: value as unknown as AnyMessage }\n    : { ok: false, errors };\n}\n\n");
  out.push(jsDoc(["True when `value` is a valid message."], ""));
  out.push("export function isMessage(value: unknown): value is AnyMessage {\n  return validateMessage(value).ok;\n}\n\n");

  const unions = new Map<string, Test>();
  for (const k of plan.kinds) out.push(kindChecker(k, ts, valueImports, unions));
  for (const [name, test] of unions) if (test.kind === "oneOf") out.push(unionHelper(name, test));
  out.push(usedHelpers(out.join("")));

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

function genericAlias(name: string, map: string): string {
  const head = `export type ${name}<T extends keyof ${map} = keyof ${map}> =`;
  if (fitsTypeScript(`${head} ${map}[T];`)) return `${head} ${map}[T];\n\n`;
  if (fitsTypeScript(head)) return `${head}\n  ${map}[T];\n\n`;
  return `export type ${name}<\n  T extends keyof ${map} = keyof ${map},\n> = ${map}[T];\n\n`;
}

function unionAlias(name: string, members: readonly string[]): string {
  const one = `export type ${name} = ${members.join(" | ")};`;
  if (fitsTypeScript(one)) return `${one}\n\n`;
  if (fitsTypeScript(`  ${members.join(" | ")};`)) return `export type ${name} =\n  ${members.join(" | ")};\n\n`;
  return `export type ${name} =\n${members.map((m) => `  | ${m}`).join("\n")};\n\n`;
}

/** A property whose type is a union, broken as prettier breaks it. */
function unionProperty(key: string, members: readonly string[]): string {
  const head = `  readonly ${propertyName(key)}:`;
  const joined = members.join(" | ");
  if (fitsTypeScript(`${head} ${joined};`)) return `${head} ${joined};`;
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

function fieldLines(f: FieldCheck, ts: Names["typescript"], valueImports: Set<string>, unions: Map<string, Test>): string[] {
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
  lines.push("  }");
  return lines;
}

function kindChecker(k: KindPlan, ts: Names["typescript"], valueImports: Set<string>, unions: Map<string, Test>): string {
  const lines: string[] = [];
  lines.push(`/** The fields and payload of a \`${k.kind.name}\` message; its topic, when it names a known one. */`);
  lines.push(`function ${checkName(k)}(`, "  m: JsonObject,", "  errors: MessageIssue[],", "  request: string | undefined,", "): string | undefined {");
  for (const f of k.fields) lines.push(...fieldLines(f, ts, valueImports, unions));
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
      const validator = c.shape === undefined ? "undefined" : ts.validator(c.shape);
      if (c.shape !== undefined) valueImports.add(validator);
      lines.push(`      payload(m, ${str(payloadKey)}, ${String(c.required)}, ${validator}, errors);`);
    }
    lines.push("      return topic;");
  }
  lines.push("    default:");
  if (path.length === 0) lines.push("      return undefined;");
  else {
    lines.push(`      unknownTopic(errors, [${path.map(str).join(", ")}], topic);`, "      return undefined;");
  }
  lines.push("  }", "}", "", "");
  return lines.join("\n");
}

/** The helpers the printed code calls, and those they call, in RUNTIME's order. */
function usedHelpers(body: string): string {
  const chunks = RUNTIME_CHUNKS.map((text) => ({ text, name: /^(?:\/\*\*.*\*\/\n)?(?:function|type) (\w+)/.exec(text)?.[1] ?? "" }));
  const used = new Set<string>();
  let text = body;
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of chunks) {
      if (used.has(c.name) || !new RegExp(`\\b${c.name}\\b`).test(text)) continue;
      used.add(c.name);
      text += c.text;
      changed = true;
    }
  }
  return chunks.filter((c) => used.has(c.name)).map((c) => laidOut("typescript", c.text).trimEnd()).join("\n\n") + "\n";
}

/** The module's private helpers (the envelope checks call only these), split at blank lines. */
const RUNTIME = `type JsonObject = Readonly<Record<string, unknown>>;

function failed(
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

function readPath(m: JsonObject, path: readonly string[]): unknown {
  let value: unknown = m;
  for (const key of path) {
    if (!isObject(value) || !hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** What a value is, in the words of the messages (as messages.ts and the Python module say it). */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "boolean":
      return "a boolean";
    case "number":
      if (!Number.isFinite(value)) return "a non-finite number";
      return Number.isInteger(value) ? "an integer" : "a number";
    case "string":
      return "a string";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

function quote(text: string): string {
  return JSON.stringify(text);
}
`;

/** RUNTIME's helpers, each fixed code (../fixed-code.ts). */
const RUNTIME_CHUNKS: readonly string[] = RUNTIME.split("\n\n").map(fixedTypeScript);
