/**
 * Random valid specs, built as a JS object and written as YAML text: enums, key sets with value
 * types nested up to three levels (records referring only to earlier records, so there are no
 * cycles), topic sets with prefixes and explicit values, payloads, records with cross-field rules
 * and verify functions, flows with alt and loop blocks, reserved values that collide with nothing,
 * typed constants, sections, hostile docs and deprecations; and the constructs of
 * ./spec-constructs.ts: type expressions with nullable, unions, literals, json and constraints,
 * int and open enums, local-field and derived records, tagged unions of earlier records,
 * payload-local fields, response bodies, channels and an envelope. Names come from generators that avoid
 * nothing on purpose: the loader may reject a sample (a reserved word, two names mapping to one
 * identifier), and the fuzz suite checks those rejections too.
 */
import fc from "fast-check";
import { stringify } from "yaml";
import { RULES } from "../../generator/contract/rules.js";
import { LINT_RULES } from "../../generator/lint/rules.js";
import { drawFrom, type Draw } from "./draw.js";
import { drawChannels, drawConstraints, drawEnvelope, drawFields, drawType, drawUnion, type EnumInfo, type Obj, type RecordInfo } from "./spec-constructs.js";
import { docText, label, memberName, snakeName, specFileName, typeName, wireValue } from "./text.js";

export interface FuzzSpec {
  /** The spec as YAML text. */
  readonly text: string;
  /** The spec's path as the CLI would show it (hostile names included): it reaches every header. */
  readonly file: string;
  /** The Python package name the spec writes. */
  readonly pythonPackage: string;
  /** Output directories, relative to the spec's directory. */
  readonly dirs: { readonly typescript: string; readonly python: string; readonly docs: string; readonly schema: string };
}

interface Ctx {
  readonly d: Draw;
  readonly topLevel: Set<string>;
  readonly enums: EnumInfo[];
  /** Records declared so far (a key type may only name an earlier one). */
  readonly records: RecordInfo[];
  /** Tagged unions declared so far (of earlier records, so a type naming one makes no cycle). */
  readonly unions: string[];
  readonly actors: string[];
}

function maybeDoc(c: Ctx, into: Obj, outOf = 2): void {
  if (c.d.chance(outOf)) into.doc = docText(c.d);
}

function maybeDeprecated(c: Ctx, into: Obj): void {
  if (c.d.chance(8)) into.deprecated = c.d.chance(2) ? true : docText(c.d);
}

function maybeSection(c: Ctx, into: Obj): void {
  if (!c.d.chance(4)) return;
  into.section = c.d.chance(2) ? label(c.d) : { title: label(c.d), ...(c.d.chance(2) ? { doc: docText(c.d) } : {}) };
}

function buildEnum(c: Ctx): Obj {
  const { d } = c;
  const name = d.fresh(c.topLevel, () => typeName(d));
  const names = new Set<string>();
  const values = new Set<string>();
  const members: Obj = {};
  const count = d.int(1, 8);
  // Int-valued (error codes: every member states its integer) and open enums beside closed string ones.
  const valueType = d.chance(5) ? "int" : "string";
  const open = d.chance(5);
  const ints = new Set<string>();
  for (let i = 0; i < count; i++) {
    const member = d.fresh(names, () => memberName(d));
    const m: Obj = {};
    const derived = member.toLowerCase();
    if (valueType === "int") m.value = Number(d.fresh(ints, () => String(d.chance(2) ? d.int(-32768, -32000) : d.int(-3, 100))));
    else if (d.chance(3) && !values.has(derived)) values.add(derived);
    else m.value = d.fresh(values, () => wireValue(d));
    maybeDoc(c, m, 3);
    maybeDeprecated(c, m);
    maybeSection(c, m);
    members[member] = m;
  }
  c.enums.push({ name, members: Object.keys(members), valueType, open });
  const e: Obj = { ...(valueType === "int" ? { type: "int" } : {}), ...(open ? { open: true } : {}), values: members };
  maybeDoc(c, e);
  maybeDeprecated(c, e);
  return { [name]: e };
}

