"""Shared pieces of the benchmarks: contenders, the subprocess runner,
medians, machine description and Markdown tables.

A contender is a command run in its own subprocess (clean memory numbers)
that prints one JSON line last; ``run_contender`` returns that line as a
dict (or ``{"error": ...}``). Adding a contender to a scenario (another SDK,
our own ``gazu`` package run through the same gazu scripts) is one more
``Contender`` entry.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import statistics
import subprocess
import sys
import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GAZU_VENV = "/opt/gazu-venv"
GAZU_VERSION = "1.3.1"
OFFICIAL = f"{GAZU_VENV}/bin/python"
OUR_PYTHON = sys.executable


@dataclass(frozen=True)
class Contender:
    name: str
    command: list[str]                   # argv; "{project_id}" and other "{key}"s are substituted
    env: dict[str, str] = field(default_factory=dict)
    cwd: str = "/tmp"                    # away from the repository's own gazu/
    slow: bool = False                   # one request per object: fewer rounds
    note: str = ""


def digest(rows: Iterable[Any]) -> str:
    return hashlib.sha256(repr(sorted(rows)).encode()).hexdigest()[:12]


def maxrss_mib() -> float:
    """Peak RSS of this process. VmHWM, not ru_maxrss: Linux carries
    ru_maxrss over fork+exec, so a child of a big parent would report the
    parent's peak."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_contender(contender: Contender, project_id: str, timeout: float, **subst: str) -> dict[str, Any]:
    """Run one contender's subprocess; its last stdout line is the JSON result."""
    values = {"project_id": project_id, **subst}

    def fill(part: str) -> str:
        for key, value in values.items():
            part = part.replace("{" + key + "}", value)
        return part

    argv = [fill(part) for part in contender.command]
    env = {**os.environ, **contender.env}
    started = time.perf_counter()
    try:
        done = subprocess.run(argv, cwd=contender.cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0 or not done.stdout.strip():
        return {"error": (done.stderr.strip().splitlines() or ["exit %d" % done.returncode])[-1][:300]}
    try:
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    except ValueError:
        return {"error": "unreadable output: " + done.stdout.strip()[-300:]}
    result["process_seconds"] = time.perf_counter() - started
    return result


def collect_rounds(
    label: str, contenders: Sequence[Contender], project_id: str, rounds: int, slow_rounds: int, timeout: float,
    subst: Callable[[Contender], dict[str, str]] | None = None,
    check: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Run the contenders alternately over the rounds (slow ones over ``slow_rounds``),
    printing one line per run; returns each contender's runs by name.
    ``check(result)`` runs after each good run, outside its timing (to
    read back from the server what the run claims to have done)."""
    runs: dict[str, list[dict[str, Any]]] = {c.name: [] for c in contenders}
    for round_no in range(max(rounds, slow_rounds)):
        # Each round starts with another contender: none always runs after
        # the same neighbour (a warmed server cache, a busy one).
        shift = round_no % len(contenders)
        for contender in [*contenders[shift:], *contenders[:shift]]:
            if round_no >= (slow_rounds if contender.slow else rounds):
                continue
            result = run_contender(contender, project_id, timeout, **(subst(contender) if subst else {}))
            if check is not None and "error" not in result:
                check(result)
            runs[contender.name].append(result)
            shown = result.get("error") or (f"{result.get('requests')} requests, {result['seconds']:.2f} s, "
                                            f"{result['maxrss_mib']:.0f} MiB")
            print(f"  [{label} round {round_no + 1}] {contender.name}: {shown}", flush=True)
    return runs


def median_of(runs: Sequence[dict[str, Any]], key: str) -> Any:
    values = [r[key] for r in runs if isinstance(r.get(key), (int, float)) and not isinstance(r.get(key), bool)]
    return statistics.median(values) if values else None


def summarize_runs(name: str, runs: list[dict[str, Any]], note: str = "") -> dict[str, Any]:
    """Medians of every numeric key over the good runs; other keys from the first run."""
    good = [r for r in runs if "error" not in r]
    if not good:
        return {"name": name, "error": runs[-1].get("error") if runs else "not run", "runs": runs, "note": note}
    summary: dict[str, Any] = {"name": name, "rounds": len(good), "note": note, "runs": runs}
    for key, value in good[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            summary[key] = median_of(good, key)
        else:
            summary[key] = value
    if "requests" in good[0]:
        summary["requests_stable"] = len({r["requests"] for r in good}) == 1
    return summary


def machine() -> dict[str, Any]:
    mem_kib = 0
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    cpu = ""
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "memory_gib": round(mem_kib / 2**20, 1), "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform()}


def ensure_gazu_venv() -> None:
    """Official gazu with its ``async`` extra (aiohttp, for gazu.aio) in its own virtualenv."""
    if os.path.exists(OFFICIAL):
        check = subprocess.run([OFFICIAL, "-P", "-c", "import aiohttp, gazu; print(gazu.__version__)"], cwd="/tmp",
                               capture_output=True, text=True)
        if check.stdout.strip() == GAZU_VERSION:
            return
    print(f"creating {GAZU_VENV} with gazu[async]=={GAZU_VERSION} ...", flush=True)
    subprocess.run(["/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable,
                    "-m", "venv", GAZU_VENV], check=True)
    subprocess.run([f"{GAZU_VENV}/bin/pip", "install", "-q", f"gazu[async]=={GAZU_VERSION}"], check=True)


def scenario_args() -> argparse.Namespace:
    """Command line of the scenario subprocesses (bench/scenarios_ours.py and bench/scenarios_gazu.py)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", choices=("mytasks", "bulk", "repeat"), required=True)
    parser.add_argument("--mode", default="")
    parser.add_argument("--project-id")
    parser.add_argument("--ids")
    parser.add_argument("--status")
    parser.add_argument("--text", default="bench bulk")
    return parser.parse_args()


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], align: str = "") -> list[str]:
    """Markdown table lines; ``align`` is one char per column: l or r (default r except the first)."""
    align = align or "l" + "r" * (len(headers) - 1)
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---" if a == "l" else "---:" for a in align) + "|"]
    for row in rows:
        lines.append("| " + " | ".join("" if v is None else str(v) for v in row) + " |")
    return lines


def ratio(value: float | None, base: float | None) -> str:
    if not value or not base:
        return ""
    return f"{value / base:.2f}x"
