"""``gazu.studio``'s table-made functions. Generated from ``compat/functions/studio.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from kitsu_models import catalogue as api

from .._calls import BY_NAME, FIRST, ROW, Record, Ref, Row, TEXT, call, flag, record
from ..cache import cache
from .._clients import KitsuClient, default_client

__all__ = ["all_studios", "get_studio", "get_studio_by_name", "update_studio", "remove_studio"]


@cache
def all_studios(client: KitsuClient = default_client) -> list[Row]:
    """Every studio, by name."""
    return call(client, "GET", api.STUDIOS, result=BY_NAME)


@cache
def get_studio(studio_id: Ref, client: KitsuClient = default_client) -> Row:
    """A studio's record."""
    return call(client, "GET", api.STUDIO, {"studio_id": studio_id}, result=ROW)


@cache
def get_studio_by_name(studio_name: str, client: KitsuClient = default_client) -> Row | None:
    """The studio named ``studio_name``, or None."""
    return call(client, "GET", api.STUDIOS, params={"name": studio_name}, result=FIRST)


def update_studio(studio: Record, client: KitsuClient = default_client) -> Row:
    """Save a studio (its dict is sent as given)."""
    return call(client, "PUT", api.STUDIO, {"studio_id": studio}, body=record(studio), result=ROW)


def remove_studio(studio: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a studio (``force`` is sent as gazu sends it; the server ignores it)."""
    return call(client, "DELETE", api.STUDIO, {"studio_id": studio}, params={"force": flag(force)}, result=TEXT)