interface KeyInfo {
  readonly name: string;
  readonly type: string;
  /** The key's wire value (a local field must not take it in a shape that lists the key). */
  readonly wire: string;
}

/** A key set; returns its YAML object and its keys with their types. */
function buildKeySet(c: Ctx, name: string): { set: Obj; keys: KeyInfo[] } {
  const { d } = c;
  const names = new Set<string>();
  const values = new Set<string>();
  const prefix = d.chance(3) ? wireValue(d) : "";
  const keys: Obj = {};
  const list: KeyInfo[] = [];
  const count = d.int(1, 7);
  for (let i = 0; i < count; i++) {
    const key = d.fresh(names, () => memberName(d));
    const drawn = drawType(c, 0);
    const type = drawn.text;
    const k: Obj = { type, ...drawConstraints(d, drawn) };
    const derived = prefix + key.toLowerCase();
    let wire = derived;
    if (d.chance(2) && !values.has(derived) && derived.trim() === derived) values.add(derived);
    else wire = k.value = d.fresh(values, () => wireValue(d));
    maybeDoc(c, k, 3);
    maybeDeprecated(c, k);
    maybeSection(c, k);
    keys[key] = k;
    list.push({ name: key, type, wire });
  }
  const set: Obj = { ...(prefix === "" ? {} : { prefix }), keys };
  maybeDoc(c, set);
  maybeDeprecated(c, set);
  return { set: { [name]: set }, keys: list };
}

/** Required and optional lists drawn from `keys`, disjoint. */
function fieldLists(d: Draw, keys: readonly string[]): { required: string[]; optional: string[] } {
  const required: string[] = [];
  const optional: string[] = [];
  for (const k of keys) {
    const r = d.int(0, 2);
    if (r === 1) required.push(k);
    else if (r === 2) optional.push(k);
  }
  return { required, optional };
}

/**
 * A record: key-set fields (with cross-field rules and a verify function), sometimes beside local
 * ones; local fields only; or derived from an earlier record with its optionality overridden.
 */
function buildRecord(c: Ctx, keySets: Obj, verifyNames: Set<string>): Obj {
  const { d } = c;
  const name = d.fresh(c.topLevel, () => typeName(d));
  const mode = d.int(0, 5);
  const base = c.records.length > 0 && mode === 5 ? d.pick(c.records) : undefined;
  if (base !== undefined) {
    // Derived: the base's fields, with `required:`/`optional:` naming them by wire key.
    const record: Obj = { from: base.name };
    const required = d.subset(base.fields.filter((f) => !f.required)).map((f) => f.wire);
    const optional = d.subset(base.fields.filter((f) => f.required)).map((f) => f.wire);
    if (required.length > 0) record.required = required;
    if (optional.length > 0 || (required.length === 0 && d.chance(2))) record.optional = optional;
    maybeDoc(c, record);
    maybeDeprecated(c, record);
    const overridden = new Set([...required, ...optional]);
    const fields = base.fields.map((f) => ({ wire: f.wire, required: overridden.has(f.wire) ? !f.required : f.required }));
    c.records.push({ name, fields, inUnion: false });
    return { [name]: record };
  }
  if (mode === 4) {
    // Local fields only: each field's name is its wire key.
    const { fields, list } = drawFields(c, new Set(), d.int(1, 5));
    const record: Obj = { fields };
    if (d.chance(2)) record.unknown_keys = d.pick(["allow", "forbid"]);
    maybeDoc(c, record);
    maybeDeprecated(c, record);
    c.records.push({ name, fields: list, inUnion: false });
    return { [name]: record };
  }
  const setName = d.fresh(c.topLevel, () => `${typeName(d)}Keys`);
  const { set, keys } = buildKeySet(c, setName);
  Object.assign(keySets, set);
  const { required, optional } = fieldLists(d, keys.map((k) => k.name));
  const record: Obj = { keys: setName };
  if (required.length > 0 || d.chance(2)) record.required = required;
  if (optional.length > 0) record.optional = optional;
  if (d.chance(2)) record.unknown_keys = d.pick(["allow", "forbid"]);
  const fields = new Set([...required, ...optional]);
  const listed = keys.filter((k) => fields.has(k.name));
  const info: RecordInfo = { name, fields: listed.map((k) => ({ wire: k.wire, required: required.includes(k.name) })), inUnion: false };
  if (mode === 3) {
    const local = drawFields(c, new Set(listed.map((k) => k.wire)), d.int(1, 3));
    record.fields = local.fields;
    info.fields.push(...local.list);
  }
  // Rules read closed string enums (an open enum admits any value, an int enum no string).
  const ruleEnums = c.enums.filter((e) => e.valueType === "string" && !e.open);
  const enumFields = listed.filter((k) => ruleEnums.some((e) => e.name === k.type));
  if (enumFields.length >= 1 && d.chance(2)) {
    const rules: Obj = {};
    const ids = new Set<string>();
    for (let i = d.int(1, 3); i > 0; i--) {
      // Every "then" admits its enum's first member, so the rules can always hold together (an
      // unsatisfiable set is a known gap: the loader accepts it and the vectors call a violating
      // input valid).
      const cond = (then: boolean): Obj => {
        const key = d.pick(enumFields);
        const members = c.enums.find((e) => e.name === key.type)?.members ?? [];
        const chosen = d.subset(members);
        const first = members[0];
        if (then && first !== undefined && !chosen.includes(first)) chosen.unshift(first);
        return { key: key.name, in: chosen.length > 0 ? chosen : [d.pick(members)] };
      };
      const rule: Obj = { if: cond(false), then: cond(true) };
      maybeDoc(c, rule);
      rules[d.fresh(ids, () => snakeName(d))] = rule;
    }
    record.rules = rules;
  }
  if (fields.size > 0 && d.chance(3)) record.verify = buildVerify(c, [...fields], verifyNames);
  maybeDoc(c, record);
  maybeDeprecated(c, record);
  c.records.push(info);
  return { [name]: record };
}

