/**
 * Stage 3: the checked YAML document → the `Protocol` model, references resolved to objects.
 * Unresolved references are reported here (the build is where names meet); everything else
 * semantic is in rules.ts, which reads the model.
 */
import { isMap, isScalar } from "yaml";
import { diagnostic } from "../diagnostics.js";
import type {
  AcceptedBreaking,
  Actor,
  Constant,
  Enum,
  Flow,
  KeySet,
  LintConfig,
  Protocol,
  Record,
  Reserved,
  ReservedValue,
  Span,
  TaggedUnion,
  Topic,
  TopicSet,
} from "../model.js";
import { assignChannels, buildChannels, channelsConstant } from "./build-channels.js";
import { buildEnvelope } from "./build-envelope.js";
import { buildFlow } from "./build-flows.js";
import { buildOutputs } from "./build-outputs.js";
import { buildEnum, buildKeySet } from "./build-sets.js";
import { completeRecord, deriveRecords, isDerived, recordShell } from "./build-records.js";
import type { MutableRecord } from "./build-records.js";
import { completeUnion, unionShell } from "./build-unions.js";
import { buildTopicSet } from "./build-topics.js";
import { addName } from "./lookup.js";
import { child, doc, docs, entries, keyNodeOf, span, str, strings } from "./read.js";
import type { Entry, Reader } from "./read.js";
import { itemsOf, unrepresentable } from "./yaml-node.js";

/**
 * The model, or undefined when the spec is not a mapping. When the protocol's name, channel or
 * version is missing or malformed (already reported), a placeholder stands in so the semantic
 * rules still run over the rest and every problem is reported at once; `complete` is then false
 * and the model must never reach an emitter.
 */
