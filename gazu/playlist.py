"""``gazu.playlist``: review playlists of a production or an episode."""

from __future__ import annotations

from typing import Any

from kitsu_models.ids import id_of

from . import paths
from ._calls import Record, Ref, Row, body_of, by_name, field, first, get_or_create, read_by_name, read_row, write_row
from .cache import cache
from .client import KitsuClient, default_client


@cache
def all_playlists(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PLAYLISTS)


@cache
def all_playlists_for_project(project: Ref, client: KitsuClient = default_client, page: int = 1) -> list[Row]:
    """One page of the production's playlists, by name."""
    return read_by_name(client, paths.PROJECT_PLAYLISTS, {"page": page}, project_id=project)


@cache
def all_playlists_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    project = field(client, episode, "project_id", paths.EPISODE, "episode_id")
    return read_by_name(client, paths.EPISODE_PLAYLISTS, project_id=project, episode_id=episode)


@cache
def all_shots_for_playlist(playlist: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The playlist's entries (shots with their preview), by name."""
    return by_name(list(read_row(client, paths.PLAYLIST, playlist_id=playlist).get("shots") or []))


@cache
def get_playlist(playlist: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.PLAYLIST, playlist_id=playlist)


@cache
def get_playlist_by_name(project: Ref, name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.PLAYLISTS, {"project_id": id_of(project, what="project"), "name": name})


def new_playlist(
    project: Ref,
    name: str,
    episode: Ref | None = None,
    for_entity: str = "shot",
    for_client: bool = False,
    client: KitsuClient = default_client,
) -> Row:
    """The production's playlist named ``name``, created when there is none."""
    body: dict[str, Any] = {
        "name": name, "project_id": id_of(project, what="project"), "for_entity": for_entity,
        "for_client": for_client, "is_for_all": False,
    }
    if episode is not None:
        body["episode_id"] = id_of(episode, what="episode")
    return get_or_create(client, lambda: get_playlist_by_name(project, name, client), paths.PLAYLISTS, body)


def update_playlist(playlist: Record, client: KitsuClient = default_client) -> Row:
    return write_row(client, "PUT", paths.PLAYLIST, body_of(playlist), playlist_id=playlist)
