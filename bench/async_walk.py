"""Benchmark: async against sync, and the async HTTP driver.

    .venv/bin/python bench/async_walk.py [--rounds 5] [--driver-rounds 5]

Three measures, each contender in its own subprocess, alternating over the rounds:

1. **Three productions walked**: the three ``Bench medium`` productions
   (``bench/seed.py --size medium --copies 3``, seeded here when missing) walked
   one after the other with the sync SDK, and at once with ``asyncio.gather``
   over one ``AsyncKitsu``; official ``gazu.aio`` (bulk listings joined by
   hand, gathered) and this repository's ``gazu.aio`` beside them. The walk is
   walk.py's without casting: every asset's type, every shot's sequence and
   episode, every task's type, status and assignees. Digests must agree.
2. **100 concurrent gets** on one session: 100 distinct tasks read at once
   (``kitsu.tasks.load`` / ``gazu.aio.fetch_one``): errors, requests and the
   connections open afterwards.
3. **The driver**: raw httpx against raw aiohttp, the same GETs (many small
   answers, 20 at a time; large task lists, 5 at a time): why AsyncKitsu runs
   over aiohttp. httpx is not a dependency of the project: ``pip install httpx``
   into .venv for this measure.

Writes bench/RESULTS-async.md and bench/results-async.json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import time
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import (  # noqa: E402
    OFFICIAL, OUR_PYTHON, ROOT, Contender, collect_rounds, digest, ensure_gazu_venv, machine, maxrss_mib,
    ratio, summarize_runs, table,
)
from connections import open_connections  # noqa: E402

PRODUCTIONS = 3
#: Seconds either raw driver waits for a whole answer (the shared server may be slow).
TIMEOUT = 120.0
TASK_PATHS = ("tasks.task_status", "tasks.task_type", "tasks.assignees")
WALK_PATHS = (*(f"assets.{p}" for p in TASK_PATHS), "assets.asset_type",
              *(f"shots.{p}" for p in TASK_PATHS), "shots.sequence.episode")


def ours(mode: str) -> list[str]:
    return [OUR_PYTHON, os.path.join(HERE, "async_walk.py"), "--child", mode, "--project-ids", "{project_id}"]


def gazu_aio(python: str, mode: str) -> list[str]:
    return [python, "-P", os.path.join(HERE, "gazu_aio_contender.py"), "--mode", mode, "--project-ids", "{project_id}"]


WALKS: list[Contender] = [
    Contender("kitsu_models Kitsu, one after the other", ours("sync"), env={"PYTHONPATH": ROOT},
              note="per production: get, prefetch(every path), the walk (baseline)"),
    Contender("kitsu_models AsyncKitsu, gather", ours("async"), env={"PYTHONPATH": ROOT},
              note="one AsyncKitsu; the three get + aprefetch + walk under asyncio.gather"),
    Contender("gazu 1.3.1 aio, gather", gazu_aio(OFFICIAL, "walk"),
              note="official gazu.aio: each production's bulk listings fetched at once, joined by hand, the three gathered"),
    Contender("our gazu.aio, gather", gazu_aio(OUR_PYTHON, "walk"), env={"PYTHONPATH": ROOT},
              note="the same script through this repository's gazu.aio"),
]
WALK_BASELINE = "kitsu_models Kitsu, one after the other"

GETS: list[Contender] = [
    Contender("kitsu_models AsyncKitsu", ours("gets"), env={"PYTHONPATH": ROOT},
              note="asyncio.gather of 100 kitsu.tasks.load(id)"),
    Contender("gazu 1.3.1 aio", gazu_aio(OFFICIAL, "gets"), note="asyncio.gather of 100 gazu.aio.fetch_one('tasks', id)"),
    Contender("our gazu.aio", gazu_aio(OUR_PYTHON, "gets"), env={"PYTHONPATH": ROOT}, note="the same through our gazu.aio"),
]


# ---------------------------------------------------------------- children
def rows_of(project: Any) -> list[tuple[Any, ...]]:
    """The walk of one production, through attributes only."""
    def task_rows(kind: str, prefix: tuple[str, ...], tasks: Any) -> list[tuple[Any, ...]]:
        if not tasks:
            return [(kind, project.name, *prefix, "", "", ())]
        return [(kind, project.name, *prefix, task.task_type.name, task.task_status.short_name,
                 tuple(sorted(p.full_name or "" for p in task.assignees))) for task in tasks]

    rows: list[tuple[Any, ...]] = []
    for asset in project.assets:
        rows += task_rows("A", (asset.asset_type.name, asset.name), asset.tasks)
    for shot in project.shots:
        episode = shot.sequence.episode
        rows += task_rows("S", (episode.name if episode else "", shot.sequence.name, shot.name), shot.tasks)
    return rows


def server_cpu() -> float:
    """CPU seconds the local Kitsu has used so far: its API workers and the
    PostgreSQL processes (read from /proc; the server shares this machine)."""
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                command = handle.read()
            if b"zou.app:app" in command or command.startswith(b"postgres"):
                with open(f"/proc/{pid}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:
            continue  # a process that ended meanwhile
    return total / os.sysconf("SC_CLK_TCK")


class CpuClock:
    """Wall time, this process's CPU and the server's CPU since it was made."""

    def __init__(self) -> None:
        self.wall, self.client, self.server = time.perf_counter(), time.process_time(), server_cpu()

    def read(self) -> dict[str, float]:
        return {"seconds": time.perf_counter() - self.wall, "client_cpu": time.process_time() - self.client,
                "server_cpu": server_cpu() - self.server}


def credentials() -> tuple[str, str, str]:
    from seed import load_env

    load_env()
    return os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"]


def child_sync(project_ids: list[str]) -> dict[str, Any]:
    from kitsu_models import Kitsu

    with Kitsu.login(*credentials()) as kitsu:
        kitsu.transport.requests_sent = 0
        clock = CpuClock()
        rows: list[tuple[Any, ...]] = []
        for project_id in project_ids:
            rows += rows_of(kitsu.projects.get(project_id).prefetch(*WALK_PATHS))
        return {"requests": kitsu.transport.requests_sent, **clock.read(), "rows": len(rows), "digest": digest(rows)}


async def child_async(project_ids: list[str]) -> dict[str, Any]:
    from kitsu_models import AsyncKitsu

    async with await AsyncKitsu.login(*credentials()) as kitsu:
        kitsu.http.requests_sent = 0
        clock = CpuClock()

        async def walk(project_id: str) -> list[tuple[Any, ...]]:
            project = await kitsu.projects.get(project_id)
            await project.aprefetch(*WALK_PATHS)
            return rows_of(project)

        rows = [row for rows in await asyncio.gather(*map(walk, project_ids)) for row in rows]
        return {"requests": kitsu.http.requests_sent, **clock.read(), "rows": len(rows), "digest": digest(rows)}


async def child_gets(project_ids: list[str]) -> dict[str, Any]:
    from kitsu_models import AsyncKitsu

    async with await AsyncKitsu.login(*credentials()) as kitsu:
        ids = [task.id for task in await kitsu.tasks.filter(project_id=project_ids[0])][:100]
        kitsu.http.requests_sent = 0
        started = time.perf_counter()
        results = await asyncio.gather(*(kitsu.tasks.load(task_id) for task_id in ids), return_exceptions=True)
        seconds = time.perf_counter() - started
        errors = [r for r in results if isinstance(r, BaseException)]
        return {"gets": len(ids), "errors": len(errors), "requests": kitsu.http.requests_sent, "seconds": seconds,
                "connections": open_connections(kitsu.http.server.rsplit(":", 1)[1]),
                "first_error": repr(errors[0])[:200] if errors else None}


def child(mode: str, project_ids: list[str]) -> int:
    import kitsu_models.models  # noqa: F401  (the models' import, lazy otherwise, is not the walk's time)

    baseline = maxrss_mib()
    if mode == "sync":
        result = child_sync(project_ids)
    else:
        result = asyncio.run((child_async if mode == "async" else child_gets)(project_ids))
    print(json.dumps({**result, "maxrss_mib": maxrss_mib(), "baseline_mib": baseline}))
    return 0


# ------------------------------------------------------------- the drivers
async def driver_round(driver: str, urls: list[str], at_once: int, token: str) -> tuple[float, float]:
    """Wall and client CPU seconds to GET every url, ``at_once`` in flight,
    with one pooled client of ``driver`` (the CPU time is the driver's own
    cost: the wall time is mostly the server's)."""
    import aiohttp
    import httpx

    headers = {"Authorization": f"Bearer {token}"}
    gate = asyncio.Semaphore(at_once)
    started, cpu = time.perf_counter(), time.process_time()
    if driver == "httpx":
        async with httpx.AsyncClient(headers=headers, limits=httpx.Limits(max_connections=at_once),
                                     timeout=TIMEOUT) as client:
            async def one_httpx(url: str) -> Any:
                async with gate:
                    answer = await client.get(url)
                    answer.raise_for_status()
                    return json.loads(answer.content)
            await asyncio.gather(*map(one_httpx, urls))
    else:
        connector = aiohttp.TCPConnector(limit=at_once)
        async with aiohttp.ClientSession(headers=headers, connector=connector,
                                         timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as session:
            async def one_aiohttp(url: str) -> Any:
                async with gate, session.get(url) as answer:
                    answer.raise_for_status()
                    return json.loads(await answer.read())
            await asyncio.gather(*map(one_aiohttp, urls))
    return time.perf_counter() - started, time.process_time() - cpu


def measure_drivers(project_id: str, rounds: int) -> list[dict[str, Any]]:
    from kitsu_models import Kitsu

    host, email, password = credentials()
    kitsu = Kitsu.login(host, email, password)  # logged in while the drivers send with its token
    token = kitsu.transport.tokens.access.reveal()  # type: ignore[union-attr]
    base = host.rstrip("/") + "/"
    loads = [("200 small answers (data/task-status), 20 at once", [base + "data/task-status"] * 200, 20),
             ("10 task lists of 2,100 rows (data/projects/{id}/tasks), 5 at once",
              [base + f"data/projects/{project_id}/tasks"] * 10, 5)]
    figures = []
    for label, urls, at_once in loads:
        runs: dict[str, list[tuple[float, float]]] = {"httpx": [], "aiohttp": []}
        for round_no in range(rounds):
            for driver in (("httpx", "aiohttp") if round_no % 2 == 0 else ("aiohttp", "httpx")):
                runs[driver].append(asyncio.run(driver_round(driver, urls, at_once, token)))
        figure: dict[str, Any] = {"load": label, "rounds": rounds}
        for driver, measured in runs.items():
            figure[driver] = statistics.median(wall for wall, _ in measured)
            figure[f"{driver}_cpu"] = statistics.median(cpu for _, cpu in measured)
        figures.append(figure)
        print(f"  [drivers] {label}: " + ", ".join(f"{d} {figure[d]:.3f} s ({figure[d + '_cpu']:.3f} s CPU)"
                                                    for d in runs), flush=True)
    kitsu.log_out()
    return figures


# ------------------------------------------------------------------ parent
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--driver-rounds", type=int, default=5)
    parser.add_argument("--child", choices=("sync", "async", "gets"))
    parser.add_argument("--project-ids")
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.project_ids.split(","))

    from seed import ensure, login

    ensure_gazu_venv()
    kitsu = login()
    project_ids = [ensure("medium", kitsu, copy=n)["project_id"] for n in range(1, PRODUCTIONS + 1)]
    joined = ",".join(project_ids)
    walks = collect_rounds("walk", WALKS, joined, args.rounds, args.rounds, timeout=600)
    gets = collect_rounds("gets", GETS, joined, args.rounds, args.rounds, timeout=300)
    drivers = measure_drivers(project_ids[0], args.driver_rounds)
    walk_summary = [summarize_runs(c.name, walks[c.name], c.note) for c in WALKS]
    get_summary = [summarize_runs(c.name, gets[c.name], c.note) for c in GETS]
    digests = {s.get("digest") for s in walk_summary if "error" not in s}
    if len(digests) != 1:
        print(f"the walks disagree: {digests}", file=sys.stderr)
        return 1
    result = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
              "productions": project_ids, "walks": walk_summary, "gets": get_summary, "drivers": drivers}
    with open(os.path.join(HERE, "results-async.json"), "w") as handle:
        json.dump(result, handle, indent=1)
    with open(os.path.join(HERE, "RESULTS-async.md"), "w") as handle:
        handle.write("\n".join(report(result)) + "\n")
    print("\n".join(report(result)))
    return 0


