"""Build a benchmark production on a Kitsu server, once per size.

    .venv/bin/python bench/seed.py --size small|medium|large

Reads KITSU_API_URL, KITSU_ADMIN_EMAIL, KITSU_ADMIN_PASSWORD from the
environment (or from /tmp/kitsu-logs/kitsu.env). The production is named
"Bench <size>"; when it exists and is marked complete (``data.bench_seed``)
it is reused as is. An incomplete one (an interrupted run) is renamed away
and closed, and a fresh one is built.

Fast routes used: tasks are created a task type at a time for every asset or
shot of the project (``POST actions/projects/{pid}/task-types/{tt}/assets/create-tasks``,
one request per task type), assignments a person at a time
(``PUT actions/persons/{id}/assign`` with a list of task ids); entities,
casting and comments one request each, sent from a pool of 8 threads over the
SDK's (thread-safe) transport.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from kitsu_models import Kitsu, Timeout

THREADS = 8
ENV_FILE = "/tmp/kitsu-logs/kitsu.env"
ASSET_TASK_TYPES = ("Concept", "Modeling", "Shading")
SHOT_TASK_TYPES = ("Layout", "Animation", "Lighting", "Compositing")
ASSET_TYPES = ("Character", "Prop", "Environment", "FX")
COMMENT_STATUSES = ("wip", "wfa", "retake", "done")
SEED_VERSION = 1


@dataclass(frozen=True)
class Size:
    assets: int
    shots: int
    episodes: int
    sequences: int
    people: int


SIZES = {
    "small": Size(assets=50, shots=50, episodes=1, sequences=2, people=5),
    "medium": Size(assets=300, shots=300, episodes=2, sequences=10, people=20),
    "large": Size(assets=3000, shots=3000, episodes=4, sequences=100, people=50),
}


def load_env() -> None:
    """Fill missing KITSU_* variables from the local env file."""
    if all(os.environ.get(k) for k in ("KITSU_API_URL", "KITSU_ADMIN_EMAIL", "KITSU_ADMIN_PASSWORD")):
        return
    try:
        with open(ENV_FILE) as handle:
            for line in handle:
                key, sep, value = line.strip().partition("=")
                if sep and key.startswith("KITSU_"):
                    os.environ.setdefault(key, value.strip().strip('"').strip("'"))
    except OSError:
        pass


def login() -> Kitsu:
    load_env()
    # Bulk routes (create-tasks over 3,000 assets) answer after minutes,
    # far past the SDK's default 60 s read timeout.
    return Kitsu.login(os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"],
                       timeout=Timeout(read=900))


def project_name(size: str, copy: int = 1) -> str:
    """``Bench medium``; further copies of one size are ``Bench medium #2`` ..."""
    return f"Bench {size}" if copy == 1 else f"Bench {size} #{copy}"


def find_complete(kitsu: Kitsu, size: str, copy: int = 1) -> dict[str, Any] | None:
    """The complete benchmark production of this size, or None (an
    incomplete one is renamed and closed so a fresh one can take its name)."""
    t = kitsu.transport
    name = project_name(size, copy)
    for row in t.get("data/projects", {"name": name}):
        if (row.get("data") or {}).get("bench_seed") == SEED_VERSION:
            return dict(row)
        closed = [s["id"] for s in t.get("data/project-status") if s["name"] == "Closed"]
        body: dict[str, Any] = {"name": f"{name} (incomplete {int(time.time())})"}
        if closed:
            body["project_status_id"] = closed[0]
        t.put(f"data/projects/{row['id']}", body)
        print(f"  renamed an incomplete {name!r} out of the way", flush=True)
    return None


def pool_map(func: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(func, items))


