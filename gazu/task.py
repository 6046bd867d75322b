"""``gazu.task``: tasks, their types and statuses, assignments, time spent, comments and previews.
The table's functions are generated (``gazu/_generated/task.py``); the functions below are written by hand."""

from __future__ import annotations

import json
import os
import string
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kitsu_models import catalogue as api
from kitsu_models import checks, errors
from kitsu_models.models.processing import PROCESSING_TIMEOUT
from kitsu_models.policy import Timeout
from kitsu_models.streaming import ProgressCallback, StrPath

from . import helpers
from ._calls import FIRST, ROW, Ref, Row, call, field, fields, ref, refs_of, upload
from ._generated import task as _generated
from ._generated.task import *  # noqa: F403 (the table's functions)
from .client import KitsuClient, default_client
from .exception import TaskStatusNotFoundException


def new_task_status(name: str, short_name: str, color: str, client: KitsuClient = default_client) -> Row:
    """Create a task status; ``color`` is ``#`` and hexadecimal digits (checked before sending)."""
    if not (isinstance(color, str) and color.startswith("#") and all(char in string.hexdigits for char in color[1:])):
        raise errors.InvalidArgumentError(f"color must be '#' and hexadecimal digits, e.g. '#00FF00', got {color!r}")
    body = {"name": name, "short_name": short_name, "color": color}
    return call(client, "POST", api.TASK_STATUSES, body=body, result=ROW)


def new_task(
    entity: Ref, task_type: Ref, name: str = "main", task_status: Ref | None = None, assigner: Ref | None = None,
    assignees: Sequence[Ref] = [], client: KitsuClient = default_client,  # noqa: B006 (the spec's; never mutated)
) -> Row:
    """The entity's task of this type and name, created (in the default status unless given) when there is none."""
    body = fields(
        {"entity_id": ref(entity), "task_type_id": ref(task_type), "assignees": refs_of(assignees), "name": name},
        assigner_id=ref(assigner),
    )
    if task_status is None:
        task_status = get_default_task_status(client=client)
        if task_status is None:
            raise TaskStatusNotFoundException("the server has no default task status: pass task_status")
    body["task_status_id"] = ref(task_status)
    body["project_id"] = field(client, entity, "project_id", api.ENTITY)
    found = get_task_by_entity(entity, task_type, name, client=client)
    return found if found is not None else call(client, "POST", api.TASKS, body=body, result=ROW)


def start_task(
    task: Ref, started_task_status: Ref | None = None, person: Ref | None = None, client: KitsuClient = default_client
) -> Row:
    """Comment the task into ``started_task_status`` (default: ``wip``), which sets its real start date."""
    ref(task)  # checked before the status is looked up
    if started_task_status is None:
        started_task_status = get_task_status_by_short_name("wip", client=client)
        if started_task_status is None:
            raise TaskStatusNotFoundException("no task status has the short name 'wip': pass started_task_status")
    return add_comment(task, started_task_status, person=person, client=client)


def clear_assignations(
    tasks: Ref | Sequence[Ref], person: Ref | None = None, client: KitsuClient = default_client
) -> Any:
    """Unassign ``person`` (everyone when None) from these tasks; an empty list sends nothing."""
    task_ids = refs_of(tasks)
    if not task_ids:
        return []
    body = fields({"task_ids": task_ids}, person_id=ref(person))
    return call(client, "PUT", api.CLEAR_ASSIGNATION, body=body)


# ------------------------------------------ the spec's, not in gazu 1.3.1
def get_task_by_path(
    project: Ref, file_path: str, entity_type: str = "shot", client: KitsuClient = default_client
) -> Row | None:
    """The task a path of the production's file tree points at (the match of ``entity_type``'s template), or None."""
    key = checks.checked_text(entity_type, "entity_type", empty=False).capitalize()  # "Shot": the match's key
    body = {"project_id": ref(project), "file_path": checks.checked_text(file_path, "file_path"), "sep": "/"}
    matches = call(client, "POST", api.GUESS_FROM_PATH, body=body)
    for match in matches if isinstance(matches, list) else []:
        if not isinstance(match, dict) or match.get("Template") != entity_type:
            continue
        if match.get("Task"):
            return call(client, "GET", api.TASK, {"task_id": match["Task"]}, result=ROW)
        if match.get(key) and match.get("TaskType"):
            criteria = {"entity_id": ref(match[key]), "task_type_id": ref(match["TaskType"])}
            return call(client, "GET", api.TASKS, params=criteria, result=FIRST)
    return None


