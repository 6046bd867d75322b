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
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .. import catalogue as api
from .. import checks, errors
from ..ids import chunks, id_of
from ..orm.collection import ModelList
from ..orm.registry import ModelRef
from ..orm.relations import listed_ids
from ..policy import Timeout
from ..streaming import CallProgress, ProgressCallback, StrPath, file_parts, multipart_length
from .processing import FAILED_STATUSES, PROCESSING_TIMEOUT, PreviewProcessingError, PreviewProcessingTimeoutError

if TYPE_CHECKING:
    from ..orm.session_api import Session
    from .people import Person
    from .previews import AttachmentFile, PreviewFile
    from .tasks import Comment, Task, TaskStatus

_TASK: ModelRef[Task] = ModelRef("Task")
_TASK_STATUS: ModelRef[TaskStatus] = ModelRef("TaskStatus")
_COMMENT: ModelRef[Comment] = ModelRef("Comment")
_PERSON: ModelRef[Person] = ModelRef("Person")
_PREVIEW_FILE: ModelRef[PreviewFile] = ModelRef("PreviewFile")
_ATTACHMENT_FILE: ModelRef[AttachmentFile] = ModelRef("AttachmentFile")


#: Comments per ``batch-comment`` request: the server writes about ten a
#: second, so a request stays well within the read timeout.
BATCH_COMMENTS = 100


def _comment_fields(task_status: Any, text: Any, checklist: Any, links: Any, text_key: str) -> dict[str, Any]:
    """The checked keys every comment request carries (``text_key``: the
    single-comment route calls the text ``comment``, the batch route ``text``)."""
    status_id = id_of(task_status, _TASK_STATUS(), "task_status")
    if not isinstance(text, str):
        raise errors.InvalidArgumentError(f"text must be a str, got {text!r}")
    return {"task_status_id": status_id, text_key: text, "checklist": checks.checklist(checklist), "links": checks.links(links)}


def _processing_timeout(session: Session, timeout: float) -> Timeout:
    """The timeout of a preview upload: the server may process the file
    before answering, so its answer may take up to ``timeout`` seconds."""
    current = session.transport.timeout
    return Timeout(connect=current.connect, read=max(current.read, timeout))


# ------------------------------------------------------------ publishing
def _adopt_attachments(session: Session, comment_id: str, rows: Any) -> ModelList[AttachmentFile]:
    """Typed attachments from a create answer's ``{id, name, extension,
    size}`` dicts (completed with their comment's id)."""
    found = [dict(row, comment_id=comment_id) for row in rows or [] if isinstance(row, dict)]
    return session.repository(_ATTACHMENT_FILE()).materialize(found, owned=True)


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


