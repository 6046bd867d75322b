"""Scenarios 2, 3 and 6 written against kitsu_models, run in a subprocess by
bench/run.py (scenario 1 is bench/walk.py's child; 4 is materialize.py).

    python bench/scenarios_ours.py --scenario mytasks --mode naive|prefetch
    python bench/scenarios_ours.py --scenario bulk --mode seq|threads|batch --ids FILE --status wip --text TEXT
    python bench/scenarios_ours.py --scenario repeat --project-id ID

Credentials: KITSU_API_URL / KITSU_ADMIN_EMAIL / KITSU_ADMIN_PASSWORD, and for
"mytasks" KITSU_BENCH_USER_EMAIL / KITSU_BENCH_USER_PASSWORD (an artist).
Prints one JSON line: requests, seconds, memory and a digest of what it saw.
"""

from __future__ import annotations

import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import digest, maxrss_mib, scenario_args  # noqa: E402

from kitsu_models import Kitsu  # noqa: E402
from kitsu_models.models import Task  # noqa: E402

THREADS = 8


def login(user: bool = False) -> Kitsu:
    if user:
        return Kitsu.login(os.environ["KITSU_API_URL"], os.environ["KITSU_BENCH_USER_EMAIL"],
                           os.environ["KITSU_BENCH_USER_PASSWORD"])
    return Kitsu.login(os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])


def my_tasks(mode: str) -> dict[str, Any]:
    """The user's open tasks with entity, project, status and last comment."""
    kitsu = login(user=True)
    baseline = maxrss_mib()
    kitsu.transport.requests_sent = 0
    started = time.perf_counter()
    tasks = kitsu.user.tasks_to_do()
    if mode == "prefetch":
        tasks.prefetch("entity", "project", "task_status")
    # The to-do rows carry each task's last comment (Task.last_comment);
    # entity, project and status are typed relations, batched over the list.
    rows = [
        (task.id, task.entity.name, task.project.name, task.task_status.short_name,
         (task.last_comment or {}).get("text") or "")
        for task in tasks
    ]
    return {
        "requests": kitsu.transport.requests_sent, "seconds": time.perf_counter() - started,
        "maxrss_mib": maxrss_mib(), "baseline_mib": baseline, "rows": len(rows), "digest": digest(rows),
    }


def bulk(mode: str, ids_file: str, short_name: str, text: str) -> dict[str, Any]:
    """A comment with a status change on each task of the set."""
    with open(ids_file) as handle:
        ids = json.load(handle)
    kitsu = login()
    baseline = maxrss_mib()
    kitsu.transport.requests_sent = 0
    started = time.perf_counter()
    status = next(s for s in kitsu.task_statuses.all() if s.short_name == short_name)
    found = kitsu.tasks.get_many(ids)
    tasks = [found[i] for i in ids]

    def comment(task: Any) -> str:
        return task.comment(status, text).id

    if mode == "batch":
        comment_ids = Task.comment_many(tasks, status, text).ids()
    elif mode == "threads":
        with ThreadPoolExecutor(THREADS) as pool:
            comment_ids = list(pool.map(comment, tasks))
    else:
        comment_ids = [comment(task) for task in tasks]
    seconds = time.perf_counter() - started
    return {
        "requests": kitsu.transport.requests_sent, "seconds": seconds, "maxrss_mib": maxrss_mib(),
        "baseline_mib": baseline, "rows": len(comment_ids), "per_task_ms": seconds / max(len(tasks), 1) * 1000,
        "digest": digest(ids),
    }


def repeat(project_id: str) -> dict[str, Any]:
    """A project's tasks read twice: the second read revalidates (304)."""
    kitsu = login()
    project = kitsu.projects.get(project_id)
    baseline = maxrss_mib()
    t = kitsu.transport
    t.requests_sent = 0
    started = time.perf_counter()
    first = kitsu.tasks.filter(project=project)
    first_seconds, first_requests = time.perf_counter() - started, t.requests_sent
    started = time.perf_counter()
    second = kitsu.tasks.filter(project=project)
    second_seconds, second_requests = time.perf_counter() - started, t.requests_sent - first_requests
    reused = second is first or (len(first) == len(second) and all(a is b for a, b in zip(first, second)))
    return {
        "first_requests": first_requests, "first_seconds": first_seconds,
        "second_requests": second_requests, "second_seconds": second_seconds,
        "requests": t.requests_sent, "seconds": first_seconds + second_seconds,
        "maxrss_mib": maxrss_mib(), "baseline_mib": baseline, "rows": len(second),
        "digest": digest((task.id, task.task_status_id) for task in second), "reused": reused,
    }


def main() -> int:
    args = scenario_args()
    if args.scenario == "mytasks":
        result = my_tasks(args.mode)
    elif args.scenario == "bulk":
        result = bulk(args.mode, args.ids, args.status, args.text)
    else:
        result = repeat(args.project_id)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
