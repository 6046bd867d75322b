"""``gazu.playlist``'s table-made functions. Generated from ``compat/functions/playlist.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api
from kitsu_models.streaming import ProgressCallback, StrPath

from .._calls import (
    BY_NAME, Downloaded, FIRST, LIST, ROW, Record, Ref, Row, TEXT, call, download, field, fields, record, ref,
)
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client
from ..sorting import sort_by_name

if TYPE_CHECKING:
    from .. import playlist as gazu_playlist
else:
    gazu_playlist = Late("gazu.playlist")

__all__ = [
    "all_shots_for_playlist", "all_playlists_for_episode", "new_playlist", "all_playlists", "all_playlists_for_project",
    "get_playlist", "get_playlist_by_name", "update_playlist", "delete_playlist", "get_entity_preview_files",
    "generate_temp_playlist", "notify_clients_playlist_ready", "build_playlist_movie", "get_build_job",
    "remove_build_job", "all_build_jobs_for_project", "download_playlist_build", "download_playlist_zip",
    "all_share_links_for_playlist", "remove_share_link",
]


@cache
def all_shots_for_playlist(playlist: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The entries of a playlist (read afresh), by name."""
    answer = call(client, "GET", api.PLAYLIST, {"playlist_id": playlist}, result=ROW)
    return sort_by_name(answer["shots"])


@cache
def all_playlists_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """An episode's playlists, by name (the episode read only when its ``project_id`` is not given)."""
    return call(
        client, "GET", api.EPISODE_PLAYLISTS,
        {"project_id": field(client, episode, "project_id", api.EPISODE), "episode_id": episode}, result=BY_NAME,
    )


def new_playlist(
    project: Ref, name: str, episode: Ref | None = None, for_entity: str = "shot", for_client: bool = False,
    is_for_all: bool = False, client: KitsuClient = default_client,
) -> Row:
    """The production's playlist named ``name``, created when there is none."""
    body = fields(
        {
            "name": name, "project_id": ref(project), "for_entity": for_entity, "for_client": for_client,
            "is_for_all": is_for_all,
        },
        episode_id=ref(episode),
    )
    found = gazu_playlist.get_playlist_by_name(project, name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.PLAYLISTS, body=body, result=ROW)


@cache
def all_playlists(client: KitsuClient = default_client) -> list[Row]:
    """Every playlist, by name."""
    return call(client, "GET", api.PLAYLISTS, result=BY_NAME)


@cache
def all_playlists_for_project(project: Ref, client: KitsuClient = default_client, *, page: int = 1) -> list[Row]:
    """One page of a production's playlists, by name (``page`` is always sent)."""
    return call(client, "GET", api.PROJECT_PLAYLISTS, {"project_id": project}, params={"page": page}, result=BY_NAME)


@cache
def get_playlist(playlist: Ref, client: KitsuClient = default_client) -> Row:
    """A playlist's record."""
    return call(client, "GET", api.PLAYLIST, {"playlist_id": playlist}, result=ROW)


@cache
def get_playlist_by_name(project: Ref, name: str, client: KitsuClient = default_client) -> Row | None:
    """The production's playlist named so, or None."""
    return call(client, "GET", api.PLAYLISTS, params={"project_id": ref(project), "name": name}, result=FIRST)


def update_playlist(playlist: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``playlist`` (a dict with its id)."""
    return call(client, "PUT", api.PLAYLIST, {"playlist_id": playlist}, body=record(playlist), result=ROW)


def delete_playlist(playlist: Ref, client: KitsuClient = default_client) -> str:
    """Delete a playlist."""
    return call(client, "DELETE", api.PLAYLIST, {"playlist_id": playlist}, result=TEXT)


def get_entity_preview_files(entity: Ref, client: KitsuClient = default_client) -> Row:
    """An entity's previews, by task type id (newest first in each list)."""
    return call(client, "GET", api.ENTITY_PLAYLIST_PREVIEWS, {"entity_id": entity}, result=ROW)


def generate_temp_playlist(project: Ref, data: dict[str, Any], client: KitsuClient = default_client) -> Any:
    """The entries a playlist of the given tasks or entities would hold (nothing is saved)."""
    return call(client, "POST", api.TEMP_PLAYLIST, {"project_id": project}, body=dict(data))


def notify_clients_playlist_ready(playlist: Ref, client: KitsuClient = default_client) -> Any:
    """Tell the production's clients that a playlist is ready."""
    return call(client, "POST", api.PLAYLIST_NOTIFY_CLIENTS, {"playlist_id": playlist}, body={})


def build_playlist_movie(playlist: Ref, client: KitsuClient = default_client) -> Row:
    """Start building a playlist's movie: the build job's record."""
    return call(client, "GET", api.PLAYLIST_BUILD, {"playlist_id": playlist}, result=ROW)


@cache
def get_build_job(playlist: Ref, build_job: Ref, client: KitsuClient = default_client) -> Row:
    """A playlist build job's record."""
    return call(client, "GET", api.BUILD_JOB, {"playlist_id": playlist, "build_job_id": build_job}, result=ROW)


def remove_build_job(playlist: Ref, build_job: Ref, client: KitsuClient = default_client) -> str:
    """Delete a playlist build job."""
    return call(client, "DELETE", api.BUILD_JOB, {"playlist_id": playlist, "build_job_id": build_job}, result=TEXT)


@cache
def all_build_jobs_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's playlist build jobs."""
    return call(client, "GET", api.PROJECT_BUILD_JOBS, {"project_id": project}, result=LIST)


def download_playlist_build(
    playlist: Ref, build_job: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a build job's movie at ``file_path``."""
    return download(
        client, api.BUILD_JOB_MOVIE, {"playlist_id": playlist, "build_job_id": build_job}, file_path,
        progress=progress_callback,
    )


def download_playlist_zip(
    playlist: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a playlist's previews as a zip file at ``file_path``."""
    return download(client, api.PLAYLIST_ZIP, {"playlist_id": playlist}, file_path, progress=progress_callback)


def all_share_links_for_playlist(playlist: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A playlist's active share links."""
    return call(client, "GET", api.PLAYLIST_SHARE_LINKS, {"playlist_id": playlist}, result=LIST)


def remove_share_link(playlist: Ref, token: str, client: KitsuClient = default_client) -> str:
    """Revoke a playlist's share link."""
    return call(client, "DELETE", api.PLAYLIST_SHARE_LINK, {"playlist_id": playlist, "token": token}, result=TEXT)
