"""Runs conversation.json through the generated Python envelope and conversation modules.

Usage: run_conversation.py PYTHON_DIR PACKAGE VECTORS_FILE OUT_FILE

OUT_FILE gets {"messages": [{"ok", "kind", "topic", "errors": [{"path", "code", "message"}]}],
"conversations": [[{"ok", "answers", "code", "message"}, ...], ...]}.
"""

import importlib
import json
import sys


def main() -> None:
    python_dir, package, vectors_file, out_file = sys.argv[1:5]
    sys.path.insert(0, python_dir)
    envelope = importlib.import_module(f"{package}.envelope")
    conversation = importlib.import_module(f"{package}.conversation")
    with open(vectors_file, encoding="utf-8") as f:
        vectors = json.load(f)
    messages = []
    for case in vectors["messages"]:
        result = envelope.validate_message(case["message"], case.get("request"))
        messages.append(
            {
                "ok": result.ok,
                "kind": result.kind,
                "topic": result.topic,
                "errors": [
                    {"path": list(i.path), "code": i.code, "message": i.message}
                    for i in result.errors
                ],
            }
        )
    conversations = []
    for case in vectors["conversations"]:
        c = conversation.Conversation()
        verdicts = []
        for step in case["steps"]:
            before = c.check(step["message"])
            v = c.accept(step["message"])
            if before != v:
                raise AssertionError(f"check and accept disagree: {before} != {v}")
            verdicts.append(
                {"ok": v.ok, "answers": v.answers, "code": v.code, "message": v.message}
            )
        conversations.append(verdicts)
    with open(out_file, "w", encoding="utf-8") as f:
        json.dump({"messages": messages, "conversations": conversations}, f)


main()
