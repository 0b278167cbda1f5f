/**
 * Building `outputs`: each target's directory and, for the code targets, its layout — the
 * modules it writes, what each holds in the order the spec lists it, and the package entry
 * point (`__init__.py`, `index.ts`) with what it re-exports, as the spec writes them (what it
 * leaves out, emit/layout.ts fills in). Item names are resolved here, where names meet; the path
 * rules are in rules-outputs.ts.
 */
import { isMap, isScalar } from "yaml";
import { diagnostic, didYouMean } from "../diagnostics.js";
import type { Constant, EntryOutput, Enum, KeySet, ModuleItem, ModuleOutput, Outputs, PackageScaffold, Record, Span, TopicSet } from "../model.js";
import { child, doc, span, str, strings } from "./read.js";
import type { Reader } from "./read.js";
import { itemsOf } from "./yaml-node.js";

/** What a module may hold, by the name the spec gives it. */
export interface Placeable {
  readonly constants: readonly Constant[];
  readonly sets: readonly (Enum | KeySet | TopicSet)[];
  readonly records: readonly Record[];
}

type CodeTarget = "typescript" | "python";

export function buildOutputs(r: Reader, node: unknown, protocolName: string, placeable: Placeable): Outputs {
  const dir = (target: string) => str(r, child(r, node, target), "dir");
  const ts = dir("typescript");
  const py = dir("python");
  const docsDir = dir("docs");
  const schema = dir("schema");
  const pkg = str(r, child(r, node, "python"), "package")?.value ?? protocolName;
  const layout = (target: CodeTarget) => codeLayout(r, child(r, node, target), target, placeable);
  const tsNode = child(r, node, "typescript");
  const pyNode = child(r, node, "python");
  const quoteText = str(r, tsNode, "quote")?.value;
  const quote: "single" | "double" | undefined = quoteText === "single" || quoteText === "double" ? quoteText : undefined;
  // The team's formatter settings (emit/style.ts reads them while the target emits).
  const tsStyle = {
    ...optional("printWidth", scalarOf(r, tsNode, "print_width", "number")),
    ...optional("quote", quote),
    ...optional("semicolons", scalarOf(r, tsNode, "semicolons", "boolean")),
    ...optional("package", scaffold(r, child(r, tsNode, "package"))),
  };
  const pyStyle = {
    ...optional("lineLength", scalarOf(r, pyNode, "line_length", "number")),
    ...optional("unicodeWidth", scalarOf(r, pyNode, "unicode_width", "boolean")),
    ...optional("project", scaffold(r, child(r, pyNode, "project"))),
  };
  return {
    ...(ts === undefined ? {} : { typescript: { dir: ts.value, span: ts.span, ...typescriptReadonly(r, node), ...tsStyle, ...layout("typescript") } }),
    ...(py === undefined ? {} : { python: { dir: py.value, package: pkg, span: py.span, ...pyStyle, ...layout("python") } }),
    ...(docsDir === undefined ? {} : { docs: { dir: docsDir.value, span: docsDir.span } }),
    ...(schema === undefined ? {} : { schema: { dir: schema.value, span: schema.span, conformance: conformance(child(r, node, "schema")) } }),
  };
}

function scalarOf<T extends "number" | "boolean">(r: Reader, map: unknown, key: string, type: T): (T extends "number" ? number : boolean) | undefined {
  const node = child(r, map, key);
  if (!isScalar(node) || typeof node.value !== type) return undefined;
  return node.value as T extends "number" ? number : boolean;
}

