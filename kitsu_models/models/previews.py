"""Reviews: ``PreviewFile`` (a picture or movie shown on a comment) and
``AttachmentFile`` (a file attached to a comment), their processing and
their downloads. Publishing them with a comment is in :mod:`.publishing`::

    comment = task.comment(wip, "v2 ready", previews=["v2.mov"], attachments=["notes.pdf"])
    comment.previews[0].wait_until_processed()   # on a server with a job queue
    comment.previews[0].download_movie("review/v2.mp4", progress=print)

A failed processing raises :class:`PreviewProcessingError` (an
:class:`~kitsu_models.errors.UploadError`) naming the preview.

Every download is streamed to a temporary file next to the target and
renamed only when complete (:meth:`Transport.download`): an interrupted
download leaves nothing at the target. Progress is reported as
``progress(done, total)`` in bytes.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field
from typing_extensions import Self

from .. import catalogue as api
from .. import errors
from ..checks import positive_seconds
from ..orm.base import Id, KitsuModel, computed, server_filled
from ..orm.relations import FirstOfIds, MaybeToOne, ToOne
from ..routes import Route
from ..streaming import ProgressCallback, StrPath
from . import breakdown, people, tasks, transfers
from .processing import (
    FAILED_STATUSES,
    POLL_INTERVAL,
    PROCESSING_TIMEOUT,
    PreviewProcessingError,
    PreviewProcessingTimeoutError,
)

PreviewStatus = Literal["processing", "ready", "broken", "missing"]
ValidationStatus = Literal["validated", "rejected", "neutral"]

# Patched by tests: the clock and the sleep of the polling loop.
_monotonic = time.monotonic
_sleep = time.sleep


# ---------------------------------------------------------------- models
class PreviewFile(KitsuModel):
    """A revision of a task's work shown on a comment: a picture, a movie
    or another file (``extension`` says which: pictures are stored as
    ``png``, movies as ``mp4``)."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("name", "revision", "extension")

    # relations=true: list rows then carry ``comments`` (the comment ids).
    __route__: ClassVar[Route] = Route(api.PREVIEW_FILES, api.PREVIEW_FILE, params={"relations": "true"}, merges_data=False)

    name: str | None = None
    original_name: str | None = None
    revision: int | None = None
    position: int | None = None
    extension: str | None = None
    description: str | None = None
    path: str | None = None
    source: str | None = None
    file_size: int | None = None
    status: PreviewStatus = server_filled("processing")
    validation_status: ValidationStatus = server_filled("neutral")
    annotations: list[dict[str, Any]] | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    data: dict[str, Any] | None = None
    token_in: int | None = None
    token_out: int | None = None
    task_id: Id | None = None
    person_id: Id | None = None
    source_file_id: Id | None = None
    shotgun_id: int | None = None
    is_movie: bool | None = None  # not maintained by the server: see extension
    url: str | None = None
    uploaded_movie_url: str | None = None
    uploaded_movie_name: str | None = None
    # Published in the server's schema (an output file's columns) but not
    # stored by Zou 1.0.97: never in its answers, typed for a server that does.
    checksum: str | None = None
    representation: str | None = None
    nb_elements: int | None = None
    canceled: bool | None = None
    comment_text: str | None = Field(default=None, alias="comment")  # ``comment`` is the relation
    file_status_id: Id | None = None
    entity_id: Id | None = None
    asset_instance_id: Id | None = None
    output_type_id: Id | None = None
    task_type_id: Id | None = None
    temporal_entity_id: Id | None = None
    # The comments showing it (one, in practice), on the item route and
    # on list routes with relations=true.
    comment_ids: list[Id] | None = Field(default=None, alias="comments")

    task: ToOne[tasks.Task] = ToOne(lambda: tasks.Task, "task_id", init=False)
    person: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "person_id", init=False)
    comment: ClassVar[FirstOfIds[tasks.Comment]] = FirstOfIds(lambda: tasks.Comment, "comment_ids")

    # ------------------------------------------------------------ state
    @property
    def is_processed(self) -> bool:
        """True once the server has built the preview's files."""
        return self.status == "ready"

    def _is_movie_file(self) -> bool:
        return self.extension == "mp4"

    def _reload(self) -> None:
        """Read the record again (its status), without reloading relations."""
        self.session.repository(PreviewFile).load(self.id)

    def wait_until_processed(self, timeout: float = PROCESSING_TIMEOUT, poll_interval: float = POLL_INTERVAL) -> Self:
        """Wait until the server has processed this preview; returns it,
        ``ready``.

        Polls ``GET data/preview-files/{id}`` every ``poll_interval``
        seconds, for at most ``timeout`` seconds. Raises
        :class:`PreviewProcessingError` when the processing failed (status
        broken or missing, or the server deleted the preview) and
        :class:`PreviewProcessingTimeoutError` when it is still processing
        at the deadline.
        """
        self._check_alive()
        timeout = positive_seconds(timeout, "timeout")
        poll_interval = positive_seconds(poll_interval, "poll_interval")
        deadline = _monotonic() + timeout
        first = True
        while True:
            if not first or self.status != "ready":
                try:
                    self._reload()
                except errors.ModelNotFoundError:
                    raise PreviewProcessingError(
                        f"PreviewFile {self.id} ({self._label()}) was removed by the server: its processing failed",
                        self,
                    ) from None
            first = False
            if self.status == "ready":
                return self
            if self.status in FAILED_STATUSES:
                raise PreviewProcessingError(
                    f"PreviewFile {self.id} ({self._label()}): the server could not process it "
                    f"(status {self.status})",
                    self,
                )
            left = deadline - _monotonic()
            if left <= 0:
                raise PreviewProcessingTimeoutError(
                    f"PreviewFile {self.id} ({self._label()}) was still {self.status or 'processing'} "
                    f"after {timeout:g} s",
                    self,
                )
            _sleep(min(poll_interval, left))

    def _label(self) -> str:
        if self.original_name:
            return f"{self.original_name}.{self.extension}" if self.extension else self.original_name
        return f"revision {self.revision}" if self.revision is not None else "no file yet"

    # ----------------------------------------------------------- actions
    def set_as_main_preview(self, frame_number: int | None = None) -> breakdown.Entity:
        """Make this preview the thumbnail of its task's entity (for a
        movie, optionally the frame ``frame_number``); returns the entity,
        whose ``preview_file_id`` now names this preview."""
        self._check_alive()
        body: dict[str, Any] = {}
        if frame_number is not None:
            if isinstance(frame_number, bool) or not isinstance(frame_number, int) or frame_number < 0:
                raise errors.InvalidArgumentError(f"frame_number must be a frame number (int >= 0), got {frame_number!r}")
            if self.extension is None:
                self._reload()
            if not self._is_movie_file():
                raise errors.InvalidArgumentError(
                    f"frame_number only applies to a movie preview; PreviewFile {self.id} is a {self.extension} file"
                )
            body["frame_number"] = frame_number
        row = self.session.transport.put(api.SET_MAIN_PREVIEW.fill(preview_file_id=self), body)
        return self.session.repository(breakdown.Entity).materialize([row], owned=True)[0]

    # --------------------------------------------------------- downloads
    def _downloadable(self) -> None:
        """Raise DownloadError, before any download, when the server has
        no file for this preview (still processing, or failed)."""
        self._check_alive()
        if self.status != "ready" or self.extension is None:
            self._reload()
        if self.status == "processing":
            raise errors.DownloadError(
                f"PreviewFile {self.id} is still being processed: call wait_until_processed() first"
            )
        if self.status in FAILED_STATUSES:
            raise errors.DownloadError(
                f"PreviewFile {self.id} is {self.status}: the server has no file to send"
            )

    def _stem(self) -> str:
        return self.original_name or self.id

    def download_original(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the uploaded file as the server keeps it: a movie's
        normalised mp4, a picture's png (pictures are re-encoded as png),
        any other file as sent. ``target`` is a file path, or an existing
        folder to save ``<original name>.<extension>`` into. Returns the path."""
        self._downloadable()
        path = self._original_route()
        return transfers.download(self, path, target, f"{self._stem()}.{self.extension}", progress)

    def _original_route(self) -> str:
        if self._is_movie_file():
            return api.PREVIEW_MOVIE.fill(preview_file_id=self, extension="mp4")
        return api.PREVIEW_PICTURE.fill(preview_file_id=self, extension=self.extension)

    def download_movie(
        self, target: StrPath, progress: ProgressCallback | None = None, *, lowdef: bool = False
    ) -> Path:
        """Download a movie preview's mp4 (``lowdef``: the low definition
        version). Raises InvalidArgumentError for a preview that is not a movie."""
        self._downloadable()
        if not self._is_movie_file():
            raise errors.InvalidArgumentError(f"PreviewFile {self.id} is a {self.extension} file, not a movie")
        if lowdef:
            route, suffix = api.PREVIEW_LOW_MOVIE.fill(preview_file_id=self), ".low"
        else:
            route, suffix = api.PREVIEW_MOVIE.fill(preview_file_id=self, extension="mp4"), ""
        return transfers.download(self, route, target, f"{self._stem()}{suffix}.mp4", progress)

    def download_thumbnail(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the preview's thumbnail (a small png)."""
        self._downloadable()
        route = api.PREVIEW_THUMBNAIL.fill(preview_file_id=self)
        return transfers.download(self, route, target, f"{self._stem()}.thumbnail.png", progress)

    def download_cover(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the preview's full-size picture (for a movie, its
        first frame as a png; for a picture, the picture)."""
        self._downloadable()
        route = api.PREVIEW_PICTURE.fill(preview_file_id=self, extension="png")
        return transfers.download(self, route, target, f"{self._stem()}.cover.png", progress)


class AttachmentFile(KitsuModel):
    """A file attached to a comment (or a chat message)."""

    __route__: ClassVar[Route] = Route(api.ATTACHMENT_FILES, api.ATTACHMENT_FILE)

    name: str | None = None
    size: int | None = None
    extension: str | None = None
    mimetype: str | None = None
    comment_id: Id | None = None
    reply_id: Id | None = None
    chat_message_id: Id | None = None
    # The generic routes embed the chat message (and the comment, kept as
    # an extra key: ``comment`` is the typed relation).
    chat_message: dict[str, Any] | None = computed()

    comment: MaybeToOne[tasks.Comment] = MaybeToOne(lambda: tasks.Comment, "comment_id", init=False)

    def download(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the attached file, byte for byte. ``target`` is a file
        path, or an existing folder to save the file under its name."""
        self._check_alive()
        if not self.name:
            self.refresh()
        name = self.name or self.id
        path = api.ATTACHMENT_DOWNLOAD.fill(attachment_file_id=self, file_name=name)
        return transfers.download(self, path, target, name, progress)
