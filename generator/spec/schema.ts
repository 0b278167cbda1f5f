/** The structural schema (protocol.schema.json) and the subset of JSON Schema it is written in. */
import schemaJson from "./protocol.schema.json" with { type: "json" };

/**
 * The JSON Schema keywords `structure.ts` interprets, plus the annotations editors use
 * (`examples`, for completion) and one wiredefs keyword editors ignore; the schema uses no others.
 */
export interface SchemaNode {
  readonly $schema?: string;
  readonly $id?: string;
  readonly $ref?: string;
  readonly $defs?: { readonly [name: string]: SchemaNode };
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly properties?: { readonly [key: string]: SchemaNode };
  readonly patternProperties?: { readonly [pattern: string]: SchemaNode };
  readonly additionalProperties?: boolean;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly minimum?: number;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  /** Annotation only: values an editor offers for completion (the loader does not check them). */
  readonly examples?: readonly unknown[];
  /**
   * The diagnostic for a value outside `enum`, instead of the generic WD204: its code, and a message
   * and hint in which `{value}` is the value as written and `{allowed}` the allowed values.
   */
  readonly "x-wiredefs-not-allowed"?: NotAllowedDiagnostic;
}

export interface NotAllowedDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** The keywords of the schema that are not JSON Schema 2020-12's (a validator must be told of them). */
export const WIREDEFS_KEYWORDS = ["x-wiredefs-not-allowed"] as const;

export const PROTOCOL_SCHEMA: SchemaNode = schemaJson as SchemaNode;

/** Each root schema's resolved `$ref`s (the structure check resolves the same few at every node of a spec). */
const RESOLVED = new WeakMap<SchemaNode, WeakMap<SchemaNode, SchemaNode>>();

/** Follows local `$ref`s (`#/$defs/name`) against the root schema. */
export function resolveRef(root: SchemaNode, schema: SchemaNode): SchemaNode {
  if (schema.$ref === undefined) return schema;
  let known = RESOLVED.get(root);
  if (known === undefined) {
    known = new WeakMap();
    RESOLVED.set(root, known);
  }
  let resolved = known.get(schema);
  if (resolved === undefined) {
    resolved = follow(root, schema);
    known.set(schema, resolved);
  }
  return resolved;
}

function follow(root: SchemaNode, schema: SchemaNode): SchemaNode {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined && hops < 32; hops++) {
    const match = /^#\/\$defs\/([^/]+)$/.exec(current.$ref);
    const target = match?.[1] === undefined ? undefined : root.$defs?.[match[1]];
    if (target === undefined) throw new Error(`unsupported $ref in schema: ${current.$ref}`);
    current = target;
  }
  return current;
}
