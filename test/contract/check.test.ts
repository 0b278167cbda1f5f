/** gen's and check's use of the lock: additive changes flow in, breaks stop until accepted. */
import { describe, expect, it } from "vitest";
import { contractCheck, planLock } from "../../generator/contract/check.js";
import { buildLock, renderLock } from "../../generator/contract/lock.js";
import { fixture, protocolOf } from "./helpers.js";

const lockOf = (dir: string, side: "previous" | "current"): string => renderLock(buildLock(fixture(dir, side).protocol));

describe("contractCheck", () => {
  it("passes when the lock matches the spec", () => {
    const result = contractCheck(fixture("additive_only", "current").protocol, lockOf("additive_only", "current"), "protocol.lock.json");
    expect(result).toMatchObject({ ok: true, findings: [], diagnostics: [] });
  });

  it("fails on a missing lock (WD604) and a stale one (WD605)", () => {
    const p = fixture("additive_only", "current").protocol;
    expect(contractCheck(p, undefined, "protocol.lock.json").diagnostics.map((d) => d.code)).toEqual(["WD604"]);
    const stale = contractCheck(p, lockOf("additive_only", "previous"), "protocol.lock.json");
    expect([stale.ok, stale.findings, stale.diagnostics.map((d) => d.code)]).toEqual([false, [], ["WD605"]]);
  });

  it("fails on a wire break with the rule ID, and returns the lock gen would write", () => {
    const result = contractCheck(fixture("wire_value_changed", "current").protocol, lockOf("wire_value_changed", "previous"), "protocol.lock.json");
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.rule)).toEqual(["WIRE_VALUE_CHANGED"]);
    expect(result.lockText).toBe(lockOf("wire_value_changed", "current"));
  });

  it("reports an unreadable lock instead of comparing", () => {
    const result = contractCheck(fixture("additive_only", "current").protocol, "{", "protocol.lock.json");
    expect([result.ok, result.diagnostics[0]?.code]).toEqual([false, "WD601"]);
  });

  it("rejects an accept entry naming an unknown rule, suggesting the near one", () => {
    const text = fixture("accepted", "current").text.replace("rule: WIRE_VALUE_CHANGED", "rule: WIRE_VALUE_CHANGE");
    const result = contractCheck(protocolOf(text, "current.yaml"), lockOf("accepted", "previous"), "protocol.lock.json");
    expect(result.diagnostics.map((d) => [d.code, d.hint, d.span?.line])).toEqual([["WD606", "did you mean WIRE_VALUE_CHANGED?", 13]]);
  });
});

describe("planLock (gen)", () => {
  it("updates the lock on its own for additive changes", () => {
    const plan = planLock(fixture("additive_only", "current").protocol, lockOf("additive_only", "previous"), "protocol.lock.json");
    expect(plan).toMatchObject({ ok: true, findings: [], write: lockOf("additive_only", "current") });
  });

  it("writes a first lock, and nothing when the lock is current", () => {
    const p = fixture("additive_only", "current").protocol;
    expect(planLock(p, undefined, "protocol.lock.json").write).toBe(lockOf("additive_only", "current"));
    expect(planLock(p, lockOf("additive_only", "current"), "protocol.lock.json").write).toBeUndefined();
  });

  it("keeps the old lock on an unaccepted break", () => {
    const plan = planLock(fixture("wire_value_changed", "current").protocol, lockOf("wire_value_changed", "previous"), "protocol.lock.json");
    expect([plan.ok, plan.write, plan.findings.map((f) => f.rule)]).toEqual([false, undefined, ["WIRE_VALUE_CHANGED"]]);
  });

  it("--accept-breaking rewrites the lock and marks every finding accepted", () => {
    const plan = planLock(fixture("wire_value_changed", "current").protocol, lockOf("wire_value_changed", "previous"), "protocol.lock.json", { acceptBreaking: true });
    expect(plan.ok).toBe(true);
    expect(plan.write).toBe(lockOf("wire_value_changed", "current"));
    expect(plan.findings.map((f) => f.accepted?.reason)).toEqual(["--accept-breaking"]);
  });

  it("an accept entry lets gen write a lock that records it, and is spent once recorded", () => {
    const current = fixture("accepted", "current");
    const plan = planLock(current.protocol, lockOf("accepted", "previous"), "protocol.lock.json");
    expect(plan.ok).toBe(true);
    expect(plan.write).toContain('"reason": "no peer sends it yet"');
    // A later change to the same item is not covered by the already-recorded acceptance.
    const later = protocolOf(current.text.replace("value: demo.pings", "value: demo.pingz"), "current.yaml");
    const next = planLock(later, plan.write, "protocol.lock.json");
    expect([next.ok, next.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.accepted])]).toEqual([false, [["WIRE_VALUE_CHANGED", undefined]]]);
  });

  it("source breaks also wait for acceptance", () => {
    const plan = planLock(fixture("name_changed", "current").protocol, lockOf("name_changed", "previous"), "protocol.lock.json");
    expect([plan.ok, plan.write, plan.findings.map((f) => [f.rule, f.category])]).toEqual([false, undefined, [["NAME_CHANGED", "source"]]]);
  });
});