def task_to_review(
    task: Ref, person: Ref, comment: str, revision: int = 1, change_status: bool = True,
    client: KitsuClient = default_client,
) -> Row:
    """``person`` comments the task into the status requesting feedback ("WFA") unless not ``change_status``;
    returns the task. Zou 1.0.97 has no "to review" route: ``revision`` is checked, not sent (see add_preview)."""
    checks.checked_revision(revision)
    ref(task)  # both checked before any request
    ref(person)
    if change_status:
        status = call(client, "GET", api.TASK_STATUSES, params={"is_feedback_request": "True"}, result=FIRST)
        if status is None:
            raise TaskStatusNotFoundException("no task status requests feedback: create one (e.g. 'wfa')")
    else:
        status = field(client, task, "task_status_id", api.TASK)
    add_comment(task, status, comment, person=person, client=client)
    return call(client, "GET", api.TASK, {"task_id": task}, result=ROW)


# --------------------------------------------------------------- comments
def add_comment(
    task: Ref, task_status: Ref, comment: str = "", person: Ref | None = None,
    checklist: list[dict[str, Any]] = [], attachments: Sequence[StrPath] = [],  # noqa: B006 (the spec's; never mutated)
    created_at: str | None = None, links: list[str] | None = None, for_client: bool = False,
    client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None,
) -> Row:
    """Comment the task, setting its status; attachments (paths) are streamed along, each with its MIME type."""
    body = fields(
        {"task_status_id": ref(task_status), "comment": checks.checked_text(comment, "comment"),
         "checklist": checks.checklist(checklist), "links": checks.links(links), "for_client": for_client},
        person_id=ref(person), created_at=created_at,
    )
    files = checks.source_files(attachments or [], "attachments")
    if not files:
        return call(client, "POST", api.ADD_COMMENT, {"task_id": task}, body=body, result=ROW)
    # A form field is text: lists as JSON, for_client only when true (the server reads any text as true).
    form = {key: value if isinstance(value, str) else json.dumps(value) for key, value in body.items()}
    del form["for_client"]
    if for_client:
        form["for_client"] = "True"
    answer: Row = upload(client, api.ADD_COMMENT, {"task_id": task}, _gazu_order(files), fields=form,
                         progress=progress_callback)
    return answer


def add_attachment_files_to_comment(
    task: Ref, comment: Ref, attachments: Sequence[StrPath] | StrPath = [],  # noqa: B006 (the spec's; never mutated)
    client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None,
) -> Any:
    """Attach files (a path or a list of paths) to a comment of the task."""
    listed = [attachments] if isinstance(attachments, (str, os.PathLike)) else list(attachments or [])
    if not listed:
        raise errors.InvalidArgumentError("attachments is empty: give at least one file path")
    ids = {"task_id": task, "comment_id": comment}
    return upload(client, api.ADD_ATTACHMENTS, ids, _gazu_order(listed), progress=progress_callback)


def _gazu_order(files: Sequence[StrPath]) -> list[StrPath]:
    """Files in gazu's parts (the last one as ``file``, then the others): the server lists them so."""
    return [files[-1], *files[:-1]]


