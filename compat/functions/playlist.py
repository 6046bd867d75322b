"""``gazu.playlist``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS = (
    Fn("all_shots_for_playlist(playlist)", "GET", api.PLAYLIST, "The entries of a playlist (read afresh), by name.",
       cached=True, then='sort_by_name(answer["shots"])', returns="list[Row]"),
    Fn("all_playlists_for_episode(episode)", "GET", api.EPISODE_PLAYLISTS,
       "An episode's playlists, by name (the episode read only when its ``project_id`` is not given).",
       result="by_name", cached=True, ids={"project_id": 'field(client, episode, "project_id", api.EPISODE)'}),
    Fn("new_playlist(project, name, episode=None, for_entity='shot', for_client=False, is_for_all=False)", "POST",
       api.PLAYLISTS, "The production's playlist named ``name``, created when there is none.",
       body={"name": "name", "project_id": "ref(project)", "for_entity": "for_entity", "for_client": "for_client",
             "is_for_all": "is_for_all", "episode_id?": "ref(episode)"},
       lookup="get_playlist_by_name(project, name, client=client)",
       types={"for_client": "bool", "is_for_all": "bool"}),
    Fn("all_playlists()", "GET", api.PLAYLISTS, "Every playlist, by name.", result="by_name", cached=True),
    Fn("all_playlists_for_project(project)", "GET", api.PROJECT_PLAYLISTS,
       "One page of a production's playlists, by name (``page`` is always sent).", result="by_name", cached=True,
       query={"page": "page"}, after_client="page=1"),
    Fn("get_playlist(playlist)", "GET", api.PLAYLIST, "A playlist's record.", cached=True),
    Fn("get_playlist_by_name(project, name)", "GET", api.PLAYLISTS, "The production's playlist named so, or None.",
       result="first", cached=True, query={"project_id": "ref(project)", "name": "name"}),
    Fn("update_playlist(playlist)", "PUT", api.PLAYLIST, "Save the fields of ``playlist`` (a dict with its id).",
       body="record(playlist)", types={"playlist": "Record"}),
    Fn("delete_playlist(playlist)", "DELETE", api.PLAYLIST, "Delete a playlist."),
    Fn("get_entity_preview_files(entity)", "GET", api.ENTITY_PLAYLIST_PREVIEWS,
       "An entity's previews, by task type id (newest first in each list)."),
    Fn("generate_temp_playlist(project, data)", "POST", api.TEMP_PLAYLIST,
       "The entries a playlist of the given tasks or entities would hold (nothing is saved).", body="dict(data)"),
    Fn("notify_clients_playlist_ready(playlist)", "POST", api.PLAYLIST_NOTIFY_CLIENTS,
       "Tell the production's clients that a playlist is ready.", body={}),
    # -------------------------------------------------------- builds
    Fn("build_playlist_movie(playlist)", "GET", api.PLAYLIST_BUILD,
       "Start building a playlist's movie: the build job's record."),
    Fn("get_build_job(playlist, build_job)", "GET", api.BUILD_JOB, "A playlist build job's record.", cached=True),
    Fn("remove_build_job(playlist, build_job)", "DELETE", api.BUILD_JOB, "Delete a playlist build job."),
    Fn("all_build_jobs_for_project(project)", "GET", api.PROJECT_BUILD_JOBS, "A production's playlist build jobs.",
       cached=True),
    Fn("download_playlist_build(playlist, build_job, file_path)", "GET", api.BUILD_JOB_MOVIE,
       "Save a build job's movie at ``file_path``.", kind="download", target="file_path",
       after_client="progress_callback=None"),
    Fn("download_playlist_zip(playlist, file_path)", "GET", api.PLAYLIST_ZIP,
       "Save a playlist's previews as a zip file at ``file_path``.", kind="download", target="file_path",
       after_client="progress_callback=None"),
    # --------------------------------------------------- share links
    Fn("all_share_links_for_playlist(playlist)", "GET", api.PLAYLIST_SHARE_LINKS, "A playlist's active share links."),
    Fn("remove_share_link(playlist, token)", "DELETE", api.PLAYLIST_SHARE_LINK, "Revoke a playlist's share link."),
)