export function buildProtocol(r: Reader, root: unknown): { protocol: Protocol; complete: boolean } | undefined {
  if (!isMap(root)) return undefined;
  const index = new Map<string, string[]>();
  const all = (key: string) => entries(r, root, key);
  for (const e of all("enums")) addName(index, e.name, `enum ${e.name}`);
  for (const e of all("keys")) addName(index, e.name, `key set ${e.name}`);
  for (const e of all("topics")) addName(index, e.name, `topic set ${e.name}`);
  for (const e of all("records")) addName(index, e.name, `record ${e.name}`);
  for (const e of all("constants")) addName(index, e.name, `constant ${e.name}`);
  for (const e of all("actors")) addName(index, e.name, `actor ${e.name}`);
  for (const e of all("unions")) addName(index, e.name, `union ${e.name}`);

  const actors = all("actors").map((e): Actor => ({ kind: "actor", name: e.name, ...docs(r, e.node), span: e.span }));
  const enums = all("enums").map((e) => buildEnum(r, e));
  for (const e of enums) for (const m of e.members) addName(index, m.name, `member ${e.name}.${m.name}`);
  const recordEntries = all("records");
  const shells = recordEntries.map((e) => recordShell(r, e));
  const unionEntries = all("unions");
  const unionShells = unionEntries.map((e) => unionShell(r, e));
  const scope = {
    enums: new Map(enums.map((e) => [e.name, e] as const)),
    records: firstByName(shells as Record[]),
    unions: firstByName(unionShells as TaggedUnion[]),
    actors: new Map(actors.map((a) => [a.name, a] as const)),
    index,
  };
  const keySets = all("keys").map((e) => buildKeySet(r, e, scope));
  for (const s of keySets) for (const k of s.keys) addName(index, k.name, `key ${s.name}.${k.name}`);
  const keySetMap = new Map(keySets.map((s) => [s.name, s] as const));
  const topicSets = all("topics").map((e) => buildTopicSet(r, e, { ...scope, keySets: keySetMap }));
  const completed = new Set<Record>();
  const derived: { entry: Entry; record: MutableRecord }[] = [];
  recordEntries.forEach((e, i) => {
    const shell = shells[i];
    if (shell === undefined) return;
    if (isDerived(r, e)) derived.push({ entry: e, record: shell });
    else if (completeRecord(r, e, shell, { keySets: keySetMap, index, types: scope })) completed.add(shell);
  });
  const derivedKept = deriveRecords(r, derived, completed, { records: scope.records, index });
  const records = shells.filter((s) => completed.has(s) || derivedKept.has(s)) as Record[];
  const keptByName = firstByName(records);
  const variantOf = new Map<Record, { union: TaggedUnion; span: Span }>();
  unionEntries.forEach((e, i) => {
    const shell = unionShells[i];
    if (shell !== undefined) completeUnion(r, e, shell, { records: keptByName, index, variantOf });
  });
  const topics = new Map<string, Topic>();
  for (const s of topicSets) for (const t of s.topics) if (!topics.has(t.name)) topics.set(t.name, t);
  const flows = all("flows").map((e): Flow => buildFlow(r, e, { topics, actors: scope.actors, index }));

  const protocolNode = child(r, root, "protocol");
  const name = str(r, protocolNode, "name");
  const channels = buildChannels(r, protocolNode);
  assignChannels(r, root, topicSets, channels, index);
  const envelope = buildEnvelope(r, root, { ...scope, topicSets: new Map(topicSets.map((s) => [s.name, s] as const)) });
  const channel = channelsConstant(r, protocolNode, span(r, keyNodeOf(root, "protocol")), channelConstant(r, protocolNode), channels);
  const version = versionConstant(r, protocolNode);
  const complete = name !== undefined && channel !== undefined && version !== undefined;
  const protocolSpan = span(r, keyNodeOf(root, "protocol"));
  const constants = all("constants").flatMap((e) => constant(r, e));
  const protocol: Protocol = {
    name: name?.value ?? "protocol",
    ...optional("title", str(r, protocolNode, "title")?.value.trim()),
    ...optional("doc", doc(r, protocolNode)),
    ...optional("license", doc(r, protocolNode, "license")),
    file: r.source.file,
    span: protocolSpan,
    channel: channel ?? placeholderConstant("CHANNEL", "string", "channel", protocolSpan),
    channels,
    ...optional("envelope", envelope),
    version: version ?? placeholderConstant("PROTOCOL_VERSION", "int", 1, protocolSpan),
    constants,
    actors,
    enums: enums as Enum[],
    keySets: keySets as KeySet[],
    topicSets: topicSets as TopicSet[],
    records,
    unions: unionShells as TaggedUnion[],
    flows,
    reserved: itemsOf(child(r, root, "reserved")).filter((n) => !r.bad.has(n)).map((n) => reserved(r, n)),
    acceptedBreaking: itemsOf(child(r, child(r, root, "breaking"), "accept")).flatMap((n) => accepted(r, n)),
    ...optional("requireVersionBump", requireVersionBump(r, child(r, root, "breaking"))),
    ...optional("lint", lint(r, child(r, root, "lint"))),
    outputs: buildOutputs(r, child(r, root, "outputs"), name?.value ?? "protocol", {
      constants: [...(channel === undefined ? [] : [channel]), ...(version === undefined ? [] : [version]), ...constants],
      sets: [...enums, ...keySets, ...topicSets],
      records,
    }),
  };
  return { protocol, complete };
}

/** The first item of each name, as a search in spec order finds it (a duplicate is reported elsewhere). */
function firstByName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) if (!out.has(item.name)) out.set(item.name, item);
  return out;
}

function placeholderConstant(name: string, type: "string" | "int", value: string | number, at: Span): Constant {
  return { kind: "constant", name, span: at, type, value, valueSpan: at };
}

