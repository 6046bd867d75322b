"""What pausing the garbage collector buys over bulk loads (kitsu_models.gcpause).

Materialises N task rows (the real server's row shape, from the test
fixtures) into models while N other models are held (a tool that has
loaded a big production), with the pause on and off, in alternating rounds,
and reads a production's tasks from the real server the same two ways when
one is named (``--project-id``, credentials from KITSU_API_URL,
KITSU_ADMIN_EMAIL, KITSU_ADMIN_PASSWORD).

    .venv/bin/python bench/gc_pause.py [--rows 100000] [--rounds 5] [--project-id ID]
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import statistics
import time
import uuid
from pathlib import Path

from kitsu_models import gcpause
from kitsu_models.session import Kitsu

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "real_answers.json"


def rows(count: int) -> bytes:
    sample = json.loads(FIXTURE.read_text())["Task"]["list"]
    many = []
    for _ in range(count):
        row = copy.deepcopy(sample)
        row["id"] = str(uuid.uuid4())
        many.append(row)
    return json.dumps(many).encode()


def timed(load: object, enabled: bool) -> float:
    gcpause.enabled = enabled
    gc.collect()
    started = time.perf_counter()
    load()  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--project-id")
    args = parser.parse_args()
    body = rows(args.rows)
    held = Kitsu("http://127.0.0.1:1").tasks.decode_list(rows(args.rows))  # a tool that loaded a big production
    cases = {"replayed rows": lambda: Kitsu("http://127.0.0.1:1").tasks.decode_list(body)}
    if args.project_id:
        kitsu = Kitsu.login(os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])

        def read_project() -> None:
            fresh = Kitsu(kitsu.host, tokens=kitsu.tokens)  # no identity map, no ETag cache
            fresh.tasks.filter(project_id=args.project_id).prefetch("task_status", "task_type", "assignees")

        cases["real server, tasks + 3 relations"] = read_project
    print(f"gc pause, {args.rows} rows, {args.rounds} alternating rounds (median seconds)")
    for name, load in cases.items():
        on, off = [], []
        for _ in range(args.rounds):
            on.append(timed(load, True))
            off.append(timed(load, False))
        print(f"  {name:34s} paused {statistics.median(on):.3f}  not paused {statistics.median(off):.3f}  "
              f"ratio {statistics.median(off) / statistics.median(on):.2f}x")
    gcpause.enabled = True
    del held


if __name__ == "__main__":
    main()
