"""``gazu.task``: tasks, their types and statuses, assignments, time spent,
comments and previews."""

from __future__ import annotations

import json
import os
import string
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import requests

from kitsu_models import checks, errors
from kitsu_models.ids import id_of
from kitsu_models.models.processing import PROCESSING_TIMEOUT
from kitsu_models.policy import Timeout
from kitsu_models.streaming import ProgressCallback, StrPath, write_atomically

from . import paths
from ._calls import (
    Record, Ref, Row, body_of, field, first, get_or_create, ids_of, read, read_by_name, read_list, read_row,
    remove, send_files, shaped, write, write_row,
)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host


def _relations(relations: bool) -> dict[str, str] | None:
    """gazu's ``relations=True`` query flag, sent only when asked for."""
    return {"relations": "True"} if relations else None


# ------------------------------------------------------- task statuses
@cache
def all_task_statuses(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.TASK_STATUSES)


@cache
def all_task_statuses_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The statuses the production uses (its settings), by name."""
    return read_by_name(client, paths.PROJECT_TASK_STATUSES, project_id=project)


@cache
def get_task_status(task_status_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.TASK_STATUS, task_status_id=task_status_id)


@cache
def get_task_status_by_name(name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.TASK_STATUSES, {"name": name})


@cache
def get_task_status_by_short_name(task_status_short_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.TASK_STATUSES, {"short_name": task_status_short_name})


@cache
def get_default_task_status(client: KitsuClient = default_client) -> Row | None:
    """The status new tasks get (Kitsu's "Todo" unless changed)."""
    return first(client, paths.TASK_STATUSES, {"is_default": "True"})


def new_task_status(name: str, short_name: str, color: str, client: KitsuClient = default_client) -> Row:
    """Create a status; ``color`` is ``#`` and hexadecimal digits (checked
    before sending, as gazu does)."""
    if not isinstance(color, str) or not color.startswith("#") or not all(c in string.hexdigits for c in color[1:]):
        raise errors.InvalidArgumentError(f"color must be '#' and hexadecimal digits, e.g. '#00FF00', got {color!r}")
    return write_row(client, "POST", paths.TASK_STATUSES, {"name": name, "short_name": short_name, "color": color})


def remove_task_status(task_status: Ref, client: KitsuClient = default_client) -> str:
    return remove(client, paths.TASK_STATUS, True, task_status_id=task_status)


# ---------------------------------------------------------- task types
@cache
def all_task_types(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.TASK_TYPES)


@cache
def all_task_types_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PROJECT_TASK_TYPES, project_id=project)


@cache
def all_task_types_for_asset(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.ASSET_TASK_TYPES, asset_id=asset)


@cache
def all_task_types_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SHOT_TASK_TYPES, shot_id=shot)


@cache
def all_task_types_for_scene(scene: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SCENE_TASK_TYPES, scene_id=scene)


@cache
def all_task_types_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SEQUENCE_TASK_TYPES, sequence_id=sequence)


@cache
def all_task_types_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.EPISODE_TASK_TYPES, episode_id=episode)


@cache
def get_task_type(task_type_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.TASK_TYPE, task_type_id=task_type_id)


@cache
def get_task_type_by_name(task_type_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.TASK_TYPES, {"name": task_type_name})


def new_task_type(name: str, client: KitsuClient = default_client) -> Row:
    """The asset task type named ``name``, created (black) when there is none."""
    lookup = lambda: first(client, paths.TASK_TYPES, {"name": name, "for_entity": "Asset"})  # noqa: E731
    return get_or_create(client, lookup, paths.TASK_TYPES, {"name": name, "color": "#000000", "for_entity": "Asset"})


def remove_task_type(task_type: Ref, client: KitsuClient = default_client) -> str:
    return remove(client, paths.TASK_TYPE, task_type_id=task_type)


# --------------------------------------------------------------- tasks
@cache
def all_tasks_for_asset(asset: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.ASSET_TASKS, _relations(relations), asset_id=asset)


@cache
def all_tasks_for_shot(shot: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SHOT_TASKS, _relations(relations), shot_id=shot)


@cache
def all_tasks_for_scene(scene: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SCENE_TASKS, _relations(relations), scene_id=scene)


@cache
def all_tasks_for_sequence(sequence: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SEQUENCE_TASKS, _relations(relations), sequence_id=sequence)


@cache
def all_tasks_for_episode(episode: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.EPISODE_TASKS, _relations(relations), episode_id=episode)


