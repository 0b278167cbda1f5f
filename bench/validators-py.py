"""The Python validators against their anchors, and the cost of importing the constants.

Usage: python3 bench/validators-py.py [--messages N] [--runs R] [--import-runs K]

On one mixed batch of seed-protocol payloads (half of them invalid, built from a fixed seed):
the generated ``validate_payload``, a hand-written check of the same rules (what a team writes
without a generator: ``isinstance`` checks and an error list per topic), pydantic 2 (strict
models, one per topic) and jsonschema (the generated schema, one compiled validator per topic).
Every validator's verdict is checked equal to the generated one on every message before any
timing counts. Each run times every validator once over the whole batch, in a rotating order;
the figures are medians over the runs, and each ratio is the median of the per-run ratios.

Then imports: a bare interpreter against one that imports ``<package>.defs`` (bytecode cached,
medians of paired runs), and whether that import pulled in the validators.

Prints one JSON line per measurement, then a readable table.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
PYTHON_DIR = ROOT / "generated" / "python"
SCHEMA = ROOT / "generated" / "schema" / "messages.schema.json"
sys.path.insert(0, str(PYTHON_DIR))

from client_api import defs, messages  # noqa: E402

MsgKey = defs.MsgKey
Topic = defs.Topic

# ---------------------------------------------------------------------------------------------
# The batch.

ENCODINGS = {"binary": ["base64", "hex"], "string": ["utf8", "ascii", "none"]}


def valid_payload(topic: str, rng: random.Random) -> dict[str, Any]:
    n = rng.randrange(1_000_000)
    if topic == Topic.HELLO:
        return {
            "session_id": f"s-{n}",
            "job_id": f"job-{n % 97}",
            "site_name": f"site-{n % 13}",
            "trainer_fqcn": f"site-{n % 13}.trainer",
            "rank": n % 8,
            "protocol_version": 1,
        }
    if topic in (Topic.HELLO_CHALLENGE,):
        return {"nonce": f"{n:032x}"}
    if topic == Topic.HELLO_PROOF:
        return {"proof": f"{n * 7:064x}"}
    if topic in (Topic.HELLO_REJECTED, Topic.RESULT_REJECTED, Topic.ERROR):
        return {"reason": "protocol version mismatch"}
    if topic == Topic.TASK_READY:
        return {
            "task_id": f"t-{n}",
            "task_name": "train",
            "model": {"weights": [0.5, 1.5], "version": n % 50},
            "params": {"lr": 0.01, "epochs": 3},
        }
    if topic == Topic.RESULT_READY:
        return {"result_id": f"r-{n}", "manifest": {"files": ["a.bin"], "size": n}}
    return {}


def break_payload(topic: str, payload: dict[str, Any], rng: random.Random) -> object:
    """One realistic mistake: a wrong type, a missing key, or no object at all."""
    keys = list(payload)
    choice = rng.randrange(4)
    if choice == 0 or not keys:
        return rng.choice([None, [payload], "text", 7])
    key = rng.choice(keys)
    broken = dict(payload)
    if choice == 1:
        del broken[key]
        return broken
    value = broken[key]
    broken[key] = 3 if isinstance(value, str) else True if isinstance(value, int) else "x"
    if key in (MsgKey.MANIFEST, MsgKey.PARAMS, MsgKey.MODEL):
        del broken[key]  # any-typed: only a missing key is a mistake
    return broken


def mixed_batch(count: int, seed: int) -> list[tuple[str, object]]:
    rng = random.Random(seed)
    topics = [t for t in messages.PAYLOAD_BY_TOPIC]
    weights = [8 if t in (Topic.HELLO, Topic.TASK_READY, Topic.RESULT_READY) else 1 for t in topics]
    batch: list[tuple[str, object]] = []
    for i in range(count):
        topic = rng.choices(topics, weights)[0]
        payload = valid_payload(topic, rng)
        batch.append((topic, payload if i % 2 == 0 else break_payload(topic, payload, rng)))
    return batch


# ---------------------------------------------------------------------------------------------
# The hand-written check: what a team writes by hand for the same rules, reporting the same
# issues (path, code, message) as plain tuples; checked equal to the generated issues.


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "an integer" if value.is_integer() else "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _need_str(p: dict, key: str, errors: list) -> None:
    if key not in p:
        errors.append(((key,), "missing_key", f'missing required key "{key}"'))
    elif not isinstance(p[key], str):
        errors.append(((key,), "wrong_type", f"expected a string, got {_kind(p[key])}"))


def _need_int(p: dict, key: str, errors: list) -> None:
    if key not in p:
        errors.append(((key,), "missing_key", f'missing required key "{key}"'))
    else:
        v = p[key]
        if isinstance(v, bool) or not isinstance(v, int):
            errors.append(((key,), "wrong_type", f"expected an integer, got {_kind(v)}"))


def _need(p: dict, key: str, errors: list) -> None:
    if key not in p:
        errors.append(((key,), "missing_key", f'missing required key "{key}"'))


def hand_hello(p: dict, errors: list) -> None:
    for key in ("session_id", "job_id", "site_name", "trainer_fqcn"):
        _need_str(p, key, errors)
    _need_int(p, "rank", errors)
    _need_int(p, "protocol_version", errors)


def hand_task_ready(p: dict, errors: list) -> None:
    _need_str(p, "task_id", errors)
    _need_str(p, "task_name", errors)
    _need(p, "model", errors)
    _need(p, "params", errors)


def hand_result_ready(p: dict, errors: list) -> None:
    _need_str(p, "result_id", errors)
    _need(p, "manifest", errors)


def _one_string(key: str) -> Callable[[dict, list], None]:
    return lambda p, errors: _need_str(p, key, errors)


HAND_CHECKS: dict[str, Callable[[dict, list], None]] = {
    Topic.HELLO: hand_hello,
    Topic.HELLO_CHALLENGE: _one_string("nonce"),
    Topic.HELLO_PROOF: _one_string("proof"),
    Topic.HELLO_REJECTED: _one_string("reason"),
    Topic.RESULT_REJECTED: _one_string("reason"),
    Topic.ERROR: _one_string("reason"),
    Topic.TASK_READY: hand_task_ready,
    Topic.RESULT_READY: hand_result_ready,
}


def hand_validate(topic: str, payload: object) -> list:
    if not isinstance(payload, dict):
        return [((), "not_object", f"expected an object, got {_kind(payload)}")]
    errors: list = []
    check = HAND_CHECKS.get(topic)
    if check is not None:
        check(payload, errors)
    return errors


# ---------------------------------------------------------------------------------------------
# pydantic 2 and jsonschema.


def pydantic_validators() -> Optional[dict[str, Callable[[object], bool]]]:
    try:
        from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, ValidationError
    except ImportError:
        return None

    class Strict(BaseModel):
        model_config = ConfigDict(strict=True, extra="allow")

    class Hello(Strict):
        session_id: StrictStr
        job_id: StrictStr
        site_name: StrictStr
        trainer_fqcn: StrictStr
        rank: StrictInt
        protocol_version: StrictInt

    class TaskReady(Strict):
        task_id: StrictStr
        task_name: StrictStr
        model: Any
        params: Any

    class ResultReady(Strict):
        result_id: StrictStr
        manifest: Any

    class Nonce(Strict):
        nonce: StrictStr

    class Proof(Strict):
        proof: StrictStr

    class Reason(Strict):
        reason: StrictStr

    class Empty(Strict):
        pass

    models = {
        Topic.HELLO: Hello,
        Topic.HELLO_CHALLENGE: Nonce,
        Topic.HELLO_PROOF: Proof,
        Topic.HELLO_REJECTED: Reason,
        Topic.RESULT_REJECTED: Reason,
        Topic.ERROR: Reason,
        Topic.TASK_READY: TaskReady,
        Topic.RESULT_READY: ResultReady,
    }

    def verdict(model: Any) -> Callable[[object], bool]:
        validate = model.model_validate

        def run(payload: object) -> bool:
            try:
                validate(payload)
            except ValidationError:
                return False
            return True

        return run

    return {t: verdict(models.get(t, Empty)) for t in messages.PAYLOAD_BY_TOPIC}


def jsonschema_validators() -> Optional[dict[str, Callable[[object], bool]]]:
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        return None
    bundle = json.loads(SCHEMA.read_text(encoding="utf-8"))
    out: dict[str, Callable[[object], bool]] = {}
    for topic, typed_dict in messages.PAYLOAD_BY_TOPIC.items():
        out[topic] = Draft202012Validator({**bundle, "$ref": f"#/$defs/{typed_dict.__name__}"}).is_valid
    return out


# ---------------------------------------------------------------------------------------------
# Timing.


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def validators(batch: list[tuple[str, object]]) -> dict[str, Callable[[], object]]:
    validate_payload = messages.validate_payload

    def generated() -> object:
        return [not validate_payload(t, p) for t, p in batch]

    def hand() -> object:
        return [not hand_validate(t, p) for t, p in batch]

    runs: dict[str, Callable[[], object]] = {"generated validate_payload": generated, "hand-written check": hand}
    pyd = pydantic_validators()
    if pyd is not None:
        runs["pydantic 2 (strict)"] = lambda: [pyd[t](p) for t, p in batch]
    schema = jsonschema_validators()
    if schema is not None:
        runs["jsonschema"] = lambda: [schema[t](p) for t, p in batch]
    return runs


def import_cost(runs: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(PYTHON_DIR)}
    probe = "import sys, client_api.defs; print('client_api.messages' in sys.modules)"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True)  # bytecode
    pulled = subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True).stdout.strip()
    bare, defs_import = [], []
    for _ in range(runs):
        bare.append(timed(lambda: subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)))
        defs_import.append(timed(lambda: subprocess.run([sys.executable, "-c", "import client_api.defs"], env=env, check=True)))
    return {
        "bare_ms": statistics.median(bare) * 1000,
        "defs_ms": statistics.median(defs_import) * 1000,
        "over_bare_ms": statistics.median(d - b for d, b in zip(defs_import, bare)) * 1000,
        "imports_validators": pulled == "True",
    }


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--import-runs", type=int, default=21)
    args = parser.parse_args()
    batch = mixed_batch(args.messages, seed=20251201)
    runs = validators(batch)
    expected = runs["generated validate_payload"]()
    invalid = sum(1 for ok in expected if not ok)
    for topic, payload in batch:
        generated_issues = [tuple(i) for i in messages.validate_payload(topic, payload)]
        if generated_issues != hand_validate(topic, payload):
            raise SystemExit(f"hand-written check: other issues for {topic} {payload!r}")
    for name, run in runs.items():
        verdicts = run()
        wrong = [i for i, (a, b) in enumerate(zip(verdicts, expected)) if a != b]
        if wrong:
            topic, payload = batch[wrong[0]]
            raise SystemExit(f"{name}: {len(wrong)} verdicts differ, first {topic} {payload!r}")
    print(json.dumps({"measure": "batch", "messages": len(batch), "invalid": invalid, "verdicts_equal": True, "load": load()}))
    times: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    for r in range(args.runs):
        for name in names[r % len(names):] + names[: r % len(names)]:
            times[name].append(timed(runs[name]))
    generated = times["generated validate_payload"]
    rows = []
    for name, seconds in times.items():
        ratio = statistics.median(o / g for g, o in zip(generated, seconds))
        row = {
            "measure": "validators",
            "validator": name,
            "median_s": statistics.median(seconds),
            "msg_per_s": len(batch) / statistics.median(seconds),
            "generated_speed_ratio": ratio,
            "runs": len(seconds),
        }
        rows.append(row)
        print(json.dumps(row))
    imports = import_cost(args.import_runs)
    print(json.dumps({"measure": "import", "module": "client_api.defs", **imports, "runs": args.import_runs}))
    print(json.dumps({"measure": "load", "load": load()}))
    print()
    print(f"Python validators, {len(batch):,} messages ({invalid:,} invalid), medians of {args.runs} runs, load {load()}")
    print(f"{'validator':<30} {'msg/s':>12} {'generated is':>14}")
    for row in rows:
        print(f"{row['validator']:<30} {row['msg_per_s']:>12,.0f} {row['generated_speed_ratio']:>13.2f}x")
    target = next(r for r in rows if r["validator"] == "hand-written check")["generated_speed_ratio"]
    print(f"target: generated >= 0.8x the hand-written check: {'met' if target >= 0.8 else 'NOT met'} ({target:.2f}x)")
    print(
        f"import client_api.defs: {imports['defs_ms']:.1f} ms, bare interpreter {imports['bare_ms']:.1f} ms, "
        f"over bare {imports['over_bare_ms']:.2f} ms (target <= 1 ms: {'met' if imports['over_bare_ms'] <= 1 else 'NOT met'}); "
        f"imports the validators: {imports['imports_validators']}"
    )


if __name__ == "__main__":
    main()
