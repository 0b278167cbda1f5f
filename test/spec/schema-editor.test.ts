/**
 * protocol.schema.json as editors use it: completion for every field with a closed or known set
 * of values, descriptions where an editor shows them, an `$id` that does not pretend to be a
 * fetchable URL, and a path a user project can point at.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../generator/contract/rules.js";
import { LINT_RULES } from "../../generator/lint/rules.js";
import { SCALARS } from "../../generator/spec/build-sets.js";
import { loadProtocol, PROTOCOL_SCHEMA, type SchemaNode } from "../../generator/spec/index.js";
import { resolveRef } from "../../generator/spec/schema.js";
import { loadInline } from "./helpers.js";

const defs = PROTOCOL_SCHEMA.$defs ?? {};
const prop = (owner: SchemaNode | undefined, key: string): SchemaNode => {
  const found = owner?.properties?.[key];
  if (found === undefined) throw new Error(`no property ${key}`);
  return found;
};

describe("completion", () => {
  it("offers the IDL versions the loader reads, and only those are accepted", () => {
    const versions = prop(PROTOCOL_SCHEMA, "wiredefs").enum ?? [];
    expect(versions.length).toBeGreaterThan(0);
    const load = (v: unknown) => loadProtocol(`wiredefs: ${String(v)}\nprotocol: { name: demo, channel: demo, version: 1 }\n`, "x.yaml");
    expect(versions.map((v) => load(v).ok)).toEqual(versions.map(() => true));
    const next = load(Math.max(...versions.map(Number)) + 1);
    expect(next.ok ? [] : next.diagnostics.map((d) => d.code)).toEqual(["WD300"]);
  });

  it("offers every built-in key type, list<…> and map<…> forms, unions and literals, for a key's type", () => {
    const type = resolveRef(PROTOCOL_SCHEMA, prop(defs.key, "type"));
    const branches = (type.anyOf ?? []).map((b) => resolveRef(PROTOCOL_SCHEMA, b));
    const offered = branches.flatMap((b) => [...(b.enum ?? []), ...(b.examples ?? [])]).map(String);
    expect(offered.filter((t) => /^[a-z]+$/.test(t)).sort()).toEqual([...SCALARS].sort());
    expect(offered.some((t) => t.startsWith("list<"))).toBe(true);
    expect(offered.some((t) => t.startsWith("map<"))).toBe(true);
    expect(offered.some((t) => t.endsWith("| null"))).toBe(true);
    expect(offered.some((t) => t.startsWith('"'))).toBe(true);
    // Every offered type is one the loader accepts.
    const keys = offered.map((t, i) => `      K${i}: { type: ${JSON.stringify(t)} }`).join("\n");
    const loaded = loadInline(`keys:\n  S:\n    keys:\n${keys}\n`);
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => d.message)).toEqual([]);
  });

  it("offers every breaking-change rule ID for an accepted break, and every lint rule ID for disable", () => {
    const accept = resolveRef(PROTOCOL_SCHEMA, prop(prop(PROTOCOL_SCHEMA, "breaking"), "accept").items ?? {});
    expect(prop(accept, "rule").examples).toEqual(RULES.map((r) => r.id));
    expect(prop(prop(PROTOCOL_SCHEMA, "lint"), "disable").items?.examples).toEqual(LINT_RULES.map((r) => r.id));
  });
});

describe("descriptions", () => {
  it("a property whose schema is a union carries its own title and description, not only its branches", () => {
    const missing: string[] = [];
    const walk = (s: SchemaNode, path: string): void => {
      for (const [key, value] of Object.entries(s.properties ?? {})) {
        const target = resolveRef(PROTOCOL_SCHEMA, value);
        const union = (target.anyOf ?? target.oneOf) !== undefined;
        if (union && (value.title === undefined || value.description === undefined)) missing.push(`${path}.${key}`);
        walk(value, `${path}.${key}`);
      }
      for (const [k, v] of Object.entries(s.patternProperties ?? {})) walk(v, `${path}[${k}]`);
      for (const [k, v] of Object.entries(s.$defs ?? {})) walk(v, `$defs.${k}`);
      (s.anyOf ?? []).forEach((v, i) => walk(v, `${path}|${i}`));
      if (s.items !== undefined) walk(s.items, `${path}[]`);
    };
    walk(PROTOCOL_SCHEMA, "#");
    expect(missing).toEqual([]);
  });
});

describe("use from a user project", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    files?: string[];
    exports?: { [path: string]: unknown };
  };
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

  it("declares an $id that is not a web address nobody serves", () => {
    expect(PROTOCOL_SCHEMA.$id === undefined || !/^https?:/i.test(PROTOCOL_SCHEMA.$id)).toBe(true);
  });

  it("is shipped in the package at the path the README tells editors to use", () => {
    const line = /# yaml-language-server: \$schema=\.\/node_modules\/wiredefs\/(\S+)/.exec(readme);
    expect(line).not.toBeNull();
    const shipped = line?.[1] ?? "";
    expect(readFileSync(new URL(`../../${shipped}`, import.meta.url), "utf8")).toBe(
      readFileSync(new URL("../../generator/spec/protocol.schema.json", import.meta.url), "utf8"),
    );
    expect((pkg.files ?? []).some((f) => f === shipped || shipped.startsWith(`${f.replace(/\/$/, "")}/`))).toBe(true);
  });
});
