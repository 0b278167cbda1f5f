// Generation cases for `npm run bench` (bench/run.mjs): cold CLI processes on this repo's spec and
// on big specs (bench/big-specs.mjs), with json2ts on each spec's own JSON Schema as the anchor,
// measured round-robin in the same run. Each case is { name, did, steps, setup? } for measureAll.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { channelsSpec, namesSpec, keysSpec } from "./big-specs.mjs";
import { runOnce } from "./measure.mjs";

/**
 * @param {string} repo    the repository
 * @param {string} scratch a scratch directory
 * @returns {{ cases: object[], dropped: string[], caught: { edited: number, missed: string[] }, rebuilt: boolean }}
 */
export function generationCases(repo, scratch) {
  const node = process.execPath;
  const bin = join(repo, "bin", "wiredefs.js");
  const require = createRequire(join(repo, "bench", "anchors", "package.json"));
  let j2t;
  try {
    j2t = join(require.resolve("json-schema-to-typescript/package.json"), "..", "dist", "src", "cli.js");
  } catch {
    j2t = undefined;
  }
  const dropped = j2t === undefined ? ["json2ts: json-schema-to-typescript not installed (npm run bench installs it)"] : [];

  // One directory per spec: the spec, generated once so check has a clean tree and json2ts a schema.
  const specDir = (name, text) => {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    if (text === undefined) {
      // Without the committed owned-file list, so gen stamps the tree with this build.
      for (const f of ["protocol.yaml", "protocol.lock.json", "generated"]) {
        if (existsSync(join(repo, f))) cpSync(join(repo, f), join(dir, f), { recursive: true });
      }
    } else {
      writeFileSync(join(dir, "protocol.yaml"), text);
    }
    runOnce({ cmd: node, args: [bin, "gen"], cwd: dir });
    return dir;
  };
  const schemaOf = (dir) => join(dir, "generated", "schema", "messages.schema.json");
  const json2ts = (name, dir) =>
    j2t === undefined
      ? []
      : [
          {
            name: `json2ts ${name}`,
            did: `json-schema-to-typescript: ${name}'s schema → TS`,
            steps: [{ cmd: node, args: [j2t, "--unreachableDefinitions", "-i", schemaOf(dir), "-o", join(scratch, `${name}.ts`)], cwd: dir }],
          },
        ];
  // The big specs as a user writes them: without the opt-in conformance vectors.
  const plain = (text) => text.replace(", conformance: true", "");
  const fresh = (name, dir) => ({
    name: `gen ${name}`,
    did: `wiredefs gen into an empty tree (${name})`,
    steps: [{ cmd: node, args: [bin, "gen"], cwd: dir }],
    setup: () => {
      rmSync(join(dir, "generated"), { recursive: true, force: true });
      rmSync(join(dir, "protocol.lock.json"), { force: true });
      rmSync(join(dir, "protocol.files.json"), { force: true });
    },
  });

  const seed = specDir("seed");
  const caught = oneByteEdits(node, bin, specDir("seed-probe"));
  // npm run check once before timing: with the generator up to date it must not rebuild it.
  const npmCheck = runOnce({ cmd: "npm", args: ["run", "-s", "check"], cwd: repo });
  const rebuilt = /\brebuilt\b/.test(npmCheck.output);
  const edited = specDir("seed-edited");
  const defs = join(edited, "generated", "ts", "defs.ts");
  writeFileSync(defs, `${readFileSync(defs, "utf8")}\n`);
  const seedFresh = specDir("seed-fresh");
  const names2k = specDir("names-2000", plain(namesSpec(2_000)));
  const names20k = specDir("names-20000", plain(namesSpec(20_000)));
  const keys1k = specDir("keys-1000", plain(keysSpec(1_000)));
  const keys10k = specDir("keys-10000", plain(keysSpec(10_000)));
  const channels200 = specDir("channels-200", plain(channelsSpec(200)));
  const channels2k = specDir("channels-2000", plain(channelsSpec(2_000)));
  const cases = [
    { name: "check seed", did: "wiredefs check, tree untouched since gen", steps: [{ cmd: node, args: [bin, "check"], cwd: seed }] },
    { name: "gen seed untouched", did: "wiredefs gen, tree untouched since gen (nothing to write)", steps: [{ cmd: node, args: [bin, "gen"], cwd: seed }] },
    {
      name: "check seed edited",
      did: "wiredefs check after a one-byte edit of a generated file (full path: render, compare, diff)",
      steps: [{ cmd: node, args: [bin, "check", "--stat"], cwd: edited, allowFailure: true }],
    },
    {
      name: "npm run check",
      did: "this repository's npm run check (generator up to date: no rebuild)",
      steps: [{ cmd: "npm", args: ["run", "-s", "check"], cwd: repo }],
    },
    fresh("seed", seedFresh),
    ...json2ts("seed", seed),
    fresh("2,000 names", names2k),
    fresh("20,000 names", names20k),
    ...json2ts("20,000 names", names20k),
    fresh("1,000 keys", keys1k),
    fresh("10,000 keys", keys10k),
    fresh("200 channels", channels200),
    fresh("2,000 channels", channels2k),
  ];
  return { cases, dropped, caught, rebuilt };
}

/**
 * A one-byte edit of each file gen wrote (every output, the wire lock and the owned-file list),
 * one at a time: check must exit 1 for each, the tree is restored after each, and the untouched
 * tree must pass before and after.
 */
function oneByteEdits(node, bin, dir) {
  const check = () => runOnce({ cmd: node, args: [bin, "check", "--no-progress"], cwd: dir, allowFailure: true }).status;
  if (check() !== 0) throw new Error(`check fails on a tree gen just wrote (${dir})`);
  const list = JSON.parse(readFileSync(join(dir, "protocol.files.json"), "utf8"));
  const files = [...Object.keys(list.stamp.files), "protocol.lock.json", "protocol.files.json"];
  const missed = [];
  for (const file of files) {
    const path = join(dir, ...file.split("/"));
    const before = readFileSync(path);
    writeFileSync(path, Buffer.concat([before, Buffer.from(" ")]));
    if (check() !== 1) missed.push(file);
    writeFileSync(path, before);
  }
  if (check() !== 0) throw new Error(`check fails on the restored tree (${dir})`);
  return { edited: files.length, missed };
}
