"""The local side of uploads and downloads, shared by previews,
attachments, publishing and avatars: the files to send and the download
targets are checked before any request (a typed
:class:`~kitsu_models.errors.InvalidArgumentError`), and a download goes
into a file or into a folder under a default name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import errors
from ..streaming import ProgressCallback, StrPath
from .base import KitsuModel


def checked_progress(value: Any) -> ProgressCallback | None:
    """``value`` if it can be called as ``progress(done, total)`` (or is None)."""
    if value is not None and not callable(value):
        raise errors.InvalidArgumentError(f"progress must be a callable(done, total) or None, got {value!r}")
    return value  # type: ignore[no-any-return]


def _as_path(value: Any, what: str) -> Path:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str) or not value:
        raise errors.InvalidArgumentError(f"{what} must be a file path (str or os.PathLike), got {value!r}")
    return Path(value)


def source_file(value: Any, what: str, *, allow_empty: bool = True) -> Path:
    """An existing, readable file to upload, or a typed error."""
    path = _as_path(value, what)
    if not path.exists():
        raise errors.InvalidArgumentError(f"{what} {str(path)!r} does not exist")
    if not path.is_file():
        raise errors.InvalidArgumentError(f"{what} {str(path)!r} is not a file")
    if not os.access(path, os.R_OK):
        raise errors.InvalidArgumentError(f"{what} {str(path)!r} cannot be read")
    if not allow_empty and path.stat().st_size == 0:
        raise errors.InvalidArgumentError(f"{what} {str(path)!r} is empty")
    return path


def source_files(values: Any, what: str, *, allow_empty: bool = True) -> list[Path]:
    """A list of files to upload: a single path (``previews="a.png"``) is
    refused rather than read as a list of one-letter names."""
    if isinstance(values, (str, bytes, os.PathLike)):
        raise errors.InvalidArgumentError(f"{what} must be a list of file paths, got a single path {values!r}")
    if not isinstance(values, Iterable):
        raise errors.InvalidArgumentError(f"{what} must be a list of file paths, got {values!r}")
    return [source_file(value, what, allow_empty=allow_empty) for value in values]


def _download_target(value: Any, default_name: str) -> Path:
    """Where to write a download: the path given, or ``default_name`` in
    it when it is an existing folder."""
    path = _as_path(value, "target")
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
    owner.session.transport.download(path, destination, progress=checked_progress(progress))
    return destination
