"""``gazu.project``'s table-made functions. Generated from ``compat/functions/project.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api

from .. import client as gazu_client
from .._calls import BY_NAME, FIRST, LIST, ROW, Record, Ref, Row, TEXT, call, fields, flag, record, ref, refs
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import project as gazu_project
else:
    gazu_project = Late("gazu.project")

__all__ = [
    "get_project_url", "new_project", "update_project", "all_metadata_descriptors", "update_metadata_descriptor",
    "all_project_status", "get_project_status_by_name", "all_projects", "all_open_projects", "get_project",
    "get_project_by_name", "remove_project", "add_asset_type", "add_task_type", "add_task_status", "remove_task_type",
    "remove_task_status", "add_metadata_descriptor", "get_metadata_descriptor", "get_metadata_descriptor_by_field_name",
    "remove_metadata_descriptor", "reorder_metadata_descriptors", "get_team", "add_person_to_team",
    "update_team_member_role", "remove_person_from_team", "get_project_task_types", "get_project_task_statuses",
    "all_status_automations", "add_status_automation", "remove_status_automation", "get_preview_background_files",
    "add_preview_background_file", "remove_preview_background_file", "get_milestones", "get_project_quotas",
    "get_project_person_quotas", "get_budgets", "create_budget", "get_budget", "update_budget", "remove_budget",
    "get_budget_entries", "create_budget_entry", "get_budget_entry", "update_budget_entry", "remove_budget_entry",
]


@cache
def get_project_url(project: Ref, section: str = "assets", client: KitsuClient = default_client) -> str:
    """The page ``section`` of a production in Kitsu's web UI."""
    return f"{gazu_client.get_api_url_from_host(client)}/productions/{ref(project, 'project')}/{section}/"


def new_project(
    name: str, production_type: str = "short", team: Sequence[Ref] = [], asset_types: Sequence[Ref] = [],
    task_statuses: Sequence[Ref] = [], task_types: Sequence[Ref] = [], production_style: str = "2d3d",
    project_template: Ref | None = None, client: KitsuClient = default_client,
) -> Row:
    """The production named ``name``, created when there is none (its lists sent as ids)."""
    body = fields(
        {
            "name": name, "production_type": production_type, "team": refs(team), "asset_types": refs(asset_types),
            "task_statuses": refs(task_statuses), "task_types": refs(task_types), "production_style": production_style,
        },
        project_template_id=ref(project_template),
    )
    found = gazu_project.get_project_by_name(name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.PROJECTS, body=body, result=ROW)