def _wait_for(preview: PreviewFile, comment: Comment | None, deadline: float, timeout: float) -> None:
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
    task: Task,
    comment: Comment,
    path: Path,
    call_progress: CallProgress,
    deadline: float,
    revision: int | None,
) -> PreviewFile:
    """Create a preview on ``comment`` and upload ``path`` into it; the
    preview joins ``comment.previews``. A file the server refuses (too
    large, unreadable) leaves no empty preview behind."""
    session = task.session
    transport = session.transport
    row = transport.post(
        api.ADD_PREVIEW.fill(task_id=task, comment_id=comment),
        {"revision": revision} if revision is not None else {},
    )
    preview = session.repository(_PREVIEW_FILE()).materialize([row], owned=True)[0]
    _join(comment, preview)
    read = max(deadline - time.monotonic(), 1.0)
    try:
        answer = transport.upload(
            api.PREVIEW_UPLOAD.fill(preview_file_id=preview),
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
    session.repository(_PREVIEW_FILE()).materialize([answer], owned=True)
    if preview.status in FAILED_STATUSES:
        raise PreviewProcessingError(
            f"{path.name}: the server could not process PreviewFile {preview.id} (comment {comment.id}): "
            f"status {preview.status}",
            preview,
            comment,
        )
    return preview


def _join(comment: Comment, preview: PreviewFile) -> None:
    """Record ``preview`` on ``comment`` as the server now has it."""
    ids = listed_ids(comment.__dict__.get("preview_ids"))
    if preview.id not in ids:
        comment._set_synced("preview_ids", [*ids, preview.id])
    cached = type(comment).previews.cached(comment)
    if cached is not None and preview not in cached:
        cached.append(preview)
    preview._set_synced("comment_ids", [comment.id])
    type(preview).comment.store(preview, comment)


def _forget(preview: PreviewFile, comment: Comment) -> None:
    """The server deleted ``preview``: drop it from the session and comment."""
    ids = listed_ids(comment.__dict__.get("preview_ids"))
    comment._set_synced("preview_ids", [i for i in ids if i != preview.id])
    cached = type(comment).previews.cached(comment)
    if cached is not None and preview in cached:
        cached.remove(preview)
    preview.session.identity.evict(preview)
    preview.mark_deleted()


def _discard(preview: PreviewFile, comment: Comment) -> None:
    """Delete an empty preview record (best effort), then forget it."""
    try:
        preview.session.transport.delete(api.PREVIEW_FILE.fill(preview_file_id=preview))
    except errors.KitsuError:
        pass
    _forget(preview, comment)


def _comment_of(task: Task, comment: Any) -> Comment:
    if not isinstance(comment, _COMMENT()):
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
        task_status: TaskStatus | str,
        text: str = "",
        *,
        previews: Iterable[StrPath] = (),
        attachments: Iterable[StrPath] = (),
        checklist: list[dict[str, Any]] | None = None,
        links: list[str] | None = None,
        for_client: bool = False,
        person: Person | str | None = None,
        progress: ProgressCallback | None = None,
        wait: bool = False,
        timeout: float = PROCESSING_TIMEOUT,
        set_main_preview: bool = False,
    ) -> Comment:
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
        task = cast("Task", self)
        task._check_alive()
        body = _comment_fields(task_status, text, checklist, links, "comment")
        body["for_client"] = bool(for_client)
        preview_paths = checks.source_files(previews, "preview", allow_empty=False)
        attachment_paths = checks.source_files(attachments, "attachment")
        if person is not None:
            body["person_id"] = id_of(person, _PERSON(), "person")
        callback = checks.progress(progress)
        timeout = checks.positive_seconds(timeout, "timeout")
        if set_main_preview and not preview_paths:
            raise errors.InvalidArgumentError("set_main_preview needs at least one preview")

        session = task.session
        transport = session.transport
        route = api.ADD_COMMENT.fill(task_id=task)
        parts = file_parts(attachment_paths)
        fields = _form_fields(body) if parts else None
        preview_sizes = [multipart_length([("file", path)]) for path in preview_paths]
        sizes = ([multipart_length(parts, fields)] if parts else []) + preview_sizes
        call_progress = CallProgress(callback, sizes)
        if parts:
            row = transport.upload(route, parts, fields=fields, progress=call_progress.part())
            call_progress.sent(sizes[0])
        else:
            row = transport.post(route, body)
        attachment_rows = row.get("attachment_files") if isinstance(row, dict) else None
        comment = session.repository(_COMMENT()).materialize([row], owned=True)[0]
        type(comment).attachments.store(comment, _adopt_attachments(session, comment.id, attachment_rows))
        type(comment).previews.store(comment, ModelList(session=session))

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
        targets: Iterable[Task],
        task_status: TaskStatus | str,
        text: str = "",
        *,
        checklist: list[dict[str, Any]] | None = None,
        links: list[str] | None = None,
    ) -> ModelList[Comment]:
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
        if not all(isinstance(task, _TASK()) for task in chosen):
            raise errors.InvalidArgumentError("comment_many needs Task objects")
        if not chosen:
            return ModelList()
        task_ids = []
        for task in chosen:
            task._check_alive()
            task_ids.append(id_of(task, what="task id"))
        session = chosen[0].session
        if any(task.session is not session for task in chosen):
            raise errors.InvalidArgumentError("comment_many needs tasks of one session")
        if len(set(task_ids)) != len(chosen):
            raise errors.InvalidArgumentError("comment_many got the same task twice")
        shared = _comment_fields(task_status, text, checklist, links, "text")
        comment_repository, task_repository = session.repository(_COMMENT()), session.repository(_TASK())
        comments: ModelList[Comment] = ModelList(session=session)
        try:
            for batch in chunks(task_ids, BATCH_COMMENTS):
                rows = session.transport.post(
                    api.BATCH_COMMENT.fill(), {"comments": [{**shared, "task_id": i} for i in batch]}
                )
                comments.extend(comment_repository.materialize(list(rows), owned=True))
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
        comment: Comment,
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
        task = cast("Task", self)
        task._check_alive()
        comment = _comment_of(task, comment)
        source = checks.source_file(path, "preview", allow_empty=False)
        callback = checks.progress(progress)
        timeout = checks.positive_seconds(timeout, "timeout")
        if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int) or revision < 0):
            raise errors.InvalidArgumentError(f"revision must be an int >= 0, got {revision!r}")
        call_progress = CallProgress(callback, [multipart_length([("file", source)])])
        deadline = time.monotonic() + timeout
        preview = _upload_preview(task, comment, source, call_progress, deadline, revision)
        if wait:
            _wait_for(preview, comment, deadline, timeout)
        task.refresh()
        return preview

    def add_attachments(
        self,
        comment: Comment,
        paths: Iterable[StrPath],
        *,
        progress: ProgressCallback | None = None,
    ) -> ModelList[AttachmentFile]:
        """Attach files to ``comment`` (a comment of this task) in one
        request; returns the new attachments, which also join
        ``comment.attachments`` when it is loaded."""
        task = cast("Task", self)
        task._check_alive()
        comment = _comment_of(task, comment)
        sources = checks.source_files(paths, "attachment")
        if not sources:
            raise errors.InvalidArgumentError("add_attachments needs at least one file")
        callback = checks.progress(progress)
        session = task.session
        rows = session.transport.upload(
            api.ADD_ATTACHMENTS.fill(task_id=task, comment_id=comment),
            file_parts(sources),
            progress=callback,
        )
        added = _adopt_attachments(session, comment.id, rows)
        cached = type(comment).attachments.cached(comment)
        if cached is not None:
            cached.extend(item for item in added if item not in cached)
        return added

