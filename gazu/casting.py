"""``gazu.casting``: casting: which assets are in which shots, episodes and sequences, and entity links.

The one-call functions are generated (``gazu/_generated/casting.py``, from
``compat/functions/casting.py``); those below need code of their own.
"""

from __future__ import annotations

from typing import Any

from kitsu_models import catalogue as api
from kitsu_models.routes import Endpoint

from ._calls import LIST, TEXT, Ref, Row, call, field
from ._generated import casting as _generated
from ._generated.casting import *  # noqa: F403 (the one-call functions)
from .cache import cache
from .client import KitsuClient, default_client


@cache
def get_shot_casting(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets cast in a shot (its production: a dict's ``project_id``, else read from the shot)."""
    return _casting(client, shot, api.SHOT)


@cache
def get_asset_casting(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets cast in an asset (its production: a dict's ``project_id``, else read from the asset)."""
    return _casting(client, asset, api.ASSET)


@cache
def get_episode_casting(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets cast in an episode (its production: a dict's ``project_id``, else read from the episode)."""
    return _casting(client, episode, api.EPISODE)


def _casting(client: KitsuClient, entity: Ref, endpoint: Endpoint) -> list[Row]:
    project = field(client, entity, "project_id", endpoint)
    return call(client, "GET", api.CASTING, {"project_id": project, "entity_id": entity}, result=LIST)


@cache
def get_sequence_casting(sequence: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every shot of a sequence, by shot id (its production: a
    dict's ``project_id``, else read from the sequence)."""
    project = field(client, sequence, "project_id", api.SEQUENCE)
    return call(client, "GET", api.SEQUENCE_CASTING, {"project_id": project, "sequence_id": sequence})


def delete_entity_link(entity_link: Ref, client: KitsuClient = default_client) -> Any:
    """Delete an entity link; returns it as given (an id as ``{"id": ...}``, as gazu does)."""
    call(client, "DELETE", api.ENTITY_LINK, {"entity_link_id": entity_link}, result=TEXT)
    return {"id": entity_link} if isinstance(entity_link, str) else entity_link


__all__: list[str] = [
    "delete_entity_link", "get_asset_casting", "get_episode_casting", "get_sequence_casting", "get_shot_casting",
]
__all__ += _generated.__all__
