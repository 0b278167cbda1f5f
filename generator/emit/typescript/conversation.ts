/**
 * `conversation.ts`: the conversation checker — given the messages so far, is this one allowed
 * next, and which earlier message does it answer. Literal tables from the spec's flows, replies
 * and envelope correlation (emit/conversation-plan.ts) and one small class; the Python module
 * gives the same verdicts (README, "Conversations").
 */
import type { GeneratedFile, Protocol } from "../../model.js";
import { conversationPlan } from "../conversation-plan.js";
import { headerComment } from "../header.js";
import { tsLineComment } from "./defs-syntax.js";
import { jsDoc, propertyName, str } from "./messages-layout.js";
import { fixedTypeScript, laidOut } from "../fixed-code.js";
import { array, arrayOf, bool, id, object, readonlyOf, readonlyRecord, ref, stringLit, toKey, type Expr, type Key, type Type } from "./ts-ast.js";
import { constDecl, importDecl, source } from "./ts-statements.js";


/** A JSON-ish literal (strings, arrays, booleans, objects) laid out as prettier prints it. */
/** A value of a table: an object is a map, so a key such as `__proto__` is a key like any other. */
type Lit = string | boolean | undefined | readonly Lit[] | ReadonlyMap<string, Lit>;

/** The literal as an expression; an object is kept broken when `expanded` (a table, as written). */
function literal(v: Lit, expanded = false): Expr {
  if (v === undefined) return id("undefined");
  if (typeof v === "string") return stringLit(str(v));
  if (typeof v === "boolean") return bool(v);
  if (v instanceof Map) {
    const entries = [...(v as ReadonlyMap<string, Lit>)];
    return object(entries.map(([k, x]) => [objectKey(k), literal(x)] as const), expanded && entries.length > 0);
  }
  return array((v as readonly Lit[]).map((x) => literal(x)));
}

/** An object literal's key: `__proto__` computed, since `__proto__: v` would set the prototype, not an own property. */
function objectKey(key: string): Key {
  return key === "__proto__" ? { kind: "computed", expr: stringLit(str(key)) } : toKey(propertyName(key));
}

export function emitTypeScriptConversation(protocol: Protocol): GeneratedFile[] {
  const dir = protocol.outputs.typescript?.dir;
  const plan = conversationPlan(protocol);
  if (dir === undefined || plan === undefined) return [];
  const after: ReadonlyMap<string, Lit> = plan.after;
  const replyTo: ReadonlyMap<string, Lit> = plan.replyTo;
  const kinds = new Map<string, Lit>(
    plan.kinds.map((k) => [
      k.kind,
      new Map<string, Lit>([
        ["field", k.field],
        ["request", k.request],
        ["kinds", k.kinds],
        ["responses", k.responses],
        ["topicKey", k.topicKey],
      ]),
    ]),
  );
  const table = (name: string, type: Type, value: ReadonlyMap<string, Lit>, doc: string): string =>
    `${jsDoc([doc], "")}${source(constDecl(name, literal(value, true), { type }))}\n`;
  const text = [
    headerComment(protocol, tsLineComment),
    "\n",
    jsDoc(
      [
        `The conversation checker of the ${protocol.name} protocol: given the messages so far, is`,
        "this one allowed next, and which earlier message does it answer. From the spec's flows,",
        "replies and envelope correlation; the Python module gives the same verdicts.",
      ],
      "",
    ),
    `${source(importDecl(["type MessageKind", "validateMessage"], str("./envelope.js")))}\n`,
    jsDoc(["Why a message is not allowed next."], ""),
    laidOut("typescript", VERDICT_CODE),
    jsDoc(["Allowed (with the index of the message it answers, if any), or why not."], ""),
    laidOut("typescript", VERDICT),
    laidOut("typescript", KIND_INFO),
    table("AFTER", readonlyRecord(ref("string"), readonlyOf(arrayOf(readonlyOf(arrayOf(ref("string")))))), after, "Per topic: alternatives, each the topics that must all have been seen before it."),
    table("REPLY_TO", readonlyRecord(ref("string"), readonlyOf(arrayOf(ref("string")))), replyTo, "Per reply topic: the request topics it may answer."),
    table("KINDS", readonlyRecord(ref("MessageKind"), ref("KindInfo")), kinds, "Per kind of message: how it names the message it answers."),
    laidOut("typescript", RUNTIME),
  ].join("");
  return [{ path: `${dir}/conversation.ts`, text }];
}

