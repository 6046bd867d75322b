"""``gazu.project_template``'s table-made functions. Generated from ``compat/functions/project_template.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from typing import Any

from kitsu_models import catalogue as api

from .._calls import BY_NAME, FIRST, LIST, ROW, Record, Ref, Row, TEXT, call, fields, record, ref
from ..cache import cache
from .._clients import KitsuClient, default_client

__all__ = [
    "all_project_templates", "get_project_template", "get_project_template_by_name", "new_project_template",
    "update_project_template", "remove_project_template", "new_project_template_from_project", "apply_project_template",
    "all_task_types_for_project_template", "add_task_type_to_project_template",
    "remove_task_type_from_project_template", "all_task_statuses_for_project_template",
    "add_task_status_to_project_template", "remove_task_status_from_project_template",
    "all_asset_types_for_project_template", "add_asset_type_to_project_template",
    "remove_asset_type_from_project_template", "all_status_automations_for_project_template",
    "add_status_automation_to_project_template", "remove_status_automation_from_project_template",
    "all_preview_background_files_for_project_template", "add_preview_background_file_to_project_template",
    "remove_preview_background_file_from_project_template", "set_project_template_default_preview_background_file",
    "set_project_template_metadata_descriptors",
]


@cache
def all_project_templates(client: KitsuClient = default_client) -> list[Row]:
    """Every production template, by name."""
    return call(client, "GET", api.PROJECT_TEMPLATES, result=BY_NAME)


@cache
def get_project_template(project_template_id: Ref, client: KitsuClient = default_client) -> Row:
    """A production template's record."""
    return call(client, "GET", api.PROJECT_TEMPLATE, {"project_template_id": project_template_id}, result=ROW)


@cache
def get_project_template_by_name(name: str, client: KitsuClient = default_client) -> Row | None:
    """The production template named ``name``, or None."""
    return call(client, "GET", api.PROJECT_TEMPLATES, params={"name": name}, result=FIRST)