@cache
def all_shot_tasks_for_sequence(
    sequence: Ref, relations: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    return read_by_name(client, paths.SEQUENCE_SHOT_TASKS, _relations(relations), sequence_id=sequence)


@cache
def all_shot_tasks_for_episode(episode: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.EPISODE_SHOT_TASKS, _relations(relations), episode_id=episode)


@cache
def all_assets_tasks_for_episode(
    episode: Ref, relations: bool = False, client: KitsuClient = default_client
) -> list[Row]:
    return read_by_name(client, paths.EPISODE_ASSET_TASKS, _relations(relations), episode_id=episode)


@cache
def all_tasks_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """Every task of the production (the server's order; revalidated by
    ETag, which this route sends)."""
    return read_list(client, paths.PROJECT_TASKS, project_id=project)


@cache
def all_tasks_for_task_type(project: Ref, task_type: Ref, client: KitsuClient = default_client) -> list[Row]:
    criteria = {"project_id": id_of(project, what="project"), "task_type_id": id_of(task_type, what="task_type")}
    return read_list(client, paths.TASKS, criteria)


@cache
def all_tasks_for_task_status(
    project: Ref, task_type: Ref, task_status: Ref, client: KitsuClient = default_client
) -> list[Row]:
    criteria = {
        "project_id": id_of(project, what="project"), "task_type_id": id_of(task_type, what="task_type"),
        "task_status_id": id_of(task_status, what="task_status"),
    }
    return read_list(client, paths.TASKS, criteria)


@cache
def all_tasks_for_entity_and_task_type(entity: Ref, task_type: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.ENTITY_TYPE_TASKS, entity_id=entity, task_type_id=task_type)


@cache
def all_tasks_for_person(person: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The person's tasks not done yet, in open productions."""
    return read_list(client, paths.PERSON_TASKS, person_id=person)


@cache
def all_done_tasks_for_person(person: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.PERSON_DONE_TASKS, person_id=person)


@cache
def get_task(task_id: Ref, client: KitsuClient = default_client) -> Row:
    """The task with its entity, type, status and project (gazu's "full" record)."""
    return read_row(client, paths.TASK_FULL, task_id=task_id)


def get_task_by_name(entity: Ref, task_type: Ref, name: str = "main", client: KitsuClient = default_client) -> Row | None:
    """The entity's task of ``task_type`` named ``name``, or None."""
    criteria = {"name": name, "task_type_id": id_of(task_type, what="task_type"), "entity_id": id_of(entity, what="entity")}
    return first(client, paths.TASKS, criteria)


def get_task_by_path(
    project: Ref, file_path: str, entity_type: str = "shot", client: KitsuClient = default_client
) -> Row | None:
    """The task a file path of the production's file tree points at, or None.

    The server matches the path against the project's file tree templates
    (``data/entities/guess-from-path``); the match of ``entity_type``'s
    template names the entity and the task type, whose task is returned.
    """
    token = checks.checked_text(entity_type, "entity_type", empty=False).capitalize()  # "Shot": the match's key
    body = {"project_id": id_of(project, what="project"), "file_path": checks.checked_text(file_path, "file_path"), "sep": "/"}
    matches = write(client, "POST", paths.GUESS_FROM_PATH, body)
    for match in matches if isinstance(matches, list) else []:
        if not isinstance(match, dict) or match.get("Template") != entity_type:
            continue
        if match.get("Task"):
            return read_row(client, paths.TASK, task_id=match["Task"])
        if match.get(token) and match.get("TaskType"):
            criteria = {"entity_id": id_of(match[token], what=token), "task_type_id": id_of(match["TaskType"], what="TaskType")}
            return first(client, paths.TASKS, criteria)
    return None


@cache
def get_task_url(task: Ref, client: KitsuClient = default_client) -> str:
    """The task's page in Kitsu's web UI."""
    project = field(client, task, "project_id", paths.TASK, "task_id")
    return f"{get_api_url_from_host(client)}/productions/{project}/shots/tasks/{id_of(task, what='task')}/"


def new_task(
    entity: Ref, task_type: Ref, name: str = "main", task_status: Ref | None = None, assigner: Ref | None = None,
    assignees: Sequence[Ref] = [], client: KitsuClient = default_client,  # noqa: B006 (the spec's; never mutated)
) -> Row:
    """The entity's task of ``task_type`` named ``name``, created (with the
    default status unless one is given) when there is none."""
    body: dict[str, Any] = {
        "entity_id": id_of(entity, what="entity"), "task_type_id": id_of(task_type, what="task_type"),
        "assignees": ids_of(assignees, "person"), "name": name,
    }
    if assigner is not None:
        body["assigner_id"] = id_of(assigner, what="assigner")
    if task_status is None:
        task_status = get_default_task_status(client)
        if task_status is None:
            raise errors.TaskStatusNotFoundError("the server has no default task status: pass task_status")
    body["task_status_id"] = id_of(task_status, what="task_status")
    body["project_id"] = field(client, entity, "project_id", paths.ENTITY, "entity_id")
    return get_or_create(client, lambda: get_task_by_name(entity, task_type, name, client), paths.TASKS, body)


def update_task(task: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``task`` (its assignees sent as ids)."""
    body = body_of(task)
    if "assignees" in body:
        body["assignees"] = ids_of(body["assignees"], "person")
    return write_row(client, "PUT", paths.TASK, body, task_id=task)


def update_task_data(task: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the task's. The task route merges key by key on
    the server, so only these keys are sent (gazu reads the task first and
    sends its whole data back, undoing keys set meanwhile)."""
    return write_row(client, "PUT", paths.TASK, {"id": id_of(task, what="task"), "data": dict(data)}, task_id=task)


def remove_task(task: Ref, client: KitsuClient = default_client) -> str:
    """Delete the task with its comments, previews and time spent."""
    return remove(client, paths.TASK, True, task_id=task)


def assign_task(task: Ref, person: Ref, client: KitsuClient = default_client) -> Any:
    return write(client, "PUT", paths.ASSIGN, {"task_ids": [id_of(task, what="task")]}, person_id=person)


def start_task(task: Ref, started_task_status: Ref | None = None, client: KitsuClient = default_client) -> Row:
    """Comment the task into ``started_task_status`` (the "wip" status by
    default), which sets its real start date."""
    id_of(task, what="task")  # checked before the status lookup is sent
    if started_task_status is None:
        started_task_status = get_task_status_by_short_name("wip", client)
        if started_task_status is None:
            raise errors.TaskStatusNotFoundError("no task status has the short name 'wip': pass started_task_status")
    return add_comment(task, started_task_status, client=client)


def task_to_review(
    task: Ref, person: Ref, comment: str, revision: int = 1, change_status: bool = True,
    client: KitsuClient = default_client,
) -> Row:
    """Ask for a review: ``person`` comments the task, moving it to the
    status that requests feedback ("WFA") unless ``change_status`` is False.
    Zou 1.0.97 has no "to review" route any more; previews are attached to
    comments (:func:`add_preview`), so ``revision`` is checked and not sent.
    Returns the task as it is now."""
    checks.checked_revision(revision)
    id_of(task, what="task")  # both checked before any request
    id_of(person, what="person")
    if change_status:
        status = first(client, paths.TASK_STATUSES, {"is_feedback_request": "True"})
        if status is None:
            raise errors.TaskStatusNotFoundError("no task status requests feedback: create one (e.g. 'wfa')")
    else:
        status = field(client, task, "task_status_id", paths.TASK, "task_id")
    add_comment(task, status, comment, person=person, client=client)
    return read_row(client, paths.TASK, task_id=task)


# ---------------------------------------------------------- time spent
@cache
def get_time_spent(task: Ref, date: str, client: KitsuClient = default_client) -> Any:
    """Time spent on the task on ``date`` (YYYY-MM-DD), by person."""
    return read(client, paths.with_date(paths.TIME_SPENTS, date), task_id=task)


def set_time_spent(task: Ref, person: Ref, date: str, duration: int, client: KitsuClient = default_client) -> Row:
    route = paths.with_date(paths.SET_TIME_SPENT, date)
    return write_row(client, "POST", route, {"duration": duration}, task_id=task, person_id=person)


def add_time_spent(task: Ref, person: Ref, date: str, duration: int, client: KitsuClient = default_client) -> Row:
    route = paths.with_date(paths.ADD_TIME_SPENT, date)
    return write_row(client, "POST", route, {"duration": duration}, task_id=task, person_id=person)


# ------------------------------------------------------------ comments
@cache
def all_comments_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task's comments, newest first."""
    return read_list(client, paths.TASK_COMMENTS, task_id=task)


@cache
def get_last_comment_for_task(task: Ref, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.TASK_COMMENTS, task_id=task)


def get_comment(comment_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.COMMENT, comment_id=comment_id)


def add_comment(
    task: Ref, task_status: Ref, comment: str = "", person: Ref | None = None,
    checklist: list[dict[str, Any]] = [], attachments: Sequence[StrPath] = [],  # noqa: B006 (the spec's; never mutated)
    created_at: str | None = None, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Row:
    """Comment the task, setting its status; attachments (file paths) are
    streamed with it (``progress_callback(done, total)`` in bytes)."""
    body: dict[str, Any] = {
        "task_status_id": id_of(task_status, what="task_status"), "comment": checks.checked_text(comment, "comment"),
        "checklist": checks.checklist(checklist), "links": [], "for_client": False,
    }
    if person is not None:
        body["person_id"] = id_of(person, what="person")
    if created_at is not None:
        body["created_at"] = created_at
    files = checks.source_files(attachments, "attachments")
    if not files:
        return write_row(client, "POST", paths.ADD_COMMENT, body, task_id=task)
    fields = {key: value if isinstance(value, str) else json.dumps(value) for key, value in body.items() if key != "for_client"}
    answer = send_files(client, paths.ADD_COMMENT, _gazu_order(files), fields, progress=progress_callback, task_id=task)
    return shaped(dict, answer, paths.ADD_COMMENT)


def add_attachment_files_to_comment(
    task: Ref, comment: Ref, attachments: Sequence[StrPath] | StrPath = [],  # noqa: B006
    client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None,
) -> Any:
    """Attach files (a path or a list of paths) to a comment of the task."""
    if isinstance(attachments, (str, os.PathLike)):
        attachments = [attachments]
    files = checks.source_files(attachments, "attachments")
    if not files:
        raise errors.InvalidArgumentError("attachments is empty: give at least one file path")
    return send_files(
        client, paths.ADD_ATTACHMENTS, _gazu_order(files), progress=progress_callback, task_id=task, comment_id=comment
    )


def update_comment(comment: Record, client: KitsuClient = default_client) -> Row:
    return write_row(client, "PUT", paths.COMMENT, body_of(comment), comment_id=comment)


def remove_comment(comment: Ref, client: KitsuClient = default_client) -> str:
    """Delete the comment with its previews, news and notifications."""
    return remove(client, paths.COMMENT, comment_id=comment)


def _gazu_order(files: list[Path]) -> list[Path]:
    """Files in the parts gazu puts them in (the last one as ``file``,
    then the others): the server lists the attachments in this order."""
    return [files[-1], *files[:-1]]


# ------------------------------------------------------------ previews
def create_preview(task: Ref, comment: Ref, client: KitsuClient = default_client) -> Row:
    """An empty preview on the comment (its file is sent by :func:`upload_preview_file`)."""
    return write_row(client, "POST", paths.ADD_PREVIEW, {}, task_id=task, comment_id=comment)


def upload_preview_file(
    preview: Ref, file_path: StrPath, normalize_movie: bool = True, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Row:
    """Send the preview's file. A server without a job queue processes it
    before answering (a movie takes seconds), so the read may wait up to
    ``kitsu_models.models.PROCESSING_TIMEOUT``; the answer's ``status`` says
    "ready", "processing" or "broken". A file the server finds too large
    raises ``TooBigFileException``."""
    source = checks.source_file(file_path, "file_path")
    current = client.kitsu.transport.timeout
    timeout = Timeout(connect=current.connect, read=max(current.read, PROCESSING_TIMEOUT))
    params = None if normalize_movie else {"normalize": "false"}
    answer = send_files(
        client, paths.PREVIEW_UPLOAD, [source], params=params, progress=progress_callback, timeout=timeout,
        preview_file_id=preview,
    )
    return shaped(dict, answer, paths.PREVIEW_UPLOAD)


def add_preview(
    task: Ref, comment: Ref, preview_file_path: StrPath | None = None, preview_file_url: str | None = None,
    normalize_movie: bool = True, client: KitsuClient = default_client,
) -> Row:
    """Add a preview to the comment from a local file, or from a URL
    (downloaded first, without the client's credentials)."""
    if preview_file_path is None and preview_file_url is None:
        raise errors.InvalidArgumentError("add_preview needs preview_file_path or preview_file_url")
    if preview_file_path is not None:
        checks.source_file(preview_file_path, "preview_file_path")
        return upload_preview_file(create_preview(task, comment, client), preview_file_path, normalize_movie, client)
    with tempfile.TemporaryDirectory(prefix="gazu-preview-") as folder:
        local = _fetch_url(client, str(preview_file_url), Path(folder))
        return upload_preview_file(create_preview(task, comment, client), local, normalize_movie, client)


def set_main_preview(preview_file: Ref, client: KitsuClient = default_client) -> Row:
    """Make the preview its entity's thumbnail."""
    return write_row(client, "PUT", paths.SET_MAIN_PREVIEW, {}, preview_file_id=preview_file)


def _fetch_url(client: KitsuClient, url: str, folder: Path) -> Path:
    """Download ``url`` (any http(s) server: no credentials are sent) into
    ``folder``, under the URL's file name; atomic, within the client's timeouts."""
    if not url.startswith(("http://", "https://")):
        raise errors.InvalidArgumentError(f"preview_file_url must be an http(s) URL, got {url!r}")
    name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or "preview"
    target = folder / (name if name.strip(".") else "preview")
    timeout = client.kitsu.transport.timeout
    with requests.get(url, stream=True, timeout=(timeout.connect, timeout.read)) as answer:
        if answer.status_code != 200:
            raise errors.DownloadError(f"GET {url}: the server answered {answer.status_code}")
        write_atomically(answer.iter_content(1024 * 1024), target, None)
    return target