function buildVerify(c: Ctx, fields: readonly string[], verifyNames: Set<string>): Obj {
  const { d } = c;
  const params = new Set<string>();
  const expect = d.subset(fields).map((key) => {
    const e: Obj = { key, param: d.fresh(params, () => snakeName(d, "expected_")), label: label(d) };
    maybeDoc(c, e);
    return e;
  });
  const verify: Obj = {
    function: d.fresh(verifyNames, () => snakeName(d, "verify_")),
    argument: snakeName(d, "arg_"),
    attribute: d.chance(2) ? "meta" : snakeName(d),
    container: d.pick(["DXO", "Box", "Envelope", typeName(d)]),
    expect,
  };
  maybeDoc(c, verify);
  if (d.chance(2)) verify.argument_doc = docText(d);
  return verify;
}

interface TopicRef {
  readonly name: string;
  readonly from?: string;
  readonly to?: string;
}

/** What a topic set may draw beyond payloads: channels to travel on, and response bodies. */
interface TopicSetOptions {
  /** The protocol's channels (`protocol.channels:`); empty with one channel. */
  readonly channels: readonly string[];
  /** Its topics may declare a `response:` (an envelope kind carries the responses of this set). */
  readonly responses: boolean;
}

/** Required, optional and local payload fields over a key set (the shape of a payload or response). */
function buildPayload(c: Ctx, keys: readonly KeyInfo[]): Obj {
  const { d } = c;
  const { required, optional } = fieldLists(d, keys.map((k) => k.name));
  const payload: Obj = {};
  if (required.length > 0) payload.required = required;
  if (optional.length > 0) payload.optional = optional;
  if (d.chance(3)) {
    const listed = new Set([...required, ...optional]);
    payload.fields = drawFields(c, new Set(keys.filter((k) => listed.has(k.name)).map((k) => k.wire)), d.int(1, 3)).fields;
  }
  if (d.chance(3)) payload.unknown_keys = d.pick(["allow", "forbid"]);
  return payload;
}

