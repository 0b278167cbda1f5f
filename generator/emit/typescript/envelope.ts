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
import { fixedTypeScript, fixedTypeScriptBody, laidOut, laidOutBody } from "../fixed-code.js";
import { headerComment } from "../header.js";
import { PrivateNames, testKey, testWord } from "../private-names.js";
import { pascalCase } from "../../names/case.js";
import { tsLineComment } from "./defs-syntax.js";
import { jsDoc, propertyName, str } from "./messages-layout.js";
import { CORE } from "./messages-runtime.js";
import { fitsTypeScript } from "../text.js";
import { semi } from "../style.js";
import { group, ifBreak, indent, join, line, softline, type Doc } from "./doc.js";
import { array, arrayOf, call, id, index, intersectionOf, member, readonlyOf, readonlyRecord, ref, stringLit, unionOf, type Expr, type PropSig, type Type, type TypeParam } from "./ts-ast.js";
import { and, compare, ifClause } from "./ts-control.js";
import { printAssignment, printExpr } from "./ts-print.js";
import { constDecl, functionHead, importDecl, interfaceDecl, source, sourceAt, statement, typeAlias, type Param } from "./ts-statements.js";


export function emitTypeScriptEnvelope(protocol: Protocol, names: Names): GeneratedFile[] {
  const dir = protocol.outputs.typescript?.dir;
  const plan = envelopePlan(protocol);
  if (dir === undefined || plan === undefined) return [];
  const ts = names.typescript;
  const typeImports = new Set<string>();
  const valueImports = new Set<string>();
  const defsImports = new Set<string>();
  const typeOf = (t: ValueType): Type => {
    switch (t.kind) {
      case "scalar":
        return ref(t.name === "string" ? "string" : t.name === "bool" ? "boolean" : t.name === "int" || t.name === "float" ? "number" : "unknown");
      case "literal":
        return ref(typeof t.value === "string" ? str(t.value) : String(t.value));
      case "enum":
        defsImports.add(t.enum.name);
        return ref(t.enum.name);
      case "record":
        typeImports.add(ts.type(t.record));
        return ref(ts.type(t.record));
      case "nullable":
        return unionOf([typeOf(t.of), ref("null")]);
      case "oneOf":
        return unionOf(t.of.map(typeOf));
      case "list":
        return readonlyOf(arrayOf(typeOf(t.of)));
      case "map":
        return readonlyRecord(ref("string"), typeOf(t.of));
      default:
        return ref("unknown");
    }
  };
  const decl = (doc: Doc): string => `${source(doc)}\n`;
  const env = plan.envelope;
  const out: string[] = [];

  // Types: one interface per kind and topic, the kind's union, Message<T>.
  const byTopic = new Map<string, string[]>();
  const anyMessages: string[] = [];
  for (const k of plan.kinds) {
    const kind = k.kind;
    /** The properties of one message type; `pins` fix the type at a path (the topic's value, a when-rule's value). */
    const props = (topicType: string | undefined, payloadType: Type | undefined, payloadRequired: boolean, pins: readonly Pin[] = []): PropSig[] => {
      const lines: PropSig[] = [];
      const all: Pin[] = [...(topicType === undefined || k.topicPath.length === 0 ? [] : [{ keys: k.topicPath, type: ref(topicType) }]), ...pins];
      const push = (key: string, type: Type, optional: boolean) => lines.push(propSig(key, type, optional));
      const pinned = (key: string, type: ValueType): Type => {
        const here = all.filter((p) => p.keys[0] === key);
        const whole = here.find((p) => p.keys.length === 1);
        if (whole !== undefined) return whole.type;
        return intersectionOf([typeOf(type), ...here.map((p) => nested(p.keys.slice(1), p.type))]);
      };
      for (const f of env.fields) push(f.key.value, pinned(f.key.value, f.type), !f.required);
      if (env.tag !== undefined && kind.value !== undefined) push(env.tag.key, ref(str(kind.value)), false);
      for (const f of kind.fields) push(f.key.value, pinned(f.key.value, f.type), !f.required);
      if (kind.payload !== undefined) push(kind.payload.key, payloadType ?? ref("unknown"), !payloadRequired);
      return lines;
    };
    // A when-rule's message: the kind's fields, the rule's value pinned, its record as the payload.
    const whenTypes = (generic: string | undefined): string[] =>
      k.when.map((w) => {
        const record = ts.type(w.record);
        typeImports.add(record);
        const value = typeof w.value === "string" ? str(w.value) : String(w.value);
        out.push(jsDoc([`A \`${kind.name}\` message whose \`${w.path.join(".")}\` is ${value}: its payload is ${record}.`, ...(w.rule.doc === undefined ? [] : [w.rule.doc.split("\n")[0] ?? ""])], ""));
        const members = props(generic === undefined ? undefined : "T", ref(record), w.required, [{ keys: w.path, type: ref(value) }]);
        out.push(decl(interfaceDecl(w.typeName, members, generic === undefined ? [] : [keyParam(generic)])));
        return w.typeName;
      });
    if (k.topics.length === 0) {
      out.push(jsDoc([`A message of kind \`${kind.name}\`.${kind.doc === undefined ? "" : ` ${kind.doc.split("\n")[0]}`}`], ""));
      out.push(decl(interfaceDecl(kindTypeName(kind), props(undefined, undefined, kind.payload?.required ?? false))));
      anyMessages.push(kindTypeName(kind), ...whenTypes(undefined));
      continue;
    }
    const entries: PropSig[] = [];
    for (const c of k.topics) {
      const name = messageTypeName(kind, c.topic);
      const shapeType = c.shape === undefined ? undefined : ts.type(c.shape);
      if (shapeType !== undefined) typeImports.add(shapeType);
      const payloadType = shapeType === undefined ? undefined : c.nullable ? unionOf([ref(shapeType), ref("null")]) : ref(shapeType);
      out.push(jsDoc([`The \`${kind.name}\` message of \`${c.topic.value}\`.`], ""));
      out.push(decl(interfaceDecl(name, props(str(c.topic.value), payloadType, c.required))));
      entries.push(propSig(c.topic.value, ref(name), false));
      const list = byTopic.get(c.topic.value) ?? [];
      list.push(name);
      byTopic.set(c.topic.value, list);
    }
    const map = kindByTopicName(kind);
    out.push(jsDoc([`The \`${kind.name}\` message of each topic, by wire value.`], ""));
    out.push(decl(interfaceDecl(map, entries)));
    const generic = k.topicPath.length > 0 ? map : undefined;
    const whens = whenTypes(generic);
    for (const c of k.topics) byTopic.get(c.topic.value)?.push(...whens.map((w) => (generic === undefined ? w : `${w}<${str(c.topic.value)}>`)));
    out.push(jsDoc([`A message of kind \`${kind.name}\`: of topic \`T\`, or of any of its topics.`], ""));
    out.push(genericAlias(kindTypeName(kind), map, whens.map((w) => (generic === undefined ? w : `${w}<T>`))));
    anyMessages.push(kindTypeName(kind));
  }
  out.push(jsDoc(["Every message of each topic, by wire value (all its kinds)."], ""));
  const topicEntries = [...byTopic].map(([topic, types]) => propSig(topic, unionOf(types.map((t) => ref(t))), false));
  out.push(decl(interfaceDecl("MessageByTopic", topicEntries)));
  out.push(jsDoc(["A message of topic `T`, or of any topic."], ""));
  out.push(genericAlias("Message", "MessageByTopic"));
  out.push(jsDoc(["Any message of the protocol, of every kind."], ""));
  out.push(unionAlias("AnyMessage", anyMessages));
  out.push(jsDoc(["The kinds of message."], ""));
  out.push(unionAlias("MessageKind", plan.kinds.map((k) => str(k.kind.name))));

  // Issues and results.
  out.push(jsDoc(["What went wrong with a message: a payload's issue codes and the envelope's own."], ""));
  out.push(`${laidOut("typescript", ISSUE_CODE)}\n`);
  out.push(jsDoc(["One problem with a message: where (keys and indices from the top), what, and why."], ""));
  out.push(`${laidOut("typescript", ISSUE)}\n`);
  out.push(jsDoc(["The valid message with its kind and topic (undefined when it names none), or every issue."], ""));
  out.push(`${laidOut("typescript", RESULT)}\n`);
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
  const validateHead = ["export ", functionHead("validateMessage", [{ name: "value", type: ref("unknown") }, { name: "request?", type: ref("string") }], ref("MessageResult"))];
  out.push(`${sourceAt([validateHead, " {"], 0)}\n`);
  out.push(laidOutBody(VALIDATE_START));
  // The module's names made from the spec keep clear of its runtime's and of one another.
  const privateNames = new PrivateNames([...RUNTIME_IDENTIFIERS, ...plan.kinds.flatMap((k) => k.fields.flatMap((f) => (f.constraints === undefined ? [] : [constraintCheckerName(f.constraints)])))]);
  const privates: Privates = { unions: new Map(), names: privateNames, stems: kindStems(plan.kinds, privateNames) };
  const checkName = (k: KindPlan): string => `check${privates.stems.get(k) ?? ""}`;
  const run = (k: KindPlan, at: number): string =>
    stmt(expression(assign("kind", stringLit(str(k.kind.name)))), at) +
    stmt(expression(assign("topic", call(checkName(k), [id("value"), id("errors"), id("request")]))), at);
  if (env.tag !== undefined) {
    const tag = stringLit(str(env.tag.key));
    const values = plan.kinds.map((k) => k.kind.value ?? k.kind.name);
    out.push(`${sourceAt(ifHead("", printExpr(not(call("hasOwn", [id("value"), tag])))), 2)}\n`);
    out.push(stmt(statement("return", call("failed", [array([tag]), stringLit(str("missing_key")), stringLit(str(`missing required key ${JSON.stringify(env.tag.key)}`))])), 4));
    out.push(`  }\n${stmt(constDecl("tag", index(id("value"), tag)), 2)}  switch (tag) {\n`);
    for (const k of plan.kinds) out.push(`    case ${str(k.kind.value ?? k.kind.name)}:\n${run(k, 6)}      break;\n`);
    out.push("    default: {\n");
    out.push(`      if (typeof tag !== "string") {\n        const message = \`expected a string, got \${describe(tag)}\`;\n`);
    out.push(`${stmt(statement("return", call("failed", [array([tag]), stringLit(str("wrong_type")), id("message")])), 8)}      }\n`);
    const expected = values.map((v) => JSON.stringify(v)).join(", ");
    out.push(`${stmt(constDecl("expected", stringLit(str(expected))), 6)}      const message = \`unknown tag \${quote(tag)}, expected one of \${expected}\`;\n`);
    out.push(`${stmt(statement("return", call("failed", [array([tag]), stringLit(str("unknown_tag")), id("message")])), 6)}    }\n  }\n`);
  } else if (plan.kinds.length === 1 && plan.kinds[0] !== undefined) {
    out.push(run(plan.kinds[0], 2));
  } else {
    plan.kinds.forEach((k, i) => {
      const has = (key: string): Expr => call("hasOwn", [id("value"), stringLit(str(key))]);
      const conds = [...k.requires.map((key) => printExpr(has(key))), ...k.excludes.map((key) => printExpr(not(has(key))))];
      out.push(`${sourceAt(ifHead(i === 0 ? "" : "} else ", conds.length === 0 ? "true" : and(conds)), 2)}\n${run(k, 4)}`);
    });
    const expected = plan.kinds.map((k) => JSON.stringify(k.kind.name)).join(", ");
    out.push(`  } else {\n${stmt(constDecl("message", stringLit(str(`no kind of message matches: expected one of ${expected}`))), 4)}${stmt(statement("return", call("failed", [array([]), stringLit(str("unknown_kind")), id("message")])), 4)}  }\n`);
  }
  out.push(`${laidOutBody(VALIDATE_END)}}\n\n`);
  out.push(jsDoc(["True when `value` is a valid message."], ""));
  out.push(`${laidOut("typescript", IS_MESSAGE)}\n`);

  const checks = new Map<string, string>();
  for (const k of plan.kinds) out.push(kindChecker(k, ts, valueImports, privates, checks));
  for (const [name, test] of privates.unions) if (test.kind === "oneOf") out.push(unionHelper(name, test));
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

/** The union helpers printed so far, by name; the module's private names; the kinds' stems. */
interface Privates {
  readonly unions: Map<string, Test>;
  readonly names: PrivateNames;
  readonly stems: ReadonlyMap<KindPlan, string>;
}

/**
 * Each kind's stem, from its name: the kind's `check<Stem>` and `<stem>Payload`, numbered when
 * one of them is taken (a kind named like a constraint checker).
 */
function kindStems(kinds: readonly KindPlan[], names: PrivateNames): ReadonlyMap<KindPlan, string> {
  const namesOf = (stem: string): string[] => [`check${stem}`, whenPayloadName(stem)];
  return new Map(kinds.map((k) => [k, names.word(`kind ${k.kind.name}`, `${k.kind.name.charAt(0).toUpperCase()}${k.kind.name.slice(1)}`, namesOf)]));
}

function importLine(names: readonly string[], from: string): string {
  return source(importDecl(names, str(from)));
}

/** A type fixed at a path of keys (`command: "threads"`, `success: false`). */
interface Pin {
  readonly keys: readonly string[];
  readonly type: Type;
}

/** `{ readonly a: { readonly b: T } }` for the keys `a.b`. */
function nested(keys: readonly string[], type: Type): Type {
  const [first, ...rest] = keys;
  return first === undefined ? type : { kind: "literal", members: [propSig(first, nested(rest, type), false)], expanded: false };
}

/** `T extends keyof Map = keyof Map`: a topic of the map, any of them by default. */
function keyParam(map: string): TypeParam {
  return { name: "T", constraint: { kind: "keyof", of: ref(map) }, default: { kind: "keyof", of: ref(map) } };
}

/** `export type Name<T extends keyof Map = keyof Map> = Map[T] | …more` */
function genericAlias(name: string, map: string, more: readonly string[] = []): string {
  const members: Type[] = [{ kind: "indexed", object: ref(map), index: ref("T") }, ...more.map((m) => ref(m))];
  return `${source(typeAlias(name, unionOf(members), [keyParam(map)]))}\n`;
}

function unionAlias(name: string, members: readonly string[]): string {
  return `${source(typeAlias(name, unionOf(members.map((m) => ref(m)))))}\n`;
}

/** `readonly key?: type` of an interface. */
function propSig(key: string, type: Type, optional: boolean): PropSig {
  return { key: { kind: "name", text: propertyName(key) }, type, optional, readonly: true };
}

/** A statement printed at `indent` spaces, as a line (or lines) of text. */
function stmt(doc: Doc, indent: number): string {
  return `${sourceAt(doc, indent)}\n`;
}

/** `expr;` */
function expression(doc: Doc): Doc {
  return [doc, semi()];
}

/** `left = right` (an assignment expression). */
function assign(left: string, right: Expr): Doc {
  return printAssignment(left, " =", right);
}

function not(e: Expr): Expr {
  return { kind: "unary", op: "!", arg: e };
}

/** `if (test) {` (after `prefix`, `} else ` for an else-if), the test broken inside the parentheses when too long. */
function ifHead(prefix: string, test: Doc): Doc {
  return [prefix, group(["if (", group([indent([softline, test]), softline]), ")", " {"])];
}

/** `function name(params): returns {` */
function head(name: string, params: readonly Param[], returns: Type): string {
  return sourceAt([functionHead(name, params, returns), " {"], 0);
}

/**
 * True when `v` fails the test: one short expression (a union gets a helper of its own); a call
 * (an enum's list of values, a union's helper) as a document, so it breaks where prettier breaks it.
 */
function mismatch(test: Test, v: string, value: Expr, privates: Privates): Doc {
  switch (test.kind) {
    case "any":
      return "false";
    case "string":
      return compare(`typeof ${v}`, "!==", '"string"');
    case "bool":
      return compare(`typeof ${v}`, "!==", '"boolean"');
    case "int":
      return printExpr(not(call("isInt", [value])));
    case "float":
      return printExpr(not(call("isFiniteNumber", [value])));
    case "null":
      return compare(v, "!==", "null");
    case "object":
      return printExpr(not(call("isObject", [value])));
    case "array":
      return printExpr(not(call(member(id("Array"), "isArray"), [value])));
    case "literal":
      return compare(v, "!==", typeof test.value === "string" ? str(test.value) : String(test.value));
    case "enum":
      return printExpr(not(call("isOneOf", [value, enumList(test.values)])));
    case "oneOf": {
      const name = unionHelperName(test, privates.names);
      privates.unions.set(name, test);
      return printExpr(not(call(name, [value])));
    }
  }
}

/** An enum's values as an array literal: `["a", "b"]`. */
function enumList(values: readonly string[]): Expr {
  return array(values.map((x) => stringLit(str(x))));
}

/** `isIntOrStringOrNull`, `isPriorityOrNull`: the helper testing a union's members. */
function unionHelperName(test: Test & { kind: "oneOf" }, names: PrivateNames): string {
  return `is${pascalCase(names.word(testKey(test), testWord(test), (w) => [`is${pascalCase(w)}`]))}`;
}

/** The boolean test itself (inside a union helper). */
function accepts(test: Test, v: string): Doc {
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
      return printExpr(call("isOneOf", [id(v), enumList(test.values)]));
    case "oneOf":
      return join(" || ", test.of.map((t) => accepts(t, v)));
  }
}

