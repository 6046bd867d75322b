"""Scenarios 2, 3 and 6 written against the gazu API, run in a subprocess by
bench/run.py. Needs only ``gazu`` and ``requests`` (runs in /opt/gazu-venv,
or against this repository's ``gazu`` package with the repository on
PYTHONPATH).

    python -P bench/scenarios_gazu.py --scenario mytasks --mode td|td-cache|joined
    python -P bench/scenarios_gazu.py --scenario bulk --mode td --ids FILE --status wip --text TEXT
    python -P bench/scenarios_gazu.py --scenario repeat --mode plain|cache --project-id ID

Prints one JSON line (same keys as bench/scenarios_ours.py).
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # gazu_session and harness (stdlib)
from gazu_session import COUNT, gazu, log_in  # noqa: E402  (gazu with every request counted)
from harness import digest, maxrss_mib, scenario_args  # noqa: E402


def my_tasks(mode: str) -> dict[str, Any]:
    log_in(user=True)
    if mode == "td-cache":
        gazu.cache.enable()
    baseline = maxrss_mib()
    COUNT["n"] = 0
    started = time.perf_counter()
    rows = []
    tasks = gazu.user.all_tasks_to_do()
    if mode == "joined":
        # The to-do rows already carry the entity, project and status names
        # and the last comment: no further request.
        for task in tasks:
            last = task.get("last_comment") or {}
            rows.append((task["id"], task["entity_name"], task["project_name"], task["task_status_short_name"],
                         last.get("text") or ""))
    else:
        for task in tasks:
            entity = gazu.entity.get_entity(task["entity_id"])
            project = gazu.project.get_project(task["project_id"])
            status = gazu.task.get_task_status(task["task_status_id"])
            last = gazu.task.get_last_comment_for_task(task)
            rows.append((task["id"], entity["name"], project["name"], status["short_name"],
                         (last or {}).get("text") or ""))
    return {"requests": COUNT["n"], "seconds": time.perf_counter() - started, "maxrss_mib": maxrss_mib(),
            "baseline_mib": baseline, "rows": len(rows), "digest": digest(rows)}


def bulk(ids_file: str, short_name: str, text: str) -> dict[str, Any]:
    with open(ids_file) as handle:
        ids = json.load(handle)
    log_in()
    baseline = maxrss_mib()
    COUNT["n"] = 0
    started = time.perf_counter()
    status = gazu.task.get_task_status_by_short_name(short_name)
    for task_id in ids:
        gazu.task.add_comment(task_id, status, text)
    seconds = time.perf_counter() - started
    return {"requests": COUNT["n"], "seconds": seconds, "maxrss_mib": maxrss_mib(), "baseline_mib": baseline,
            "rows": len(ids), "per_task_ms": seconds / max(len(ids), 1) * 1000,
            "digest": digest(ids)}


def repeat(mode: str, project_id: str) -> dict[str, Any]:
    log_in()
    if mode == "cache":
        gazu.cache.enable()
    project = gazu.project.get_project(project_id)
    baseline = maxrss_mib()
    COUNT["n"] = 0
    started = time.perf_counter()
    first = gazu.task.all_tasks_for_project(project)
    first_seconds, first_requests = time.perf_counter() - started, COUNT["n"]
    started = time.perf_counter()
    second = gazu.task.all_tasks_for_project(project)
    second_seconds, second_requests = time.perf_counter() - started, COUNT["n"] - first_requests
    reused = second is first or (len(first) == len(second) and all(a is b for a, b in zip(first, second)))
    return {
        "first_requests": first_requests, "first_seconds": first_seconds,
        "second_requests": second_requests, "second_seconds": second_seconds,
        "requests": COUNT["n"], "seconds": first_seconds + second_seconds,
        "maxrss_mib": maxrss_mib(), "baseline_mib": baseline, "rows": len(second),
        "digest": digest((task["id"], task["task_status_id"]) for task in second), "reused": reused,
    }


def main() -> int:
    args = scenario_args()
    if args.scenario == "mytasks":
        result = my_tasks(args.mode)
    elif args.scenario == "bulk":
        result = bulk(args.ids, args.status, args.text)
    else:
        result = repeat(args.mode, args.project_id)
    result["gazu_version"] = getattr(gazu, "__version__", "?")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
