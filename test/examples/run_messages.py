"""Validates the examples' real-shaped messages and conversations with the generated Python.

Usage: run_messages.py PYTHON_DIR PACKAGE EXAMPLE_DIR VECTORS_FILE

Prints one JSON object: {"messages": {name: [issue, ...]}, "conversations": {name: [step, ...]}}
where an issue is {"path", "code", "message"} and a step is {"allowed", "answers", "refused"}
(the checker's verdict: allowed, the index of the message it answers, the refusal code), and
"vectors": the issues of each case of VECTORS_FILE ([{"fn": validator name, "json": text}]). Each fixture
file is read and parsed here, as a Python receiver reads JSON off the wire.
"""

import importlib
import json
import os
import sys


def issue_list(issues):
    return [{"path": list(i.path), "code": i.code, "message": i.message} for i in issues]


def main() -> None:
    python_dir, package, example_dir, vectors_file = sys.argv[1:5]
    sys.path.insert(0, python_dir)
    api = importlib.import_module(package)
    out = {"messages": {}, "conversations": {}, "vectors": []}
    messages_dir = os.path.join(example_dir, "messages")
    for name in sorted(os.listdir(messages_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(messages_dir, name), encoding="utf-8") as f:
            case = json.load(f)
        result = api.validate_message(case["message"], case.get("request"))
        out["messages"][name[: -len(".json")]] = issue_list(result.errors)
    conversations_dir = os.path.join(example_dir, "conversations")
    # Without a conversation checker in the package the test fails on "conversations": null.
    if not hasattr(api, "Conversation"):
        out["conversations"] = None
    for name in sorted(os.listdir(conversations_dir)) if out["conversations"] is not None else []:
        if not name.endswith(".json"):
            continue
        with open(os.path.join(conversations_dir, name), encoding="utf-8") as f:
            conversation = json.load(f)
        checker = api.Conversation()
        steps = []
        for step in conversation["steps"]:
            verdict = checker.accept(step["message"])
            steps.append(
                {"allowed": verdict.ok, "answers": verdict.answers if verdict.ok else None, "refused": None if verdict.ok else verdict.code}
            )
        out["conversations"][name[: -len(".json")]] = steps
    messages = importlib.import_module(f"{package}.messages")
    with open(vectors_file, encoding="utf-8") as f:
        vectors = json.load(f)
    for case in vectors:
        out["vectors"].append(issue_list(getattr(messages, case["fn"])(json.loads(case["json"]))))
    json.dump(out, sys.stdout)


main()
