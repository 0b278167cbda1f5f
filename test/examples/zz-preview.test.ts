import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "vitest";
import { checkSpec } from "../../generator/generate.js";
import { TARGETS } from "../../generator/targets.js";
test("preview", () => {
  for (const ex of ["dap", "jsonrpc-lsp"]) {
    const c = checkSpec(readFileSync(`examples/${ex}/protocol.yaml`, "utf8"), "protocol.yaml");
    if (!c.ok) { console.log(c); continue; }
    for (const t of TARGETS) {
      try {
        for (const f of t.emit(c.protocol, c.names)) { const p = join("/tmp/8e/preview", ex, f.path); mkdirSync(dirname(p), { recursive: true }); writeFileSync(p, f.text); }
        console.log(ex, t.name, "ok");
      } catch (e) { console.log(ex, t.name, String(e).slice(0, 200)); }
    }
  }
});