function unionHelper(name: string, test: Test & { kind: "oneOf" }): string {
  const flat = (t: Test): Test[] => (t.kind === "oneOf" ? t.of.flatMap(flat) : [t]);
  const parts = flat(test).map((t) => accepts(t, "value"));
  // prettier's return of a logical chain: in parentheses when it breaks, on one line there if it fits.
  const chain = group(join([" ||", line], parts));
  const returned = ["return ", group([ifBreak("("), indent([softline, chain]), softline, ifBreak(")")]), semi()];
  return `${head(name, [{ name: "value", type: ref("unknown") }], ref("boolean"))}\n${stmt(returned, 2)}}\n\n`;
}

function fieldLines(f: FieldCheck, ts: Names["typescript"], valueImports: Set<string>, privates: Privates, checks: Map<string, string>): string[] {
  const key = str(f.key);
  const v = `m[${key}]`;
  const keyLit = stringLit(key);
  const value = index(id("m"), keyLit);
  const has = printExpr(call("hasOwn", [id("m"), keyLit]));
  const lacks = printExpr(not(call("hasOwn", [id("m"), keyLit])));
  const report = (fn: string, args: readonly Expr[], at = 4): string => sourceAt(expression(printExpr(call(fn, [id("errors"), keyLit, ...args]))), at);
  const lines: string[] = [];
  if (f.record !== undefined) {
    const validator = ts.validator(f.record);
    valueImports.add(validator);
    const nest = (at: number): string => report("nest", [call(validator, [value])], at);
    if (f.required) lines.push(sourceAt(ifHead("", lacks), 2), report("missing", []), "  } else {", nest(4), "  }");
    else lines.push(sourceAt(ifClause(has, expression(printExpr(call("nest", [id("errors"), keyLit, call(validator, [value])])))), 2));
    return lines;
  }
  const test = f.test;
  if (test === undefined || test.kind === "any") {
    if (f.required) lines.push(sourceAt(ifClause(lacks, expression(printExpr(call("missing", [id("errors"), keyLit])))), 2));
    return lines;
  }
  const enumTest = test.kind === "enum" ? test : undefined;
  const typeTest = enumTest === undefined ? mismatch(test, v, value, privates) : compare(`typeof ${v}`, "!==", '"string"');
  const expected = stringLit(str(expectedWords(test)));
  if (f.required) lines.push(sourceAt(ifHead("", lacks), 2), report("missing", []), sourceAt(ifHead("} else ", typeTest), 2));
  else lines.push(sourceAt(ifHead("", and([has, typeTest])), 2));
  lines.push(report("wrong", [expected, value]));
  if (enumTest !== undefined) {
    // An optional key that is absent reaches this branch too: only a present value is checked.
    const notInEnum = mismatch(enumTest, v, value, privates);
    lines.push(sourceAt(ifHead("} else ", f.required ? notInEnum : and([has, notInEnum])), 2), report("notInEnum", [expected, value]));
  }
  if (f.constraints !== undefined) {
    const checker = constraintChecker(f.constraints, checks);
    const push = `    errors.push(...${checker}(${v}, [${key}]));`;
    const inner = `      ...${checker}(${v}, [${key}]),`;
    const pushed = fitsTypeScript(push) ? [push] : fitsTypeScript(inner) ? ["    errors.push(", inner, "    );"] : ["    errors.push(", `      ...${checker}(${v}, [`, `        ${key},`, "      ]),", "    );"];
    lines.push(f.required ? "  } else {" : sourceAt(ifHead("} else ", has), 2), ...pushed);
  }
  lines.push("  }");
  return lines;
}

