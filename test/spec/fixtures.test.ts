/**
 * One fixture per rule: the exact list of `CODE line:col` each reports (errors when the load
 * fails, warnings when it succeeds). Extras fail the test, like a compiler's baseline tests.
 */
import { describe, expect, it } from "vitest";
import { fixtureNames, loadFixture, positions, reported } from "./helpers.js";

const EXPECTED: { readonly [fixture: string]: readonly string[] } = {
  // reading YAML
  "yaml-syntax": ["WD101 7:1"],
  "duplicate-key": ["WD102 8:3"],
  alias: ["WD103 7:11", "WD103 8:6"],
  "merge-key": ["WD104 8:5"],
  tag: ["WD105 7:18"],
  directive: ["WD106 1:1"],
  "multi-doc": ["WD107 6:1"],
  // structure
  empty: ["WD201 1:1"],
  scalar: ["WD201 1:1"],
  "wrong-types": ["WD201 5:12", "WD201 10:16", "WD201 12:16", "WD201 14:16", "WD201 19:9"],
  "float-integer": ["WD201 5:12"],
  "unknown-key": ["WD202 6:3", "WD202 16:9"],
  // named like Object.prototype members: unknown keys all the same
  "prototype-key": ["WD202 6:3", "WD202 16:9"],
  "missing-required": ["WD203 2:1", "WD203 8:7"],
  "idl-missing": ["WD203 1:1"],
  "not-allowed": ["WD204 8:11", "WD204 12:19"],
  "bad-name": ["WD205 3:9", "WD205 7:3", "WD205 10:7"],
  "min-items": ["WD206 8:12", "WD206 11:14"],
  "narrow-width": ["WD208 9:18", "WD208 12:18"],
  yaml11: ["WD207 9:7", "WD207 10:16", "WD207 11:7", "WD201 14:16", "WD201 16:16", "WD201 18:16", "WD201 20:16"],
  "plain-ambiguous": ["WD207 4:12", "WD207 7:3"],
  // semantics
  "idl-version": ["WD300 1:11"],
  "unresolved-key": ["WD301 16:22", "WD301 17:22"],
  "unresolved-type": ["WD302 13:18", "WD302 14:18", "WD302 15:18", "WD310 16:18", "WD302 18:18"],
  "unresolved-topic": ["WD303 20:19", "WD310 20:25", "WD303 26:9"],
  "unresolved-actor": ["WD304 13:15", "WD304 21:41"],
  "unresolved-keyset": ["WD305 12:11", "WD305 15:3", "WD305 21:11"],
  "duplicate-wire-value": ["WD306 10:25", "WD306 16:28"],
  "duplicate-name": ["WD307 7:3", "WD307 13:3", "WD307 17:3"],
  "foreign-key": ["WD308 18:35"],
  "listed-twice": ["WD309 16:25", "WD309 18:28", "WD309 19:22"],
  "rule-values": ["WD311 29:37", "WD311 31:20", "WD312 34:20"],
  "verify-expect": ["WD330 20:17", "WD322 26:18", "WD322 26:31", "WD312 27:18", "WD322 28:18", "WD331 28:31"],
  reserved: ["WD313 4:12", "WD313 9:7", "WD313 14:7"],
  "empty-value": ["WD314 4:12", "WD314 9:23"],
  "whitespace-value": ["WD315 9:24", "WD315 10:24", "WD315 11:27"],
  "version-zero": ["WD316 6:12"],
  // docs in generated/ and schema in generated/schema may share a tree: wiredefs owns files, not directories.
  outputs: ["WD317 8:10", "WD317 10:10"],
  "outputs-posix": ["WD317 8:10", "WD317 10:10"],
  "python-package": ["WD319 9:14"],
  "recursive-record": ["WD320 12:3"],
  "flow-no-actors": ["WD321 16:9"],
  "constant-type": ["WD323 7:32", "WD323 8:32"],
  identifiers: ["WD331 7:3", "WD331 9:7", "WD333 10:7", "WD332 11:7", "WD332 13:3", "WD331 17:3"],
  // a malformed protocol header (no channel, a float version) does not hide the rest
  // Stuck's two rules exclude both values of its required P; Fine's hold while Q is absent
  "unsatisfiable-rules": ["WD324 14:3"],
  "broken-header": ["WD203 2:1", "WD201 4:12", "WD306 9:19"],
  "many-errors": ["WD302 11:19", "WD304 18:13", "WD202 19:9", "WD301 20:31"],
  // warnings (the load succeeds)
  warnings: ["WD391 10:3", "WD392 22:7", "WD393 34:32", "WD393 34:39"],
};

