"""Run the same gazu calls through official gazu 1.3.1 (its own virtualenv,
as bench/ installs it) and through this repository's ``gazu``, each in a
subprocess logged in to the same server, and give back both results.

A call is ``(module, function, args, kwargs)``; its result is
``{"value": ...}`` (JSON) or ``{"error": "ClassName"}`` (its name in
``gazu.exception``). The script run in
each interpreter imports nothing but ``gazu`` and the standard library.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from harness import OFFICIAL, ensure_gazu_venv  # noqa: E402

Call = tuple[str, str, list[Any], dict[str, Any]]

_RUNNER = r"""
import importlib, json, os, sys
import gazu
import gazu.exception

def gazu_name(exc):
    # The gazu.exception name of the error (ours are the SDK's classes under gazu's names).
    for cls in type(exc).__mro__:
        names = sorted(n for n in dir(gazu.exception) if getattr(gazu.exception, n) is cls)
        if names:
            return max(names, key=lambda n: n.endswith("Exception"))
    return type(exc).__name__

gazu.set_host(os.environ["KITSU_API_URL"])
gazu.log_in(os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
results = []
for module, name, args, kwargs in json.load(sys.stdin):
    target = gazu if module == "gazu" else importlib.import_module("gazu." + module)
    try:
        results.append({"value": getattr(target, name)(*args, **kwargs)})
    except Exception as exc:
        results.append({"error": gazu_name(exc)})
print(json.dumps(results, default=str))
"""


def run(calls: list[Call], *, official: bool, settings: dict[str, str]) -> list[dict[str, Any]]:
    """The results of ``calls``, in order, through one gazu."""
    env = {**os.environ, **settings}
    if official:
        ensure_gazu_venv()
        command, cwd = [OFFICIAL, "-P", "-c", _RUNNER], "/tmp"
        env.pop("PYTHONPATH", None)
    else:
        command, cwd = [sys.executable, "-c", _RUNNER], str(ROOT)
        env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(command, input=json.dumps(calls), cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    results: list[dict[str, Any]] = json.loads(done.stdout.strip().splitlines()[-1])
    return results
