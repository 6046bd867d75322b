"""What both gazu scripts (bench/gazu_contender.py, bench/scenarios_gazu.py)
share: ``gazu`` imported with every HTTP request counted in ``COUNT["n"]``,
and the login. Needs only ``gazu`` and ``requests``: never imports
kitsu_models (it runs in /opt/gazu-venv, or against this repository's
``gazu`` package with the repository on PYTHONPATH).
"""

from __future__ import annotations

import os
from typing import Any

import requests

COUNT = {"n": 0}
_original_send = requests.Session.send


def _counting_send(self: Any, *args: Any, **kwargs: Any) -> Any:
    # send, not request: official gazu goes through Session.request, our
    # gazu's transport sends prepared requests; both end in send.
    COUNT["n"] += 1
    return _original_send(self, *args, **kwargs)


requests.Session.send = _counting_send  # type: ignore[method-assign]

import gazu  # noqa: E402  (after the patch, so every request is counted)


def log_in(user: bool = False) -> None:
    """Log in as the admin, or as the bench artist (KITSU_BENCH_USER_*)."""
    gazu.set_host(os.environ["KITSU_API_URL"])
    if user:
        gazu.log_in(os.environ["KITSU_BENCH_USER_EMAIL"], os.environ["KITSU_BENCH_USER_PASSWORD"])
    else:
        gazu.log_in(os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
