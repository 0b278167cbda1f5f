#!/usr/bin/env node
// The generated TypeScript validators against their anchors, measured in the same run on one
// mixed batch of payloads by topic (half invalid, parsed from JSON text as they come off the
// wire): `validatePayload` against ajv's compiled validators of the generated JSON Schema, and
// `isPayload` against a guard written by hand for this repo's protocol. Every verdict of every
// contender is checked equal on every message before anything is timed. Each round times every
// contender once over the whole batch (order rotated per round), by the CPU time it used (wall
// time on a busy machine is mostly waiting for a core); the ratios are the medians of the
// per-round ratios, throughputs the medians of the rounds. Also the load time of the
// generated module (import of the bundled index in a fresh process, minus an empty module's).
//
// The rounds run in several fresh processes (--processes), each timing every contender over
// several passes of the batch per round (--passes): how well V8 compiles a function (what it
// inlines, when) differs from one process to the next, so the same code measured in one process
// can come out 30% faster or slower than in another (the hand-written guard falls into a fast or
// a slow compile about evenly), and a pass of 100,000 messages takes a millisecond or two, a span
// the CPU clock and the compiler threads blur. With 5 processes the isPayload ratio came out
// anywhere in 1.4–2.2 over runs; with 11, in 1.5–1.7.
//
// Prints one JSON line per measurement, then a table.
// Usage: node bench/validators-ts.mjs [--rounds N] [--messages N] [--processes N] [--passes N]
//        (defaults 7, 100000, 11 and 10; --rounds per process)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Ajv2020 } from "ajv/dist/2020.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ROUNDS = option("--rounds", 7);
const MESSAGES = option("--messages", 100_000);
const PROCESSES = option("--processes", 11);
const PASSES = option("--passes", 10);
/** In a child process: the bundle to time (built by the parent); it prints its timings only. */
const CHILD = process.argv.includes("--child") ? process.argv[process.argv.indexOf("--child") + 1] : undefined;
if (!Number.isInteger(ROUNDS) || ROUNDS < 5) throw new Error("--rounds must be an integer ≥ 5");
if (!Number.isInteger(MESSAGES) || MESSAGES < 1000) throw new Error("--messages must be an integer ≥ 1000");
if (!Number.isInteger(PROCESSES) || PROCESSES < 1) throw new Error("--processes must be an integer ≥ 1");
if (!Number.isInteger(PASSES) || PASSES < 1) throw new Error("--passes must be an integer ≥ 1");

