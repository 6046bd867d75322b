"""``gazu.sync``'s table-made functions. Generated from ``compat/functions/sync.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kitsu_models import catalogue as api

from .. import asset as gazu_asset
from .. import person as gazu_person
from .. import project as gazu_project
from .. import task as gazu_task
from .._calls import LIST, Record, Ref, Row, call, id_map, record, ref
from .._clients import KitsuClient, default_client
from ..helpers import validate_date_format

__all__ = [
    "get_sync_department_id_map", "get_sync_asset_type_id_map", "get_sync_project_id_map", "get_sync_task_type_id_map",
    "get_sync_task_status_id_map", "get_sync_person_id_map", "get_id_map_by_name", "get_id_map_by_id",
    "get_last_events", "import_entities", "import_tasks", "import_entity_links",
]


def get_sync_department_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Source departments' ids -> the ids of the target's departments of the same name."""
    return id_map(
        gazu_person.all_departments(client=source_client), gazu_person.all_departments(client=target_client), "name",
        "id",
    )


def get_sync_asset_type_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Source asset types' ids -> the ids of the target's asset types of the same name."""
    return id_map(
        gazu_asset.all_asset_types(client=source_client), gazu_asset.all_asset_types(client=target_client), "name",
        "id",
    )


def get_sync_project_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Source productions' ids -> the ids of the target's productions of the same name."""
    return id_map(
        gazu_project.all_projects(client=source_client), gazu_project.all_projects(client=target_client), "name", "id",
    )


def get_sync_task_type_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Source task types' ids -> the ids of the target's task types of the same name."""
    return id_map(
        gazu_task.all_task_types(client=source_client), gazu_task.all_task_types(client=target_client), "name", "id",
    )


def get_sync_task_status_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Source task statuses' ids -> the ids of the target's task statuses of the same name."""
    return id_map(
        gazu_task.all_task_statuses(client=source_client), gazu_task.all_task_statuses(client=target_client), "name",
        "id",
    )


def get_sync_person_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Source persons' ids -> the ids of the target's persons of the same email."""
    return id_map(
        gazu_person.all_persons(client=source_client), gazu_person.all_persons(client=target_client), "email", "id",
    )


def get_id_map_by_name(source_list: Sequence[Row], target_list: Sequence[Row]) -> dict[str, str]:
    """Each source record's name -> the id of the target record of that name, case aside."""
    return id_map(source_list, target_list, "name", "name")


def get_id_map_by_id(source_list: Sequence[Row], target_list: Sequence[Row], field: str = "name") -> dict[str, str]:
    """Each source record's id -> the id of the target record whose ``field`` is the same, case aside."""
    return id_map(source_list, target_list, field, "id")


def get_last_events(
    page_size: int = 20000, project: Ref | None = None, after: str | None = None, before: str | None = None,
    only_files: bool = False, name: str | None = None, client: KitsuClient = default_client, *,
    limit: int | None = None,
) -> list[Row]:
    """The latest events, newest first (``limit``, 1.3.1's name of ``page_size``, wins when given)."""
    return call(
        client, "GET", api.LAST_EVENTS,
        params={
            "limit": page_size if limit is None else limit, "only_files": only_files, "project_id": ref(project),
            "after": None if after is None else validate_date_format(after),
            "before": None if before is None else validate_date_format(before), "name": name,
        },
        result=LIST,
    )


def import_entities(entities: Sequence[Record], client: KitsuClient = default_client) -> Any:
    """Create or update entities from records (another server's, say), keeping their ids."""
    return call(client, "POST", api.IMPORT_ENTITIES, body=[record(item) for item in entities])


def import_tasks(tasks: Sequence[Record], client: KitsuClient = default_client) -> Any:
    """Create or update tasks from records (another server's, say), keeping their ids."""
    return call(client, "POST", api.IMPORT_TASKS, body=[record(item) for item in tasks])


def import_entity_links(links: Sequence[Record], client: KitsuClient = default_client) -> Any:
    """Create or update entity links from records (another server's, say), keeping their ids."""
    return call(client, "POST", api.IMPORT_ENTITY_LINKS, body=[record(item) for item in links])
