"""``gazu.helpers``: gazu's small functions: model parameters, dates, file names, downloading a file."""

from __future__ import annotations

import datetime
import mimetypes
import os
import re
import tempfile
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

import requests

from kitsu_models.streaming import write_atomically

from .exception import DownloadFileException

#: A model id as gazu checks it here: a UUID.
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
#: What ``sanitize_filename`` removes.
_FORBIDDEN = set("@|():%/,\\[]<>*?;`\n")


def normalize_model_parameter(model_parameter: Any) -> dict[str, Any] | None:
    """A model given as a dict (kept) or an id (made ``{"id": ...}``); None stays None; else ValueError."""
    if model_parameter is None or isinstance(model_parameter, dict):
        return model_parameter
    try:
        text = str(model_parameter)
    except Exception:  # noqa: BLE001 (gazu's: any failure to make it text)
        raise ValueError("Failed to cast argument to str") from None
    if not _UUID.fullmatch(text):
        raise ValueError("Wrong format: expected ID string or Data dict")
    return {"id": text}


def normalize_list_of_models_for_links(models: Any = None) -> list[str]:
    """The ids of a model or a list of models (dicts or ids)."""
    listed = models if isinstance(models, list) else [] if models is None else [models]
    return [normalize_model_parameter(model)["id"] for model in listed]  # type: ignore[index]


def validate_date_format(date_text: str) -> str:
    """``date_text`` when it is YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, else ValueError (TypeError: not text)."""
    for layout in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            datetime.datetime.strptime(date_text, layout)
            return date_text
        except ValueError:
            continue
    raise ValueError(f"Incorrect date format for {date_text}, should be YYYY-mm-dd or YYYY-mm-ddTHH:MM:SS")


def sanitize_filename(filename: str) -> str:
    """``filename`` without ``..`` and the characters file systems refuse."""
    return "".join(char for char in filename.replace("..", "_") if char not in _FORBIDDEN).strip()


def download_file(url: str, file_path: str | None = None, headers: Mapping[str, str] | None = None) -> str:
    """Download ``url`` (no credentials unless in ``headers``) to ``file_path`` (a file, a folder, or None: a
    new temporary folder); returns the path, named as gazu names it, written once complete."""
    with requests.get(url, headers=dict(headers or {}), stream=True, timeout=(10, 300)) as response:
        if not response.ok:
            raise DownloadFileException(f"File ({url}) can't be downloaded ({response.status_code} {response.reason}).")
        given = tempfile.mkdtemp(prefix="gazu_") if file_path is None else os.fspath(file_path)
        folder, name = os.path.split(given + os.sep if os.path.isdir(given) else given)
        stem, extension = os.path.splitext(name or urlparse(url).path.split("/")[-1])
        if not extension:
            extension = mimetypes.guess_extension(response.headers.get("Content-Type", "")) or ""
        path = os.path.join(folder or os.getcwd(), sanitize_filename((stem or "file") + extension))
        write_atomically(response.iter_content(1024 * 1024), path, None, None)
    return path


__all__ = [
    "download_file", "normalize_list_of_models_for_links", "normalize_model_parameter", "sanitize_filename",
    "validate_date_format",
]
