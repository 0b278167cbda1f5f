/**
 * The protocol model: what `spec/check` builds from protocol.yaml and every later stage reads.
 *
 * Built once, deep-frozen, never mutated. References are resolved: a payload field points at its
 * `Key`, an enum-typed key at its `Enum`, a reply at its `Topic`, so emitters never look names up.
 * Every item carries its source span; the order of every list is the order of the spec.
 */

/** A source range. `line`/`col` (1-based) are those of `start`; offsets are UTF-16 code units. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly col: number;
}

/** What every named item of the spec carries. */
export interface Item {
  /** The identifier, used verbatim in TypeScript and Python (checked valid in both). */
  readonly name: string;
  /** The doc string, trimmed; may span several lines. */
  readonly doc?: string | undefined;
  /** Present when deprecated; the reason (possibly empty). */
  readonly deprecated?: string | undefined;
  /** Span of the item's key in the spec. */
  readonly span: Span;
}

/** A section header opening a run of members inside a set ("Session setup", "Model formats"). */
export interface Section {
  readonly title: string;
  readonly doc?: string | undefined;
}

/** A member of a set whose wire value is a string (enum member, key, topic). */
export interface Member extends Item {
  /** The wire value. */
  readonly value: string;
  /** Span of the explicit `value:` in the spec, or of the member's key when the value is derived. */
  readonly valueSpan: Span;
  /** True when the value was derived from the name by the set's rule rather than written out. */
  readonly derived: boolean;
  /** Set on the first member of a section. */
  readonly section?: Section | undefined;
}

export type ScalarTypeName = "string" | "int" | "float" | "bool" | "any";

export type ValueType =
  | { readonly kind: "scalar"; readonly name: ScalarTypeName }
  | { readonly kind: "enum"; readonly enum: Enum }
  | { readonly kind: "record"; readonly record: Record }
  | { readonly kind: "list"; readonly of: ValueType }
  | { readonly kind: "map"; readonly of: ValueType };

/** A typed top-level constant (CHANNEL, PROTOCOL_VERSION and the spec's extra constants). */
export interface Constant extends Item {
  readonly kind: "constant";
  readonly type: "string" | "int" | "float" | "bool";
  readonly value: string | number | boolean;
  readonly valueSpan: Span;
}

export interface EnumMember extends Member {
  readonly kind: "enumMember";
}

/** A closed set of string values. */
export interface Enum extends Item {
  readonly kind: "enum";
  readonly members: readonly EnumMember[];
}

export interface Key extends Member {
  readonly kind: "key";
  readonly type: ValueType;
}

/** A set of payload key names with their value types (MsgKey, ModelExchangeFormat). */
export interface KeySet extends Item {
  readonly kind: "keySet";
  /** Prefix of derived values; a key's derived value is prefix + lower-case name. */
  readonly prefix: string;
  readonly keys: readonly Key[];
}

/** One key carried by a payload or record. */
export interface Field {
  readonly key: Key;
  readonly required: boolean;
  readonly span: Span;
}

/** What happens to keys a payload does not declare. */
export type UnknownKeys = "allow" | "forbid";

export interface Payload {
  readonly fields: readonly Field[];
  readonly unknownKeys: UnknownKeys;
  /** Span of the `payload:` block, or of the topic when the payload is empty by default. */
  readonly span: Span;
}

export interface Actor extends Item {
  readonly kind: "actor";
}

export interface Topic extends Member {
  readonly kind: "topic";
  /** Who sends it; absent when the spec does not say. */
  readonly from?: Actor | undefined;
  /** Who receives it; absent when the spec does not say. */
  readonly to?: Actor | undefined;
  /** The topics a peer may answer this one with, in spec order. Empty: not a request. */
  readonly replies: readonly Topic[];
  readonly payload: Payload;
}

/** The set of topic wire strings (Topic). */
export interface TopicSet extends Item {
  readonly kind: "topicSet";
  /** Prefix of derived values; a topic's derived value is prefix + lower-case name. */
  readonly prefix: string;
  readonly topics: readonly Topic[];
}

/** "If `if.key` has one of `if.values`, `then.key` must have one of `then.values`." */
export interface CrossFieldRule {
  /** Stable id, unique within its record (used in error messages and conformance vectors). */
  readonly id: string;
  readonly doc?: string | undefined;
  readonly if: { readonly key: Key; readonly values: readonly string[] };
  readonly then: { readonly key: Key; readonly values: readonly string[] };
  readonly span: Span;
}

/** One `expected_*` argument of a verify function. */
export interface VerifyExpect {
  readonly key: Key;
  /** Python parameter name (`expected_type`); TypeScript uses its camelCase form. */
  readonly param: string;
  /** Where the parameter is named in the spec. */
  readonly paramSpan: Span;
  /** Words used in the mismatch message: "Expected {label} {expected}, got {actual}". */
  readonly label: string;
  readonly doc?: string | undefined;
}

/**
 * A verify function in the style of the seed's `verify_payload`: takes a container object whose
 * attribute holds the record, checks required fields are present and expected values match,
 * and raises (Python `ValueError`) / throws (TypeScript `Error`) with fixed messages.
 */
