"""``gazu.files``: working files, output files, output types, softwares, file statuses, previews and avatars on disk.

The one-call functions are generated (``gazu/_generated/files.py``, from
``compat/functions/files.py``); those below need code of their own.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any, Optional

from kitsu_models import catalogue as api
from kitsu_models import errors
from kitsu_models.routes import Endpoint
from kitsu_models.streaming import ProgressCallback, StrPath

from ._calls import ROW, Downloaded, Ref, Row, call, download, fields, ref
from ._file_trees import FILE_TREES
from ._generated import files as _generated
from ._generated.files import *  # noqa: F403 (the one-call functions)
from .cache import cache
from .client import KitsuClient, default_client
from .exception import PreviewFileProcessingException

#: A path of the API and what fills its placeholders.
Source = tuple[Endpoint, dict[str, Any]]
Progress = Optional[ProgressCallback]


def _found_or_created(client: KitsuClient, found: Row | None, endpoint: Endpoint, body: dict[str, Any]) -> Row:
    return found if found is not None else call(client, "POST", endpoint, body=body, result=ROW)


def new_output_type(name: str, short_name: str, client: KitsuClient = default_client) -> Row:
    """The output type named ``name``, created when there is none."""
    body = {"name": name, "short_name": short_name}
    return _found_or_created(client, get_output_type_by_name(name, client), api.OUTPUT_TYPES, body)


def new_software(
    name: str, short_name: str, file_extension: str, secondary_extensions: list[str] | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """The software named ``name``, created when there is none."""
    body = fields({"name": name, "short_name": short_name, "file_extension": file_extension},
                  secondary_extensions=secondary_extensions)
    return _found_or_created(client, get_software_by_name(name, client), api.SOFTWARES, body)


def new_file_status(name: str, color: str, client: KitsuClient = default_client) -> Row:
    """The file status named ``name``, created when there is none."""
    body = {"name": name, "color": color}
    return _found_or_created(client, get_file_status_by_name(name, client), api.FILE_STATUSES, body)


# --------------------------------------------------------- paths, revisions
def _joined(client: KitsuClient, source: Source, body: dict[str, Any], folder: str, name: str, sep: str) -> str:
    """The path the server builds, joined as gazu joins it: folder, ``sep``, name, spaces as underscores."""
    answer = call(client, "POST", *source, body=body, result=ROW)
    return f"{str(answer[folder]).replace(' ', '_')}{sep}{str(answer[name]).replace(' ', '_')}"


def _output(output_type: Ref, task_type: Ref, **sent: Any) -> dict[str, Any]:
    return {"task_type_id": ref(task_type), "output_type_id": ref(output_type), **sent}


@cache
def build_working_file_path(
    task: Ref, name: str = "main", mode: str = "working", software: Ref | None = None, revision: int = 1,
    sep: str = "/", client: KitsuClient = default_client,
) -> str:
    """Where a task's working file goes by the production's file tree (no extension)."""
    body = fields({"mode": mode, "name": name, "revision": revision, "separator": sep}, software_id=ref(software))
    return _joined(client, (api.WORKING_FILE_PATH, {"task_id": task}), body, "path", "name", sep)


@cache
def build_entity_output_file_path(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "main", mode: str = "output", representation: str = "",
    revision: int = 0, nb_elements: int = 1, sep: str = "/", client: KitsuClient = default_client,
) -> str:
    """Where an entity's output file goes by the production's file tree (no extension)."""
    body = _output(output_type, task_type, mode=mode, name=name, representation=representation, revision=revision,
                   nb_elements=nb_elements, separator=sep)
    return _joined(client, (api.ENTITY_OUTPUT_PATH, {"entity_id": entity}), body, "folder_path", "file_name", sep)


@cache
def build_asset_instance_output_file_path(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "main",
    representation: str = "", mode: str = "output", revision: int = 0, nb_elements: int = 1, sep: str = "/",
    client: KitsuClient = default_client,
) -> str:
    """Where an asset instance's output file in a shot or scene goes (no extension)."""
    body = _output(output_type, task_type, mode=mode, name=name, representation=representation, revision=revision,
                   nb_elements=nb_elements, separator=sep)
    ids = {"asset_instance_id": asset_instance, "temporal_entity_id": temporal_entity}
    return _joined(client, (api.INSTANCE_OUTPUT_PATH, ids), body, "folder_path", "file_name", sep)


