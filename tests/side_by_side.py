"""Run the same gazu calls through official gazu 1.3.1 (its own virtualenv,
as bench/ installs it) and through this repository's ``gazu``, each in a
subprocess logged in to the same server, and give back both results.

A call is ``(module, function, args, kwargs)``; its result is
``{"value": ...}`` (JSON) or ``{"error": "ClassName"}`` (its name in
``gazu.exception``). Both interpreters run tests/gazu_script.py, which
imports nothing but ``gazu`` and the standard library.
"""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from harness import OFFICIAL, ensure_gazu_venv  # noqa: E402

Call = tuple[str, str, list[Any], dict[str, Any]]
#: Run in each interpreter, for both the call lists and the production script.
_SCRIPT = ROOT / "tests" / "gazu_script.py"


def run(calls: list[Call], *, official: bool, settings: dict[str, str]) -> list[dict[str, Any]]:
    """The results of ``calls``, in order, through one gazu."""
    results: list[dict[str, Any]] = _python(_SCRIPT.read_text(encoding="utf-8"), json.dumps(calls), official,
                                            {**settings, "GAZU_CALLS": "1"})
    return results


def run_script(tag: str, *, official: bool, settings: dict[str, str], scenario: str = "") -> list[list[Any]]:
    """The records of tests/gazu_script.py's production script (or of the
    scenario ``tests/gazu_scenarios/<scenario>.py``), run with ``GAZU_RUN_TAG=tag``."""
    script = {**settings, "GAZU_RUN_TAG": tag, "GAZU_SCENARIO": scenario}
    records: list[list[Any]] = _python(_SCRIPT.read_text(encoding="utf-8"), "", official, script)
    return records


def settings_of(server: Any) -> dict[str, str]:
    """The environment that logs a script in to ``server`` (the
    ``kitsu_server`` fixture) as its admin."""
    return {"KITSU_API_URL": server.api_url, "KITSU_EVENTS_URL": server.events_url,
            "KITSU_ADMIN_EMAIL": server.admin_email, "KITSU_ADMIN_PASSWORD": server.admin_password.reveal()}


def compare_script(server: Any, scenario: str = "") -> tuple[list[list[Any]], list[list[Any]]]:
    """The production script's records (or a scenario's), run through ours
    and through official gazu on ``server``, normalized to compare."""
    tag = uuid.uuid4().hex[:6]
    ours = run_script(tag + "o", official=False, settings=settings_of(server), scenario=scenario)
    theirs = run_script(tag + "g", official=True, settings=settings_of(server), scenario=scenario)
    return normalized(ours, tag + "o"), normalized(theirs, tag + "g")


def _python(source: str, stdin: str, official: bool, settings: dict[str, str]) -> Any:
    """Run ``source`` in official gazu's interpreter or in ours; the JSON
    its last line prints."""
    env = {**os.environ, **settings}
    tests = str(ROOT / "tests")  # gazu_script and the scenarios (no package named gazu in there)
    if official:
        ensure_gazu_venv()
        command, cwd = [OFFICIAL, "-P", "-c", source], "/tmp"
        env["PYTHONPATH"] = tests
    else:
        command, cwd = [sys.executable, "-c", source], str(ROOT)
        env["PYTHONPATH"] = os.pathsep.join((str(ROOT), tests))
    done = subprocess.run(command, input=stdin, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_ID_PREFIX = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}\b(?!-)")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def normalized(records: list[list[Any]], tag: str) -> list[list[Any]]:
    """``records`` with what differs between two runs replaced: the ids a
    run created (numbered in order of appearance; the server's own ids stay
    as they are only if both runs see them first at the same place, which
    they do), dates and times, and the run's marker or tag. The metadata
    descriptors a production or a template holds are put in the order of
    their field names first: the server gives those in no fixed order (a CI
    run got one production's two swapped, and every id after them numbered
    the other way)."""
    numbers: dict[str, str] = {}

    def text(value: str) -> str:
        value = value.replace("gzrun" + tag, "gzrun<run>").replace(tag, "<tag>")
        value = _UUID.sub(lambda match: numbers.setdefault(match.group(0), f"<id{len(numbers)}>"), value)
        value = _ID_PREFIX.sub("<id prefix>", value)  # a preview's name: the start of its id
        return _TIME.sub("<time>", value)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return text(value)
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {text(key): walk(_by_field_name(item) if key in _UNORDERED_DESCRIPTORS else item)
                    for key, item in value.items()}
        return value

    return [[label, walk(result)] for label, result in records]


_UNORDERED_DESCRIPTORS = ("descriptors", "metadata_descriptors")


def _by_field_name(descriptors: Any) -> Any:
    """A list of metadata descriptors sorted by field name (anything else
    as it is)."""
    if isinstance(descriptors, list) and all(isinstance(one, dict) and "field_name" in one for one in descriptors):
        return sorted(descriptors, key=lambda one: one["field_name"])
    return descriptors