/**
 * The function checking one set of constraints, printed once per set: the issues of a value
 * that passed its field's test (null passes by), in the payload validators' codes and words.
 */
function constraintCheckerName(f: NonNullable<FieldCheck["constraints"]>): string {
  return `check${constraintWords(f).split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("")}`;
}

function constraintChecker(f: NonNullable<FieldCheck["constraints"]>, checks: Map<string, string>): string {
  const name = constraintCheckerName(f);
  if (checks.has(name)) return name;
  const c = f.c;
  const when = (cond: string, fn: string, args: readonly string[]): string[] => [
    sourceAt(ifHead("", cond), 4),
    sourceAt(expression(printExpr(call(fn, ["issues", "path", ...args].map((a) => id(a))))), 6),
    "    }",
  ];
  const body: string[] = [];
  if (f.on === "number") {
    if (c.minimum !== undefined) body.push(...when(`value < ${String(c.minimum)}`, "outOfRange", [str(`at least ${String(c.minimum)}`), "value"]));
    if (c.maximum !== undefined) body.push(...when(`value > ${String(c.maximum)}`, "outOfRange", [str(`at most ${String(c.maximum)}`), "value"]));
  } else if (f.on === "string") {
    if (c.minLength !== undefined) body.push(...when(`value.length < ${String(c.minLength)}`, "tooShort", [String(c.minLength), "value.length", str("characters")]));
    if (c.format !== undefined) body.push(...when(`!${FORMAT_GUARDS[c.format]}(value)`, "badFormat", [str(c.format), "value"]));
  } else if (c.minItems !== undefined) {
    body.push(...when(`value.length < ${String(c.minItems)}`, "tooShort", [String(c.minItems), "value.length", str("items")]));
  }
  const guard = f.on === "list" ? "Array.isArray(value)" : `typeof value === ${str(f.on)}`;
  const lines = [
    head(name, [{ name: "value", type: ref("unknown") }, { name: "path", type: ref("Path") }], arrayOf(ref("ValidationIssue"))),
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

function kindChecker(k: KindPlan, ts: Names["typescript"], valueImports: Set<string>, privates: Privates, checks: Map<string, string>): string {
  const stem = privates.stems.get(k) ?? "";
  const lines: string[] = [];
  lines.push(`/** The fields and payload of a \`${k.kind.name}\` message; its topic, when it names a known one. */`);
  const params: Param[] = [
    { name: "m", type: ref("JsonObject") },
    { name: "errors", type: arrayOf(ref("MessageIssue")) },
    { name: "request", type: unionOf([ref("string"), ref("undefined")]) },
  ];
  lines.push(head(`check${stem}`, params, unionOf([ref("string"), ref("undefined")])));
  for (const f of k.fields) lines.push(...fieldLines(f, ts, valueImports, privates, checks));
  const path = k.topicPath;
  const pathArray = array(path.map((p) => stringLit(str(p))));
  const topicValue = path.length === 0 ? id("request") : path.length === 1 ? index(id("m"), stringLit(str(path[0] ?? ""))) : call("readPath", [id("m"), pathArray]);
  lines.push(sourceAt(constDecl("topic", topicValue), 2));
  if (path.length > 0) lines.push("  void request;");
  lines.push(sourceAt(ifClause(`typeof topic !== ${str("string")}`, "return undefined" + semi()), 2), "  switch (topic) {");
  const payloadKey = k.kind.payload?.key;
  for (const c of k.topics) {
    lines.push(`    case ${str(c.topic.value)}:`);
    if (payloadKey !== undefined) {
      const named = c.shape === undefined ? "undefined" : ts.validator(c.shape);
      if (c.shape !== undefined) valueImports.add(named);
      const validator = c.nullable && c.shape !== undefined ? `orNull(${named})` : named;
      const args = k.when.length > 0 ? ["m", String(c.required), validator, "errors"] : ["m", str(payloadKey), String(c.required), validator, "errors"];
      const callee = k.when.length > 0 ? whenPayloadName(stem) : "payload";
      lines.push(sourceAt(expression(printExpr(call(callee, args.map((a) => id(a))))), 6));
    }
    lines.push("      return topic;");
  }
  lines.push("    default:");
  if (path.length === 0) lines.push("      return undefined;");
  else {
    lines.push(sourceAt(expression(printExpr(call("unknownTopic", [id("errors"), pathArray, id("topic")]))), 6), "      return undefined;");
  }
  lines.push("  }", "}", "", "");
  if (k.when.length > 0 && payloadKey !== undefined) {
    lines.pop();
    lines.push(...whenPayload(k, whenPayloadName(stem), payloadKey, ts, valueImports));
  }
  return lines.join("\n");
}

/** A kind's `<stem>Payload` (its stem starts upper case, as `check<Stem>` has it). */
function whenPayloadName(stem: string): string {
  return `${stem.charAt(0).toLowerCase()}${stem.slice(1)}Payload`;
}

/** The payload of a kind with `when:` rules: the first matching rule's record, else the topic's. */
function whenPayload(k: KindPlan, name: string, key: string, ts: Names["typescript"], valueImports: Set<string>): string[] {
  const validate: Type = { kind: "function", params: [{ name: "value", type: ref("unknown") }], returns: ref("ValidationResult", [ref("unknown")]) };
  const params: Param[] = [
    { name: "m", type: ref("JsonObject") },
    { name: "required", type: ref("boolean") },
    { name: "validate", type: unionOf([validate, ref("undefined")]) },
    { name: "errors", type: arrayOf(ref("MessageIssue")) },
  ];
  const lines = [`/** The payload of a \`${k.kind.name}\` message: a \`when:\` rule's record, else its topic's. */`, head(name, params, ref("void"))];
  const payload = (args: readonly string[]): string => sourceAt(expression(printExpr(call("payload", [id("m"), stringLit(str(key)), ...args.map((a) => id(a))]))), 4);
  k.when.forEach((w, i) => {
    const read = w.path.length === 1 ? index(id("m"), stringLit(str(w.path[0] ?? ""))) : call("readPath", [id("m"), array(w.path.map((p) => stringLit(str(p))))]);
    const value = typeof w.value === "string" ? str(w.value) : String(w.value);
    const validator = ts.validator(w.record);
    valueImports.add(validator);
    lines.push(sourceAt(ifHead(i === 0 ? "" : "} else ", compare(printExpr(read), "===", value)), 2), payload([String(w.required), validator, "errors"]));
  });
  lines.push("  } else {", payload(["required", "validate", "errors"]), "  }", "}", "", "");
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

/** Every name the runtime code holds (and some it only mentions): no name made from the spec may take one. */
const RUNTIME_IDENTIFIERS: readonly string[] = [RUNTIME, ...CORE.map((c) => c.text)].flatMap((text) => [...text.matchAll(/\b[A-Za-z_$][\w$]*/g)].map((m) => m[0]));

/** RUNTIME's helpers, each fixed code (../fixed-code.ts). */
const RUNTIME_CHUNKS: readonly string[] = RUNTIME.split("\n\n").map((text) => fixedTypeScript(`${text.trimEnd()}\n`));

/** The envelope's result types and the start and end of validateMessage: fixed code. */
const ISSUE_CODE = fixedTypeScript(`export type MessageIssueCode = IssueCode | "unknown_tag" | "unknown_kind";
`);

const ISSUE = fixedTypeScript(`export interface MessageIssue {
  readonly path: readonly (string | number)[];
  readonly code: MessageIssueCode;
  readonly message: string;
}
`);

const RESULT = fixedTypeScript(`export type MessageResult =
  | {
      readonly ok: true;
      readonly kind: MessageKind;
      readonly topic: string | undefined;
      readonly value: AnyMessage;
    }
  | { readonly ok: false; readonly errors: readonly MessageIssue[] };
`);

const VALIDATE_START = fixedTypeScriptBody(`  if (!isObject(value)) {
    const message = \`expected an object, got \${describe(value)}\`;
    return failed([], "not_object", message);
  }
  const errors: MessageIssue[] = [];
  let kind: MessageKind;
  let topic: string | undefined;
`);

const VALIDATE_END = fixedTypeScriptBody(`  return errors.length === 0
    ? { ok: true, kind, topic, value: value as unknown as AnyMessage }
    : { ok: false, errors };
`);

const IS_MESSAGE = fixedTypeScript(`export function isMessage(value: unknown): value is AnyMessage {
  return validateMessage(value).ok;
}
`);
