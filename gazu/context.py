"""``gazu.context``: gazu's reads that show either everything or, with
``user_context=True``, only what the logged-in user works on (the
``data/user/...`` routes). Every list is sorted by name.

The one-call functions are generated (``gazu/_generated/context.py``, from
``compat/functions/context.py``); those below choose between two routes.
"""

from __future__ import annotations

from typing import Any

from kitsu_models import catalogue as api
from kitsu_models.routes import Endpoint

from . import asset as gazu_asset
from . import scene as gazu_scene
from ._calls import BY_NAME, Ref, Row, call
from ._generated import context as _generated
from ._generated.context import *  # noqa: F403 (the one-call functions)
from .client import KitsuClient, default_client


def _listed(client: KitsuClient, user_context: bool, mine: Endpoint, every: Endpoint, **ids: Any) -> list[Row]:
    """The list at ``mine`` (the user's) with ``user_context``, else at ``every``, by name."""
    return call(client, "GET", mine if user_context else every, ids, result=BY_NAME)


def all_open_projects(user_context: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """The open productions (the user's with ``user_context``)."""
    return _listed(client, user_context, api.USER_OPEN_PROJECTS, api.OPEN_PROJECTS)


def all_assets_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's assets (as ``gazu.asset``'s)."""
    return gazu_asset.all_assets_for_project(project, client=client)


def all_asset_types_for_project(
    project: Ref, user_context: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    """The asset types a production's assets use (those of the user's assets with ``user_context``)."""
    return _listed(client, user_context, api.USER_ASSET_TYPES, api.PROJECT_ASSET_TYPES, project_id=project)


def all_assets_for_asset_type_and_project(
    project: Ref, asset_type: Ref, user_context: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    """A production's assets of one type (the user's with ``user_context``)."""
    ids = {"project_id": project, "asset_type_id": asset_type}
    return _listed(client, user_context, api.USER_TYPE_ASSETS, api.PROJECT_TYPE_ASSETS, **ids)


def all_task_types_for_asset(asset: Ref, user_context: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """The task types of an asset's tasks (of the user's tasks with ``user_context``)."""
    return _listed(client, user_context, api.USER_ASSET_TASK_TYPES, api.ASSET_TASK_TYPES, asset_id=asset)


def all_task_types_for_shot(shot: Ref, user_context: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a shot's tasks (of the user's tasks with ``user_context``)."""
    return _listed(client, user_context, api.USER_SHOT_TASK_TYPES, api.SHOT_TASK_TYPES, shot_id=shot)


def all_task_types_for_scene(scene: Ref, user_context: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a scene's tasks (of the user's tasks with ``user_context``)."""
    return _listed(client, user_context, api.USER_SCENE_TASK_TYPES, api.SCENE_TASK_TYPES, scene_id=scene)


def all_task_types_for_sequence(
    sequence: Ref, user_context: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    """The task types of a sequence's tasks (of the user's tasks with ``user_context``)."""
    return _listed(client, user_context, api.USER_SEQUENCE_TASK_TYPES, api.SEQUENCE_TASK_TYPES, sequence_id=sequence)


def all_sequences_for_project(
    project: Ref, user_context: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    """A production's sequences (those the user works in with ``user_context``)."""
    return _listed(client, user_context, api.USER_SEQUENCES, api.PROJECT_SEQUENCES, project_id=project)


def all_scenes_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's scenes (as ``gazu.scene``'s)."""
    return gazu_scene.all_scenes(project, client=client)


def all_shots_for_sequence(
    sequence: Ref, user_context: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    """A sequence's shots (those the user works on with ``user_context``)."""
    return _listed(client, user_context, api.USER_SEQUENCE_SHOTS, api.SEQUENCE_SHOTS, sequence_id=sequence)


def all_scenes_for_sequence(
    sequence: Ref, user_context: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    """A sequence's scenes (those the user works on with ``user_context``)."""
    return _listed(client, user_context, api.USER_SEQUENCE_SCENES, api.SEQUENCE_SCENES, sequence_id=sequence)


def all_episodes_for_project(
    project: Ref, user_context: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    """A production's episodes (those the user works in with ``user_context``)."""
    return _listed(client, user_context, api.USER_EPISODES, api.PROJECT_EPISODES, project_id=project)


__all__: list[str] = [
    "all_asset_types_for_project", "all_assets_for_asset_type_and_project", "all_assets_for_project",
    "all_episodes_for_project", "all_open_projects", "all_scenes_for_project", "all_scenes_for_sequence",
    "all_sequences_for_project", "all_shots_for_sequence", "all_task_types_for_asset", "all_task_types_for_scene",
    "all_task_types_for_sequence", "all_task_types_for_shot",
]
__all__ += _generated.__all__