// --- the generated module, bundled as a user's bundler would (esbuild, ESM) -------------------
const scratch = CHILD === undefined ? mkdtempSync(join(tmpdir(), "wiredefs-bench-validators-")) : dirname(CHILD);
if (CHILD === undefined) process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const bundle = CHILD ?? join(scratch, "index.mjs");
if (CHILD === undefined) {
  await build({
    entryPoints: [join(repo, "generated/ts/index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: bundle,
    logLevel: "silent",
  });
}
const generated = await import(pathToFileURL(bundle).href);
const schema = JSON.parse(readFileSync(join(repo, "generated/schema/messages.schema.json"), "utf8"));

// --- anchors --------------------------------------------------------------------------------
const ajv = new Ajv2020({ strict: true, allErrors: false });
ajv.addSchema(schema);
/** Topic wire value → the JSON Schema definition of its payload (named in its description). */
const ajvByTopic = new Map();
for (const topic of Object.values(generated.Topic)) {
  const name = Object.keys(schema.$defs).find((d) => schema.$defs[d].description?.startsWith(`Payload of topic ${topic}.`));
  if (name === undefined) throw new Error(`no schema definition for topic ${topic}`);
  ajvByTopic.set(topic, ajv.getSchema(`${schema.$id}#/$defs/${name}`));
}
function ajvPayload(topic, value) {
  const validate = ajvByTopic.get(topic);
  return validate === undefined ? false : validate(value);
}

/** The guard a developer writes by hand for this protocol: typeof checks, no own-property test. */
function handPayload(topic, p) {
  if (typeof p !== "object" || p === null || Array.isArray(p)) return false;
  switch (topic) {
    case "client_api.hello":
      return (
        typeof p.session_id === "string" &&
        typeof p.job_id === "string" &&
        typeof p.site_name === "string" &&
        typeof p.trainer_fqcn === "string" &&
        Number.isInteger(p.rank) &&
        Number.isInteger(p.protocol_version)
      );
    case "client_api.hello_challenge":
      return typeof p.nonce === "string";
    case "client_api.hello_proof":
      return typeof p.proof === "string";
    case "client_api.hello_rejected":
    case "client_api.result_rejected":
    case "client_api.error":
      return typeof p.reason === "string";
    case "client_api.task_ready":
      return typeof p.task_id === "string" && typeof p.task_name === "string" && "model" in p && "params" in p;
    case "client_api.result_ready":
      return typeof p.result_id === "string" && "manifest" in p;
    case "client_api.hello_accepted":
    case "client_api.task_accepted":
    case "client_api.task_failed":
    case "client_api.result_accepted":
    case "client_api.log":
    case "client_api.heartbeat":
    case "client_api.abort":
    case "client_api.shutdown":
    case "client_api.bye":
      return true;
    default:
      return false;
  }
}

// --- the batch: seeded, half invalid, through JSON text ----------------------------------------
let seed = 0x5eed;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const word = () => pick(["a", "site-1", "trainer@host", "9f2c", "", "Ω"]);
const VALID = {
  "client_api.hello": () => ({ session_id: word(), job_id: word(), site_name: word(), trainer_fqcn: word(), rank: pick([0, 1, 7]), protocol_version: 3 }),
  "client_api.hello_challenge": () => ({ nonce: word() }),
  "client_api.hello_proof": () => ({ proof: word() }),
  "client_api.hello_rejected": () => ({ reason: word() }),
  "client_api.result_rejected": () => ({ reason: word() }),
  "client_api.error": () => ({ reason: word() }),
  "client_api.task_ready": () => ({ task_id: word(), task_name: word(), model: { w: [1, 2] }, params: null }),
  "client_api.result_ready": () => ({ result_id: word(), manifest: [word()] }),
};
for (const topic of Object.values(generated.Topic)) VALID[topic] ??= () => (random() < 0.5 ? {} : { note: word() });
const topics = Object.keys(VALID);
/** A payload the hand-written guard rejects: not an object, a key dropped, or a key of the wrong type. */
function invalid(topic) {
  for (;;) {
    const payload = VALID[topic]();
    const keys = Object.keys(payload);
    const r = random();
    if (keys.length === 0 || r < 0.15) return pick([null, [], "text", 3]);
    const key = pick(keys);
    if (r < 0.55) delete payload[key];
    else payload[key] = pick([1.5, "x", true, null, ["x"]]);
    if (!handPayload(topic, payload)) return payload;
  }
}
const drawn = [];
for (let i = 0; i < MESSAGES; i++) {
  if (i % 2 === 0) {
    const topic = pick(topics);
    drawn.push({ topic, payload: VALID[topic]() });
  } else if (random() < 0.05) {
    drawn.push({ topic: pick(["client_api.nope", "__proto__", ""]), payload: {} });
  } else {
    const topic = pick(topics);
    drawn.push({ topic, payload: invalid(topic) });
  }
}
const batch = JSON.parse(JSON.stringify(drawn));

// --- verdicts first ---------------------------------------------------------------------------
const contenders = {
  validatePayload: (m) => generated.validatePayload(m.topic, m.payload).ok,
  ajv: (m) => ajvPayload(m.topic, m.payload),
  isPayload: (m) => generated.isPayload(m.topic, m.payload),
  "hand-written guard": (m) => handPayload(m.topic, m.payload),
};
let valid = 0;
for (const [i, m] of batch.entries()) {
  const verdicts = Object.values(contenders).map((c) => c(m));
  if (verdicts.some((v) => v !== verdicts[0])) {
    console.error(`verdicts differ on message ${i} (${JSON.stringify(m)}): ${JSON.stringify(verdicts)}`);
    process.exit(1);
  }
  if (verdicts[0]) valid++;
}

// --- timing -----------------------------------------------------------------------------------
const loops = {
  validatePayload: () => {
    let n = 0;
    for (const m of batch) if (generated.validatePayload(m.topic, m.payload).ok) n++;
    return n;
  },
  ajv: () => {
    let n = 0;
    for (const m of batch) if (ajvPayload(m.topic, m.payload)) n++;
    return n;
  },
  isPayload: () => {
    let n = 0;
    for (const m of batch) if (generated.isPayload(m.topic, m.payload)) n++;
    return n;
  },
  "hand-written guard": () => {
    let n = 0;
    for (const m of batch) if (handPayload(m.topic, m.payload)) n++;
    return n;
  },
};
const names = Object.keys(loops);
/** Per contender, the CPU seconds of one pass over the batch in each round of this process. */
function timeRounds() {
  for (const name of names) for (let i = 0; i < 3; i++) loops[name](); // warm up (JIT)
  const seconds = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length];
      const start = process.cpuUsage();
      for (let pass = 0; pass < PASSES; pass++) {
        const n = loops[name]();
        if (n !== valid) throw new Error(`${name} counted ${n} valid messages, expected ${valid}`);
      }
      const used = process.cpuUsage(start);
      seconds[name].push((used.user + used.system) / 1e6 / PASSES);
    }
  }
  return seconds;
}
if (CHILD !== undefined) {
  process.stdout.write(JSON.stringify(timeRounds()));
  process.exit(0);
}
// Every process's rounds, one after the other: a ratio pairs two contenders of the same round.
const seconds = Object.fromEntries(names.map((n) => [n, []]));
const own = fileURLToPath(import.meta.url);
for (let p = 0; p < PROCESSES; p++) {
  const args = [own, "--child", bundle, "--rounds", String(ROUNDS), "--messages", String(MESSAGES), "--passes", String(PASSES)];
  const timed = JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 }));
  for (const name of names) seconds[name].push(...timed[name]);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const rate = (name) => MESSAGES / median(seconds[name]);
