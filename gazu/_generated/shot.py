"""``gazu.shot``'s table-made functions. Generated from ``compat/functions/shot.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api
from kitsu_models.streaming import ProgressCallback, StrPath

from .._calls import (
    BY_NAME, Downloaded, FIRST, ROW, Record, Ref, Row, TEXT, call, download, field, fields, flag, linked, page_url,
    production_url, record, ref, upload,
)
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import shot as gazu_shot
else:
    gazu_shot = Late("gazu.shot")

__all__ = [
    "get_episode_from_sequence", "new_episode", "new_sequence", "new_shot", "get_sequence_from_shot", "get_episode_url",
    "get_sequence_url", "get_shot_url", "get_all_episodes_url", "get_all_sequences_url", "all_previews_for_shot",
    "all_shots_for_project", "all_shots_for_episode", "all_shots_for_sequence", "all_sequences_for_project",
    "all_sequences_for_episode", "all_episodes_for_project", "get_episode", "get_episode_by_name", "get_sequence",
    "get_sequence_by_name", "get_shot", "get_shot_by_name", "update_shot", "update_sequence", "update_episode",
    "update_shot_data", "update_sequence_data", "update_episode_data", "remove_shot", "restore_shot", "remove_episode",
    "remove_sequence", "get_asset_instances_for_shot", "all_asset_instances_for_shot", "add_asset_instance_to_shot",
    "remove_asset_instance_from_shot", "import_shots_with_csv", "export_shots_with_csv",
]


@cache
def get_episode_from_sequence(sequence: Ref, client: KitsuClient = default_client) -> Row | None:
    """The sequence's episode, or None when it is in none."""
    return linked(get_episode, field(client, sequence, "parent_id", api.SEQUENCE), client)


def new_episode(project: Ref, name: str, client: KitsuClient = default_client) -> Row:
    """The production's episode named ``name``, created when there is none."""
    ids = {"project_id": ref(project)}
    body = {"name": name}
    found = gazu_shot.get_episode_by_name(project, name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.PROJECT_EPISODES, ids, body=body, result=ROW)


def new_sequence(project: Ref, name: str, episode: Ref | None = None, client: KitsuClient = default_client) -> Row:
    """The sequence named ``name`` (in ``episode`` when given, else in the production), created when there is none."""
    ids = {"project_id": ref(project)}
    body = fields({"name": name}, episode_id=ref(episode))
    found = gazu_shot.get_sequence_by_name(project, name, episode, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.PROJECT_SEQUENCES, ids, body=body, result=ROW)


def new_shot(
    project: Ref, sequence: Ref, name: str, nb_frames: int | None = None, frame_in: int | None = None,
    frame_out: int | None = None, description: str | None = None, data: dict[str, Any] = {},
    client: KitsuClient = default_client,
) -> Row:
    """The sequence's shot named ``name``, created when there is none (``frame_in``, ``frame_out`` in its ``data``)."""
    ids = {"project_id": ref(project)}
    body = fields(
        {
            "name": name, "data": fields(dict(data or {}), frame_in=frame_in, frame_out=frame_out),
            "sequence_id": ref(sequence),
        },
        nb_frames=nb_frames, description=description,
    )
    found = gazu_shot.get_shot_by_name(sequence, name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.PROJECT_SHOTS, ids, body=body, result=ROW)


@cache
def get_sequence_from_shot(shot: Ref, client: KitsuClient = default_client) -> Row:
    """The shot's sequence (read unless the dict has its ``parent_id``)."""
    return gazu_shot.get_sequence(field(client, shot, "parent_id", api.SHOT), client=client)


@cache
def get_episode_url(episode: Ref, client: KitsuClient = default_client) -> str:
    """The page of the episode's shots in Kitsu's web UI."""
    return page_url(client, gazu_shot.get_episode(episode, client=client), "episodes") + "shots"


@cache
def get_sequence_url(sequence: Ref, client: KitsuClient = default_client) -> str:
    """The sequence's page in Kitsu's web UI (under its episode when it has one)."""
    return page_url(client, gazu_shot.get_sequence(sequence, client=client), "sequences", "parent_id")


