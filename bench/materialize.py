"""Time and memory to turn 100,000 task rows of JSON into models, against
``json.loads`` of the same bytes.

    .venv/bin/python bench/materialize.py [--rows 100000] [--rounds 5] [--json]

The rows are copies of one real task row read from the local Kitsu (so every
field has the server's shape), each with its own id. Both sides start from the
same bytes; the model side is ``Repository.decode_list``, the path every list
load takes (parse, materialise, identity map). Time is the median of several rounds (no tracing);
memory is what tracemalloc sees held once the result exists, in a separate run.
Since the model path pauses the garbage collector during the load, json.loads
is also timed with the collector paused, for a like-for-like reading.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
import tracemalloc
import uuid
from datetime import datetime, timedelta
from typing import Any, Callable

from kitsu_models import Kitsu
from kitsu_models.gcpause import paused_gc


def sample_row(kitsu: Kitsu) -> dict[str, Any]:
    """One real task row, as a project's task list sends it."""
    for project in kitsu.projects.all():
        rows = kitsu.transport.get(f"data/projects/{project.id}/tasks")
        if rows:
            return dict(rows[0])
    raise SystemExit("no task on the server: run scripts/demo.sh first")


def make_payload(row: dict[str, Any], count: int) -> bytes:
    """``count`` copies of ``row``, each with its own id and its own
    timestamps (so no parse can be shared between rows)."""
    start = datetime(2024, 1, 1)
    rows = []
    for index in range(count):
        copy = dict(row)
        copy["id"] = str(uuid.uuid4())
        copy["created_at"] = (start + timedelta(seconds=37 * index)).isoformat()
        copy["updated_at"] = (start + timedelta(seconds=41 * index + 5)).isoformat()
        rows.append(copy)
    return json.dumps(rows).encode()


def measure(func: Callable[[], Any], rounds: int) -> tuple[float, float]:
    """(median seconds, MiB held by the result)."""
    times = []
    for _ in range(rounds):
        gc.collect()
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
        del result
    gc.collect()
    tracemalloc.start()
    result = func()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return statistics.median(times), held / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON line (for bench/run.py)")
    args = parser.parse_args()
    if not os.environ.get("KITSU_ADMIN_PASSWORD"):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from seed import load_env

        load_env()
    kitsu = Kitsu.login(os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
    payload = make_payload(sample_row(kitsu), args.rows)

    def plain() -> Any:
        return json.loads(payload)

    def plain_no_gc() -> Any:
        with paused_gc():
            return json.loads(payload)

    def models() -> Any:
        session = Kitsu(kitsu.host, tokens=kitsu.tokens)  # a fresh identity map each round
        return session.tasks.decode_list(payload)

    loads_time, loads_mem = measure(plain, args.rounds)
    paused_time, _ = measure(plain_no_gc, args.rounds)
    model_time, model_mem = measure(models, args.rounds)
    if args.json:
        print(json.dumps({
            "rows": args.rows, "payload_mib": len(payload) / 2**20, "rounds": args.rounds,
            "loads_seconds": loads_time, "loads_mib": loads_mem, "loads_gc_paused_seconds": paused_time,
            "models_seconds": model_time, "models_mib": model_mem,
            "time_ratio": model_time / loads_time, "memory_ratio": model_mem / loads_mem,
            "time_ratio_gc_paused": model_time / paused_time,
        }))
        return
    print(f"{args.rows:,} task rows, {len(payload) / 2**20:.1f} MiB of JSON")
    print(f"{'':<22}{'time':>10}{'held':>12}")
    print(f"{'json.loads':<22}{loads_time * 1000:>8.0f}ms{loads_mem:>9.0f}MiB")
    print(f"{'kitsu_models Task':<22}{model_time * 1000:>8.0f}ms{model_mem:>9.0f}MiB")
    print(f"{'ratio':<22}{model_time / loads_time:>9.2f}x{model_mem / loads_mem:>10.2f}x")
    # Our path pauses the garbage collector; so can a caller of json.loads.
    print(f"{'json.loads, GC paused':<22}{paused_time * 1000:>8.0f}ms   (models: {model_time / paused_time:.2f}x this)")


if __name__ == "__main__":
    main()
