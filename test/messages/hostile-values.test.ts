/**
 * Values no JSON parser makes, through the generated validators of both runtimes: huge sparse
 * arrays, getters and proxies that throw, revoked proxies (TypeScript), mappings whose reads
 * raise (Python), and records nested 1,000 deep. The validators report issues (`unreadable`, a
 * hole as `wrong_type`) as the README's semantics table says, and never throw, hang or hit a
 * recursion limit. Expectations are written out by hand from that table.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { chainPayload, chainSpec } from "../../bench/big-specs.mjs";
import { generate, RICH_SPEC, type Generated } from "./pipeline.js";

interface Issue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}
type Result = { readonly ok: true } | { readonly ok: false; readonly errors: readonly Issue[] };
type Validate = (value: unknown) => Result;

const issues = (r: Result): readonly Issue[] => (r.ok ? [] : r.errors);
const unreadable = (...path: (string | number)[]): Issue => ({ path, code: "unreadable", message: "cannot read the value" });
const hole = (expected: string, ...path: (string | number)[]): Issue => ({ path, code: "wrong_type", message: `expected ${expected}, got a hole` });

const PART = { part_name: "p", color: "red", shade: "dark" };
const thrower = (): never => {
  throw new Error("no");
};
/** A proxy each of whose traps throws. */
const throwingProxy = (): object =>
  new Proxy({}, { get: thrower, has: thrower, ownKeys: thrower, getOwnPropertyDescriptor: thrower, getPrototypeOf: thrower });
const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

/** Cases both runtimes can build: the Python script below builds the same values with a raising Mapping. */
const SHARED: readonly { readonly name: string; readonly expected: readonly Issue[] }[] = [
  { name: "a record key whose read throws", expected: [unreadable("part", "part_name")] },
  { name: "a payload key whose read throws", expected: [unreadable("tags")] },
  {
    name: "an object none of whose reads work",
    expected: [unreadable("part"), unreadable("tags"), unreadable("parts"), unreadable("parts_by_name"), unreadable("counts"), unreadable("matrix"), unreadable()],
  },
  { name: "a map entry whose read throws", expected: [unreadable("counts", "b")] },
];

function typescriptShared(name: string): unknown {
  switch (name) {
    case "a record key whose read throws":
      return { part: { get part_name(): string { return thrower(); }, color: "red", shade: "dark" }, tags: [] };
    case "a payload key whose read throws":
      return { part: PART, get tags(): string[] { return thrower(); } };
    case "an object none of whose reads work":
      return throwingProxy();
    case "a map entry whose read throws":
      return { part: PART, tags: [], counts: { a: 1, get b(): number { return thrower(); } } };
    default:
      throw new Error(name);
  }
}

const PYTHON_SHARED = `
import json, sys
from collections.abc import Mapping
sys.path.insert(0, sys.argv[1])
from rich_api import validate_nested_payload

class Raising(Mapping):
    """A mapping whose reads of some keys (or membership, or iteration) raise."""
    def __init__(self, data, bad=(), contains=True, iterate=True):
        self.data, self.bad, self.contains, self.iterate = data, set(bad), contains, iterate
    def __getitem__(self, key):
        if key in self.bad:
            raise RuntimeError("no")
        return self.data[key]
    def __contains__(self, key):
        if not self.contains:
            raise RuntimeError("no")
        return key in self.data
    def __iter__(self):
        if not self.iterate:
            raise RuntimeError("no")
        return iter(self.data)
    def __len__(self):
        return len(self.data)

PART = {"part_name": "p", "color": "red", "shade": "dark"}
cases = {
    "a record key whose read throws": {"part": Raising(PART, bad=["part_name"]), "tags": []},
    "a payload key whose read throws": Raising({"part": PART, "tags": []}, bad=["tags"]),
    "an object none of whose reads work": Raising({}, contains=False, iterate=False),
    "a map entry whose read throws": {"part": PART, "tags": [], "counts": Raising({"a": 1, "b": 2}, bad=["b"])},
}
out = {name: [{"path": list(i.path), "code": i.code, "message": i.message} for i in validate_nested_payload(value)] for name, value in cases.items()}
print(json.dumps(out))
`;

