/**
 * Judging whole messages with the generated JSON Schema: the schema a message is checked against
 * (the bundle itself, `AnyMessage`; or, for a reply whose kind names no topic, the bundle with that
 * kind's message of the answered request's topic in its place), run through jsonschema (one
 * python3 process per batch) and ajv.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Protocol } from "../../generator/model.js";
import { kindTopics, kindTypeName, messageTypeName } from "../../generator/names/envelope.js";

export interface SchemaCase {
  readonly message: unknown;
  /** The answered request's topic (what `validateMessage`'s second argument says). */
  readonly request?: string | undefined;
}

type Bundle = { readonly [key: string]: unknown };

/**
 * The schema `validateMessage(message, request)` corresponds to: without `request`, the bundle
 * (`AnyMessage`); with it, one of the kinds where each kind whose messages name no topic and which
 * carries `request` is replaced by its message of that topic (the payload then checked).
 */
export function schemaFor(protocol: Protocol, bundle: Bundle, request: string | undefined): Bundle {
  const envelope = protocol.envelope;
  if (envelope === undefined) throw new Error("the protocol has no envelope");
  if (request === undefined) return bundle;
  const refs = envelope.kinds.map((k) => {
    const topic = k.topic === undefined ? kindTopics(k).find((t) => t.value === request) : undefined;
    return topic === undefined ? kindTypeName(k) : messageTypeName(k, topic);
  });
  const { $ref: _root, ...rest } = bundle;
  return { ...rest, oneOf: refs.map((r) => ({ $ref: `#/$defs/${r}` })) };
}

/** jsonschema's verdict on each case (formats asserted), in one python3 process. */
export function jsonschemaVerdicts(protocol: Protocol, bundle: Bundle, cases: readonly SchemaCase[]): boolean[] {
  const schemas: Bundle[] = [];
  const index = new Map<string, number>();
  const items = cases.map((c) => {
    const key = c.request ?? "";
    let i = index.get(key);
    if (i === undefined) {
      i = schemas.push(schemaFor(protocol, bundle, c.request)) - 1;
      index.set(key, i);
    }
    return { schema: i, json: JSON.stringify(c.message) };
  });
  const file = join(mkdtempSync(join(tmpdir(), "wiredefs-message-schema-")), "cases.json");
  writeFileSync(file, JSON.stringify({ schemas, cases: items }));
  const out = execFileSync("python3", [join(import.meta.dirname, "run_schema.py"), file], { encoding: "utf8" });
  return JSON.parse(out) as boolean[];
}

/** ajv's verdict on each case, the bundle compiled in strict mode (formats not asserted). */
export function ajvVerdicts(protocol: Protocol, bundle: Bundle, cases: readonly SchemaCase[]): boolean[] {
  const ajv = new Ajv2020({ strict: true, allErrors: false, validateFormats: false });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return cases.map((c) => {
    const key = c.request ?? "";
    let validate = compiled.get(key);
    if (validate === undefined) {
      const { $id: _id, ...schema } = schemaFor(protocol, bundle, c.request);
      validate = ajv.compile(schema);
      compiled.set(key, validate);
    }
    return validate(c.message) === true;
  });
}
