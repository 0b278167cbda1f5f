/**
 * `conversation.py`: the conversation checker for Python, with the verdicts of conversation.ts
 * (same tables from emit/conversation-plan.ts, same rules, same words).
 */
import type { GeneratedFile, Protocol } from "../../model.js";
import { conversationPlan } from "../conversation-plan.js";
import { pythonDocstring, pythonHeader, pythonString } from "./defs-syntax.js";
import { pythonOutput, type PythonModuleExports } from "./init.js";
import { fixedPython, laidOut } from "../fixed-code.js";
import { fitsPython } from "../text.js";
import { pyAnnotatedHead, pyAtom, pySubscript, type PyExpr } from "./messages-layout.js";


type Lit = string | boolean | undefined | readonly Lit[] | { readonly [key: string]: Lit };

function inline(v: Lit): string {
  if (v === undefined) return "None";
  if (typeof v === "string") return pythonString(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return `(${(v as readonly Lit[]).map(inline).join(", ")}${(v as readonly Lit[]).length === 1 ? "," : ""})`;
  const entries = Object.entries(v as { [key: string]: Lit });
  return `{${entries.map(([k, x]) => `${pythonString(k)}: ${inline(x)}`).join(", ")}}`;
}

/** A literal as ruff format lays it out: tuples inline when they fit, else one item per line. */
function print(v: Lit, indent: string, lead: string, tail: string): string {
  const one = `${indent}${lead}${inline(v)}${tail}`;
  if (fitsPython(one)) return one;
  if (Array.isArray(v)) {
    const items = (v as readonly Lit[]).map((x) => print(x, `${indent}    `, "", ","));
    return `${indent}${lead}(\n${items.join("\n")}\n${indent})${tail}`;
  }
  return one;
}

export function pythonConversationExports(protocol: Protocol): PythonModuleExports | undefined {
  return conversationPlan(protocol) === undefined ? undefined : { module: "conversation", names: ["Conversation", "Verdict", "VerdictCode"] };
}

export function emitPythonConversation(protocol: Protocol): GeneratedFile[] {
  const plan = conversationPlan(protocol);
  if (plan === undefined || protocol.outputs.python === undefined) return [];
  const output = pythonOutput(protocol);
  const dict = (name: string, type: PyExpr, entries: readonly [string, Lit][], doc: string): string[] => {
    if (entries.length === 0) return [pyAnnotatedHead(name, type, " = {}"), `"""${doc}"""`];
    return [pyAnnotatedHead(name, type, " = {"), ...entries.map(([k, v]) => print(v, "    ", `${pythonString(k)}: `, ",")), "}", `"""${doc}"""`];
  };
  const kinds = plan.kinds.map((k): [string, Lit] => [k.kind, undefined]);
  const kindLines = [
    "_KINDS: dict[str, _KindInfo] = {",
    ...plan.kinds.flatMap((k, i) => {
      const args = [inline(k.field), inline(k.request), inline(k.kinds), k.responses ? "True" : "False", k.topicKey ? "True" : "False"];
      const one = `    ${pythonString(k.kind)}: _KindInfo(${args.join(", ")}),`;
      void kinds[i];
      if (fitsPython(one)) return [one];
      if (fitsPython(`        ${args.join(", ")}`)) return [`    ${pythonString(k.kind)}: _KindInfo(`, `        ${args.join(", ")}`, "    ),"];
      return [`    ${pythonString(k.kind)}: _KindInfo(`, ...args.map((a) => `        ${a},`), "    ),"];
    }),
    "}",
    '"""Per kind of message: how it names the message it answers."""',
  ];
  const lines = [
    pythonHeader(protocol).trimEnd(),
    "",
    ...pythonDocstring(
      [
        `The conversation checker of the ${protocol.name} protocol.`,
        "",
        "Given the messages so far: is this one allowed next, and which earlier message does it",
        "answer. From the spec's flows, replies and envelope correlation; the TypeScript module",
        "gives the same verdicts.",
      ].join("\n"),
      "",
    ),
    "",
    laidOut("python", IMPORTS).trimEnd(),
    "",
    laidOut("python", VERDICT_CODE).trimEnd(),
    "",
    "",
    laidOut("python", HEAD).trimEnd(),
    "",
    "",
    ...dict("_AFTER", pySubscript("dict", [pyAtom("str"), pySubscript("tuple", [pySubscript("tuple", [pyAtom("str"), pyAtom("...")]), pyAtom("...")])]), [...plan.after].map(([t, l]) => [t, l]), "Per topic: alternatives, each the topics that must all have been seen before it."),
    "",
    ...dict("_REPLY_TO", pySubscript("dict", [pyAtom("str"), pySubscript("tuple", [pyAtom("str"), pyAtom("...")])]), [...plan.replyTo].map(([t, l]) => [t, l]), "Per reply topic: the request topics it may answer."),
    "",
    ...kindLines,
    "",
    "",
    laidOut("python", RUNTIME).trimEnd(),
  ];
  return [{ path: `${output.dir}/${output.package}/conversation.py`, text: `${lines.join("\n").trimEnd()}\n` }];
}

const HEAD = fixedPython(`class Verdict(NamedTuple):
    """Allowed (with the index of the message it answers, if any), or why not."""

    ok: bool
    answers: Optional[int] = None
    code: Optional[VerdictCode] = None
    message: str = ""


class _KindInfo(NamedTuple):
    field: Optional[tuple[str, ...]]
    request: Optional[tuple[str, ...]]
    kinds: tuple[str, ...]
    responses: bool
    topic_key: bool


class _Entry:
    def __init__(self, kind: str, topic: Optional[str], message: object) -> None:
        self.kind = kind
        self.topic = topic
        self.message = message
        self.open = True


class _Judged(NamedTuple):
    verdict: Verdict
    kind: Optional[str] = None
    topic: Optional[str] = None
    closes: Optional[int] = None`);

const RUNTIME = fixedPython(`class Conversation:
    """The messages of one conversation so far.

    \`\`check\`\` judges a message without recording it; \`\`accept\`\` records it when it is
    allowed. Semantics: the README's "Conversations".
    """

    def __init__(self) -> None:
        """Start a conversation with no messages."""
        self._entries: list[_Entry] = []

    def check(self, message: object) -> Verdict:
        """Whether \`\`message\`\` is allowed next, and which earlier message it answers."""
        return self._judge(message).verdict

    def accept(self, message: object) -> Verdict:
        """Like \`\`check\`\`, and records the message when it is allowed."""
        judged = self._judge(message)
        if not judged.verdict.ok or judged.kind is None:
            return judged.verdict
        self._entries.append(_Entry(judged.kind, judged.topic, message))
        if judged.closes is not None:
            self._entries[judged.closes].open = False
        return judged.verdict

    def _judge(self, message: object) -> _Judged:  # noqa: PLR0911, PLR0912
        result = validate_message(message)
        if result.errors:
            return _invalid(result.errors[0])
        kind = result.kind or ""
        topic = result.topic
        info = _KINDS[kind]
        answers: Optional[int] = None
        closes: Optional[int] = None
        value = None if info.field is None else _read_path(message, info.field)
        if info.field is not None and value is not None:
            request_path = info.request or ()
            answers = self._find(
                lambda entry: (
                    entry.open
                    and entry.kind in info.kinds
                    and _same(_read_path(entry.message, request_path), value)
                )
            )
            if answers is None:
                field = ".".join(info.field)
                message_text = f"answers no open request: {field} is {_json(value)}"
                return _refused("unknown_request", message_text)
            request = self._entries[answers].topic
            if info.responses:
                if not info.topic_key:
                    topic = request
                    result = validate_message(message, request)
                    if result.errors:
                        return _invalid(result.errors[0])
                elif topic != request:
                    message_text = (
                        f"a response of {_show(topic)} cannot answer the "
                        f"{_show(request)} request"
                    )
                    return _refused("wrong_reply", message_text)
                closes = answers
            elif topic is not None and topic in _REPLY_TO:
                if request is None or request not in _REPLY_TO[topic]:
                    message_text = f"{_show(topic)} is no reply to {_show(request)}"
                    return _refused("wrong_reply", message_text)
                closes = answers
        elif info.field is None and topic is not None and topic in _REPLY_TO:
            requests = _REPLY_TO[topic]
            answers = self._find(
                lambda entry: (
                    entry.open and entry.topic is not None and entry.topic in requests
                )
            )
            if answers is None:
                message_text = f"{_show(topic)} answers no open request"
                return _refused("unknown_request", message_text)
            closes = answers
        if not info.responses and topic is not None and topic in _AFTER:
            seen = {entry.topic for entry in self._entries}
            best: Optional[list[str]] = None
            for alternative in _AFTER[topic]:
                unseen = [t for t in alternative if t not in seen]
                if best is None or len(unseen) < len(best):
                    best = unseen
            if best:
                message_text = (
                    f"{_show(topic)} is not allowed yet: {_show(best[0])} comes first"
                )
                return _refused("out_of_order", message_text)
        return _Judged(Verdict(ok=True, answers=answers), kind, topic, closes)

    def _find(self, matches: Callable[[_Entry], bool]) -> Optional[int]:
        for index in range(len(self._entries) - 1, -1, -1):
            if matches(self._entries[index]):
                return index
        return None


def _refused(code: VerdictCode, message: str) -> _Judged:
    return _Judged(Verdict(ok=False, code=code, message=message))


def _invalid(issue: MessageIssue) -> _Judged:
    where = f"{'.'.join(str(p) for p in issue.path)}: " if issue.path else ""
    return _refused("invalid", f"invalid message: {where}{issue.message}")


def _show(topic: Optional[str]) -> str:
    return "unknown" if topic is None else _json(topic)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _same(a: object, b: object) -> bool:
    """JSON equality of two ids, as JavaScript's === sees them (1 is 1.0, True is not 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return isinstance(a, str) and isinstance(b, str) and a == b


def _read_path(value: object, path: tuple[str, ...]) -> object:
    current = value
    for key in path:
        if not isinstance(current, dict):
            return None
        inner = cast("dict[str, object]", current)
        if key not in inner:
            return None
        current = inner[key]
    return current`);

const VERDICT_CODE = fixedPython('VerdictCode = Literal["invalid", "out_of_order", "unknown_request", "wrong_reply"]\n"""Why a message is not allowed next."""\n');

/** The imports: fixed code (ruff splits a `from` import as isort does). */
const IMPORTS = fixedPython(
  "import json\nfrom typing import Callable, Literal, NamedTuple, Optional, cast\n\nfrom .envelope import MessageIssue, validate_message\n",
);
