"""Avatars: the pictures the server keeps for people and projects."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from .. import checks
from ..orm.base import KitsuModel
from .. import routes
from ..streaming import ProgressCallback, StrPath
from . import transfers


class HasAvatar:
    """The avatar of a person, a project or the studio (mixed into
    :class:`~.people.Person`, :class:`~.production.Project` and
    :class:`~.people.Organisation`): a png the server resizes."""

    def _avatar_route(self) -> str:
        owner = cast(KitsuModel, self)
        kind = type(owner).__route__.collection.rsplit("/", 1)[-1]  # "persons", "projects", "organisations"
        return routes.path(f"pictures/thumbnails/{kind}/{{id}}", id=owner)

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
        source = checks.source_file(path, "avatar", allow_empty=False)
        callback = checks.progress(progress)
        owner.session.transport.upload(self._avatar_route(), [("file", source)], progress=callback)
        # The server sets has_avatar with the upload: as it has it now.
        owner._set_synced("has_avatar", True)
