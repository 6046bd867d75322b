"""Productions: Project, ProjectStatus, MetadataDescriptor."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field

from .. import catalogue as api
from ..ids import id_of
from ..orm.base import Id, KitsuModel, computed, server_filled
from ..orm.embedding import Embedding
from ..orm.relations import MaybeToOne, ToMany
from ..routes import Endpoint, Route
from . import avatars, breakdown, file_operations, people, planning, playlists, social, studio, tasks

if TYPE_CHECKING:
    from .playlists import BuildJob
    from .tasks import TaskStatus, TaskType

ProductionType = Literal["short", "featurefilm", "tvshow", "nft"]

#: A project's assets with their tasks, as the production board reads them.
#: The rows name the asset type ``asset_type_id`` and the episode
#: ``episode_id``, and send ``"None"`` for no ``ready_for``.
ASSETS_WITH_TASKS = Embedding(
    api.ASSETS_WITH_TASKS, "tasks",
    copies={"asset_type_id": "entity_type_id", "episode_id": "source_id"},
    blanks=("ready_for", "source_id", "episode_id", "preview_file_id"),
)
#: A project's shots with their tasks (the rows carry the shots' own columns).
SHOTS_WITH_TASKS = Embedding(api.SHOTS_WITH_TASKS, "tasks")


class ProjectStatus(KitsuModel):
    """A project's state (Open, Closed): the studio-wide table of them."""

    __route__: ClassVar[Route] = Route(api.PROJECT_STATUSES, api.PROJECT_STATUS, small_table=True)

    name: str
    color: str


