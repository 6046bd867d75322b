"""The file tree of a project: the templates from which the server builds
the path of every working and output file, by mode (``"working"``,
``"output"``...) and entity kind (``"shot"``, ``"asset"``...). It is
checked before it is stored, and a call that needs a template checks that
the tree has it (the server answers such calls with a 400 or a 500 and,
for output files, leaves a row without a path behind).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import catalogue as api
from .. import errors
from ..orm.registry import ModelRef

if TYPE_CHECKING:
    from . import breakdown, production

#: The entity kinds whose own templates the server uses (assets share one).
_TEMPORAL_KINDS: tuple[ModelRef[breakdown.Entity], ...] = (
    ModelRef("Shot"), ModelRef("Sequence"), ModelRef("Scene"), ModelRef("Episode"),
)

#: The parts of one mode of a file tree (``"working"``, ``"output"``...).
MODE_KEYS = ("mountpoint", "root", "folder_path", "file_name")


def check_file_tree(tree: Mapping[str, Any]) -> dict[str, Any]:
    """``tree`` as a JSON dict, or InvalidArgumentError if it is not shaped
    like a file tree: one section per mode (``"working"``, ``"output"``...),
    each with a ``mountpoint`` and a ``root`` (strings) and ``folder_path``
    and ``file_name`` templates by entity kind (``"shot"``, ``"asset"``...).

    (The server stores whatever it is sent, even a string; the mistake
    would only show when a path is built.)
    """
    if not isinstance(tree, Mapping) or not tree:
        raise errors.InvalidArgumentError(f"a file tree is a non-empty dict of modes, got {tree!r}")
    for mode, section in tree.items():
        if not isinstance(mode, str) or not mode:
            raise errors.InvalidArgumentError(f"file tree modes are names, got {mode!r}")
        if not isinstance(section, Mapping):
            raise errors.InvalidArgumentError(f"file tree mode {mode!r} must be a dict, got {section!r}")
        missing = [key for key in MODE_KEYS if key not in section]
        if missing:
            raise errors.InvalidArgumentError(f"file tree mode {mode!r} lacks {', '.join(missing)}")
        for key in ("mountpoint", "root"):
            if not isinstance(section[key], str):
                raise errors.InvalidArgumentError(f"file tree {mode}.{key} must be a string")
        for key in ("folder_path", "file_name"):
            templates = section[key]
            if not isinstance(templates, Mapping) or not all(
                isinstance(kind, str) and isinstance(template, str) for kind, template in templates.items()
            ):
                raise errors.InvalidArgumentError(f"file tree {mode}.{key} must map entity kinds to templates")
    try:
        copied: dict[str, Any] = json.loads(json.dumps(tree))
    except (TypeError, ValueError) as exc:
        raise errors.InvalidArgumentError(f"a file tree must be JSON: {exc}") from None
    return copied


def template_problem(tree: Any, mode: str, kind: str) -> str | None:
    """Why ``tree`` cannot build a ``mode`` path for an entity ``kind``
    (``"shot"``, ``"asset"``, ``"instance"``...), or None if it can."""
    if not isinstance(tree, Mapping) or not tree:
        return "has no file tree"
    section = tree.get(mode)
    if not isinstance(section, Mapping):
        return f"has no {mode!r} mode in its file tree"
    for key in ("mountpoint", "root"):
        if key not in section:
            return f"has no {mode}.{key} in its file tree"
    for key in ("folder_path", "file_name"):
        templates = section.get(key)
        if not isinstance(templates, Mapping) or kind not in templates:
            return f"has no {mode}.{key}.{kind} template in its file tree"
    return None


def require_template(project: production.Project, mode: str, kind: str) -> None:
    """Raise InvalidArgumentError unless the project's file tree has the
    ``mode`` templates for ``kind``. The project's tree is read again from
    the server first when the loaded one lacks them (another session may
    have set it since)."""
    problem = template_problem(project.file_tree, mode, kind)
    if problem is not None and project.id and not project.is_deleted:
        row = project.session.transport.get(api.PROJECT.fill(project_id=project), {"relations": "false"})
        project.session.repository(type(project)).materialize([row], owned=True)
        problem = template_problem(project.file_tree, mode, kind)
    if problem is not None:
        raise errors.InvalidArgumentError(
            f"project {project.name!r} {problem}: set one with project.set_file_tree(...)"
        )


def template_kind(entity: breakdown.Entity) -> str:
    """The file tree templates the server uses for ``entity``: those of its
    kind for shots, sequences, scenes and episodes, the asset ones else."""
    for kind in _TEMPORAL_KINDS:
        if isinstance(entity, kind()):
            return kind.name.lower()
    return "asset"


def instance_template(instance: breakdown.AssetInstance) -> str:
    """The templates of an asset instance: ``instance_asset`` for an instance
    inside an asset, ``instance`` for one in a scene."""
    return "instance_asset" if instance.target_asset_id else "instance"


def merge_tree(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``current`` with ``changes`` merged in key by key: nested dicts merge,
    a ``None`` value removes its key."""
    merged = dict(current)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge_tree(merged[key], value)
        else:
            merged[key] = value
    return merged


@dataclass(frozen=True)
class FilePath:
    """A path the server built from the file tree: a folder and a file
    name (without extension), joined with ``sep``.

    ``str(path)`` and ``os.fspath(path)`` give :attr:`path`.
    """

    folder_path: str
    file_name: str
    sep: str = "/"

    @property
    def path(self) -> str:
        """Folder and name joined as the server joins them (it stores
        ``folder_path + sep + file_name`` on the files it creates)."""
        return f"{self.folder_path}{self.sep}{self.file_name}"

    def __str__(self) -> str:
        return self.path

    def __fspath__(self) -> str:
        return self.path