@cache
def get_shot_url(shot: Ref, client: KitsuClient = default_client) -> str:
    """The shot's page in Kitsu's web UI (under its episode when it has one)."""
    return page_url(client, gazu_shot.get_shot(shot, client=client), "shots", "episode_id")


@cache
def get_all_episodes_url(project: Ref, client: KitsuClient = default_client) -> str:
    """The page of a production's episodes in Kitsu's web UI (no request)."""
    return f"{production_url(client, project)}/episodes/"


@cache
def get_all_sequences_url(project: Ref, client: KitsuClient = default_client) -> str:
    """The page of a production's sequences in Kitsu's web UI (no request)."""
    return f"{production_url(client, project)}/sequences/"


@cache
def all_previews_for_shot(shot: Ref, client: KitsuClient = default_client) -> Any:
    """The shot's previews, grouped by task type as the server sends them."""
    return call(client, "GET", api.SHOT_PREVIEWS, {"shot_id": shot})


@cache
def all_shots_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The production's shots, by name."""
    return call(client, "GET", api.PROJECT_SHOTS, {"project_id": project}, result=BY_NAME)


@cache
def all_shots_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The episode's shots, by name."""
    return call(client, "GET", api.EPISODE_SHOTS, {"episode_id": episode}, result=BY_NAME)


@cache
def all_shots_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The sequence's shots, by name."""
    return call(client, "GET", api.SEQUENCE_SHOTS, {"sequence_id": sequence}, result=BY_NAME)


@cache
def all_sequences_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The production's sequences, by name."""
    return call(client, "GET", api.PROJECT_SEQUENCES, {"project_id": project}, result=BY_NAME)


@cache
def all_sequences_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The episode's sequences, by name."""
    return call(client, "GET", api.EPISODE_SEQUENCES, {"episode_id": episode}, result=BY_NAME)


@cache
def all_episodes_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The production's episodes, by name."""
    return call(client, "GET", api.PROJECT_EPISODES, {"project_id": project}, result=BY_NAME)


@cache
def get_episode(episode_id: Ref, client: KitsuClient = default_client) -> Row:
    """An episode's record."""
    return call(client, "GET", api.EPISODE, {"episode_id": episode_id}, result=ROW)


@cache
def get_episode_by_name(project: Ref, episode_name: str, client: KitsuClient = default_client) -> Row | None:
    """The production's episode named ``episode_name``, or None."""
    return call(client, "GET", api.EPISODES, params={"project_id": ref(project), "name": episode_name}, result=FIRST)


@cache
def get_sequence(sequence_id: Ref, client: KitsuClient = default_client) -> Row:
    """A sequence's record."""
    return call(client, "GET", api.SEQUENCE, {"sequence_id": sequence_id}, result=ROW)


@cache
def get_sequence_by_name(
    project: Ref, sequence_name: str, episode: Ref | None = None, client: KitsuClient = default_client,
) -> Row | None:
    """The sequence named ``sequence_name``: in ``episode`` when given, else in the production; or None."""
    return call(
        client, "GET", api.SEQUENCES,
        params={
            "project_id": None if episode is not None else ref(project), "episode_id": ref(episode),
            "name": sequence_name,
        },
        result=FIRST,
    )


@cache
def get_shot(shot_id: Ref, client: KitsuClient = default_client) -> Row:
    """A shot's record."""
    return call(client, "GET", api.SHOT, {"shot_id": shot_id}, result=ROW)


@cache
def get_shot_by_name(sequence: Ref, shot_name: str, client: KitsuClient = default_client) -> Row | None:
    """The sequence's shot named ``shot_name``, or None."""
    return call(client, "GET", api.ALL_SHOTS, params={"sequence_id": ref(sequence), "name": shot_name}, result=FIRST)


