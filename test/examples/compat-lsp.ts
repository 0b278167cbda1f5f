/**
 * The JSON-RPC/LSP example against vscode-languageserver-protocol (and the vscode-jsonrpc types
 * it re-exports): every covered method's params and result, the messages, and the records.
 * `expect` is what the two type systems should make of each pair; a case that is not "both"
 * says why, and the README's Examples section lists it as a deliberate difference.
 */
import type { CompatCase, CompatTable } from "./compat.js";

const OPEN_TAG =
  "DiagnosticTag is an open int enum here, as the specification asks (clients supporting tags have to handle unknown tags gracefully): its type is the known values plus `number & {}`, which the package's closed `1 | 2` does not take";
const MESSAGE_WHY =
  "vscode-jsonrpc types the envelope loosely (`jsonrpc: string`, `method: string`, `params?: object | any[]`, `result?: … | object | null`): a published message does not say which method it is, so it cannot be assigned to the generated message of one method";

const cases: CompatCase[] = [
  { message: "initialize params", generated: 'G.PayloadByTopic["initialize"]', published: "P.InitializeParams", expect: "from-published", why: `its capabilities hold publishDiagnostics.tagSupport.valueSet: ${OPEN_TAG}` },
  { message: "initialize result", generated: "G.InitializeResult", published: "P.InitializeResult", expect: "both" },
  {
    message: "initialized params",
    generated: 'G.PayloadByTopic["initialized"]',
    published: "P.InitializedParams",
    expect: "to-published",
    why: "a payload without fields is typed `Record<string, unknown>` (any object, as its validator accepts); the package's empty interface has no index signature, and TypeScript assigns an interface to an index signature only when it declares one",
  },
  { message: "textDocument/didOpen params", generated: 'G.PayloadByTopic["textDocument/didOpen"]', published: "P.DidOpenTextDocumentParams", expect: "both" },
  { message: "textDocument/hover params", generated: 'G.PayloadByTopic["textDocument/hover"]', published: "P.HoverParams", expect: "both" },
  { message: "textDocument/hover result", generated: "G.HoverResult", published: "P.Hover", expect: "both" },
  { message: "textDocument/publishDiagnostics params", generated: 'G.PayloadByTopic["textDocument/publishDiagnostics"]', published: "P.PublishDiagnosticsParams", expect: "from-published", why: `its diagnostics' tags: ${OPEN_TAG}` },
  { message: "request message (initialize)", generated: 'G.RequestMessage<"initialize">', published: "P.RequestMessage", expect: "to-published", why: MESSAGE_WHY },
  { message: "request message (shutdown)", generated: 'G.RequestMessage<"shutdown">', published: "P.RequestMessage", expect: "to-published", why: MESSAGE_WHY },
  { message: "notification message (textDocument/didOpen)", generated: 'G.NotificationMessage<"textDocument/didOpen">', published: "P.NotificationMessage", expect: "to-published", why: MESSAGE_WHY },
  { message: "notification message (exit)", generated: 'G.NotificationMessage<"exit">', published: "P.NotificationMessage", expect: "to-published", why: MESSAGE_WHY },
  { message: "response message (textDocument/hover)", generated: 'G.ResponseMessage<"textDocument/hover">', published: "P.ResponseMessage", expect: "to-published", why: MESSAGE_WHY },
  { message: "error response message", generated: "G.ErrorMessage", published: "P.ResponseMessage", expect: "to-published", why: MESSAGE_WHY },
  { message: "record ResponseError", generated: "G.ResponseError", published: 'NonNullable<P.ResponseMessage["error"]>', expect: "both" },
  { message: "record ClientCapabilities", generated: "G.ClientCapabilities", published: "P.ClientCapabilities", expect: "from-published", why: `its textDocument.publishDiagnostics.tagSupport.valueSet: ${OPEN_TAG}` },
  { message: "record ServerCapabilities", generated: "G.ServerCapabilities", published: "P.ServerCapabilities", expect: "both" },
  { message: "record ClientInfo", generated: "G.ClientInfo", published: 'NonNullable<P.InitializeParams["clientInfo"]>', expect: "both" },
  { message: "record ServerInfo", generated: "G.ServerInfo", published: 'NonNullable<P.InitializeResult["serverInfo"]>', expect: "both" },
  { message: "record WorkspaceFolder", generated: "G.WorkspaceFolder", published: "P.WorkspaceFolder", expect: "both" },
  { message: "record TextDocumentSyncOptions", generated: "G.TextDocumentSyncOptions", published: "P.TextDocumentSyncOptions", expect: "both" },
  { message: "record Position", generated: "G.Position", published: "P.Position", expect: "both" },
  { message: "record Range", generated: "G.Range", published: "P.Range", expect: "both" },
  { message: "record Location", generated: "G.Location", published: "P.Location", expect: "both" },
  { message: "record TextDocumentIdentifier", generated: "G.TextDocumentIdentifier", published: "P.TextDocumentIdentifier", expect: "both" },
  { message: "record TextDocumentItem", generated: "G.TextDocumentItem", published: "P.TextDocumentItem", expect: "both" },
  { message: "record MarkupContent", generated: "G.MarkupContent", published: "P.MarkupContent", expect: "both" },
  { message: "record MarkedStringWithLanguage", generated: "G.MarkedStringWithLanguage", published: "P.MarkedStringWithLanguage", expect: "both" },
  { message: "record CodeDescription", generated: "G.CodeDescription", published: "P.CodeDescription", expect: "both" },
  { message: "record DiagnosticRelatedInformation", generated: "G.DiagnosticRelatedInformation", published: "P.DiagnosticRelatedInformation", expect: "both" },
  { message: "record Diagnostic", generated: "G.Diagnostic", published: "P.Diagnostic", expect: "from-published", why: `its tags: ${OPEN_TAG}` },
  { message: "enum DiagnosticSeverity", generated: "G.DiagnosticSeverity", published: "P.DiagnosticSeverity", expect: "both" },
  { message: "enum TextDocumentSyncKind", generated: "G.TextDocumentSyncKind", published: "P.TextDocumentSyncKind", expect: "both" },
  { message: "enum DiagnosticTag", generated: "G.DiagnosticTag", published: "P.DiagnosticTag", expect: "from-published", why: OPEN_TAG },
  { message: "enum MarkupKind", generated: "G.MarkupKind", published: "P.MarkupKind", expect: "both" },
  { message: "enum ErrorCode", generated: "G.ErrorCode", published: "P.integer", expect: "both" },
  { message: "enum TraceValue", generated: "G.TraceValue", published: "P.TraceValue", expect: "both" },
];

export const LSP_COMPAT: CompatTable = {
  imports: ['import type * as P from "vscode-languageserver-protocol";'],
  cases,
};
