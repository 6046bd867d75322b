"""Official gazu 1.3.1 and this repository's gazu package, the same gazu
script on the same production: a TD's breakdown loop over the production
modules (project, asset, shot, casting), then a bulk ``data`` update of
every shot and a get-or-create of every asset again.

    .venv/bin/python bench/gazu_breakdown.py [--assets 60] [--shots 60] [--rounds 5]

The parent seeds a production (with kitsu_models), runs each contender in
its own subprocess, alternating, and prints requests, seconds (medians) and
ratios; the production is removed at the end. Each child counts every HTTP
request it sends (``requests.Session.send``) and prints one JSON line.
Credentials: KITSU_API_URL / KITSU_ADMIN_EMAIL / KITSU_ADMIN_PASSWORD
(/tmp/kitsu-logs/kitsu.env).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def child(project_id: str) -> None:
    """The gazu script (stdlib, requests and gazu only), timed and counted."""
    import requests

    count = {"n": 0}
    send = requests.Session.send

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        count["n"] += 1
        return send(self, *args, **kwargs)

    requests.Session.send = counted  # type: ignore[method-assign]
    import gazu

    gazu.set_host(os.environ["KITSU_API_URL"])
    gazu.log_in(os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
    phases: dict[str, Any] = {}
    seen: list[Any] = []

    def phase(name: str, work: Any) -> None:
        before, started = count["n"], time.perf_counter()
        work()
        phases[name] = {"requests": count["n"] - before, "seconds": time.perf_counter() - started}

    def loop() -> None:
        project = gazu.project.get_project(project_id)
        for asset in gazu.asset.all_assets_for_project(project):
            seen.append((asset["name"], gazu.asset.get_asset_type(asset["entity_type_id"])["name"]))
        for shot in gazu.shot.all_shots_for_project(project):
            sequence = gazu.shot.get_sequence(shot["parent_id"])
            cast = sorted(link["asset_name"] for link in gazu.casting.get_shot_casting(shot))
            seen.append((sequence["name"], shot["name"], cast))

    def bulk() -> None:
        for shot in gazu.shot.all_shots_for_project(project_id):
            gazu.shot.update_shot_data(shot, {"bench": shot["name"]})
        project = gazu.project.get_project(project_id)
        types = {t["id"]: t for t in gazu.asset.all_asset_types_for_project(project)}
        for asset in gazu.asset.all_assets_for_project(project):
            gazu.asset.new_asset(project, types[asset["entity_type_id"]], asset["name"])

    phase("breakdown loop", loop)
    phase("bulk update + get-or-create", bulk)
    digest = hashlib.sha256(json.dumps(seen, sort_keys=True).encode()).hexdigest()[:12]
    print(json.dumps({"phases": phases, "digest": digest}))


def seed(assets: int, shots: int) -> str:
    """A production made with this repository's gazu; returns its id."""
    sys.path.insert(0, ROOT)
    import gazu

    gazu.set_host(os.environ["KITSU_API_URL"])
    gazu.log_in(os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
    project = gazu.project.new_project(f"Bench breakdown {uuid.uuid4().hex[:6]}")
    types = [gazu.asset.get_asset_type_by_name(name) for name in ("Character", "Prop")]
    made = [gazu.asset.new_asset(project, types[i % 2], f"asset {i:04d}") for i in range(assets)]
    sequences = [gazu.shot.new_sequence(project, f"SQ{i:02d}") for i in range(max(1, shots // 20))]
    for i in range(shots):
        shot = gazu.shot.new_shot(project, sequences[i % len(sequences)], f"SH{i:04d}")
        cast = [{"asset_id": made[(i + k) % assets]["id"], "nb_occurences": 1} for k in range(3)]
        gazu.casting.update_shot_casting(project, shot, cast)
    return str(project["id"])


def run(command: list[str], env: dict[str, str], cwd: str) -> dict[str, Any]:
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=1800, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", metavar="PROJECT_ID")
    parser.add_argument("--assets", type=int, default=60)
    parser.add_argument("--shots", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    sys.path.insert(0, HERE)
    from harness import OFFICIAL, OUR_PYTHON, ensure_gazu_venv

    ensure_gazu_venv()
    project_id = seed(args.assets, args.shots)
    script = os.path.abspath(__file__)
    contenders = {
        "gazu 1.3.1": ([OFFICIAL, "-P", script, "--child", project_id], {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "/tmp"),
        "our gazu": ([OUR_PYTHON, script, "--child", project_id], {**os.environ, "PYTHONPATH": ROOT}, ROOT),
    }
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in contenders}
    try:
        for _ in range(args.rounds):
            for name, (command, env, cwd) in contenders.items():
                results[name].append(run(command, env, cwd))
    finally:
        import gazu  # ours, logged in by seed()

        gazu.project.close_project(project_id)
        gazu.project.remove_project(project_id, force=True)
    digests = {result["digest"] for runs in results.values() for result in runs}
    print(f"production: {args.assets} assets, {args.shots} shots, casting 3 assets per shot; "
          f"{args.rounds} alternating rounds, medians; same data seen by all: {len(digests) == 1}")
    print("| phase | contender | requests | seconds | vs gazu 1.3.1 (req / time) |")
    print("|---|---|---:|---:|---:|")
    for phase in results["gazu 1.3.1"][0]["phases"]:
        base = None
        for name, runs in results.items():
            requests = statistics.median(r["phases"][phase]["requests"] for r in runs)
            seconds = statistics.median(r["phases"][phase]["seconds"] for r in runs)
            base = base or (requests, seconds)
            print(f"| {phase} | {name} | {requests:.0f} | {seconds:.2f} | {requests / base[0]:.2f}x / {seconds / base[1]:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
