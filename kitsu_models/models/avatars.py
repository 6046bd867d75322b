"""Avatars: the pictures the server keeps for people and projects."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from ..streaming import ProgressCallback, StrPath
from . import people, transfers
from .base import KitsuModel


class HasAvatar:
    """The avatar of a person or a project (mixed into :class:`~.people.Person`
    and :class:`~.production.Project`): a png the server resizes."""

    def _avatar_route(self) -> str:
        owner = cast(KitsuModel, self)
        kind = "persons" if isinstance(owner, people.Person) else "projects"
        return f"pictures/thumbnails/{kind}/{owner.id}"

    def download_avatar(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the avatar (a png) to ``target`` (a file path, or an
        existing folder to save ``<id>.png`` into); returns the path. No
        avatar: :class:`~kitsu_models.errors.NotFoundError`."""
        owner = cast(KitsuModel, self)
        owner._check_alive()
        return transfers.download(owner, self._avatar_route() + ".png", target, f"{owner.id}.png", progress)

    def set_avatar(self, path: StrPath, progress: ProgressCallback | None = None) -> None:
        """Upload the picture ``path`` as the avatar."""
        owner = cast(KitsuModel, self)
        owner._check_alive()
        source = transfers.source_file(path, "avatar", allow_empty=False)
        callback = transfers.checked_progress(progress)
        owner.session.transport.upload(self._avatar_route(), [("file", source)], progress=callback)
        # The server sets has_avatar with the upload: as it has it now.
        owner._set_synced("has_avatar", True)
