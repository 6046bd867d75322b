"""``gazu.project``: productions, their statuses and metadata descriptors."""

from __future__ import annotations

from typing import Any

from kitsu_models import errors
from kitsu_models.ids import id_of

from . import paths
from ._calls import (
    Record, Ref, Row, body_of, first, get_or_create, ids_of, read_by_name, read_list, read_row, remove,
    write_row,
)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host

_TEAM_KEYS = ("team", "asset_types", "task_statuses", "task_types")


@cache
def all_projects(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PROJECTS)


@cache
def all_open_projects(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.OPEN_PROJECTS)


@cache
def all_project_status(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PROJECT_STATUSES)


@cache
def get_project(project_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.PROJECT, project_id=project_id)


@cache
def get_project_by_name(project_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.PROJECTS, {"name": project_name})


@cache
def get_project_status_by_name(project_status_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.PROJECT_STATUSES, {"name": project_status_name})


@cache
def get_project_url(project: Ref, section: str = "assets", client: KitsuClient = default_client) -> str:
    """The production's page in Kitsu's web UI."""
    return f"{get_api_url_from_host(client)}/productions/{id_of(project, what='project')}/{section}/"


def new_project(
    name: str,
    production_type: str = "short",
    team: list[Ref] = [],  # noqa: B006 (the spec's defaults; never mutated)
    asset_types: list[Ref] = [],  # noqa: B006
    task_statuses: list[Ref] = [],  # noqa: B006
    task_types: list[Ref] = [],  # noqa: B006
    client: KitsuClient = default_client,
) -> Row:
    """The production named ``name``, created when there is none."""
    body = {
        "name": name, "production_type": production_type, "production_style": "2d3d",
        **{key: ids_of(value, key) for key, value in zip(_TEAM_KEYS, (team, asset_types, task_statuses, task_types))},
    }
    return get_or_create(client, lambda: get_project_by_name(name, client=client), paths.PROJECTS, body)


def update_project(project: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``project`` (its team and lists sent as ids)."""
    body = body_of(project)
    for key in _TEAM_KEYS:
        if key in body:
            body[key] = ids_of(body[key], key)
    return write_row(client, "PUT", paths.PROJECT, body, project_id=project)


def update_project_data(project: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the production's ``data``. The server replaces
    a project's ``data`` whole, so it is read first; only ``data`` is sent
    back (gazu sends the whole record it read, undoing concurrent edits)."""
    current = read_row(client, paths.PROJECT, project_id=project).get("data") or {}
    return write_row(client, "PUT", paths.PROJECT, {"data": {**current, **data}}, project_id=project)


def close_project(project: Ref, client: KitsuClient = default_client) -> Row:
    """Give the production the status named "closed" (case aside)."""
    project_id = id_of(project, what="project")
    closed = [status for status in all_project_status(client=client) if str(status.get("name", "")).lower() == "closed"]
    if not closed:
        raise errors.InvalidArgumentError("the server has no project status named 'closed'")
    return write_row(client, "PUT", paths.PROJECT, {"project_status_id": closed[0]["id"]}, project_id=project_id)


def remove_project(project: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    return remove(client, paths.PROJECT, force, "true", project_id=project)


def add_metadata_descriptor(
    project: Ref,
    name: str,
    entity_type: str,
    choices: list[str] = [],  # noqa: B006
    for_client: bool = False,
    departments: list[Ref] = [],  # noqa: B006
    client: KitsuClient = default_client,
) -> Row:
    body = {
        "name": name, "data_type": "string", "choices": list(choices), "for_client": for_client,
        "entity_type": entity_type, "departments": ids_of(departments, "department"),
    }
    return write_row(client, "POST", paths.DESCRIPTORS, body, project_id=project)


def all_metadata_descriptors(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.DESCRIPTORS, project_id=project)


def get_metadata_descriptor(project: Ref, metadata_descriptor_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.DESCRIPTOR, project_id=project, descriptor_id=metadata_descriptor_id)


def update_metadata_descriptor(project: Ref, metadata_descriptor: Record, client: KitsuClient = default_client) -> Row:
    body = body_of(metadata_descriptor)
    if "departments" in body:
        body["departments"] = ids_of(body["departments"], "department")
    return write_row(client, "PUT", paths.DESCRIPTOR, body, project_id=project, descriptor_id=metadata_descriptor)


def remove_metadata_descriptor(
    project: Ref, metadata_descriptor_id: Ref, force: bool = False, client: KitsuClient = default_client
) -> str:
    return remove(client, paths.DESCRIPTOR, force, project_id=project, descriptor_id=metadata_descriptor_id)
