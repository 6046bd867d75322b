"""Benchmark: "full production walk" over a seeded production.

    .venv/bin/python bench/walk.py --size medium [--rounds 3] [--slow-rounds 1] [--only NAME,...]

Seeds the production first when missing (bench/seed.py), then runs every
contender in its own subprocess (clean memory numbers), alternating
contenders over several rounds, and writes bench/RESULTS.md and
bench/results.json (medians; ratios against the hand-joined gazu baseline).

The walk: every asset (its type) and shot (its sequence and episode), each of
their tasks' type name, status short name and assignees' full names, and
every shot's casting where the contender can read it. Each contender prints a
digest of the rows it saw; all digests must agree.

A contender is one entry in CONTENDERS: a name, the command that runs it and
how it reads casting. Adding one (another SDK, our ``gazu`` package run
through the same gazu scripts) touches nothing else.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import (  # noqa: E402
    OFFICIAL, OUR_PYTHON, ROOT, Contender, collect_rounds, digest, ensure_gazu_venv, machine, maxrss_mib,
)


# ----------------------------------------------------------------- contenders
def gazu_command(python: str, mode: str) -> list[str]:
    # -P: do not put the script's directory first on sys.path.
    return [python, "-P", os.path.join(HERE, "gazu_contender.py"), "--mode", mode, "--project-id", "{project_id}", "--casting"]


def ours_command(mode: str) -> list[str]:
    return [OUR_PYTHON, os.path.join(HERE, "walk.py"), "--child", mode, "--project-id", "{project_id}"]


CONTENDERS: list[Contender] = [
    Contender("gazu 1.3.1 hand-joined", gazu_command(OFFICIAL, "joined"),
              note="bulk listings joined with dicts (baseline)"),
    Contender("kitsu_models naive", ours_command("naive"), env={"PYTHONPATH": ROOT},
              note="plain attribute walk, batched lazy loads"),
    Contender("kitsu_models prefetch", ours_command("prefetch"), env={"PYTHONPATH": ROOT},
              note="kitsu.user.context() (shared tables, one request), project.prefetch(every path), then the walk in strict_mode()"),
    Contender("gazu 1.3.1 TD loop", gazu_command(OFFICIAL, "td"), slow=True,
              note="one call per asset/shot/task/assignee"),
    Contender("gazu 1.3.1 TD loop + cache", gazu_command(OFFICIAL, "td-cache"), slow=True,
              note="same loop after gazu.cache.enable()"),
    Contender("our gazu hand-joined", gazu_command(OUR_PYTHON, "joined"), env={"PYTHONPATH": ROOT},
              note="the hand-joined script, through this repository's gazu"),
    Contender("our gazu TD loop", gazu_command(OUR_PYTHON, "td"), env={"PYTHONPATH": ROOT}, slow=True,
              note="the TD loop script, through this repository's gazu"),
]
BASELINE = "gazu 1.3.1 hand-joined"

NOTES = [
    "Casting: kitsu_models reads it through `Shot.casting` when the model has that relation "
    "(it does in this tree: one batched `data/projects/{id}/sequences/all/casting`); every gazu "
    "contender reads it too (TD loop: `get_shot_casting` per shot; hand-joined: `get_project_shots_casting`).",
    "gazu TD loop: the rows of `all_tasks_for_asset`/`all_tasks_for_shot` carry no `assignees`, so the "
    "loop also calls `gazu.task.get_task` per task, as a TD would have to.",
    "Requests exclude the login; seconds are the walk's own wall time (imports and login excluded).",
    "Server and benchmark share the machine (2 CPUs): timings include the server's own work.",
    "Client CPU: the contender process's own CPU time during the walk (`time.process_time`); the rest of "
    "its wall time it waits for the server.",
]


# ------------------------------------------------------- our SDK, in a child
def child(mode: str, project_id: str) -> int:
    from seed import load_env

    load_env()
    from kitsu_models import Kitsu
    from kitsu_models.models import Shot
    from kitsu_models.orm.relations import Relation

    kitsu = Kitsu.login(os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
    has_casting = isinstance(Shot.__dict__.get("casting"), Relation)

    baseline = maxrss_mib()
    kitsu.transport.requests_sent = 0
    started, cpu = time.perf_counter(), time.process_time()
    if mode == "prefetch":
        kitsu.user.context()  # task types, statuses, people, asset types: one request
    project = kitsu.projects.get(project_id)
    if mode == "prefetch":
        # The whole tree from the project: its lists load as soon as what
        # they hang from has arrived, the independent ones at once.
        task_paths = ("tasks.task_status", "tasks.task_type", "tasks.assignees")
        project.prefetch(
            *(f"assets.{p}" for p in task_paths), "assets.asset_type",
            *(f"shots.{p}" for p in task_paths), "shots.sequence.episode", *(["shots.casting"] if has_casting else []),
        )
    assets, shots = project.assets, project.shots

    def task_rows(kind: str, prefix: tuple[str, ...], tasks: Any) -> list[Any]:
        if not tasks:
            return [(kind, *prefix, "", "", ())]
        return [
            (kind, *prefix, task.task_type.name, task.task_status.short_name,
             tuple(sorted(p.full_name or "" for p in task.assignees)))
            for task in tasks
        ]

    def walk() -> tuple[list[Any], list[Any]]:
        rows: list[Any] = []
        cast: list[Any] = []
        for asset in assets:
            rows += task_rows("A", (asset.asset_type.name, asset.name), asset.tasks)
        for shot in shots:
            sequence = shot.sequence
            episode = sequence.episode
            rows += task_rows("S", (episode.name if episode else "", sequence.name, shot.name), shot.tasks)
            if has_casting:
                entries = shot.casting  # type: ignore[attr-defined]
                cast.append((shot.id, tuple(sorted((e.asset_id, e.nb_occurences) for e in entries))))
        return rows, cast

    if mode == "prefetch":
        with kitsu.strict_mode():
            rows, cast = walk()
    else:
        rows, cast = walk()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({
        "requests": kitsu.transport.requests_sent, "seconds": seconds, "cpu_seconds": cpu,
        "maxrss_mib": maxrss_mib(), "baseline_mib": baseline,
        "rows": len(rows), "digest": digest(rows), "casting": bool(cast) or None,
        "casting_digest": digest(cast) if cast else None,
    }))
    return 0


# ---------------------------------------------------------------- the parent
def summarize(name: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    good = [r for r in runs if "error" not in r]
    if not good:
        return {"name": name, "error": runs[-1].get("error") if runs else "not run", "runs": runs}

    def med(key: str) -> float:
        return statistics.median(r[key] for r in good)

    return {
        "name": name, "rounds": len(good), "requests": int(med("requests")), "seconds": med("seconds"),
        "peak_rss_mib": med("maxrss_mib"), "walk_rss_mib": med("maxrss_mib") - med("baseline_mib"),
        "rows": good[0]["rows"], "digest": good[0]["digest"], "casting": bool(good[0].get("casting")),
        "casting_digest": good[0].get("casting_digest"),
        "requests_stable": len({r["requests"] for r in good}) == 1, "runs": runs,
    }


def materialize_output() -> str:
    done = subprocess.run([OUR_PYTHON, os.path.join(HERE, "materialize.py")], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": ROOT}, capture_output=True, text=True, timeout=900)
    return (done.stdout + (done.stderr[-2000:] if done.returncode else "")).rstrip()


def write_results(report: dict[str, Any]) -> None:
    with open(os.path.join(HERE, "results.json"), "w") as handle:
        json.dump(report, handle, indent=2)
    lines = [
        "# Benchmark results: full production walk",
        "",
        f"- date: {report['date']}",
        f"- machine: {report['machine']['nproc']} CPUs ({report['machine']['cpu']}), "
        f"{report['machine']['memory_gib']} GiB RAM, Python {report['machine']['python']}; "
        "server and benchmark on the same machine",
        f"- server: Zou {report['server_version']} at {report['host']}",
        "- command: `" + report["command"] + "`",
        "",
    ]
    for size in report["sizes"]:
        s = size["seed"]
        lines += [
            f"## Size {size['size']}",
            "",
            f"Production `{s['name']}` ({s['project_id']}): {size['counts']}. "
            + (f"Seeded in {s['seed_seconds']} s wall time." if s.get("seed_seconds") else "Reused an existing seed."),
            "",
            f"Medians over alternating rounds ({size['rounds']} rounds; contenders marked slow: {size['slow_rounds']}). "
            "Requests are the walk's own (login excluded); seconds the walk's wall time in its subprocess; "
            "peak RSS is the subprocess's max RSS, walk RSS its growth during the walk.",
            "",
            "| contender | requests | seconds | peak RSS MiB | walk RSS MiB | vs baseline (req / time) | casting | rows / digest | note |",
            "|---|---:|---:|---:|---:|---:|---|---|---|",
        ]
        base = next((r for r in size["results"] if r["name"] == BASELINE and "error" not in r), None)
        for r in size["results"]:
            if "error" in r:
                lines.append(f"| {r['name']} | error | | | | | | | {r['error']} |")
                continue
            ratio = (f"{r['requests'] / base['requests']:.1f}x / {r['seconds'] / base['seconds']:.1f}x" if base else "")
            stable = "" if r["requests_stable"] else " (varies)"
            lines.append(
                f"| {r['name']} | {r['requests']}{stable} | {r['seconds']:.2f} | {r['peak_rss_mib']:.0f} | "
                f"{r['walk_rss_mib']:.0f} | {ratio} | {'yes' if r['casting'] else 'no'} | "
                f"{r['rows']} / `{r['digest']}` | {r.get('note', '')} |"
            )
        digests = {r["digest"] for r in size["results"] if "error" not in r}
        lines += ["", "All contenders saw the same rows (same digest)." if len(digests) == 1
                  else f"**Digests differ**: {sorted(digests)}", ""]
    if report.get("materialize"):
        lines += ["## bench/materialize.py", "", "```", report["materialize"], "```", ""]
    if report.get("notes"):
        lines += ["## Notes", ""] + [f"- {n}" for n in report["notes"]] + [""]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as handle:
        handle.write("\n".join(lines))


def project_counts(project_id: str) -> str:
    from seed import login

    t = login().transport
    n = {k: len(t.get(f"data/projects/{project_id}/{k}")) for k in ("assets", "shots", "sequences", "episodes", "tasks")}
    return ", ".join(f"{v} {k}" for k, v in n.items())


#: The lists that bound a walk: the project's task list, which every gazu
#: contender reads, and the board lists a prefetch reads instead of it.
BOUNDING_LISTS = {
    "tasks": ("data/projects/{project_id}/tasks", {}),
    "assets with tasks": ("data/assets/with-tasks", {"project_id": "{project_id}"}),
    "shots with tasks": ("data/shots/with-tasks", {"project_id": "{project_id}"}),
}


def list_seconds(project_id: str, runs: int = 5) -> dict[str, float]:
    """The best time of each of BOUNDING_LISTS alone (the answer read but
    not decoded): no walk that reads one of them is faster."""
    from seed import login

    t = login().transport
    best: dict[str, float] = {}
    for name, (template, params) in BOUNDING_LISTS.items():
        query = {key: value.format(project_id=project_id) for key, value in params.items()}
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            t.request("GET", template.format(project_id=project_id), params=query)
            times.append(time.perf_counter() - started)
        best[name] = min(times)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="medium", help="comma-separated sizes: small,medium,large")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slow-rounds", type=int, default=None, help="rounds for per-object contenders (default: --rounds)")
    parser.add_argument("--only", default="", help="comma-separated contender names")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--no-materialize", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--project-id", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.project_id)

    from seed import ensure, load_env, login

    load_env()
    ensure_gazu_venv()
    contenders = CONTENDERS
    if args.only:
        wanted = {n.strip() for n in args.only.split(",")}
        contenders = [c for c in contenders if c.name in wanted]
    slow_rounds = args.slow_rounds if args.slow_rounds is not None else args.rounds
    kitsu = login()
    report: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(), "server_version": kitsu.api_version(), "host": os.environ["KITSU_API_URL"],
        "command": " ".join(["bench/walk.py", *sys.argv[1:]]), "sizes": [], "notes": list(NOTES),
    }
    for size in [s.strip() for s in args.size.split(",") if s.strip()]:
        seeded = ensure(size, kitsu)
        project_id = seeded["project_id"]
        runs = collect_rounds(size, contenders, project_id, args.rounds, slow_rounds, args.timeout)
        results = []
        for contender in contenders:
            summary = summarize(contender.name, runs[contender.name])
            summary["note"] = contender.note
            results.append(summary)
        report["sizes"].append({"size": size, "seed": seeded, "counts": project_counts(project_id),
                                "rounds": args.rounds, "slow_rounds": slow_rounds, "results": results})
        write_results(report)  # partial results survive a later failure
    if not args.no_materialize:
        print("running bench/materialize.py ...", flush=True)
        report["materialize"] = materialize_output()
    write_results(report)
    print(f"wrote {os.path.join(HERE, 'RESULTS.md')} and results.json", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