function buildTopicSet(c: Ctx, keySets: Obj, topicNames: Set<string>, topicValues: Set<string>, options: TopicSetOptions): { set: Obj; topics: TopicRef[] } {
  const { d } = c;
  const name = d.fresh(c.topLevel, () => typeName(d));
  const setName = d.fresh(c.topLevel, () => `${typeName(d)}Key`);
  const { set: keySet, keys } = buildKeySet(c, setName);
  Object.assign(keySets, keySet);
  const prefix = d.chance(4) ? "" : `${wireValue(d)}${d.pick([".", "/", ":", "-", ""])}`;
  const topics: Obj = {};
  const refs: TopicRef[] = [];
  const count = d.int(1, 6);
  const local: string[] = [];
  for (let i = 0; i < count; i++) local.push(d.fresh(topicNames, () => memberName(d)));
  for (const topic of local) {
    const t: Obj = {};
    const derived = prefix + topic.toLowerCase();
    if (d.chance(2) && !topicValues.has(derived) && derived.trim() === derived) topicValues.add(derived);
    else t.value = d.fresh(topicValues, () => wireValue(d));
    maybeSection(c, t);
    maybeDoc(c, t);
    maybeDeprecated(c, t);
    const ref: { name: string; from?: string; to?: string } = { name: topic };
    if (c.actors.length >= 2 && d.chance(3) !== d.chance(5)) {
      const [from, to] = d.chance(2) ? [c.actors[0], c.actors[1]] : [c.actors[1], c.actors[0]];
      if (from !== undefined && to !== undefined) {
        t.from = from;
        t.to = to;
        ref.from = from;
        ref.to = to;
      }
    }
    if (d.chance(3)) t.replies = d.subset(local);
    if (d.chance(4) !== d.chance(6)) t.payload = buildPayload(c, keys);
    if (options.responses && d.chance(2)) t.response = buildPayload(c, keys);
    if (options.channels.length > 0 && d.chance(4)) {
      const on = d.subset(options.channels);
      t.channels = on.length > 0 ? on : [d.pick(options.channels)];
    }
    topics[topic] = t;
    refs.push(ref);
  }
  const set: Obj = { ...(prefix === "" ? {} : { prefix }), keys: setName, topics };
  if (options.channels.length > 0 && d.chance(2)) set.channel = d.pick(options.channels);
  if (d.chance(3)) set.unknown_keys = d.pick(["allow", "forbid"]);
  maybeDoc(c, set);
  maybeDeprecated(c, set);
  return { set: { [name]: set }, topics: refs };
}

function buildSteps(c: Ctx, topics: readonly TopicRef[], depth: number): unknown[] {
  const { d } = c;
  return Array.from({ length: d.int(1, 4) }, (): unknown => {
    const kind = depth < 2 ? d.int(0, 5) : d.int(0, 2);
    const topic = d.pick(topics);
    if (kind === 0 && topic.from !== undefined) return topic.name;
    if (kind <= 2) {
      const [from, to] = d.chance(2) ? [c.actors[0], c.actors[1]] : [c.actors[1], c.actors[0]];
      const same = topic.from !== undefined ? { from: topic.from, to: topic.to } : { from, to };
      return { topic: topic.name, ...same, ...(d.chance(3) ? { note: docText(d).replace(/\s+/g, " ").trim() || "note" } : {}) };
    }
    if (kind <= 4) {
      return { alt: Array.from({ length: d.int(1, 3) }, () => ({ when: label(d), steps: buildSteps(c, topics, depth + 1) })) };
    }
    return { loop: label(d), steps: buildSteps(c, topics, depth + 1) };
  });
}

function constantValue(d: Draw, type: string): unknown {
  switch (type) {
    case "int":
      return d.pick([0, 1, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, d.int(-1_000_000, 1_000_000), 2 ** 40]);
    case "float":
      return d.pick([-0, 0.5, -1.5, 1e300, -1e-300, 5e-324, 1.7976931348623157e308, 3, 0.1, d.int(-99, 99) / 7]);
    case "bool":
      return d.chance(2);
    default:
      return d.chance(5) ? "x".repeat(d.int(80, 300)) : d.chance(3) ? "" : d.chance(2) ? wireValue(d) : docText(d);
  }
}

