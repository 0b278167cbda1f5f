/**
 * One side of a comparison: a lock plus where each of its entries came from. The previous side
 * is either a parsed lock file (spans in the lock) or a protocol read from a git ref (spans in
 * that spec); the current side is always the spec being checked.
 */
import { envelopeFacts } from "./envelope.js";
import type { Protocol, Span } from "../model.js";
import { buildLock } from "./lock.js";
import type { Lock } from "./lock.js";

export interface Side {
  readonly lock: Lock;
  /** The span of the entry at `path` in the lock's shape, or of its nearest enclosing entry. */
  spanOf(path: readonly string[]): Span | undefined;
}

/** A path in the lock's shape as one map key (segments may contain any character but NUL). */
export function pathKey(path: readonly string[]): string {
  return path.join("\u0000");
}

export function sideOfSpans(lock: Lock, spans: ReadonlyMap<string, Span>, root: Span | undefined): Side {
  return {
    lock,
    spanOf(path) {
      for (let n = path.length; n > 0; n--) {
        const span = spans.get(pathKey(path.slice(0, n)));
        if (span !== undefined) return span;
      }
      return root;
    },
  };
}

export function sideOfProtocol(p: Protocol): Side {
  return sideOfSpans(buildLock(p), protocolSpans(p), p.span);
}

/** The spec span of every entry of `buildLock(p)`, under the same paths. */
export function protocolSpans(p: Protocol): Map<string, Span> {
  const spans = new Map<string, Span>();
  const put = (path: readonly string[], span: Span): void => {
    const key = pathKey(path);
    if (!spans.has(key)) spans.set(key, span);
  };
  put(["protocol"], p.span);
  for (const [fact, span] of envelopeFacts(p).spans) put(["envelope", fact], span);
  put(["version"], p.version.valueSpan);
  put(["channel"], p.channel.valueSpan);
  for (const c of p.constants) {
    put(["constants", c.name], c.span);
    put(["constants", c.name, "value"], c.valueSpan);
  }
  for (const e of p.enums) {
    put(["enums", e.name], e.span);
    put(["enumTypes", e.name], e.span);
    for (const m of e.members) {
      put(["enums", e.name, m.name], m.span);
      put(["enums", e.name, m.name, "value"], m.valueSpan);
    }
  }
  for (const s of p.keySets) {
    put(["keys", s.name], s.span);
    for (const k of s.keys) {
      put(["keys", s.name, k.name], k.span);
      put(["keys", s.name, k.name, "value"], k.valueSpan);
    }
  }
  for (const s of p.topicSets) {
    put(["topics", s.name], s.span);
    for (const t of s.topics) {
      const at = ["topics", s.name, t.name];
      put(at, t.span);
      put([...at, "value"], t.valueSpan);
      for (const part of ["required", "optional", "unknownKeys"]) put([...at, part], t.payload.span);
      for (const f of t.payload.fields) {
        put([...at, f.required ? "required" : "optional", f.key.value], f.span);
        if (f.local) put([...at, "fields", f.key.value], f.span);
      }
    }
  }
  for (const r of p.records) {
    put(["records", r.name], r.span);
    for (const f of r.fields) {
      put(["records", r.name, f.required ? "required" : "optional", f.key.value], f.span);
      if (f.local) put(["records", r.name, "fields", f.key.value], f.span);
    }
    for (const rule of r.rules) put(["records", r.name, "rules", rule.id], rule.span);
  }
  for (const u of p.unions) {
    put(["unions", u.name], u.span);
    put(["unions", u.name, "tag"], u.tagSpan);
    for (const v of u.variants) put(["unions", u.name, "variants", v.value], v.span);
  }
  for (const block of p.reserved) {
    put(["reserved"], block.span);
    for (const [part, values] of [["channels", block.channels], ["topics", block.topics], ["keys", block.keys]] as const) {
      for (const v of values) put(["reserved", part, v.value], v.span);
    }
  }
  return spans;
}
