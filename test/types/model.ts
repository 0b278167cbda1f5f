/**
 * A protocol model holding every value kind the IDL added (json, nullable, unions, literals,
 * tagged unions, constraints, int and open enums, local fields, records without key sets,
 * derived records), built as the spec stage builds it (resolved references, spec order) without
 * going through YAML, so the type emitters can be held to the ecosystem's tools on their own.
 */
import type { Enum, EnumMember, Field, Key, Outputs, Protocol, Record, TaggedUnion, ValueType } from "../../generator/model.js";
import { INT, SPAN, STRING, key, keySet, member, protocol, topicSet } from "../docs/model.js";

export const JSON_T: ValueType = { kind: "scalar", name: "json" };
export const nullable = (of: ValueType): ValueType => ({ kind: "nullable", of });
export const oneOf = (...of: ValueType[]): ValueType => ({ kind: "oneOf", of });
export const list = (of: ValueType, minItems?: number): ValueType => ({
  kind: "list",
  of,
  ...(minItems === undefined ? {} : { constraints: { minItems } }),
});
export const map = (of: ValueType): ValueType => ({ kind: "map", of });
export const literal = (value: string | number | boolean): ValueType => ({ kind: "literal", value });
export const enumType = (e: Enum): ValueType => ({ kind: "enum", enum: e });
export const recordType = (record: Record): ValueType => ({ kind: "record", record });

function intMember(name: string, value: number): EnumMember {
  return { ...member(name, { value: String(value) }), intValue: value };
}

function enumOf(name: string, members: readonly EnumMember[], valueType: "string" | "int", open: boolean, doc?: string): Enum {
  return { kind: "enum", name, doc, valueType, open, members, span: SPAN };
}

/** A field declared in the payload or record itself: its key is its own, named by the wire key. */
export function local(wire: string, type: ValueType, required = true, doc?: string): Field {
  return { key: { ...key(wire, type, { value: wire }), ...(doc === undefined ? {} : { doc }) }, type, required, local: true, span: SPAN };
}

function fromSet(k: Key, required: boolean): Field {
  return { key: k, type: k.type, required, local: false, span: SPAN };
}

function record(name: string, fields: readonly Field[], extras: Partial<Record> = {}): Record {
  return { kind: "record", name, fields, unknownKeys: "allow", rules: [], span: SPAN, ...extras };
}

/** Every new construct in one protocol; `outputs` picks the targets (and the mutable option). */
export function kitchenSink(outputs: Outputs): Protocol {
  const errorCode = enumOf(
    "ErrorCode",
    [intMember("PARSE_ERROR", -32700), intMember("INVALID_REQUEST", -32600)],
    "int",
    false,
    "JSON-RPC error codes.",
  );
  const stopReason = enumOf("StopReason", [member("STEP"), member("BREAKPOINT")], "string", true, "Why the program stopped.");
  const level = enumOf("Level", [intMember("LOW", 1), intMember("HIGH", 2)], "int", true);
  const color = enumOf("Color", [member("RED"), member("GREEN")], "string", false);

  const ID = key("ID", nullable(oneOf(INT, STRING)), { doc: "The request id, null when unknown." });
  const STARTED = key("STARTED", { kind: "scalar", name: "string", constraints: { format: "date-time" } });
  const COUNT = key("COUNT", { kind: "scalar", name: "int", constraints: { minimum: 0, maximum: 100 } });
  const LINES = key("LINES", list(INT, 1));
  const NAME = key("NAME", { kind: "scalar", name: "string", constraints: { minLength: 1 } });
  const DATA = key("DATA", JSON_T);
  const CODE = key("CODE", enumType(errorCode));
  const REASON = key("REASON", enumType(stopReason));
  const msgKey = keySet("MsgKey", [ID, STARTED, COUNT, LINES, NAME, DATA, CODE, REASON]);

  const source = record("Source", [
    local("name", STRING, false, "The short name of the source."),
    local("path", STRING, false),
    local("sourceReference", INT, false),
    local("content-type", STRING, false),
    local("class", nullable(STRING), false),
  ]);
  const sourceRef = record(
    "SourceRef",
    source.fields.map((f) => (f.key.value === "path" ? { ...f, required: true } : f)),
    { base: source, doc: "A source that has a path." },
  );
  const okReply = record("OkReply", [local("result", JSON_T)]);
  const errorReply = record("ErrorReply", [local("ename", STRING), local("evalue", STRING), local("traceback", list(STRING), false)]);
  const reply: TaggedUnion = {
    kind: "union",
    name: "Reply",
    doc: "The outcome of an execution.",
    tag: "status",
    tagSpan: SPAN,
    variants: [
      { value: "ok", record: okReply, span: SPAN },
      { value: "error", record: errorReply, span: SPAN },
    ],
    span: SPAN,
  };
  // Variants point back at their union (the model is a graph).
  Object.assign(okReply, { variantOf: { union: reply, value: "ok" } });
  Object.assign(errorReply, { variantOf: { union: reply, value: "error" } });
  const checkpoint = record("Checkpoint", [fromSet(ID, true), fromSet(COUNT, false), local("status", enumType(color))], {
    keySet: msgKey,
  });

  const topics = topicSet("Topic", "", [
    [
      "EXECUTE_REPLY",
      {
        fields: [
          fromSet(ID, true),
          local("jsonrpc", literal("2.0")),
          local("status", STRING),
          local("reply", { kind: "tagged", union: reply }),
          local("user_expressions", map(JSON_T), false),
          local("source", nullable(recordType(sourceRef)), false),
          local("sources", list(recordType(source))),
          local("replies", list(nullable({ kind: "tagged", union: reply })), false),
          local("tries", literal(3), false),
          local("final", literal(true), false),
          local("level", enumType(level), false),
          local("why", nullable(enumType(stopReason)), false),
          local("x-trace", oneOf(INT, STRING, list(STRING)), false),
          fromSet(STARTED, false),
          fromSet(LINES, false),
          fromSet(NAME, false),
          fromSet(DATA, false),
          fromSet(CODE, false),
          fromSet(REASON, false),
        ],
      },
    ],
    ["STATUS", { fields: [local("status", nullable(STRING)), fromSet(COUNT, true)] }],
  ]);
  return protocol({
    name: "sink",
    enums: [errorCode, stopReason, level, color],
    keySets: [msgKey],
    topicSets: [topics],
    records: [source, sourceRef, okReply, errorReply, checkpoint],
    unions: [reply],
    outputs,
  });
}