describe("hostile values (the rich fixture's NESTED payload)", () => {
  let gen: Generated;
  let validate: Validate;
  let guard: (value: unknown) => boolean;
  let validatePayload: (topic: unknown, value: unknown) => Result;
  beforeAll(async () => {
    gen = generate(RICH_SPEC);
    const module = (await import(pathToFileURL(join(gen.root, "out/ts/messages.ts")).href)) as {
      validateNestedPayload: Validate;
      isNestedPayload: (value: unknown) => boolean;
      validatePayload: (topic: unknown, value: unknown) => Result;
    };
    validate = module.validateNestedPayload;
    guard = module.isNestedPayload;
    validatePayload = module.validatePayload;
  });

  test("a sparse array of length 2^32-1 is one wrong_type at its first hole, found at once", () => {
    const empty: string[] = [];
    empty.length = 2 ** 32 - 1;
    expect(issues(validate({ part: PART, tags: empty }))).toEqual([hole("a string", "tags", 0)]);
    const two = ["a", "b"];
    two.length = 2 ** 32 - 1;
    expect(issues(validate({ part: PART, tags: two }))).toEqual([hole("a string", "tags", 2)]);
    const inner = [1];
    inner.length = 2 ** 32 - 1;
    expect(issues(validate({ part: PART, tags: [], matrix: [[1, 2], inner] }))).toEqual([hole("an integer", "matrix", 1, 1)]);
  });

  test("an item after a hole is not examined; an item before it is", () => {
    const tags: unknown[] = [7];
    tags[2] = 8;
    expect(issues(validate({ part: PART, tags }))).toEqual([
      { path: ["tags", 0], code: "wrong_type", message: "expected a string, got an integer" },
      hole("a string", "tags", 1),
    ]);
  });

  test("revoked proxies are unreadable wherever they are", () => {
    expect(issues(validate(revoked()))).toEqual([unreadable()]);
    expect(issues(validate({ part: revoked(), tags: [] }))).toEqual([unreadable("part")]);
    expect(issues(validate({ part: PART, tags: revoked() }))).toEqual([unreadable("tags")]);
    expect(issues(validate({ part: PART, tags: [revoked()] }))).toEqual([unreadable("tags", 0)]);
    expect(issues(validate({ part: PART, tags: [], counts: revoked() }))).toEqual([unreadable("counts")]);
    expect(guard(revoked())).toBe(false);
    expect(issues(validatePayload("rich.nested", revoked()))).toEqual([unreadable()]);
    expect(issues(validatePayload(revoked(), {}))).toEqual([
      { path: [], code: "unknown_topic", message: "unknown topic: expected a string, got an unreadable value" },
    ]);
  });

  test("a list whose items cannot be read stops at the first one", () => {
    const items = new Proxy(["a", "b", "c"], { getOwnPropertyDescriptor: (t, k) => (k === "1" ? thrower() : Reflect.getOwnPropertyDescriptor(t, k)) });
    expect(issues(validate({ part: PART, tags: items }))).toEqual([unreadable("tags", 1)]);
  });

  test("TypeScript and Python report the same issues for values whose reads throw", () => {
    const ts = Object.fromEntries(SHARED.map((c) => [c.name, issues(validate(typescriptShared(c.name)))]));
    const script = join(mkdtempSync(join(tmpdir(), "wiredefs-hostile-")), "hostile.py");
    writeFileSync(script, PYTHON_SHARED);
    const py = JSON.parse(execFileSync("python3", [script, join(gen.root, "out/python")], { encoding: "utf8" })) as unknown;
    const expected = Object.fromEntries(SHARED.map((c) => [c.name, c.expected]));
    expect(ts).toEqual(expected);
    expect(py).toEqual(expected);
  });
});

describe("1,000 chained records in both runtimes", () => {
  const N = 1_000;
  let gen: Generated;
  let validate: Validate;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "wiredefs-chain-"));
    writeFileSync(join(dir, "protocol.yaml"), chainSpec(N));
    gen = generate(join(dir, "protocol.yaml"));
    const module = (await import(pathToFileURL(join(gen.root, "generated/ts/messages.ts")).href)) as { validateDeepPayload: Validate };
    validate = module.validateDeepPayload;
  });

  // Broken 999 records down: the 999th holds a string where record R1000 belongs.
  const brokenPath = ["root", ...Array.from({ length: N - 1 }, (_, i) => `l${i + 1}`)];
  const expected = [{ path: brokenPath, code: "not_object", message: "expected an object, got a string" }];

  test("TypeScript validates the whole chain", () => {
    expect(issues(validate(chainPayload(N)))).toEqual([]);
    expect(issues(validate(chainPayload(N, N - 1)))).toEqual(expected);
  });

  test("Python validates it with no RecursionError, and input deeper than the spec is not walked", () => {
    const script = [
      "import json, sys",
      "sys.path.insert(0, sys.argv[1])",
      "from big_chain import validate_deep_payload",
      "def chain(depth):",
      "    value = 'leaf'",
      "    for i in range(depth, 0, -1):",
      "        value = {f'l{i}': value}",
      "    return {'root': value}",
      "def render(found):",
      "    return [{'path': list(i.path), 'code': i.code, 'message': i.message} for i in found]",
      "deep = []",
      "for _ in range(100000):",
      "    deep = [deep]",
      "print(json.dumps({",
      "    'valid': render(validate_deep_payload(chain(" + String(N) + "))),",
      "    'broken': render(validate_deep_payload(chain(" + String(N - 1) + "))),",
      "    'extra': render(validate_deep_payload({'root': chain(" + String(N) + ")['root'], 'x': deep})),",
      "}))",
    ].join("\n");
    const file = join(mkdtempSync(join(tmpdir(), "wiredefs-chain-py-")), "chain.py");
    writeFileSync(file, script);
    const out = JSON.parse(execFileSync("python3", [file, join(gen.root, "generated/python")], { encoding: "utf8" })) as { [k: string]: unknown };
    expect(out).toEqual({ valid: [], broken: expected, extra: [] });
  });
});
