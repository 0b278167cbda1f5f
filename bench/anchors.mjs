// The anchors: what comparable tools cost on a comparable input, measured in the same run as
// wiredefs. Each is { name, did, steps } (steps run in order per sample), or { name, dropped }
// with the reason when the tool is not installed or would need a download from outside the npm
// registry (nothing is fetched here, and no anchor is ever faked).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { join } from "node:path";

/**
 * @param {string} repo   the repository (node_modules, protocol.yaml, bench/fixtures)
 * @param {string} schema a JSON Schema written by `wiredefs gen` (messages.schema.json)
 * @param {string} out    a scratch directory the anchors may write into
 */
export function anchors(repo, schema, out) {
  // The anchor tools live in bench/anchors (installed by `npm run bench`), not in the project.
  const require = createRequire(join(repo, "bench", "anchors", "package.json"));
  const node = process.execPath;
  const imp = (m) => ["--input-type=module", "-e", `await import(${JSON.stringify(m)});`];
  const pkg = (name) => {
    try {
      const file = require.resolve(`${name}/package.json`);
      return { dir: join(file, ".."), version: JSON.parse(readFileSync(file, "utf8")).version };
    } catch {
      return undefined;
    }
  };
  const notInstalled = (name) => `npm package ${name} not installed (npm run bench installs it)`;
  mkdirSync(out, { recursive: true });
  const list = [
    { name: "node", did: "node -e 0", steps: [{ cmd: node, args: ["-e", "0"], cwd: repo }] },
    {
      name: "node+yaml",
      did: "node, import yaml, parse protocol.yaml",
      steps: [
        {
          cmd: node,
          args: [
            "--input-type=module",
            "-e",
            'const { parseDocument } = await import("yaml"); parseDocument((await import("node:fs")).readFileSync("protocol.yaml", "utf8"));',
          ],
          cwd: repo,
        },
      ],
    },
  ];
  for (const [name, module] of [
    ["ts-morph", "ts-morph"],
    ["prettier", "prettier"],
    ["ruff", "@astral-sh/ruff-wasm-nodejs"],
  ]) {
    list.push(
      pkg(module)
        ? {
            name,
            did: `node + import ${module}`,
            steps: [{ cmd: node, args: imp(module), cwd: repo }],
          }
        : { name, dropped: notInstalled(module) },
    );
  }

  // json2ts: the schema's $defs (every payload and record) to TypeScript interfaces.
  const j2t = pkg("json-schema-to-typescript");
  list.push(
    j2t
      ? {
          name: "json2ts",
          did: `json-schema-to-typescript ${j2t.version}: schema $defs → TS`,
          steps: [
            {
              cmd: node,
              args: [
                join(j2t.dir, "dist/src/cli.js"),
                "--unreachableDefinitions",
                "-i",
                schema,
                "-o",
                join(out, "json2ts.ts"),
              ],
              cwd: out,
            },
          ],
        }
      : { name: "json2ts", dropped: notInstalled("json-schema-to-typescript") },
  );

  // quicktype: the same $defs to TypeScript and to Python (one language per process).
  const qt = pkg("quicktype");
  const qtRun = (lang, file) => ({
    cmd: node,
    args: [
      join(qt.dir, "dist/index.js"),
      "-s",
      "schema",
      `${schema}#/$defs/`,
      "--lang",
      lang,
      "-o",
      join(out, file),
    ],
    cwd: out,
  });
  list.push(
    qt
      ? {
          name: "quicktype",
          did: `quicktype ${qt.version}: $defs → TS, then → Python`,
          steps: [qtRun("ts", "qt.ts"), qtRun("python", "qt.py")],
        }
      : { name: "quicktype", dropped: notInstalled("quicktype") },
  );

  // buf: the native binary that @bufbuild/buf ships in a per-platform registry package (what its
  // postinstall would link; its bin/buf is a Node wrapper that costs one more node start-up).
  const proto = join(repo, "bench", "fixtures", "proto");
  const bufPlatform = {
    "linux x64": "linux-x64",
    "linux arm64": "linux-aarch64",
    "darwin x64": "darwin-x64",
    "darwin arm64": "darwin-arm64",
  }[`${platform()} ${arch()}`];
  const bufPkg =
    pkg("@bufbuild/buf") && bufPlatform ? pkg(`@bufbuild/buf-${bufPlatform}`) : undefined;
  const buf = bufPkg ? join(bufPkg.dir, "bin", "buf") : undefined;
  // buf generate runs protoc-gen-es (TypeScript), the protobuf counterpart of `wiredefs gen`; the
  // template is written into the scratch directory because buf wants the plugin's path.
  const es = pkg("@bufbuild/protoc-gen-es");
  const template = join(out, "buf.gen.yaml");
  if (es) {
    const plugin = join(es.dir, "bin", "protoc-gen-es");
    writeFileSync(
      template,
      `version: v2\nplugins:\n  - local: [${JSON.stringify(node)}, ${JSON.stringify(plugin)}]\n    out: ${JSON.stringify(join(out, "buf-es"))}\n    opt: target=ts\n`,
    );
  }
  const bufCases = [
    ["buf generate", `compile the .proto module + protoc-gen-es ${es?.version ?? ""} → TS`, ["generate", "--template", template], es],
    ["buf lint", "compile + lint (STANDARD)", ["lint"], true],
    ["buf breaking", "compile twice + breaking (FILE) vs itself", ["breaking", "--against", "."], true],
  ];
  for (const [name, what, args, ready] of bufCases) {
    list.push(
      buf && existsSync(buf) && ready
        ? { name, did: `buf ${bufPkg.version}: ${what}`, steps: [{ cmd: buf, args, cwd: proto }] }
        : {
            name,
            dropped: !ready
              ? notInstalled("@bufbuild/protoc-gen-es")
              : pkg("@bufbuild/buf")
                ? `no @bufbuild/buf binary package for ${platform()} ${arch()}`
                : notInstalled("@bufbuild/buf"),
          },
    );
  }
  return list;
}
