"""Judges values with jsonschema (Draft 2020-12) against given schemas; prints the verdicts.

Usage: run_schema.py CASES_FILE

CASES_FILE holds {"schemas": [schema, ...], "cases": [{"schema": index, "json": text}, ...]}.
Prints a JSON list of booleans, one per case: whether the value is valid.

`format` is asserted (in 2020-12 it is an annotation unless the validator is told to check it):
jsonschema's own checkers, and for `uri`, which jsonschema checks only with an optional package,
the pattern of the validation semantics table.
"""

import json
import re
import sys

from jsonschema import Draft202012Validator, FormatChecker

URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]*", re.ASCII)

checker = FormatChecker()


@checker.checks("uri")
def is_uri(value: object) -> bool:
    return not isinstance(value, str) or URI.fullmatch(value) is not None


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        document = json.load(f)
    validators = [Draft202012Validator(s, format_checker=checker) for s in document["schemas"]]
    for v in validators:
        Draft202012Validator.check_schema(v.schema)
    verdicts = [validators[c["schema"]].is_valid(json.loads(c["json"])) for c in document["cases"]]
    json.dump(verdicts, sys.stdout)


main()
