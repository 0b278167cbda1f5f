/**
 * Small hand-built protocol models for the docs emitter's tests: a seed-like protocol with every
 * kind of item, and builders for torture variants. Built as the checker would (resolved
 * references, spec order), without going through YAML.
 */
import type {
  Actor,
  CrossFieldRule,
  Enum,
  EnumMember,
  Field,
  Flow,
  FlowStep,
  Key,
  KeySet,
  Protocol,
  Record,
  Section,
  Topic,
  TopicSet,
  ValueType,
} from "../../generator/model.js";

export const SPAN = { file: "protocol.yaml", start: 0, end: 0, line: 1, col: 1 } as const;

interface Extras {
  readonly doc?: string;
  readonly deprecated?: string;
  readonly section?: Section;
  readonly value?: string;
}

export function actor(name: string, doc?: string): Actor {
  return { kind: "actor", name, doc, span: SPAN };
}

export function member(name: string, extras: Extras = {}): EnumMember {
  const value = extras.value ?? name.toLowerCase();
  return {
    kind: "enumMember",
    name,
    value,
    valueSpan: SPAN,
    derived: extras.value === undefined,
    span: SPAN,
    ...extras,
  };
}

export function enumOf(name: string, members: readonly EnumMember[], doc?: string): Enum {
  return { kind: "enum", name, doc, valueType: "string", open: false, members, span: SPAN };
}

export const STRING: ValueType = { kind: "scalar", name: "string" };
export const INT: ValueType = { kind: "scalar", name: "int" };
export const ANY: ValueType = { kind: "scalar", name: "any" };

export function key(name: string, type: ValueType, extras: Extras = {}): Key {
  const value = extras.value ?? name.toLowerCase();
  return {
    kind: "key",
    name,
    type,
    value,
    valueSpan: SPAN,
    derived: extras.value === undefined,
    span: SPAN,
    ...extras,
  };
}

export function keySet(name: string, keys: readonly Key[], doc?: string): KeySet {
  return { kind: "keySet", name, doc, prefix: "", keys, span: SPAN };
}

export function fields(required: readonly Key[], optional: readonly Key[] = []): Field[] {
  return [
    ...required.map((k) => ({ key: k, type: k.type, required: true, local: false, span: SPAN })),
    ...optional.map((k) => ({ key: k, type: k.type, required: false, local: false, span: SPAN })),
  ];
}

export interface TopicSpec extends Extras {
  readonly from?: Actor;
  readonly to?: Actor;
  readonly replies?: readonly string[];
  readonly fields?: readonly Field[];
  readonly forbidUnknown?: boolean;
}

/** Topics with replies resolved by name within the set. */
export function topicSet(
  name: string,
  prefix: string,
  specs: readonly (readonly [string, TopicSpec])[],
  doc?: string,
): TopicSet {
  const topics: { -readonly [K in keyof Topic]: Topic[K] }[] = specs.map(([n, s]) => ({
    kind: "topic",
    name: n,
    value: s.value ?? prefix + n.toLowerCase(),
    valueSpan: SPAN,
    derived: s.value === undefined,
    span: SPAN,
    doc: s.doc,
    deprecated: s.deprecated,
    section: s.section,
    from: s.from,
    to: s.to,
    replies: [],
    channels: [],
    payload: { fields: s.fields ?? [], unknownKeys: s.forbidUnknown === true ? "forbid" : "allow", span: SPAN },
  }));
  specs.forEach(([, s], i) => {
    const t = topics[i];
    if (t !== undefined) t.replies = (s.replies ?? []).map((r) => find(topics, r));
  });
  return { kind: "topicSet", name, doc, prefix, topics, span: SPAN };
}

