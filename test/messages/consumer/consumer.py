"""A consumer of the generated Python package: TypedDicts, validators, parse_*, verify."""

from collections.abc import Mapping

from client_api import Topic
from client_api.messages import (
    HelloPayload,
    ModelBufferType,
    ModelEncoding,
    ModelExchangeFormat,
    ModelNativeFormat,
    PayloadValidationError,
    parse_payload,
    validate_payload,
    verify_payload,
)


class DXO:
    """Stands in for the framework's DXO: data plus a meta mapping."""

    def __init__(self, data: object, meta: Mapping[str, object]) -> None:
        """Hold the data and its meta."""
        self.data = data
        self.meta = meta


def main() -> None:
    """Use the package the way a trainer would."""
    hello: HelloPayload = {
        "session_id": "s1",
        "job_id": "j1",
        "site_name": "site-1",
        "trainer_fqcn": "site-1.t",
        "rank": 0,
        "protocol_version": 1,
    }
    print("hello issues:", validate_payload(Topic.HELLO, hello))
    for issue in validate_payload(Topic.HELLO, {**hello, "rank": True}):
        print(issue.code, list(issue.path), issue.message)
    try:
        parse_payload(Topic.HELLO_PROOF, [])
    except PayloadValidationError as error:
        print("PayloadValidationError", error.issues[0].code)
    try:
        parse_payload(Topic.HELLO_PROOF, {"proof": 1})
    except ValueError as error:
        print("ValueError:", error)

    meta = {
        ModelExchangeFormat.MODEL_BUFFER_TYPE: ModelBufferType.EXECUTORCH,
        ModelExchangeFormat.MODEL_BUFFER_NATIVE_FORMAT: ModelNativeFormat.BINARY,
        ModelExchangeFormat.MODEL_BUFFER_ENCODING: ModelEncoding.BASE64,
    }
    verify_payload(DXO(b"...", meta), expected_type=ModelBufferType.EXECUTORCH)
    verify_payload({"data": b"...", "meta": meta}, expected_encoding="")
    try:
        verify_payload(DXO(b"...", meta), expected_type=ModelBufferType.PYTORCH)
    except ValueError as error:
        print("ValueError:", error)


if __name__ == "__main__":
    main()
