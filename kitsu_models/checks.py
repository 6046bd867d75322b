"""Checks of arguments, made before any request: each returns the value
checked, or raises :class:`~kitsu_models.errors.InvalidArgumentError`
(ids are checked by :mod:`kitsu_models.ids`)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import errors
from .streaming import ProgressCallback

#: Column sizes of the server (longer values fail in the database).
NAME_MAX = 250
REPRESENTATION_MAX = 20
EXTENSION_MAX = 10


def checked_text(value: Any, what: str, *, max_length: int | None = None, empty: bool = True) -> str:
    """``value`` as a string of at most ``max_length`` characters (and not
    empty unless ``empty``)."""
    if not isinstance(value, str):
        raise errors.InvalidArgumentError(f"{what} must be a string, got {value!r}")
    if not empty and not value:
        raise errors.InvalidArgumentError(f"{what} must not be empty")
    if max_length is not None and len(value) > max_length:
        raise errors.InvalidArgumentError(f"{what} is limited to {max_length} characters, got {len(value)}")
    return value


def positive_int(value: Any, what: str) -> int:
    """``value`` as an integer >= 1 (a count)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise errors.InvalidArgumentError(f"{what} must be a positive integer, got {value!r}")
    return value


def checked_revision(value: Any) -> int:
    """``value`` as a revision number given explicitly (an integer >= 1)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise errors.InvalidArgumentError(
            f"revision must be a positive integer (or None: the server picks the next one), got {value!r}"
        )
    return value


def positive_seconds(value: Any, what: str) -> float:
    """``value``, a timeout or an interval, as a positive number of seconds."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise errors.InvalidArgumentError(f"{what} must be a positive number of seconds, got {value!r}")
    return float(value)


def checklist(value: Any) -> list[dict[str, Any]]:
    """A comment's checklist: a list of dicts (copied), or empty."""
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, dict) for item in value):
        raise errors.InvalidArgumentError(
            f"checklist must be a list of dicts ({{'text': ..., 'checked': False}}), got {value!r}"
        )
    return [dict(item) for item in value]


def links(value: Any) -> list[str]:
    """A comment's links: a list of URLs, or empty."""
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise errors.InvalidArgumentError(f"links must be a list of URLs (str), got {value!r}")
    return list(value)


def progress(value: Any) -> ProgressCallback | None:
    """``value`` if it can be called as ``progress(done, total)`` (or is None)."""
    if value is not None and not callable(value):
        raise errors.InvalidArgumentError(f"progress must be a callable(done, total) or None, got {value!r}")
    return value  # type: ignore[no-any-return]


def local_path(value: Any, what: str) -> Path:
    """``value`` as a local file path (str or os.PathLike)."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str) or not value:
        raise errors.InvalidArgumentError(f"{what} must be a file path (str or os.PathLike), got {value!r}")
    return Path(value)


def source_file(value: Any, what: str, *, allow_empty: bool = True) -> Path:
    """An existing, readable file to upload."""
    path = local_path(value, what)
    if not path.exists():
        raise errors.LocalFileNotFoundError(f"{what} {str(path)!r} does not exist")
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
