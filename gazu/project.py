"""``gazu.project``: productions: their settings, team, metadata descriptors, budgets, milestones and quotas.

The one-call functions are generated (``gazu/_generated/project.py``, from
``compat/functions/project.py``); those below need code of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kitsu_models import catalogue as api
from kitsu_models import errors

from ._calls import LIST, ROW, Record, Ref, Row, call, fields, record, ref, refs
from ._generated import project as _generated
from ._generated.project import *  # noqa: F403 (the one-call functions)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host

#: The lists of a production record sent as lists of ids.
_LINKS = ("team", "asset_types", "task_statuses", "task_types")


@cache
def get_project_url(project: Ref, section: str = "assets", client: KitsuClient = default_client) -> str:
    """The page ``section`` of a production in Kitsu's web UI."""
    return f"{get_api_url_from_host(client)}/productions/{ref(project, 'project')}/{section}/"


def new_project(
    name: str,
    production_type: str = "short",
    team: Sequence[Ref] = [],  # noqa: B006 (the spec's defaults; never mutated)
    asset_types: Sequence[Ref] = [],  # noqa: B006
    task_statuses: Sequence[Ref] = [],  # noqa: B006
    task_types: Sequence[Ref] = [],  # noqa: B006
    production_style: str = "2d3d",
    project_template: Ref | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """The production named ``name``, created when there is none (its lists sent as ids)."""
    lists = dict(zip(_LINKS, (refs(team), refs(asset_types), refs(task_statuses), refs(task_types))))
    body = fields({"name": name, "production_type": production_type, **lists, "production_style": production_style},
                  project_template_id=ref(project_template))
    found = get_project_by_name(name, client)
    return found if found is not None else call(client, "POST", api.PROJECTS, body=body, result=ROW)


def update_project(project: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``project`` (its team and settings lists sent as ids; the dict is not changed)."""
    return call(client, "PUT", api.PROJECT, {"project_id": project}, body=_with_ids(project, _LINKS), result=ROW)


def update_project_data(project: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the production's ``data``. The server replaces a
    project's ``data`` whole, so it is read first; only ``data`` is sent
    back (gazu sends the whole record it read, stale fields included)."""
    current = call(client, "GET", api.PROJECT, {"project_id": project}, result=ROW).get("data") or {}
    updated = call(client, "PUT", api.PROJECT, {"project_id": project}, body={"data": {**current, **(data or {})}},
                   result=ROW)
    get_project.clear_cache()
    return updated


def close_project(project: Ref, client: KitsuClient = default_client) -> Row:
    """Give the production the status named "closed" (any case); only that status is sent."""
    project_id = ref(project, "project")  # checked before any request
    closed = [status["id"] for status in all_project_status(client) if str(status.get("name", "")).lower() == "closed"]
    if not closed:
        raise errors.InvalidArgumentError("No closed project status found")
    return call(client, "PUT", api.PROJECT, {"project_id": project_id}, body={"project_status_id": closed[0]}, result=ROW)


def all_metadata_descriptors(
    project: Ref, client: KitsuClient = default_client, *, entity_type: str | None = None
) -> list[Row]:
    """A production's metadata descriptors (of ``entity_type`` only, when given: "Asset", "Shot"...)."""
    descriptors = call(client, "GET", api.PROJECT_DESCRIPTORS, {"project_id": project}, result=LIST)
    return [found for found in descriptors if entity_type is None or found.get("entity_type") == entity_type]


def update_metadata_descriptor(project: Ref, metadata_descriptor: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of a metadata descriptor (its departments sent as ids; the dict is not changed)."""
    ids = {"project_id": project, "metadata_descriptor_id": metadata_descriptor}
    return call(client, "PUT", api.PROJECT_DESCRIPTOR, ids, body=_with_ids(metadata_descriptor, ("departments",)),
                result=ROW)


def _with_ids(value: Record, keys: Sequence[str]) -> Row:
    """``value`` as a body (a copy) whose lists under ``keys`` hold ids."""
    return {key: refs(item) if key in keys else item for key, item in record(value).items()}


__all__: list[str] = [
    "all_metadata_descriptors", "close_project", "get_project_url", "new_project", "update_metadata_descriptor",
    "update_project", "update_project_data",
]
__all__ += _generated.__all__
