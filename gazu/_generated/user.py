"""``gazu.user``'s table-made functions. Generated from ``compat/functions/user.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

import datetime
from typing import Any

from kitsu_models import catalogue as api

from .._calls import BY_NAME, LIST, ROW, Record, Ref, Row, TEXT, call, record, ref
from ..cache import cache
from .._clients import KitsuClient, default_client

__all__ = [
    "log_desktop_session_log_in", "all_open_projects", "all_asset_types_for_project",
    "all_assets_for_asset_type_and_project", "all_tasks_for_asset", "all_tasks_for_shot", "all_tasks_for_scene",
    "all_tasks_for_sequence", "all_task_types_for_asset", "all_task_types_for_shot", "all_task_types_for_scene",
    "all_task_types_for_sequence", "all_sequences_for_project", "all_episodes_for_project", "all_shots_for_sequence",
    "all_scenes_for_sequence", "all_tasks_to_do", "all_done_tasks", "get_timespents_range", "all_filters", "new_filter",
    "remove_filter", "update_filter", "get_context", "all_tasks_requiring_feedback", "all_filter_groups",
    "new_filter_group", "get_filter_group", "update_filter_group", "remove_filter_group", "all_desktop_login_logs",
    "get_time_spents_by_date", "get_task_time_spent", "get_day_off", "all_notifications", "get_notification",
    "update_notification", "check_task_subscription", "subscribe_to_task", "unsubscribe_from_task", "all_chats",
    "join_chat", "leave_chat", "clear_avatar", "mark_all_notifications_as_read",
]


def log_desktop_session_log_in(client: KitsuClient = default_client) -> Row:
    """Record that the user opened a desktop session now (local time, ISO 8601)."""
    return call(client, "POST", api.USER_DESKTOP_LOGINS, body={"date": datetime.datetime.now().isoformat()}, result=ROW)


@cache
def all_open_projects(client: KitsuClient = default_client) -> list[Row]:
    """The open productions whose team the user is in (every one for an admin), by name."""
    return call(client, "GET", api.USER_OPEN_PROJECTS, result=BY_NAME)


@cache
def all_asset_types_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The asset types of a production where the user has tasks, by name."""
    return call(client, "GET", api.USER_ASSET_TYPES, {"project_id": project}, result=BY_NAME)


@cache
def all_assets_for_asset_type_and_project(
    project: Ref, asset_type: Ref, client: KitsuClient = default_client,
) -> list[Row]:
    """The assets of one type of a production where the user has tasks, by name."""
    return call(
        client, "GET", api.USER_TYPE_ASSETS, {"project_id": project, "asset_type_id": asset_type}, result=BY_NAME,
    )


