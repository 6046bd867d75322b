"""``gazu.context``'s table-made functions. Generated from ``compat/functions/context.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from kitsu_models import catalogue as api

from .. import asset as gazu_asset
from .. import scene as gazu_scene
from .._calls import BY_NAME, Ref, Row, call
from .._clients import KitsuClient, default_client

__all__ = [
    "all_sequences_for_episode", "all_open_projects", "all_assets_for_project", "all_asset_types_for_project",
    "all_assets_for_asset_type_and_project", "all_task_types_for_asset", "all_task_types_for_shot",
    "all_task_types_for_scene", "all_task_types_for_sequence", "all_sequences_for_project", "all_scenes_for_project",
    "all_shots_for_sequence", "all_scenes_for_sequence", "all_episodes_for_project",
]


def all_sequences_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The sequences of an episode, by name."""
    return call(client, "GET", api.EPISODE_SEQUENCES, {"episode_id": episode}, result=BY_NAME)


def all_open_projects(user_context: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """The open productions (of the user's with ``user_context``), by name."""
    return call(client, "GET", api.USER_OPEN_PROJECTS if user_context else api.OPEN_PROJECTS, result=BY_NAME)


def all_assets_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's assets (as ``gazu.asset``'s)."""
    return gazu_asset.all_assets_for_project(project, client=client)


def all_asset_types_for_project(
    project: Ref, user_context: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """The asset types a production's assets use (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_ASSET_TYPES if user_context else api.PROJECT_ASSET_TYPES, {"project_id": project},
        result=BY_NAME,
    )


def all_assets_for_asset_type_and_project(
    project: Ref, asset_type: Ref, user_context: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """A production's assets of one type (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_TYPE_ASSETS if user_context else api.PROJECT_TYPE_ASSETS,
        {"project_id": project, "asset_type_id": asset_type}, result=BY_NAME,
    )


def all_task_types_for_asset(asset: Ref, user_context: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """The task types of an asset's tasks (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_ASSET_TASK_TYPES if user_context else api.ASSET_TASK_TYPES, {"asset_id": asset},
        result=BY_NAME,
    )


def all_task_types_for_shot(shot: Ref, user_context: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a shot's tasks (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_SHOT_TASK_TYPES if user_context else api.SHOT_TASK_TYPES, {"shot_id": shot},
        result=BY_NAME,
    )


def all_task_types_for_scene(scene: Ref, user_context: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a scene's tasks (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_SCENE_TASK_TYPES if user_context else api.SCENE_TASK_TYPES, {"scene_id": scene},
        result=BY_NAME,
    )


def all_task_types_for_sequence(
    sequence: Ref, user_context: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """The task types of a sequence's tasks (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_SEQUENCE_TASK_TYPES if user_context else api.SEQUENCE_TASK_TYPES,
        {"sequence_id": sequence}, result=BY_NAME,
    )


def all_sequences_for_project(
    project: Ref, user_context: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """A production's sequences (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_SEQUENCES if user_context else api.PROJECT_SEQUENCES, {"project_id": project},
        result=BY_NAME,
    )


def all_scenes_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's scenes (as ``gazu.scene``'s)."""
    return gazu_scene.all_scenes(project, client=client)


def all_shots_for_sequence(
    sequence: Ref, user_context: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """A sequence's shots (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_SEQUENCE_SHOTS if user_context else api.SEQUENCE_SHOTS, {"sequence_id": sequence},
        result=BY_NAME,
    )


def all_scenes_for_sequence(
    sequence: Ref, user_context: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """A sequence's scenes (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_SEQUENCE_SCENES if user_context else api.SEQUENCE_SCENES, {"sequence_id": sequence},
        result=BY_NAME,
    )


def all_episodes_for_project(
    project: Ref, user_context: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """A production's episodes (of the user's with ``user_context``), by name."""
    return call(
        client, "GET", api.USER_EPISODES if user_context else api.PROJECT_EPISODES, {"project_id": project},
        result=BY_NAME,
    )
