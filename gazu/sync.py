"""``gazu.sync``: moving a production's data between two Kitsu servers (read through the other gazu modules),
and the event log.
The table's functions are generated (``gazu/_generated/sync.py``); the functions below are written by hand."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

from kitsu_models import catalogue as api

from . import asset as gazu_asset
from . import casting as gazu_casting
from . import files as gazu_files
from . import shot as gazu_shot
from . import task as gazu_task
from ._calls import Ref, Row, field, ref
from ._generated import sync as _generated
from ._generated.sync import *  # noqa: F403 (the table's functions)
from .client import KitsuClient
from .helpers import sanitize_filename

logger = logging.getLogger("gazu.sync")
IdMap = dict[str, str]


# ------------------------------------------------------ pure functions
def get_model_list_diff(
    source_list: Sequence[Row], target_list: Sequence[Row], id_field: str = "id"
) -> tuple[list[Row], list[Row]]:
    """(the source records whose ``id_field`` no target has, the target records whose no source has)."""
    return _diff(source_list, target_list, lambda row: row[id_field])


def get_link_list_diff(source_list: Sequence[Row], target_list: Sequence[Row]) -> tuple[list[Row], list[Row]]:
    """As ``get_model_list_diff``, for entity links told apart by their two ends."""
    return _diff(source_list, target_list, lambda link: (link["entity_in_id"], link["entity_out_id"]))


def _diff(source: Sequence[Row], target: Sequence[Row], key: Callable[[Row], Hashable]) -> tuple[list[Row], list[Row]]:
    source_keys, target_keys = {key(row) for row in source}, {key(row) for row in target}
    missing = [row for row in source if key(row) not in target_keys]
    return missing, [row for row in target if key(row) not in source_keys]


def is_changed(source_model: Mapping[str, Any], target_model: Mapping[str, Any]) -> bool:
    """Whether the source record was updated after the target one."""
    return bool(source_model["updated_at"] > target_model["updated_at"])


def convert_id_list(ids: Iterable[str], model_map: Mapping[str, Any]) -> list[Any]:
    """``ids`` through ``model_map`` (KeyError for an id it lacks)."""
    return [model_map[model_id] for model_id in ids]


# ------------------------------------------- copying to another server
def push_assets(
    project_source: Ref, project_target: Ref, client_source: KitsuClient, client_target: KitsuClient
) -> Any:
    """Copy the source production's assets into the target one (ids, dates; types and ``ready_for`` by name)."""
    target = _target_id(project_source, project_target)
    types = get_sync_asset_type_id_map(client_source, client_target)
    task_types: dict[Any, str] = get_sync_task_type_id_map(client_source, client_target)  # .get(None): None
    mapped = []
    for asset in gazu_asset.all_assets_for_project(project_source, client=client_source):
        if asset["entity_type_id"] not in types:
            logger.warning("Skipping asset %s: its type %s has no match on the target.", asset.get("id"),
                           asset["entity_type_id"])
            continue
        ready_for = asset["ready_for"]
        if ready_for is not None and ready_for not in task_types:
            logger.warning("Asset %s: its ready_for %s has no match on the target, left out.", asset.get("id"),
                           ready_for)
        mapped.append({**asset, "entity_type_id": types[asset["entity_type_id"]],
                       "ready_for": task_types.get(ready_for)})
    return _push(mapped, target, client_target)


def push_episodes(
    project_source: Ref, project_target: Ref, client_source: KitsuClient, client_target: KitsuClient
) -> Any:
    """Copy the source production's episodes into the target one, with their ids and dates."""
    target = _target_id(project_source, project_target)
    return _push(gazu_shot.all_episodes_for_project(project_source, client=client_source), target, client_target)


def push_sequences(
    project_source: Ref, project_target: Ref, client_source: KitsuClient, client_target: KitsuClient
) -> Any:
    """Copy the source production's sequences into the target one, with their ids and dates."""
    target = _target_id(project_source, project_target)
    return _push(gazu_shot.all_sequences_for_project(project_source, client=client_source), target, client_target)


def push_shots(
    project_source: Ref, project_target: Ref, client_source: KitsuClient, client_target: KitsuClient
) -> Any:
    """Copy the source production's shots into the target one, with their ids and dates."""
    target = _target_id(project_source, project_target)
    return _push(gazu_shot.all_shots_for_project(project_source, client=client_source), target, client_target)


def _target_id(project_source: Ref, project_target: Ref) -> str:
    """The target production's id (both productions refused before any request when they are not ids)."""
    ref(project_source)
    return str(ref(project_target))


def _push(records: Iterable[Row], target: str, client_target: KitsuClient) -> Any:
    """Import ``records`` into the target production."""
    return import_entities([{**row, "project_id": target} for row in records], client=client_target)


def push_entity_links(
    project_source: Ref, project_target: Ref, client_source: KitsuClient, client_target: KitsuClient
) -> Any:
    """Copy the source production's entity links (casting, concepts) to the target, with their ids and dates."""
    _target_id(project_source, project_target)
    links = gazu_casting.all_entity_links_for_project(project_source, client=client_source)
    return import_entity_links(links, client=client_target)