def new_project_template(
    name: str, description: str | None = None, fps: str | None = None, ratio: str | None = None,
    resolution: str | None = None, production_type: str | None = None, production_style: str | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """Create a production template (``description`` always sent, the other settings when given)."""
    return call(
        client, "POST", api.PROJECT_TEMPLATES,
        body=fields(
            {"name": name, "description": description}, fps=fps, ratio=ratio, resolution=resolution,
            production_type=production_type, production_style=production_style,
        ),
        result=ROW,
    )


def update_project_template(project_template: Record, client: KitsuClient = default_client) -> Row:
    """Save a production template (its dict is sent as given)."""
    return call(
        client, "PUT", api.PROJECT_TEMPLATE, {"project_template_id": project_template}, body=record(project_template),
        result=ROW,
    )


def remove_project_template(project_template: Ref, client: KitsuClient = default_client) -> str:
    """Delete a production template."""
    return call(client, "DELETE", api.PROJECT_TEMPLATE, {"project_template_id": project_template}, result=TEXT)


def new_project_template_from_project(
    project: Ref, name: str, description: str | None = None, client: KitsuClient = default_client,
) -> Row:
    """Create a production template from a production's settings."""
    return call(
        client, "POST", api.TEMPLATE_FROM_PROJECT, {"project_id": project},
        body={"name": name, "description": description}, result=ROW,
    )


def apply_project_template(project: Ref, project_template: Ref, client: KitsuClient = default_client) -> Row:
    """Add a template's settings to a production (what it has already is kept)."""
    return call(
        client, "POST", api.APPLY_TEMPLATE, {"project_id": project, "project_template_id": project_template}, body={},
        result=ROW,
    )


@cache
def all_task_types_for_project_template(project_template: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task types of a production template."""
    return call(client, "GET", api.TEMPLATE_TASK_TYPES, {"project_template_id": project_template}, result=LIST)


def add_task_type_to_project_template(
    project_template: Ref, task_type: Ref, priority: int | None = None, client: KitsuClient = default_client,
) -> Any:
    """Add a task type to a production template (at ``priority`` when given)."""
    return call(
        client, "POST", api.TEMPLATE_TASK_TYPES, {"project_template_id": project_template},
        body=fields({"task_type_id": ref(task_type)}, priority=priority),
    )


def remove_task_type_from_project_template(
    project_template: Ref, task_type: Ref, client: KitsuClient = default_client,
) -> str:
    """Remove a task type from a production template."""
    return call(
        client, "DELETE", api.TEMPLATE_TASK_TYPE, {"project_template_id": project_template, "task_type_id": task_type},
        result=TEXT,
    )


@cache
def all_task_statuses_for_project_template(project_template: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task statuses of a production template."""
    return call(client, "GET", api.TEMPLATE_TASK_STATUSES, {"project_template_id": project_template}, result=LIST)


def add_task_status_to_project_template(
    project_template: Ref, task_status: Ref, priority: int | None = None, roles_for_board: list[str] | None = None,
    client: KitsuClient = default_client,
) -> Any:
    """Add a task status to a production template (its priority, the roles that see it on the board)."""
    return call(
        client, "POST", api.TEMPLATE_TASK_STATUSES, {"project_template_id": project_template},
        body=fields({"task_status_id": ref(task_status)}, priority=priority, roles_for_board=roles_for_board),
    )


def remove_task_status_from_project_template(
    project_template: Ref, task_status: Ref, client: KitsuClient = default_client,
) -> str:
    """Remove a task status from a production template."""
    return call(
        client, "DELETE", api.TEMPLATE_TASK_STATUS,
        {"project_template_id": project_template, "task_status_id": task_status}, result=TEXT,
    )


@cache
def all_asset_types_for_project_template(project_template: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The asset types of a production template."""
    return call(client, "GET", api.TEMPLATE_ASSET_TYPES, {"project_template_id": project_template}, result=LIST)


def add_asset_type_to_project_template(
    project_template: Ref, asset_type: Ref, client: KitsuClient = default_client,
) -> Any:
    """Add an asset type to a production template."""
    return call(
        client, "POST", api.TEMPLATE_ASSET_TYPES, {"project_template_id": project_template},
        body={"asset_type_id": ref(asset_type)},
    )


def remove_asset_type_from_project_template(
    project_template: Ref, asset_type: Ref, client: KitsuClient = default_client,
) -> str:
    """Remove an asset type from a production template."""
    return call(
        client, "DELETE", api.TEMPLATE_ASSET_TYPE,
        {"project_template_id": project_template, "asset_type_id": asset_type}, result=TEXT,
    )


@cache
def all_status_automations_for_project_template(
    project_template: Ref, client: KitsuClient = default_client,
) -> list[Row]:
    """The status automations of a production template."""
    return call(client, "GET", api.TEMPLATE_STATUS_AUTOMATIONS, {"project_template_id": project_template}, result=LIST)


def add_status_automation_to_project_template(
    project_template: Ref, status_automation: Ref, client: KitsuClient = default_client,
) -> Any:
    """Add a status automation to a production template."""
    return call(
        client, "POST", api.TEMPLATE_STATUS_AUTOMATIONS, {"project_template_id": project_template},
        body={"status_automation_id": ref(status_automation)},
    )


def remove_status_automation_from_project_template(
    project_template: Ref, status_automation: Ref, client: KitsuClient = default_client,
) -> str:
    """Remove a status automation from a production template."""
    return call(
        client, "DELETE", api.TEMPLATE_STATUS_AUTOMATION,
        {"project_template_id": project_template, "status_automation_id": status_automation}, result=TEXT,
    )


@cache
def all_preview_background_files_for_project_template(
    project_template: Ref, client: KitsuClient = default_client,
) -> list[Row]:
    """The preview backgrounds of a production template."""
    return call(client, "GET", api.TEMPLATE_BACKGROUNDS, {"project_template_id": project_template}, result=LIST)


def add_preview_background_file_to_project_template(
    project_template: Ref, preview_background_file: Ref, client: KitsuClient = default_client,
) -> Any:
    """Add a preview background to a production template."""
    return call(
        client, "POST", api.TEMPLATE_BACKGROUNDS, {"project_template_id": project_template},
        body={"preview_background_file_id": ref(preview_background_file)},
    )


def remove_preview_background_file_from_project_template(
    project_template: Ref, preview_background_file: Ref, client: KitsuClient = default_client,
) -> str:
    """Remove a preview background from a production template."""
    return call(
        client, "DELETE", api.TEMPLATE_BACKGROUND,
        {"project_template_id": project_template, "preview_background_file_id": preview_background_file}, result=TEXT,
    )


def set_project_template_default_preview_background_file(
    project_template: Ref, preview_background_file: Ref | None, client: KitsuClient = default_client,
) -> Row:
    """Set a production template's default preview background (None: unset it)."""
    return call(
        client, "PUT", api.TEMPLATE_DEFAULT_BACKGROUND, {"project_template_id": project_template},
        body={"default_preview_background_file_id": ref(preview_background_file)}, result=ROW,
    )


def set_project_template_metadata_descriptors(
    project_template: Ref, descriptors: list[dict[str, Any]], client: KitsuClient = default_client,
) -> Row:
    """Replace a production template's metadata descriptors (the list is sent as given)."""
    return call(
        client, "PUT", api.TEMPLATE_DESCRIPTORS, {"project_template_id": project_template},
        body={"metadata_descriptors": descriptors}, result=ROW,
    )