def update_shot(shot: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``shot`` (sent as given)."""
    return call(client, "PUT", api.ENTITY, {"entity_id": shot}, body=record(shot), result=ROW)


def update_sequence(sequence: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``sequence`` (sent as given)."""
    return call(client, "PUT", api.ENTITY, {"entity_id": sequence}, body=record(sequence), result=ROW)


def update_episode(episode: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``episode`` (sent as given)."""
    return call(client, "PUT", api.ENTITY, {"entity_id": episode}, body=record(episode), result=ROW)


def update_shot_data(shot: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:
    """Merge ``data`` into the shot's ``data`` (only these keys are sent; the server merges them)."""
    return call(
        client, "PUT", api.ENTITY, {"entity_id": shot}, body={"id": ref(shot), "data": dict(data or {})}, result=ROW,
    )


def update_sequence_data(sequence: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:
    """Merge ``data`` into the sequence's ``data`` (only these keys are sent; the server merges them)."""
    return call(
        client, "PUT", api.ENTITY, {"entity_id": sequence}, body={"id": ref(sequence), "data": dict(data or {})},
        result=ROW,
    )


def update_episode_data(episode: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:
    """Merge ``data`` into the episode's ``data`` (only these keys are sent; the server merges them)."""
    return call(
        client, "PUT", api.ENTITY, {"entity_id": episode}, body={"id": ref(episode), "data": dict(data or {})},
        result=ROW,
    )


def remove_shot(shot: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a shot; without ``force`` the server only cancels one that has tasks."""
    return call(client, "DELETE", api.SHOT, {"shot_id": shot}, params={"force": flag(force)}, result=TEXT)


def restore_shot(shot: Ref, client: KitsuClient = default_client) -> Row:
    """Un-cancel a shot a plain ``remove_shot`` cancelled."""
    return call(client, "PUT", api.SHOT, {"shot_id": shot}, body={"canceled": False}, result=ROW)


def remove_episode(episode: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete an episode; without ``force`` the server refuses one that has tasks."""
    return call(client, "DELETE", api.EPISODE, {"episode_id": episode}, params={"force": flag(force)}, result=TEXT)


def remove_sequence(sequence: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a sequence; without ``force`` the server refuses one that has tasks."""
    return call(client, "DELETE", api.SEQUENCE, {"sequence_id": sequence}, params={"force": flag(force)}, result=TEXT)


@cache
def get_asset_instances_for_shot(shot: Ref, client: KitsuClient = default_client) -> Any:
    """The asset instances linked to a shot."""
    return call(client, "GET", api.SHOT_ASSET_INSTANCES, {"shot_id": shot})


def all_asset_instances_for_shot(shot: Ref, client: KitsuClient = default_client) -> Any:
    """The asset instances linked to a shot (``get_asset_instances_for_shot``, not cached)."""
    return call(client, "GET", api.SHOT_ASSET_INSTANCES, {"shot_id": shot})


def add_asset_instance_to_shot(shot: Ref, asset_instance: Ref, client: KitsuClient = default_client) -> Row:
    """Link an asset instance to a shot; returns the shot."""
    return call(
        client, "POST", api.SHOT_ASSET_INSTANCES, {"shot_id": shot}, body={"asset_instance_id": ref(asset_instance)},
        result=ROW,
    )


def remove_asset_instance_from_shot(shot: Ref, asset_instance: Ref, client: KitsuClient = default_client) -> str:
    """Unlink an asset instance from a shot (the instance itself stays)."""
    return call(
        client, "DELETE", api.SHOT_ASSET_INSTANCE, {"shot_id": shot, "asset_instance_id": asset_instance}, result=TEXT,
    )


def import_shots_with_csv(
    project: Ref, csv_file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Create or update a production's shots from a CSV file."""
    return upload(client, api.IMPORT_SHOTS_CSV, {"project_id": project}, [csv_file_path], progress=progress_callback)


def export_shots_with_csv(
    project: Ref, csv_file_path: StrPath, episode: Ref | None = None, assigned_to: Ref | None = None,
    client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a production's shots as a CSV file (of one episode, of one assignee)."""
    return download(
        client, api.EXPORT_SHOTS_CSV, {"project_id": project}, csv_file_path,
        params={"episode_id": ref(episode), "assigned_to": ref(assigned_to)}, progress=progress_callback,
    )
