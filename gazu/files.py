"""``gazu.files``: working and output files, output types, softwares, file statuses, previews, avatars on disk.
The table's functions are generated (``gazu/_generated/files.py``); the functions below are written by hand."""

from __future__ import annotations

import time

from kitsu_models import catalogue as api
from kitsu_models import errors
from kitsu_models.streaming import ProgressCallback, StrPath

from ._calls import ROW, Downloaded, Ref, Row, call, download, ref
from ._file_trees import FILE_TREES
from ._generated import files as _generated
from ._generated.files import *  # noqa: F403 (the table's functions)
from .client import KitsuClient, default_client
from .exception import PreviewFileProcessingException


def download_attachment_file(attachment_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
                             progress_callback: ProgressCallback | None = None) -> Downloaded:
    """Save an attachment at ``file_path`` (its record read for its name)."""
    found = get_attachment_file(attachment_file, client)
    ids = {"attachment_file_id": found["id"], "file_name": found.get("name") or ""}
    return download(client, api.ATTACHMENT_DOWNLOAD, ids, file_path, progress=progress_callback)


def download_working_file(working_file: Ref, file_path: StrPath | None = None, client: KitsuClient = default_client,
                          *, progress_callback: ProgressCallback | None = None) -> Downloaded:
    """Save a working file's stored content at ``file_path`` (default: its record's ``path``)."""
    ids = {"working_file_id": working_file}
    if file_path is None:
        file_path = call(client, "GET", api.WORKING_FILE, ids, result=ROW)["path"]
    return download(client, api.WORKING_FILE_CONTENT, ids, file_path, progress=progress_callback)


def wait_for_preview_file(
    preview_file: Ref, timeout: float = 60, poll_interval: float = 5, client: KitsuClient = default_client
) -> Row:
    """A preview once no longer processing (read every ``poll_interval`` s; ``timeout`` s at the most)."""
    deadline = time.monotonic() + timeout
    while True:
        current = call(client, "GET", api.PREVIEW_FILE, {"preview_file_id": preview_file}, result=ROW)
        if current.get("status") != "processing":
            return current
        if time.monotonic() >= deadline:
            raise PreviewFileProcessingException(ref(preview_file))
        time.sleep(poll_interval)


def set_project_file_tree(project: Ref, file_tree_name: str, client: KitsuClient = default_client) -> Row:
    """Give a production a file tree of ``gazu._file_trees``, sent whole: Zou 1.0.97 loads none by name."""
    if file_tree_name not in FILE_TREES:
        raise errors.InvalidArgumentError(f"no file tree named {file_tree_name!r}: one of {sorted(FILE_TREES)}")
    return update_project_file_tree(project, FILE_TREES[file_tree_name], client)


__all__: list[str] = [
    "download_attachment_file", "download_working_file", "set_project_file_tree", "wait_for_preview_file",
]
__all__ += _generated.__all__