def get_next_entity_output_revision(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "main", client: KitsuClient = default_client
) -> int:
    """The revision an entity's next output file of this kind gets."""
    body = _output(output_type, task_type, name=name)
    answer = call(client, "POST", api.ENTITY_NEXT_REVISION, {"entity_id": entity}, body=body, result=ROW)
    return int(answer["next_revision"])


def get_next_asset_instance_output_revision(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "master",
    client: KitsuClient = default_client,
) -> int:
    """The revision an asset instance's next output file of this kind gets."""
    ids = {"asset_instance_id": asset_instance, "temporal_entity_id": temporal_entity}
    body = _output(output_type, task_type, name=name)
    return int(call(client, "POST", api.INSTANCE_NEXT_REVISION, ids, body=body, result=ROW)["next_revision"])


def get_last_entity_output_revision(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "master", client: KitsuClient = default_client
) -> int:
    """An entity's newest output revision of this kind (0: none yet)."""
    return get_next_entity_output_revision(entity, output_type, task_type, name, client) - 1


def get_last_asset_instance_output_revision(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "master",
    client: KitsuClient = default_client,
) -> int:
    """An asset instance's newest output revision of this kind (0: none yet)."""
    return get_next_asset_instance_output_revision(asset_instance, temporal_entity, output_type, task_type, name,
                                                   client) - 1


@cache
def get_last_working_file_revision(task: Ref, name: str = "main", client: KitsuClient = default_client) -> Row | None:
    """A task's newest working file named ``name``, or None."""
    newest: Row | None = call(client, "GET", api.TASK_LAST_WORKING_FILES, {"task_id": task}, result=ROW).get(name)
    return newest


# ---------------------------------------------------------------- downloads
def _saved(client: KitsuClient, source: Source, file_path: StrPath | None, progress: Progress,
           params: dict[str, Any] | None = None) -> Downloaded:
    """``source`` streamed into ``file_path``; without one, its body kept in
    the returned response (``.content``), as gazu 1.3.1 does."""
    if file_path is not None:
        return download(client, *source, file_path, params=params, progress=progress)
    with tempfile.TemporaryDirectory(prefix="gazu_") as folder:
        response = download(client, *source, Path(folder, "body"), params=params, progress=progress)
        response._content = Path(folder, "body").read_bytes()
    return response


def _record(client: KitsuClient, endpoint: Endpoint, value: Ref) -> Row:
    return call(client, "GET", endpoint, {str(endpoint.subject): value}, result=ROW)


def _preview_source(client: KitsuClient, preview_file: Ref, kind: str) -> Source:
    """A preview's file, its record read first: its ``original`` (the movie
    for an mp4, else the picture), its ``movie`` or its ``lowdef`` movie."""
    found = _record(client, api.PREVIEW_FILE, preview_file)
    ids = {"preview_file_id": found["id"], "extension": found.get("extension")}
    if kind == "lowdef":
        return api.PREVIEW_LOW_MOVIE, {"preview_file_id": found["id"]}
    return (api.PREVIEW_MOVIE if kind == "movie" or ids["extension"] == "mp4" else api.PREVIEW_PICTURE), ids


