"""The generated messages module, tested from Python as the hand-written one was used.

Expectations are written here from the seed module and the validation semantics table, not
read from the spec: verify_payload's signature, checks, order, messages and ValueErrors;
Python-only number cases (bool is an int, NaN and infinities, big ints, 1.0); TypedDict
required and optional keys; the raising parse_* variants.
"""

import inspect
import json
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "generated" / "python"))

from client_api.messages import (  # noqa: E402
    HelloPayload,
    ModelBufferType,
    ModelEncoding,
    ModelExchangeFormat,
    ModelExchangeMeta,
    ModelNativeFormat,
    PayloadValidationError,
    ValidationIssue,
    parse_model_exchange_meta,
    parse_payload,
    validate_hello_payload,
    validate_model_exchange_meta,
    validate_payload,
    verify_payload,
)

GOOD_META = {
    "model_buffer_type": "executorch",
    "model_buffer_native_format": "binary",
    "model_buffer_encoding": "base64",
}

HELLO = {
    "session_id": "s",
    "job_id": "j",
    "site_name": "site",
    "trainer_fqcn": "site.t",
    "rank": 0,
    "protocol_version": 1,
}


class DXO:
    """Stands in for nvflare.apis.dxo.DXO: an object with data and a meta dict."""

    def __init__(self, data, meta):
        self.data = data
        self.meta = meta


def codes(issues):
    return [(list(i.path), i.code) for i in issues]


# verify_payload: the seed's behaviour


def test_verify_payload_signature_is_the_seeds():
    params = inspect.signature(verify_payload).parameters
    assert list(params) == [
        "task_dxo",
        "expected_type",
        "expected_format",
        "expected_encoding",
    ]
    assert [p.default for p in list(params.values())[1:]] == [None, None, None]


def test_verify_payload_accepts_a_dxo_and_a_mapping_holding_meta():
    verify_payload(DXO(b"x", dict(GOOD_META)), expected_type=ModelBufferType.EXECUTORCH)
    verify_payload(
        {"data": b"x", "meta": dict(GOOD_META)}, "executorch", "binary", "base64"
    )


@pytest.mark.parametrize(
    "container", [None, 42, "meta", {"data": 1}, DXO(b"", None), DXO(b"", [1])]
)
def test_verify_payload_rejects_what_holds_no_meta(container):
    with pytest.raises(ValueError, match=r"^task_dxo must be a DXO$"):
        verify_payload(container)


def test_missing_fields_are_reported_in_the_seeds_order():
    with pytest.raises(
        ValueError, match=r"^Missing required field: model_buffer_type$"
    ):
        verify_payload(DXO(b"", {}))
    meta = dict(GOOD_META)
    del meta["model_buffer_encoding"]
    with pytest.raises(
        ValueError, match=r"^Missing required field: model_buffer_encoding$"
    ):
        verify_payload(DXO(b"", meta))


def test_model_version_is_not_required_by_verify():
    verify_payload(DXO(b"", dict(GOOD_META)))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"expected_type": "pytorch"}, "Expected model type pytorch, got executorch"),
        ({"expected_format": "string"}, "Expected native format string, got binary"),
        ({"expected_encoding": "hex"}, "Expected encoding hex, got base64"),
    ],
)
def test_mismatches_use_the_seeds_messages(kwargs, message):
    with pytest.raises(ValueError) as raised:
        verify_payload(DXO(b"", dict(GOOD_META)), **kwargs)
    assert str(raised.value) == message


def test_type_is_checked_before_format_and_encoding():
    with pytest.raises(ValueError, match="model type"):
        verify_payload(DXO(b"", dict(GOOD_META)), "pytorch", "string", "hex")


def test_falsy_expected_values_are_not_checked():
    verify_payload(DXO(b"", dict(GOOD_META)), expected_type="", expected_format=None)


def test_verify_does_not_check_combinations_but_the_validator_does():
    meta = {**GOOD_META, "model_buffer_encoding": "utf8"}
    verify_payload(DXO(b"", meta))
    assert codes(validate_model_exchange_meta(meta)) == [
        (["model_buffer_encoding"], "rule_violated")
    ]


def test_enums_and_keys_come_from_the_messages_module_like_the_seed():
    assert ModelBufferType.EXECUTORCH == "executorch"
    assert ModelNativeFormat.STRING == "string"
    assert ModelEncoding.NONE == "none"
    assert ModelExchangeFormat.MODEL_VERSION == "model_version"