@cache
def all_tasks_for_asset(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The user's tasks on an asset, by name."""
    return call(client, "GET", api.USER_ASSET_TASKS, {"asset_id": asset}, result=BY_NAME)


@cache
def all_tasks_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The user's tasks on a shot, by name."""
    return call(client, "GET", api.USER_SHOT_TASKS, {"shot_id": shot}, result=BY_NAME)


@cache
def all_tasks_for_scene(scene: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The user's tasks on a scene, by name."""
    return call(client, "GET", api.USER_SCENE_TASKS, {"scene_id": scene}, result=BY_NAME)


@cache
def all_tasks_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The user's tasks on a sequence, by name."""
    return call(client, "GET", api.USER_SEQUENCE_TASKS, {"sequence_id": sequence}, result=BY_NAME)


@cache
def all_task_types_for_asset(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The types of the user's tasks on an asset, by name."""
    return call(client, "GET", api.USER_ASSET_TASK_TYPES, {"asset_id": asset}, result=BY_NAME)


@cache
def all_task_types_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The types of the user's tasks on a shot, by name."""
    return call(client, "GET", api.USER_SHOT_TASK_TYPES, {"shot_id": shot}, result=BY_NAME)


@cache
def all_task_types_for_scene(scene: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The types of the user's tasks on a scene, by name."""
    return call(client, "GET", api.USER_SCENE_TASK_TYPES, {"scene_id": scene}, result=BY_NAME)


@cache
def all_task_types_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The types of the user's tasks on a sequence, by name."""
    return call(client, "GET", api.USER_SEQUENCE_TASK_TYPES, {"sequence_id": sequence}, result=BY_NAME)


@cache
def all_sequences_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The sequences of a production where the user has tasks, by name."""
    return call(client, "GET", api.USER_SEQUENCES, {"project_id": project}, result=BY_NAME)


@cache
def all_episodes_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The episodes of a production where the user has tasks, by name."""
    return call(client, "GET", api.USER_EPISODES, {"project_id": project}, result=BY_NAME)


@cache
def all_shots_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The shots of a sequence where the user has tasks, by name."""
    return call(client, "GET", api.USER_SEQUENCE_SHOTS, {"sequence_id": sequence}, result=BY_NAME)


@cache
def all_scenes_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The scenes of a sequence where the user has tasks, by name."""
    return call(client, "GET", api.USER_SEQUENCE_SCENES, {"sequence_id": sequence}, result=BY_NAME)


@cache
def all_tasks_to_do(client: KitsuClient = default_client) -> list[Row]:
    """The user's unfinished tasks."""
    return call(client, "GET", api.USER_TASKS, result=LIST)


@cache
def all_done_tasks(client: KitsuClient = default_client) -> list[Row]:
    """The user's finished tasks."""
    return call(client, "GET", api.USER_DONE_TASKS, result=LIST)


@cache
def get_timespents_range(start_date: str, end_date: str, client: KitsuClient = default_client) -> list[Row]:
    """The user's time spent from ``start_date`` to ``end_date`` (YYYY-MM-DD)."""
    return call(
        client, "GET", api.USER_TIME_SPENTS, params={"start_date": start_date, "end_date": end_date}, result=LIST,
    )


@cache
def all_filters(client: KitsuClient = default_client) -> Row:
    """The user's saved filters (grouped as the server groups them)."""
    return call(client, "GET", api.USER_FILTERS, result=ROW)


def new_filter(
    name: str, query: str, list_type: str, project: Ref | None = None, entity_type: str | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """Save a filter for the user (``list_type``: asset, shot or edit)."""
    return call(
        client, "POST", api.USER_FILTERS,
        body={
            "name": name, "query": query, "list_type": list_type, "project_id": ref(project),
            "entity_type": entity_type,
        },
        result=ROW,
    )


def remove_filter(filter: Ref, client: KitsuClient = default_client) -> str:
    """Delete one of the user's filters."""
    return call(client, "DELETE", api.USER_FILTER, {"filter_id": filter}, result=TEXT)


def update_filter(filter: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of one of the user's filters."""
    return call(client, "PUT", api.USER_FILTER, {"filter_id": filter}, body=record(filter), result=ROW)


@cache
def get_context(client: KitsuClient = default_client) -> Row:
    """What the user's Kitsu pages need: productions, types, statuses..."""
    return call(client, "GET", api.USER_CONTEXT, result=ROW)


@cache
def all_tasks_requiring_feedback(client: KitsuClient = default_client) -> list[Row]:
    """The tasks waiting for the user's review."""
    return call(client, "GET", api.USER_TASKS_TO_CHECK, result=LIST)


@cache
def all_filter_groups(client: KitsuClient = default_client) -> Row:
    """The user's filter groups (grouped as the server groups them)."""
    return call(client, "GET", api.USER_FILTER_GROUPS, result=ROW)


def new_filter_group(name: str, project: Ref | None = None, client: KitsuClient = default_client) -> Row:
    """Create a filter group for the user."""
    return call(client, "POST", api.USER_FILTER_GROUPS, body={"name": name, "project_id": ref(project)}, result=ROW)


@cache
def get_filter_group(filter_group: Ref, client: KitsuClient = default_client) -> Row:
    """One of the user's filter groups."""
    return call(client, "GET", api.USER_FILTER_GROUP, {"filter_group_id": filter_group}, result=ROW)


def update_filter_group(filter_group: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of one of the user's filter groups."""
    return call(
        client, "PUT", api.USER_FILTER_GROUP, {"filter_group_id": filter_group}, body=record(filter_group), result=ROW,
    )


def remove_filter_group(filter_group: Ref, client: KitsuClient = default_client) -> str:
    """Delete one of the user's filter groups."""
    return call(client, "DELETE", api.USER_FILTER_GROUP, {"filter_group_id": filter_group}, result=TEXT)


@cache
def all_desktop_login_logs(client: KitsuClient = default_client) -> list[Row]:
    """The user's desktop log-ins."""
    return call(client, "GET", api.USER_DESKTOP_LOGINS, result=LIST)


@cache
def get_time_spents_by_date(date: str, client: KitsuClient = default_client) -> list[Row]:
    """The user's time spent on a day (YYYY-MM-DD)."""
    return call(client, "GET", api.USER_DAY_TIME_SPENTS, {"date": date}, result=LIST)


@cache
def get_task_time_spent(task: Ref, date: str, client: KitsuClient = default_client) -> Any:
    """The user's time spent on a task on a day (YYYY-MM-DD)."""
    return call(client, "GET", api.USER_TASK_TIME_SPENT, {"task_id": task, "date": date})


@cache
def get_day_off(date: str, client: KitsuClient = default_client) -> Any:
    """The user's day off on a day (YYYY-MM-DD), if any."""
    return call(client, "GET", api.USER_DAY_OFF, {"date": date})


@cache
def all_notifications(client: KitsuClient = default_client) -> list[Row]:
    """The user's notifications."""
    return call(client, "GET", api.USER_NOTIFICATIONS, result=LIST)


@cache
def get_notification(notification: Ref, client: KitsuClient = default_client) -> Row:
    """One of the user's notifications."""
    return call(client, "GET", api.USER_NOTIFICATION, {"notification_id": notification}, result=ROW)


def update_notification(notification: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of one of the user's notifications (``read``...)."""
    return call(
        client, "PUT", api.USER_NOTIFICATION, {"notification_id": notification}, body=record(notification), result=ROW,
    )


@cache
def check_task_subscription(task: Ref, client: KitsuClient = default_client) -> Any:
    """Whether the user gets the notifications of a task."""
    return call(client, "GET", api.USER_TASK_SUBSCRIBED, {"task_id": task})


def subscribe_to_task(task: Ref, client: KitsuClient = default_client) -> Any:
    """Have the user notified of a task's changes."""
    return call(client, "POST", api.USER_TASK_SUBSCRIBE, {"task_id": task}, body={})


def unsubscribe_from_task(task: Ref, client: KitsuClient = default_client) -> str:
    """Stop the user's notifications of a task."""
    return call(client, "DELETE", api.USER_TASK_UNSUBSCRIBE, {"task_id": task}, result=TEXT)


@cache
def all_chats(client: KitsuClient = default_client) -> list[Row]:
    """The chats the user is in."""
    return call(client, "GET", api.USER_CHATS, result=LIST)


def join_chat(chat: Ref, client: KitsuClient = default_client) -> Any:
    """Make the user join an entity's chat."""
    return call(client, "POST", api.USER_CHAT_JOIN, {"entity_id": chat}, body={})


def leave_chat(chat: Ref, client: KitsuClient = default_client) -> str:
    """Make the user leave an entity's chat."""
    return call(client, "DELETE", api.USER_CHAT_JOIN, {"entity_id": chat}, result=TEXT)


def clear_avatar(client: KitsuClient = default_client) -> str:
    """Remove the user's avatar."""
    return call(client, "DELETE", api.USER_CLEAR_AVATAR, result=TEXT)


def mark_all_notifications_as_read(client: KitsuClient = default_client) -> Any:
    """Mark every notification of the user read."""
    return call(client, "POST", api.USER_MARK_NOTIFICATIONS_READ, body={})
