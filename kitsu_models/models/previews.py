"""Reviews: ``PreviewFile`` (a picture or movie shown on a comment) and
``AttachmentFile`` (a file attached to a comment); publishing a comment
with its previews and attachments; downloads.

Publishing goes through the task::

    comment = task.comment(wip, "v2 ready", previews=["v2.mov"], attachments=["notes.pdf"])
    comment.previews[0].status        # "ready" (or processing on a server with a job queue)
    comment.previews[0].download_movie("review/v2.mp4", progress=print)

The server stores a preview in two steps: ``POST actions/tasks/{task}/
comments/{comment}/add-preview`` creates the record (``status:
"processing"``), ``POST pictures/preview-files/{id}`` uploads the file.
Zou 1.0.97 without a job queue processes the upload before answering (a
picture in under half a second, a one-second movie in about six), so
the upload's answer already says ``ready`` or ``broken``; with a job queue
it says ``processing`` and :meth:`PreviewFile.wait_until_processed` polls.
A failed processing raises :class:`PreviewProcessingError` (an
:class:`~kitsu_models.errors.UploadError`) naming the preview.

Every download is streamed to a temporary file next to the target and
renamed only when complete (:meth:`Transport.download`): an interrupted
download leaves nothing at the target. Uploads stream from disk too. Both
report progress as ``progress(done, total)`` in bytes; for a call that
sends several files (a comment with attachments and previews) the
progress counts over all of them.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast, overload
from urllib.parse import quote

from pydantic import Field
from typing_extensions import Self

from .. import errors
from ..collection import ModelList
from ..policy import Timeout
from ..routes import Route
from ..streaming import MultipartBody, ProgressCallback, StrPath
from . import breakdown, people, tasks
from .base import KitsuModel, computed
from .relations import MaybeToOne, Relation, ToMany, ToOne, _cache_of

if TYPE_CHECKING:
    from ..session import Kitsu

M = TypeVar("M", bound=KitsuModel)

#: Seconds to wait, by default, for the server to process a preview.
PROCESSING_TIMEOUT = 300.0
#: Seconds between two status reads while waiting.
POLL_INTERVAL = 1.0

PreviewStatus = Literal["processing", "ready", "broken", "missing"]
ValidationStatus = Literal["validated", "rejected", "neutral"]
_FAILED = ("broken", "missing")

# Patched by tests: the clock and the sleep of the polling loop.
_monotonic = time.monotonic
_sleep = time.sleep


# ---------------------------------------------------------------- errors
class PreviewProcessingError(errors.UploadError):
    """The server accepted a preview's file but could not process it
    (``status`` broken, or the processing failed during the upload).

    ``preview_file`` is the preview (possibly deleted by the server), and
    ``comment`` the comment it was published on, when known: a comment
    published with previews stays posted when one of them fails.
    """

    def __init__(self, message: str, preview_file: PreviewFile, comment: tasks.Comment | None = None) -> None:
        super().__init__(message)
        self.preview_file = preview_file
        self.comment = comment


class PreviewProcessingTimeoutError(PreviewProcessingError, TimeoutError):
    """The preview was still being processed when the timeout expired."""


# ------------------------------------------------------------- relations
def _id_of(item: Any) -> str | None:
    """An id from an id list some routes send as dicts (``{"id": ...}``)."""
    if isinstance(item, dict):
        value = item.get("id")
        return value if isinstance(value, str) else None
    return item if isinstance(item, str) and item else None


def _reload_absent(owners: Sequence[KitsuModel], ids_field: str) -> None:
    """Reload, in one batch, the owners whose row lacked ``ids_field``
    (a route that leaves relation lists out)."""
    absent = [owner for owner in owners if owner.id and ids_field not in owner.model_fields_set]
    if absent:
        absent[0].session.repository(type(absent[0])).reload_many(absent)


class IdList(ToMany[M]):
    """A list of objects whose ids the owner holds in ``ids_field``, where
    routes send that list as ids or as dicts with an ``id`` (a comment's
    ``previews``), and some routes leave it out (then the owners lacking it
    are reloaded through their list route, in one batch)."""

    def __init__(self, target: Callable[[], type[M]], ids_field: str) -> None:
        super().__init__(target, ids_field=ids_field)

    def load(self, owners: Sequence[KitsuModel], scope: dict[str, Any] | None) -> None:
        assert self.ids_field is not None
        _reload_absent(owners, self.ids_field)
        session = owners[0].session
        wanted = [[i for i in map(_id_of, getattr(owner, self.ids_field) or []) if i] for owner in owners]
        found = session.repository(self.target()).get_many({i for ids in wanted for i in ids})
        for owner, ids in zip(owners, wanted):
            self._store(owner, ModelList([found[i] for i in ids if i in found], session))


class FirstOfIds(Relation, Generic[M]):
    """The object whose id comes first in the owner's ``ids_field`` list,
    or None (a preview file's comment: the server links them through a
    list). Owners whose row lacked the list are reloaded first, in batch."""

    def __init__(self, target: Callable[[], type[M]], ids_field: str) -> None:
        self.target = target
        self.ids_field = ids_field  # read by forget_changed_links

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: KitsuModel, owner: type[Any]) -> M | None: ...
    def __get__(self, obj: KitsuModel | None, owner: type[Any]) -> Self | M | None:
        if obj is None:
            return self
        result: M | None = self._resolve(obj)
        return result

    def load(self, owners: Sequence[KitsuModel], scope: dict[str, Any] | None) -> None:
        _reload_absent(owners, self.ids_field)
        firsts = {id(owner): next(filter(None, map(_id_of, getattr(owner, self.ids_field) or [])), None)
                  for owner in owners}
        found = owners[0].session.repository(self.target()).get_many({i for i in firsts.values() if i})
        for owner in owners:
            first = firsts[id(owner)]
            self._store(owner, found.get(first) if first else None)


class PreviewLink(MaybeToOne[M]):
    """A link to a preview file through an id field that some routes send
    as ``""`` instead of null (``GET data/assets/{id}``): both mean none."""

    def load(self, owners: Sequence[KitsuModel], scope: dict[str, Any] | None) -> None:
        ids = {value for owner in owners if (value := getattr(owner, self.key))}
        found = owners[0].session.repository(self.target()).get_many(ids)
        for owner in owners:
            value = getattr(owner, self.key)
            self._store(owner, found.get(value) if value else None)


# ---------------------------------------------------------------- models
class PreviewFile(KitsuModel):
    """A revision of a task's work shown on a comment: a picture, a movie
    or another file (``extension`` says which: pictures are stored as
    ``png``, movies as ``mp4``)."""

    # relations=true: list rows then carry ``comments`` (the comment ids).
    __route__ = Route("data/preview-files", params={"relations": "true"}, merges_data=False)

    name: str | None = None
    original_name: str | None = None
    revision: int | None = None
    position: int | None = None
    extension: str | None = None
    description: str | None = None
    path: str | None = None
    source: str | None = None
    file_size: int | None = None
    status: PreviewStatus | None = None
    validation_status: ValidationStatus | None = None
    annotations: list[dict[str, Any]] | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    data: dict[str, Any] | None = None
    token_in: int | None = None
    token_out: int | None = None
    task_id: str | None = None
    person_id: str | None = None
    source_file_id: str | None = None
    shotgun_id: int | None = None
    is_movie: bool | None = None  # not maintained by the server: see extension
    url: str | None = None
    uploaded_movie_url: str | None = None
    uploaded_movie_name: str | None = None
    # The comments showing it (one, in practice), on the item route and
    # on list routes with relations=true.
    comment_ids: list[str] | None = Field(default=None, alias="comments")

    task = ToOne(lambda: tasks.Task, "task_id")
    person = MaybeToOne(lambda: people.Person, "person_id")
    comment = FirstOfIds(lambda: tasks.Comment, "comment_ids")

    # ------------------------------------------------------------ state
    @property
    def is_processed(self) -> bool:
        """True once the server has built the preview's files."""
        return self.status == "ready"

    def _is_movie_file(self) -> bool:
        return self.extension == "mp4"

    def _reload(self) -> None:
        """Read the record again (its status), without reloading relations."""
        try:
            row = self.session.transport.get(f"data/preview-files/{self.id}")
        except errors.NotFoundError:
            raise errors.ModelNotFoundError("PreviewFile", self.id, f"/data/preview-files/{self.id}") from None
        self.session.repository(PreviewFile).fetch_rows([row])

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
        timeout = _positive(timeout, "timeout")
        poll_interval = _positive(poll_interval, "poll_interval")
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
            if self.status in _FAILED:
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
        row = self.session.transport.put(f"actions/preview-files/{self.id}/set-main-preview", body)
        return self.session.repository(breakdown.Entity).fetch_rows([row])[0]

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
        if self.status in _FAILED:
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
        return _download(self, path, target, f"{self._stem()}.{self.extension}", progress)

    def _original_route(self) -> str:
        if self._is_movie_file():
            return f"movies/originals/preview-files/{self.id}.mp4"
        return f"pictures/originals/preview-files/{self.id}.{self.extension}"

    def download_movie(
        self, target: StrPath, progress: ProgressCallback | None = None, *, lowdef: bool = False
    ) -> Path:
        """Download a movie preview's mp4 (``lowdef``: the low definition
        version). Raises InvalidArgumentError for a preview that is not a movie."""
        self._downloadable()
        if not self._is_movie_file():
            raise errors.InvalidArgumentError(f"PreviewFile {self.id} is a {self.extension} file, not a movie")
        quality = "low" if lowdef else "originals"
        suffix = ".low" if lowdef else ""
        return _download(
            self, f"movies/{quality}/preview-files/{self.id}.mp4", target, f"{self._stem()}{suffix}.mp4", progress
        )

    def download_thumbnail(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the preview's thumbnail (a small png)."""
        self._downloadable()
        return _download(
            self, f"pictures/thumbnails/preview-files/{self.id}.png", target, f"{self._stem()}.thumbnail.png", progress
        )

    def download_cover(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the preview's full-size picture (for a movie, its
        first frame as a png; for a picture, the picture)."""
        self._downloadable()
        return _download(
            self, f"pictures/originals/preview-files/{self.id}.png", target, f"{self._stem()}.cover.png", progress
        )


class AttachmentFile(KitsuModel):
    """A file attached to a comment (or a chat message)."""

    __route__ = Route("data/attachment-files")

    name: str | None = None
    size: int | None = None
    extension: str | None = None
    mimetype: str | None = None
    comment_id: str | None = None
    reply_id: str | None = None
    chat_message_id: str | None = None
    # The generic routes embed the chat message (and the comment, kept as
    # an extra key: ``comment`` is the typed relation).
    chat_message: dict[str, Any] | None = computed()

    comment = MaybeToOne(lambda: tasks.Comment, "comment_id")

    def download(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Download the attached file, byte for byte. ``target`` is a file
        path, or an existing folder to save the file under its name."""
        self._check_alive()
        if not self.name:
            self.refresh()
        name = self.name or self.id
        return _download(self, f"data/attachment-files/{self.id}/file/{_url_name(name)}", target, name, progress)


def _url_name(name: str) -> str:
    """A file name as one URL path segment. The server ignores it (the id
    says which file), but a ``/`` or a ``..`` would change the route."""
    cleaned = name.replace("/", "_").replace("\\", "_")
    return quote(cleaned, safe="") if cleaned.strip(".") else "file"


# ------------------------------------------------------ argument checks
def _positive(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise errors.InvalidArgumentError(f"{what} must be a positive number of seconds, got {value!r}")
    return float(value)


def _progress(value: Any) -> ProgressCallback | None:
    if value is not None and not callable(value):
        raise errors.InvalidArgumentError(f"progress must be a callable(done, total) or None, got {value!r}")
    return value  # type: ignore[no-any-return]


def _as_path(value: Any, what: str) -> Path:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str) or not value:
        raise errors.InvalidArgumentError(f"{what} must be a file path (str or os.PathLike), got {value!r}")
    return Path(value)


def _source_file(value: Any, what: str, *, allow_empty: bool = True) -> Path:
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


def _source_files(values: Any, what: str, *, allow_empty: bool = True) -> list[Path]:
    """A list of files to upload: a single path (``previews="a.png"``) is
    refused rather than read as a list of one-letter names."""
    if isinstance(values, (str, bytes, os.PathLike)):
        raise errors.InvalidArgumentError(f"{what} must be a list of file paths, got a single path {values!r}")
    if not isinstance(values, Iterable):
        raise errors.InvalidArgumentError(f"{what} must be a list of file paths, got {values!r}")
    return [_source_file(value, what, allow_empty=allow_empty) for value in values]


def _target_path(value: Any, default_name: str) -> Path:
    """Where to write a download: the path given, or ``default_name`` in
    it when it is an existing folder."""
    path = _as_path(value, "target")
    if path.is_dir():
        name = Path(default_name).name  # a server-sent name: no folders
        return path / (name if name not in ("", ".", "..") else "download")
    return path


def _model_id(value: Any, model: type[KitsuModel], what: str) -> str:
    """The id of ``value``, a ``model`` object or an id string."""
    from ..repository import check_id

    if isinstance(value, KitsuModel) and not isinstance(value, model):
        raise errors.InvalidArgumentError(f"{what} must be a {model.__name__} or its id, got a {type(value).__name__}")
    return check_id(value, what)


def _checklist(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, dict) for item in value):
        raise errors.InvalidArgumentError(
            f"checklist must be a list of dicts ({{'text': ..., 'checked': False}}), got {value!r}"
        )
    return [dict(item) for item in value]


