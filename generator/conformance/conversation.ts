/**
 * Conversation vectors (`conversation.json`, beside conformance.json): whole messages with the
 * verdict of `validateMessage` / `validate_message`, and conversations — message sequences with
 * the verdict of `Conversation.accept` for each. Every expectation comes from how the case is
 * built (a valid message, then one mutation; a flow walked in order, then a step taken too
 * early, a reply to nothing, a reply of the wrong topic), never from a checker.
 */
import type { EnvelopeKind, FieldPath, GeneratedFile, Protocol, Topic, ValueType } from "../model.js";
import { envelopePlan, testOf, type FieldCheck, type KindPlan, type Test, type TopicCase } from "../emit/envelope-plan.js";
import { conversationPlan } from "../emit/conversation-plan.js";
import { generatedNotice } from "../emit/header.js";
import { jsonText, type Json } from "../emit/jsonschema/json-text.js";
import { jsonObject, sampleObject, sampleValue, type JsonObject, type JsonValue } from "./samples.js";
import { recordView, responseView, topicView } from "./shapes.js";
import type { FlowStep } from "../model.js";

export interface MessageVector {
  readonly description: string;
  readonly message: JsonValue;
  /** The answered request's topic, passed as validateMessage's second argument. */
  readonly request?: string;
  readonly expect:
    | { readonly ok: true; readonly kind: string; readonly topic: string | null }
    | { readonly ok: false; readonly errors: readonly { readonly path: readonly (string | number)[]; readonly code: string }[] };
}

export type StepExpect = { readonly ok: true; readonly answers: number | null } | { readonly ok: false; readonly code: string };

export interface ConversationVector {
  readonly description: string;
  readonly steps: readonly { readonly message: JsonValue; readonly expect: StepExpect }[];
}

export function conversationPath(protocol: Protocol): string | undefined {
  const dir = protocol.outputs.schema?.dir;
  return dir === undefined || protocol.envelope === undefined ? undefined : `${dir.replace(/\/+$/, "")}/conversation.json`;
}

export function emitConversationVectors(protocol: Protocol): GeneratedFile[] {
  const path = conversationPath(protocol);
  if (path === undefined) return [];
  const document = {
    $comment: generatedNotice(protocol).join(" "),
    description:
      "Conversation vectors. `messages`: validate `message` (with `request` as the answered request's topic when present) and expect `ok` with `kind` and `topic`, or exactly `errors` (path and code, in order). `conversations`: feed each step's `message` to one new Conversation's accept and expect its verdict (`answers`: the index of the answered message among the accepted ones, or null; or the refusal `code`).",
    messages: buildMessageVectors(protocol) as unknown as Json,
    conversations: buildConversationVectors(protocol) as unknown as Json,
  };
  return [{ path, text: jsonText(document) }];
}

/** Builds messages of one protocol: ids count up so every request is told apart. */
class Builder {
  #next = 1;
  readonly protocol: Protocol;
  constructor(protocol: Protocol) {
    this.protocol = protocol;
  }

  /** A valid message of `plan`'s kind carrying `c` (its topic), answering `answered` when given. */
  message(plan: KindPlan, c: TopicCase | undefined, answered?: JsonObject): JsonObject {
    const env = plan.kind;
    const envelope = this.protocol.envelope;
    if (envelope === undefined) throw new Error("no envelope");
    let m: JsonObject = jsonObject();
    for (const f of [...envelope.fields, ...env.fields]) if (f.required) m = with_(m, [f.key.value], fieldSample(f.type));
    if (envelope.tag !== undefined) m = with_(m, [envelope.tag.key], env.value ?? env.name);
    if (c !== undefined && plan.topicPath.length > 0) m = with_(m, plan.topicPath, c.topic.value);
    const own = this.#requestPath(env);
    if (own !== undefined) m = with_(m, own.keys, this.#id(own));
    if (answered !== undefined && env.answers !== undefined) {
      m = with_(m, env.answers.field.keys, read(answered, env.answers.request.keys) ?? null);
    }
    if (env.payload !== undefined && c !== undefined) {
      const view = c.shape === undefined ? undefined : c.shape.kind === "response" ? responseView(c.topic)[0] : c.shape.kind === "topic" ? topicView(c.shape) : recordView(c.shape);
      if (view !== undefined) m = with_(m, [env.payload.key], sampleObject(view, "required"));
      else if (c.required) m = with_(m, [env.payload.key], jsonObject());
    }
    return m;
  }

  /** The field of this kind another kind's answers refer to (the kind's own id), if any. */
  #requestPath(kind: EnvelopeKind): FieldPath | undefined {
    return this.protocol.envelope?.kinds.find((k) => k.answers?.kinds.includes(kind) === true)?.answers?.request;
  }

