"""Publishing on a task: a comment with a status change, its attachments
and its previews (the :class:`TaskReviews` mixin of
:class:`~.tasks.Task`)::

    comment = task.comment(wip, "v2 ready", previews=["v2.mov"], attachments=["notes.pdf"])
    comment.previews[0].status        # "ready" (or processing on a server with a job queue)

The server stores a preview in two steps: ``POST actions/tasks/{task}/
comments/{comment}/add-preview`` creates the record (``status:
"processing"``), ``POST pictures/preview-files/{id}`` uploads the file.
Zou 1.0.97 without a job queue processes the upload before answering (a
picture in under half a second, a one-second movie in about six), so
the upload's answer already says ``ready`` or ``broken``; with a job queue
it says ``processing`` and ``wait=True`` polls
(:meth:`~.previews.PreviewFile.wait_until_processed`). A failed processing
raises :class:`~.previews.PreviewProcessingError` naming the preview and
the comment.

Uploads stream from disk and report progress as ``progress(done,
total)`` in bytes; for a call that sends several files (a comment with
attachments and previews) the progress counts over all of them.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .. import errors
from ..collection import ModelList
from ..policy import Timeout
from ..streaming import MultipartBody, ProgressCallback, StrPath
from . import people, tasks
from .base import KitsuModel
from .previews import (
    FAILED_STATUSES,
    PROCESSING_TIMEOUT,
    AttachmentFile,
    PreviewFile,
    PreviewProcessingError,
    PreviewProcessingTimeoutError,
    positive_seconds,
)
from .relations import _cache_of, listed_ids
from .transfers import checked_progress, source_file, source_files

if TYPE_CHECKING:
    from ..session import Kitsu


#: Comments per ``batch-comment`` request: the server writes about ten a
#: second, so a request stays well within the read timeout.
BATCH_COMMENTS = 100


# ------------------------------------------------------ argument checks
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


def _comment_fields(
    task_status: Any, text: Any, checklist: Any, links: Any, text_key: str
) -> dict[str, Any]:
    """The checked keys every comment request carries (``text_key``: the
    single-comment route calls the text ``comment``, the batch route ``text``)."""
    status_id = _model_id(task_status, tasks.TaskStatus, "task_status")
    if not isinstance(text, str):
        raise errors.InvalidArgumentError(f"text must be a str, got {text!r}")
    return {"task_status_id": status_id, text_key: text, "checklist": _checklist(checklist), "links": _links(links)}


def _links(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise errors.InvalidArgumentError(f"links must be a list of URLs (str), got {value!r}")
    return list(value)


# ------------------------------------------------------------ progress
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


def _processing_timeout(session: Kitsu, timeout: float) -> Timeout:
    """The timeout of a preview upload: the server may process the file
    before answering, so its answer may take up to ``timeout`` seconds."""
    current = session.transport.timeout
    return Timeout(connect=current.connect, read=max(current.read, timeout))


# ------------------------------------------------------------ publishing
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
        preview.wait_until_processed(max(deadline - time.monotonic(), 1e-3))
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
    read = max(deadline - time.monotonic(), 1.0)
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
    if preview.status in FAILED_STATUSES:
        raise PreviewProcessingError(
            f"{path.name}: the server could not process PreviewFile {preview.id} (comment {comment.id}): "
            f"status {preview.status}",
            preview,
            comment,
        )
    return preview


def _join(comment: tasks.Comment, preview: PreviewFile) -> None:
    """Record ``preview`` on ``comment`` as the server now has it."""
    ids = listed_ids(comment.__dict__.get("preview_ids"))
    if preview.id not in ids:
        comment._set_synced("preview_ids", [*ids, preview.id])
    cached = _cache_of(comment).get("previews")
    if cached is not None and preview not in cached:
        cached.append(preview)
    preview._set_synced("comment_ids", [comment.id])
    _cache_of(preview)["comment"] = comment


def _forget(preview: PreviewFile, comment: tasks.Comment) -> None:
    """The server deleted ``preview``: drop it from the session and comment."""
    ids = listed_ids(comment.__dict__.get("preview_ids"))
    comment.__dict__["preview_ids"] = [i for i in ids if i != preview.id]
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
        body = _comment_fields(task_status, text, checklist, links, "comment")
        body["for_client"] = bool(for_client)
        preview_paths = source_files(previews, "preview", allow_empty=False)
        attachment_paths = source_files(attachments, "attachment")
        if person is not None:
            body["person_id"] = _model_id(person, people.Person, "person")
        callback = checked_progress(progress)
        timeout = positive_seconds(timeout, "timeout")
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

        deadline = time.monotonic() + timeout
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

    @staticmethod
    def comment_many(
        targets: Iterable[tasks.Task],
        task_status: tasks.TaskStatus | str,
        text: str = "",
        *,
        checklist: list[dict[str, Any]] | None = None,
        links: list[str] | None = None,
    ) -> ModelList[tasks.Comment]:
        """The same comment and status change on many tasks, in a request
        per 100 tasks (``POST actions/tasks/batch-comment``) instead of one
        per task; returns the comments, in the order of ``targets``.

        Everything is checked before the first request. The tasks are then
        reloaded (in batches of 50) so their status fields are current. A
        failure part way raises :class:`~kitsu_models.errors.PartialBatchError`
        whose ``done`` lists the comments created by the requests answered
        before it; the tasks are reloaded all the same.
        """
        chosen = list(targets)
        if not all(isinstance(task, tasks.Task) for task in chosen):
            raise errors.InvalidArgumentError("comment_many needs Task objects")
        if not chosen:
            return ModelList()
        from ..repository import check_id, chunks

        task_ids = []
        for task in chosen:
            task._check_alive()
            task_ids.append(check_id(task, "task"))
        session = chosen[0].session
        if any(task.session is not session for task in chosen):
            raise errors.InvalidArgumentError("comment_many needs tasks of one session")
        if len(set(task_ids)) != len(chosen):
            raise errors.InvalidArgumentError("comment_many got the same task twice")
        shared = _comment_fields(task_status, text, checklist, links, "text")
        comment_repository, task_repository = session.repository(tasks.Comment), session.repository(tasks.Task)
        comments: ModelList[tasks.Comment] = ModelList(session=session)
        try:
            for batch in chunks(task_ids, BATCH_COMMENTS):
                rows = session.transport.post(
                    "actions/tasks/batch-comment", {"comments": [{**shared, "task_id": i} for i in batch]}
                )
                comments.extend(comment_repository.fetch_rows(list(rows)))
        except errors.KitsuError as exc:
            with contextlib.suppress(errors.KitsuError):  # the batch's failure is the one to report
                task_repository.reload_many(chosen)
            raise errors.PartialBatchError(
                f"comment_many failed after {len(comments)} of {len(chosen)} comments: {exc}", list(comments)
            ) from exc
        task_repository.reload_many(chosen)
        return comments

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
        source = source_file(path, "preview", allow_empty=False)
        callback = checked_progress(progress)
        timeout = positive_seconds(timeout, "timeout")
        if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int) or revision < 0):
            raise errors.InvalidArgumentError(f"revision must be an int >= 0, got {revision!r}")
        call_progress = _CallProgress(callback, [_body_size([("file", source)])])
        deadline = time.monotonic() + timeout
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
        sources = source_files(paths, "attachment")
        if not sources:
            raise errors.InvalidArgumentError("add_attachments needs at least one file")
        callback = checked_progress(progress)
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

