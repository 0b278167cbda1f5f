"""Validates cases with the generated Python validators and with jsonschema; prints results.

Usage: run_python.py PYTHON_DIR PACKAGE SCHEMA_FILE CASES_FILE OUT_FILE

CASES_FILE holds [{"validator": name, "def": $defs name, "json": text}, ...]. OUT_FILE gets,
per case, {"errors": [{"path", "code", "message"}], "schemaValid": bool}.
"""

import importlib
import json
import sys

from jsonschema import Draft202012Validator


def main() -> None:
    python_dir, package, schema_file, cases_file, out_file = sys.argv[1:6]
    sys.path.insert(0, python_dir)
    messages = importlib.import_module(f"{package}.messages")
    with open(schema_file, encoding="utf-8") as f:
        bundle = json.load(f)
    with open(cases_file, encoding="utf-8") as f:
        cases = json.load(f)
    schemas = {}
    results = []
    for case in cases:
        value = json.loads(case["json"])
        validate = getattr(messages, case["validator"])
        issues = validate(value)
        name = case["def"]
        if name not in schemas:
            schema = {**bundle, "$ref": f"#/$defs/{name}"}
            schemas[name] = Draft202012Validator(schema)
        results.append(
            {
                "errors": [
                    {"path": list(i.path), "code": i.code, "message": i.message}
                    for i in issues
                ],
                "schemaValid": schemas[name].is_valid(value),
            }
        )
    with open(out_file, "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