  #id(path: FieldPath): JsonValue {
    const n = this.#next++;
    const field = path.fields[path.fields.length - 1];
    return field !== undefined && accepts(testOf(field.type), n) ? n : `id-${n}`;
  }
}

function fieldSample(type: ValueType): JsonValue {
  switch (type.kind) {
    case "literal":
      return type.value;
    case "nullable":
      return fieldSample(type.of);
    case "oneOf":
      return fieldSample(type.of[0] as ValueType);
    case "list":
      return [];
    case "map":
      return jsonObject();
    case "scalar":
      return type.name === "any" || type.name === "json" ? "opaque" : sampleValue(type);
    default:
      return sampleValue(type);
  }
}

/** Whether the test accepts the value: the validators' semantics for the field tests. */
export function accepts(test: Test | undefined, v: JsonValue): boolean {
  if (test === undefined) return true;
  switch (test.kind) {
    case "any":
      return true;
    case "string":
      return typeof v === "string";
    case "int":
      return typeof v === "number" && Number.isInteger(v);
    case "float":
      return typeof v === "number" && Number.isFinite(v);
    case "bool":
      return typeof v === "boolean";
    case "null":
      return v === null;
    case "object":
      return typeof v === "object" && v !== null && !Array.isArray(v);
    case "array":
      return Array.isArray(v);
    case "literal":
      return v === test.value;
    case "enum":
      return typeof v === "string" && test.values.includes(v);
    case "oneOf":
      return test.of.some((t) => accepts(t, v));
  }
}

const WRONG_VALUES: readonly JsonValue[] = [12345, "text", true, 1.5, null, [], { k: 1 }];

/** A value the test accepts (a literal's own value, an enum's first one); none for `any`. */
function acceptedSample(test: Test): JsonValue | undefined {
  switch (test.kind) {
    case "any":
      return undefined;
    case "literal":
      return test.value;
    case "enum":
      return test.values[0];
    case "oneOf":
      return test.of.map(acceptedSample).find((v) => v !== undefined);
    case "object":
      return jsonObject();
    case "array":
      return [];
    default:
      return WRONG_VALUES.find((v) => accepts(test, v));
  }
}

/** A string that is none of the enum's values. */
function notAMember(values: readonly string[]): string {
  let v = "not a value";
  while (values.includes(v)) v += "!";
  return v;
}

function with_(m: JsonObject, path: readonly string[], value: JsonValue): JsonObject {
  const [first, ...rest] = path;
  if (first === undefined) return m;
  const inner = m[first];
  const next = rest.length === 0 ? value : with_(typeof inner === "object" && inner !== null && !Array.isArray(inner) ? inner : jsonObject(), rest, value);
  const out = jsonObject(Object.entries(m));
  out[first] = next;
  return out;
}

function without(m: JsonObject, key: string): JsonObject {
  return jsonObject(Object.entries(m).filter(([k]) => k !== key));
}

