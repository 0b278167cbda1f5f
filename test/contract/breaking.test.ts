/**
 * One fixture pair per rule (test/fixtures/breaking/<rule_id_lower>/previous.yaml, current.yaml),
 * as buf's testdata/breaking: the exact findings, with rule ID, category, item and the positions on
 * both sides, compared against the previous spec (a git ref) and against its lock. Extra findings fail.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compare } from "../../generator/contract/compare.js";
import { buildLock, renderLock } from "../../generator/contract/lock.js";
import { parseLock } from "../../generator/contract/parse-lock.js";
import { RULES } from "../../generator/contract/rules.js";
import { BREAKING_FIXTURES, fixture, flat, protocolOf } from "./helpers.js";

/** [rule, category, item, current L:C, previous L:C in previous.yaml, previous L:C in its lock] */
type Row = readonly [string, "wire" | "source", string, string, string, string];

const EXPECTED: { readonly [dir: string]: readonly Row[] } = {
  accepted: [
    ["WIRE_VALUE_CHANGED", "wire", "Topic.PING", "10:22", "10:7", "12:9"],
  ],
  additive_only: [],
  channel_changed: [
    ["CHANNEL_CHANGED", "wire", "CHANNEL", "4:12", "4:12", "5:3"],
  ],
  constant_removed: [
    ["CONSTANT_REMOVED", "source", "TIMEOUT", "2:1", "7:3", "7:5"],
  ],
  constant_value_changed: [
    ["CONSTANT_VALUE_CHANGED", "wire", "TIMEOUT", "7:32", "7:32", "9:7"],
  ],
  constraint_tightened: [
    ["CONSTRAINT_TIGHTENED", "wire", "Key.COUNT", "9:7", "9:7", "12:9"],
  ],
  enum_closed: [
    ["ENUM_CLOSED", "wire", "Reason", "7:3", "7:3", "15:7"],
  ],
  enum_value_type_changed: [
    ["ENUM_VALUE_TYPE_CHANGED", "wire", "Code", "7:3", "7:3", "8:5"],
  ],
  union_removed: [
    ["UNION_REMOVED", "wire", "Reply", "2:1", "12:3", "35:5"],
  ],
  union_tag_changed: [
    ["UNION_TAG_CHANGED", "wire", "Reply", "13:10", "13:10", "36:7"],
  ],
  union_variant_added: [
    ["UNION_VARIANT_ADDED", "wire", "Reply.error", "14:25", "12:3", "37:7"],
  ],
  union_variant_removed: [
    ["UNION_VARIANT_REMOVED", "wire", "Reply.error", "12:3", "14:25", "38:9"],
  ],
  enum_removed: [
    ["ENUM_REMOVED", "wire", "Color", "2:1", "7:3", "8:5"],
  ],
  enum_value_removed: [
    ["ENUM_VALUE_REMOVED", "wire", "Color.GREEN", "7:3", "10:7", "9:7"],
  ],
  key_type_changed: [
    ["KEY_TYPE_CHANGED", "wire", "Key.NAME", "9:7", "9:7", "12:9"],
  ],
  key_type_narrowed: [
    ["KEY_TYPE_NARROWED", "wire", "Key.NAME", "9:7", "9:7", "12:9"],
  ],
  name_changed: [
    ["NAME_CHANGED", "source", "Topic.PING", "10:7", "10:7", "11:7"],
  ],
  optional_key_made_required: [
    ["OPTIONAL_KEY_MADE_REQUIRED", "wire", "Topic.PING.NAME", "17:22", "17:22", "23:11"],
  ],
  payload_key_removed: [
    ["PAYLOAD_KEY_REMOVED", "wire", "Topic.PING.NAME", "15:7", "17:22", "22:11"],
  ],
  record_removed: [
    ["RECORD_REMOVED", "source", "Settings", "2:1", "17:3", "27:5"],
  ],
  record_rule_tightened: [
    ["RECORD_RULE_TIGHTENED", "wire", "Settings.fast_is_fast", "21:7", "21:7", "36:9"],
  ],
  required_key_added: [
    ["REQUIRED_KEY_ADDED", "wire", "Topic.PING.NAME", "17:22", "15:7", "21:9"],
  ],
  required_key_made_optional: [
    ["REQUIRED_KEY_MADE_OPTIONAL", "wire", "Topic.PING.NAME", "17:22", "17:22", "22:11"],
  ],
  reserved_value_removed: [
    ["RESERVED_VALUE_REMOVED", "wire", "reserved.topics.demo.old", "2:1", "7:14", "14:7"],
  ],
  reserved_value_reused: [
    ["RESERVED_VALUE_REUSED", "wire", "reserved.topics.demo.old", "11:7", "12:14", "24:7"],
  ],
  topic_direction_changed: [
    ["TOPIC_DIRECTION_CHANGED", "wire", "Topic.PING", "13:7", "13:7", "13:9"],
  ],
  unknown_keys_forbidden: [
    ["UNKNOWN_KEYS_FORBIDDEN", "wire", "Topic.PING", "16:9", "16:9", "25:9"],
  ],
  topic_channel_changed: [
    ["TOPIC_CHANNEL_CHANGED", "wire", "topic Req.PING channels", "14:7", "14:7", "54:5"],
  ],
  envelope_tag_changed: [
    ["ENVELOPE_TAG_CHANGED", "wire", "kind request", "20:23", "20:5", "38:5"],
  ],
  envelope_field_changed: [
    ["ENVELOPE_FIELD_CHANGED", "wire", "field id", "19:5", "2:1", "36:3"],
  ],
  envelope_kind_changed: [
    ["ENVELOPE_KIND_CHANGED", "wire", "kind request payload", "20:36", "20:36", "40:5"],
  ],
  response_changed: [
    ["RESPONSE_CHANGED", "wire", "topic Req.PING response", "14:43", "14:43", "52:5"],
  ],
  version_decreased: [
    ["VERSION_DECREASED", "wire", "PROTOCOL_VERSION", "5:12", "5:12", "4:3"],
  ],
  version_not_bumped: [
    ["VERSION_NOT_BUMPED", "wire", "PROTOCOL_VERSION", "5:12", "5:12", "4:3"],
    ["WIRE_VALUE_CHANGED", "wire", "Topic.PING", "10:22", "10:7", "12:9"],
  ],
  wire_value_changed: [
    ["WIRE_VALUE_CHANGED", "wire", "Topic.PING", "11:16", "10:7", "12:9"],
  ],
  wire_value_removed: [
    ["WIRE_VALUE_REMOVED", "wire", "Topic.PONG", "7:3", "11:7", "18:7"],
  ],
};

