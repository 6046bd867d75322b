"""Avatars: the pictures the server keeps for people and projects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, cast

from .. import checks
from ..orm.base import KitsuModel
from ..routes import Endpoint
from ..streaming import ProgressCallback, StrPath
from . import transfers


@dataclass(frozen=True)
class Avatar:
    """Where a model's avatar is uploaded and read (catalogue endpoints)."""

    upload: Endpoint
    file: Endpoint


class HasAvatar:
    """The avatar of a person, a project or the studio (mixed into
    :class:`~.people.Person`, :class:`~.production.Project` and
    :class:`~.people.Organisation`): a png the server resizes."""

    __avatar__: ClassVar[Avatar]

    def download_avatar(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the avatar (a png) to ``target`` (a file path, or an
        existing folder to save ``<id>.png`` into); returns the path. No
        avatar: :class:`~kitsu_models.errors.NotFoundError`."""
        owner = cast(KitsuModel, self)
        owner._check_alive()
        route = self.__avatar__.file.fill_from(owner)
        return transfers.download(owner, route, target, f"{owner.id}.png", progress)

    def set_avatar(self, path: StrPath, progress: ProgressCallback | None = None) -> None:
        """Upload the picture ``path`` as the avatar."""
        owner = cast(KitsuModel, self)
        owner._check_alive()
        source = checks.source_file(path, "avatar", allow_empty=False)
        callback = checks.progress(progress)
        owner.session.transport.upload(self.__avatar__.upload.fill_from(owner), [("file", source)], progress=callback)
        # The server sets has_avatar with the upload: as it has it now.
        owner._set_synced("has_avatar", True)
