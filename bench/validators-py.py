"""The Python validators against their anchors, and the cost of importing the constants.

Usage: python3 bench/validators-py.py [--messages N] [--runs R] [--passes P] [--import-runs K]

On one mixed batch of seed-protocol payloads (half of them invalid, built from a fixed seed):
the generated ``validate_payload``, a hand-written check of the same rules (what a team writes
without a generator: ``isinstance`` checks and an error list per topic), pydantic 2 (strict
models, one per topic) and jsonschema (the generated schema, one compiled validator per topic).
Every validator's verdict is checked equal to the generated one on every message before any
timing counts. Each run times every validator over the whole batch (CPU time of the process,
per pass over P passes; jsonschema, some 40 times slower, makes one), in a rotating order; the
figures are medians over the runs, and each ratio is the median of the per-run ratios.

Then imports: what importing ``<package>.defs`` (bytecode cached) costs a bare interpreter, as
the CPU time of the import in the process (median of the runs), and whether it pulled in the
validators.

Prints one JSON line per measurement in the format of bench/validators-ts.mjs (a throughput
line per contender, ``{..., measure: "<name> throughput", msgPerSec}``, then a line per target,
``{..., measure, value, unit, target, met}``), then the same as tables.
"""

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
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
# The hand-written check: what a team writes by hand for the same rules, returning the same
# issues (ValidationIssue: path, code, message); checked equal to the generated ones.

Issue = messages.ValidationIssue


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
        errors.append(Issue((key,), "missing_key", f'missing required key "{key}"'))
    elif not isinstance(p[key], str):
        errors.append(Issue((key,), "wrong_type", f"expected a string, got {_kind(p[key])}"))


def _need_int(p: dict, key: str, errors: list) -> None:
    if key not in p:
        errors.append(Issue((key,), "missing_key", f'missing required key "{key}"'))
    else:
        v = p[key]
        if isinstance(v, bool) or not isinstance(v, int):
            errors.append(Issue((key,), "wrong_type", f"expected an integer, got {_kind(v)}"))


def _need(p: dict, key: str, errors: list) -> None:
    if key not in p:
        errors.append(Issue((key,), "missing_key", f'missing required key "{key}"'))


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
        return [Issue((), "not_object", f"expected an object, got {_kind(payload)}")]
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


def timed(run: Callable[[], object], passes: int) -> float:
    """The CPU time of one pass of ``run``, over ``passes`` passes: on a busy machine wall time
    is mostly waiting for a core, and one pass of the fast contenders (a tenth of a second) is a
    span a stray collection or another process's burst would blur."""
    start = time.process_time()
    for _ in range(passes):
        run()
    return (time.process_time() - start) / passes


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
    # A copy with its bytecode compiled, as an installed package has it.
    copy = Path(tempfile.mkdtemp(prefix="wiredefs-import-"))
    shutil.copytree(PYTHON_DIR / "client_api", copy / "client_api")
    compileall.compile_dir(str(copy), quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(copy)
    probe = "import sys, client_api.defs; print('client_api.messages' in sys.modules)"
    pulled = subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True).stdout.strip()
    # What the import adds to a bare interpreter, in the process itself: CPU time (on a busy
    # machine wall time is mostly waiting for a core), and wall time for reference.
    timer = (
        "import time; c, t = time.process_time(), time.perf_counter(); import client_api.defs; "
        "print(time.process_time() - c, time.perf_counter() - t)"
    )
    cpu, wall = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", timer], env=env, check=True, capture_output=True, text=True).stdout
        c, w = (float(x) for x in out.split())
        cpu.append(c)
        wall.append(w)
    shutil.rmtree(copy)
    return {
        "cpu_ms": statistics.median(cpu) * 1000,
        "wall_ms": statistics.median(wall) * 1000,
        "imports_validators": pulled == "True",
    }


def load() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return -1.0


# The targets, as ratios of the same run: the hand-written check's time (or pydantic's, or
# jsonschema's) over the generated validator's, so above 1 the generated one is faster.
TARGETS = {"hand-written check": 0.8, "pydantic 2 (strict)": 2, "jsonschema": 65}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--import-runs", type=int, default=21)
    parser.add_argument("--passes", type=int, default=5, help="passes over the batch per timing (jsonschema, ~40x slower, makes one)")
    args = parser.parse_args()
    if args.runs < 5:
        raise SystemExit("--runs must be at least 5 (medians of >= 5)")
    if args.passes < 1:
        raise SystemExit("--passes must be at least 1")
    batch = mixed_batch(args.messages, seed=20251201)
    runs = validators(batch)
    expected = runs["generated validate_payload"]()
    valid = sum(1 for ok in expected if ok)
    for topic, payload in batch:
        if messages.validate_payload(topic, payload) != hand_validate(topic, payload):
            raise SystemExit(f"hand-written check: other issues for {topic} {payload!r}")
    for name, run in runs.items():
        verdicts = run()
        wrong = [i for i, (a, b) in enumerate(zip(verdicts, expected)) if a != b]
        if wrong:
            topic, payload = batch[wrong[0]]
            raise SystemExit(f"{name}: {len(wrong)} verdicts differ, first {topic} {payload!r}")
    times: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    for r in range(args.runs):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(timed(runs[name], 1 if name == "jsonschema" else args.passes))
    generated = times["generated validate_payload"]
    base = {
        "bench": "validators-py",
        "spec": "protocol.yaml",
        "messages": len(batch),
        "valid": valid,
        "rounds": args.runs,
        "load": load(),
    }
    rates = {name: len(batch) / statistics.median(seconds) for name, seconds in times.items()}
    rows = []
    for name, seconds in times.items():
        print(json.dumps({**base, "measure": f"{name} throughput", "msgPerSec": round(rates[name])}, ensure_ascii=False))
        if name in TARGETS:
            ratio = statistics.median(o / g for g, o in zip(generated, seconds))
            unit = f"× the speed of {name}"
            rows.append({"measure": f"validate_payload vs {name}", "value": ratio, "unit": unit, "target": f"≥ {TARGETS[name]}", "met": ratio >= TARGETS[name]})
    imports = import_cost(args.import_runs)
    cost = imports["cpu_ms"]
    rows.append({"measure": "import client_api.defs (CPU time over a bare interpreter)", "value": cost, "unit": "ms", "target": "≤ 1", "met": cost <= 1})
    pulled = 1 if imports["imports_validators"] else 0
    rows.append({"measure": "validator modules client_api.defs imports", "value": pulled, "unit": "modules", "target": "≤ 0", "met": pulled == 0})
    for row in rows:
        print(json.dumps({**base, **row, "value": round(row["value"], 3)}, ensure_ascii=False))
    print()
    print(f"Python validators, {len(batch):,} messages ({valid:,} valid), medians of {args.runs} runs, load average {load():.2f}")
    print()
    print("| contender | msg/s (median) |")
    print("| --- | ---: |")
    for name, rate in rates.items():
        print(f"| {name} | {rate:,.0f} |")
    print()
    print("| measure | value | target | met |")
    print("| --- | ---: | ---: | --- |")
    for row in rows:
        print(f"| {row['measure']} | {row['value']:.2f} {row['unit']} | {row['target']} | {'yes' if row['met'] else 'no'} |")
    print(f"(import wall time {imports['wall_ms']:.2f} ms, noisy under load)")


if __name__ == "__main__":
    main()
