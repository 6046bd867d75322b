"""``gazu.user``: the logged-in user's own views: productions, tasks, filters, notifications, chats, time spent.

The one-call functions are generated (``gazu/_generated/user.py``, from
``compat/functions/user.py``); those below need code of their own.
"""

from __future__ import annotations

import datetime

from kitsu_models import catalogue as api

from ._calls import ROW, Row, call
from ._generated import user as _generated
from ._generated.user import *  # noqa: F403 (the one-call functions)
from .client import KitsuClient, default_client
from .exception import NotAuthenticatedException


def is_authenticated(client: KitsuClient = default_client) -> bool:
    """Whether the server accepts the client's token (False when it does not)."""
    try:
        return bool(call(client, "GET", api.AUTHENTICATED, result=ROW).get("authenticated"))
    except NotAuthenticatedException:
        return False


def log_desktop_session_log_in(client: KitsuClient = default_client) -> Row:
    """Record that the user opened a desktop session now (local time, ISO 8601)."""
    body = {"date": datetime.datetime.now().isoformat()}
    return call(client, "POST", api.USER_DESKTOP_LOGINS, body=body, result=ROW)


__all__: list[str] = ["is_authenticated", "log_desktop_session_log_in"]
__all__ += _generated.__all__
