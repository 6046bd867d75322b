"""``gazu.task``'s table-made functions. Generated from ``compat/functions/task.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api
from kitsu_models.streaming import ProgressCallback

from .._calls import (
    BY_NAME, FIRST, LIST, ROW, Record, Ref, Row, TEXT, call, comment_files, comment_form, field, fields, flag,
    production_url, record, ref, refs, upload,
)
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import task as gazu_task
else:
    gazu_task = Late("gazu.task")

__all__ = [
    "batch_comments", "create_multiple_comments", "new_task_type", "update_task", "get_task_url", "get_time_spent",
    "all_task_statuses", "all_task_statuses_for_project", "get_task_status", "get_task_status_by_name",
    "get_task_status_by_short_name", "get_default_task_status", "remove_task_status", "update_task_status",
    "all_task_types", "all_task_types_for_project", "all_task_types_for_shot", "all_task_types_for_concept",
    "all_task_types_for_asset", "all_task_types_for_scene", "all_task_types_for_sequence", "all_task_types_for_episode",
    "get_task_type", "get_task_type_by_name", "get_task_type_by_short_name", "remove_task_type", "update_task_type",
    "all_tasks_for_shot", "all_tasks_for_concept", "all_tasks_for_edit", "all_tasks_for_sequence",
    "all_tasks_for_scene", "all_tasks_for_asset", "all_tasks_for_episode", "all_shot_tasks_for_sequence",
    "all_shot_tasks_for_episode", "all_assets_tasks_for_episode", "all_tasks_for_task_status",
    "all_tasks_for_task_type", "all_tasks_for_entity_and_task_type", "all_tasks_for_person",
    "all_done_tasks_for_person", "get_task_by_entity", "get_task_by_name", "get_task", "remove_task",
    "update_task_data", "all_tasks_for_project", "all_open_tasks", "get_open_tasks_stats",
    "all_tasks_for_person_and_type", "get_persons_tasks_dates", "remove_tasks_for_type", "remove_tasks_batch",
    "create_entity_tasks", "create_shot_tasks", "create_asset_tasks", "create_edit_tasks", "create_concept_tasks",
    "assign_task", "assign_tasks_to_person", "set_time_spent", "add_time_spent", "get_task_time_spent_for_date",
    "remove_time_spent", "all_comments_for_task", "get_last_comment_for_task", "get_comment", "remove_comment",
    "update_comment", "all_comments_for_project", "all_notifications_for_project", "all_subscriptions_for_project",
    "add_tasks_batch_comments", "move_comment_to_task", "acknowledge_comment", "reply_to_comment",
    "delete_comment_reply", "delete_comment_attachment", "create_preview", "create_extra_preview",
    "remove_preview_from_comment", "set_main_preview", "all_previews_for_task", "all_preview_files_for_project",
]


def batch_comments(
    comments: list[dict[str, Any]] | None = None, task: Ref | None = None, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Post comments in one request (on ``task``, else each on its ``task_id``), their files streamed along."""
    return upload(
        client, api.BATCH_COMMENT if task is None else api.TASK_BATCH_COMMENT, {"task_id": task},
        comment_files(comments), fields=comment_form(comments), progress=progress_callback,
    )


