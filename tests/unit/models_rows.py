"""Rows the real server sent (tests/fixtures/real_answers.json), for the
unit tests of the models: one per model and shape (``list``, ``get``,
``create``), copied on every use (materialising takes the dict over)."""

from __future__ import annotations

import copy
import json
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

from kitsu_models import models

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "real_answers.json"

MODEL_NAMES = (
    "Project", "ProjectStatus", "AssetType", "EntityType", "Asset", "Episode", "Sequence", "Shot", "Scene", "Edit",
    "Concept", "TaskType", "TaskStatus", "Task", "Comment", "TimeSpent", "Person", "Department", "Organisation",
    "MetadataDescriptor",
    "AssetInstance", "EntityLink",
    "Software", "OutputType", "FileStatus", "WorkingFile", "OutputFile",
    "Playlist",
    "PreviewFile", "AttachmentFile",
)
SHAPES = ("list", "get", "create")


@lru_cache(maxsize=1)
def _answers() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(ANSWERS.read_text(encoding="utf-8"))
    return loaded


def model(name: str) -> type[models.KitsuModel]:
    cls: type[models.KitsuModel] = getattr(models, name)
    return cls


def row(name: str, shape: str = "list", **changes: Any) -> dict[str, Any]:
    """A fresh copy of the server's ``shape`` row of model ``name``."""
    found = _answers()[name][shape]
    assert isinstance(found, dict), f"no {shape} row for {name}"
    copied: dict[str, Any] = copy.deepcopy(found)
    copied.update(changes)
    return copied


def shaped_rows() -> list[tuple[str, str]]:
    """(model name, shape) for every row the fixture holds."""
    return [(name, shape) for name in MODEL_NAMES for shape in SHAPES if _answers()[name][shape] is not None]


def new_id() -> str:
    return str(uuid.uuid4())