describe("breaking-change fixtures", () => {
  it("has a fixture for every rule, and a rule for every fixture named after one", () => {
    const dirs = readdirSync(BREAKING_FIXTURES);
    for (const r of RULES) expect(dirs, r.id).toContain(r.id.toLowerCase());
    expect(Object.keys(EXPECTED).sort()).toEqual([...dirs].sort());
  });

  for (const [dir, rows] of Object.entries(EXPECTED)) {
    it(`${dir}: against the previous spec`, () => {
      const got = compare(fixture(dir, "previous").protocol, fixture(dir, "current").protocol).map(flat);
      expect(got.map((f) => [f.rule, f.category, f.item, f.current, f.previous])).toEqual(
        rows.map(([rule, category, item, current, previous]) => [rule, category, item, `current.yaml:${current}`, `previous.yaml:${previous}`]),
      );
    });

    it(`${dir}: against the previous spec's lock`, () => {
      const lock = parseLock(renderLock(buildLock(fixture(dir, "previous").protocol)), "previous.lock.json");
      if (Array.isArray(lock)) throw new Error(lock.map((d) => d.message).join("\n"));
      const got = compare(lock, fixture(dir, "current").protocol).map(flat);
      expect(got.map((f) => [f.rule, f.category, f.item, f.current, f.previous])).toEqual(
        rows.map(([rule, category, item, current, , previous]) => [rule, category, item, `current.yaml:${current}`, `previous.lock.json:${previous}`]),
      );
    });
  }

  it("rule categories and severities come from the registry", () => {
    const got = compare(fixture("name_changed", "previous").protocol, fixture("name_changed", "current").protocol);
    expect(got.map((f) => [f.category, f.severity])).toEqual([["source", "error"]]);
  });

  it("VERSION_NOT_BUMPED is an error only when the spec requires a bump", () => {
    const required = compare(fixture("version_not_bumped", "previous").protocol, fixture("version_not_bumped", "current").protocol);
    expect(required.find((f) => f.rule === "VERSION_NOT_BUMPED")?.severity).toBe("error");
    const text = fixture("version_not_bumped", "current").text.replace(/^breaking:[\s\S]*$/m, "");
    const lenient = compare(fixture("version_not_bumped", "previous").protocol, protocolOf(text, "current.yaml"));
    expect(lenient.map((f) => [f.rule, f.severity])).toEqual([
      ["VERSION_NOT_BUMPED", "warning"],
      ["WIRE_VALUE_CHANGED", "error"],
    ]);
  });

  it("an accept entry marks its finding accepted, with the entry's reason and position", () => {
    const [finding] = compare(fixture("accepted", "previous").protocol, fixture("accepted", "current").protocol);
    expect(finding?.accepted?.reason).toBe("no peer sends it yet");
    expect(finding?.accepted?.span?.line).toBe(13);
  });
});
