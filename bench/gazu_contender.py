"""The "full production walk" written against the gazu API, run in a
subprocess by bench/walk.py. Needs only ``gazu`` and ``requests``: it runs in
the official gazu's virtualenv (/opt/gazu-venv) or, with the repository on
PYTHONPATH, against this repository's ``gazu`` package.

    python bench/gazu_contender.py --mode td|td-cache|joined --project-id ID [--casting]

Credentials come from KITSU_API_URL / KITSU_ADMIN_EMAIL / KITSU_ADMIN_PASSWORD.
Prints one JSON line: requests, seconds, memory, and digests of what it saw
(so every contender can be checked to read the same production).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

# As a plain `pip install gazu` runs: without aiohttp. The bench's virtualenv
# has gazu's async extra (for bench/async_walk.py), and gazu 1.3.1 imports
# aiohttp whenever it can (9 MiB more before the walk starts).
sys.modules["aiohttp"] = None  # type: ignore[assignment]  (import aiohttp: ImportError)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # gazu_session and harness (stdlib)
from gazu_session import COUNT, gazu, log_in  # noqa: E402  (gazu with every request counted)
from harness import digest, maxrss_mib  # noqa: E402  (VmHWM: ru_maxrss survives fork+exec)


def task_rows(kind: str, prefix: tuple[str, ...], tasks: list[dict[str, Any]], resolve: Any) -> list[tuple[Any, ...]]:
    if not tasks:
        return [(kind, *prefix, "", "", ())]
    rows = []
    for task in tasks:
        task_type, status, names = resolve(task)
        rows.append((kind, *prefix, task_type, status, tuple(sorted(names))))
    return rows


def walk_td(project_id: str, casting: bool) -> tuple[list[Any], list[Any]]:
    """The loop a TD writes: one call per thing it needs."""
    project = gazu.project.get_project(project_id)
    rows: list[Any] = []
    cast: list[Any] = []

    def resolve(task: dict[str, Any]) -> tuple[str, str, list[str]]:
        task_type = gazu.task.get_task_type(task["task_type_id"])
        status = gazu.task.get_task_status(task["task_status_id"])
        if "assignees" not in task:  # data/{assets,shots}/<id>/tasks rows carry no assignees
            task = gazu.task.get_task(task["id"])
        names = [gazu.person.get_person(person_id)["full_name"] for person_id in task["assignees"]]
        return task_type["name"], status["short_name"], names

    for asset in gazu.asset.all_assets_for_project(project):
        asset_type = gazu.asset.get_asset_type(asset["entity_type_id"])
        rows += task_rows("A", (asset_type["name"], asset["name"]), gazu.task.all_tasks_for_asset(asset), resolve)
    for shot in gazu.shot.all_shots_for_project(project):
        sequence = gazu.shot.get_sequence(shot["parent_id"])
        episode = gazu.shot.get_episode(sequence["parent_id"]) if sequence.get("parent_id") else None
        prefix = (episode["name"] if episode else "", sequence["name"], shot["name"])
        rows += task_rows("S", prefix, gazu.task.all_tasks_for_shot(shot), resolve)
        if casting:
            entries = gazu.casting.get_shot_casting(shot)
            cast.append((shot["id"], tuple(sorted((e["asset_id"], e["nb_occurences"]) for e in entries))))
    return rows, cast


def walk_joined(project_id: str, casting: bool) -> tuple[list[Any], list[Any]]:
    """Bulk listings joined by hand with dicts: the fast way with gazu."""
    project = gazu.project.get_project(project_id)
    assets = gazu.asset.all_assets_for_project(project)
    shots = gazu.shot.all_shots_for_project(project)
    sequences = {s["id"]: s for s in gazu.shot.all_sequences_for_project(project)}
    episodes = {e["id"]: e for e in gazu.shot.all_episodes_for_project(project)}
    asset_types = {a["id"]: a for a in gazu.asset.all_asset_types()}
    task_types = {t["id"]: t for t in gazu.task.all_task_types()}
    statuses = {s["id"]: s for s in gazu.task.all_task_statuses()}
    persons = {p["id"]: p for p in gazu.person.all_persons()}
    tasks_by_entity: dict[str, list[dict[str, Any]]] = {}
    for task in gazu.task.all_tasks_for_project(project):
        tasks_by_entity.setdefault(task["entity_id"], []).append(task)

    def resolve(task: dict[str, Any]) -> tuple[str, str, list[str]]:
        names = [persons[p]["full_name"] for p in task["assignees"]]
        return task_types[task["task_type_id"]]["name"], statuses[task["task_status_id"]]["short_name"], names

    rows: list[Any] = []
    for asset in assets:
        prefix = (asset_types[asset["entity_type_id"]]["name"], asset["name"])
        rows += task_rows("A", prefix, tasks_by_entity.get(asset["id"], []), resolve)
    for shot in shots:
        sequence = sequences[shot["parent_id"]]
        episode = episodes.get(sequence.get("parent_id") or "")
        prefix = (episode["name"] if episode else "", sequence["name"], shot["name"])
        rows += task_rows("S", prefix, tasks_by_entity.get(shot["id"], []), resolve)
    cast: list[Any] = []
    if casting:
        by_shot = gazu.casting.get_project_shots_casting(project)
        for shot in shots:
            entries = by_shot.get(shot["id"], [])
            cast.append((shot["id"], tuple(sorted((e["asset_id"], e["nb_occurences"]) for e in entries))))
    return rows, cast


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("td", "td-cache", "joined"), required=True)
    parser.add_argument("--project-id", required=True)
    parser.add_argument("--casting", action="store_true")
    args = parser.parse_args()
    log_in()
    if args.mode == "td-cache":
        gazu.cache.enable()
    baseline = maxrss_mib()
    COUNT["n"] = 0
    started, cpu = time.perf_counter(), time.process_time()
    if args.mode == "joined":
        rows, cast = walk_joined(args.project_id, args.casting)
    else:
        rows, cast = walk_td(args.project_id, args.casting)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({
        "requests": COUNT["n"], "seconds": seconds, "cpu_seconds": cpu, "maxrss_mib": maxrss_mib(), "baseline_mib": baseline,
        "rows": len(rows), "digest": digest(rows), "casting": bool(cast) or None,
        "casting_digest": digest(cast) if cast else None, "gazu_version": getattr(gazu, "__version__", "?"),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
