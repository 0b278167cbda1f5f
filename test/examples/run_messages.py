"""Validates the examples' real-shaped messages and conversations with the generated Python.

Usage: run_messages.py PYTHON_DIR PACKAGE EXAMPLE_DIR

Prints one JSON object: {"messages": {name: [issue, ...]}, "conversations": {name: [step, ...]}}
where an issue is {"path", "code", "message"} and a step is {"allowed", "answers"}. Each fixture
file is read and parsed here, as a Python receiver reads JSON off the wire.
"""

import importlib
import json
import os
import sys


def issue_list(issues):
    return [{"path": list(i.path), "code": i.code, "message": i.message} for i in issues]


def main() -> None:
    python_dir, package, example_dir = sys.argv[1:4]
    sys.path.insert(0, python_dir)
    api = importlib.import_module(package)
    out = {"messages": {}, "conversations": {}}
    messages_dir = os.path.join(example_dir, "messages")
    for name in sorted(os.listdir(messages_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(messages_dir, name), encoding="utf-8") as f:
            case = json.load(f)
        if "request" in case:
            issues = api.validate_message(case["message"], request=case["request"])
        else:
            issues = api.validate_message(case["message"])
        out["messages"][name[: -len(".json")]] = issue_list(issues)
    conversations_dir = os.path.join(example_dir, "conversations")
    for name in sorted(os.listdir(conversations_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(conversations_dir, name), encoding="utf-8") as f:
            conversation = json.load(f)
        checker = api.Conversation()
        steps = []
        for step in conversation["steps"]:
            verdict = checker.add(step["message"])
            steps.append({"allowed": verdict.allowed, "answers": verdict.answers})
        out["conversations"][name[: -len(".json")]] = steps
    json.dump(out, sys.stdout)


main()