function read(m: JsonValue, path: readonly string[]): JsonValue | undefined {
  let v: JsonValue | undefined = m;
  for (const key of path) {
    if (typeof v !== "object" || v === null || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

/** A value of the field's type that breaks its constraints, and the issues it gets (in check order). */
function violation(f: NonNullable<FieldCheck["constraints"]>): { value: JsonValue; codes: string[] } | undefined {
  const c = f.c;
  if (f.on === "number") {
    if (c.minimum !== undefined) return { value: Math.floor(c.minimum) - 1, codes: ["out_of_range", ...(c.maximum !== undefined && Math.floor(c.minimum) - 1 > c.maximum ? ["out_of_range"] : [])] };
    if (c.maximum !== undefined) return { value: Math.ceil(c.maximum) + 1, codes: ["out_of_range"] };
    return undefined;
  }
  if (f.on === "string") {
    if (c.minLength !== undefined && c.minLength > 0) return { value: "", codes: ["too_short", ...(c.format === undefined ? [] : ["bad_format"])] };
    if (c.format !== undefined) return { value: "%%", codes: ["bad_format", ...(c.minLength !== undefined && c.minLength > 2 ? ["too_short"] : [])] };
    return undefined;
  }
  return c.minItems !== undefined && c.minItems > 0 ? { value: [], codes: ["too_short"] } : undefined;
}

function okTopic(c: TopicCase | undefined): string | null {
  return c === undefined ? null : c.topic.value;
}

export function buildMessageVectors(protocol: Protocol): MessageVector[] {
  const plan = envelopePlan(protocol);
  if (plan === undefined) return [];
  const b = new Builder(protocol);
  const out: MessageVector[] = [];
  const env = plan.envelope;
  out.push({ description: "not an object", message: [], expect: { ok: false, errors: [{ path: [], code: "not_object" }] } });
  for (const k of plan.kinds) {
    const cases: (TopicCase | undefined)[] = k.topics.length === 0 ? [undefined] : [...k.topics];
    const byRequest = k.topicPath.length === 0 && k.topics.length > 0;
    for (const c of cases) {
      const m = b.message(k, c);
      const what = `${k.kind.name}${c === undefined ? "" : ` of ${c.topic.value}`}`;
      const request = byRequest && c !== undefined ? { request: c.topic.value } : {};
      out.push({ description: `a valid ${what}`, message: m, ...request, expect: { ok: true, kind: k.kind.name, topic: byRequest || c !== undefined ? okTopic(c) : null } });
      if (c !== undefined && k.kind.payload !== undefined && c.shape !== undefined) {
        const view = c.shape.kind === "response" ? responseView(c.topic)[0] : c.shape.kind === "topic" ? topicView(c.shape) : undefined;
        const required = view?.fields.filter((f) => f.required) ?? [];
        if (required.length > 0) {
          const key = k.kind.payload.key;
          out.push({
            description: `${what} with an empty payload`,
            message: with_(m, [key], jsonObject()),
            ...request,
            expect: { ok: false, errors: required.map((f) => ({ path: [key, f.key.value], code: "missing_key" })) },
          });
          if (c.required && (env.tag !== undefined || !k.requires.includes(key))) out.push({ description: `${what} without its payload`, message: without(m, key), ...request, expect: { ok: false, errors: [{ path: [key], code: "missing_key" }] } });
        } else if (c.required && (env.tag !== undefined || !k.requires.includes(k.kind.payload.key))) {
          // `present: true` (or the kind's payload_required) with no required field: only the key's absence fails.
          const key = k.kind.payload.key;
          out.push({ description: `${what} without its payload, which must be present`, message: without(m, key), ...request, expect: { ok: false, errors: [{ path: [key], code: "missing_key" }] } });
        }
        if (c.nullable) {
          const key = k.kind.payload.key;
          out.push({ description: `${what} with a null payload (nullable)`, message: with_(m, [key], null), ...request, expect: { ok: true, kind: k.kind.name, topic: okTopic(c) } });
        }
      }
    }
    const payloadKey = k.kind.payload?.key;
    const chosen = cases[0];
    if (payloadKey !== undefined && chosen !== undefined) {
      // A when-rule's value: the payload is its record (an empty one lacks its required fields), not the topic's.
      const request = byRequest ? { request: chosen.topic.value } : {};
      for (const w of k.when) {
        const m = with_(with_(b.message(k, chosen), w.path, w.value), [payloadKey], jsonObject());
        const required = w.record.fields.filter((f) => f.required).map((f) => ({ path: [payloadKey, f.key.value], code: "missing_key" }));
        const what = `${k.kind.name} of ${chosen.topic.value} whose ${w.path.join(".")} is ${JSON.stringify(w.value)}`;
        out.push({
          description: `${what}, with an empty ${w.record.name}`,
          message: m,
          ...request,
          expect: required.length === 0 ? { ok: true, kind: k.kind.name, topic: okTopic(chosen) } : { ok: false, errors: required },
        });
        if (w.required && (env.tag !== undefined || !k.requires.includes(payloadKey))) {
          out.push({ description: `${what}, without its payload`, message: without(m, payloadKey), ...request, expect: { ok: false, errors: [{ path: [payloadKey], code: "missing_key" }] } });
        }
      }
    }
    const first = cases[0];
    const base = b.message(k, first);
    const request = byRequest && first !== undefined ? { request: first.topic.value } : {};
    if (k.topicPath.length > 0 && first !== undefined) {
      out.push({ description: `${k.kind.name} of an unknown topic`, message: with_(base, k.topicPath, "no such topic"), expect: { ok: false, errors: [{ path: k.topicPath, code: "unknown_topic" }] } });
    }
    for (const f of k.fields) {
      const removable = env.tag !== undefined || !k.requires.includes(f.key);
      if (f.required && removable) {
        out.push({ description: `${k.kind.name} without "${f.key}"`, message: without(base, f.key), ...request, expect: { ok: false, errors: [{ path: [f.key], code: "missing_key" }] } });
      }
      // Every field with a test, required or optional: a value it accepts passes and one it does not
      // fails, so two fields whose tests look alike cannot share one test unnoticed. An optional field
      // that another kind requires is left out where kinds are told apart by their keys.
      const settable = Object.hasOwn(base, f.key) || env.tag !== undefined || !plan.kinds.some((o) => o !== k && o.requires.includes(f.key));
      if (f.record === undefined && f.test !== undefined && f.test.kind !== "any" && f.key !== k.topicPath[0] && settable) {
        const good = acceptedSample(f.test);
        if (good !== undefined && f.constraints === undefined && !Object.hasOwn(base, f.key)) {
          const expect = { ok: true as const, kind: k.kind.name, topic: byRequest || first !== undefined ? okTopic(first) : null };
          out.push({ description: `${k.kind.name} with "${f.key}" ${JSON.stringify(good)}`, message: with_(base, [f.key], good), ...request, expect });
        }
        const bad = WRONG_VALUES.find((v) => !accepts(f.test, v));
        if (bad !== undefined) {
          out.push({ description: `${k.kind.name} with "${f.key}" of the wrong type`, message: with_(base, [f.key], bad), ...request, expect: { ok: false, errors: [{ path: [f.key], code: "wrong_type" }] } });
        }
        const outside = f.test.kind === "enum" ? notAMember(f.test.values) : undefined;
        if (outside !== undefined) {
          out.push({ description: `${k.kind.name} with "${f.key}" not one of its values`, message: with_(base, [f.key], outside), ...request, expect: { ok: false, errors: [{ path: [f.key], code: "not_in_enum" }] } });
        }
      }
      const broken = f.constraints === undefined ? undefined : violation(f.constraints);
      if (broken !== undefined && Object.hasOwn(base, f.key)) {
        const errors = broken.codes.map((code) => ({ path: [f.key], code }));
        out.push({ description: `${k.kind.name} with "${f.key}" outside its constraints`, message: with_(base, [f.key], broken.value), ...request, expect: { ok: false, errors } });
      }
    }
  }
  if (env.tag !== undefined) {
    const k = plan.kinds[0] as KindPlan;
    const base = new Builder(protocol).message(k, k.topics[0]);
    const tag = env.tag.key;
    out.push({ description: "no tag", message: without(base, tag), expect: { ok: false, errors: [{ path: [tag], code: "missing_key" }] } });
    out.push({ description: "a tag of no kind", message: with_(base, [tag], "no such kind"), expect: { ok: false, errors: [{ path: [tag], code: "unknown_tag" }] } });
    out.push({ description: "a tag that is not a string", message: with_(base, [tag], 7), expect: { ok: false, errors: [{ path: [tag], code: "wrong_type" }] } });
  } else if (plan.kinds.every((k) => k.requires.length > 0)) {
    let m = jsonObject();
    for (const f of env.fields) if (f.required) m = with_(m, [f.key.value], fieldSample(f.type));
    out.push({ description: "the keys of no kind", message: m, expect: { ok: false, errors: [{ path: [], code: "unknown_kind" }] } });
  }
  return out;
}

export function buildConversationVectors(protocol: Protocol): ConversationVector[] {
  const plan = envelopePlan(protocol);
  const conv = conversationPlan(protocol);
  if (plan === undefined || conv === undefined) return [];
  const out: ConversationVector[] = [];
  const carrier = (topic: Topic): { k: KindPlan; c: TopicCase } | undefined => {
    for (const k of plan.kinds) {
      if (k.kind.responses) continue;
      const c = k.topics.find((x) => x.topic === topic);
      if (c !== undefined) return { k, c };
    }
    return undefined;
  };
  const responder = (topic: Topic): { k: KindPlan; c: TopicCase } | undefined => {
    for (const k of plan.kinds) {
      if (!k.kind.responses) continue;
      const c = k.topics.find((x) => x.topic === topic);
      if (c !== undefined) return { k, c };
    }
    return undefined;
  };
  const isReplyTopic = (t: Topic) => conv.replyTo.has(t.value);

  // A walk through each flow: the first branch of each alt, each loop once; each request with a
  // response kind is followed by its response.
  for (const flow of protocol.flows) {
    const b = new Builder(protocol);
    const steps: { message: JsonValue; expect: StepExpect }[] = [];
    const sent: { topic: Topic; message: JsonObject; open: boolean; kind: EnvelopeKind }[] = [];
    let possible = true;
    const walk = (list: readonly FlowStep[]) => {
      for (const step of list) {
        if (!possible) return;
        if (step.kind === "alt") walk(step.branches[0]?.steps ?? []);
        else if (step.kind === "loop") walk(step.steps);
        else {
          const carried = carrier(step.topic);
          if (carried === undefined) {
            possible = false;
            return;
          }
          let answers: number | null = null;
          let answered: JsonObject | undefined;
          if (isReplyTopic(step.topic)) {
            const requests = conv.replyTo.get(step.topic.value) ?? [];
            let index = -1;
            for (let i = sent.length - 1; i >= 0; i--) {
              const s = sent[i];
              if (s !== undefined && s.open && requests.includes(s.topic.value)) {
                index = i;
                break;
              }
            }
            const target = sent[index];
            const correlates = carried.k.kind.answers !== undefined && target !== undefined && carried.k.kind.answers.kinds.includes(target.kind);
            if (target === undefined || (carried.k.kind.answers !== undefined && !correlates)) {
              possible = false;
              return;
            }
            answers = index;
            answered = target.message;
            target.open = false;
          }
          const m = b.message(carried.k, carried.c, answered);
          steps.push({ message: m, expect: { ok: true, answers } });
          sent.push({ topic: step.topic, message: m, open: true, kind: carried.k.kind });
          const responds = responder(step.topic);
          if (responds !== undefined && responds.k.kind.answers?.kinds.includes(carried.k.kind) === true) {
            const index = sent.length - 1;
            const r = b.message(responds.k, responds.c, m);
            steps.push({ message: r, expect: { ok: true, answers: index } });
            sent.push({ topic: step.topic, message: r, open: false, kind: responds.k.kind });
            const own = sent[index];
            if (own !== undefined) own.open = false;
          }
        }
      }
    };
    walk(flow.steps);
    if (possible && steps.length > 0) out.push({ description: `flow ${flow.name}, in order`, steps });
  }

  // A topic the flows put after others, sent first.
  for (const [value, alternatives] of conv.after) {
    const topic = plan.kinds.flatMap((k) => k.topics).find((c) => c.topic.value === value)?.topic;
    const first = alternatives[0];
    if (topic === undefined || first === undefined || first.length === 0 || isReplyTopic(topic)) continue;
    const carried = carrier(topic);
    if (carried === undefined) continue;
    const b = new Builder(protocol);
    out.push({ description: `${value} before ${first.join(", ")}`, steps: [{ message: b.message(carried.k, carried.c), expect: { ok: false, code: "out_of_order" } }] });
  }

  // Replies to nothing, of the wrong topic, and twice.
  const free = plan.kinds.flatMap((k) => (k.kind.responses ? [] : k.topics.filter((c) => !conv.after.has(c.topic.value) && !isReplyTopic(c.topic)).map((c) => ({ k, c }))));
  for (const k of plan.kinds) {
    const answers = k.kind.answers;
    if (answers === undefined) continue;
    const b = new Builder(protocol);
    const c = k.topics[0];
    const orphan = with_(b.message(k, c), answers.field.keys, accepts(testOf(answers.field.fields[answers.field.fields.length - 1]?.type as ValueType), 999999) ? 999999 : "no-such-id");
    out.push({ description: `a ${k.kind.name} answering nothing`, steps: [{ message: orphan, expect: { ok: false, code: "unknown_request" } }] });
    if (!k.kind.responses) continue;
    const request = free.find((f) => answers.kinds.includes(f.k.kind) && responder(f.c.topic)?.k === k);
    if (request === undefined) continue;
    const rb = new Builder(protocol);
    const sentRequest = rb.message(request.k, request.c);
    const own = k.topics.find((x) => x.topic === request.c.topic);
    const response = rb.message(k, own, sentRequest);
    out.push({
      description: `a second ${k.kind.name} to one ${request.c.topic.value} request`,
      steps: [
        { message: sentRequest, expect: { ok: true, answers: null } },
        { message: response, expect: { ok: true, answers: 0 } },
        { message: response, expect: { ok: false, code: "unknown_request" } },
      ],
    });
    const other = k.topicPath.length > 0 ? k.topics.find((x) => x.topic !== request.c.topic) : undefined;
    if (other !== undefined) {
      out.push({
        description: `a ${k.kind.name} of ${other.topic.value} to a ${request.c.topic.value} request`,
        steps: [
          { message: sentRequest, expect: { ok: true, answers: null } },
          { message: rb.message(k, other, sentRequest), expect: { ok: false, code: "wrong_reply" } },
        ],
      });
    }
  }
  out.push({ description: "not an object", steps: [{ message: "text", expect: { ok: false, code: "invalid" } }] });
  return out;
}