class Project(KitsuModel, file_operations.ProjectFiles, avatars.HasAvatar, studio.ProductionSettings):
    """A production: its breakdown (assets, episodes, sequences, shots...), its
    tasks, team, task types and statuses in use, file tree and playlists."""

    __avatar__: ClassVar[avatars.Avatar] = avatars.Avatar(api.PROJECT_AVATAR, api.PROJECT_AVATAR_FILE)

    __route__: ClassVar[Route] = Route(
        api.PROJECTS,
        api.PROJECT,
        params={"relations": "true"},  # lists carry team, task_types... only then
        force_delete=True,
        merges_data=False,
        create_fields=(
            "name", "code", "description", "production_type", "production_style", "fps",
            "ratio", "resolution", "start_date", "end_date", "project_status_id", "data",
            "homepage", "nb_episodes", "episode_span", "man_days", "max_retakes",
        ),
    )

    name: str
    code: str | None = None
    shotgun_id: int | None = None
    has_avatar: bool | None = None
    start_date: date | None = None
    end_date: date | None = None
    man_days: int | None = None
    nb_episodes: int | None = None
    episode_span: int | None = None
    is_bot_collaboration_enabled: bool | None = None
    project_status_id: Id | None = None
    from_schedule_version_id: Id | None = None
    first_episode_id: Id | None = None
    team_ids: list[Id] | None = Field(default=None, alias="team")
    asset_type_ids: list[Id] | None = Field(default=None, alias="asset_types")
    task_status_ids: list[Id] | None = Field(default=None, alias="task_statuses")
    task_type_ids: list[Id] | None = Field(default=None, alias="task_types")
    status_automation_ids: list[Id] | None = Field(default=None, alias="status_automations")
    preview_background_file_ids: list[Id] | None = Field(default=None, alias="preview_background_files")
    # Computed by the item route (data/projects/{id}).
    project_status_name: str | None = computed()
    descriptors: list[dict[str, Any]] | None = computed()
    task_types_priority: dict[str, int] | None = computed()
    task_type_links: dict[str, dict[str, Any]] | None = computed()
    task_statuses_link: dict[str, dict[str, Any]] | None = computed()

    project_status: MaybeToOne[ProjectStatus] = MaybeToOne(lambda: ProjectStatus, "project_status_id", init=False)
    team: ClassVar[ToMany[people.Person]] = ToMany(lambda: people.Person, ids_field="team_ids")
    asset_types: ClassVar[ToMany[breakdown.AssetType]] = ToMany(lambda: breakdown.AssetType, ids_field="asset_type_ids")
    task_types: ClassVar[ToMany[tasks.TaskType]] = ToMany(lambda: tasks.TaskType, ids_field="task_type_ids")
    task_statuses: ClassVar[ToMany[tasks.TaskStatus]] = ToMany(lambda: tasks.TaskStatus, ids_field="task_status_ids")
    assets: ClassVar[ToMany[breakdown.Asset]] = ToMany(
        lambda: breakdown.Asset, foreign_key="project_id", embedding=ASSETS_WITH_TASKS
    )
    shots: ClassVar[ToMany[breakdown.Shot]] = ToMany(
        lambda: breakdown.Shot, foreign_key="project_id", embedding=SHOTS_WITH_TASKS
    )
    sequences: ClassVar[ToMany[breakdown.Sequence]] = ToMany(lambda: breakdown.Sequence, foreign_key="project_id")
    episodes: ClassVar[ToMany[breakdown.Episode]] = ToMany(lambda: breakdown.Episode, foreign_key="project_id")
    scenes: ClassVar[ToMany[breakdown.Scene]] = ToMany(lambda: breakdown.Scene, foreign_key="project_id")
    edits: ClassVar[ToMany[breakdown.Edit]] = ToMany(lambda: breakdown.Edit, foreign_key="project_id")
    concepts: ClassVar[ToMany[breakdown.Concept]] = ToMany(lambda: breakdown.Concept, foreign_key="project_id")
    tasks: ClassVar[ToMany[tasks.Task]] = ToMany(lambda: tasks.Task, foreign_key="project_id")
    metadata_descriptors: ClassVar[ToMany[MetadataDescriptor]] = ToMany(
        lambda: MetadataDescriptor, route=api.PROJECT_DESCRIPTORS
    )
    playlists: ClassVar[ToMany[playlists.Playlist]] = ToMany(lambda: playlists.Playlist, foreign_key="project_id")
    milestones: ClassVar[ToMany[planning.Milestone]] = ToMany(
        lambda: planning.Milestone, foreign_key="project_id", route=api.PROJECT_MILESTONES
    )
    schedule_items: ClassVar[ToMany[planning.ScheduleItem]] = ToMany(
        lambda: planning.ScheduleItem, foreign_key="project_id", route=api.PROJECT_SCHEDULE_ITEMS
    )
    schedule_versions: ClassVar[ToMany[planning.ProductionScheduleVersion]] = ToMany(
        lambda: planning.ProductionScheduleVersion, foreign_key="project_id"
    )
    budgets: ClassVar[ToMany[planning.Budget]] = ToMany(
        lambda: planning.Budget, foreign_key="project_id", route=api.PROJECT_BUDGETS
    )
    build_jobs: ClassVar[ToMany[BuildJob]] = ToMany(lambda: playlists.BuildJob, route=api.PROJECT_BUILD_JOBS)
    status_automations: ClassVar[ToMany[studio.StatusAutomation]] = ToMany(
        lambda: studio.StatusAutomation, ids_field="status_automation_ids"
    )
    preview_background_files: ClassVar[ToMany[studio.PreviewBackgroundFile]] = ToMany(
        lambda: studio.PreviewBackgroundFile, ids_field="preview_background_file_ids"
    )
    default_preview_background_file: MaybeToOne[studio.PreviewBackgroundFile] = MaybeToOne(
        lambda: studio.PreviewBackgroundFile, "default_preview_background_file_id", init=False
    )
    notifications: ClassVar[ToMany[social.Notification]] = ToMany(lambda: social.Notification, route=api.PROJECT_NOTIFICATIONS)
    subscriptions: ClassVar[ToMany[social.Subscription]] = ToMany(lambda: social.Subscription, route=api.PROJECT_SUBSCRIPTIONS)

    def _link(self, setting: Endpoint, body: dict[str, Any]) -> Project:
        """POST a link to the project's settings, then reload the project
        (its id lists and the relations built on them)."""
        self._check_alive()
        self.session.transport.post(setting.fill(project_id=self), body)
        return self.refresh()

    def add_task_type(self, task_type: TaskType, priority: int | None = None) -> Project:
        """Use ``task_type`` in this production (tasks need it linked)."""
        return self._link(api.PROJECT_SETTINGS_TASK_TYPES, {"task_type_id": id_of(task_type, tasks.TaskType), "priority": priority})

    def add_task_status(self, task_status: TaskStatus) -> Project:
        """Use ``task_status`` in this production."""
        return self._link(api.PROJECT_SETTINGS_TASK_STATUSES, {"task_status_id": id_of(task_status, tasks.TaskStatus)})

    def add_asset_type(self, asset_type: breakdown.AssetType) -> Project:
        """Use ``asset_type`` in this production."""
        return self._link(api.PROJECT_SETTINGS_ASSET_TYPES, {"asset_type_id": id_of(asset_type, breakdown.AssetType)})

    def add_person(self, person: people.Person, role: str | None = None) -> Project:
        """Add ``person`` to the production's team."""
        body: dict[str, Any] = {"person_id": id_of(person, people.Person)}
        if role is not None:
            body["role"] = role
        return self._link(api.PROJECT_TEAM, body)


class MetadataDescriptor(KitsuModel):
    """A custom column of a production: a key of the ``data`` of its assets,
    shots... (or tasks), with its type and allowed choices."""

    __route__: ClassVar[Route] = Route(
        api.METADATA_DESCRIPTORS,
        api.METADATA_DESCRIPTOR,
        create=api.PROJECT_DESCRIPTORS,
        create_fields=("name", "entity_type", "data_type", "choices", "for_client", "departments", "task_type_id"),
    )

    project_id: Id
    name: str
    entity_type: str
    field_name: str = server_filled("")  # the server derives it from the name
    data_type: str | None = None
    choices: list[str] | None = None
    for_client: bool | None = None
    departments: list[str] | None = None
    position: int | None = None
    task_type_id: Id | None = None

    project: MaybeToOne[Project] = MaybeToOne(lambda: Project, "project_id", init=False)
    task_type: MaybeToOne[tasks.TaskType] = MaybeToOne(lambda: tasks.TaskType, "task_type_id", init=False)
