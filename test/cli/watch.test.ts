/** `wiredefs gen --watch`, driven as a child process: one line per regeneration, survives a broken spec. */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, scratchCopy } from "./run.js";

/** Collects the child's stdout lines and resolves when one matching `pattern` has arrived (however long that takes). */
function lines(child: ReturnType<typeof spawn>): { next(pattern: RegExp): Promise<string>; all: string[] } {
  const all: string[] = [];
  let buffer = "";
  const waiting: { pattern: RegExp; from: number; done: (line: string) => void }[] = [];
  const settle = (): void => {
    for (const w of [...waiting]) {
      const hit = all.slice(w.from).find((l) => w.pattern.test(l));
      if (hit !== undefined) {
        waiting.splice(waiting.indexOf(w), 1);
        w.done(hit);
      }
    }
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    all.push(...parts);
    settle();
  });
  let seen = 0;
  return {
    all,
    next(pattern) {
      const from = seen;
      return new Promise((done) => {
        waiting.push({
          pattern,
          from,
          done: (line) => {
            seen = all.indexOf(line, from) + 1;
            done(line);
          },
        });
        settle();
      });
    },
  };
}

describe("wiredefs gen --watch", () => {
  it("regenerates on each change, reports a broken spec, and recovers when it is fixed", async () => {
    const dir = scratchCopy();
    const spec = join(dir, "protocol.yaml");
    const original = readFileSync(spec, "utf8");
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env["FORCE_COLOR"];
    const child = spawn(process.execPath, [join(REPO, "bin/wiredefs.js"), "gen", "--watch"], { cwd: dir, env });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const out = lines(child);
    try {
      await out.next(/^wiredefs: wrote 0 files, \d+ unchanged \(from protocol\.yaml\) in /);
      while (!stderr.includes("watching protocol.yaml")) await new Promise((r) => setTimeout(r, 50));

      const edited = original.replace("Supported model buffer types", "Supported model buffer kinds");
      expect(edited).not.toBe(original);
      writeFileSync(spec, edited);
      await out.next(/^wiredefs: wrote [1-9]\d* files?, /);
      expect(readFileSync(join(dir, "generated/ts/defs.ts"), "utf8")).toContain("Supported model buffer kinds");

      writeFileSync(spec, original.replace("required: [NONCE]", "required: [NONSE]"));
      await out.next(/^wiredefs: protocol\.yaml not generated \(see above\); outputs unchanged/);
      expect(stderr).toContain('did you mean "NONCE"');
      expect(readFileSync(join(dir, "generated/ts/defs.ts"), "utf8")).toContain("Supported model buffer kinds");

      writeFileSync(spec, original);
      await out.next(/^wiredefs: wrote [1-9]\d* files?, /);
      expect(readFileSync(join(dir, "generated/ts/defs.ts"), "utf8")).not.toContain("Supported model buffer kinds");
      // One status line per regeneration: the first run, then three changes.
      expect(out.all.filter((l) => l.startsWith("wiredefs: "))).toHaveLength(4);
    } finally {
      child.kill("SIGINT");
    }
  });
});
