/**
 * The layout of a code target: which modules it writes, what each holds in which order, and the
 * entry point. The one place the default layout is made — the spec's `modules`, `init` and
 * `index` as written, or, where it says nothing, a constants module with every constant and
 * set in spec order, a messages module, and an entry point re-exporting both.
 */
import type { ModuleItem, ModuleOutput, Protocol, PythonOutput, TypeScriptOutput } from "./model.js";

/** A resolved entry point: its path (relative to the target's dir) and the modules it re-exports. */
export interface Entry {
  readonly path: string;
  readonly reexport: readonly string[];
}

export interface Layout {
  readonly modules: readonly ModuleOutput[];
  readonly entry?: Entry | undefined;
}

export function pythonLayout(protocol: Protocol, output: PythonOutput): Layout {
  return layout(protocol, output.modules, output.init, `${output.package}/`, { defs: "defs.py", messages: "messages.py", entry: "__init__.py" });
}

export function typescriptLayout(protocol: Protocol, output: TypeScriptOutput): Layout {
  return layout(protocol, output.modules, output.index, "", { defs: "defs.ts", messages: "messages.ts", entry: "index.ts" });
}

function layout(
  protocol: Protocol,
  listed: readonly ModuleOutput[] | undefined,
  entry: PythonOutput["init"],
  base: string,
  names: { defs: string; messages: string; entry: string },
): Layout {
  const modules = listed ?? [
    { path: `${base}${names.defs}`, items: defaultItems(protocol), messages: false },
    { path: `${base}${names.messages}`, items: [], messages: true },
  ];
  if (entry === false) return { modules };
  const everything = modules.map((m) => m.path);
  const byDefault = listed === undefined;
  const path = entry?.path ?? (byDefault ? `${base}${names.entry}` : undefined);
  if (path === undefined || (entry === undefined && !byDefault)) return { modules };
  return { modules, entry: { path, reexport: entry?.reexport ?? (byDefault ? everything : []) } };
}

/** CHANNEL, PROTOCOL_VERSION, then every constant, enum, key set and topic set in the order the spec declares them. */
export function defaultItems(protocol: Protocol): ModuleItem[] {
  const ordered: { at: number; item: ModuleItem }[] = [
    ...protocol.constants.map((c) => ({ at: c.span.start, item: { kind: "constant", constant: c } as const })),
    ...[...protocol.enums, ...protocol.keySets, ...protocol.topicSets].map((s) => ({ at: s.span.start, item: { kind: "set", set: s } as const })),
  ];
  return [
    { kind: "constant", constant: protocol.channel },
    { kind: "constant", constant: protocol.version },
    ...ordered.sort((a, b) => a.at - b.at).map((o) => o.item),
  ];
}