def seed(kitsu: Kitsu, size_name: str, copy: int = 1) -> dict[str, Any]:
    size = SIZES[size_name]
    t = kitsu.transport
    rng = random.Random(42)
    started = time.perf_counter()

    def step(text: str) -> None:
        print(f"  [{time.perf_counter() - started:6.1f}s] {text}", flush=True)

    # Shared definitions: task types, statuses, asset types, people.
    task_types = {row["name"]: row for row in t.get("data/task-types")}
    asset_task_types = [next(tt for tt in task_types.values() if tt["name"] == n and tt["for_entity"] == "Asset") for n in ASSET_TASK_TYPES]
    shot_task_types = [task_types[n] for n in SHOT_TASK_TYPES]
    statuses = {row["short_name"]: row for row in t.get("data/task-status")}
    asset_types = {row["name"]: row for row in t.get("data/asset-types")}
    persons = {row["email"]: row for row in t.get("data/persons")}

    def person(n: int) -> dict[str, Any]:
        email = f"artist{n:02d}@kitsu-bench.com"
        if email in persons:
            return persons[email]
        return dict(t.post("data/persons", {
            "first_name": f"Artist{n:02d}", "last_name": "Bench", "email": email, "role": "user",
        }))

    people = pool_map(person, range(1, size.people + 1))
    step(f"{len(people)} people ready")

    # The production and its settings.
    project = t.post("data/projects", {"name": project_name(size_name, copy), "production_type": "tvshow"})
    pid = project["id"]
    for priority, tt in enumerate(asset_task_types + shot_task_types, start=1):
        t.post(f"data/projects/{pid}/settings/task-types", {"task_type_id": tt["id"], "priority": priority})
    pool_map(lambda s: t.post(f"data/projects/{pid}/settings/task-status", {"task_status_id": s["id"]}), statuses.values())
    used_asset_types = [asset_types[n] for n in ASSET_TYPES]
    pool_map(lambda a: t.post(f"data/projects/{pid}/settings/asset-types", {"asset_type_id": a["id"]}), used_asset_types)
    pool_map(lambda p: t.post(f"data/projects/{pid}/team", {"person_id": p["id"]}), people)
    step(f"production {pid} with settings and team")

    # Breakdown: episodes, sequences, shots, assets.
    episodes = [t.post(f"data/projects/{pid}/episodes", {"name": f"E{e + 1:02d}"}) for e in range(size.episodes)]
    sequences = pool_map(
        lambda s: t.post(f"data/projects/{pid}/sequences", {
            "name": f"SQ{s + 1:03d}", "episode_id": episodes[s * size.episodes // size.sequences]["id"],
        }),
        range(size.sequences),
    )
    shots = pool_map(
        lambda s: t.post(f"data/projects/{pid}/shots", {
            "name": f"SH{s + 1:04d}", "sequence_id": sequences[s * size.sequences // size.shots]["id"],
            "nb_frames": 24 + s % 96,
        }),
        range(size.shots),
    )
    step(f"{len(episodes)} episodes, {len(sequences)} sequences, {len(shots)} shots")
    assets = pool_map(
        lambda a: t.post(
            f"data/projects/{pid}/asset-types/{used_asset_types[a % len(used_asset_types)]['id']}/assets/new",
            {"name": f"asset{a + 1:04d}", "description": "bench asset"},
        ),
        range(size.assets),
    )
    step(f"{len(assets)} assets")

    # Tasks: one request per task type for every entity of the project.
    tasks: list[dict[str, Any]] = []
    for created in pool_map(
        lambda job: t.post(f"actions/projects/{pid}/task-types/{job[1]['id']}/{job[0]}/create-tasks"),
        [("assets", tt) for tt in asset_task_types] + [("shots", tt) for tt in shot_task_types],
    ):
        tasks.extend(created)
    step(f"{len(tasks)} tasks")

    # Assignments: every task gets one artist, one in five a second one.
    by_person: dict[str, list[str]] = {p["id"]: [] for p in people}
    for task in tasks:
        chosen = rng.sample(people, 2 if rng.random() < 0.2 else 1)
        for p in chosen:
            by_person[p["id"]].append(task["id"])
    jobs = [(person_id, ids[i:i + 25]) for person_id, ids in by_person.items() for i in range(0, len(ids), 25)]
    pool_map(lambda job: t.put(f"actions/persons/{job[0]}/assign", {"task_ids": job[1]}), jobs)
    step(f"{sum(len(v) for v in by_person.values())} assignments in {len(jobs)} requests")

    # Casting: 3 to 6 assets per shot.
    castings = [
        (shot["id"], [{"asset_id": a["id"], "nb_occurences": rng.randint(1, 3)} for a in rng.sample(assets, rng.randint(3, 6))])
        for shot in shots
    ]
    pool_map(lambda job: t.put(f"data/projects/{pid}/entities/{job[0]}/casting", job[1]), castings)
    step(f"casting for {len(castings)} shots")

    # Comments (with a status change) on 10% of the tasks.
    commented = rng.sample(tasks, len(tasks) // 10)
    comment_jobs = [(task["id"], statuses[rng.choice(COMMENT_STATUSES)]["id"]) for task in commented]
    pool_map(lambda job: t.post(f"actions/tasks/{job[0]}/comment", {"task_status_id": job[1], "comment": "bench note"}), comment_jobs)
    step(f"{len(comment_jobs)} comments")

    t.put(f"data/projects/{pid}", {"data": {"bench_seed": SEED_VERSION, "bench_size": size_name}})
    seconds = time.perf_counter() - started
    summary = {
        "project_id": pid, "name": project_name(size_name, copy), "size": size_name, "seed_seconds": round(seconds, 1),
        "assets": len(assets), "shots": len(shots), "sequences": len(sequences), "episodes": len(episodes),
        "tasks": len(tasks), "people": len(people), "comments": len(comment_jobs),
        "requests": t.requests_sent,
    }
    return summary


def ensure(size: str, kitsu: Kitsu | None = None, copy: int = 1) -> dict[str, Any]:
    """The production of this size (its ``copy``-th one), seeded if missing.
    Returns a summary (``seed_seconds`` is None when an existing production
    was reused)."""
    kitsu = kitsu or login()
    existing = find_complete(kitsu, size, copy)
    if existing is not None:
        print(f"reusing {existing['name']!r} ({existing['id']})", flush=True)
        return {"project_id": existing["id"], "name": existing["name"], "size": size, "seed_seconds": None}
    print(f"seeding {project_name(size, copy)!r} ...", flush=True)
    summary = seed(kitsu, size, copy)
    print(f"seeded in {summary['seed_seconds']:.1f} s wall time ({summary['requests']} requests): "
          f"{summary['assets']} assets, {summary['shots']} shots, {summary['tasks']} tasks, "
          f"{summary['people']} people, {summary['comments']} comments", flush=True)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--copies", type=int, default=1, help="how many productions of this size (bench/async_walk.py walks 3)")
    args = parser.parse_args()
    for copy in range(1, args.copies + 1):
        ensure(args.size, copy=copy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
