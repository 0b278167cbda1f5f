/**
 * The envelope and the channels in the docs: the fields every message carries, how a kind is
 * told, each kind's topic key, payload key and correlation, each topic's channels and response
 * keys, and a section per channel; loaded through the real loader from the envelope fixtures.
 * Hostile text in the envelope's and channels' docs cannot change the document's structure.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { renderDocs } from "../../generator/emit/docs/index.js";
import type { Protocol } from "../../generator/model.js";
import { loadProtocol } from "../../generator/spec/index.js";
import { ALLOWED_HTML, markdownTree, nodes, textOf } from "./helpers.js";

const FIXTURES = new URL("../fixtures/envelope/", import.meta.url);

function load(text: string): Protocol {
  const result = loadProtocol(text, "protocol.yaml");
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.protocol;
}
const fixture = (name: string): string => readFileSync(new URL(`${name}.yaml`, FIXTURES), "utf8");

/** The lines of the document from the heading holding `from` up to the next heading of its level. */
function section(text: string, from: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("#") && l.includes(from));
  if (start < 0) throw new Error(`no heading ${from}`);
  const level = /^#+/.exec(lines[start] ?? "")?.[0].length ?? 0;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && (/^#+/.exec(l)?.[0].length ?? 0) <= level);
  return lines.slice(start, end < 0 ? undefined : end);
}