def report(result: dict[str, Any]) -> list[str]:
    base = next(s for s in result["walks"] if s["name"] == WALK_BASELINE)
    lines = ["# Async benchmarks", "", f"{result['date']}, {result['machine']['nproc']} CPUs, "
             f"Python {result['machine']['python']}; server and benchmark share the machine. "
             "Written by `bench/async_walk.py`; medians over the rounds.", "",
             "## Three productions walked (2,100 tasks each)", ""]
    lines += table(["contender", "rounds", "requests", "seconds", "vs sync one after the other", "peak RSS MiB", "rows"],
                   [(s["name"], s.get("rounds"), s.get("requests"), _seconds(s), ratio(s.get("seconds"), base.get("seconds")),
                     _mib(s), s.get("rows", s.get("error"))) for s in result["walks"]])
    lines += ["", *(f"- {s['name']}: {s['note']}" for s in result["walks"]), ""]
    lines += cpu_bound(result["walks"], result["machine"]["nproc"])
    lines += ["", "## 100 concurrent gets on one session", ""]
    lines += table(["contender", "rounds", "gets", "errors", "requests", "seconds", "connections open after"],
                   [(s["name"], s.get("rounds"), s.get("gets"), s.get("errors", s.get("error")), s.get("requests"),
                     _seconds(s), s.get("connections")) for s in result["gets"]])
    lines += ["", "## The driver: httpx and aiohttp, raw", ""]
    lines += table(["load", "httpx s", "aiohttp s", "httpx / aiohttp", "httpx CPU s", "aiohttp CPU s", "CPU ratio"],
                   [(d["load"], f"{d['httpx']:.3f}", f"{d['aiohttp']:.3f}", ratio(d["httpx"], d["aiohttp"]),
                     f"{d['httpx_cpu']:.3f}", f"{d['aiohttp_cpu']:.3f}", ratio(d["httpx_cpu"], d["aiohttp_cpu"]))
                    for d in result["drivers"]])
    lines += ["", "Wall time is mostly the server's (it shares the 2 CPUs); CPU is the client process's own "
              "(`time.process_time`), the driver's cost. Both decode with `json.loads`."]
    return lines