def create_multiple_comments(
    project: Ref, comments: list[dict[str, Any]] | None = None, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Post comments on several tasks of a production in one request (as ``batch_comments``)."""
    return upload(
        client, api.PROJECT_COMMENT_MANY, {"project_id": project}, comment_files(comments),
        fields=comment_form(comments), progress=progress_callback,
    )


def new_task_type(
    name: str, color: str = "#000000", for_entity: str = "Asset", client: KitsuClient = default_client,
) -> Row:
    """The task type of this name for ``for_entity``, created when there is none."""
    body = {"name": name, "color": color, "for_entity": for_entity}
    found = gazu_task.get_task_type_by_name(name, for_entity, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.TASK_TYPES, body=body, result=ROW)


def update_task(task: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``task`` (its assignees sent as ids)."""
    return call(client, "PUT", api.TASK, {"task_id": task}, body=record(task, ["assignees"]), result=ROW)


@cache
def get_task_url(task: Ref, client: KitsuClient = default_client) -> str:
    """The task's page in Kitsu's web UI."""
    return f"{production_url(client, field(client, task, 'project_id', api.TASK))}/shots/tasks/{ref(task)}/"


@cache
def get_time_spent(task: Ref, date: str | None = None, client: KitsuClient = default_client) -> Any:
    """The time spent on the task, by person (on ``date``, YYYY-MM-DD, when given)."""
    return call(
        client, "GET", api.TASK_TIME_SPENTS if date is None else api.TASK_DAY_TIME_SPENTS,
        {"task_id": task, "date": date},
    )


@cache
def all_task_statuses(client: KitsuClient = default_client) -> list[Row]:
    """Every task status, by name."""
    return call(client, "GET", api.TASK_STATUSES, result=BY_NAME)


@cache
def all_task_statuses_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task statuses a production uses, by name."""
    return call(client, "GET", api.PROJECT_SETTINGS_TASK_STATUSES, {"project_id": project}, result=BY_NAME)


@cache
def get_task_status(task_status_id: Ref, client: KitsuClient = default_client) -> Row:
    """A task status's record."""
    return call(client, "GET", api.TASK_STATUS, {"task_status_id": task_status_id}, result=ROW)


@cache
def get_task_status_by_name(name: str, client: KitsuClient = default_client) -> Row | None:
    """The task status named ``name``, or None."""
    return call(client, "GET", api.TASK_STATUSES, params={"name": name}, result=FIRST)


@cache
def get_task_status_by_short_name(task_status_short_name: str, client: KitsuClient = default_client) -> Row | None:
    """The task status of this short name (``wip``, ``wfa``...), or None."""
    return call(client, "GET", api.TASK_STATUSES, params={"short_name": task_status_short_name}, result=FIRST)


@cache
def get_default_task_status(client: KitsuClient = default_client) -> Row | None:
    """The status new tasks get, or None."""
    return call(client, "GET", api.TASK_STATUSES, params={"is_default": "True"}, result=FIRST)


def remove_task_status(task_status: Ref, client: KitsuClient = default_client) -> str:
    """Delete a task status (always forced, as gazu does)."""
    return call(
        client, "DELETE", api.TASK_STATUS, {"task_status_id": task_status}, params={"force": "True"}, result=TEXT,
    )


def update_task_status(task_status: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of a task status."""
    return call(client, "PUT", api.TASK_STATUS, {"task_status_id": task_status}, body=record(task_status), result=ROW)


@cache
def all_task_types(client: KitsuClient = default_client) -> list[Row]:
    """Every task type, by name."""
    return call(client, "GET", api.TASK_TYPES, result=BY_NAME)


@cache
def all_task_types_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a production's tasks, by name."""
    return call(client, "GET", api.PROJECT_TASK_TYPES, {"project_id": project}, result=BY_NAME)


@cache
def all_task_types_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a shot's tasks, by name."""
    return call(client, "GET", api.SHOT_TASK_TYPES, {"shot_id": shot}, result=BY_NAME)


@cache
def all_task_types_for_concept(concept: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a concept's tasks, by name."""
    return call(client, "GET", api.CONCEPT_TASK_TYPES, {"concept_id": concept}, result=BY_NAME)


@cache
def all_task_types_for_asset(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task types of an asset's tasks, by name."""
    return call(client, "GET", api.ASSET_TASK_TYPES, {"asset_id": asset}, result=BY_NAME)


@cache
def all_task_types_for_scene(scene: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a scene's tasks, by name."""
    return call(client, "GET", api.SCENE_TASK_TYPES, {"scene_id": scene}, result=BY_NAME)


@cache
def all_task_types_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a sequence's tasks, by name."""
    return call(client, "GET", api.SEQUENCE_TASK_TYPES, {"sequence_id": sequence}, result=BY_NAME)


@cache
def all_task_types_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task types of an episode's tasks, by name."""
    return call(client, "GET", api.EPISODE_TASK_TYPES, {"episode_id": episode}, result=BY_NAME)


@cache
def get_task_type(task_type_id: Ref, client: KitsuClient = default_client) -> Row:
    """A task type's record."""
    return call(client, "GET", api.TASK_TYPE, {"task_type_id": task_type_id}, result=ROW)


@cache
def get_task_type_by_name(
    task_type_name: str, for_entity: str | None = None, department: Ref | None = None,
    client: KitsuClient = default_client,
) -> Row | None:
    """The task type named so (for that kind of entity, of that department), or None."""
    return call(
        client, "GET", api.TASK_TYPES,
        params={"name": task_type_name, "for_entity": for_entity, "department_id": ref(department)}, result=FIRST,
    )


@cache
def get_task_type_by_short_name(
    task_type_short_name: str, for_entity: str | None = None, department: Ref | None = None,
    client: KitsuClient = default_client,
) -> Row | None:
    """The task type of this short name (for that kind of entity, of that department), or None."""
    return call(
        client, "GET", api.TASK_TYPES,
        params={"short_name": task_type_short_name, "for_entity": for_entity, "department_id": ref(department)},
        result=FIRST,
    )


def remove_task_type(task_type: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a task type (with its tasks when ``force``)."""
    return call(
        client, "DELETE", api.TASK_TYPE, {"task_type_id": task_type}, params={"force": flag(force)}, result=TEXT,
    )


def update_task_type(task_type: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of a task type."""
    return call(client, "PUT", api.TASK_TYPE, {"task_type_id": task_type}, body=record(task_type), result=ROW)


@cache
def all_tasks_for_shot(shot: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """A shot's tasks, by name."""
    return call(client, "GET", api.SHOT_TASKS, {"shot_id": shot}, params={"relations": flag(relations)}, result=BY_NAME)


@cache
def all_tasks_for_concept(concept: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """A concept's tasks, by name."""
    return call(
        client, "GET", api.CONCEPT_TASKS, {"concept_id": concept}, params={"relations": flag(relations)},
        result=BY_NAME,
    )


@cache
def all_tasks_for_edit(edit: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """An edit's tasks, by name."""
    return call(client, "GET", api.EDIT_TASKS, {"edit_id": edit}, params={"relations": flag(relations)}, result=BY_NAME)


@cache
def all_tasks_for_sequence(sequence: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """A sequence's own tasks, by name."""
    return call(
        client, "GET", api.SEQUENCE_TASKS, {"sequence_id": sequence}, params={"relations": flag(relations)},
        result=BY_NAME,
    )


@cache
def all_tasks_for_scene(scene: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """A scene's tasks, by name."""
    return call(
        client, "GET", api.SCENE_TASKS, {"scene_id": scene}, params={"relations": flag(relations)}, result=BY_NAME,
    )


@cache
def all_tasks_for_asset(asset: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """An asset's tasks, by name."""
    return call(
        client, "GET", api.ASSET_TASKS, {"asset_id": asset}, params={"relations": flag(relations)}, result=BY_NAME,
    )


@cache
def all_tasks_for_episode(episode: Ref, relations: bool = False, client: KitsuClient = default_client) -> list[Row]:
    """An episode's own tasks, by name."""
    return call(
        client, "GET", api.EPISODE_TASKS, {"episode_id": episode}, params={"relations": flag(relations)},
        result=BY_NAME,
    )


@cache
def all_shot_tasks_for_sequence(
    sequence: Ref, relations: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """The tasks of a sequence's shots, by name."""
    return call(
        client, "GET", api.SEQUENCE_SHOT_TASKS, {"sequence_id": sequence}, params={"relations": flag(relations)},
        result=BY_NAME,
    )


@cache
def all_shot_tasks_for_episode(
    episode: Ref, relations: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """The tasks of an episode's shots, by name."""
    return call(
        client, "GET", api.EPISODE_SHOT_TASKS, {"episode_id": episode}, params={"relations": flag(relations)},
        result=BY_NAME,
    )


@cache
def all_assets_tasks_for_episode(
    episode: Ref, relations: bool = False, client: KitsuClient = default_client,
) -> list[Row]:
    """The tasks of an episode's assets, by name."""
    return call(
        client, "GET", api.EPISODE_ASSET_TASKS, {"episode_id": episode}, params={"relations": flag(relations)},
        result=BY_NAME,
    )


@cache
def all_tasks_for_task_status(
    project: Ref, task_type: Ref, task_status: Ref, client: KitsuClient = default_client,
) -> list[Row]:
    """A production's tasks of one type in one status."""
    return call(
        client, "GET", api.TASKS,
        params={"project_id": ref(project), "task_type_id": ref(task_type), "task_status_id": ref(task_status)},
        result=LIST,
    )


@cache
def all_tasks_for_task_type(
    project: Ref, task_type: Ref, episode: Ref | None = None, client: KitsuClient = default_client,
) -> list[Row]:
    """A production's tasks of one type (of one episode when given)."""
    return call(
        client, "GET", api.TASKS,
        params={"project_id": ref(project), "task_type_id": ref(task_type), "episode_id": ref(episode)}, result=LIST,
    )


@cache
def all_tasks_for_entity_and_task_type(entity: Ref, task_type: Ref, client: KitsuClient = default_client) -> list[Row]:
    """An entity's tasks of one type."""
    return call(
        client, "GET", api.ENTITY_TASK_TYPE_TASKS, {"entity_id": entity, "task_type_id": task_type}, result=LIST,
    )


@cache
def all_tasks_for_person(person: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The tasks assigned to a person and not done, in open productions."""
    return call(client, "GET", api.PERSON_TASKS, {"person_id": person}, result=LIST)


@cache
def all_done_tasks_for_person(person: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The done tasks assigned to a person, in open productions."""
    return call(client, "GET", api.PERSON_DONE_TASKS, {"person_id": person}, result=LIST)


@cache
def get_task_by_entity(
    entity: Ref, task_type: Ref, name: str = "main", client: KitsuClient = default_client,
) -> Row | None:
    """The entity's task of this type and name, or None."""
    return call(
        client, "GET", api.TASKS, params={"name": name, "task_type_id": ref(task_type), "entity_id": ref(entity)},
        result=FIRST,
    )


def get_task_by_name(
    entity: Ref, task_type: Ref, name: str = "main", client: KitsuClient = default_client,
) -> Row | None:
    """The entity's task of this type and name, or None (the spec's; never cached)."""
    return call(
        client, "GET", api.TASKS, params={"name": name, "task_type_id": ref(task_type), "entity_id": ref(entity)},
        result=FIRST,
    )


@cache
def get_task(task_id: Ref, client: KitsuClient = default_client) -> Row:
    """A task's full record (with its entity, type, status, project and assignees)."""
    return call(client, "GET", api.TASK_FULL, {"task_id": task_id}, result=ROW)


def remove_task(task: Ref, client: KitsuClient = default_client) -> str:
    """Delete a task with its comments, previews and time spent (always forced, as gazu does)."""
    return call(client, "DELETE", api.TASK, {"task_id": task}, params={"force": "True"}, result=TEXT)


def update_task_data(task: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:
    """Merge ``data`` into the task's ``data``: the route merges key by key, so only these keys are sent."""
    return call(
        client, "PUT", api.TASK, {"task_id": task}, body={"id": ref(task), "data": dict(data or {})}, result=ROW,
    )


@cache
def all_tasks_for_project(
    project: Ref, task_type: Ref | None = None, episode: Ref | None = None, client: KitsuClient = default_client,
) -> list[Row]:
    """A production's tasks (of one type, of one episode when given)."""
    return call(
        client, "GET", api.PROJECT_TASKS, {"project_id": project},
        params={"task_type_id": ref(task_type), "episode_id": ref(episode)}, result=LIST,
    )


@cache
def all_open_tasks(client: KitsuClient = default_client) -> Row:
    """The open tasks of open productions, with their stats."""
    return call(client, "GET", api.OPEN_TASKS, result=ROW)


@cache
def get_open_tasks_stats(client: KitsuClient = default_client) -> Row:
    """The open tasks' counts by production and status."""
    return call(client, "GET", api.OPEN_TASKS_STATS, result=ROW)


@cache
def all_tasks_for_person_and_type(person: Ref, task_type: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The tasks of one type related to a person's assignments."""
    return call(client, "GET", api.PERSON_RELATED_TASKS, {"person_id": person, "task_type_id": task_type}, result=LIST)


@cache
def get_persons_tasks_dates(client: KitsuClient = default_client) -> list[Row]:
    """For each person, the first start and last end dates of their tasks."""
    return call(client, "GET", api.PERSONS_TASK_DATES, result=LIST)


def remove_tasks_for_type(project: Ref, task_type: Ref, client: KitsuClient = default_client) -> str:
    """Delete a production's tasks of one type."""
    return call(
        client, "DELETE", api.DELETE_TASKS_OF_TYPE, {"project_id": project, "task_type_id": task_type}, result=TEXT,
    )


def remove_tasks_batch(project: Ref, tasks: Sequence[Ref], client: KitsuClient = default_client) -> Any:
    """Delete these tasks of a production."""
    return call(client, "POST", api.DELETE_TASKS, {"project_id": project}, body=refs(tasks))


def create_entity_tasks(entity: Ref, task_types: Sequence[Ref], client: KitsuClient = default_client) -> list[Row]:
    """Create the entity's tasks of these types."""
    return call(
        client, "POST", api.ENTITY_TASKS, {"entity_id": entity}, body={"task_type_ids": refs(task_types)}, result=LIST,
    )


def create_shot_tasks(shot: Ref, task_types: Sequence[Ref], client: KitsuClient = default_client) -> list[Row]:
    """Create the shot's tasks of these types."""
    return call(
        client, "POST", api.ENTITY_TASKS, {"entity_id": shot}, body={"task_type_ids": refs(task_types)}, result=LIST,
    )


def create_asset_tasks(asset: Ref, task_types: Sequence[Ref], client: KitsuClient = default_client) -> list[Row]:
    """Create the asset's tasks of these types."""
    return call(
        client, "POST", api.ENTITY_TASKS, {"entity_id": asset}, body={"task_type_ids": refs(task_types)}, result=LIST,
    )


def create_edit_tasks(edit: Ref, task_types: Sequence[Ref], client: KitsuClient = default_client) -> list[Row]:
    """Create the edit's tasks of these types."""
    return call(
        client, "POST", api.ENTITY_TASKS, {"entity_id": edit}, body={"task_type_ids": refs(task_types)}, result=LIST,
    )


def create_concept_tasks(concept: Ref, task_types: Sequence[Ref], client: KitsuClient = default_client) -> list[Row]:
    """Create the concept's tasks of these types."""
    return call(
        client, "POST", api.ENTITY_TASKS, {"entity_id": concept}, body={"task_type_ids": refs(task_types)}, result=LIST,
    )


def assign_task(task: Ref, person: Ref, client: KitsuClient = default_client) -> Any:
    """Assign a task to a person."""
    return call(client, "PUT", api.PERSON_ASSIGN, {"person_id": person}, body={"task_ids": [ref(task)]})


def assign_tasks_to_person(tasks: Sequence[Ref], person: Ref, client: KitsuClient = default_client) -> Any:
    """Assign these tasks to a person."""
    return call(client, "PUT", api.PERSON_ASSIGN, {"person_id": person}, body={"task_ids": refs(tasks)})


def set_time_spent(task: Ref, person: Ref, date: str, duration: float, client: KitsuClient = default_client) -> Row:
    """Set the time a person spent on a task on ``date`` (YYYY-MM-DD, checked before sending)."""
    return call(
        client, "POST", api.SET_TIME_SPENT, {"task_id": task, "date": date, "person_id": person},
        body={"duration": duration}, result=ROW,
    )


def add_time_spent(task: Ref, person: Ref, date: str, duration: float, client: KitsuClient = default_client) -> Row:
    """Add to the time a person spent on a task on ``date`` (YYYY-MM-DD, checked before sending)."""
    return call(
        client, "POST", api.ADD_TIME_SPENT, {"task_id": task, "date": date, "person_id": person},
        body={"duration": duration}, result=ROW,
    )


@cache
def get_task_time_spent_for_date(task: Ref, date: str, client: KitsuClient = default_client) -> Any:
    """The time spent on a task on ``date`` (YYYY-MM-DD, checked before sending)."""
    return call(client, "GET", api.TASK_DAY_TIME_SPENTS, {"task_id": task, "date": date})


def remove_time_spent(time_spent: Ref, client: KitsuClient = default_client) -> str:
    """Delete a time spent entry."""
    return call(client, "DELETE", api.TIME_SPENT, {"time_spent_id": time_spent}, result=TEXT)


@cache
def all_comments_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A task's comments, newest first."""
    return call(client, "GET", api.TASK_COMMENTS, {"task_id": task}, result=LIST)


@cache
def get_last_comment_for_task(task: Ref, client: KitsuClient = default_client) -> Row | None:
    """A task's newest comment, or None."""
    return call(client, "GET", api.TASK_COMMENTS, {"task_id": task}, result=FIRST)


def get_comment(comment_id: Ref, client: KitsuClient = default_client) -> Row:
    """A comment's record."""
    return call(client, "GET", api.COMMENT, {"comment_id": comment_id}, result=ROW)


def remove_comment(comment: str, client: KitsuClient = default_client) -> str:
    """Delete a comment with its previews and notifications."""
    return call(client, "DELETE", api.COMMENT, {"comment_id": comment}, result=TEXT)


def update_comment(comment: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of a comment."""
    return call(client, "PUT", api.COMMENT, {"comment_id": comment}, body=record(comment), result=ROW)


@cache
def all_comments_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's comments."""
    return call(client, "GET", api.PROJECT_COMMENTS, {"project_id": project}, result=LIST)


@cache
def all_notifications_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's notifications."""
    return call(client, "GET", api.PROJECT_NOTIFICATIONS, {"project_id": project}, result=LIST)


@cache
def all_subscriptions_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The subscriptions to a production's task notifications."""
    return call(client, "GET", api.PROJECT_SUBSCRIPTIONS, {"project_id": project}, result=LIST)


def add_tasks_batch_comments(
    tasks: Sequence[Ref], comments_data: dict[str, Any], client: KitsuClient = default_client,
) -> list[Row]:
    """Comment each of these tasks with the same ``comments_data`` (one request)."""
    return call(
        client, "POST", api.BATCH_COMMENT,
        body={"comments": [{**comments_data, "task_id": ref(task)} for task in tasks]}, result=LIST,
    )


def move_comment_to_task(task: Ref, comment: Ref, target_task: Ref, client: KitsuClient = default_client) -> Any:
    """Move a comment of a task to another task."""
    return call(
        client, "POST", api.MOVE_COMMENT, {"task_id": task, "comment_id": comment},
        body={"target_task_id": ref(target_task)},
    )


def acknowledge_comment(task: Ref, comment: Ref, client: KitsuClient = default_client) -> Any:
    """Acknowledge a comment as the current user (again: take it back)."""
    return call(client, "POST", api.COMMENT_ACK, {"task_id": task, "comment_id": comment}, body={})


def reply_to_comment(
    task: Ref, comment: Ref, text: str, person: Ref | None = None, client: KitsuClient = default_client,
) -> Any:
    """Reply to a comment (as ``person`` when given)."""
    return call(
        client, "POST", api.COMMENT_REPLY, {"task_id": task, "comment_id": comment},
        body=fields({"text": text}, person_id=ref(person)),
    )


def delete_comment_reply(task: Ref, comment: Ref, reply: Ref, client: KitsuClient = default_client) -> str:
    """Delete a reply to a comment; the answer is the comment, as text (gazu gives a DELETE's text)."""
    return call(
        client, "DELETE", api.COMMENT_REPLY_ITEM, {"task_id": task, "comment_id": comment, "reply_id": reply},
        result=TEXT,
    )


def delete_comment_attachment(
    task: Ref, comment: Ref, attachment_file: Ref, client: KitsuClient = default_client,
) -> str:
    """Delete a comment's attachment."""
    return call(
        client, "DELETE", api.COMMENT_ATTACHMENT,
        {"task_id": task, "comment_id": comment, "attachment_file_id": attachment_file}, result=TEXT,
    )


def create_preview(task: Ref, comment: Ref, revision: int | None = None, client: KitsuClient = default_client) -> Row:
    """An empty preview on the comment (its file is sent by ``upload_preview_file``)."""
    return call(
        client, "POST", api.ADD_PREVIEW, {"task_id": task, "comment_id": comment}, body=fields({}, revision=revision),
        result=ROW,
    )


def create_extra_preview(task: Ref, comment: Ref, preview_file: Ref, client: KitsuClient = default_client) -> Row:
    """An empty extra preview beside ``preview_file`` on the comment (its file is sent by ``upload_preview_file``)."""
    return call(
        client, "POST", api.COMMENT_PREVIEW, {"task_id": task, "comment_id": comment, "preview_file_id": preview_file},
        body={}, result=ROW,
    )


def remove_preview_from_comment(
    task: Ref, comment: Ref, preview_file: Ref, client: KitsuClient = default_client,
) -> str:
    """Remove a preview from a comment; the answer as text (gazu gives a DELETE's text)."""
    return call(
        client, "DELETE", api.COMMENT_PREVIEW,
        {"task_id": task, "comment_id": comment, "preview_file_id": preview_file}, result=TEXT,
    )


def set_main_preview(preview_file: Ref, frame_number: int | None = None, client: KitsuClient = default_client) -> Row:
    """Make the preview its entity's thumbnail (at ``frame_number`` of a movie when given)."""
    return call(
        client, "PUT", api.SET_MAIN_PREVIEW, {"preview_file_id": preview_file},
        body=fields({}, frame_number=frame_number), result=ROW,
    )


@cache
def all_previews_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A task's previews."""
    return call(client, "GET", api.TASK_PREVIEWS, {"task_id": task}, result=LIST)


@cache
def all_preview_files_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's preview files."""
    return call(client, "GET", api.PROJECT_PREVIEW_FILES, {"project_id": project}, result=LIST)
