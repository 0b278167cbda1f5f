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

/** `any`: any value, typed `unknown`; `json`: any JSON value (TS `JsonValue`, Python `JsonValue`). */
export type ScalarTypeName = "string" | "int" | "float" | "bool" | "any" | "json";

/** A string format a protocol states; its exact check is in the README's semantics table. */
export type StringFormat = "date-time" | "date" | "uuid" | "uri";

/**
 * Simple constraints a protocol states, checked identically in both runtimes and exported to
 * JSON Schema. Each applies to the node of the type it is attached to: `minimum`/`maximum` to an
 * int or float, `format`/`minLength` to a string, `minItems` to a list.
 */
export interface Constraints {
  readonly minimum?: number | undefined;
  readonly maximum?: number | undefined;
  readonly format?: StringFormat | undefined;
  readonly minLength?: number | undefined;
  readonly minItems?: number | undefined;
}

export type ValueType =
  | { readonly kind: "scalar"; readonly name: ScalarTypeName; readonly constraints?: Constraints | undefined }
  | { readonly kind: "enum"; readonly enum: Enum }
  | { readonly kind: "record"; readonly record: Record }
  | { readonly kind: "list"; readonly of: ValueType; readonly constraints?: Constraints | undefined }
  | { readonly kind: "map"; readonly of: ValueType }
  /** `T | null`: the value may be `null` (distinct from a field that may be absent). `of` is never nullable. */
  | { readonly kind: "nullable"; readonly of: ValueType }
  /** `A | B | …`: an untagged union of at least two types, none nullable; a value is valid when it matches any. */
  | { readonly kind: "oneOf"; readonly of: readonly ValueType[] }
  /** A tagged union of records, selected by its tag field. */
  | { readonly kind: "tagged"; readonly union: TaggedUnion }
  /** Exactly this JSON value (an envelope's `jsonrpc: "2.0"`, a variant's tag). */
  | { readonly kind: "literal"; readonly value: string | number | boolean };

/** A typed top-level constant (CHANNEL, PROTOCOL_VERSION and the spec's extra constants). */
export interface Constant extends Item {
  readonly kind: "constant";
  readonly type: "string" | "int" | "float" | "bool";
  readonly value: string | number | boolean;
  readonly valueSpan: Span;
}

export interface EnumMember extends Member {
  readonly kind: "enumMember";
  /**
   * The member's integer wire value when the enum's `valueType` is `int` (then `value` is its
   * decimal text, e.g. "-32700"); absent for string enums.
   */
  readonly intValue?: number | undefined;
}