const RUNTIME = fixedTypeScript(`interface Entry {
  readonly kind: MessageKind;
  readonly topic: string | undefined;
  readonly message: unknown;
  open: boolean;
}

interface Judged {
  readonly verdict: Verdict;
  readonly kind?: MessageKind;
  readonly topic?: string | undefined;
  readonly closes?: number | undefined;
}

/**
 * The messages of one conversation so far. \`check\` judges a message without recording it;
 * \`accept\` records it when it is allowed. Semantics: the README's "Conversations".
 */
export class Conversation {
  readonly #entries: Entry[] = [];

  /** Whether \`message\` is allowed next, and which earlier message it answers. */
  check(message: unknown): Verdict {
    return this.#judge(message).verdict;
  }

  /** Like \`check\`, and records the message when it is allowed. */
  accept(message: unknown): Verdict {
    const judged = this.#judge(message);
    if (!judged.verdict.ok || judged.kind === undefined) return judged.verdict;
    const entry = {
      kind: judged.kind,
      topic: judged.topic,
      message,
      open: true,
    };
    this.#entries.push(entry);
    const closed =
      judged.closes === undefined ? undefined : this.#entries[judged.closes];
    if (closed !== undefined) closed.open = false;
    return judged.verdict;
  }

  #judge(message: unknown): Judged {
    let result = validateMessage(message);
    if (!result.ok) return invalid(result.errors[0]);
    const kind = result.kind;
    let topic = result.topic;
    const info = KINDS[kind];
    let answers: number | undefined;
    let closes: number | undefined;
    const value =
      info.field === undefined ? undefined : readPath(message, info.field);
    if (info.field !== undefined && value !== undefined && value !== null) {
      answers = this.#find((entry) => {
        if (!entry.open || !info.kinds.includes(entry.kind)) return false;
        return readPath(entry.message, info.request ?? []) === value;
      });
      if (answers === undefined) {
        const field = info.field.join(".");
        const message = \`answers no open request: \${field} is \${JSON.stringify(value)}\`;
        return refused("unknown_request", message);
      }
      const request = this.#entries[answers]?.topic;
      if (info.responses) {
        if (!info.topicKey) {
          topic = request;
          result = validateMessage(message, request);
          if (!result.ok) return invalid(result.errors[0]);
        } else if (topic !== request) {
          const message = \`a response of \${show(topic)} cannot answer the \${show(request)} request\`;
          return refused("wrong_reply", message);
        }
        closes = answers;
      } else if (topic !== undefined && hasOwn(REPLY_TO, topic)) {
        if (
          request === undefined ||
          !(REPLY_TO[topic] ?? []).includes(request)
        ) {
          const message = \`\${show(topic)} is no reply to \${show(request)}\`;
          return refused("wrong_reply", message);
        }
        closes = answers;
      }
    } else if (
      info.field === undefined &&
      topic !== undefined &&
      hasOwn(REPLY_TO, topic)
    ) {
      const requests = REPLY_TO[topic] ?? [];
      answers = this.#find((entry) => {
        return (
          entry.open &&
          entry.topic !== undefined &&
          requests.includes(entry.topic)
        );
      });
      if (answers === undefined) {
        return refused(
          "unknown_request",
          \`\${show(topic)} answers no open request\`,
        );
      }
      closes = answers;
    }
    if (!info.responses && topic !== undefined && hasOwn(AFTER, topic)) {
      const seen = new Set(this.#entries.map((entry) => entry.topic));
      let best: string[] | undefined;
      for (const alternative of AFTER[topic] ?? []) {
        const unseen = alternative.filter((t) => !seen.has(t));
        if (best === undefined || unseen.length < best.length) best = unseen;
      }
      const first = best?.[0];
      if (first !== undefined) {
        const message = \`\${show(topic)} is not allowed yet: \${show(first)} comes first\`;
        return refused("out_of_order", message);
      }
    }
    return { verdict: { ok: true, answers }, kind, topic, closes };
  }

  /** The index of the latest entry that matches, or undefined. */
  #find(matches: (entry: Entry) => boolean): number | undefined {
    for (let index = this.#entries.length - 1; index >= 0; index--) {
      const entry = this.#entries[index];
      if (entry !== undefined && matches(entry)) return index;
    }
    return undefined;
  }
}

function refused(code: VerdictCode, message: string): Judged {
  return { verdict: { ok: false, code, message } };
}

function invalid(
  issue:
    | { readonly path: readonly (string | number)[]; readonly message: string }
    | undefined,
): Judged {
  const where =
    issue === undefined || issue.path.length === 0
      ? ""
      : \`\${issue.path.join(".")}: \`;
  return refused("invalid", \`invalid message: \${where}\${issue?.message ?? ""}\`);
}

function show(topic: string | undefined): string {
  return topic === undefined ? "unknown" : JSON.stringify(topic);
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (
      typeof current !== "object" ||
      current === null ||
      Array.isArray(current)
    ) {
      return undefined;
    }
    if (!hasOwn(current, key)) return undefined;
    current = (current as Readonly<Record<string, unknown>>)[key];
  }
  return current;
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
`);

const VERDICT_CODE = fixedTypeScript('export type VerdictCode =\n  "invalid" | "out_of_order" | "unknown_request" | "wrong_reply";\n\n');

const VERDICT = fixedTypeScript("export type Verdict =\n  | { readonly ok: true; readonly answers: number | undefined }\n  | {\n      readonly ok: false;\n      readonly code: VerdictCode;\n      readonly message: string;\n    };\n\n");

const KIND_INFO = fixedTypeScript("interface KindInfo {\n  readonly field: readonly string[] | undefined;\n  readonly request: readonly string[] | undefined;\n  readonly kinds: readonly string[];\n  readonly responses: boolean;\n  readonly topicKey: boolean;\n}\n\n");
