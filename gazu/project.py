"""``gazu.project``: productions: their settings, team, metadata descriptors, budgets, milestones and quotas.
The table's functions are generated (``gazu/_generated/project.py``); the functions below are written by hand."""

from __future__ import annotations

from typing import Any

from kitsu_models import catalogue as api
from kitsu_models import errors

from ._calls import ROW, Ref, Row, call, ref
from ._generated import project as _generated
from ._generated.project import *  # noqa: F403 (the table's functions)
from .client import KitsuClient, default_client


def update_project_data(project: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the production's ``data``: the server replaces it whole, so it is read first; only
    ``data`` is sent back (gazu sends the whole record it read, stale fields included)."""
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


__all__: list[str] = ["close_project", "update_project_data"]
__all__ += _generated.__all__