/** Builds one spec from the draws. */
export function buildSpec(d: Draw): FuzzSpec {
  const c: Ctx = { d, topLevel: new Set(["CHANNEL", "PROTOCOL_VERSION"]), enums: [], records: [], unions: [], actors: [] };
  const protocolName = snakeName(d, "p_");
  const spec: Obj = { wiredefs: 1 };
  // Several channels (sockets, streams) instead of one, and an envelope framing every message.
  const channels = d.chance(4) ? drawChannels(d) : undefined;
  const withEnvelope = d.chance(4);
  const withResponses = withEnvelope && d.chance(3) !== d.chance(3);
  const protocol: Obj = {
    name: protocolName,
    ...(channels === undefined
      ? { channel: d.chance(2) ? wireValue(d) : { value: wireValue(d), ...(d.chance(2) ? { doc: docText(d) } : {}) } }
      : { channels: channels.channels }),
    version: d.chance(2) ? d.int(1, 1000) : { value: d.int(1, 2 ** 31), ...(d.chance(2) ? { doc: docText(d) } : {}) },
  };
  if (d.chance(2)) protocol.title = label(d);
  maybeDoc(c, protocol);
  if (d.chance(3)) protocol.license = docText(d);
  spec.protocol = protocol;

  if (d.chance(2)) {
    const constants: Obj = {};
    for (let i = d.int(1, 5); i > 0; i--) {
      const type = d.pick(["string", "int", "float", "bool"]);
      const k: Obj = { type, value: constantValue(d, type) };
      maybeDoc(c, k);
      maybeDeprecated(c, k);
      constants[d.fresh(c.topLevel, () => memberName(d))] = k;
    }
    spec.constants = constants;
  }

  const actorNames = new Set<string>();
  const actors: Obj = {};
  for (let i = d.int(0, 3); i > 0; i--) {
    const a: Obj = {};
    maybeDoc(c, a);
    maybeDeprecated(c, a);
    const name = d.fresh(actorNames, () => snakeName(d));
    c.actors.push(name);
    actors[name] = a;
  }
  if (c.actors.length > 0) spec.actors = actors;

  const enums: Obj = {};
  for (let i = d.int(1, 4); i > 0; i--) Object.assign(enums, buildEnum(c));
  spec.enums = enums;

  const keySets: Obj = {};
  const records: Obj = {};
  const verifyNames = new Set<string>();
  const unions: Obj = {};
  for (let i = d.int(0, 4); i > 0; i--) {
    Object.assign(records, buildRecord(c, keySets, verifyNames));
    if (d.chance(4)) {
      const union = drawUnion(c);
      if (union !== undefined) {
        const name = d.fresh(c.topLevel, () => typeName(d));
        unions[name] = union;
        c.unions.push(name);
      }
    }
  }

  const topicSets: Obj = {};
  const topicNames = new Set<string>();
  const topicValues = new Set<string>();
  const topics: TopicRef[] = [];
  const setNames: string[] = [];
  for (let i = withEnvelope ? d.int(1, 2) : d.int(0, 2); i > 0; i--) {
    // With an envelope the first set holds the requests (their responses' bodies), the rest events.
    const options = { channels: channels?.names ?? [], responses: withResponses && setNames.length === 0 };
    const built = buildTopicSet(c, keySets, topicNames, topicValues, options);
    Object.assign(topicSets, built.set);
    setNames.push(...Object.keys(built.set));
    topics.push(...built.topics);
  }
  if (Object.keys(keySets).length === 0) {
    const { set } = buildKeySet(c, d.fresh(c.topLevel, () => typeName(d)));
    Object.assign(keySets, set);
  }
  spec.keys = keySets;
  if (topics.length > 0) spec.topics = topicSets;
  if (Object.keys(records).length > 0) spec.records = records;
  if (Object.keys(unions).length > 0) spec.unions = unions;
  if (withEnvelope && setNames.length > 0) {
    spec.envelope = drawEnvelope(c, { requests: setNames.slice(0, 1), others: setNames.slice(1) }, withResponses);
  }

  if (topics.length > 0 && c.actors.length >= 2 && d.chance(2)) {
    const flows: Obj = {};
    const names = new Set<string>();
    for (let i = d.int(1, 2); i > 0; i--) {
      const flow: Obj = { steps: buildSteps(c, topics, 0) };
      maybeDoc(c, flow);
      maybeDeprecated(c, flow);
      flows[d.fresh(names, () => snakeName(d))] = flow;
    }
    spec.flows = flows;
  }

  if (d.chance(2)) spec.reserved = [reserved(d, spec)];

  // Output directories: spaces, unicode, dots and depth; one base, distinct last segments, so
  // they never overlap.
  const base = d.pick(["out", "gen erated", "ü/out", "a.b/c-d", "out/deep/er", "_out"]);
  const dirs = {
    typescript: `${base}/${d.pick(["ts", "type script", "ts.v1"])}`,
    python: `${base}/${d.pick(["python", "py thon", "pÿ"])}`,
    docs: `${base}/${d.pick(["docs", "do cs", "文档"])}`,
    schema: `${base}/${d.pick(["schema", "json-schema", "sch.ema"])}`,
  };
  spec.outputs = {
    typescript: { dir: dirs.typescript },
    python: { dir: dirs.python, package: protocolName },
    docs: { dir: dirs.docs },
    schema: { dir: dirs.schema, conformance: true },
  };
  if (d.chance(4)) {
    const breaking: Obj = {};
    if (d.chance(2)) breaking.require_version_bump = d.chance(2);
    if (d.chance(2)) {
      breaking.accept = Array.from({ length: d.int(1, 3) }, () => ({
        rule: d.pick(RULES).id,
        item: `${typeName(d)}.${memberName(d)}`,
        reason: docText(d),
      }));
    }
    spec.breaking = breaking;
  }
  if (d.chance(4)) spec.lint = { disable: d.subset(LINT_RULES.map((r) => r.id)) };
  const lineWidth = d.chance(2) ? 0 : 80;
  const defaultStringType = d.pick(["PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"] as const);
  // Drawn last, so the draws above (and the fixed seeds' specs) are what they were before the
  // team styles were drawn at all.
  if (d.chance(3)) drawTeamStyle(d, spec.outputs as { typescript: Obj; python: Obj });
  const text = stringify(spec, { lineWidth, defaultStringType, defaultKeyType: "PLAIN" });
  return { text, file: specFileName(d), pythonPackage: protocolName, dirs };
}