/** A number or boolean option (the schema has checked its type; a bad value is left out). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function channelConstant(r: Reader, protocol: unknown): Constant | undefined {
  const node = child(r, protocol, "channel");
  const keySpan = span(r, keyNodeOf(protocol, "channel"));
  const value = isScalar(node) ? str(r, protocol, "channel") : str(r, node, "value");
  if (value === undefined) return undefined;
  const d = isMap(node) ? doc(r, node) : undefined;
  return { kind: "constant", name: "CHANNEL", ...optional("doc", d), span: keySpan, type: "string", value: value.value, valueSpan: value.span };
}

function versionConstant(r: Reader, protocol: unknown): Constant | undefined {
  const node = child(r, protocol, "version");
  const keySpan = span(r, keyNodeOf(protocol, "version"));
  const holder = isMap(node) ? node : protocol;
  const valueNode = isMap(node) ? child(r, node, "value") : node;
  if (!isScalar(valueNode) || typeof valueNode.value !== "number" || r.bad.has(valueNode)) return undefined;
  const d = isMap(holder) && holder === node ? doc(r, node) : undefined;
  return {
    kind: "constant",
    name: "PROTOCOL_VERSION",
    ...optional("doc", d),
    span: keySpan,
    type: "int",
    value: valueNode.value,
    valueSpan: span(r, valueNode),
  };
}

const CONSTANT_TYPES = ["string", "int", "float", "bool"] as const;

function constant(r: Reader, e: Entry): Constant[] {
  const type = str(r, e.node, "type")?.value;
  const valueNode = child(r, e.node, "value");
  const t = CONSTANT_TYPES.find((x) => x === type);
  if (t === undefined || !isScalar(valueNode)) return [];
  const value = valueNode.value;
  const fits =
    (t === "string" && typeof value === "string") ||
    (t === "bool" && typeof value === "boolean") ||
    (t === "float" && typeof value === "number" && Number.isFinite(value)) ||
    (t === "int" && typeof value === "number" && Number.isSafeInteger(value) && /^[-+]?[0-9]+$/.test(valueNode.source ?? ""));
  if (!fits) {
    const beyond = t === "int" || t === "float" ? unrepresentable(valueNode) : undefined;
    const hint = beyond?.hint ?? (t === "string" ? `quote it: "${String(valueNode.source ?? value)}"` : `write ${t === "int" ? "an" : "a"} ${t} value`);
    const message = `constant ${e.name} is declared ${t}, but its value is ${beyond === undefined ? String(valueNode.source ?? value) : beyond.problem}`;
    r.diagnostics.push(diagnostic("WD323", message, span(r, valueNode), { hint }));
    return [];
  }
  // An int has no sign of zero: `-0` is the int 0 in Python, so it is 0 in every output.
  const normalized = t === "int" && Object.is(value, -0) ? 0 : (value as string | number | boolean);
  return [{ kind: "constant", name: e.name, ...docs(r, e.node), span: e.span, type: t, value: normalized, valueSpan: span(r, valueNode) }];
}

function reserved(r: Reader, node: unknown): Reserved {
  const values = (key: string): ReservedValue[] => strings(r, node, key).map((s) => ({ value: s.value, span: s.span }));
  return { ...optional("doc", doc(r, node)), channels: values("channels"), topics: values("topics"), keys: values("keys"), span: span(r, node) };
}

function accepted(r: Reader, node: unknown): AcceptedBreaking[] {
  const rule = str(r, node, "rule");
  const item = str(r, node, "item");
  const reason = str(r, node, "reason");
  if (rule === undefined || item === undefined || reason === undefined) return [];
  return [{ rule: rule.value, item: item.value, reason: reason.value, span: span(r, node) }];
}

function requireVersionBump(r: Reader, breaking: unknown): boolean | undefined {
  const node = child(r, breaking, "require_version_bump");
  return isScalar(node) && typeof node.value === "boolean" ? node.value : undefined;
}

function lint(r: Reader, node: unknown): LintConfig | undefined {
  if (node === undefined) return undefined;
  return { disable: strings(r, node, "disable").map((s) => ({ rule: s.value, span: s.span })) };
}