def _links(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise errors.InvalidArgumentError(f"links must be a list of URLs (str), got {value!r}")
    return list(value)


# --------------------------------------------------------------- transfers
class _CallProgress:
    """One progress report over every request body of a call: the sizes
    of all bodies are known before the first is sent, and each request's
    own ``(done, total)`` is shifted by the bodies sent before it."""

    def __init__(self, callback: ProgressCallback | None, sizes: Sequence[int]) -> None:
        self.callback = callback
        self.total = sum(sizes)
        self.offset = 0

    def part(self) -> ProgressCallback | None:
        callback, offset, total = self.callback, self.offset, self.total
        if callback is None:
            return None

        def report(done: int, _size: int | None) -> None:
            callback(offset + done, total)

        return report

    def sent(self, size: int) -> None:
        self.offset += size


def _body_size(files: Sequence[tuple[str, Path]], fields: dict[str, str] | None = None) -> int:
    """The byte length of the multipart body these parts make."""
    return MultipartBody(files, fields).length


def _download(owner: KitsuModel, path: str, target: StrPath, default_name: str, progress: ProgressCallback | None) -> Path:
    destination = _target_path(target, default_name)
    owner.session.transport.download(path, destination, progress=_progress(progress))
    return destination


def _processing_timeout(session: Kitsu, timeout: float) -> Timeout:
    """The timeout of a preview upload: the server may process the file
    before answering, so its answer may take up to ``timeout`` seconds."""
    current = session.transport.timeout
    return Timeout(connect=current.connect, read=max(current.read, timeout))


# --------------------------------------------------------------- publishing
def _attachment_parts(paths: Sequence[Path]) -> list[tuple[str, Path]]:
    """Multipart parts ``file``, ``file-1``, ``file-2``...: the server reads
    one file per part name."""
    return [("file" if index == 0 else f"file-{index}", path) for index, path in enumerate(paths)]


def _adopt_attachments(session: Kitsu, comment_id: str, rows: Any) -> ModelList[AttachmentFile]:
    """Typed attachments from a create answer's ``{id, name, extension,
    size}`` dicts (completed with their comment's id)."""
    found = [dict(row, comment_id=comment_id) for row in rows or [] if isinstance(row, dict)]
    return session.repository(AttachmentFile).fetch_rows(found)


def _form_fields(body: dict[str, Any]) -> dict[str, str]:
    """A JSON comment body as multipart form fields (lists as JSON text)."""
    fields = {
        "task_status_id": body["task_status_id"],
        "comment": body["comment"],
        "checklist": json.dumps(body["checklist"]),
        "links": json.dumps(body["links"]),
    }
    if body.get("for_client"):
        fields["for_client"] = "true"
    if "person_id" in body:
        fields["person_id"] = body["person_id"]
    return fields


def _wait_for(preview: PreviewFile, comment: tasks.Comment | None, deadline: float, timeout: float) -> None:
    """Wait for ``preview`` until ``deadline``; errors name ``comment``."""
    try:
        preview.wait_until_processed(max(deadline - _monotonic(), 1e-3))
    except PreviewProcessingTimeoutError:
        raise PreviewProcessingTimeoutError(
            f"PreviewFile {preview.id} ({preview._label()}) was still processing after {timeout:g} s", preview, comment
        ) from None
    except PreviewProcessingError as exc:
        raise PreviewProcessingError(str(exc), preview, comment) from None


def _upload_preview(
    task: tasks.Task,
    comment: tasks.Comment,
    path: Path,
    call_progress: _CallProgress,
    deadline: float,
    revision: int | None,
) -> PreviewFile:
    """Create a preview on ``comment`` and upload ``path`` into it; the
    preview joins ``comment.previews``. A file the server refuses (too
    large, unreadable) leaves no empty preview behind."""
    session = task.session
    transport = session.transport
    row = transport.post(
        f"actions/tasks/{task.id}/comments/{comment.id}/add-preview",
        {"revision": revision} if revision is not None else {},
    )
    preview = session.repository(PreviewFile).fetch_rows([row])[0]
    _join(comment, preview)
    read = max(deadline - _monotonic(), 1.0)
    try:
        answer = transport.upload(
            f"pictures/preview-files/{preview.id}",
            [("file", path)],
            progress=call_progress.part(),
            timeout=_processing_timeout(session, read),
        )
    except errors.ServerError as exc:
        if exc.status != 500:
            raise  # a gateway's answer (502, 503, 504): the preview's fate is unknown
        # The processing failed. Zou deletes a movie preview then (and
        # says why in data.reason); a picture stays, broken.
        try:
            preview._reload()
        except errors.ModelNotFoundError:
            _forget(preview, comment)
        except errors.KitsuError:
            pass
        data = exc.body.get("data") if isinstance(exc.body, dict) else None
        reason = data.get("reason") if isinstance(data, dict) else None
        raise PreviewProcessingError(
            f"{path.name}: the server could not process PreviewFile {preview.id} "
            f"(comment {comment.id}): {exc.message}" + (f" ({reason})" if reason else ""),
            preview,
            comment,
        ) from exc
    except (errors.HTTPStatusError, errors.ConnectError) as exc:
        # Refused (too large, not a picture, wrong format) or never sent:
        # no file will come, so drop the empty record.
        _discard(preview, comment)
        if isinstance(exc, errors.PayloadTooLargeError):
            size = path.stat().st_size
            raise errors.PayloadTooLargeError(
                exc.method, exc.path, exc.status,
                f"{exc.message} ({path.name}: {size} bytes"
                + (f", the server accepts at most {exc.limit}" if exc.limit else "") + ")",
                exc.body, exc.limit,
            ) from exc
        raise
    session.repository(PreviewFile).fetch_rows([answer])
    if preview.status in _FAILED:
        raise PreviewProcessingError(
            f"{path.name}: the server could not process PreviewFile {preview.id} (comment {comment.id}): "
            f"status {preview.status}",
            preview,
            comment,
        )
    return preview


def _join(comment: tasks.Comment, preview: PreviewFile) -> None:
    """Record ``preview`` on ``comment`` as the server now has it."""
    ids = [i for i in map(_id_of, comment.__dict__.get("preview_ids") or []) if i]
    if preview.id not in ids:
        comment.__dict__["preview_ids"] = [*ids, preview.id]
        object.__setattr__(comment, "__pydantic_fields_set__", comment.__pydantic_fields_set__ | {"preview_ids"})
    cached = _cache_of(comment).get("previews")
    if cached is not None and preview not in cached:
        cached.append(preview)
    preview.__dict__["comment_ids"] = [comment.id]
    object.__setattr__(preview, "__pydantic_fields_set__", preview.__pydantic_fields_set__ | {"comment_ids"})
    _cache_of(preview)["comment"] = comment


def _forget(preview: PreviewFile, comment: tasks.Comment) -> None:
    """The server deleted ``preview``: drop it from the session and comment."""
    ids = comment.__dict__.get("preview_ids") or []
    comment.__dict__["preview_ids"] = [i for i in ids if _id_of(i) != preview.id]
    cached = _cache_of(comment).get("previews")
    if cached is not None and preview in cached:
        cached.remove(preview)
    preview.session.identity.evict(preview)
    object.__setattr__(preview, "_kitsu_deleted", True)


def _discard(preview: PreviewFile, comment: tasks.Comment) -> None:
    """Delete an empty preview record (best effort), then forget it."""
    try:
        preview.session.transport.delete(f"data/preview-files/{preview.id}")
    except errors.KitsuError:
        pass
    _forget(preview, comment)


def _comment_of(task: tasks.Task, comment: Any) -> tasks.Comment:
    if not isinstance(comment, tasks.Comment):
        raise errors.InvalidArgumentError(f"comment must be a Comment, got {comment!r}")
    comment._check_alive()
    if comment.object_id != task.id:
        raise errors.InvalidArgumentError(f"Comment {comment.id} is not a comment of Task {task.id}")
    return comment


# ------------------------------------------------------------------- mixins
class TaskReviews:
    """Publishing on a task (mixed into :class:`~.tasks.Task`): comments
    with a status change, previews and attachments."""

    def comment(
        self,
        task_status: tasks.TaskStatus | str,
        text: str = "",
        *,
        previews: Iterable[StrPath] = (),
        attachments: Iterable[StrPath] = (),
        checklist: list[dict[str, Any]] | None = None,
        links: list[str] | None = None,
        for_client: bool = False,
        person: people.Person | str | None = None,
        progress: ProgressCallback | None = None,
        wait: bool = False,
        timeout: float = PROCESSING_TIMEOUT,
        set_main_preview: bool = False,
    ) -> tasks.Comment:
        """Comment on this task, setting its status to ``task_status``,
        with optional attachments and previews; returns the comment.

        Every argument is checked before anything is sent (a missing file,
        a single path where a list is expected, a wrong type: an
        :class:`~kitsu_models.errors.InvalidArgumentError`). Then one
        request posts the comment with its ``attachments`` (multipart when
        there are some), and each file of ``previews`` is added to it as a
        preview (several previews share one revision). ``comment.previews``
        and ``comment.attachments`` hold the typed results.

        ``progress(done, total)`` is told the bytes sent over all files.
        The server may process a preview before answering; ``timeout``
        (seconds) bounds that and, with ``wait=True``, the wait until every
        preview is ``ready`` (a server with a job queue answers first and
        processes afterwards). A preview the server fails to process raises
        :class:`PreviewProcessingError` (an ``UploadError``) carrying the
        preview and the comment, which stays posted. ``set_main_preview``
        makes the first preview the thumbnail of the task's entity.

        ``person`` (another author) and ``for_client`` are honoured for
        managers only. The task is reloaded (its status changed).
        """
        task = cast("tasks.Task", self)
        task._check_alive()
        status_id = _model_id(task_status, tasks.TaskStatus, "task_status")
        if not isinstance(text, str):
            raise errors.InvalidArgumentError(f"text must be a str, got {text!r}")
        preview_paths = _source_files(previews, "preview", allow_empty=False)
        attachment_paths = _source_files(attachments, "attachment")
        body: dict[str, Any] = {
            "task_status_id": status_id,
            "comment": text,
            "checklist": _checklist(checklist),
            "links": _links(links),
            "for_client": bool(for_client),
        }
        if person is not None:
            body["person_id"] = _model_id(person, people.Person, "person")
        callback = _progress(progress)
        timeout = _positive(timeout, "timeout")
        if set_main_preview and not preview_paths:
            raise errors.InvalidArgumentError("set_main_preview needs at least one preview")

        session = task.session
        transport = session.transport
        route = f"actions/tasks/{task.id}/comment"
        parts = _attachment_parts(attachment_paths)
        fields = _form_fields(body) if parts else None
        preview_sizes = [_body_size([("file", path)]) for path in preview_paths]
        sizes = ([_body_size(parts, fields)] if parts else []) + preview_sizes
        call_progress = _CallProgress(callback, sizes)
        if parts:
            row = transport.upload(route, parts, fields=fields, progress=call_progress.part())
            call_progress.sent(sizes[0])
        else:
            row = transport.post(route, body)
        attachment_rows = row.get("attachment_files") if isinstance(row, dict) else None
        comment = session.repository(tasks.Comment).fetch_rows([row])[0]
        _cache_of(comment)["attachments"] = _adopt_attachments(session, comment.id, attachment_rows)
        _cache_of(comment)["previews"] = ModelList(session=session)

        deadline = _monotonic() + timeout
        for path, size in zip(preview_paths, preview_sizes):
            _upload_preview(task, comment, path, call_progress, deadline, None)
            call_progress.sent(size)
        if wait:
            for preview in comment.previews:
                _wait_for(preview, comment, deadline, timeout)
        if set_main_preview:
            comment.previews[0].set_as_main_preview()
        task.refresh()
        return comment

    def add_preview(
        self,
        comment: tasks.Comment,
        path: StrPath,
        *,
        progress: ProgressCallback | None = None,
        wait: bool = False,
        timeout: float = PROCESSING_TIMEOUT,
        revision: int | None = None,
    ) -> PreviewFile:
        """Add the file ``path`` as a preview of ``comment`` (a comment of
        this task); returns the preview, which also joins
        ``comment.previews``. A comment's first preview starts a new
        revision (or ``revision``), the next ones share it.

        ``progress``, ``wait`` and ``timeout`` as in :meth:`comment`. A
        file the server refuses (too large: ``PayloadTooLargeError``; not
        a picture or a movie it can read: ``BadRequestError``) leaves no
        empty preview behind; one it fails to process raises
        :class:`PreviewProcessingError`.
        """
        task = cast("tasks.Task", self)
        task._check_alive()
        comment = _comment_of(task, comment)
        source = _source_file(path, "preview", allow_empty=False)
        callback = _progress(progress)
        timeout = _positive(timeout, "timeout")
        if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int) or revision < 0):
            raise errors.InvalidArgumentError(f"revision must be an int >= 0, got {revision!r}")
        call_progress = _CallProgress(callback, [_body_size([("file", source)])])
        deadline = _monotonic() + timeout
        preview = _upload_preview(task, comment, source, call_progress, deadline, revision)
        if wait:
            _wait_for(preview, comment, deadline, timeout)
        task.refresh()
        return preview

    def add_attachments(
        self,
        comment: tasks.Comment,
        paths: Iterable[StrPath],
        *,
        progress: ProgressCallback | None = None,
    ) -> ModelList[AttachmentFile]:
        """Attach files to ``comment`` (a comment of this task) in one
        request; returns the new attachments, which also join
        ``comment.attachments`` when it is loaded."""
        task = cast("tasks.Task", self)
        task._check_alive()
        comment = _comment_of(task, comment)
        sources = _source_files(paths, "attachment")
        if not sources:
            raise errors.InvalidArgumentError("add_attachments needs at least one file")
        callback = _progress(progress)
        session = task.session
        rows = session.transport.upload(
            f"actions/tasks/{task.id}/comments/{comment.id}/add-attachment",
            _attachment_parts(sources),
            progress=callback,
        )
        added = _adopt_attachments(session, comment.id, rows)
        cached = _cache_of(comment).get("attachments")
        if cached is not None:
            cached.extend(item for item in added if item not in cached)
        return added


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
        return _download(owner, self._avatar_route() + ".png", target, f"{owner.id}.png", progress)

    def set_avatar(self, path: StrPath, progress: ProgressCallback | None = None) -> None:
        """Upload the picture ``path`` as the avatar."""
        owner = cast(KitsuModel, self)
        owner._check_alive()
        source = _source_file(path, "avatar", allow_empty=False)
        callback = _progress(progress)
        owner.session.transport.upload(self._avatar_route(), [("file", source)], progress=callback)
        # The server sets has_avatar with the upload: as it has it now.
        owner.__dict__["has_avatar"] = True
        object.__setattr__(owner, "__pydantic_fields_set__", owner.__pydantic_fields_set__ | {"has_avatar"})