def push_project_entities(
    project_source: Ref, project_target: Ref, client_source: KitsuClient, client_target: KitsuClient
) -> dict[str, Any]:
    """Copy assets, episodes (of a TV show), sequences, shots and entity links, in this order."""
    tv_show = field(client_source, project_source, "production_type", api.PROJECT) == "tvshow"
    both = (project_source, project_target, client_source, client_target)
    return {
        "assets": push_assets(*both), "episodes": push_episodes(*both) if tv_show else [],
        "sequences": push_sequences(*both), "shots": push_shots(*both), "entity_links": push_entity_links(*both),
    }


def push_tasks(
    project_source: Ref, project_target: Ref, default_status: Ref, client_source: KitsuClient,
    client_target: KitsuClient,
) -> Any:
    """Copy the source production's tasks into the target one (ids, dates; task types by name, persons by email)."""
    status, target = ref(default_status), _target_id(project_source, project_target)
    task_types = get_sync_task_type_id_map(client_source, client_target)
    persons: dict[Any, str] = get_sync_person_id_map(client_source, client_target)  # .get(None): None
    mapped = []
    for task in gazu_task.all_tasks_for_project(project_source, client=client_source):
        if task["task_type_id"] not in task_types:
            logger.warning("Skipping task %s: its task type %s has no match on the target.", task.get("id"),
                           task["task_type_id"])
            continue
        assigner = task["assigner_id"]
        if assigner is not None and assigner not in persons:
            logger.warning("Task %s: its assigner %s has no match on the target, left out.", task.get("id"), assigner)
        mapped.append({
            **task, "task_type_id": task_types[task["task_type_id"]], "task_status_id": status,
            "assigner_id": persons.get(assigner), "project_id": target,
            "assignees": [persons[person] for person in task.get("assignees") or [] if person in persons],
        })
    return import_tasks(mapped, client=client_target)


def push_tasks_comments(project_source: Ref, client_source: KitsuClient, client_target: KitsuClient) -> list[Row]:
    """Copy the comments of every task of the source production; returns the source tasks."""
    ref(project_source)  # refused before any request
    statuses = get_sync_task_status_id_map(client_source, client_target)
    persons = get_sync_person_id_map(client_source, client_target)
    tasks = gazu_task.all_tasks_for_project(project_source, client=client_source)
    for task in tasks:
        push_task_comments(statuses, persons, task, client_source, client_target)
    return tasks


def push_task_comments(
    task_status_map: IdMap, person_map: IdMap, task: Ref, client_source: KitsuClient, client_target: KitsuClient
) -> list[Row]:
    """Copy a task's comments, oldest first (see ``push_task_comment``); returns those copied."""
    comments = gazu_task.all_comments_for_task(task, client=client_source)
    pushed = [push_task_comment(task_status_map, person_map, task, one, client_source, client_target)
              for one in reversed(comments)]
    return [comment for comment in pushed if comment is not None]


def push_task_comment(
    task_status_map: IdMap, person_map: IdMap, task: Ref, comment: Row, client_source: KitsuClient,
    client_target: KitsuClient, author_id: str | None = None, tmp_path: str | None = None,
) -> Row | None:
    """Post a source comment and its files on the same task of the target; returns it (None: status unmatched)."""
    ref(task)  # refused before any request
    if comment["task_status_id"] not in task_status_map:
        logger.warning("Skipping comment %s: its status %s has no match on the target.", comment.get("id"),
                       comment["task_status_id"])
        return None
    author = author_id if author_id is not None else person_map.get(comment["person_id"])
    if author is None:
        logger.warning("Comment %s: its author %s has no match on the target, posted as the current user.",
                       comment.get("id"), comment["person_id"])
    with tempfile.TemporaryDirectory(prefix="zou_sync_", dir=tmp_path) as folder:
        attachments = []
        for attachment in comment.get("attachment_files") or []:
            found = gazu_files.get_attachment_file(attachment, client=client_source)
            attachments.append(os.path.join(folder, sanitize_filename(found["name"])))
            gazu_files.download_attachment_file(found, attachments[-1], client=client_source)
        previews = []
        for preview in comment.get("previews") or []:
            found = gazu_files.get_preview_file(preview, client=client_source)
            if found.get("original_name") is None or found.get("extension") is None:
                logger.warning("Skipping preview %s: it has no original name or extension.", found.get("id"))
                continue
            previews.append((os.path.join(folder, sanitize_filename(f"{found['original_name']}.{found['extension']}")),
                             found.get("annotations")))
            gazu_files.download_preview_file(found, previews[-1][0], client=client_source)
        posted = gazu_task.add_comment(
            task, {"id": task_status_map[comment["task_status_id"]]}, comment=comment["text"],
            person=None if author is None else {"id": author}, checklist=comment.get("checklist") or [],
            attachments=attachments, created_at=comment["created_at"], client=client_target,
        )
        for path, drawn in previews:
            preview_file = gazu_task.add_preview(task, posted, path, client=client_target)
            gazu_files.update_preview(preview_file, {"annotations": drawn}, client=client_target)
    return comment


__all__: list[str] = [
    "convert_id_list", "get_link_list_diff", "get_model_list_diff",
    "is_changed", "push_assets", "push_entity_links", "push_episodes", "push_project_entities", "push_sequences",
    "push_shots", "push_task_comment", "push_task_comments", "push_tasks", "push_tasks_comments",
]
__all__ += _generated.__all__
