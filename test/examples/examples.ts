/**
 * The two real-protocol examples under examples/: their specs, committed outputs, real-shaped
 * messages and conversations (JSON files written from the published specifications, each with
 * the verdict the specification gives it, written by hand).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "../cli/run.js";
import type { CompatTable } from "./compat.js";
import { DAP_COMPAT } from "./compat-dap.js";
import { LSP_COMPAT } from "./compat-lsp.js";

export interface Example {
  /** The directory under examples/. */
  readonly name: string;
  /** The Python package the spec generates (under generated/python). */
  readonly pythonPackage: string;
  readonly compat: CompatTable;
  /** The npm package the compatibility test compiles against. */
  readonly against: string;
}

export const EXAMPLES: readonly Example[] = [
  { name: "dap", pythonPackage: "dap", compat: DAP_COMPAT, against: "@vscode/debugprotocol" },
  { name: "jsonrpc-lsp", pythonPackage: "lsp", compat: LSP_COMPAT, against: "vscode-languageserver-protocol" },
];

export const exampleDir = (e: Example): string => join(REPO, "examples", e.name);

export interface Issue {
  readonly code: string;
  readonly path: readonly (string | number)[];
}

/** One real-shaped message and the verdict the published specification gives it. */
export interface MessageCase {
  /** The file name without `.json`. */
  readonly name: string;
  readonly description: string;
  readonly expect: { readonly valid: boolean; readonly issues?: readonly Issue[] };
  readonly message: unknown;
  /** For a response whose kind has no topic key (JSON-RPC): the topic of the request it answers. */
  readonly request?: string;
}

export interface ConversationStep {
  readonly message: unknown;
  /** Whether the message may come next. */
  readonly allowed: boolean;
  /** For a response: the index of the step holding the request it answers, or null for none. */
  readonly answers?: number | null;
  /** Why a message is not allowed: the checker's refusal code (unknown_request, wrong_reply, invalid, out_of_order). */
  readonly refused?: string;
}

export interface Conversation {
  readonly name: string;
  readonly description: string;
  readonly steps: readonly ConversationStep[];
}

function jsonFiles<T>(dir: string): (T & { name: string })[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), "utf8")) as T), name: f.slice(0, -".json".length) }));
}

export const messageCases = (e: Example): MessageCase[] => jsonFiles<MessageCase>(join(exampleDir(e), "messages"));
export const conversations = (e: Example): Conversation[] => jsonFiles<Conversation>(join(exampleDir(e), "conversations"));