describe("fixtures report exactly their expected diagnostics", () => {
  it("every fixture has an expectation and every expectation a fixture", () => {
    expect(fixtureNames()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, () => {
      expect(positions(reported(loadFixture(name)))).toEqual(expected);
    });
  }

  it("fails the load only when there are errors", () => {
    expect(loadFixture("warnings").ok).toBe(true);
    for (const name of fixtureNames().filter((n) => n !== "warnings")) expect(loadFixture(name).ok, name).toBe(false);
  });
});

function messages(name: string): { code: string; message: string; hint?: string | undefined; related?: string[] }[] {
  return reported(loadFixture(name)).map((d) => ({
    code: d.code,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    ...(d.related === undefined ? {} : { related: d.related.map((r) => `${r.span.line}:${r.span.col} ${r.message}`) }),
  }));
}

describe("messages say what is wrong and how to fix it", () => {
  it("an empty spec says it is empty, and how a spec starts", () => {
    expect(messages("empty")).toEqual([
      {
        code: "WD201",
        message: "the spec is empty",
        hint: "start it with `wiredefs: 1` and a `protocol:` mapping (name, channel, version), or run `wiredefs init`",
      },
    ]);
  });

  it("a missing required key names what it holds", () => {
    const [, type] = messages("missing-required");
    expect(type?.message).toBe('key A is missing required key "type"');
    expect(type?.hint).toMatch(/^add "type:" \(The value type: string, int, float, bool, .+\)$/);
    expect(messages("idl-missing")[0]?.hint).toBe('add "wiredefs:" (Version of the wiredefs spec language this file is written in. Must be 1)');
  });

  it("unknown key with did-you-mean", () => {
    expect(messages("unknown-key")[1]).toEqual({
      code: "WD202",
      message: 'unknown key "replys" in topic HELLO',
      hint: 'did you mean "replies"?',
    });
  });

  it("unresolved payload key with did-you-mean", () => {
    expect(messages("unresolved-key")[0]).toEqual({
      code: "WD301",
      message: 'unknown key "SESION_ID" in payload of Topic.HELLO',
      hint: 'did you mean "SESSION_ID"?',
    });
  });

  it("wire values must be YAML strings, with a hint to quote", () => {
    const [version, low, , mid] = messages("wrong-types");
    expect(version?.message).toBe('"version" of "protocol" must be an integer or a mapping, got the number 1.10');
    expect(low).toEqual({
      code: "WD201",
      message: '"value" of enum member LOW must be a string, got the number 1.10',
      hint: 'quote it to make it a string: "1.10"',
    });
    expect(mid?.hint).toBe('quote it to make it a string: "true"');
  });

  it("plain scalars YAML 1.1 reads otherwise must be quoted", () => {
    expect(messages("yaml11")[1]).toEqual({
      code: "WD207",
      message: '"value" of enum member ON is the plain scalar on, which YAML 1.1 tools read as a bool',
      hint: 'quote it: "on"',
    });
  });

  it("duplicate wire values point at both members", () => {
    expect(messages("duplicate-wire-value")[0]).toEqual({
      code: "WD306",
      message: 'enum Color.CRIMSON has wire value "red", already used by enum Color.RED',
      hint: "every member of a set needs its own wire value",
      related: ["9:7 RED has it here"],
    });
  });

  it("reserved collisions point at both places", () => {
    expect(messages("reserved")[2]).toEqual({
      code: "WD313",
      message: 'topic HELLO has the reserved value "hello"',
      hint: "choose another value; reserved values must never be used",
      related: ["18:14 reserved here"],
    });
  });

  it("duplicate top-level names point at the first definition", () => {
    expect(messages("duplicate-name")[1]).toMatchObject({
      message: "key set Thing has the same name as enum Thing",
      related: ["9:3 first defined here"],
    });
  });

  it("a reference to the wrong kind of item says what it is", () => {
    expect(messages("unresolved-topic")[1]?.message).toBe('replies of Topic.HELLO names "ID", which is key K.ID, not a topic');
    expect(messages("unresolved-type")[3]?.message).toBe('key K.D names "K", which is key set K, not a type');
  });

  it("rule values must be members of the key's enum", () => {
    expect(messages("rule-values")[0]).toEqual({
      code: "WD311",
      message: '"BASE46" in "then" of rule Meta.binary is not a member of enum Encoding',
      hint: 'did you mean "BASE64"?',
    });
  });

  it("a key from another key set names its set", () => {
    expect(messages("foreign-key")[0]?.message).toBe('key "SIZE" in payload of Topic.HELLO belongs to key set MetaKey, not MsgKey');
  });

  it("a recursive record shows the cycle", () => {
    expect(messages("recursive-record")[0]?.message).toBe("record Tree contains itself: Tree → Tree");
  });

  it("an unknown IDL version is reported", () => {
    expect(messages("idl-version")[0]?.message).toBe("unsupported IDL version wiredefs: 2");
  });
});

describe("all errors are collected", () => {
  it("reports independent errors of different stages together", () => {
    const codes = new Set(reported(loadFixture("many-errors")).map((d) => d.code));
    expect(codes.size).toBeGreaterThanOrEqual(3);
    expect([...codes].sort()).toEqual(["WD202", "WD301", "WD302", "WD304"]);
  });
});
