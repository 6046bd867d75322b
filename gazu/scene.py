"""``gazu.scene``: scenes of sequences, their asset instances and the shots
made from them.

The one-call functions are generated (``gazu/_generated/scene.py``, from
``compat/functions/scene.py``); those below need code of their own.
"""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import shot as gazu_shot
from ._calls import BY_NAME, Ref, Row, call, field
from ._generated import scene as _generated
from ._generated.scene import *  # noqa: F403 (the one-call functions)
from .cache import cache
from .client import KitsuClient, default_client


@cache
def all_scenes(project: Ref | None = None, client: KitsuClient = default_client) -> list[Row]:
    """A production's scenes, by name; every production's when ``project`` is None."""
    if project is None:
        return call(client, "GET", api.SCENES, result=BY_NAME)
    return call(client, "GET", api.PROJECT_SCENES, {"project_id": project}, result=BY_NAME)


def all_scenes_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's scenes, by name (as :func:`all_scenes`)."""
    return all_scenes(project, client)


@cache
def get_sequence_from_scene(scene: Ref, client: KitsuClient = default_client) -> Row:
    """The scene's sequence (its ``parent_id``: read first unless the dict has it)."""
    return gazu_shot.get_sequence(field(client, scene, "parent_id", api.SCENE), client=client)


__all__: list[str] = ["all_scenes", "all_scenes_for_project", "get_sequence_from_scene"]
__all__ += _generated.__all__
