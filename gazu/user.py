"""``gazu.user``: the logged-in user's own views: the productions, entities,
task types and tasks they work on, their to-do list, their session."""

from __future__ import annotations

import datetime
from typing import Any

from kitsu_models import errors

from . import paths
from ._calls import Ref, Row, read_by_name, read_list, read_row, write
from .cache import cache
from .client import KitsuClient, default_client


@cache
def all_open_projects(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_OPEN_PROJECTS)


@cache
def all_asset_types_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_ASSET_TYPES, project_id=project)


@cache
def all_assets_for_asset_type_and_project(project: Ref, asset_type: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_TYPE_ASSETS, project_id=project, asset_type_id=asset_type)


@cache
def all_sequences_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SEQUENCES, project_id=project)


@cache
def all_episodes_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_EPISODES, project_id=project)


@cache
def all_shots_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SEQUENCE_SHOTS, sequence_id=sequence)


@cache
def all_scenes_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SEQUENCE_SCENES, sequence_id=sequence)


@cache
def all_tasks_for_asset(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_ASSET_TASKS, asset_id=asset)


@cache
def all_tasks_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SHOT_TASKS, shot_id=shot)


@cache
def all_tasks_for_scene(scene: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SCENE_TASKS, scene_id=scene)


@cache
def all_tasks_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SEQUENCE_TASKS, sequence_id=sequence)


@cache
def all_task_types_for_asset(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_ASSET_TASK_TYPES, asset_id=asset)


@cache
def all_task_types_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SHOT_TASK_TYPES, shot_id=shot)


@cache
def all_task_types_for_scene(scene: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SCENE_TASK_TYPES, scene_id=scene)


@cache
def all_task_types_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.USER_SEQUENCE_TASK_TYPES, sequence_id=sequence)


@cache
def all_tasks_to_do(client: KitsuClient = default_client) -> list[Row]:
    """The user's open tasks, with their entity, project and status names."""
    return read_list(client, paths.USER_TASKS)


@cache
def all_done_tasks(client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.USER_DONE_TASKS)


def is_authenticated(client: KitsuClient = default_client) -> bool:
    """Whether the client's token is accepted (False when it is not)."""
    try:
        return bool(read_row(client, paths.AUTHENTICATED).get("authenticated"))
    except errors.AuthenticationError:
        return False


def log_desktop_session_log_in(client: KitsuClient = default_client) -> Any:
    """Record that the user opened a desktop session now."""
    return write(client, "POST", paths.USER_DESKTOP_LOGINS, {"date": datetime.datetime.now().isoformat()})
