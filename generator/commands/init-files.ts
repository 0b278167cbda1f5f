/**
 * What `wiredefs init` writes: the starter spec, the CI script, the pre-commit hook and the
 * GitHub Actions workflow, as text. Pure: init.ts decides where they go and never overwrites one.
 */

export interface Layout {
  /** The protocol's name (a Python package name). */
  readonly name: string;
  /** The branch pull requests merge into. */
  readonly base: string;
  /** The project directory (where the spec and package.json are) relative to the repository root; "" at the root. */
  readonly project: string;
  /** The install command the workflow runs. */
  readonly install: string;
}

export const CI_SCRIPT = "scripts/wiredefs-ci.sh";
export const HOOK = ".githooks/pre-commit";
export const WORKFLOW = ".github/workflows/wiredefs.yml";

/** The schema line's target, relative to a spec in the project directory. */
export const SCHEMA_PATH = "./node_modules/wiredefs/generator/spec/protocol.schema.json";

export function starterSpec(name: string): string {
  return `# yaml-language-server: $schema=${SCHEMA_PATH}
#
# The ${name} wire protocol: the single source of truth for its constants, typed messages,
# validators, docs and JSON Schema in TypeScript and Python. Edit this file, run \`npx wiredefs gen\`
# and commit the result; \`npx wiredefs check\` fails (in CI and in the pre-commit hook) whenever the
# generated files and this file disagree. The line above gives editors completion and docs.
wiredefs: 1

protocol:
  name: ${name} # the generated Python package's name
  title: The ${name} protocol.
  doc: What the protocol is for, who speaks it, and over what transport.
  channel:
    value: ${name}
    doc: The channel every message of this protocol travels on.
  version:
    value: 1
    doc: Raised on every wire-breaking change (see \`wiredefs breaking\`).

# Who sends what: topics name a sender and a receiver, flows draw them as sequence diagrams.
actors:
  client:
    doc: The side that opens a session.
  server:
    doc: The side that answers.

# Closed sets of string values. A member's value defaults to its lower-cased name.
enums:
  Status:
    doc: How a request ended.
    values:
      OK:
        doc: It succeeded.
      FAILED:
        doc: It failed; the reason says why.

# Payload keys and their types: string, int, float, bool, any, an enum's or record's name,
# list<T>, map<T>. A key's wire value defaults to its lower-cased name.
keys:
  MsgKey:
    doc: Keys of the message payloads.
    keys:
      NAME:
        type: string
        doc: Who the client is.
      STATUS:
        type: Status
        doc: How the request ended.
      REASON:
        type: string
        doc: Why it failed.

# Message topics: a topic's wire value defaults to the prefix plus its lower-cased name.
topics:
  Topic:
    doc: Every message topic.
    prefix: ${name}.
    keys: MsgKey
    topics:
      HELLO:
        doc: The client introduces itself.
        from: client
        to: server
        replies: [WELCOME]
        payload:
          required: [NAME]
      WELCOME:
        doc: The server's answer to HELLO.
        from: server
        to: client
        payload:
          required: [STATUS]
          optional: [REASON]

flows:
  session:
    doc: Opening a session.
    steps: [HELLO, WELCOME]

# Each output is written only when named here; paths are relative to this file.
outputs:
  typescript: { dir: generated/ts }
  python: { dir: generated/python, package: ${name} }
  docs: { dir: generated/docs }
  schema: { dir: generated/schema }
`;
}

/** `cd` from the repository root into the project directory, for scripts that start at the root. */
function intoProject(layout: Layout): string {
  return layout.project === "" ? "" : ` && cd ${shellWord(layout.project)}`;
}

function shellWord(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

const FIND_CLI = `wiredefs=node_modules/.bin/wiredefs
[ -x "$wiredefs" ] || wiredefs="npx --no wiredefs"`;

export function ciScript(layout: Layout): string {
  return `#!/bin/sh
# wiredefs in CI: the generated files match protocol.yaml, and the spec breaks no wire contract
# against the base branch. Written by \`wiredefs init\`; yours to edit.
#
#   ${CI_SCRIPT} [BASE]
#
# BASE is the revision to compare with: by default origin/<the pull request's base branch> on
# GitHub Actions, else origin/${layout.base}. The checkout needs that history (fetch-depth: 0).
# WIREDEFS_FORMAT=github prints findings as workflow annotations (json: JSON lines).
set -eu
cd "$(dirname "$0")/.."
base="\${1:-}"
if [ -z "$base" ]; then
  if [ -n "\${GITHUB_BASE_REF:-}" ]; then base="origin/$GITHUB_BASE_REF"; else base="origin/${layout.base}"; fi
fi
format="\${WIREDEFS_FORMAT:-text}"
${FIND_CLI}
$wiredefs check --format "$format"
$wiredefs breaking --against "$base" --format "$format"
`;
}

export function preCommitHook(layout: Layout): string {
  return `#!/bin/sh
# wiredefs pre-commit hook: refuses a commit whose generated files do not match protocol.yaml, or
# whose spec breaks the wire contract against the base branch (origin/${layout.base}; the last commit
# when there is no such branch). Written by \`wiredefs init\`.
# Enable it once per clone: git config core.hooksPath .githooks
set -eu
cd "$(git rev-parse --show-toplevel)"${intoProject(layout)}
${FIND_CLI}
$wiredefs check --stat
if git rev-parse --verify --quiet origin/${layout.base} >/dev/null; then
  $wiredefs breaking --against origin/${layout.base}
elif git rev-parse --verify --quiet HEAD >/dev/null; then
  $wiredefs breaking --against HEAD
fi
`;
}

export function workflow(layout: Layout): string {
  const workdir = layout.project === "" ? "" : `\n    defaults:\n      run:\n        working-directory: ${layout.project}`;
  return `# wiredefs: generated code matches protocol.yaml, and no pull request breaks the wire contract
# unannounced. Written by \`wiredefs init\`; yours to edit.
name: wiredefs
on:
  pull_request:
  push:
    branches: [${layout.base}]
jobs:
  protocol:
    runs-on: ubuntu-latest${workdir}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # breaking --against reads the base branch's spec from the history
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: ${layout.install}
      - run: sh ${CI_SCRIPT}
        env:
          WIREDEFS_FORMAT: github
`;
}

/** The npm scripts init adds (never replacing one that exists). */
export function npmScripts(layout: Layout): { readonly [name: string]: string } {
  return {
    "wiredefs:gen": "wiredefs gen",
    "wiredefs:check": "wiredefs check",
    "wiredefs:lint": "wiredefs lint",
    "wiredefs:breaking": `wiredefs breaking --against origin/${layout.base}`,
    "wiredefs:ci": `sh ${CI_SCRIPT}`,
  };
}
