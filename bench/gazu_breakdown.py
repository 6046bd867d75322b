"""Official gazu 1.3.1 and this repository's gazu package, the same gazu
script on the same production: a TD's breakdown loop over the production
modules (project, asset, shot, casting), then a bulk ``data`` update of
every shot and a get-or-create of every asset again.

    .venv/bin/python bench/gazu_breakdown.py [--assets 100] [--shots 100] [--rounds 5]

The parent seeds a production (with this repository's gazu), runs both
contenders alternately through bench/harness.py, and prints requests and
seconds per phase (medians) with their ratios; the production is removed at
the end. Credentials: KITSU_API_URL / KITSU_ADMIN_EMAIL / KITSU_ADMIN_PASSWORD
(/tmp/kitsu-logs/kitsu.env).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import (  # noqa: E402  (bench/ is not a package)
    OFFICIAL, OUR_PYTHON, ROOT, Contender, collect_rounds, digest, ensure_gazu_venv, maxrss_mib, median_of, ratio,
    table,
)

PHASES = ("loop", "bulk")


def child(project_id: str) -> None:
    """The gazu script, each phase timed and its requests counted; one JSON line."""
    from gazu_session import COUNT, gazu, log_in

    log_in()
    seen: list[Any] = []

    def loop() -> None:
        project = gazu.project.get_project(project_id)
        for asset in gazu.asset.all_assets_for_project(project):
            seen.append((asset["name"], gazu.asset.get_asset_type(asset["entity_type_id"])["name"]))
        for shot in gazu.shot.all_shots_for_project(project):
            sequence = gazu.shot.get_sequence(shot["parent_id"])
            cast = tuple(sorted(link["asset_name"] for link in gazu.casting.get_shot_casting(shot)))
            seen.append((sequence["name"], shot["name"], cast))

    def bulk() -> None:
        for shot in gazu.shot.all_shots_for_project(project_id):
            gazu.shot.update_shot_data(shot, {"bench": shot["name"]})
        project = gazu.project.get_project(project_id)
        types = {t["id"]: t for t in gazu.asset.all_asset_types_for_project(project)}
        for asset in gazu.asset.all_assets_for_project(project):
            gazu.asset.new_asset(project, types[asset["entity_type_id"]], asset["name"])

    result: dict[str, Any] = {}
    for name, work in zip(PHASES, (loop, bulk)):
        before, started = COUNT["n"], time.perf_counter()
        work()
        result[f"{name}_requests"], result[f"{name}_seconds"] = COUNT["n"] - before, time.perf_counter() - started
    result.update(requests=result["loop_requests"] + result["bulk_requests"],
                  seconds=result["loop_seconds"] + result["bulk_seconds"], maxrss_mib=maxrss_mib(), digest=digest(seen))
    print(json.dumps(result))


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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", metavar="PROJECT_ID")
    parser.add_argument("--assets", type=int, default=100)
    parser.add_argument("--shots", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    ensure_gazu_venv()
    script = os.path.abspath(__file__)
    contenders = [
        Contender("gazu 1.3.1", [OFFICIAL, "-P", script, "--child", "{project_id}"]),
        Contender("our gazu", [OUR_PYTHON, "-P", script, "--child", "{project_id}"], env={"PYTHONPATH": ROOT}),
    ]
    project_id = seed(args.assets, args.shots)
    try:
        runs = collect_rounds("breakdown", contenders, project_id, args.rounds, args.rounds, timeout=1800)
    finally:
        import gazu  # ours, logged in by seed()

        gazu.project.close_project(project_id)
        gazu.project.remove_project(project_id, force=True)
    digests = {run.get("digest") for name in runs for run in runs[name]}
    print(f"\nproduction: {args.assets} assets, {args.shots} shots, casting 3 assets per shot; "
          f"{args.rounds} alternating rounds, medians; same data seen by all: {len(digests) == 1}")
    base = runs[contenders[0].name]
    rows = []
    for phase in PHASES:
        for contender in contenders:
            mine = runs[contender.name]
            requests, seconds = median_of(mine, f"{phase}_requests"), median_of(mine, f"{phase}_seconds")
            rows.append((phase, contender.name, f"{requests:.0f}", f"{seconds:.2f}",
                         f"{ratio(requests, median_of(base, f'{phase}_requests'))} / "
                         f"{ratio(seconds, median_of(base, f'{phase}_seconds'))}"))
    print("\n".join(table(("phase", "contender", "requests", "seconds", "vs gazu 1.3.1 (req / time)"), rows, "llrrr")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
