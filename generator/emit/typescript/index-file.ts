/**
 * `index.ts`: the package entry point, re-exporting the constants (defs.ts) and the messages
 * module (messages.ts). Every generated name is unique across both (the names stage checks it),
 * so `export *` loses nothing.
 */
import type { GeneratedFile, Protocol } from "../../model.js";
import { headerComment } from "../header.js";
import { tsLineComment } from "./defs-syntax.js";

export function emitIndexFile(protocol: Protocol, dir: string): GeneratedFile {
  const text = [
    headerComment(protocol, tsLineComment),
    "\n",
    `/** The ${protocol.name} protocol: constants, payload types, validators. */\n`,
    'export * from "./defs.js";\n',
    'export * from "./messages.js";\n',
    ...(protocol.envelope === undefined ? [] : ['export * from "./envelope.js";\n', 'export * from "./conversation.js";\n']),
  ].join("");
  return { path: `${dir}/index.ts`, text };
}