/** Median over rounds of (anchor time / contender time): > 1 means the contender is faster. */
const speedup = (name, anchor) => median(seconds[name].map((s, i) => seconds[anchor][i] / s));

// --- module load ------------------------------------------------------------------------------
const [warm, empty] = ["warm.mjs", "empty.mjs"].map((f) => join(scratch, f));
for (const f of [warm, empty]) writeFileSync(f, "export {};\n");
// In one fresh process: an empty module to warm the loader up (not counted), another empty
// module (the cost of any import: resolve, read, link), then the module. CPU time (user +
// system) of each import, since wall time on a busy machine is mostly waiting for a core.
const loadScript = [
  "const [warm, empty, module] = process.argv.slice(1);",
  "const cpu = (t) => { const d = process.cpuUsage(t); return (d.user + d.system) / 1000; };",
  "await import(warm);",
  "let t = process.cpuUsage(); await import(empty); const base = cpu(t);",
  "t = process.cpuUsage(); await import(module); const load = cpu(t);",
  "process.stdout.write(String(load - base));",
].join("\n");
const loadOnce = () =>
  Number(execFileSync(process.execPath, ["--input-type=module", "-e", loadScript, ...[warm, empty, bundle].map((f) => pathToFileURL(f).href)], { encoding: "utf8" }));
const loads = [];
for (let i = 0; i < ROUNDS; i++) loads.push(loadOnce());
const loadMs = median(loads);

// --- report -----------------------------------------------------------------------------------
const base = { bench: "validators-ts", spec: "protocol.yaml", messages: MESSAGES, valid, rounds: ROUNDS * PROCESSES, processes: PROCESSES, passes: PASSES, load: loadavg()[0] };
const rows = [
  { measure: "validatePayload vs ajv compiled", value: speedup("validatePayload", "ajv"), unit: "× ajv's speed", target: 2, better: "higher" },
  { measure: "isPayload vs ajv compiled", value: speedup("isPayload", "ajv"), unit: "× ajv's speed", better: "higher" },
  { measure: "isPayload vs hand-written guard", value: 1 / speedup("isPayload", "hand-written guard"), unit: "× the hand-written guard's time", target: 1.5, better: "lower" },
  { measure: "module load (bundled index, CPU time over an empty module)", value: loadMs, unit: "ms", target: 5, better: "lower" },
];
for (const name of names) console.log(JSON.stringify({ ...base, measure: `${name} throughput`, msgPerSec: Math.round(rate(name)) }));
// A row without a target is shown for comparison only (no target, no verdict).
const goal = (r) => (r.target === undefined ? "" : `${r.better === "higher" ? "≥" : "≤"} ${r.target}`);
const verdict = (r) => (r.met === undefined ? "" : r.met ? "yes" : "no");
for (const r of rows) {
  if (r.target !== undefined) r.met = r.better === "higher" ? r.value >= r.target : r.value <= r.target;
  console.log(JSON.stringify({ ...base, measure: r.measure, value: Number(r.value.toFixed(3)), unit: r.unit, target: goal(r), met: r.met }));
}
console.log("");
console.log(`TypeScript validators, ${MESSAGES} messages (${valid} valid), ${ROUNDS} rounds in each of ${PROCESSES} processes, ${PASSES} passes a timing, load average ${loadavg()[0].toFixed(2)}`);
console.log("");
console.log("| contender | msg/s (median) |");
console.log("| --- | ---: |");
for (const name of names) console.log(`| ${name} | ${Math.round(rate(name)).toLocaleString("en-US")} |`);
console.log("");
console.log("| measure | value | target | met |");
console.log("| --- | ---: | ---: | --- |");
for (const r of rows) console.log(`| ${r.measure} | ${r.value.toFixed(2)} ${r.unit} | ${goal(r)} | ${verdict(r)} |`);