def get_preview_file_url(preview_file: Ref, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of a preview's original file."""
    endpoint, ids = _preview_source(client, preview_file, "original")
    return endpoint.fill(True, **ids)


def get_preview_movie_url(preview_file: Ref, lowdef: bool = False, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of a preview's movie (low definition with ``lowdef``)."""
    endpoint, ids = _preview_source(client, preview_file, "lowdef" if lowdef else "movie")
    return endpoint.fill(True, **ids)


def get_preview_lowdef_movie_url(preview_file: Ref, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of a preview's low-definition movie."""
    return get_preview_movie_url(preview_file, True, client)


def get_attachment_thumbnail_url(attachment_file: Ref, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of an attachment's thumbnail (no request)."""
    return api.ATTACHMENT_THUMBNAIL.fill(True, attachment_file_id=attachment_file)


def download_preview_file(preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
                          progress_callback: Progress = None) -> Downloaded:
    """Save a preview's original file (its movie for an mp4) at ``file_path``."""
    return _saved(client, _preview_source(client, preview_file, "original"), file_path, progress_callback)


def download_preview_movie(preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
                           progress_callback: Progress = None) -> Downloaded:
    """Save a preview's movie at ``file_path``."""
    return _saved(client, _preview_source(client, preview_file, "movie"), file_path, progress_callback)


def download_preview_lowdef_movie(preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
                                  progress_callback: Progress = None) -> Downloaded:
    """Save a preview's low-definition movie at ``file_path``."""
    return _saved(client, _preview_source(client, preview_file, "lowdef"), file_path, progress_callback)


def download_attachment_file(attachment_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
                             progress_callback: Progress = None) -> Downloaded:
    """Save an attachment at ``file_path`` (its record read for its name)."""
    found = get_attachment_file(attachment_file, client)
    ids = {"attachment_file_id": found["id"], "file_name": found.get("name") or ""}
    return _saved(client, (api.ATTACHMENT_DOWNLOAD, ids), file_path, progress_callback)


def download_working_file(working_file: Ref, file_path: StrPath | None = None, client: KitsuClient = default_client,
                          *, progress_callback: Progress = None) -> Downloaded:
    """Save a working file's stored content at ``file_path`` (default: its record's ``path``)."""
    if file_path is None:
        file_path = _record(client, api.WORKING_FILE, working_file)["path"]
    return _saved(client, (api.WORKING_FILE_CONTENT, {"working_file_id": working_file}), file_path, progress_callback)


def extract_frame_from_preview(
    preview_file: Ref, frame_number: int, file_path: StrPath | None = None, client: KitsuClient = default_client, *,
    progress_callback: Progress = None,
) -> Downloaded:
    """One frame of a preview's movie, saved at ``file_path`` (without one: in the response's ``content``)."""
    source = (api.EXTRACT_FRAME, {"preview_file_id": preview_file})
    return _saved(client, source, file_path, progress_callback, {"frame_number": frame_number})


def extract_tile_from_preview(preview_file: Ref, file_path: StrPath | None = None, client: KitsuClient = default_client,
                              *, progress_callback: Progress = None) -> Downloaded:
    """A preview's tile of frames, saved at ``file_path`` (without one: in the response's ``content``)."""
    return _saved(client, (api.EXTRACT_TILE, {"preview_file_id": preview_file}), file_path, progress_callback)


def wait_for_preview_file(
    preview_file: Ref, timeout: float = 60, poll_interval: float = 5, client: KitsuClient = default_client
) -> Row:
    """A preview once the server no longer processes it (ready or broken), read every ``poll_interval``
    seconds; ``PreviewFileProcessingException`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        current = _record(client, api.PREVIEW_FILE, preview_file)
        if current.get("status") != "processing":
            return current
        if time.monotonic() >= deadline:
            raise PreviewFileProcessingException(ref(preview_file))
        time.sleep(poll_interval)


def set_project_file_tree(project: Ref, file_tree_name: str, client: KitsuClient = default_client) -> Row:
    """Give a production one of the file trees of ``gazu._file_trees`` ("default",
    "simple"), sent whole: Zou 1.0.97 loads no tree by name."""
    if file_tree_name not in FILE_TREES:
        raise errors.InvalidArgumentError(f"no file tree named {file_tree_name!r}: one of {sorted(FILE_TREES)}")
    return update_project_file_tree(project, FILE_TREES[file_tree_name], client)


__all__: list[str] = [
    "build_asset_instance_output_file_path", "build_entity_output_file_path", "build_working_file_path",
    "download_attachment_file", "download_preview_file", "download_preview_lowdef_movie", "download_preview_movie",
    "download_working_file", "extract_frame_from_preview", "extract_tile_from_preview",
    "get_attachment_thumbnail_url", "get_last_asset_instance_output_revision", "get_last_entity_output_revision",
    "get_last_working_file_revision", "get_next_asset_instance_output_revision", "get_next_entity_output_revision",
    "get_preview_file_url", "get_preview_lowdef_movie_url", "get_preview_movie_url", "new_file_status",
    "new_output_type", "new_software", "set_project_file_tree", "wait_for_preview_file",
]
__all__ += _generated.__all__
