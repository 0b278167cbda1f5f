// Big and deep specs, built as YAML text, for the scaling test (test/scaling/) and the scaling
// benchmark (bench/scaling.mjs). Each one stresses one dimension of a spec linearly:
//
//   namesSpec(n)  a protocol with about n names: topics, payload keys, enum members, records,
//                 constants, replies, a flow and reserved values, all cross-referenced
//   keysSpec(n)   one topic whose payload carries n keys (every value type), unknown keys forbidden
//   chainSpec(n)  n chained records: record R1 has a field of type R2, … Rn holds a string
//   channelsSpec(n) n channels, each with a topic set of its own (one topic with a payload)
//
// Deterministic: the same arguments give the same text.

const outputs = (name) => `outputs:
  typescript: { dir: generated/ts }
  python: { dir: generated/python, package: ${name} }
  docs: { dir: generated/docs }
  schema: { dir: generated/schema, conformance: true }
`;

const header = (name, title) => `wiredefs: 1
protocol:
  name: ${name}
  title: ${title}
  channel: ${name}
  version: 1
actors:
  client: { doc: The client. }
  server: { doc: The server. }
`;

const pad = (i) => String(i).padStart(5, "0");
const KEY_TYPES = ["string", "int", "float", "bool", "any", "list<string>", "map<int>"];

/** At least n names: 30% topics, 30% keys, 25% enum members (in enums of 10), records, constants. */
export function namesSpec(n) {
  const topics = Math.max(2, Math.floor(n * 0.3));
  const keys = Math.max(4, Math.floor(n * 0.3));
  const enums = Math.max(1, Math.floor(n / 40));
  const records = Math.max(1, Math.floor(n / 200));
  const constants = Math.max(1, Math.floor(n * 0.12));
  const out = [header("big_names", "A protocol with many names.")];
  out.push("enums:\n");
  for (let e = 0; e < enums; e++) {
    out.push(`  Kind${pad(e)}:\n    doc: Enum ${e}.\n    values:\n`);
    for (let v = 0; v < 10; v++) out.push(`      E${pad(e)}_V${v}: {}\n`);
  }
  out.push("keys:\n  Key:\n    doc: Payload keys.\n    keys:\n");
  for (let k = 0; k < keys; k++) {
    // Every tenth key is enum-typed, every fiftieth record-typed; the rest cycle the plain types.
    const type =
      k % 50 === 7 ? `Rec${pad(k % records)}` : k % 10 === 3 ? `Kind${pad(Math.floor(k / 10) % enums)}` : KEY_TYPES[k % KEY_TYPES.length];
    out.push(`      K${pad(k)}: { type: "${type}", doc: Key ${k}. }\n`);
  }
  out.push("  RecKey:\n    doc: Record fields.\n    keys:\n");
  for (let f = 0; f < 10; f++) out.push(`      F${f}: { type: ${f % 2 === 0 ? "string" : `Kind${pad(f % enums)}`} }\n`);
  out.push("topics:\n  Topic:\n    doc: Topics.\n    prefix: big.\n    keys: Key\n    topics:\n");
  for (let t = 0; t < topics; t++) {
    const [from, to] = t % 2 === 0 ? ["client", "server"] : ["server", "client"];
    const req = [t % keys, (t + 1) % keys].map((k) => `K${pad(k)}`);
    const opt = [(t + 2) % keys].map((k) => `K${pad(k)}`);
    const replies = t + 1 < topics ? `, replies: [T${pad(t + 1)}]` : "";
    const section = t % 100 === 0 ? `, section: Part ${t / 100}` : "";
    out.push(
      `      T${pad(t)}: { doc: Topic ${t}., from: ${from}, to: ${to}${replies}${section}, ` +
        `payload: { required: [${req.join(", ")}], optional: [${opt.join(", ")}]${t % 3 === 0 ? ", unknown_keys: forbid" : ""} } }\n`,
    );
  }
  out.push("records:\n");
  for (let r = 0; r < records; r++) {
    out.push(`  Rec${pad(r)}:\n    doc: Record ${r}.\n    keys: RecKey\n    required: [F0, F1, F2]\n    optional: [F3, F4, F5]\n`);
  }
  out.push("flows:\n  main:\n    doc: Every topic in order.\n    steps:\n");
  for (let t = 0; t < topics; t++) out.push(`      - T${pad(t)}\n`);
  out.push("reserved:\n  - doc: Old names.\n    topics: [");
  out.push(Array.from({ length: Math.max(1, Math.floor(n / 100)) }, (_, i) => `old.${i}`).join(", "));
  out.push("]\nconstants:\n");
  for (let c = 0; c < constants; c++) out.push(`  C${pad(c)}: { type: int, value: ${c}, doc: Constant ${c}. }\n`);
  out.push(outputs("big_names"));
  return out.join("");
}

