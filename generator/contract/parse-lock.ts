/**
 * Reads a lock file back, keeping where every entry sits, so a finding against the lock can say
 * `protocol.lock.json:L:C` for "where it was". JSON is YAML: the `yaml` parser gives node ranges.
 */
import { isMap, isScalar, isSeq, LineCounter } from "yaml";
import { DUPLICATE_KEY_MESSAGE, duplicateKeyOffsets } from "../spec/duplicate-keys.js";
import { readYaml } from "../spec/load.js";
import type { Node, Pair } from "yaml";
import "./codes.js";
import { diagnostic } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Span } from "../model.js";
import { LOCK_FORMAT } from "./lock.js";
import type {
  Dict,
  Lock,
  LockedAcceptance,
  LockedCondition,
  LockedConstant,
  LockedEnumType,
  LockedKey,
  LockedRecord,
  LockedRule,
  LockedTopic,
  LockedUnion,
} from "./lock.js";
import { pathKey } from "./side.js";

/** A parsed lock and the span of each entry, keyed by `pathKey` of its path in the lock. */
export interface LockFile {
  readonly lock: Lock;
  readonly file: string;
  /** The start of the file, for facts that have no entry of their own. */
  readonly root: Span;
  readonly spans: ReadonlyMap<string, Span>;
}

export function parseLock(text: string, file: string): LockFile | Diagnostic[] {
  const lines = new LineCounter();
  // Read as the spec is read (a lock is JSON, which the common-YAML reader reads); duplicate
  // keys are found in one pass (duplicateKeyOffsets), not by yaml's quadratic check.
  const { root, doc } = readYaml(text, lines);
  const spanAt = (start: number, end: number): Span => {
    const { line, col } = lines.linePos(start);
    return { file, start, end, line, col };
  };
  const errors = [
    ...(doc?.errors ?? []).map((e) => ({ message: firstLine(e.message), start: e.pos[0], end: e.pos[1] })),
    ...duplicateKeyOffsets(root).map((at) => ({ message: DUPLICATE_KEY_MESSAGE, start: at, end: at + 1 })),
  ].sort((x, y) => x.start - y.start);
  if (errors.length > 0) return errors.map((e) => diagnostic("WD601", e.message, spanAt(e.start, e.end)));
  const reader = new Reader(spanAt);
  const lock = reader.lock(root);
  if (reader.problems.length > 0 || lock === undefined) return reader.problems;
  return { lock, file, root: spanAt(0, 0), spans: reader.spans };
}

type Path = readonly string[];

/** Walks the document once, building the lock and recording spans and shape problems. */
class Reader {
  readonly spans = new Map<string, Span>();
  readonly problems: Diagnostic[] = [];
  readonly #spanAt: (start: number, end: number) => Span;

  constructor(spanAt: (start: number, end: number) => Span) {
    this.#spanAt = spanAt;
  }

  lock(root: Node | null): Lock | undefined {
    const top = this.object(root, [], [
      "lockFormat", "protocol", "version", "channel", "constants", "enums", "enumTypes", "keys", "topics", "records", "unions", "reserved", "accepted", "envelope",
    ], ["enumTypes", "unions", "envelope"]);
    if (top === undefined) return undefined;
    const format = this.number(top.get("lockFormat"), ["lockFormat"]);
    if (format !== undefined && format > LOCK_FORMAT) {
      this.problems.push(diagnostic("WD603", `lock format ${format} is newer than this wiredefs reads (${LOCK_FORMAT})`, this.spans.get(pathKey(["lockFormat"]))));
      return undefined;
    }
    const reserved = this.object(top.get("reserved"), ["reserved"], ["channels", "topics", "keys"]);
    const lock: Lock = {
      lockFormat: format ?? LOCK_FORMAT,
      protocol: this.string(top.get("protocol"), ["protocol"]) ?? "",
      version: this.scalar(top.get("version"), ["version"]) ?? 0,
      channel: this.string(top.get("channel"), ["channel"]) ?? "",
      constants: this.dict(top.get("constants"), ["constants"], (n, p) => this.constant(n, p)),
      enums: this.dict(top.get("enums"), ["enums"], (n, p) => this.dict(n, p, (m, q) => this.string(m, q))),
      ...(top.has("enumTypes") ? { enumTypes: this.dict(top.get("enumTypes"), ["enumTypes"], (n, p) => this.enumType(n, p)) } : {}),
      keys: this.dict(top.get("keys"), ["keys"], (n, p) => this.dict(n, p, (k, q) => this.key(k, q))),
      topics: this.dict(top.get("topics"), ["topics"], (n, p) => this.dict(n, p, (t, q) => this.topic(t, q))),
      records: this.dict(top.get("records"), ["records"], (n, p) => this.record(n, p)),
      ...(top.has("unions") ? { unions: this.dict(top.get("unions"), ["unions"], (n, p) => this.union(n, p)) } : {}),
      reserved: {
        channels: this.strings(reserved?.get("channels"), ["reserved", "channels"]),
        topics: this.strings(reserved?.get("topics"), ["reserved", "topics"]),
        keys: this.strings(reserved?.get("keys"), ["reserved", "keys"]),
      },
      accepted: this.list(top.get("accepted"), ["accepted"], (n, p) => this.acceptance(n, p)),
      ...(top.has("envelope") ? { envelope: this.dict(top.get("envelope"), ["envelope"], (n, p) => this.string(n, p)) } : {}),
    };
    return lock;
  }

