"""The committed conformance vectors, run through the committed Python validators.

Each case names its shape; the vectors file maps shapes to the Python validator. The
verdict, codes and paths must be exactly the expected ones.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "generated" / "python"))

from client_api import messages  # noqa: E402

VECTORS = ROOT / "generated" / "schema" / "conformance.json"
DOCUMENT = json.loads(VECTORS.read_text(encoding="utf-8"))


def case_id(case):
    return f"{case['shape']}: {case['description']}"


def test_vectors_cover_every_code():
    found = {error["code"] for case in DOCUMENT["cases"] for error in case["errors"]}
    found |= {
        error["code"] for case in DOCUMENT["topicCases"] for error in case["errors"]
    }
    assert found >= {
        "unknown_topic",
        "not_object",
        "missing_key",
        "wrong_type",
        "not_in_enum",
        "rule_violated",
    }


@pytest.mark.parametrize("case", DOCUMENT["cases"], ids=case_id)
def test_case(case):
    validator = getattr(
        messages, DOCUMENT["shapes"][case["shape"]]["python"]["validator"]
    )
    value = json.loads(case["json"]) if "json" in case else case["input"]
    issues = validator(value)
    assert [{"path": list(i.path), "code": i.code} for i in issues] == case["errors"]
    assert (not issues) == case["valid"]


def topic_case_id(case):
    return case["description"]


@pytest.mark.parametrize("case", DOCUMENT["topicCases"], ids=topic_case_id)
def test_topic_case(case):
    issues = messages.validate_payload(case["topic"], case["input"])
    assert [{"path": list(i.path), "code": i.code} for i in issues] == case["errors"]
    assert (not issues) == case["valid"]
    if case["valid"]:
        assert messages.parse_payload(case["topic"], case["input"]) is case["input"]
    else:
        with pytest.raises(messages.PayloadValidationError) as raised:
            messages.parse_payload(case["topic"], case["input"])
        assert raised.value.issues == issues