export function find<T extends { readonly name: string }>(items: readonly T[], name: string): T {
  const found = items.find((i) => i.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

export function message(topics: TopicSet, name: string, reply = false, note?: string): FlowStep {
  const topic = find(topics.topics, name);
  if (topic.from === undefined || topic.to === undefined) throw new Error(`${name} has no direction`);
  return { kind: "message", topic, from: topic.from, to: topic.to, reply, note, span: SPAN };
}

export function flow(name: string, steps: readonly FlowStep[], doc?: string): Flow {
  return { kind: "flow", name, doc, steps, span: SPAN };
}

export function protocol(parts: Partial<Protocol>): Protocol {
  return {
    name: "demo",
    file: "protocol.yaml",
    span: SPAN,
    channel: { kind: "constant", name: "CHANNEL", type: "string", value: "demo", valueSpan: SPAN, span: SPAN },
    version: { kind: "constant", name: "PROTOCOL_VERSION", type: "int", value: 1, valueSpan: SPAN, span: SPAN },
    constants: [],
    actors: [],
    enums: [],
    keySets: [],
    topicSets: [],
    records: [],
    unions: [],
    channels: [],
    flows: [],
    reserved: [],
    acceptedBreaking: [],
    outputs: { docs: { dir: "generated/docs" } },
    ...parts,
  };
}

/** A protocol shaped like the seed: handshake, per-task loop, teardown, model-exchange meta. */
export function seedLike(): Protocol {
  const trainer = actor("trainer", "The trainer process.\nSecond line.");
  const engine = actor("engine", "The engine side.");
  const encoding = enumOf("ModelEncoding", [member("BASE64"), member("HEX"), member("UTF8")], "Encodings.");
  const format = enumOf("ModelNativeFormat", [
    member("BINARY", { doc: "Raw bytes", section: { title: "Formats" } }),
    member("STRING"),
  ]);
  const sessionId = key("SESSION_ID", STRING, {
    section: { title: "Session setup" },
    doc: "Identifies one connection.",
  });
  const rank = key("RANK", INT);
  const nonce = key("NONCE", STRING);
  const reason = key("REASON", STRING);
  const taskId = key("TASK_ID", STRING, { section: { title: "Per task" } });
  const tags = key("TAGS", { kind: "list", of: STRING }, { deprecated: "use LABELS" });
  const msgKey = keySet("MsgKey", [sessionId, rank, nonce, reason, taskId, tags], "Payload keys.");
  const nativeFormat = key("MODEL_BUFFER_NATIVE_FORMAT", { kind: "enum", enum: format });
  const enc = key("MODEL_BUFFER_ENCODING", { kind: "enum", enum: encoding });
  const encs = key("ENCODINGS", { kind: "list", of: { kind: "enum", enum: encoding } });
  const meta = keySet("ModelExchangeFormat", [nativeFormat, enc, encs]);
  const topics = topicSet(
    "Topic",
    "client_api.",
    [
      [
        "HELLO",
        {
          section: { title: "Session setup" },
          doc: "Introduces the trainer.",
          from: trainer,
          to: engine,
          replies: ["HELLO_CHALLENGE"],
          fields: fields([sessionId, rank]),
        },
      ],
      [
        "HELLO_CHALLENGE",
        { from: engine, to: trainer, replies: ["HELLO_ACCEPTED", "HELLO_REJECTED"], fields: fields([nonce]) },
      ],
      ["HELLO_ACCEPTED", { from: engine, to: trainer }],
      ["HELLO_REJECTED", { from: engine, to: trainer, fields: fields([reason]) }],
      [
        "TASK_READY",
        {
          section: { title: "Per task" },
          from: engine,
          to: trainer,
          replies: ["TASK_ACCEPTED"],
          fields: fields([taskId], [tags]),
          forbidUnknown: true,
        },
      ],
      ["TASK_ACCEPTED", { from: trainer, to: engine }],
      ["LOG", { section: { title: "Runtime", doc: "Any time." }, deprecated: "" }],
    ],
    "Topics.",
  );
  const rule: CrossFieldRule = {
    id: "binary_needs_text_encoding",
    doc: "Binary data needs a text encoding.",
    if: { key: nativeFormat, values: ["binary"] },
    then: { key: enc, values: ["base64", "hex"] },
    span: SPAN,
  };
  const record: Record = {
    kind: "record",
    name: "ModelExchangeMeta",
    doc: "The meta.",
    span: SPAN,
    keySet: meta,
    fields: fields([nativeFormat, enc], [encs]),
    unknownKeys: "allow",
    rules: [rule],
    verify: {
      function: "verify_payload",
      functionSpan: SPAN,
      doc: "Verify the payload.",
      argument: "task_dxo",
      argumentSpan: SPAN,
      argumentDoc: "The task data dxo to verify",
      attribute: "meta",
      containerType: "DXO",
      expects: [{ key: enc, param: "expected_encoding", paramSpan: SPAN, label: "encoding", doc: "Expected encoding" }],
      span: SPAN,
    },
  };
  const session = flow(
    "session",
    [
      message(topics, "HELLO"),
      message(topics, "HELLO_CHALLENGE", true),
      {
        kind: "alt",
        span: SPAN,
        branches: [
          { label: "auth success", steps: [message(topics, "HELLO_ACCEPTED", true)] },
          { label: "auth failure", steps: [message(topics, "HELLO_REJECTED", true)] },
        ],
      },
      {
        kind: "loop",
        label: "Every training round",
        span: SPAN,
        steps: [message(topics, "TASK_READY"), message(topics, "TASK_ACCEPTED", true)],
      },
    ],
    "Handshake and tasks.",
  );
  return protocol({
    name: "client_api",
    title: "Client API vocabulary.",
    doc: "The wire contract.\n\nPure constants.",
    channel: {
      kind: "constant",
      name: "CHANNEL",
      type: "string",
      value: "client_api",
      valueSpan: SPAN,
      span: SPAN,
      doc: "The channel.",
    },
    constants: [{ kind: "constant", name: "TIMEOUT", type: "float", value: 2, valueSpan: SPAN, span: SPAN }],
    actors: [trainer, engine],
    enums: [format, encoding],
    keySets: [msgKey, meta],
    topicSets: [topics],
    records: [record],
    flows: [session],
    reserved: [
      {
        doc: "Legacy.",
        channels: [{ value: "flare_agent", span: SPAN }],
        topics: [{ value: "hello", span: SPAN }],
        keys: [],
        span: SPAN,
      },
    ],
  });
}