export interface Verify {
  /** Python function name (snake_case); TypeScript uses its camelCase form. */
  readonly function: string;
  readonly functionSpan: Span;
  readonly doc?: string | undefined;
  /** Name of the first parameter (`task_dxo`). */
  readonly argument: string;
  readonly argumentSpan: Span;
  readonly argumentDoc?: string | undefined;
  /** Attribute of the argument that holds the record (`meta`). */
  readonly attribute: string;
  /** Name of the container type, used in the "must be a …" message (`DXO`). */
  readonly containerType: string;
  readonly expects: readonly VerifyExpect[];
  readonly span: Span;
}

/** Structured metadata with cross-field rules (the model-exchange meta). */
export interface Record extends Item {
  readonly kind: "record";
  /** The key set its field keys come from. */
  readonly keySet: KeySet;
  readonly fields: readonly Field[];
  readonly unknownKeys: UnknownKeys;
  readonly rules: readonly CrossFieldRule[];
  readonly verify?: Verify | undefined;
}

export type FlowStep =
  | {
      readonly kind: "message";
      readonly topic: Topic;
      readonly from: Actor;
      readonly to: Actor;
      /** Drawn as a reply (dashed arrow). */
      readonly reply: boolean;
      readonly note?: string | undefined;
      readonly span: Span;
    }
  | {
      readonly kind: "alt";
      readonly branches: readonly { readonly label: string; readonly steps: readonly FlowStep[] }[];
      readonly span: Span;
    }
  | {
      readonly kind: "loop";
      readonly label: string;
      readonly steps: readonly FlowStep[];
      readonly span: Span;
    };

/** An ordered exchange between actors (for docs and reply maps). */
export interface Flow extends Item {
  readonly kind: "flow";
  readonly steps: readonly FlowStep[];
}

export interface ReservedValue {
  readonly value: string;
  readonly span: Span;
}

/** Values that must never be used: a legacy channel and its topics, retired keys. */
export interface Reserved {
  readonly doc?: string | undefined;
  readonly channels: readonly ReservedValue[];
  readonly topics: readonly ReservedValue[];
  readonly keys: readonly ReservedValue[];
  readonly span: Span;
}

export interface TypeScriptOutput {
  /** Directory relative to the spec's directory, POSIX separators. */
  readonly dir: string;
  /** Where the spec says `dir` (messages about files this output writes point here). */
  readonly span?: Span | undefined;
}

export interface PythonOutput {
  readonly dir: string;
  readonly span?: Span | undefined;
  /** Package (folder) name under `dir`: generated/python/<package>/defs.py. */
  readonly package: string;
}

export interface DirOutput {
  readonly dir: string;
  readonly span?: Span | undefined;
}

export interface Outputs {
  readonly typescript?: TypeScriptOutput | undefined;
  readonly python?: PythonOutput | undefined;
  readonly docs?: DirOutput | undefined;
  readonly schema?: DirOutput | undefined;
}

export interface Protocol {
  /** Protocol name (also the default Python package name). */
  readonly name: string;
  /** One-line title (first line of the module docstring). */
  readonly title?: string | undefined;
  readonly doc?: string | undefined;
  /** Licence text put at the top of every generated source file, as comments. */
  readonly license?: string | undefined;
  /** The spec file's path as given (POSIX separators). */
  readonly file: string;
  readonly span: Span;
  /** CHANNEL. */
  readonly channel: Constant;
  /** PROTOCOL_VERSION. */
  readonly version: Constant;
  /** Further typed constants, in spec order. */
  readonly constants: readonly Constant[];
  readonly actors: readonly Actor[];
  readonly enums: readonly Enum[];
  readonly keySets: readonly KeySet[];
  readonly topicSets: readonly TopicSet[];
  readonly records: readonly Record[];
  readonly flows: readonly Flow[];
  readonly reserved: readonly Reserved[];
  /** Breaking changes accepted in the spec (filled by the contract stage's rules; see issue docs). */
  readonly acceptedBreaking: readonly AcceptedBreaking[];
  /** `breaking: { require_version_bump: true }`: VERSION_NOT_BUMPED is an error, not a warning. Absent: false. */
  readonly requireVersionBump?: boolean | undefined;
  /** The spec's `lint:` block. Absent: every lint rule on. */
  readonly lint?: LintConfig | undefined;
  readonly outputs: Outputs;
}

/** A `breaking: accept:` entry: a finding the spec's authors accepted on purpose. */
export interface AcceptedBreaking {
  /** Rule ID, e.g. WIRE_VALUE_CHANGED. */
  readonly rule: string;
  /** The item path the finding names, e.g. `Topic.HELLO`. */
  readonly item: string;
  readonly reason: string;
  readonly span: Span;
}

/** `lint: { disable: [RULE_ID, ...] }`. */
export interface LintConfig {
  /** Lint rule IDs turned off, each with its span (so an unknown ID is reported where it is written). */
  readonly disable: readonly { readonly rule: string; readonly span: Span }[];
}

/** One file an emitter produces: path relative to the spec's directory (POSIX), LF-only text. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}
