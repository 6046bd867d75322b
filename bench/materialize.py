"""Time and memory to turn 100,000 task rows of JSON into models, against
``json.loads`` of the same bytes.

    .venv/bin/python bench/materialize.py [--rows 100000] [--rounds 5] [--json]

The rows are copies of one real task row read from the local Kitsu (so every
field has the server's shape), each with its own id. Both sides start from the
same bytes; the model side is ``Repository.decode_list``, the path every list
load takes (parse, materialise, identity map). Each round times every side once,
in turn; times are medians over the rounds and the ratio is the median of each
round's own ratio (this 2-CPU VM drifts in speed by 20% or more within a
minute). Memory is what tracemalloc sees held once the result exists, in a
separate run.
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


def timed(func: Callable[[], Any]) -> float:
    gc.collect()
    started = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - started
    del result
    return seconds


def held_mib(func: Callable[[], Any]) -> float:
    """MiB tracemalloc sees held by ``func``'s result."""
    gc.collect()
    tracemalloc.start()
    result = func()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return held / 2**20


def paired_rounds(funcs: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[float]]:
    """Each function timed once per round, in turn: a machine that slows
    down or speeds up mid-run (a shared VM) moves both sides of a ratio."""
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(rounds):
        for name, func in funcs.items():
            times[name].append(timed(func))
    return times


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

    times = paired_rounds({"loads": plain, "paused": plain_no_gc, "models": models}, args.rounds)
    loads_time, paused_time, model_time = (statistics.median(times[k]) for k in ("loads", "paused", "models"))
    # Ratios are medians of each round's own ratio (paired samples).
    time_ratio = statistics.median(m / p for m, p in zip(times["models"], times["loads"]))
    paused_ratio = statistics.median(m / p for m, p in zip(times["models"], times["paused"]))
    loads_mem, model_mem = held_mib(plain), held_mib(models)
    if args.json:
        print(json.dumps({
            "rows": args.rows, "payload_mib": len(payload) / 2**20, "rounds": args.rounds,
            "loads_seconds": loads_time, "loads_mib": loads_mem, "loads_gc_paused_seconds": paused_time,
            "models_seconds": model_time, "models_mib": model_mem,
            "time_ratio": time_ratio, "memory_ratio": model_mem / loads_mem,
            "time_ratio_gc_paused": paused_ratio,
            "time_ratios_per_round": [m / p for m, p in zip(times["models"], times["loads"])],
        }))
        return
    print(f"{args.rows:,} task rows, {len(payload) / 2**20:.1f} MiB of JSON")
    print(f"{'':<22}{'time':>10}{'held':>12}")
    print(f"{'json.loads':<22}{loads_time * 1000:>8.0f}ms{loads_mem:>9.0f}MiB")
    print(f"{'kitsu_models Task':<22}{model_time * 1000:>8.0f}ms{model_mem:>9.0f}MiB")
    print(f"{'ratio':<22}{time_ratio:>9.2f}x{model_mem / loads_mem:>10.2f}x   (median of per-round ratios)")
    # Our path pauses the garbage collector; so can a caller of json.loads.
    print(f"{'json.loads, GC paused':<22}{paused_time * 1000:>8.0f}ms   (models: {paused_ratio:.2f}x this)")


if __name__ == "__main__":
    main()
