"""File trees ``gazu.files.set_project_file_tree`` gives a production by name: per mode (``working``,
``output``) and kind of entity, where files go (``folder_path``) and their names (``file_name``), with
``<Token>`` placeholders the server fills in (Project, Sequence, Shot, AssetType, Asset, TaskType...)."""

from __future__ import annotations

from typing import Any


def _mode(mountpoint: str, root: str, folders: dict[str, str], names: dict[str, str]) -> dict[str, Any]:
    return {
        "mountpoint": mountpoint,
        "root": root,
        "folder_path": {**folders, "style": "lowercase"},
        "file_name": {**names, "style": "lowercase"},
    }


_SHOT = "<Project>/shots/<Sequence>/<Shot>/<TaskType>"
_ASSET = "<Project>/assets/<AssetType>/<Asset>/<TaskType>"
_SEQUENCE = "<Project>/sequences/<Sequence>/<TaskType>"
_SCENE = "<Project>/scenes/<Sequence>/<Scene>/<TaskType>"
_EPISODE = "<Project>/episodes/<Episode>/<TaskType>"

#: Working files beside their entity; outputs in a published tree, one
#: folder per output type and revision.
_DEFAULT = {
    "working": _mode(
        "/mnt/work", "productions",
        {"shot": _SHOT, "asset": _ASSET, "sequence": _SEQUENCE, "scene": _SCENE, "episode": _EPISODE},
        {"shot": "<Sequence>_<Shot>_<TaskType>", "asset": "<AssetType>_<Asset>_<TaskType>",
         "sequence": "<Sequence>_<TaskType>", "scene": "<Sequence>_<Scene>_<TaskType>",
         "episode": "<Episode>_<TaskType>"},
    ),
    "output": _mode(
        "/mnt/publish", "productions",
        {"shot": _SHOT + "/<OutputType>/v<Revision>", "asset": _ASSET + "/<OutputType>/v<Revision>",
         "sequence": _SEQUENCE + "/<OutputType>/v<Revision>", "scene": _SCENE + "/<OutputType>/v<Revision>",
         "episode": _EPISODE + "/<OutputType>/v<Revision>",
         "instance": "<Project>/shots/<Sequence>/<Shot>/<TaskType>/<OutputType>/<Instance>/v<Revision>",
         "instance_asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>/<OutputType>/<Instance>/v<Revision>"},
        {"shot": "<Sequence>_<Shot>_<OutputType>_v<Revision>", "asset": "<AssetType>_<Asset>_<OutputType>_v<Revision>",
         "sequence": "<Sequence>_<OutputType>_v<Revision>", "scene": "<Sequence>_<Scene>_<OutputType>_v<Revision>",
         "episode": "<Episode>_<OutputType>_v<Revision>", "instance": "<Instance>_<OutputType>_v<Revision>",
         "instance_asset": "<Instance>_<OutputType>_v<Revision>"},
    ),
}

#: Everything of an entity in one folder per task type.
_SIMPLE = {
    mode: _mode(
        "/mnt/kitsu", "projects",
        {"shot": _SHOT, "asset": _ASSET, "sequence": _SEQUENCE, "scene": _SCENE, "episode": _EPISODE,
         "instance": _SHOT, "instance_asset": _ASSET},
        {"shot": "<Shot>_<TaskType>", "asset": "<Asset>_<TaskType>", "sequence": "<Sequence>_<TaskType>",
         "scene": "<Scene>_<TaskType>", "episode": "<Episode>_<TaskType>", "instance": "<Instance>_<TaskType>",
         "instance_asset": "<Instance>_<TaskType>"},
    )
    for mode in ("working", "output")
}

FILE_TREES: dict[str, dict[str, Any]] = {"default": _DEFAULT, "simple": _SIMPLE}
