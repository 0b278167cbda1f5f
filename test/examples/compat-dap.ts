/**
 * The Debug Adapter Protocol example against @vscode/debugprotocol: every covered request's
 * arguments and response body, every covered event's body, the whole messages, and the records.
 * `expect` is what the two type systems should make of each pair; a case that is not "both"
 * says why, and the README's Examples section lists it as a deliberate difference.
 */
import type { CompatCase, CompatTable } from "./compat.js";

/** [wire value, DebugProtocol's name stem, has a response body]. (`threads` has no arguments: DebugProtocol's is the base `any`.) */
const REQUESTS: readonly (readonly [string, string, boolean])[] = [
  ["initialize", "Initialize", true],
  ["launch", "Launch", false],
  ["attach", "Attach", false],
  ["setBreakpoints", "SetBreakpoints", true],
  ["configurationDone", "ConfigurationDone", false],
  ["threads", "Threads", true],
  ["stackTrace", "StackTrace", true],
  ["scopes", "Scopes", true],
  ["variables", "Variables", true],
  ["continue", "Continue", true],
  ["next", "Next", false],
  ["stepIn", "StepIn", false],
  ["pause", "Pause", false],
  ["evaluate", "Evaluate", true],
  ["disconnect", "Disconnect", false],
];

/** [wire value, DebugProtocol's name stem, has a body]. */
const EVENTS: readonly (readonly [string, string, boolean])[] = [
  ["initialized", "Initialized", false],
  ["stopped", "Stopped", true],
  ["continued", "Continued", true],
  ["exited", "Exited", true],
  ["terminated", "Terminated", true],
  ["thread", "Thread", true],
  ["output", "Output", true],
  ["breakpoint", "Breakpoint", true],
  ["capabilities", "Capabilities", true],
];

/** Generated record name → DebugProtocol's name. */
const RECORDS: readonly (readonly [string, string])[] = [
  ["Capabilities", "Capabilities"],
  ["ExceptionBreakpointsFilter", "ExceptionBreakpointsFilter"],
  ["ColumnDescriptor", "ColumnDescriptor"],
  ["BreakpointMode", "BreakpointMode"],
  ["StructuredMessage", "Message"],
  ["Thread", "Thread"],
  ["Source", "Source"],
  ["Checksum", "Checksum"],
  ["SourceBreakpoint", "SourceBreakpoint"],
  ["Breakpoint", "Breakpoint"],
  ["StackFrame", "StackFrame"],
  ["ValueFormat", "ValueFormat"],
  ["StackFrameFormat", "StackFrameFormat"],
  ["Scope", "Scope"],
  ["Variable", "Variable"],
  ["VariablePresentationHint", "VariablePresentationHint"],
];

const MESSAGE_WHY =
  "DebugProtocol types the envelope loosely (`type: string`, `command: string`, `event: string`, and a response's `body?: any` beside the typed one): a published message does not say which command or event it is, so it cannot be assigned to the generated message of one topic";

const ERROR_BODY =
  "DebugProtocol's ErrorResponse requires `body`, whose one field is optional; failed responses without a body are common (an adapter's short `message` alone), and Response makes `body` optional, so the generated failure leaves it optional (as `messages/error-response-unknown-message.json` has it)";
const EMPTY_PAYLOAD =
  "a payload without fields is typed `Record<string, unknown>` (any object, as its validator accepts); DebugProtocol's empty interface has no index signature, and TypeScript assigns an interface to an index signature only when it declares one";

const cases: CompatCase[] = [];
for (const [command, stem, hasBody] of REQUESTS) {
  cases.push({
    message: `${command} request arguments`,
    generated: `G.PayloadByTopic["${command}"]`,
    published: `NonNullable<P.${stem}Request["arguments"]>`,
    ...(command === "configurationDone" ? { expect: "to-published", why: EMPTY_PAYLOAD } : { expect: "both" }),
  });
  if (hasBody) {
    cases.push({
      message: `${command} response body`,
      generated: `G.${stem}Result`,
      published: `NonNullable<P.${stem}Response["body"]>`,
      expect: "both",
    });
  }
  cases.push({ message: `${command} request message`, generated: `G.RequestMessage<"${command}">`, published: `P.${stem}Request`, expect: "to-published", why: MESSAGE_WHY });
  // The successful response; `G.ResponseMessage<T>` is it or `G.FailedResponse<T>` (success false), which is DebugProtocol's ErrorResponse.
  cases.push({ message: `${command} response message`, generated: `G.${stem}Response`, published: `P.${stem}Response`, expect: "to-published", why: MESSAGE_WHY });
}
cases.push({ message: "failed response message", generated: "G.FailedResponse", published: "P.ErrorResponse", expect: "neither", why: `${MESSAGE_WHY}; and ${ERROR_BODY}` });
cases.push({ message: "failed response body", generated: "G.ErrorResponseBody", published: 'P.ErrorResponse["body"]', expect: "both" });
for (const [event, stem, hasBody] of EVENTS) {
  if (hasBody) cases.push({ message: `${event} event body`, generated: `G.PayloadByTopic["${event}"]`, published: `NonNullable<P.${stem}Event["body"]>`, expect: "both" });
  cases.push({ message: `${event} event message`, generated: `G.EventMessage<"${event}">`, published: `P.${stem}Event`, expect: "to-published", why: MESSAGE_WHY });
}
for (const [generated, published] of RECORDS) cases.push({ message: `record ${generated}`, generated: `G.${generated}`, published: `P.${published}`, expect: "both" });

export const DAP_COMPAT: CompatTable = {
  imports: ['import type { DebugProtocol as P } from "@vscode/debugprotocol";'],
  cases,
};
