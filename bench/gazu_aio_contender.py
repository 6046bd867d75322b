"""bench/async_walk.py's measures written against ``gazu.aio``, run in a
subprocess: in the official gazu's virtualenv (/opt/gazu-venv, aiohttp) or,
with the repository on PYTHONPATH, against this repository's ``gazu.aio``.
Never imports kitsu_models itself.

    python bench/gazu_aio_contender.py --mode walk|gets --project-ids ID,ID,ID

Credentials come from KITSU_API_URL / KITSU_ADMIN_EMAIL / KITSU_ADMIN_PASSWORD
(bench/async_walk.py passes its own). Prints one JSON line: requests,
seconds, memory, and a digest of the rows read.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # harness, connections (stdlib only)
from connections import open_connections  # noqa: E402
from harness import digest, maxrss_mib  # noqa: E402

COUNT = {"n": 0}


def count_requests() -> None:
    """Count every request of whichever async client the gazu.aio at hand uses."""
    try:
        import aiohttp

        original_request = aiohttp.ClientSession._request

        def counted_request(self: Any, *args: Any, **kwargs: Any) -> Any:
            COUNT["n"] += 1
            return original_request(self, *args, **kwargs)

        aiohttp.ClientSession._request = counted_request  # type: ignore[method-assign]
    except ImportError:
        pass
    try:
        import httpx

        original_send = httpx.AsyncClient.send

        def counted_send(self: Any, *args: Any, **kwargs: Any) -> Any:
            COUNT["n"] += 1
            return original_send(self, *args, **kwargs)

        httpx.AsyncClient.send = counted_send  # type: ignore[method-assign]
    except ImportError:
        pass


async def walk(aio: Any, client: Any, project_id: str) -> list[tuple[Any, ...]]:
    """One production's bulk listings fetched at once, joined by hand."""
    project, assets, shots, sequences, episodes, asset_types, task_types, statuses, persons, tasks = await asyncio.gather(
        aio.fetch_one("projects", project_id, client=client),
        aio.fetch_all(f"projects/{project_id}/assets", client=client),
        aio.fetch_all(f"projects/{project_id}/shots", client=client),
        aio.fetch_all(f"projects/{project_id}/sequences", client=client),
        aio.fetch_all(f"projects/{project_id}/episodes", client=client),
        aio.fetch_all("asset-types", client=client),
        aio.fetch_all("task-types", client=client),
        aio.fetch_all("task-status", client=client),
        aio.fetch_all("persons", client=client),
        aio.fetch_all(f"projects/{project_id}/tasks", client=client),
    )
    by_id = {name: {row["id"]: row for row in rows} for name, rows in (
        ("sequence", sequences), ("episode", episodes), ("asset_type", asset_types), ("task_type", task_types),
        ("status", statuses), ("person", persons))}
    tasks_of: dict[str, list[dict[str, Any]]] = {}
    for task in tasks:
        tasks_of.setdefault(task["entity_id"], []).append(task)

    def task_rows(kind: str, prefix: tuple[str, ...], entity_id: str) -> list[tuple[Any, ...]]:
        mine = tasks_of.get(entity_id, [])
        if not mine:
            return [(kind, project["name"], *prefix, "", "", ())]
        return [(kind, project["name"], *prefix, by_id["task_type"][t["task_type_id"]]["name"],
                 by_id["status"][t["task_status_id"]]["short_name"],
                 tuple(sorted(by_id["person"][p]["full_name"] or "" for p in t["assignees"]))) for t in mine]

    rows: list[tuple[Any, ...]] = []
    for asset in assets:
        rows += task_rows("A", (by_id["asset_type"][asset["entity_type_id"]]["name"], asset["name"]), asset["id"])
    for shot in shots:
        sequence = by_id["sequence"][shot["parent_id"]]
        episode = by_id["episode"].get(sequence.get("parent_id") or "")
        rows += task_rows("S", (episode["name"] if episode else "", sequence["name"], shot["name"]), shot["id"])
    return rows


async def run(mode: str, project_ids: list[str]) -> dict[str, Any]:
    import gazu.aio as aio

    async with await aio.create_session(os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"],
                                        os.environ["KITSU_ADMIN_PASSWORD"]) as client:
        if mode == "walk":
            COUNT["n"] = 0
            started = time.perf_counter()
            rows = [row for rows in await asyncio.gather(*(walk(aio, client, pid) for pid in project_ids))
                    for row in rows]
            seconds = time.perf_counter() - started
            return {"requests": COUNT["n"], "seconds": seconds, "rows": len(rows), "digest": digest(rows)}
        ids = [task["id"] for task in await aio.fetch_all("tasks", {"project_id": project_ids[0]}, client=client)][:100]
        COUNT["n"] = 0
        started = time.perf_counter()
        results = await asyncio.gather(*(aio.fetch_one("tasks", task_id, client=client) for task_id in ids),
                                       return_exceptions=True)
        seconds = time.perf_counter() - started
        errors = [r for r in results if isinstance(r, BaseException)]
        port = os.environ["KITSU_API_URL"].split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[-1]
        return {"gets": len(ids), "errors": len(errors), "requests": COUNT["n"], "seconds": seconds,
                "connections": open_connections(port), "first_error": repr(errors[0])[:200] if errors else None}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("walk", "gets"), required=True)
    parser.add_argument("--project-ids", required=True)
    args = parser.parse_args()
    count_requests()
    baseline = maxrss_mib()
    result = asyncio.run(run(args.mode, args.project_ids.split(",")))
    print(json.dumps({**result, "maxrss_mib": maxrss_mib(), "baseline_mib": baseline,
                      "gazu": sys.modules["gazu"].__file__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
