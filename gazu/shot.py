"""``gazu.shot``: episodes, sequences, shots and the asset instances shots use."""

from __future__ import annotations

from typing import Any

from kitsu_models.ids import id_of

from . import paths
from ._calls import (
    Record, Ref, Row, body_of, field, first, get_or_create, read, read_by_name, read_row, remove, update_data,
    write_row,
)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host


# ------------------------------------------------------------- episodes
@cache
def all_episodes_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PROJECT_EPISODES, project_id=project)


@cache
def get_episode(episode_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.EPISODE, episode_id=episode_id)


@cache
def get_episode_by_name(project: Ref, episode_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.EPISODES, {"project_id": id_of(project, what="project"), "name": episode_name})


@cache
def get_episode_from_sequence(sequence: Ref, client: KitsuClient = default_client) -> Row | None:
    """The sequence's episode, or None when it is in none."""
    episode = field(client, sequence, "parent_id", paths.SEQUENCE, "sequence_id")
    return None if episode is None else get_episode(episode, client)


@cache
def get_episode_url(episode: Ref, client: KitsuClient = default_client) -> str:
    """The episode's shot list in Kitsu's web UI."""
    record = get_episode(episode, client)
    return f"{get_api_url_from_host(client)}/productions/{record['project_id']}/episodes/{record['id']}/shots"


def new_episode(project: Ref, name: str, client: KitsuClient = default_client) -> Row:
    """The production's episode named ``name``, created when there is none."""
    lookup = lambda: get_episode_by_name(project, name, client)  # noqa: E731 (as in every new_*)
    return get_or_create(client, lookup, paths.PROJECT_EPISODES, {"name": name}, project_id=project)


def update_episode(episode: Record, client: KitsuClient = default_client) -> Row:
    return write_row(client, "PUT", paths.ENTITY, body_of(episode), entity_id=episode)


def update_episode_data(episode: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the episode's (only these keys are sent)."""
    return update_data(client, episode, data, "episode")


def remove_episode(episode: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    return remove(client, paths.EPISODE, force, episode_id=episode)


# ------------------------------------------------------------ sequences
@cache
def all_sequences_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PROJECT_SEQUENCES, project_id=project)


@cache
def all_sequences_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.EPISODE_SEQUENCES, episode_id=episode)


@cache
def get_sequence(sequence_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.SEQUENCE, sequence_id=sequence_id)


@cache
def get_sequence_by_name(
    project: Ref, sequence_name: str, episode: Ref | None = None, client: KitsuClient = default_client
) -> Row | None:
    """The sequence named so, in ``episode`` when given, else in the production."""
    return first(client, paths.SEQUENCES, {"name": sequence_name, **_sequence_scope(project, episode)})


@cache
def get_sequence_from_shot(shot: Ref, client: KitsuClient = default_client) -> Row:
    return get_sequence(field(client, shot, "parent_id", paths.SHOT, "shot_id"), client)


def new_sequence(project: Ref, name: str, episode: Ref | None = None, client: KitsuClient = default_client) -> Row:
    """The sequence named ``name`` (in ``episode`` when given), created when there is none."""
    criteria = {**_sequence_scope(project, episode), "name": name}
    body = {"name": name} if episode is None else {"name": name, "episode_id": id_of(episode, what="episode")}
    return get_or_create(client, lambda: first(client, paths.SEQUENCES, criteria), paths.PROJECT_SEQUENCES, body, project_id=project)


def update_sequence(sequence: Record, client: KitsuClient = default_client) -> Row:
    return write_row(client, "PUT", paths.ENTITY, body_of(sequence), entity_id=sequence)


def update_sequence_data(sequence: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the sequence's (only these keys are sent)."""
    return update_data(client, sequence, data, "sequence")


def remove_sequence(sequence: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    return remove(client, paths.SEQUENCE, force, sequence_id=sequence)


# ---------------------------------------------------------------- shots
@cache
def all_shots_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PROJECT_SHOTS, project_id=project)


@cache
def all_shots_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.EPISODE_SHOTS, episode_id=episode)