/** A set of string or integer values; closed, or open (any other value of its type is accepted too). */
export interface Enum extends Item {
  readonly kind: "enum";
  /** `string` unless the spec says `type: int` (error codes such as JSON-RPC's -32700). */
  readonly valueType: "string" | "int";
  /** Open: the known values plus any other value of `valueType` (TS `… | (string & {})`). */
  readonly open: boolean;
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

/**
 * One key carried by a payload or record: a key of a key set, or a field declared locally in the
 * payload or record (`fields:`), so one wire key can have different types in different messages.
 */
export interface Field {
  /**
   * The key. For a local field, a key made for this field alone: its `name` and `value` are the
   * wire key as written, and no key-set constant exists for it (`local` is true).
   */
  readonly key: Key;
  /** The field's value type (the key's type for a key-set field; the local declaration's otherwise). */
  readonly type: ValueType;
  readonly required: boolean;
  /** True for a payload- or record-local field. */
  readonly local: boolean;
  readonly span: Span;
}

/** See `Payload.inMessage`. */
export interface PayloadInMessage {
  readonly present: boolean;
  readonly nullable: boolean;
  readonly span: Span;
}

/** What happens to keys a payload does not declare. */
export type UnknownKeys = "allow" | "forbid";

export interface Payload {
  readonly fields: readonly Field[];
  readonly unknownKeys: UnknownKeys;
  /**
   * How a message carries it (`present: true`, `nullable: true`): the key holding it must be
   * present although no field is required (DAP's launch `arguments`), and its value may be `null`
   * (LSP's hover result). Absent: the kind's rule (present when a field is required, or with the
   * kind's `payload_required`), never null.
   */
  readonly inMessage?: PayloadInMessage | undefined;
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
  /**
   * The channels it travels on (`channels:` of the topic, else `channel:` of its set, else the
   * protocol's first channel); empty when the protocol has one channel (`protocol.channel:`).
   */
  readonly channels: readonly Channel[];
  /** The body of its response (`response:`), carried by an envelope kind with `responses: true`. */
  readonly response?: TopicResponse | undefined;
}

/**
 * The body of a request topic's response (`response:`): a shape of its own beside the topic's
 * payload (`ThreadsResponse`), with a type, a validator and a guard in each runtime.
 */
export interface TopicResponse extends Item {
  readonly kind: "response";
  /** The request topic whose response this is (`name` is the topic's name). */
  readonly topic: Topic;
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

/** Structured metadata with cross-field rules (the model-exchange meta), or any nested record. */
export interface Record extends Item {
  readonly kind: "record";
  /** The key set its key-set fields come from; absent when every field is local. */
  readonly keySet?: KeySet | undefined;
  /**
   * The record this one is derived from (`from: Base` with `optional:`/`required:` overrides): the
   * same fields with optionality changed for this use, without copying the record in the spec.
   */
  readonly base?: Record | undefined;
  /** Set when the record is a variant of a tagged union: the generated type carries the tag as a literal. */
  readonly variantOf?: { readonly union: TaggedUnion; readonly value: string } | undefined;
  readonly fields: readonly Field[];
  readonly unknownKeys: UnknownKeys;
  readonly rules: readonly CrossFieldRule[];
  readonly verify?: Verify | undefined;
}

/** A union of records selected by the value of one tag field (`status: ok` vs `status: error`). */
export interface TaggedUnion extends Item {
  readonly kind: "union";
  /** Wire key of the tag field; a variant record does not declare it, the union adds it. */
  readonly tag: string;
  readonly tagSpan: Span;
  /** In spec order; tag values are unique. */
  readonly variants: readonly TaggedVariant[];
}

export interface TaggedVariant {
  /** The tag's wire value selecting this variant. */
  readonly value: string;
  readonly record: Record;
  readonly span: Span;
}

export type FlowStep =
  | {
      readonly kind: "message";
      readonly topic: Topic;
      readonly from: Actor;
      readonly to: Actor;
      /** Drawn as a reply (dashed arrow): it answers an earlier step of the flow drawn as a request. */
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

/**
 * What one generated module holds of the protocol, in the order the spec lists it: constants,
 * sets of wire values (enums, key sets, topic sets) and records' verify functions.
 */
export type ModuleItem =
  | { readonly kind: "constant"; readonly constant: Constant }
  | { readonly kind: "set"; readonly set: Enum | KeySet | TopicSet }
  | { readonly kind: "verify"; readonly record: Record; readonly verify: Verify };

/** One module a code target writes (`outputs.<target>.modules`, or the default layout). */
export interface ModuleOutput {
  /** The file, relative to the target's `dir` (POSIX), e.g. `nvflare/client/cell/defs.py`. */
  readonly path: string;
  /** The items it defines, in this order. */
  readonly items: readonly ModuleItem[];
  /**
   * It holds the typed messages too: payload and record types, validators, the topic tables and
   * every verify function no module lists.
   */
  readonly messages: boolean;
  /** The module's docstring / doc comment; absent: the protocol's title and doc. */
  readonly doc?: string | undefined;
  /** Where the spec names the module (its `path:`); absent for the default layout. */
  readonly span?: Span | undefined;
  /**
   * `readonly: false`: the generated types are mutable (no `readonly` properties, arrays or
   * records), assignable to and from hand-written mutable types. Absent: true.
   */
  readonly readonly?: boolean | undefined;
}

/**
 * A package entry point (Python `__init__.py`, TypeScript `index.ts`) as the spec writes it;
 * emit/layout.ts fills in what it leaves out.
 */
export interface EntryOutput {
  /** The file, relative to the target's `dir`; absent: the default layout's. */
  readonly path?: string | undefined;
  /** The modules (their paths, as in `modules`) whose names it re-exports; absent: the default. */
  readonly reexport?: readonly string[] | undefined;
  readonly span?: Span | undefined;
  /** prettier's `printWidth` the output is laid out for (`print_width`; default 80). */
  readonly printWidth?: number | undefined;
  /** prettier's `singleQuote` (`quote: single`; default double). */
  readonly quote?: "double" | "single" | undefined;
  /** prettier's `semi` (`semicolons`; default true). */
  readonly semicolons?: boolean | undefined;
  /** A `package.json` next to the modules (`package:`), when asked for. */
  readonly package?: PackageScaffold | undefined;
}

/** The package metadata a target's scaffold files carry (`outputs.<target>.package` / `.project`). */
export interface PackageScaffold {
  /** The distribution name (npm package name, or the Python project name). */
  readonly name: string;
  readonly version: string;
  readonly span?: Span | undefined;
}

export interface TypeScriptOutput {
  /** Directory relative to the spec's directory, POSIX separators (may climb up to the repository root). */
  readonly dir: string;
  /** Where the spec says `dir` (messages about files this output writes point here). */
  readonly span?: Span | undefined;
  /** The modules the spec lists; absent: the default layout, `defs.ts` + `messages.ts` (emit/layout.ts). */
  readonly modules?: readonly ModuleOutput[] | undefined;
  /** The index module; `false` for none; absent: the default layout's `index.ts` re-exporting both (none with listed modules). */
  readonly index?: EntryOutput | false | undefined;
  /** `readonly: false`: mutable generated types (assignable to and from hand-written mutable ones). Absent: true. */
  readonly readonly?: boolean | undefined;
  /** prettier's `printWidth` the output is laid out for (`print_width`; default 80). */
  readonly printWidth?: number | undefined;
  /** prettier's `singleQuote` (`quote: single`; default double). */
  readonly quote?: "double" | "single" | undefined;
  /** prettier's `semi` (`semicolons`; default true). */
  readonly semicolons?: boolean | undefined;
  /** A `package.json` next to the modules (`package:`), when asked for. */
  readonly package?: PackageScaffold | undefined;
}

export interface PythonOutput {
  /** Directory relative to the spec's directory; module paths are relative to it, so it is their import root. */
  readonly dir: string;
  readonly span?: Span | undefined;
  /** Package (folder) name under `dir` of the default layout: generated/python/<package>/defs.py. */
  readonly package: string;
  /** The modules the spec lists; absent: the default layout, `<package>/defs.py` + `<package>/messages.py` (emit/layout.ts). */
  readonly modules?: readonly ModuleOutput[] | undefined;
  /** The package's `__init__.py`; `false` for none; absent: the default layout's, re-exporting both (none with listed modules). */
  readonly init?: EntryOutput | false | undefined;
  /** black's and ruff's `line-length` the output is laid out for (`line_length`; default 88). */
  readonly lineLength?: number | undefined;
  /** false: widths count one column a code point, as black before 24 (`unicode_width`; default true). */
  readonly unicodeWidth?: boolean | undefined;
  /** A `pyproject.toml` in `dir` and `py.typed` in the package (`project:`), when asked for. */
  readonly project?: PackageScaffold | undefined;
}

export interface DirOutput {
  readonly dir: string;
  readonly span?: Span | undefined;
}

export interface SchemaOutput extends DirOutput {
  /**
   * `conformance: true` also writes conformance.json, the vectors both runtimes' tests replay.
   * Opt-in: the vectors grow with the spec (a few KB per payload), so a protocol writes them only
   * when its own tests use them.
   */
  readonly conformance: boolean;
}

export interface Outputs {
  readonly typescript?: TypeScriptOutput | undefined;
  readonly python?: PythonOutput | undefined;
  readonly docs?: DirOutput | undefined;
  readonly schema?: SchemaOutput | undefined;
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
  /** CHANNEL (with `protocol.channels:`, the value of the first channel, the default one). */
  readonly channel: Constant;
  /** `protocol.channels:` in spec order; empty when the protocol has one channel (`protocol.channel:`). */
  readonly channels: readonly Channel[];
  /** The message envelope (`envelope:`), when the spec declares one. */
  readonly envelope?: Envelope | undefined;
  /** PROTOCOL_VERSION. */
  readonly version: Constant;
  /** Further typed constants, in spec order. */
  readonly constants: readonly Constant[];
  readonly actors: readonly Actor[];
  readonly enums: readonly Enum[];
  readonly keySets: readonly KeySet[];
  readonly topicSets: readonly TopicSet[];
  readonly records: readonly Record[];
  /** Tagged unions, in spec order. */
  readonly unions: readonly TaggedUnion[];
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

/** A channel (socket, stream, websocket sub-channel) of a protocol with several (`protocol.channels:`). */
export interface Channel extends Member {
  readonly kind: "channel";
}

/**
 * A path of wire keys from the top of a message to a value (`header.msg_type` → ["header",
 * "msg_type"]): the first key is a field of the envelope or of the kind, each further key a field
 * of the record the previous one holds.
 */
export interface FieldPath {
  readonly keys: readonly string[];
  /** The field each key names, in order (the last one holds the value). */
  readonly fields: readonly Field[];
  readonly span: Span;
}

/**
 * Request/response correlation: a message of the answering kind refers to the earlier message
 * (of `kinds`) whose `request` value equals its `field` value (DAP: `request_seq` → `seq`;
 * JSON-RPC: `id` → `id`; kernel messaging: `parent_header.msg_id` → `header.msg_id`).
 */
export interface Answers {
  readonly field: FieldPath;
  readonly request: FieldPath;
  /** The kinds a message of this kind can answer (`kind:`, else every kind carrying `request`). */
  readonly kinds: readonly EnvelopeKind[];
  readonly span: Span;
}

/** One kind of message of an envelope (DAP request / response / event; JSON-RPC request / notification / …). */
export interface EnvelopeKind extends Item {
  readonly kind: "envelopeKind";
  /** The tag's value selecting this kind (the envelope has a tag); absent otherwise. */
  readonly value?: string | undefined;
  readonly valueSpan: Span;
  /** The field whose value is the topic's wire value; absent when the kind names no topic (a JSON-RPC response). */
  readonly topic?: FieldPath | undefined;
  /** The top-level wire key holding the payload; absent when the kind carries none. */
  readonly payload?: { readonly key: string; readonly span: Span; readonly required: boolean } | undefined;
  /** The kind's own fields (beside the envelope's common ones), local declarations. */
  readonly fields: readonly Field[];
  /** Correlation: which earlier message a message of this kind answers. */
  readonly answers?: Answers | undefined;
  /**
   * True (`responses: true`): the kind carries the responses of its topics: its payload is the
   * topic's `response:` and it answers a request of the same topic, which it closes.
   */
  readonly responses: boolean;
  /** The topic sets travelling in this kind (none when it names no topic). */
  readonly topicSets: readonly TopicSet[];
  /**
   * Payloads chosen by another field (`when:`), in spec order: a message whose field has the
   * value carries the rule's record under the payload key instead of its topic's payload (DAP: a
   * response whose `success` is false carries the error body). The first rule that matches wins.
   */
  readonly when: readonly PayloadWhen[];
}

/** One `when:` rule of an envelope kind (see `EnvelopeKind.when`). */
export interface PayloadWhen {
  /** The rule's name (its message type is `<Name><Kind>`: `FailedResponse`). */
  readonly name: string;
  readonly doc?: string | undefined;
  /** The field it reads (a common field or one of the kind's, dotted paths allowed). */
  readonly field: FieldPath;
  /** The value selecting the rule: a literal the field's type admits (never null). */
  readonly value: string | number | boolean;
  /** The payload such a message carries. */
  readonly record: Record;
  /** `present: true`: the payload key must be present (also when a field of the record is required). */
  readonly present: boolean;
  readonly span: Span;
}

/** The common frame of every message (`envelope:`), and its kinds. */
export interface Envelope {
  readonly doc?: string | undefined;
  readonly span: Span;
  /** Fields common to every kind (local declarations), in spec order. */
  readonly fields: readonly Field[];
  /** The wire key whose value selects the kind; absent when kinds are told apart by the keys present. */
  readonly tag?: { readonly key: string; readonly span: Span } | undefined;
  readonly kinds: readonly EnvelopeKind[];
}