  constant(node: Node | null, path: Path): LockedConstant | undefined {
    const o = this.object(node, path, ["type", "value"]);
    if (o === undefined) return undefined;
    const type = this.string(o.get("type"), [...path, "type"]);
    const value = this.scalar(o.get("value"), [...path, "value"]);
    return type === undefined || value === undefined ? undefined : { type, value };
  }

  key(node: Node | null, path: Path): LockedKey | undefined {
    const o = this.object(node, path, ["value", "type"]);
    if (o === undefined) return undefined;
    const value = this.string(o.get("value"), [...path, "value"]);
    const type = this.string(o.get("type"), [...path, "type"]);
    return value === undefined || type === undefined ? undefined : { value, type };
  }

  enumType(node: Node | null, path: Path): LockedEnumType | undefined {
    const o = this.object(node, path, ["valueType", "open"]);
    if (o === undefined) return undefined;
    const valueType = this.string(o.get("valueType"), [...path, "valueType"]);
    const open = o.get("open");
    if (valueType !== undefined && valueType !== "string" && valueType !== "int") {
      this.problem(o.get("valueType") ?? null, [...path, "valueType"], `expected "string" or "int", found ${JSON.stringify(valueType)}`);
      return undefined;
    }
    if (!isScalar(open) || typeof open.value !== "boolean") {
      this.problem(open ?? null, [...path, "open"], "expected true or false");
      return undefined;
    }
    return valueType === undefined ? undefined : { valueType, open: open.value };
  }

  union(node: Node | null, path: Path): LockedUnion | undefined {
    const o = this.object(node, path, ["tag", "variants"]);
    if (o === undefined) return undefined;
    const tag = this.string(o.get("tag"), [...path, "tag"]);
    const variants = this.dict(o.get("variants"), [...path, "variants"], (n, p) => this.string(n, p));
    return tag === undefined ? undefined : { tag, variants };
  }

  /** The optional `fields` of a payload or record: wire key -> type text. */
  fields(o: Map<string, Node | null>, path: Path): { fields?: Dict<string> } {
    return o.has("fields") ? { fields: this.dict(o.get("fields"), [...path, "fields"], (n, p) => this.string(n, p)) } : {};
  }

  topic(node: Node | null, path: Path): LockedTopic | undefined {
    const o = this.object(node, path, ["value", "from", "to", "replies", "required", "optional", "unknownKeys", "fields"], ["from", "to", "fields"]);
    if (o === undefined) return undefined;
    const value = this.string(o.get("value"), [...path, "value"]);
    const from = o.has("from") ? this.string(o.get("from"), [...path, "from"]) : undefined;
    const to = o.has("to") ? this.string(o.get("to"), [...path, "to"]) : undefined;
    const unknownKeys = this.unknownKeys(o.get("unknownKeys"), [...path, "unknownKeys"]);
    if (value === undefined || unknownKeys === undefined) return undefined;
    return {
      value,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      replies: this.strings(o.get("replies"), [...path, "replies"]),
      required: this.strings(o.get("required"), [...path, "required"]),
      optional: this.strings(o.get("optional"), [...path, "optional"]),
      unknownKeys,
      ...this.fields(o, path),
    };
  }

  record(node: Node | null, path: Path): LockedRecord | undefined {
    const o = this.object(node, path, ["keys", "from", "required", "optional", "unknownKeys", "fields", "rules"], ["keys", "from", "fields"]);
    if (o === undefined) return undefined;
    const keys = o.has("keys") ? this.string(o.get("keys"), [...path, "keys"]) : undefined;
    const from = o.has("from") ? this.string(o.get("from"), [...path, "from"]) : undefined;
    const unknownKeys = this.unknownKeys(o.get("unknownKeys"), [...path, "unknownKeys"]);
    if ((o.has("keys") && keys === undefined) || (o.has("from") && from === undefined) || unknownKeys === undefined) return undefined;
    return {
      ...(keys === undefined ? {} : { keys }),
      ...(from === undefined ? {} : { from }),
      required: this.strings(o.get("required"), [...path, "required"]),
      optional: this.strings(o.get("optional"), [...path, "optional"]),
      unknownKeys,
      ...this.fields(o, path),
      rules: this.dict(o.get("rules"), [...path, "rules"], (n, p) => this.rule(n, p)),
    };
  }

  rule(node: Node | null, path: Path): LockedRule | undefined {
    const o = this.object(node, path, ["if", "then"]);
    if (o === undefined) return undefined;
    const when = this.condition(o.get("if"), [...path, "if"]);
    const then = this.condition(o.get("then"), [...path, "then"]);
    return when === undefined || then === undefined ? undefined : { if: when, then };
  }