@cache
def all_shots_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SEQUENCE_SHOTS, sequence_id=sequence)


@cache
def all_previews_for_shot(shot: Ref, client: KitsuClient = default_client) -> Any:
    """The shot's previews, grouped by task type (as the server sends them)."""
    return read(client, paths.SHOT_PREVIEWS, shot_id=shot)


@cache
def get_shot(shot_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.SHOT, shot_id=shot_id)


@cache
def get_shot_by_name(sequence: Ref, shot_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.ALL_SHOTS, {"sequence_id": id_of(sequence, what="sequence"), "name": shot_name})


@cache
def get_shot_url(shot: Ref, client: KitsuClient = default_client) -> str:
    """The shot's page in Kitsu's web UI (under its episode when it has one)."""
    record = get_shot(shot, client)
    base = f"{get_api_url_from_host(client)}/productions/{record['project_id']}"
    if record.get("episode_id") is not None:
        base += f"/episodes/{record['episode_id']}"
    return f"{base}/shots/{record['id']}/"


def new_shot(
    project: Ref,
    sequence: Ref,
    name: str,
    nb_frames: int | None = None,
    frame_in: int | None = None,
    frame_out: int | None = None,
    description: str | None = None,
    data: dict[str, Any] = {},  # noqa: B006 (the spec's default; never mutated)
    client: KitsuClient = default_client,
) -> Row:
    """The sequence's shot named ``name``, created when there is none
    (``frame_in`` and ``frame_out`` go into its ``data``)."""
    frames = {key: value for key, value in (("frame_in", frame_in), ("frame_out", frame_out)) if value is not None}
    body: dict[str, Any] = {"name": name, "data": {**data, **frames}, "sequence_id": id_of(sequence, what="sequence")}
    body.update({key: value for key, value in (("nb_frames", nb_frames), ("description", description)) if value is not None})
    lookup = lambda: get_shot_by_name(sequence, name, client)  # noqa: E731
    return get_or_create(client, lookup, paths.PROJECT_SHOTS, body, project_id=project)


def update_shot(shot: Record, client: KitsuClient = default_client) -> Row:
    return write_row(client, "PUT", paths.ENTITY, body_of(shot), entity_id=shot)


def update_shot_data(shot: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the shot's ``data`` (only these keys are sent)."""
    return update_data(client, shot, data, "shot")


def restore_shot(shot: Ref, client: KitsuClient = default_client) -> Row:
    """Un-cancel a shot a plain ``remove_shot`` cancelled."""
    return write_row(client, "PUT", paths.SHOT, {"canceled": False}, shot_id=shot)


def remove_shot(shot: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    return remove(client, paths.SHOT, force, shot_id=shot)


# ------------------------------------------------------ asset instances
@cache
def get_asset_instances_for_shot(shot: Ref, client: KitsuClient = default_client) -> Any:
    return read(client, paths.SHOT_ASSET_INSTANCES, shot_id=shot)


def all_asset_instances_for_shot(shot: Ref, client: KitsuClient = default_client) -> Any:
    return read(client, paths.SHOT_ASSET_INSTANCES, shot_id=shot)


def add_asset_instance_to_shot(shot: Ref, asset_instance: Ref, client: KitsuClient = default_client) -> Row:
    body = {"asset_instance_id": id_of(asset_instance, what="asset instance")}
    return write_row(client, "POST", paths.SHOT_ASSET_INSTANCES, body, shot_id=shot)


def remove_asset_instance_from_shot(shot: Ref, asset_instance: Ref, client: KitsuClient = default_client) -> str:
    return remove(client, paths.SHOT_ASSET_INSTANCE, shot_id=shot, asset_instance_id=asset_instance)


def _sequence_scope(project: Ref, episode: Ref | None) -> dict[str, str]:
    """gazu looks a sequence up in its episode when one is given, else in the production."""
    if episode is not None:
        return {"episode_id": id_of(episode, what="episode")}
    return {"project_id": id_of(project, what="project")}