# --------------------------------------------------------------- previews
def upload_preview_file(
    preview: Ref | None = None, file_path: StrPath | None = None, normalize_movie: bool = True, no_job: bool = False,
    client: KitsuClient = default_client, *, preview_file: Ref | None = None,
    progress_callback: ProgressCallback | None = None,
) -> Row:
    """Send the preview's file (``preview``; 1.3.1's ``preview_file=`` too). A server without a job queue
    processes it first, so the answer may take up to ``PROCESSING_TIMEOUT``; its ``status`` says how it went."""
    if (preview is None) == (preview_file is None):
        raise errors.InvalidArgumentError("give the preview file as preview (or preview_file=), once")
    if file_path is None:
        raise errors.InvalidArgumentError("upload_preview_file needs file_path")
    params = {"normalize": None if normalize_movie else "false", "no_job": "true" if no_job else None}
    current = client.kitsu.transport.timeout
    timeout = Timeout(connect=current.connect, read=max(current.read, PROCESSING_TIMEOUT),
                      total=max(current.total, PROCESSING_TIMEOUT))
    ids = {"preview_file_id": preview if preview is not None else preview_file}
    answer: Row = upload(client, api.PREVIEW_UPLOAD, ids, [file_path], params=params, progress=progress_callback,
                         timeout=timeout)
    return answer


def add_preview(
    task: Ref, comment: Ref, preview_file_path: StrPath | None = None, preview_file_url: str | None = None,
    normalize_movie: bool = True, revision: int | None = None, no_job: bool = False,
    client: KitsuClient = default_client,
) -> Row:
    """Add a preview to the comment from a local file, or a URL (downloaded without the client's credentials)."""
    with _local_file(preview_file_path, preview_file_url) as local:
        preview = create_preview(task, comment, revision, client=client)
        return upload_preview_file(preview, local, normalize_movie, no_job, client=client)


def add_extra_preview(
    task: Ref, comment: Ref, preview_file: Ref, preview_file_path: StrPath | None = None,
    preview_file_url: str | None = None, normalize_movie: bool = True, no_job: bool = False,
    client: KitsuClient = default_client,
) -> Row:
    """Add another file to a preview of the comment (a page, a view), from a local file or a URL."""
    with _local_file(preview_file_path, preview_file_url) as local:
        extra = create_extra_preview(task, comment, preview_file, client=client)
        return upload_preview_file(extra, local, normalize_movie, no_job, client=client)


def publish_preview(
    task: Ref, task_status: Ref, comment: str = "", person: Ref | None = None,
    checklist: list[dict[str, Any]] | None = None, attachments: Sequence[StrPath] | None = None,
    created_at: str | None = None, preview_file_path: StrPath | None = None, preview_file_url: str | None = None,
    normalize_movie: bool = True, revision: int | None = None, set_thumbnail: bool = False,
    links: list[str] | None = None, client: KitsuClient = default_client,
) -> tuple[Row, Row]:
    """Comment the task with a preview (checked first; the thumbnail with ``set_thumbnail``): comment, preview."""
    with _local_file(preview_file_path, preview_file_url) as local:
        new_comment = add_comment(task, task_status, comment, person, checklist or [], attachments or [], created_at,
                                  links, client=client)
        preview = create_preview(task, new_comment, revision, client=client)
        preview = upload_preview_file(preview, local, normalize_movie, client=client)
    if set_thumbnail:
        set_main_preview(preview, client=client)
    return new_comment, preview


@contextmanager
def _local_file(path: StrPath | None, url: str | None) -> Iterator[Path]:
    """The preview's file: ``path`` (checked), else ``url`` downloaded into a temporary folder."""
    if path is not None:
        yield checks.source_file(path, "preview_file_path")
        return
    if url is None:
        raise errors.InvalidArgumentError("a preview needs preview_file_path or preview_file_url")
    with tempfile.TemporaryDirectory(prefix="gazu-preview-") as folder:
        yield Path(helpers.download_file(url, folder))


__all__: list[str] = [
    "add_attachment_files_to_comment", "add_comment", "add_extra_preview", "add_preview", "clear_assignations",
    "get_task_by_path", "new_task", "new_task_status", "publish_preview", "start_task",
    "task_to_review", "upload_preview_file",
]
__all__ += _generated.__all__