function linksResolve(text: string): void {
  const ids = [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
  for (const [, target] of text.matchAll(/\]\(#([^)]+)\)/g)) expect(ids).toContain(target);
}

describe("a tagged envelope (the debug adapter protocol's shape)", () => {
  const text = renderDocs(load(fixture("dap")));
  const envelope = section(text, 'id="envelope"');

  test("the common fields with their types, constraints, presence and docs, and the tag", () => {
    expect(envelope).toContain("| `seq` | `int` (≥ 1) | required | Sequence number of the message. |");
    expect(envelope).toContain("A message's kind is told by the value of its `type`:");
  });

  test("each kind: its tag value, topic key, payload key, topics and correlation", () => {
    expect(envelope).toContain('| <a id="kind-request"></a>`request` | `"request"` | `command` | `arguments` | [`Command`](#topics-Command) |  |');
    expect(envelope).toContain(
      '| <a id="kind-response"></a>`response` | `"response"` | `command` | `body` *(response)* | [`Command`](#topics-Command) | `request_seq` = `seq` of [`request`](#kind-request) |',
    );
    expect(envelope).toContain('| <a id="kind-event"></a>`event` | `"event"` | `event` | `body` | [`Event`](#topics-Event) |  |');
    // No kind of this envelope always carries its payload, so the sentence for one that does is left out.
    expect(envelope.join("\n")).not.toContain("*(required)*");
  });

  test("a kind's own fields, in spec order", () => {
    expect(section(text, 'id="kind-fields-response"').filter((l) => l.startsWith("| `"))).toEqual([
      "| `command` | `string` | required |",
      "| `request_seq` | `int` | required |",
      "| `success` | `bool` | required |",
      "| `message` | `string` (at least 1 character) | optional |",
    ]);
  });

  test("a topic's response keys; one channel: no Channels column, no Channels section", () => {
    const threads = text.split("\n").find((l) => l.includes('id="topic-Command-THREADS"'));
    expect(threads).toMatch(/ \| \[`THREADS`\]\(#key-[^)]+\) \|$/);
    expect(text).not.toContain("| Channels |");
    expect(text).not.toContain('id="channels"');
  });

  test("a payload chosen by a field, and a payload always present", () => {
    expect(envelope).toContain(
      "- [`response`](#kind-response) (rule `failed`): when `success` is `false`, `body` holds [`ErrorBody`](#record-ErrorBody) instead of its topic's payload.",
    );
    const launch = text.split("\n").find((l) => l.includes('id="topic-Command-LAUNCH"'));
    expect(launch).toContain("| [`PROGRAM`](#key-Arg-PROGRAM) | always present |");
  });

  test("the contents list the envelope and its kinds; every link resolves", () => {
    expect(text).toContain("- [Envelope](#envelope)\n  - [`request`](#kind-request)\n  - [`response`](#kind-response)\n  - [`event`](#kind-event)\n");
    linksResolve(text);
  });
});

describe("an envelope told apart by the keys present (JSON-RPC 2.0's shape)", () => {
  const text = renderDocs(load(fixture("jsonrpc")));
  const envelope = section(text, 'id="envelope"');

  test("each kind's required keys and the keys it must not have; a reply names no topic of its own", () => {
    expect(envelope.some((l) => l.startsWith("A message's kind is told by the keys present"))).toBe(true);
    const row = (kind: string): string => envelope.find((l) => l.includes(`id="kind-${kind}"`)) ?? "";
    expect(row("request")).toContain("| has `method`, `id`; no `error`, `result` | `method` | `params` |");
    expect(row("notification")).toContain("| has `method`; no `error`, `id`, `result` |");
    expect(row("response")).toContain("| *its request's* | `result` *(response)* *(required)* |");
    expect(row("response")).toContain("| `id` = `id` of [`request`](#kind-request) |");
    expect(envelope).toContain("*(required)*: the payload key is always present.");
    const initialize = text.split("\n").find((l) => l.includes('id="topic-Method-INITIALIZE"'));
    expect(initialize).toMatch(/ \(may be null\) \|/);
    linksResolve(text);
  });
});

describe("several channels and a nested topic key (kernel messaging's shape)", () => {
  const text = renderDocs(load(fixture("kernel")));

  test("a section per channel: its doc, wire value, whether it is the default, its topics", () => {
    expect(section(text, 'id="channel-shell"')).toEqual([
      '### <a id="channel-shell"></a>`shell`',
      "",
      "Requests and replies.",
      "",
      "Wire value `shell`. The default channel ([`CHANNEL`](#constant-CHANNEL)): topic sets that name none travel on it.",
      "",
      "Topics: [`Shell.EXECUTE_REQUEST`](#topic-Shell-EXECUTE_REQUEST), [`Shell.EXECUTE_REPLY`](#topic-Shell-EXECUTE_REPLY), [`Shell.SHUTDOWN_REQUEST`](#topic-Shell-SHUTDOWN_REQUEST), [`Shell.SHUTDOWN_REPLY`](#topic-Shell-SHUTDOWN_REPLY).",
      "",
    ]);
    expect(section(text, 'id="channel-control"')).toContain("Topics: [`Shell.SHUTDOWN_REQUEST`](#topic-Shell-SHUTDOWN_REQUEST), [`Shell.SHUTDOWN_REPLY`](#topic-Shell-SHUTDOWN_REPLY).");
  });

  test("each topic's channels in its row; the nested topic key and correlation by nested keys", () => {
    const row = text.split("\n").find((l) => l.includes('id="topic-Shell-SHUTDOWN_REQUEST"'));
    expect(row).toContain("| [`shell`](#channel-shell), [`control`](#channel-control) |");
    expect(text).toContain(
      "| `header.msg_type` | `content` *(required)* | [`Shell`](#topics-Shell), [`IOPub`](#topics-IOPub) | `parent_header.msg_id` = `header.msg_id` of [`message`](#kind-message) |",
    );
    expect(text).toContain("- [Channels](#channels)\n  - [`shell`](#channel-shell)\n  - [`iopub`](#channel-iopub)\n  - [`control`](#channel-control)\n");
    linksResolve(text);
  });
});

describe("hostile text in the envelope and the channels", () => {
  const NASTY = "a | b `co|de` <b>x</b> [l](http://e.x) # h\n---\n```";
  const spec = fixture("kernel")
    .replace("shell: { doc: Requests and replies. }", `shell: { doc: ${JSON.stringify(NASTY)} }`)
    .replace("control: {}", `control: { value: ${JSON.stringify("ctl|`x` <i>")} }`)
    .replace("metadata: { type: map<any> }", `metadata: { type: map<any>, doc: ${JSON.stringify(NASTY)} }`)
    .replace("    message:\n", `    message:\n      doc: ${JSON.stringify(NASTY)}\n`);
  const text = renderDocs(load(spec));

  test("tables keep their width, no HTML but anchors, no link but ours, no extra headings", async () => {
    expect(text).toContain("Wire value ``ctl|`x` <i>``.");
    const all = nodes(await markdownTree(text));
    for (const t of all.filter((n) => n.type === "table")) expect(new Set((t.children ?? []).map((r) => r.children?.length)).size).toBe(1);
    for (const h of all.filter((n) => n.type === "html")) expect(h.value).toMatch(ALLOWED_HTML);
    for (const l of all.filter((n) => n.type === "link")) expect((l as { url?: string }).url).toMatch(/^#/);
    const headings = all.filter((n) => n.type === "heading").map(textOf);
    expect(headings.filter((h) => h.includes(" h"))).toEqual([]);
    expect(all.filter((n) => n.type === "thematicBreak")).toEqual([]);
  });
});
