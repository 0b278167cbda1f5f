"""Validates cases with the generated Python validators and with jsonschema; prints results.

Usage: run_python.py PYTHON_DIR PACKAGE SCHEMA_FILE CASES_FILE OUT_FILE
       run_python.py --topics PYTHON_DIR PACKAGE CASES_FILE OUT_FILE

CASES_FILE holds [{"validator": name, "def": $defs name, "json": text}, ...]. OUT_FILE gets,
per case, {"errors": [{"path", "code", "message"}], "schemaValid": bool}.

With --topics, CASES_FILE holds [{"topic": wire string, "json": text}, ...], validated with
validate_payload; OUT_FILE gets, per case, {"errors": [...], "raised": bool}, where "raised"
says whether parse_payload raised PayloadValidationError.
"""

import importlib
import json
import sys

import re

from jsonschema import Draft202012Validator, FormatChecker

# The string formats as the README's semantics table states them (ASCII digits and whitespace, no
# newline before the end); jsonschema's own checkers differ (and need optional packages).
FORMATS = FormatChecker(formats=())
_D = "[0-9]"
_DATE = rf"({_D}{{4}})-({_D}{{2}})-({_D}{{2}})"
_TIME = rf"[Tt]({_D}{{2}}):({_D}{{2}}):({_D}{{2}})(\.{_D}+)?([Zz]|[+-]{_D}{{2}}:{_D}{{2}})"


def _in(text: str, low: int, high: int) -> bool:
    return low <= int(text) <= high


@FORMATS.checks("uuid")
def _uuid(value: object) -> bool:
    hex_ = "[0-9a-fA-F]"
    pattern = rf"{hex_}{{8}}-{hex_}{{4}}-{hex_}{{4}}-{hex_}{{4}}-{hex_}{{12}}"
    return not isinstance(value, str) or re.fullmatch(pattern, value) is not None


@FORMATS.checks("uri")
def _uri(value: object) -> bool:
    pattern = "[A-Za-z][A-Za-z0-9+.-]*:[^ \t\n\r\f\v]*"
    return not isinstance(value, str) or re.fullmatch(pattern, value) is not None


@FORMATS.checks("date")
def _date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    m = re.fullmatch(_DATE, value)
    return m is not None and _in(m[2], 1, 12) and _in(m[3], 1, 31)


@FORMATS.checks("date-time")
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    m = re.fullmatch(_DATE + _TIME, value)
    return (
        m is not None
        and _in(m[2], 1, 12)
        and _in(m[3], 1, 31)
        and _in(m[4], 0, 23)
        and _in(m[5], 0, 59)
        and _in(m[6], 0, 60)
    )



def issue_list(issues):
    return [{"path": list(i.path), "code": i.code, "message": i.message} for i in issues]


def run_topics() -> None:
    python_dir, package, cases_file, out_file = sys.argv[2:6]
    sys.path.insert(0, python_dir)
    messages = importlib.import_module(f"{package}.messages")
    with open(cases_file, encoding="utf-8") as f:
        cases = json.load(f)
    results = []
    for case in cases:
        value = json.loads(case["json"])
        issues = messages.validate_payload(case["topic"], value)
        try:
            messages.parse_payload(case["topic"], value)
            raised = False
        except messages.PayloadValidationError as error:
            if error.issues != issues:
                raise AssertionError(f"parse_payload: {error.issues} != {issues}") from None
            raised = True
        results.append({"errors": issue_list(issues), "raised": raised})
    with open(out_file, "w", encoding="utf-8") as f:
        json.dump(results, f)


def main() -> None:
    if sys.argv[1] == "--topics":
        run_topics()
        return
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
            schemas[name] = Draft202012Validator(schema, format_checker=FORMATS)
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
