/**
 * The Python layout: one file per module of `outputs.python.modules` (or the default layout's
 * `defs.py` and `messages.py`), each holding its items in the order the spec lists them, and the
 * package's `__init__.py` when there is one. A module names what another module holds by
 * importing it: relatively (`from .defs import …`) within one directory, else by its dotted
 * path from the target's `dir` (`from nvflare.edge.model_protocol import …`), so `dir` is the
 * import root. Printed as `ruff format` leaves it.
 */
import type { GeneratedFile, ModuleItem, ModuleOutput, Protocol } from "../../model.js";
import { pythonLayout, type Layout } from "../../layout.js";
import type { Names } from "../../names/index.js";
import { moduleDocText } from "../text.js";
import { pythonDocstring, pythonHeader } from "./defs-syntax.js";
import { pythonValueItemLines } from "./defs.js";
import { channelLines, channelNames } from "./channels.js";
import { pythonConversationExports } from "./conversation.js";
import { pythonEnvelopeExports } from "./envelope.js";
import { emitPythonInit, sortedImports, type PythonModuleExports } from "./init.js";
import { dunderAll, fromImport, pythonMessagesDoc, pythonMessagesPart } from "./messages.js";

export function emitPythonModules(protocol: Protocol, names: Names): GeneratedFile[] {
  const output = protocol.outputs.python;
  if (output === undefined) return [];
  const layout = pythonLayout(protocol, output);
  const holder = new Map<string, ModuleOutput>();
  for (const m of layout.modules) for (const item of m.items) holder.set(itemName(item, names), m);
  const files = layout.modules.map((m) => ({ module: m, ...moduleText(protocol, names, layout, m, holder) }));
  const out: GeneratedFile[] = files.map((f) => ({ path: `${output.dir}/${f.module.path}`, text: f.text }));
  const init = layout.entry;
  if (init !== undefined) {
    const reexported = files.filter((f) => init.reexport.includes(f.module.path));
    // A module with the messages is imported lazily: `import <package>` never loads the validators.
    const exports = reexported.map((f): PythonModuleExports => ({ module: importPath(init.path, f.module.path), names: f.exports, lazy: f.module.messages }));
    // The envelope and conversation modules sit in the default package beside the messages module.
    const beside = byDefaultPackage(layout, output.package)
      ? [pythonEnvelopeExports(protocol), pythonConversationExports(protocol)].flatMap((m) => (m === undefined ? [] : [{ ...m, module: `.${m.module}`, lazy: true }]))
      : [];
    out.push(emitPythonInit(protocol, [...exports, ...beside], `${output.dir}/${init.path}`));
  }
  return out;
}

/**
 * The constants modules alone (no messages, no verify functions: what needs no names), and the
 * entry point re-exporting those of them it re-exports.
 */
export function emitPythonConstants(protocol: Protocol): GeneratedFile[] {
  const output = protocol.outputs.python;
  if (output === undefined) return [];
  const layout = pythonLayout(protocol, output);
  const modules = layout.modules.filter((m) => !m.messages && m.items.every((i) => i.kind !== "verify"));
  const out = modules.map((m) => ({ path: `${output.dir}/${m.path}`, text: constantsText(protocol, m) }));
  const init = layout.entry;
  if (init === undefined) return out;
  const exports = modules
    .filter((m) => init.reexport.includes(m.path))
    .map((m): PythonModuleExports => ({ module: importPath(init.path, m.path), names: m.items.map((i) => (i.kind === "constant" ? i.constant.name : i.kind === "set" ? i.set.name : "")) }));
  return [...out, emitPythonInit(protocol, exports, `${output.dir}/${init.path}`)];
}

/** True when the entry point is the default package's `__init__.py`, where envelope.py and conversation.py are written. */
function byDefaultPackage(layout: Layout, pkg: string): boolean {
  return layout.entry?.path === `${pkg}/__init__.py`;
}

function itemName(item: ModuleItem, names: Names): string {
  if (item.kind === "constant") return item.constant.name;
  if (item.kind === "set") return item.set.name;
  return names.python.verify(item.verify);
}

/** The module's docstring: its own doc, else the protocol's; a messages-only module says what it holds. */
function moduleDoc(protocol: Protocol, module: ModuleOutput): string {
  if (module.doc !== undefined && module.doc.trim() !== "") return module.doc;
  if (module.messages && module.items.length === 0) return pythonMessagesDoc(protocol);
  return moduleDocText(protocol);
}

/**
 * A module's text: header, docstring, imports, `__all__` (the `preamble`: texts of whole lines),
 * each one blank line apart, then the body — one blank line before a first assignment, two
 * before a first class or function that follows a statement (the docstring, an import). Built
 * by concatenation, each line followed by its `\n`: no list of the module's lines is made.
 */
function assemble(protocol: Protocol, module: ModuleOutput, preamble: readonly string[], body: readonly BodyPart[]): string {
  const doc = moduleDoc(protocol, module);
  const sections = [pythonHeader(protocol).trimEnd(), ...(doc.trim() === "" ? [] : [pythonDocstring(doc, "").join("\n")]), ...preamble.filter((s) => s !== "")];
  let text = sections.join("\n\n") + "\n";
  const first = body[0];
  if (first === undefined) return text;
  text += first.block && sections.length > 1 ? "\n\n" : "\n";
  let previous: BodyPart | undefined;
  for (const p of body) {
    // Two blank lines around a class or function, none between assignments (as ruff formats them).
    if (previous !== undefined && (p.block || previous.block)) text += "\n\n";
    if ("text" in p) text += p.text + "\n";
    else for (const line of p.lines) text += line + "\n";
    previous = p;
  }
  return text;
}