# Validators: Python-specific values


@pytest.mark.parametrize(
    "rank", [True, False, 1.5, math.nan, math.inf, -math.inf, 10**400, "1", None]
)
def test_int_rejects_booleans_fractions_non_finite_and_huge(rank):
    assert codes(validate_hello_payload({**HELLO, "rank": rank})) == [
        (["rank"], "wrong_type")
    ]


@pytest.mark.parametrize("rank", [1.0, -2, 2**63, 1e21])
def test_int_accepts_integral_numbers(rank):
    assert validate_hello_payload({**HELLO, "rank": rank}) == []


def test_json_text_gives_the_same_verdict_as_in_javascript():
    assert (
        validate_hello_payload(
            json.loads(
                '{"session_id":"s","job_id":"j","site_name":"x",'
                '"trainer_fqcn":"t","rank":1.0,"protocol_version":1}'
            )
        )
        == []
    )
    text = '{"session_id":"s","job_id":"j","site_name":"x","trainer_fqcn":"t","rank":1e400,"protocol_version":1}'
    assert codes(validate_hello_payload(json.loads(text))) == [(["rank"], "wrong_type")]


@pytest.mark.parametrize("value", [None, [], [HELLO], "x", 3, True, (1, 2)])
def test_non_objects(value):
    issues = validate_payload("client_api.hello", value)
    assert codes(issues) == [([], "not_object")]


def test_prototype_names_are_ordinary_keys():
    payload = {**HELLO, "__proto__": {}, "constructor": 1, "toString": "x"}
    assert validate_hello_payload(payload) == []
    assert codes(validate_hello_payload({"__proto__": HELLO})) == [
        ([key], "missing_key") for key in HELLO
    ]


def test_messages():
    issues = validate_model_exchange_meta(
        {**GOOD_META, "model_buffer_type": "jax", "model_buffer_encoding": 3}
    )
    assert [i.message for i in issues] == [
        'expected one of "executorch", "pytorch", got "jax"',
        'expected one of "base64", "hex", "utf8", "ascii", "none", got an integer',
    ]


@pytest.mark.parametrize(
    "topic", ["client_api.nope", "", "CLIENT_API.HELLO", "__proto__", "constructor"]
)
def test_unknown_topic_is_an_issue_not_an_exception(topic):
    assert validate_payload(topic, HELLO) == [
        ValidationIssue((), "unknown_topic", f"unknown topic {json.dumps(topic)}")
    ]
    with pytest.raises(PayloadValidationError) as raised:
        parse_payload(topic, HELLO)
    assert [i.code for i in raised.value.issues] == ["unknown_topic"]
    assert str(raised.value) == f"value: unknown topic {json.dumps(topic)}"


# TypedDicts and parse_*


def test_typed_dict_keys():
    assert HelloPayload.__required_keys__ == frozenset(HELLO)
    assert ModelExchangeMeta.__required_keys__ == frozenset(GOOD_META)
    assert ModelExchangeMeta.__optional_keys__ == frozenset({"model_version"})


def test_parse_returns_the_value_or_raises_a_value_error_listing_every_issue():
    meta = {**GOOD_META, "model_version": 3}
    assert parse_model_exchange_meta(meta) is meta
    with pytest.raises(PayloadValidationError) as raised:
        parse_model_exchange_meta({"model_buffer_type": 1})
    assert isinstance(raised.value, ValueError)
    assert [i.code for i in raised.value.issues] == [
        "wrong_type",
        "missing_key",
        "missing_key",
    ]


@pytest.mark.parametrize(
    ("topic", "described"),
    [
        (["client_api.hello"], "an array"),
        ({"topic": "client_api.hello"}, "an object"),
        ({"client_api.hello"}, "set"),
        (None, "null"),
        (7, "an integer"),
        (True, "a boolean"),
        (b"client_api.hello", "bytes"),
    ],
)
def test_a_topic_that_is_no_string_is_an_issue_not_an_exception(topic, described):
    # Unhashable topics (a list, a dict, a set) must not reach a dict lookup.
    assert validate_payload(topic, HELLO) == [
        ValidationIssue(
            (), "unknown_topic", f"unknown topic: expected a string, got {described}"
        )
    ]
    with pytest.raises(PayloadValidationError) as raised:
        parse_payload(topic, HELLO)
    assert [i.code for i in raised.value.issues] == ["unknown_topic"]