/** One topic whose payload requires n keys of every type; unknown keys forbidden. */
export function keysSpec(n) {
  const out = [header("big_keys", "One payload with many keys.")];
  out.push("enums:\n  Color:\n    doc: Colors.\n    values:\n      RED: {}\n      GREEN: {}\n");
  out.push("keys:\n  Key:\n    doc: Payload keys.\n    keys:\n");
  const types = [...KEY_TYPES, "Color"];
  for (let k = 0; k < n; k++) out.push(`      K${pad(k)}: { type: "${types[k % types.length]}", doc: Key ${k}. }\n`);
  out.push("topics:\n  Topic:\n    doc: Topics.\n    prefix: big.\n    keys: Key\n    topics:\n");
  out.push("      WIDE:\n        doc: The wide message.\n        from: client\n        to: server\n");
  out.push("        payload:\n          unknown_keys: forbid\n          required:\n");
  for (let k = 0; k < n; k++) out.push(`            - K${pad(k)}\n`);
  out.push(outputs("big_keys"));
  return out.join("");
}

/** n records in a chain: R1 has a field of type R2, … Rn has a string field. */
export function chainSpec(n) {
  const out = [header("big_chain", "A chain of nested records.")];
  out.push("keys:\n  Key:\n    doc: Payload keys.\n    keys:\n      ROOT: { type: R1, doc: The head of the chain. }\n");
  out.push("  Link:\n    doc: Record fields.\n    keys:\n");
  for (let i = 1; i <= n; i++) {
    out.push(`      L${i}: { type: ${i < n ? `R${i + 1}` : "string"}, doc: Link ${i}. }\n`);
  }
  out.push("topics:\n  Topic:\n    doc: Topics.\n    prefix: big.\n    keys: Key\n    topics:\n");
  out.push("      DEEP: { doc: The deep message., from: client, to: server, payload: { required: [ROOT] } }\n");
  out.push("records:\n");
  for (let i = 1; i <= n; i++) out.push(`  R${i}: { doc: Record ${i}., keys: Link, required: [L${i}] }\n`);
  out.push(outputs("big_chain"));
  return out.join("");
}

/** n channels, each the channel of a topic set of its own holding one topic with a payload. */
export function channelsSpec(n) {
  const channels = Array.from({ length: n }, (_, c) => `    ch${pad(c)}: { doc: Channel ${c}. }\n`).join("");
  const out = [header("big_channels", "A protocol with many channels.").replace("  channel: big_channels\n", `  channels:\n${channels}`)];
  out.push("keys:\n  Key:\n    doc: Payload keys.\n    keys:\n      NAME: { type: string, doc: A name. }\n      SIZE: { type: int, doc: A size. }\n");
  out.push("topics:\n");
  for (let c = 0; c < n; c++) {
    out.push(`  Set${pad(c)}:\n    doc: The topics of channel ${c}.\n    channel: ch${pad(c)}\n    prefix: c${pad(c)}.\n    keys: Key\n    topics:\n`);
    out.push(`      OPEN${pad(c)}: { doc: Opens it., from: client, to: server, payload: { required: [NAME], optional: [SIZE] } }\n`);
  }
  out.push(outputs("big_channels"));
  return out.join("");
}

/** A payload for chainSpec(n)'s DEEP topic nested `depth` records deep (valid when depth = n). */
export function chainPayload(n, depth = n) {
  let value = "leaf";
  for (let i = Math.min(depth, n); i >= 1; i--) value = { [`l${i}`]: value };
  return { root: value };
}
