"""Every benchmark scenario in one command.

    .venv/bin/python bench/run.py --size medium [--rounds 3] [--slow-rounds 1] [--scenarios 1,2,3,4,5,6]

Scenarios (each contender in its own subprocess, contenders alternated over
rounds, medians reported):

1. full production walk (bench/walk.py's contenders);
2. a TD's "my tasks" view, logged in as an artist of the bench team
   (``artist01@kitsu-bench.com``; its password is set by the admin through
   ``POST actions/persons/{id}/change-password`` to a value derived from the
   admin password, never printed);
3. bulk update: a comment with a status change on each task of a fixed set
   (the first ``--bulk-tasks`` tasks of the production by id). Before each
   run, outside its timing, the set is put back to ``todo`` (one
   ``Task.comment_many``), so every contender moves the same tasks from
   ``todo`` to ``wip``; the run's comment text is unique to the invocation;
4. 100,000 task rows of JSON into models against ``json.loads`` (bench/materialize.py);
5. ``import kitsu_models`` against ``import gazu`` (fresh interpreter each time);
6. a project's tasks read twice (our conditional requests against gazu's re-read and cache).

Writes bench/RESULTS.md and bench/results.json. A contender is one
``Contender`` entry in the scenario's list (bench/harness.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import statistics
import subprocess
import sys
from typing import Any, Callable

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import walk  # noqa: E402
from harness import (  # noqa: E402
    GAZU_VENV, GAZU_VERSION, OFFICIAL, OUR_PYTHON, ROOT, Contender, collect_rounds, ensure_gazu_venv, machine, ratio,
    summarize_runs, table,
)

BENCH_USER = "artist01@kitsu-bench.com"
BULK_FROM, BULK_TO = "todo", "wip"
BULK_DEFAULT = {"small": 100, "medium": 500, "large": 500}
OURS_ENV = {"PYTHONPATH": ROOT}


def ours(scenario: str, mode: str = "", *extra: str) -> list[str]:
    return [OUR_PYTHON, os.path.join(HERE, "scenarios_ours.py"), "--scenario", scenario, "--mode", mode, *extra]


def gazu(scenario: str, mode: str = "", *extra: str, python: str = OFFICIAL) -> list[str]:
    """The gazu-API scenario script, through official gazu (or, with
    ``python=OUR_PYTHON`` and ``OURS_ENV``, through this repository's gazu)."""
    return [python, "-P", os.path.join(HERE, "scenarios_gazu.py"), "--scenario", scenario, "--mode", mode, *extra]


BULK_ARGS = ("--ids", "{ids}", "--status", "{status}", "--text", "{text}")

MYTASKS: list[Contender] = [
    Contender("gazu 1.3.1 hand-joined", gazu("mytasks", "joined"),
              note="the to-do rows already carry entity/project/status names and last comment: one request"),
    Contender("kitsu_models naive", ours("mytasks", "naive"), env=OURS_ENV,
              note="tasks_to_do(), then task.entity/.project/.task_status and task.last_comment"),
    Contender("kitsu_models prefetch", ours("mytasks", "prefetch"), env=OURS_ENV,
              note="tasks_to_do().prefetch('entity', 'project', 'task_status'), then the same"),
    Contender("gazu 1.3.1 TD loop", gazu("mytasks", "td"), slow=True,
              note="get_entity, get_project, get_task_status, get_last_comment_for_task per task"),
    Contender("gazu 1.3.1 TD loop + cache", gazu("mytasks", "td-cache"), slow=True,
              note="same after gazu.cache.enable()"),
    Contender("our gazu hand-joined", gazu("mytasks", "joined", python=OUR_PYTHON), env=OURS_ENV,
              note="the gazu 1.3.1 hand-joined script, through this repository's gazu"),
    Contender("our gazu TD loop", gazu("mytasks", "td", python=OUR_PYTHON), env=OURS_ENV, slow=True,
              note="the gazu 1.3.1 TD loop script, through this repository's gazu"),
]
BULK: list[Contender] = [
    Contender("kitsu_models sequential", ours("bulk", "seq", *BULK_ARGS), env=OURS_ENV, slow=True,
              note="task.comment(status, text) per task (posts, then reloads the task)"),
    Contender("kitsu_models 8 threads", ours("bulk", "threads", *BULK_ARGS), env=OURS_ENV, slow=True,
              note="the same calls from a pool of 8 threads over one session"),
    Contender("kitsu_models comment_many", ours("bulk", "batch", *BULK_ARGS), env=OURS_ENV, slow=True,
              note="Task.comment_many(tasks, status, text): a batch-comment request per 100 tasks, then reloads"),
    Contender("gazu 1.3.1 TD loop", gazu("bulk", "td", *BULK_ARGS), slow=True,
              note="gazu.task.add_comment(task_id, status, text) per task"),
    Contender("our gazu TD loop", gazu("bulk", "td", *BULK_ARGS, python=OUR_PYTHON), env=OURS_ENV, slow=True,
              note="the same script, through this repository's gazu"),
]
REPEAT: list[Contender] = [
    Contender("gazu 1.3.1 re-read", gazu("repeat", "plain", "--project-id", "{project_id}"),
              note="all_tasks_for_project twice"),
    Contender("gazu 1.3.1 + cache", gazu("repeat", "cache", "--project-id", "{project_id}"),
              note="the same after gazu.cache.enable()"),
    Contender("kitsu_models", ours("repeat", "", "--project-id", "{project_id}"), env=OURS_ENV,
              note="kitsu.tasks.filter(project=project) twice: If-None-Match, 304, same models"),
    Contender("our gazu re-read", gazu("repeat", "plain", "--project-id", "{project_id}", python=OUR_PYTHON),
              env=OURS_ENV, note="all_tasks_for_project twice, through this repository's gazu (revalidated by ETag)"),
    Contender("our gazu + cache", gazu("repeat", "cache", "--project-id", "{project_id}", python=OUR_PYTHON),
              env=OURS_ENV, note="the same after gazu.cache.enable(): the hit costs a 304"),
]
IMPORTS: list[tuple[str, list[str], dict[str, str]]] = [
    ("gazu 1.3.1", [OFFICIAL, "-P", "-c"], {}),
    ("kitsu_models", [OUR_PYTHON, "-P", "-c"], OURS_ENV),
    # What a script that uses models pays: they are imported on first use.
    ("kitsu_models with its models", [OUR_PYTHON, "-P", "-c"], OURS_ENV),
    ("our gazu", [OUR_PYTHON, "-P", "-c"], OURS_ENV),
]
IMPORT_MODULE = {"gazu 1.3.1": "gazu", "kitsu_models": "kitsu_models",
                 "kitsu_models with its models": "kitsu_models.models", "our gazu": "gazu"}


def bench_user_password() -> str:
    """A password for the bench artist, derived from the admin's (never printed)."""
    return "Bx" + hashlib.sha256(("bench-artist:" + os.environ["KITSU_ADMIN_PASSWORD"]).encode()).hexdigest()[:20]


def prepare_user(kitsu: Any) -> None:
    t = kitsu.transport
    person = next(p for p in t.get("data/persons") if p["email"] == BENCH_USER)
    password = bench_user_password()
    t.post(f"actions/persons/{person['id']}/change-password", {"password": password, "password_2": password})
    os.environ["KITSU_BENCH_USER_EMAIL"] = BENCH_USER
    os.environ["KITSU_BENCH_USER_PASSWORD"] = password
    from kitsu_models import Kitsu

    todo = Kitsu.login(kitsu.host, BENCH_USER, password).transport.get("data/user/tasks")
    print(f"  {BENCH_USER} has {len(todo)} open tasks", flush=True)
    if not todo:
        print("  WARNING: empty to-do list (server cache?): scenario 2 will measure nothing", flush=True)


def prepare_bulk(kitsu: Any, size: str, project_id: str, count: int) -> str:
    ids = sorted(row["id"] for row in kitsu.transport.get(f"data/projects/{project_id}/tasks"))[:count]
    path = f"/tmp/kitsu-bench-bulk-{size}.json"
    with open(path, "w") as handle:
        json.dump(ids, handle)
    return path


def reset_bulk(kitsu: Any, ids: str) -> None:
    """Put the bulk set back to the starting status, so every run does the
    same work (outside the runs' timing)."""
    from kitsu_models.models import Task

    with open(ids) as handle:
        task_ids = json.load(handle)
    start = next(s for s in kitsu.task_statuses.all() if s.short_name == BULK_FROM)
    found = kitsu.tasks.get_many(task_ids)
    Task.comment_many([found[i] for i in task_ids], start, "bench bulk reset")


def verify_bulk(kitsu: Any, ids: str, status: str, text: str) -> str:
    """Read back what a bulk run claims: every task of the set in the target
    status, and one comment with the run's text on each."""
    with open(ids) as handle:
        task_ids = json.load(handle)
    t = kitsu.transport
    target = next(s["id"] for s in t.get("data/task-status") if s["short_name"] == status)
    tasks = [row for start in range(0, len(task_ids), 50)
             for row in t.get("data/tasks", {"id": json.dumps(task_ids[start:start + 50])})]
    in_status = sum(1 for row in tasks if row["task_status_id"] == target)
    commented = {row["object_id"] for row in t.get("data/comments", {"text": text})}
    return f"{in_status}/{len(task_ids)} in {status}, {len(commented & set(task_ids))} commented"


def run_rounds(
    label: str, contenders: list[Contender], project_id: str, rounds: int, slow_rounds: int, timeout: float,
    subst: Callable[[Contender], dict[str, str]] | None = None, check: Callable[[dict[str, Any]], None] | None = None,
    previous: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Each contender's summary; one given no round this time (``--slow-rounds 0``
    with ``--update``) keeps its ``previous`` result."""
    runs = collect_rounds(label, contenders, project_id, rounds, slow_rounds, timeout, subst, check)
    kept = {r["name"]: {**r, "earlier": True} for r in previous or []}
    return [summarize_runs(c.name, runs[c.name], c.note) if runs[c.name] or c.name not in kept else kept[c.name]
            for c in contenders]


def import_times(runs: int) -> list[dict[str, Any]]:
    """Fresh interpreters importing each package, alternated. Bytecode is
    written and a first round is not counted, as on an installed system
    (pip compiles the packages it installs)."""
    samples: dict[str, list[dict[str, float]]] = {name: [] for name, _, _ in IMPORTS}
    clean = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    for round_number in range(runs + 1):
        for name, argv, env in IMPORTS:
            code = ("import time, json; s = time.perf_counter(); import " + IMPORT_MODULE[name]
                    + "; e = time.perf_counter() - s; print(json.dumps({'seconds': e, "
                    "'maxrss_mib': [int(l.split()[1]) / 1024 for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]}))")
            done = subprocess.run([*argv, code], cwd="/tmp", env={**clean, **env}, capture_output=True, text=True)
            if done.returncode == 0 and round_number > 0:
                samples[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
            elif done.returncode != 0:
                print(f"  import {name} failed: {done.stderr.strip()[-200:]}", flush=True)
    out = []
    for name, values in samples.items():
        if not values:
            out.append({"name": name, "error": "import failed"})
            continue
        secs = [v["seconds"] for v in values]
        out.append({"name": name, "runs": len(values), "seconds": statistics.median(secs), "min_seconds": min(secs),
                    "maxrss_mib": statistics.median(v["maxrss_mib"] for v in values)})
        print(f"  [import] {name}: median {statistics.median(secs) * 1000:.0f} ms", flush=True)
    return out


def materialize(rows: int, rounds: int) -> dict[str, Any]:
    done = subprocess.run([OUR_PYTHON, os.path.join(HERE, "materialize.py"), "--json", "--rows", str(rows),
                           "--rounds", str(rounds)], cwd=ROOT, env={**os.environ, **OURS_ENV},
                          capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:300]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  [materialize] models {result['time_ratio']:.2f}x time, {result['memory_ratio']:.2f}x memory of json.loads",
          flush=True)
    return result


# ------------------------------------------------------------------ report
def fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def rows_table(results: list[dict[str, Any]], baseline: str, extra: list[tuple[str, Callable[[dict[str, Any]], Any]]] = ()
               ) -> list[str]:
    base = next((r for r in results if r["name"] == baseline and "error" not in r), None)
    headers = ["contender", "rounds", "requests", "seconds", "peak RSS MiB", "RSS growth MiB",
               f"vs {baseline} (req / time)", *[h for h, _ in extra], "rows / digest", "note"]
    body = []
    for r in results:
        if "error" in r:
            body.append([r["name"], "error", "", "", "", "", "", *["" for _ in extra], "", r["error"]])
            continue
        vs = (f"{ratio(r['requests'], base['requests'])} / {ratio(r['seconds'], base['seconds'])}" if base else "")
        stable = "" if r.get("requests_stable", True) else " (varies)"
        note = ("(kept from an earlier run) " if r.get("earlier") else "") + r.get("note", "")
        body.append([r["name"], r["rounds"], f"{int(r['requests'])}{stable}", fmt(r["seconds"]), fmt(r["maxrss_mib"], 0),
                     fmt(r["maxrss_mib"] - r["baseline_mib"], 1), vs, *[f(r) for _, f in extra],
                     f"{int(r['rows'])} / `{r['digest']}`", note])
    digests = {r["digest"] for r in results if "error" not in r and not r.get("earlier")}
    earlier = {r["digest"] for r in results if "error" not in r and r.get("earlier")} - digests
    agree = ["", "All contenders saw the same rows (same digest)." if len(digests) == 1
             else f"**Digests differ**: {sorted(digests)}"]
    if earlier:
        agree.append("Rows kept from an earlier run were read before later scenarios (the bulk update) changed "
                     "task statuses, hence their other digest.")
    return table(headers, body, "lrrrrrr" + "r" * len(extra) + "ll") + agree


def goals(size: dict[str, Any], report: dict[str, Any]) -> list[str]:
    out = []
    by = {r["name"]: r for r in size.get("walk", []) if "error" not in r}
    pre, joined, naive, td = (by.get("kitsu_models prefetch"), by.get("gazu 1.3.1 hand-joined"),
                              by.get("kitsu_models naive"), by.get("gazu 1.3.1 TD loop"))
    if pre and joined:
        ok_req = pre["requests"] <= 10
        ok_time = pre["seconds"] <= joined["seconds"]
        ratio = pre["seconds"] / joined["seconds"]
        out.append(f"- Walk with prefetch at 10 requests or fewer: **{'met' if ok_req else 'not met'}** "
                   f"({int(pre['requests'])} requests; hand-joined gazu {int(joined['requests'])}).")
        paired = sorted(p["seconds"] / j["seconds"] for p, j in zip(pre["runs"], joined["runs"])
                        if "error" not in p and "error" not in j)
        by_round = (f"; round by round from {paired[0]:.2f}x to {paired[-1]:.2f}x, median "
                    f"{statistics.median(paired):.2f}x" if paired else "")
        out.append(f"- Walk with prefetch no slower than hand-joined gazu: **{'met' if ok_time else 'not met'}** "
                   f"({pre['seconds']:.2f} s vs {joined['seconds']:.2f} s, {ratio:.2f}x{by_round}).")
        out.append(f"- Walk with prefetch at most 0.7x hand-joined gazu (concurrent loads): "
                   f"**{'met' if ratio <= 0.7 else 'not met'}** ({ratio:.2f}x).")
    if naive and joined:
        out += plain_walk_goals(naive, joined)
    if naive and td:
        out.append(f"- Naive model walk far below the TD loop: {int(naive['requests'])} vs {int(td['requests'])} requests "
                   f"({td['requests'] / naive['requests']:.0f}x fewer), {naive['seconds']:.2f} s vs {td['seconds']:.2f} s "
                   f"({td['seconds'] / naive['seconds']:.0f}x faster).")
    m = report.get("materialize")
    if m and "error" not in m:
        ok = m["time_ratio"] <= 1.5 and m["memory_ratio"] <= 1.5
        out.append(f"- Materialise at most 1.5x json.loads in time and memory: **{'met' if ok else 'not met'}** "
                   f"(time {m['time_ratio']:.2f}x, memory {m['memory_ratio']:.2f}x).")
        ok = m["time_ratio"] <= 1.2 and m["memory_ratio"] <= 1.1
        out.append(f"- Materialise at most 1.2x json.loads in time and 1.1x in memory: **{'met' if ok else 'not met'}** "
                   f"(time {m['time_ratio']:.2f}x, memory {m['memory_ratio']:.2f}x).")
    return out


def plain_walk_goals(naive: dict[str, Any], joined: dict[str, Any]) -> list[str]:
    """The plain walk against hand-joined gazu, with what bounds it: both
    send the same requests, so the walk's time cannot fall below gazu's
    minus gazu's own CPU time (its time waiting for the server)."""
    ratio = naive["seconds"] / joined["seconds"]
    out = [f"- Plain walk at most 0.85x hand-joined gazu: **{'met' if ratio <= 0.85 else 'not met'}** "
           f"({naive['seconds']:.2f} s vs {joined['seconds']:.2f} s, {ratio:.2f}x, "
           f"{int(naive['requests'])} and {int(joined['requests'])} requests)."]
    if "cpu_seconds" in naive and "cpu_seconds" in joined:
        waiting = joined["seconds"] - joined["cpu_seconds"]
        out.append(f"  Client CPU: {naive['cpu_seconds']:.3f} s here, {joined['cpu_seconds']:.3f} s for gazu; with no "
                   f"CPU at all the walk would still wait for the same answers: at best "
                   f"{waiting / joined['seconds']:.2f}x.")
    rss = naive["maxrss_mib"] / joined["maxrss_mib"]
    out.append(f"- Plain walk's peak RSS at most 1.15x gazu's: **{'met' if rss <= 1.15 else 'not met'}** "
               f"({naive['maxrss_mib']:.0f} vs {joined['maxrss_mib']:.0f} MiB, {rss:.2f}x; before the walk, "
               f"imports and login: {naive['baseline_mib']:.0f} vs {joined['baseline_mib']:.0f} MiB; "
               f"growth {naive['maxrss_mib'] - naive['baseline_mib']:.1f} vs "
               f"{joined['maxrss_mib'] - joined['baseline_mib']:.1f} MiB).")
    return out


def size_independence(report: dict[str, Any]) -> list[str]:
    """The goal that needs several sizes in one report: the prefetched walk's
    request count must not grow with the production."""
    counts = {size["size"]: int(r["requests"]) for size in report["sizes"] for r in size.get("walk", [])
              if r["name"] == "kitsu_models prefetch" and "error" not in r}
    if len(counts) < 2:
        return []
    ok = len(set(counts.values())) == 1
    listed = ", ".join(f"{name} {count}" for name, count in counts.items())
    return ["## Goal across sizes", "",
            f"- Walk with prefetch at a request count independent of the production size: "
            f"**{'met' if ok else 'not met'}** ({listed}).", ""]


def write_results(report: dict[str, Any]) -> None:
    with open(os.path.join(HERE, "results.json"), "w") as handle:
        json.dump(report, handle, indent=2, default=str)
    m = report["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"- date: {report['date']}",
        f"- machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gib']} GiB RAM, Python {m['python']}; "
        "server and benchmark on the same machine",
        f"- server: Zou {report['server_version']} at {report['host']}",
        f"- contenders: official gazu {GAZU_VERSION} from {GAZU_VENV}; kitsu_models from this tree",
        "- command: `" + report["command"] + "`",
        *[f"- updated {u['date']}: `{u['command']}`" for u in report.get("updates", [])],
        "",
        "Medians over alternating rounds; every contender runs in its own subprocess. Requests exclude the login; "
        "seconds are the scenario's own wall time (imports and login excluded); peak RSS is the subprocess's "
        "max RSS, RSS growth its growth during the scenario.",
        "",
    ]
    for size in report["sizes"]:
        s = size["seed"]
        lines += [f"## Size {size['size']}", "",
                  f"Production `{s['name']}` ({s['project_id']}): {size.get('counts', '')}. "
                  + (f"Seeded in {s['seed_seconds']} s wall time." if s.get("seed_seconds") else "Reused an existing seed."),
                  "Each table's rounds column says over how many rounds its medians were taken.", ""]
        if "walk" in size:
            lines += ["### 1. Full production walk", ""]
            lines += rows_table(size["walk"], walk.BASELINE, [
                ("client CPU s", lambda r: fmt(r.get("cpu_seconds"))),
                ("casting", lambda r: "yes" if r.get("casting") else "no"),
            ])
            lines += [""]
            if "list_seconds" in size:
                took = size["list_seconds"]
                lines += [f"Lists alone (best of 5, answer read, not decoded): the project's task list "
                          f"(`GET data/projects/{{id}}/tasks`, read by every gazu contender and the naive walk) "
                          f"{took['tasks']:.2f} s; the board lists the prefetch reads instead, at once "
                          f"(`data/assets/with-tasks`, `data/shots/with-tasks`) {took['assets with tasks']:.2f} s "
                          f"and {took['shots with tasks']:.2f} s. No walk reading one of them is faster.", ""]
        if "mytasks" in size:
            lines += ["### 2. My tasks (open tasks with entity, project, status, last comment)", "",
                      f"Logged in as `{BENCH_USER}` (its to-do list spans every open production it works on).", ""]
            lines += rows_table(size["mytasks"], "gazu 1.3.1 hand-joined", [])
            lines += [""]
        if "bulk" in size:
            b = size["bulk_info"]
            lines += ["### 3. Bulk update (a comment with a status change per task)", "",
                      f"{b['count']} tasks of `{s['name']}` (the first by id); each run moves them from "
                      f"{BULK_FROM} (set back before the run, outside its timing) to {BULK_TO}.", ""]
            lines += rows_table(size["bulk"], "gazu 1.3.1 TD loop", [("ms per task", lambda r: fmt(r.get("per_task_ms"), 1)),
                                                                      ("read back", lambda r: r.get("verified", ""))])
            lines += [""]
        if "repeat" in size:
            lines += ["### 6. Repeated read of a project's tasks", ""]
            body = []
            for r in size["repeat"]:
                if "error" in r:
                    body.append([r["name"], "error", "", "", "", "", "", "", r["error"]])
                    continue
                body.append([r["name"], f"{int(r['first_requests'])} / {fmt(r['first_seconds'], 3)}",
                             f"{int(r['second_requests'])} / {fmt(r['second_seconds'], 3)}",
                             fmt(r["maxrss_mib"], 0), fmt(r["maxrss_mib"] - r["baseline_mib"], 1),
                             "yes" if r.get("reused") else "no", int(r["rows"]), f"`{r['digest']}`", r.get("note", "")])
            lines += table(["contender", "1st read (requests / s)", "2nd read (requests / s)", "peak RSS MiB",
                            "RSS growth MiB", "2nd read returns the same objects", "rows", "digest", "note"],
                           body, "lrrrrlrll")
            lines += [""]
        g = goals(size, report)
        if g:
            lines += ["### Goals", ""] + g + [""]
    lines += size_independence(report)
    mat = report.get("materialize")
    if mat:
        lines += ["## 4. Materialise task rows (no server work)", ""]
        if "error" in mat:
            lines += [f"error: {mat['error']}", ""]
        else:
            lines += table(["", "time ms", "held MiB", "ratio (time / memory)"], [
                ["json.loads", fmt(mat["loads_seconds"] * 1000, 0), fmt(mat["loads_mib"], 0), "1.00x / 1.00x"],
                ["json.loads, GC paused", fmt(mat["loads_gc_paused_seconds"] * 1000, 0), "", ""],
                ["kitsu_models Task (`Repository.decode_list`)", fmt(mat["models_seconds"] * 1000, 0),
                 fmt(mat["models_mib"], 0), f"{mat['time_ratio']:.2f}x / {mat['memory_ratio']:.2f}x "
                 f"({mat['time_ratio_gc_paused']:.2f}x the GC-paused loads)"],
            ])
            per_round = mat.get("time_ratios_per_round") or []
            spread = f" (per-round time ratios from {min(per_round):.2f}x to {max(per_round):.2f}x)" if per_round else ""
            lines += ["", f"{mat['rows']:,} rows ({mat['payload_mib']:.1f} MiB of JSON); {mat['rounds']} rounds, each timing "
                      f"every side in turn; times are medians, the time ratio the median of each round's ratio{spread}; "
                      "memory is what tracemalloc sees held by the result.", ""]
    imp = report.get("imports")
    if imp:
        lines += ["## 5. Import time (fresh interpreter each run)", ""]
        base = next((r for r in imp if r["name"] == "gazu 1.3.1" and "error" not in r), None)
        lines += table(["package", "runs", "median ms", "min ms", "RSS after import MiB", "vs gazu"], [
            [r["name"], r.get("runs", ""), fmt(r.get("seconds", 0) * 1000, 0), fmt(r.get("min_seconds", 0) * 1000, 0),
             fmt(r.get("maxrss_mib"), 0), ratio(r.get("seconds"), base["seconds"] if base else None)]
            for r in imp])
        lines += [""]
    lines += ["## Notes", ""] + [f"- {n}" for n in report.get("notes", [])] + [""]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as handle:
        handle.write("\n".join(lines))


NOTES = walk.NOTES + [
    "My tasks: the to-do rows carry each task's last comment (`Task.last_comment`) and its entity's, project's "
    "and status's columns, which seed those related objects (partial objects, kitsu_models.orm.joins): "
    "task.entity.name and the others cost no request.",
    "Bulk: `Task.comment` posts the comment and then reloads the task (2 requests per task); "
    "gazu's `add_comment` posts only. Each run comments every task of the set once.",
    "Request counts under 8 threads come from an unlocked counter and may undercount slightly.",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="medium", help="comma-separated sizes: small,medium,large")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slow-rounds", type=int, default=None, help="rounds for per-object contenders")
    parser.add_argument("--scenarios", default="1,2,3,4,5,6")
    parser.add_argument("--bulk-tasks", type=int, default=None, help="tasks in the bulk set (default: small 100, else 500)")
    parser.add_argument("--materialize-rows", type=int, default=100_000)
    parser.add_argument("--import-runs", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--update", action="store_true",
                        help="keep what bench/results.json holds; replace only the scenarios run now")
    args = parser.parse_args()
    wanted = {s.strip() for s in args.scenarios.split(",")}
    slow_rounds = args.slow_rounds if args.slow_rounds is not None else args.rounds

    from seed import ensure, load_env, login

    load_env()
    ensure_gazu_venv()
    kitsu = login()
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    command = " ".join([".venv/bin/python bench/run.py", *sys.argv[1:]])
    if args.update:
        with open(os.path.join(HERE, "results.json")) as handle:
            report: dict[str, Any] = json.load(handle)
        if any("results" in s for s in report.get("sizes", [])) or isinstance(report.get("materialize"), str):
            raise SystemExit("bench/results.json was written by walk.py, not run.py: run without --update")
        report.setdefault("updates", []).append({"date": now, "command": command})
        report["notes"] = NOTES
    else:
        report = {"date": now, "machine": machine(), "server_version": kitsu.api_version(),
                  "host": os.environ["KITSU_API_URL"], "command": command, "sizes": [], "notes": NOTES}
    sizes = [s.strip() for s in args.size.split(",") if s.strip()] if wanted & {"1", "2", "3", "6"} else []
    for size_name in sizes:
        seeded = ensure(size_name, kitsu)
        pid = seeded["project_id"]
        if "2" in wanted:
            prepare_user(kitsu)  # after seeding: the seed creates the bench team
        size: dict[str, Any] = next((s for s in report["sizes"] if s["size"] == size_name), {})
        if not size:
            report["sizes"].append(size)
        elif size["seed"]["project_id"] == pid:
            seeded = size["seed"]  # the same production: keep how it was seeded
        size.update({"size": size_name, "seed": seeded, "rounds": args.rounds, "slow_rounds": slow_rounds,
                     "counts": walk.project_counts(pid)})
        if "1" in wanted:
            size["walk"] = run_rounds(f"{size_name} walk", walk.CONTENDERS, pid, args.rounds, slow_rounds, args.timeout,
                                      previous=size.get("walk"))
            for r, c in zip(size["walk"], walk.CONTENDERS):
                r["note"] = c.note
            size.pop("task_list_seconds", None)  # the older, task list only measure
            size["list_seconds"] = walk.list_seconds(pid)
            write_results(report)
        if "2" in wanted:
            size["mytasks"] = run_rounds(f"{size_name} my tasks", MYTASKS, pid, args.rounds, slow_rounds, args.timeout,
                                         previous=size.get("mytasks"))
            write_results(report)
        if "3" in wanted:
            count = args.bulk_tasks or BULK_DEFAULT.get(size_name, 500)
            ids_file = prepare_bulk(kitsu, size_name, pid, count)
            size["bulk_info"] = {"count": count, "ids_file": ids_file}
            counter: dict[str, Any] = {"n": 0}

            def bulk_subst(contender: Contender) -> dict[str, str]:
                reset_bulk(kitsu, ids_file)
                counter["n"] += 1
                text = f"bench bulk {now} #{counter['n']} -> {BULK_TO}"  # unique: the read-back counts only this run
                counter["last"] = {"ids": ids_file, "status": BULK_TO, "text": text}
                return dict(counter["last"])

            def bulk_check(result: dict[str, Any]) -> None:
                result["verified"] = verify_bulk(kitsu, **counter["last"])

            size["bulk"] = run_rounds(f"{size_name} bulk", BULK, pid, args.rounds, slow_rounds, args.timeout,
                                      bulk_subst, bulk_check, previous=size.get("bulk"))
            write_results(report)
        if "6" in wanted:
            size["repeat"] = run_rounds(f"{size_name} repeat", REPEAT, pid, args.rounds, slow_rounds, args.timeout,
                                        previous=size.get("repeat"))
            write_results(report)
    if "4" in wanted:
        print("materialise ...", flush=True)
        report["materialize"] = materialize(args.materialize_rows, 9)
    if "5" in wanted:
        report["imports"] = import_times(args.import_runs)
    write_results(report)
    print(f"wrote {os.path.join(HERE, 'RESULTS.md')} and results.json", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
