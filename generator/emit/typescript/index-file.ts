/**
 * The index module (`index.ts` in the default layout): the package entry point, re-exporting the
 * modules the layout names (`outputs.typescript.index.reexport`; by default every module). Every
 * generated name is unique across the modules (the names stage checks it), so `export *` loses
 * nothing.
 */
import type { GeneratedFile, Protocol } from "../../model.js";
import { headerComment } from "../header.js";
import { tsLineComment } from "./defs-syntax.js";

/** `path` relative to the spec's directory; `specifiers` the re-exported modules as imported from it (`./defs.js`). */
export function emitIndexFile(protocol: Protocol, path: string, specifiers: readonly string[]): GeneratedFile {
  const text = [
    headerComment(protocol, tsLineComment),
    "\n",
    `/** The ${protocol.name} protocol: constants, payload types, validators. */\n`,
    ...specifiers.map((s) => `export * from ${JSON.stringify(s)};\n`),
  ].join("");
  return { path, text };
}