/**
 * A team's formatter settings in the code targets' outputs (the tool tests run prettier and ruff
 * with them): a print width from 40 (the narrowest the spec allows) to 160, a line length from
 * 72 to 160 (black's 79, 88, 100, 120 among them), each quote style, with and without
 * semicolons, and sometimes mutable TypeScript types. Python lines narrower than 72 are not
 * drawn: random specs there still find statements ruff splits differently.
 */
function drawTeamStyle(d: Draw, outputs: { typescript: Obj; python: Obj }): void {
  if (d.chance(4)) outputs.typescript.print_width = d.pick([40, 60, 80, 100, 120, 160]);
  else outputs.typescript.print_width = d.int(40, 140);
  if (d.chance(2)) outputs.typescript.quote = d.pick(["single", "double"]);
  if (d.chance(2)) outputs.typescript.semicolons = d.chance(2);
  if (d.chance(4)) outputs.typescript.readonly = false;
  if (d.chance(4)) outputs.python.line_length = d.pick([72, 79, 100, 120, 160]);
  else outputs.python.line_length = d.int(72, 140);
}

/** Reserved values that collide with no channel, topic or key value of the spec. */
function reserved(d: Draw, spec: Obj): Obj {
  const used = new Set(JSON.stringify(spec).match(/"(?:[^"\\]|\\.)*"/g) ?? []);
  const make = (): string[] =>
    Array.from({ length: d.int(0, 3) }, () => `legacy${d.pick([".", "-", " ", "_"])}${wireValue(d)}`.trim()).filter(
      (v) => !used.has(JSON.stringify(v)),
    );
  const r: Obj = { channels: make(), topics: make(), keys: make() };
  if (d.chance(2)) r.doc = docText(d);
  return r;
}

export const specArbitrary: fc.Arbitrary<FuzzSpec> = fc.gen().map((g) => buildSpec(drawFrom(g)));