  condition(node: Node | null | undefined, path: Path): LockedCondition | undefined {
    const o = this.object(node, path, ["key", "in"]);
    if (o === undefined) return undefined;
    const key = this.string(o.get("key"), [...path, "key"]);
    return key === undefined ? undefined : { key, in: this.strings(o.get("in"), [...path, "in"]) };
  }

  acceptance(node: Node | null, path: Path): LockedAcceptance | undefined {
    const o = this.object(node, path, ["rule", "item", "reason"]);
    if (o === undefined) return undefined;
    const rule = this.string(o.get("rule"), [...path, "rule"]);
    const item = this.string(o.get("item"), [...path, "item"]);
    const reason = this.string(o.get("reason"), [...path, "reason"]);
    return rule === undefined || item === undefined || reason === undefined ? undefined : { rule, item, reason };
  }

  unknownKeys(node: Node | null | undefined, path: Path): "allow" | "forbid" | undefined {
    const s = this.string(node, path);
    if (s === undefined || s === "allow" || s === "forbid") return s;
    this.problem(node ?? null, path, `expected "allow" or "forbid", found ${JSON.stringify(s)}`);
    return undefined;
  }

  /** An object with exactly `fields` (all required but `optional`); records each field's span. */
  object(node: Node | null | undefined, path: Path, fields: readonly string[], optional: readonly string[] = []): Map<string, Node | null> | undefined {
    if (!isMap(node)) {
      this.problem(node ?? null, path, "expected an object");
      return undefined;
    }
    const out = new Map<string, Node | null>();
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!fields.includes(name)) {
        this.problem(pair.key as Node, path, `unknown field ${JSON.stringify(name)}`);
        continue;
      }
      this.record_(pair.key as Node, [...path, name]);
      out.set(name, (pair.value as Node | null) ?? null);
    }
    for (const f of fields) {
      if (!out.has(f) && !optional.includes(f)) this.problem(node, path, `missing field ${JSON.stringify(f)}`);
    }
    return out;
  }

  /** A name -> entry object; entries that fail to read are left out (and reported). */
  dict<T>(node: Node | null | undefined, path: Path, read: (n: Node | null, p: Path) => T | undefined): Dict<T> {
    const out: { [name: string]: T } = Object.create(null) as { [name: string]: T };
    if (node === undefined) return out;
    if (!isMap(node)) {
      this.problem(node, path, "expected an object");
      return out;
    }
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : "";
      this.record_(pair.key as Node, [...path, name]);
      const value = read((pair.value as Node | null) ?? null, [...path, name]);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  list<T>(node: Node | null | undefined, path: Path, read: (n: Node | null, p: Path) => T | undefined): T[] {
    if (node === undefined) return [];
    if (!isSeq(node)) {
      this.problem(node, path, "expected an array");
      return [];
    }
    const out: T[] = [];
    (node.items as (Node | null)[]).forEach((item, i) => {
      const value = read(item, [...path, String(i)]);
      if (value !== undefined) out.push(value);
    });
    return out;
  }

  /** A list of strings; each element's span is recorded under the element's own text. */
  strings(node: Node | null | undefined, path: Path): string[] {
    return this.list(node, path, (item, p) => {
      const s = this.string(item, p);
      if (s !== undefined && item !== null) this.record_(item, [...path, s]);
      return s;
    });
  }

  string(node: Node | null | undefined, path: Path): string | undefined {
    if (isScalar(node) && typeof node.value === "string") return node.value;
    this.problem(node ?? null, path, "expected a string");
    return undefined;
  }

  number(node: Node | null | undefined, path: Path): number | undefined {
    if (isScalar(node) && typeof node.value === "number") return node.value;
    this.problem(node ?? null, path, "expected a number");
    return undefined;
  }

  scalar(node: Node | null | undefined, path: Path): string | number | boolean | undefined {
    if (isScalar(node) && ["string", "number", "boolean"].includes(typeof node.value)) {
      return node.value as string | number | boolean;
    }
    this.problem(node ?? null, path, "expected a string, number or boolean");
    return undefined;
  }

  record_(node: Node, path: Path): void {
    const key = pathKey(path);
    if (node.range && !this.spans.has(key)) this.spans.set(key, this.#spanAt(node.range[0], node.range[1]));
  }

  problem(node: Node | null, path: Path, message: string): void {
    const at = node?.range ? this.#spanAt(node.range[0], node.range[1]) : this.nearest(path);
    const where = path.length === 0 ? "the lock" : path.join(".");
    this.problems.push(diagnostic("WD602", `${where}: ${message}`, at, { hint: "the lock is written by `wiredefs gen`; regenerate it rather than editing it" }));
  }

  nearest(path: Path): Span | undefined {
    for (let n = path.length; n > 0; n--) {
      const span = this.spans.get(pathKey(path.slice(0, n)));
      if (span !== undefined) return span;
    }
    return this.#spanAt(0, 0);
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
