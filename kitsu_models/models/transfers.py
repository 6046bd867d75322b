"""Downloads into a file or into a folder under a default name, shared by
previews, attachments, files and avatars (the target is checked before any
request: :mod:`kitsu_models.checks`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import checks
from ..orm.base import KitsuModel
from ..streaming import ProgressCallback, StrPath


def _download_target(value: Any, default_name: str) -> Path:
    """Where to write a download: the path given, or ``default_name`` in
    it when it is an existing folder."""
    path = checks.local_path(value, "target")
    if path.is_dir():
        name = Path(default_name).name  # a server-sent name: no folders
        return path / (name if name not in ("", ".", "..") else "download")
    return path


def download(
    owner: KitsuModel, path: str, target: StrPath, default_name: str, progress: ProgressCallback | None
) -> Path:
    """Download the server's ``path`` for ``owner`` into ``target`` (a file
    path, or an existing folder to save ``default_name`` into); returns the
    path written."""
    destination = _download_target(target, default_name)
    owner.session.transport.download(path, destination, progress=checks.progress(progress))
    return destination