def cpu_bound(walks: list[dict[str, Any]], cores: int) -> list[str]:
    """What the CPU allows: the walk's client and server CPU seconds, and
    the least wall time they take on this machine's cores, for our walks."""
    measured = [s for s in walks if isinstance(s.get("server_cpu"), float)]
    if not measured:
        return []
    lines = table(["contender", "seconds", "client CPU s", "server CPU s", f"least seconds on {cores} cores"],
                  [(s["name"], _seconds(s), f"{s['client_cpu']:.2f}", f"{s['server_cpu']:.2f}",
                    f"{(s['client_cpu'] + s['server_cpu']) / cores:.2f}") for s in measured])
    return [*lines, "", "Server CPU is what the Zou API workers and PostgreSQL used during the walk (from /proc, "
            "medians): with server and client on the same cores, no client can walk faster than the CPU they "
            "need together allows, whatever it sends at once."]


def _seconds(summary: dict[str, Any]) -> str:
    return f"{summary['seconds']:.2f}" if isinstance(summary.get("seconds"), float) else ""


def _mib(summary: dict[str, Any]) -> str:
    return f"{summary['maxrss_mib']:.0f}" if isinstance(summary.get("maxrss_mib"), float) else ""


if __name__ == "__main__":
    sys.exit(main())
