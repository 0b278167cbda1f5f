/** Helpers for the docs tests: the seed spec through the real loader, and a Markdown parse. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { renderDocs } from "../../generator/emit/docs/index.js";
import type { Protocol } from "../../generator/model.js";
import { loadProtocol } from "../../generator/spec/index.js";

const REPO = resolve(fileURLToPath(import.meta.url), "../../..");

/** This repo's protocol.yaml, loaded and checked. */
export function seedProtocol(): Protocol {
  const result = loadProtocol(readFileSync(join(REPO, "protocol.yaml"), "utf8"), "protocol.yaml");
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.protocol;
}

export function docsLines(p: Protocol): string[] {
  return renderDocs(p).split("\n");
}

/** The body lines of every fenced block with the given info string. */
export function fencedBlocks(text: string, info: string): string[][] {
  const blocks: string[][] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i] ?? "");
    if (open === null) continue;
    const end = lines.indexOf(open[1] ?? "```", i + 1);
    if (open[2] === info) blocks.push(lines.slice(i + 1, end));
    i = end;
  }
  return blocks;
}

/** The only HTML the docs may contain: anchors, line breaks and rare code in cells, the notice. */
export const ALLOWED_HTML = /^(<a id="[^"]+">|<\/a>|<br>|<\/?code>|<!--[\s\S]*-->)$/;

export interface MdNode {
  readonly type: string;
  readonly value?: string;
  readonly lang?: string | null;
  readonly depth?: number;
  readonly children?: readonly MdNode[];
}

interface DebugApi {
  parse(text: string, options: { parser: string }): Promise<{ ast: MdNode }>;
}

/** The Markdown syntax tree as prettier's Markdown parser (remark) sees it. */
export async function markdownTree(text: string): Promise<MdNode> {
  const debug = (prettier as unknown as { __debug?: DebugApi }).__debug;
  if (debug === undefined) throw new Error("prettier's parser is not reachable");
  return (await debug.parse(text, { parser: "markdown" })).ast;
}

/** Every node of the tree, depth first. */
export function nodes(root: MdNode): MdNode[] {
  const out: MdNode[] = [root];
  for (const child of root.children ?? []) out.push(...nodes(child));
  return out;
}

/** The plain text of a node (text and inline code values). */
export function textOf(node: MdNode): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}
