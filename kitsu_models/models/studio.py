"""The studio's settings and catalogues: Studio, CustomAction,
StatusAutomation, PreviewBackgroundFile, ProjectTemplate, HardwareItem,
SalaryScale, Plugin."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, Field

from .. import catalogue as api
from ..orm.base import Id, KitsuModel, server_filled
from ..orm.relations import MaybeToOne, ToMany, ToOne
from ..routes import Route
from .choices import Position, Seniority
from . import breakdown, people, tasks

ChangeType = Literal["status", "ready_for"]


class Studio(KitsuModel):
    """A studio (a vendor, a site) people belong to."""

    __route__: ClassVar[Route] = Route(api.STUDIOS, api.STUDIO, small_table=True)

    name: str
    color: str = server_filled("#000000")
    archived: bool | None = None


class CustomAction(KitsuModel):
    """An entry of the web app's "custom actions" menu: a URL the app calls
    with the selected entities."""

    __route__: ClassVar[Route] = Route(api.CUSTOM_ACTIONS, api.CUSTOM_ACTION, small_table=True)

    name: str
    url: str | None = None
    entity_type: str | None = None
    is_ajax: bool | None = None


class StatusAutomation(KitsuModel):
    """A rule: when a task of ``in_task_type`` reaches ``in_task_status``,
    the task of ``out_task_type`` gets ``out_task_status`` (or the entity
    becomes ready for it, ``out_field_type="ready_for"``)."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("entity_type", "out_field_type")
    __route__: ClassVar[Route] = Route(api.STATUS_AUTOMATIONS, api.STATUS_AUTOMATION, small_table=True)

    entity_type: str | None = None
    in_task_type_id: Id | None = None
    in_task_status_id: Id | None = None
    out_field_type: ChangeType = server_filled("status")
    out_task_type_id: Id | None = None
    out_task_status_id: Id | None = None
    import_last_revision: bool | None = None
    archived: bool | None = None

    in_task_type: MaybeToOne[tasks.TaskType] = MaybeToOne(lambda: tasks.TaskType, "in_task_type_id", init=False)
    in_task_status: MaybeToOne[tasks.TaskStatus] = MaybeToOne(
        lambda: tasks.TaskStatus, "in_task_status_id", init=False
    )
    out_task_type: MaybeToOne[tasks.TaskType] = MaybeToOne(lambda: tasks.TaskType, "out_task_type_id", init=False)
    out_task_status: MaybeToOne[tasks.TaskStatus] = MaybeToOne(
        lambda: tasks.TaskStatus, "out_task_status_id", init=False
    )


class PreviewBackgroundFile(KitsuModel):
    """An environment map (HDR) the 3D previewer lights models with."""

    __route__: ClassVar[Route] = Route(api.PREVIEW_BACKGROUNDS, api.PREVIEW_BACKGROUND, small_table=True)

    name: str
    archived: bool | None = None
    is_default: bool | None = None
    original_name: str | None = None
    extension: str | None = None
    file_size: int | None = None


class ProductionSettings(BaseModel):
    """The settings a production and a project template share (Zou's
    columns of both): fields only, mixed into both models."""

    description: str | None = None
    fps: str | None = None
    ratio: str | None = None
    resolution: str | None = None
    production_type: str | None = None
    production_style: str = server_filled("2d3d")
    max_retakes: int | None = None
    is_clients_isolated: bool | None = None
    is_client_stats_visible: bool | None = None
    is_client_task_list_visible: bool | None = None
    is_client_task_panel_visible: bool | None = None
    is_preview_download_allowed: bool | None = None
    is_set_preview_automated: bool | None = None
    is_publish_default_for_artists: bool | None = None
    is_single_preview_per_revision: bool | None = None
    is_frame_in_numbering: bool | None = None
    revision_padding: int = server_filled(0)
    homepage: str | None = None
    hd_bitrate_compression: int | None = None
    ld_bitrate_compression: int | None = None
    file_tree: dict[str, Any] | None = None
    data: dict[str, Any] | None = None
    default_preview_background_file_id: Id | None = None


class ProjectTemplate(KitsuModel, ProductionSettings):
    """The settings a new production starts from: its fields, and the task
    types, statuses, asset types, automations and backgrounds it uses."""

    __route__: ClassVar[Route] = Route(api.PROJECT_TEMPLATES, api.PROJECT_TEMPLATE, small_table=True, merges_data=False)

    name: str
    metadata_descriptors: list[dict[str, Any]] | None = None
    task_type_ids: list[Id] | None = Field(default=None, alias="task_types")
    task_status_ids: list[Id] | None = Field(default=None, alias="task_statuses")
    asset_type_ids: list[Id] | None = Field(default=None, alias="asset_types")
    status_automation_ids: list[Id] | None = Field(default=None, alias="status_automations")
    preview_background_file_ids: list[Id] | None = Field(default=None, alias="preview_background_files")

    task_types: ClassVar[ToMany[tasks.TaskType]] = ToMany(lambda: tasks.TaskType, ids_field="task_type_ids")
    task_statuses: ClassVar[ToMany[tasks.TaskStatus]] = ToMany(lambda: tasks.TaskStatus, ids_field="task_status_ids")
    asset_types: ClassVar[ToMany[breakdown.AssetType]] = ToMany(
        lambda: breakdown.AssetType, ids_field="asset_type_ids"
    )
    status_automations: ClassVar[ToMany[StatusAutomation]] = ToMany(
        lambda: StatusAutomation, ids_field="status_automation_ids"
    )
    preview_background_files: ClassVar[ToMany[PreviewBackgroundFile]] = ToMany(
        lambda: PreviewBackgroundFile, ids_field="preview_background_file_ids"
    )
    default_preview_background_file: MaybeToOne[PreviewBackgroundFile] = MaybeToOne(
        lambda: PreviewBackgroundFile, "default_preview_background_file_id", init=False
    )


class HardwareItem(KitsuModel):
    """A kind of equipment the studio budgets for (a workstation, a licence)."""

    __route__: ClassVar[Route] = Route(api.HARDWARE_ITEMS, api.HARDWARE_ITEM, small_table=True)

    name: str
    short_name: str
    archived: bool | None = None
    monthly_cost: int | None = None
    inventory_amount: int | None = None


class SalaryScale(KitsuModel):
    """The daily salary of a position and seniority in a department, which
    budgets are computed from."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("position", "seniority", "salary")
    __route__: ClassVar[Route] = Route(api.SALARY_SCALES, api.SALARY_SCALE, small_table=True)

    department_id: Id
    position: Position | None = None
    seniority: Seniority | None = None
    salary: int = server_filled(0)

    department: ToOne[people.Department] = ToOne(lambda: people.Department, "department_id", init=False)


class Plugin(KitsuModel):
    """A server plugin, as installed on the server."""

    __route__: ClassVar[Route] = Route(api.PLUGINS, api.PLUGIN, small_table=True)

    plugin_id: str
    name: str
    description: str | None = None
    version: str
    maintainer_name: str
    maintainer_email: str | None = None
    website: str | None = None
    license: str
    revision: str | None = None
    frontend_project_enabled: bool | None = None
    frontend_studio_enabled: bool | None = None
    icon: str | None = None
