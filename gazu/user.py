"""``gazu.user``: the logged-in user's own views: productions, tasks, filters, notifications, chats, time spent.
The table's functions are generated (``gazu/_generated/user.py``); the functions below are written by hand."""

from __future__ import annotations

from kitsu_models import catalogue as api

from ._calls import ROW, call
from ._generated import user as _generated
from ._generated.user import *  # noqa: F403 (the table's functions)
from .client import KitsuClient, default_client
from .exception import NotAuthenticatedException


def is_authenticated(client: KitsuClient = default_client) -> bool:
    """Whether the server accepts the client's token (False when it does not)."""
    try:
        return bool(call(client, "GET", api.AUTHENTICATED, result=ROW).get("authenticated"))
    except NotAuthenticatedException:
        return False


__all__: list[str] = ["is_authenticated"]
__all__ += _generated.__all__
