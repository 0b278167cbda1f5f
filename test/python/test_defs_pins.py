"""Pin tests for the generated constants, written independently of protocol.yaml.

Every wire value below is copied from the source documents (the Client API Cell
vocabulary pull request and the model-exchange protocol module), not read from the
spec, so a change to the spec that moves a wire value fails here even if every
generated file agrees with the spec.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "generated" / "python"))

import client_api
from client_api import defs

TOPIC_NAMES = [
    "HELLO",
    "HELLO_CHALLENGE",
    "HELLO_PROOF",
    "HELLO_ACCEPTED",
    "HELLO_REJECTED",
    "TASK_READY",
    "TASK_ACCEPTED",
    "TASK_FAILED",
    "RESULT_READY",
    "RESULT_ACCEPTED",
    "RESULT_REJECTED",
    "LOG",
    "HEARTBEAT",
    "ABORT",
    "SHUTDOWN",
    "BYE",
    "ERROR",
]

# The keys the sequence diagram shows on the messages.
MSG_KEY_NAMES = [
    "SESSION_ID",
    "JOB_ID",
    "SITE_NAME",
    "TRAINER_FQCN",
    "RANK",
    "PROTOCOL_VERSION",
    "NONCE",
    "PROOF",
    "REASON",
    "TASK_ID",
    "TASK_NAME",
    "MODEL",
    "PARAMS",
    "RESULT_ID",
    "MANIFEST",
]

MODEL_BUFFER_TYPE = {"EXECUTORCH": "executorch", "PYTORCH": "pytorch"}
MODEL_NATIVE_FORMAT = {"BINARY": "binary", "STRING": "string"}
MODEL_ENCODING = {
    "BASE64": "base64",
    "HEX": "hex",
    "UTF8": "utf8",
    "ASCII": "ascii",
    "NONE": "none",
}
MODEL_EXCHANGE_FORMAT = {
    "MODEL_BUFFER_TYPE": "model_buffer_type",
    "MODEL_BUFFER_NATIVE_FORMAT": "model_buffer_native_format",
    "MODEL_BUFFER_ENCODING": "model_buffer_encoding",
    "MODEL_VERSION": "model_version",
}

LEGACY_CHANNEL = "flare_agent"
LEGACY_TOPICS = {"get_task", "submit_result", "heartbeat", "hello", "bye", "abort"}


def members(cls):
    """The public constants of a class of constants, by name."""
    return {
        name: value for name, value in vars(cls).items() if not name.startswith("_")
    }


def test_channel_and_version():
    assert defs.CHANNEL == "client_api"
    assert defs.PROTOCOL_VERSION == 1
    assert isinstance(defs.PROTOCOL_VERSION, int)
    assert not isinstance(defs.PROTOCOL_VERSION, bool)


def test_every_topic_wire_value():
    expected = {name: "client_api." + name.lower() for name in TOPIC_NAMES}
    assert members(defs.Topic) == expected


def test_topic_values_are_prefixed_and_unique():
    values = list(members(defs.Topic).values())
    assert len(values) == len(set(values)) == 17
    assert all(v.startswith("client_api.") for v in values)


def test_every_msg_key_wire_value():
    expected = {name: name.lower() for name in MSG_KEY_NAMES}
    assert members(defs.MsgKey) == expected


def test_msg_key_values_are_unique():
    values = list(members(defs.MsgKey).values())
    assert len(values) == len(set(values)) == 15


def test_model_exchange_protocol_values():
    assert members(defs.ModelBufferType) == MODEL_BUFFER_TYPE
    assert members(defs.ModelNativeFormat) == MODEL_NATIVE_FORMAT
    assert members(defs.ModelEncoding) == MODEL_ENCODING
    assert members(defs.ModelExchangeFormat) == MODEL_EXCHANGE_FORMAT


def test_no_collision_with_the_legacy_channel_and_topics():
    assert defs.CHANNEL != LEGACY_CHANNEL
    topics = set(members(defs.Topic).values())
    assert not topics & LEGACY_TOPICS
    assert LEGACY_CHANNEL not in topics


def test_docstrings_present():
    assert defs.__doc__ and defs.__doc__.strip()
    assert client_api.__doc__ and client_api.__doc__.strip()
    classes = [
        defs.Topic,
        defs.MsgKey,
        defs.ModelBufferType,
        defs.ModelNativeFormat,
        defs.ModelEncoding,
        defs.ModelExchangeFormat,
    ]
    for cls in classes:
        assert cls.__doc__ and cls.__doc__.strip(), cls.__name__


def test_package_reexports_the_constants():
    names = ["CHANNEL", "PROTOCOL_VERSION", "Topic", "MsgKey", "ModelBufferType"]
    names += ["ModelNativeFormat", "ModelEncoding", "ModelExchangeFormat"]
    for name in names:
        assert getattr(client_api, name) is getattr(defs, name)
        assert name in client_api.__all__
    assert sorted(set(client_api.__all__)) == sorted(client_api.__all__)


def test_defs_is_pure_constants():
    source = Path(defs.__file__).read_text(encoding="utf-8")
    assert "\nimport " not in source
    assert "\nfrom " not in source
