/**
 * The TypeScript layout: one file per module of `outputs.typescript.modules` (or the default
 * layout's `defs.ts` and `messages.ts`), each holding its items in the order the spec lists them,
 * and the index module when there is one. A module names what another module holds by importing
 * it by relative path (`import { Topic } from "./defs.js";`). Printed as prettier prints it.
 */
import type { GeneratedFile, ModuleItem, ModuleOutput, Protocol } from "../../model.js";
import { typescriptLayout } from "../../layout.js";
import type { Names } from "../../names/index.js";
import { headerComment } from "../header.js";
import { commentLines, moduleDocText } from "../text.js";
import { tsDocComment, tsLineComment } from "./defs-syntax.js";
import { tsChannelItems, tsValueItem } from "./defs.js";
import { emitIndexFile } from "./index-file.js";
import { tsMessagesDoc, tsMessagesPart } from "./messages.js";
import { importDecl, source } from "./ts-statements.js";

export function emitTypeScriptModules(protocol: Protocol, names: Names | undefined): GeneratedFile[] {
  const output = protocol.outputs.typescript;
  if (output === undefined) return [];
  const layout = typescriptLayout(protocol, output);
  const holder = new Map<string, ModuleOutput>();
  for (const m of layout.modules) for (const item of m.items) if (item.kind !== "verify") holder.set(itemName(item), m);
  const placed = new Set(layout.modules.flatMap((m) => m.items.flatMap((i) => (i.kind === "verify" ? [i.verify] : []))));
  const out: GeneratedFile[] = [];
  for (const module of layout.modules) {
    const text = moduleText(protocol, names, module, holder, placed);
    if (text !== undefined) out.push({ path: `${output.dir}/${module.path}`, text });
  }
  const index = layout.entry;
  if (index !== undefined && names !== undefined) {
    // envelope.ts and conversation.ts sit beside the default layout's modules, and its index re-exports them.
    const beside = protocol.envelope !== undefined && index.path === "index.ts" ? ["./envelope.js", "./conversation.js"] : [];
    out.push(emitIndexFile(protocol, `${output.dir}/${index.path}`, [...index.reexport.map((path) => relativeSpecifier(index.path, path)), ...beside]));
  }
  return out;
}

function itemName(item: Exclude<ModuleItem, { kind: "verify" }>): string {
  return item.kind === "constant" ? item.constant.name : item.set.name;
}

/** The module's text; undefined for a module with messages or verify functions when no names are given (constants only). */
function moduleText(
  protocol: Protocol,
  names: Names | undefined,
  module: ModuleOutput,
  holder: ReadonlyMap<string, ModuleOutput>,
  placed: ReadonlySet<unknown>,
): string | undefined {
  const listedVerifies = module.items.flatMap((i) => (i.kind === "verify" ? [{ record: i.record, verify: i.verify }] : []));
  const unplaced = module.messages
    ? protocol.records.flatMap((r) => (r.verify === undefined || placed.has(r.verify) ? [] : [{ record: r, verify: r.verify }]))
    : [];
  const needsNames = module.messages || listedVerifies.length > 0;
  if (needsNames && names === undefined) return undefined;
  const part = needsNames && names !== undefined
    ? tsMessagesPart(protocol, names, { messages: module.messages, verifies: [...listedVerifies, ...unplaced] })
    : { before: [], verifies: [], after: [], used: [] };
  let verifyIndex = 0;
  const listed = module.items.map((item) => (item.kind === "verify" ? (part.verifies[verifyIndex++] ?? "") : tsValueItem(item.kind === "constant" ? item.constant : item.set)));
  // The channels (several of them) follow the items of the module that holds CHANNEL.
  const holdsChannel = module.items.some((i) => i.kind === "constant" && i.constant === protocol.channel);
  const channels = holdsChannel ? [tsChannelItems(protocol)].filter((t) => t !== "") : [];
  const body = [...listed, ...channels, ...part.before, ...part.verifies.slice(verifyIndex), ...part.after].map((b) => b.trimEnd());
  const docText = module.doc !== undefined && module.doc.trim() !== ""
    ? module.doc
    : module.messages && module.items.length === 0 ? tsMessagesDoc(protocol) : moduleDocText(protocol);
  const doc = docText.trim() === "" ? [] : tsDocComment(commentLines(docText), ["@module"], 0);
  const imports = importsOf(module, part.used, holder);
  const sections = [headerComment(protocol, tsLineComment).trimEnd(), doc.join("\n"), imports.trimEnd(), ...body].filter((s) => s !== "");
  return `${sections.join("\n\n")}\n`;
}

/** One `import { … } from "./x.js";` per module holding constants this one names. */
function importsOf(module: ModuleOutput, used: readonly string[], holder: ReadonlyMap<string, ModuleOutput>): string {
  const byModule = new Map<string, string[]>();
  for (const name of used) {
    const from = holder.get(name);
    if (from === undefined || from === module) continue;
    const specifier = relativeSpecifier(module.path, from.path);
    byModule.set(specifier, [...(byModule.get(specifier) ?? []), name]);
  }
  return [...byModule.keys()]
    .sort()
    .map((specifier) => source(importDecl([...(byModule.get(specifier) ?? [])].sort(), JSON.stringify(specifier))))
    .join("");
}

/** The specifier a module at `from` imports the module at `to` by: `./defs.js`, `../wire/defs.js`. */
export function relativeSpecifier(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const toParts = to.replace(/\.ts$/, ".js").split("/");
  let common = 0;
  while (common < fromDir.length && common < toParts.length - 1 && fromDir[common] === toParts[common]) common++;
  const up = fromDir.length - common;
  const rest = toParts.slice(common).join("/");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
}