def update_project(project: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``project`` (its team and settings lists sent as ids; the dict is not changed)."""
    return call(
        client, "PUT", api.PROJECT, {"project_id": project},
        body=record(project, ["team", "asset_types", "task_statuses", "task_types"]), result=ROW,
    )


def all_metadata_descriptors(
    project: Ref, client: KitsuClient = default_client, *, entity_type: str | None = None,
) -> list[Row]:
    """A production's metadata descriptors (of ``entity_type`` only, when given: "Asset", "Shot"...)."""
    answer = call(client, "GET", api.PROJECT_DESCRIPTORS, {"project_id": project}, result=LIST)
    return [found for found in answer if entity_type is None or found.get("entity_type") == entity_type]


def update_metadata_descriptor(project: Ref, metadata_descriptor: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of a metadata descriptor (its departments sent as ids; the dict is not changed)."""
    return call(
        client, "PUT", api.PROJECT_DESCRIPTOR, {"project_id": project, "metadata_descriptor_id": metadata_descriptor},
        body=record(metadata_descriptor, ["departments"]), result=ROW,
    )


@cache
def all_project_status(client: KitsuClient = default_client) -> list[Row]:
    """Every production status, by name."""
    return call(client, "GET", api.PROJECT_STATUSES, result=BY_NAME)


@cache
def get_project_status_by_name(project_status_name: str, client: KitsuClient = default_client) -> Row | None:
    """The production status named ``project_status_name``, or None."""
    return call(client, "GET", api.PROJECT_STATUSES, params={"name": project_status_name}, result=FIRST)


@cache
def all_projects(client: KitsuClient = default_client) -> list[Row]:
    """Every production, by name."""
    return call(client, "GET", api.PROJECTS, result=BY_NAME)


@cache
def all_open_projects(client: KitsuClient = default_client) -> list[Row]:
    """The open productions, by name."""
    return call(client, "GET", api.OPEN_PROJECTS, result=BY_NAME)


@cache
def get_project(project_id: Ref, client: KitsuClient = default_client) -> Row:
    """A production's record."""
    return call(client, "GET", api.PROJECT, {"project_id": project_id}, result=ROW)


@cache
def get_project_by_name(project_name: str, client: KitsuClient = default_client) -> Row | None:
    """The production named ``project_name``, or None."""
    return call(client, "GET", api.PROJECTS, params={"name": project_name}, result=FIRST)


def remove_project(project: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a production (``force``: with everything it holds)."""
    return call(
        client, "DELETE", api.PROJECT, {"project_id": project}, params={"force": "true" if force else None},
        result=TEXT,
    )


def add_asset_type(project: Ref, asset_type: Ref, client: KitsuClient = default_client) -> Row:
    """Let a production use an asset type."""
    return call(
        client, "POST", api.PROJECT_SETTINGS_ASSET_TYPES, {"project_id": project},
        body={"asset_type_id": ref(asset_type)}, result=ROW,
    )


def add_task_type(project: Ref, task_type: Ref, priority: int, client: KitsuClient = default_client) -> Row:
    """Let a production use a task type, at ``priority``."""
    return call(
        client, "POST", api.PROJECT_SETTINGS_TASK_TYPES, {"project_id": project},
        body={"task_type_id": ref(task_type), "priority": priority}, result=ROW,
    )


def add_task_status(project: Ref, task_status: Ref, client: KitsuClient = default_client) -> Row:
    """Let a production use a task status."""
    return call(
        client, "POST", api.PROJECT_SETTINGS_TASK_STATUSES, {"project_id": project},
        body={"task_status_id": ref(task_status)}, result=ROW,
    )


def remove_task_type(project: Ref, task_type: Ref, client: KitsuClient = default_client) -> str:
    """Take a task type out of a production's settings."""
    return call(
        client, "DELETE", api.PROJECT_SETTINGS_TASK_TYPE, {"project_id": project, "task_type_id": task_type},
        result=TEXT,
    )


def remove_task_status(project: Ref, task_status: Ref, client: KitsuClient = default_client) -> str:
    """Take a task status out of a production's settings."""
    return call(
        client, "DELETE", api.PROJECT_SETTINGS_TASK_STATUS, {"project_id": project, "task_status_id": task_status},
        result=TEXT,
    )


def add_metadata_descriptor(
    project: Ref, name: str, entity_type: str, choices: list[str] = [], for_client: bool = False,
    departments: Sequence[Ref] = [], client: KitsuClient = default_client, *, data_type: str = "string",
    task_type_id: Ref | None = None,
) -> Row:
    """Add a metadata column to a production's ``entity_type`` records (``task_type_id`` for a Task column)."""
    return call(
        client, "POST", api.PROJECT_DESCRIPTORS, {"project_id": project},
        body=fields(
            {
                "name": name, "data_type": data_type, "choices": list(choices), "for_client": for_client,
                "entity_type": entity_type, "departments": refs(departments),
            },
            task_type_id=ref(task_type_id),
        ),
        result=ROW,
    )


def get_metadata_descriptor(project: Ref, metadata_descriptor_id: Ref, client: KitsuClient = default_client) -> Row:
    """A metadata descriptor of a production."""
    return call(
        client, "GET", api.PROJECT_DESCRIPTOR,
        {"project_id": project, "metadata_descriptor_id": metadata_descriptor_id}, result=ROW,
    )


def get_metadata_descriptor_by_field_name(
    project: Ref, field_name: str, client: KitsuClient = default_client,
) -> Row | None:
    """The production's metadata descriptor of this field name, or None."""
    return call(
        client, "GET", api.METADATA_DESCRIPTORS, params={"project_id": ref(project), "field_name": field_name},
        result=FIRST,
    )


def remove_metadata_descriptor(
    project: Ref, metadata_descriptor_id: Ref, force: bool = False, client: KitsuClient = default_client,
) -> str:
    """Delete a metadata descriptor of a production."""
    return call(
        client, "DELETE", api.PROJECT_DESCRIPTOR,
        {"project_id": project, "metadata_descriptor_id": metadata_descriptor_id}, params={"force": flag(force)},
        result=TEXT,
    )


def reorder_metadata_descriptors(
    project: Ref, entity_type: str, descriptor_ids: Sequence[Ref], client: KitsuClient = default_client,
) -> list[Row]:
    """Order the production's descriptors of ``entity_type`` as ``descriptor_ids`` lists them (their new list)."""
    return call(
        client, "POST", api.REORDER_DESCRIPTORS, {"project_id": project},
        body={"entity_type": entity_type, "descriptor_ids": refs(descriptor_ids)}, result=LIST,
    )


def get_team(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The people of a production's team."""
    return call(client, "GET", api.PROJECT_TEAM, {"project_id": project}, result=LIST)


def add_person_to_team(project: Ref, person: Ref, role: str | None = None, client: KitsuClient = default_client) -> Row:
    """Add a person to a production's team (``role``: their role in it only)."""
    return call(
        client, "POST", api.PROJECT_TEAM, {"project_id": project}, body=fields({"person_id": ref(person)}, role=role),
        result=ROW,
    )


def update_team_member_role(project: Ref, person: Ref, role: str | None, client: KitsuClient = default_client) -> Any:
    """Set a team member's role in the production (None: their studio role)."""
    return call(client, "PUT", api.TEAM_MEMBER, {"project_id": project, "person_id": person}, body={"role": role})


def remove_person_from_team(project: Ref, person: Ref, client: KitsuClient = default_client) -> str:
    """Take a person out of a production's team."""
    return call(client, "DELETE", api.TEAM_MEMBER, {"project_id": project, "person_id": person}, result=TEXT)


@cache
def get_project_task_types(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's task types, as gazu 1.3.1 asks them (Zou 1.0.97 answers 405: MethodNotAllowedException)."""
    return call(client, "GET", api.PROJECT_SETTINGS_TASK_TYPES, {"project_id": project}, result=LIST)


@cache
def get_project_task_statuses(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The task statuses a production uses."""
    return call(client, "GET", api.PROJECT_SETTINGS_TASK_STATUSES, {"project_id": project}, result=LIST)


@cache
def all_status_automations(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The status automations a production uses."""
    return call(client, "GET", api.PROJECT_STATUS_AUTOMATIONS, {"project_id": project}, result=LIST)


def add_status_automation(project: Ref, automation: Record, client: KitsuClient = default_client) -> Row:
    """Let a production use a status automation (``{"status_automation_id": ...}``, sent as given)."""
    return call(
        client, "POST", api.PROJECT_STATUS_AUTOMATIONS, {"project_id": project}, body=record(automation), result=ROW,
    )


def remove_status_automation(project: Ref, automation: Ref, client: KitsuClient = default_client) -> str:
    """Take a status automation out of a production's settings."""
    return call(
        client, "DELETE", api.PROJECT_STATUS_AUTOMATION, {"project_id": project, "status_automation_id": automation},
        result=TEXT,
    )


@cache
def get_preview_background_files(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The preview backgrounds a production uses."""
    return call(client, "GET", api.PROJECT_BACKGROUNDS, {"project_id": project}, result=LIST)


def add_preview_background_file(project: Ref, background_file: Record, client: KitsuClient = default_client) -> Row:
    """Let a production use a preview background (``{"preview_background_file_id": ...}``, sent as given)."""
    return call(
        client, "POST", api.PROJECT_BACKGROUNDS, {"project_id": project}, body=record(background_file), result=ROW,
    )


def remove_preview_background_file(project: Ref, background_file: Ref, client: KitsuClient = default_client) -> str:
    """Take a preview background out of a production's settings."""
    return call(
        client, "DELETE", api.PROJECT_BACKGROUND,
        {"project_id": project, "preview_background_file_id": background_file}, result=TEXT,
    )


@cache
def get_milestones(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's milestones."""
    return call(client, "GET", api.PROJECT_MILESTONES, {"project_id": project}, result=LIST)


@cache
def get_project_quotas(project: Ref, task_type: Ref, client: KitsuClient = default_client) -> Any:
    """The production's quotas for a task type."""
    return call(client, "GET", api.PROJECT_TASK_TYPE_QUOTAS, {"project_id": project, "task_type_id": task_type})


@cache
def get_project_person_quotas(project: Ref, person: Ref, client: KitsuClient = default_client) -> Any:
    """A person's quotas in a production."""
    return call(client, "GET", api.PROJECT_PERSON_QUOTAS, {"project_id": project, "person_id": person})


@cache
def get_budgets(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's budgets."""
    return call(client, "GET", api.PROJECT_BUDGETS, {"project_id": project}, result=LIST)


def create_budget(
    project: Ref, name: str, description: str | None = None, currency: str | None = None, start_date: str | None = None,
    end_date: str | None = None, amount: float | None = None, client: KitsuClient = default_client,
) -> Row:
    """Create a budget for a production (the fields given only)."""
    return call(
        client, "POST", api.PROJECT_BUDGETS, {"project_id": project},
        body=fields(
            {"name": name}, description=description, currency=currency, start_date=start_date, end_date=end_date,
            amount=amount,
        ),
        result=ROW,
    )


@cache
def get_budget(project: Ref, budget: Ref, client: KitsuClient = default_client) -> Row:
    """A budget of a production."""
    return call(client, "GET", api.PROJECT_BUDGET, {"project_id": project, "budget_id": budget}, result=ROW)


def update_budget(project: Ref, budget: Ref, data: dict[str, Any], client: KitsuClient = default_client) -> Row:
    """Save the fields of ``data`` in a budget."""
    return call(
        client, "PUT", api.PROJECT_BUDGET, {"project_id": project, "budget_id": budget}, body=dict(data), result=ROW,
    )


def remove_budget(project: Ref, budget: Ref, client: KitsuClient = default_client) -> str:
    """Delete a budget."""
    return call(client, "DELETE", api.PROJECT_BUDGET, {"project_id": project, "budget_id": budget}, result=TEXT)


@cache
def get_budget_entries(project: Ref, budget: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The entries of a budget."""
    return call(client, "GET", api.BUDGET_ENTRIES, {"project_id": project, "budget_id": budget}, result=LIST)


def create_budget_entry(
    project: Ref, budget: Ref, name: str, date: str | None = None, amount: float | None = None,
    quantity: float | None = None, unit_price: float | None = None, description: str | None = None,
    category: str | None = None, client: KitsuClient = default_client,
) -> Row:
    """Add an entry to a budget (the fields given only)."""
    return call(
        client, "POST", api.BUDGET_ENTRIES, {"project_id": project, "budget_id": budget},
        body=fields(
            {"name": name}, date=date, amount=amount, quantity=quantity, unit_price=unit_price, description=description,
            category=category,
        ),
        result=ROW,
    )


@cache
def get_budget_entry(project: Ref, budget: Ref, entry: Ref, client: KitsuClient = default_client) -> Row:
    """An entry of a budget."""
    return call(
        client, "GET", api.BUDGET_ENTRY, {"project_id": project, "budget_id": budget, "budget_entry_id": entry},
        result=ROW,
    )


def update_budget_entry(
    project: Ref, budget: Ref, entry: Ref, data: dict[str, Any], client: KitsuClient = default_client,
) -> Row:
    """Save the fields of ``data`` in a budget entry."""
    return call(
        client, "PUT", api.BUDGET_ENTRY, {"project_id": project, "budget_id": budget, "budget_entry_id": entry},
        body=dict(data), result=ROW,
    )


def remove_budget_entry(project: Ref, budget: Ref, entry: Ref, client: KitsuClient = default_client) -> str:
    """Delete a budget entry."""
    return call(
        client, "DELETE", api.BUDGET_ENTRY, {"project_id": project, "budget_id": budget, "budget_entry_id": entry},
        result=TEXT,
    )
