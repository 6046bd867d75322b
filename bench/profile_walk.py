"""Where the plain walk's time goes: each request's server time, and the client's CPU by function.

    .venv/bin/python bench/profile_walk.py --project-id ID [--top 15]

Runs the naive walk of bench/walk.py once (models imported before, as there), printing every request with
its time as the transport logs it, then the walk's wall time, the client's CPU time, and cProfile's top
functions by own CPU time (a profile of the client alone: the server's work shows as time in
``recv_into``). Run it on a quiet machine; the numbers are one walk's, not medians.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from seed import load_env  # noqa: E402


def walk(kitsu: object, project_id: str) -> int:
    """The naive walk (bench/walk.py's rows, without the digest): how many tasks it saw."""
    seen = 0
    project = kitsu.projects.get(project_id)  # type: ignore[attr-defined]
    assets, shots = project.assets, project.shots  # both lists first, as bench/walk.py reads them
    for asset in assets:
        asset.asset_type.name
        for task in asset.tasks:
            task.task_type.name, task.task_status.short_name, [p.full_name for p in task.assignees]
            seen += 1
    for shot in shots:
        shot.sequence.episode
        for task in shot.tasks:
            task.task_type.name, task.task_status.short_name, [p.full_name for p in task.assignees]
            seen += 1
        shot.casting
    return seen


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project-id", required=True)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    load_env()
    import kitsu_models.models  # noqa: F401  (imports are not the walk's, as in bench/walk.py)
    from kitsu_models import Kitsu

    kitsu = Kitsu.login(os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
    logging.basicConfig(format="  %(relativeCreated)7.0f ms  %(message)s")
    logging.getLogger("kitsu_models.http").setLevel(logging.DEBUG)
    kitsu.transport.requests_sent = 0
    profile = cProfile.Profile(time.process_time)
    started, cpu = time.perf_counter(), time.process_time()
    profile.enable()
    seen = walk(kitsu, args.project_id)
    profile.disable()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{seen} tasks, {kitsu.transport.requests_sent} requests; wall {wall:.3f} s, client CPU {cpu:.3f} s "
          "(profiled: both inflated by cProfile)")
    pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