/** `package:` / `project:` of an output: the scaffold's name and version. */
function scaffold(r: Reader, node: unknown): PackageScaffold | undefined {
  const name = str(r, node, "name");
  const version = str(r, node, "version");
  if (name === undefined || version === undefined) return undefined;
  return { name: name.value, version: version.value, span: span(r, node) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** `outputs.typescript.readonly: false` (the structure stage reports a value that is not a bool). */
function typescriptReadonly(r: Reader, node: unknown): { readonly?: boolean } {
  const value = child(r, child(r, node, "typescript"), "readonly");
  return isScalar(value) && typeof value.value === "boolean" ? { readonly: value.value } : {};
}

/** `outputs.schema.conformance: true` also writes the conformance vectors (opt-in). */
function conformance(schema: unknown): boolean {
  const node = isMap(schema) ? schema.get("conformance", true) : undefined;
  return isScalar(node) && node.value === true;
}

/** `modules` and the entry point (`init` for Python, `index` for TypeScript) as the spec writes them. */
function codeLayout(
  r: Reader,
  node: unknown,
  target: CodeTarget,
  placeable: Placeable,
): { modules?: ModuleOutput[]; index?: EntryOutput | false; init?: EntryOutput | false } {
  const entryKey = target === "python" ? "init" : "index";
  const listed = child(r, node, "modules");
  const entry = entryOf(r, child(r, node, entryKey));
  return {
    ...(listed === undefined ? {} : { modules: listedModules(r, listed, target, placeable) }),
    ...(entry === undefined ? {} : { [entryKey]: entry }),
  };
}

function listedModules(r: Reader, list: unknown, target: CodeTarget, p: Placeable): ModuleOutput[] {
  const byName = new Map<string, () => ModuleItem>();
  for (const c of p.constants) byName.set(c.name, () => ({ kind: "constant", constant: c }));
  for (const s of p.sets) byName.set(s.name, () => ({ kind: "set", set: s }));
  for (const rec of p.records) {
    const verify = rec.verify;
    if (verify !== undefined) byName.set(verify.function, () => ({ kind: "verify", record: rec, verify }));
  }
  const placedAt = new Map<string, Span>();
  let messagesAt: Span | undefined;
  const out: ModuleOutput[] = [];
  for (const entry of itemsOf(list)) {
    const path = str(r, entry, "path");
    if (path === undefined) continue;
    const items: ModuleItem[] = [];
    for (const name of strings(r, entry, "items")) {
      const make = byName.get(name.value);
      if (make === undefined) {
        const suggestion = didYouMean(name.value, byName.keys());
        r.diagnostics.push(diagnostic("WD370", `module ${path.value} of ${target} lists "${name.value}", which is no constant, enum, key set, topic set or verify function`, name.span, {
          hint: suggestion === undefined ? "list the name of a constant (CHANNEL, PROTOCOL_VERSION, constants:), an enum, key set, topic set, or a record's verify function" : `did you mean "${suggestion}"?`,
        }));
        continue;
      }
      const earlier = placedAt.get(name.value);
      if (earlier !== undefined) {
        r.diagnostics.push(diagnostic("WD371", `"${name.value}" is listed in two modules of ${target}`, name.span, {
          hint: "list each item in one module; the others import it from there",
          related: [{ message: "listed here first", span: earlier }],
        }));
        continue;
      }
      placedAt.set(name.value, name.span);
      items.push(make());
    }
    const messagesNode = child(r, entry, "messages");
    const messages = isScalar(messagesNode) && messagesNode.value === true;
    if (messages && messagesAt !== undefined) {
      r.diagnostics.push(diagnostic("WD371", `two modules of ${target} hold the messages`, span(r, messagesNode), {
        hint: "set messages: true on one module only",
        related: [{ message: "this module holds them already", span: messagesAt }],
      }));
    } else if (messages) messagesAt = span(r, messagesNode);
    const moduleDoc = doc(r, entry);
    out.push({ path: path.value, items, messages, ...(moduleDoc === undefined ? {} : { doc: moduleDoc }), span: path.span });
  }
  return out;
}

/** The entry point: `false` for none, a mapping for a path and re-exports (each may be left to the default layout). */
function entryOf(r: Reader, node: unknown): EntryOutput | false | undefined {
  if (isScalar(node) && node.value === false) return false;
  if (!isMap(node)) return undefined;
  const path = str(r, node, "path");
  const reexport = child(r, node, "reexport") === undefined ? undefined : strings(r, node, "reexport").map((s) => s.value);
  return { ...(path === undefined ? {} : { path: path.value }), ...(reexport === undefined ? {} : { reexport }), span: path?.span ?? span(r, node) };
}
