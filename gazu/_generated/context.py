"""``gazu.context``'s one-call functions. Generated from ``compat/functions/context.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from kitsu_models import catalogue as api

from .._calls import BY_NAME, Ref, Row, call
from ..client import KitsuClient, default_client

__all__ = ["all_sequences_for_episode"]


def all_sequences_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The sequences of an episode, by name."""
    return call(client, "GET", api.EPISODE_SEQUENCES, {"episode_id": episode}, result=BY_NAME)