function constantsText(protocol: Protocol, module: ModuleOutput): string {
  const values = module.items.flatMap((i) => (i.kind === "verify" ? [] : [valueItemLines(i)]));
  const channels = holdsChannel(protocol, module) ? channelLines(protocol) : [];
  // The channels (several of them: the Channel class and the topics of each) follow the module that holds CHANNEL.
  const extra = channels.length === 0 ? [] : [{ block: true, lines: channels.slice(channels.findIndex((l) => l !== "")) }];
  return assemble(protocol, module, [], [...values, ...extra]);
}

function holdsChannel(protocol: Protocol, module: ModuleOutput): boolean {
  return module.items.some((i) => i.kind === "constant" && i.constant === protocol.channel);
}

/**
 * A top-level statement of a module: its lines, or (for the large emitted parts: messages,
 * validators, the runtime) its text, whose lines go into the module as they are, without being
 * split into lines and joined again.
 */
type BodyPart = { readonly block: boolean; readonly lines: readonly string[] } | { readonly block: boolean; readonly text: string };

function valueItemLines(item: Exclude<ModuleItem, { kind: "verify" }>): BodyPart {
  return item.kind === "constant"
    ? { block: false, lines: pythonValueItemLines(item.constant) }
    : { block: true, lines: pythonValueItemLines(item.set) };
}

function moduleText(
  protocol: Protocol,
  names: Names,
  layout: Layout,
  module: ModuleOutput,
  holder: ReadonlyMap<string, ModuleOutput>,
): { text: string; exports: string[] } {
  const listedVerifies = module.items.flatMap((i) => (i.kind === "verify" ? [{ record: i.record, verify: i.verify }] : []));
  const placedVerifies = new Set(layout.modules.flatMap((m) => m.items.flatMap((i) => (i.kind === "verify" ? [i.verify] : []))));
  const unplaced = module.messages
    ? protocol.records.flatMap((r) => (r.verify === undefined || placedVerifies.has(r.verify) ? [] : [{ record: r, verify: r.verify }]))
    : [];
  const valueNames = module.items.flatMap((i) => (i.kind === "verify" ? [] : [itemName(i, names)]));
  if (!module.messages && listedVerifies.length === 0) {
    return { text: constantsText(protocol, module), exports: [...valueNames, ...(holdsChannel(protocol, module) ? channelNames(protocol) : [])] };
  }
  const part = pythonMessagesPart(protocol, names, { messages: module.messages, verifies: [...listedVerifies, ...unplaced] });
  const imports = importsOf(module, part.used, holder);
  const head = [part.stdlib.trimEnd(), imports.trimEnd()].filter((t) => t !== "").join("\n\n");
  // The listed items in their order (a verify function where the spec lists it), then the messages, then the runtime.
  let verifyIndex = 0;
  const listed = module.items.map((item): BodyPart => {
    if (item.kind !== "verify") return valueItemLines(item);
    return { block: true, text: part.verifies[verifyIndex++] ?? "" };
  });
  const rest = [...part.before, ...part.verifies.slice(verifyIndex), ...part.after].map((text): BodyPart => ({ block: true, text }));
  const preamble = [head, part.exports.length > 0 ? dunderAll(part.exports).trimEnd() : ""];
  const text = assemble(protocol, module, preamble, [...listed, ...rest]);
  const exports = [...valueNames, ...part.own];
  return { text, exports };
}

/** `from <module> import (…)` for every constant the module names and another module holds, grouped as isort groups them. */
function importsOf(module: ModuleOutput, used: readonly string[], holder: ReadonlyMap<string, ModuleOutput>): string {
  const byModule = new Map<string, string[]>();
  for (const name of used) {
    const from = holder.get(name);
    if (from === undefined || from === module) continue;
    const path = importPath(module.path, from.path);
    const names = byModule.get(path);
    if (names === undefined) byModule.set(path, [name]);
    else names.push(name);
  }
  const sections = [[...byModule.keys()].filter((m) => !m.startsWith(".")), [...byModule.keys()].filter((m) => m.startsWith("."))];
  return sections
    .filter((s) => s.length > 0)
    .map((s) =>
      s
        .sort()
        .map((m) => fromImport(m, sortedImports(byModule.get(m) ?? [])))
        .join(""),
    )
    .join("\n");
}

/** How a module at `from` imports the module at `to`: `.defs` in the same directory, else its dotted path. */
export function importPath(from: string, to: string): string {
  const dirOf = (p: string): string => p.slice(0, Math.max(p.lastIndexOf("/"), 0));
  const stem = (p: string): string => (p.split("/").pop() ?? p).replace(/\.py$/, "");
  if (dirOf(from) === dirOf(to)) return `.${stem(to)}`;
  const dotted = to.replace(/\.py$/, "").split("/");
  if (dotted[dotted.length - 1] === "__init__") dotted.pop();
  return dotted.join(".");
}
