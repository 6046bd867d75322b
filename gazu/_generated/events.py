"""``gazu.events``'s table-made functions. Generated from ``compat/functions/events.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kitsu_models import catalogue as api

from .._calls import call, refs
from .._clients import KitsuClient, default_client
from ..helpers import validate_date_format

__all__ = ["get_last_login_logs"]


def get_last_login_logs(
    after: str | None = None, before: str | None = None, limit: int = 100, cursor_login_log_id: str | None = None,
    person_ids: Sequence[Any] | None = None, client: KitsuClient = default_client,
) -> Any:
    """The latest logins (newest first), between ``after`` and ``before`` (dates checked first), of some people."""
    return call(
        client, "GET", api.LAST_LOGIN_LOGS,
        params={
            "limit": limit, "after": None if after is None else validate_date_format(after),
            "before": None if before is None else validate_date_format(before),
            "cursor_login_log_id": cursor_login_log_id, "person_ids": refs(person_ids, "person") or None,
        },
    )
