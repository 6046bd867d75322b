"""Work to do and its discussion: TaskType, TaskStatus, Task, Comment, TimeSpent."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from pydantic import Field

from .. import catalogue as api
from ..orm.base import Id, KitsuModel, computed, server_filled
from ..orm.relations import MaybeToOne, ToMany, ToOne
from ..routes import Route
from . import breakdown, file_operations, files, people, planning, production, publishing, social
from . import previews as reviews


class TaskType(KitsuModel):
    """A kind of work (Modeling, Animation...), for one kind of entity."""

    __route__: ClassVar[Route] = Route(api.TASK_TYPES, api.TASK_TYPE, small_table=True)

    name: str
    short_name: str | None = None
    description: str | None = None
    color: str | None = None
    priority: int | None = None
    for_entity: str | None = None
    allow_timelog: bool | None = None
    archived: bool | None = None
    shotgun_id: int | None = None
    department_id: Id | None = None

    department: MaybeToOne[people.Department] = MaybeToOne(lambda: people.Department, "department_id", init=False)
    milestones: ClassVar[ToMany[planning.Milestone]] = ToMany(lambda: planning.Milestone, foreign_key="task_type_id")
    schedule_items: ClassVar[ToMany[planning.ScheduleItem]] = ToMany(
        lambda: planning.ScheduleItem, foreign_key="task_type_id"
    )


class TaskStatus(KitsuModel):
    """A state a task can be in (todo, wip, retake, done...), with what it means."""

    __route__: ClassVar[Route] = Route(api.TASK_STATUSES, api.TASK_STATUS, small_table=True)

    name: str
    short_name: str
    color: str
    archived: bool | None = None
    description: str | None = None
    priority: int | None = None
    is_done: bool | None = None
    is_artist_allowed: bool | None = None
    is_client_allowed: bool | None = None
    is_retake: bool | None = None
    is_feedback_request: bool | None = None
    is_default: bool | None = None
    is_wip: bool | None = None
    for_concept: bool | None = None
    shotgun_id: int | None = None


class Task(KitsuModel, file_operations.TaskFiles, publishing.TaskReviews):
    """A piece of work of one task type on one entity: status, assignees,
    dates, comments, previews and working files."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("name", "entity.name", "task_type.name", "task_status.short_name")

    __route__: ClassVar[Route] = Route(
        api.TASKS,
        api.TASK,
        params={"relations": "true"},
        project_collection=api.PROJECT_TASKS,
        create_fields=(
            "name", "project_id", "entity_id", "task_type_id", "task_status_id",
            "assigner_id", "assignee_ids", "description", "data", "start_date", "due_date",
            "estimation", "priority",
        ),
        force_delete=True,
    )

    name: str = "main"
    description: str | None = None
    priority: int | None = None
    difficulty: int = server_filled(3)
    duration: float | None = None
    estimation: float | None = None
    completion_rate: int | None = None
    retake_count: int | None = None
    sort_order: int | None = None
    start_date: dt.datetime | None = None
    due_date: dt.datetime | None = None
    real_start_date: dt.datetime | None = None
    end_date: dt.datetime | None = None
    done_date: dt.datetime | None = None
    last_comment_date: dt.datetime | None = None
    nb_assets_ready: int | None = None
    data: dict[str, Any] | None = None
    nb_drawings: int | None = None
    shotgun_id: int | None = None
    last_preview_file_id: Id | None = None
    project_id: Id
    task_type_id: Id
    task_status_id: Id
    entity_id: Id
    assigner_id: Id | None = None
    assignee_ids: list[Id] | None = Field(default=None, alias="assignees")
    # What the per-user views (``kitsu.user.tasks_to_do()``...) add to a row.
    project_name: str | None = computed()
    project_has_avatar: bool | None = computed()
    entity_name: str | None = computed()
    entity_description: str | None = computed()
    entity_data: dict[str, Any] | None = computed()
    entity_preview_file_id: Id | None = computed()
    entity_source_id: Id | None = computed()
    entity_type_name: str | None = computed()
    entity_canceled: bool | None = computed()
    sequence_name: str | None = computed()
    episode_id: Id | None = computed()
    episode_name: str | None = computed()
    task_type_name: str | None = computed()
    task_type_color: str | None = computed()
    task_type_priority: int | None = computed()
    task_type_for_entity: str | None = computed()
    task_status_name: str | None = computed()
    task_status_short_name: str | None = computed()
    task_status_color: str | None = computed()
    #: The last comment as the to-do views send it (``{}`` when none).
    last_comment: dict[str, Any] | None = computed()

    # The per-user views join these objects' columns into each row: they
    # seed partial objects, so reading them costs no request (orm.joins).
    project: ToOne[production.Project] = ToOne(
        lambda: production.Project, "project_id", joined={"project_name": "name", "project_has_avatar": "has_avatar"},
        init=False,
    )
    task_type: ToOne[TaskType] = ToOne(lambda: TaskType, "task_type_id", joined={
        "task_type_name": "name", "task_type_color": "color", "task_type_priority": "priority",
        "task_type_for_entity": "for_entity",
    }, init=False)
    task_status: ToOne[TaskStatus] = ToOne(lambda: TaskStatus, "task_status_id", joined={
        "task_status_name": "name", "task_status_short_name": "short_name", "task_status_color": "color",
    }, init=False)
    entity: ToOne[breakdown.Entity] = ToOne(lambda: breakdown.Entity, "entity_id", kind="task_type_for_entity", joined={
        "entity_name": "name", "entity_description": "description", "entity_data": "data",
        "entity_preview_file_id": "preview_file_id", "entity_source_id": "source_id", "entity_canceled": "canceled",
        "project_id": "project_id",
    }, init=False)
    assigner: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "assigner_id", init=False)
    assignees: ClassVar[ToMany[people.Person]] = ToMany(lambda: people.Person, ids_field="assignee_ids")
    # data/comments is for admins; others read each task's own route.
    comments: ClassVar[ToMany[Comment]] = ToMany(
        lambda: Comment, foreign_key="object_id", route=api.TASK_COMMENTS
    )
    time_spents: ClassVar[ToMany[TimeSpent]] = ToMany(lambda: TimeSpent, foreign_key="task_id")
    working_files: ClassVar[ToMany[files.WorkingFile]] = ToMany(lambda: files.WorkingFile, foreign_key="task_id")
    preview_files: ClassVar[ToMany[reviews.PreviewFile]] = ToMany(lambda: reviews.PreviewFile, foreign_key="task_id")
    last_preview_file: MaybeToOne[reviews.PreviewFile] = MaybeToOne(
        lambda: reviews.PreviewFile, "last_preview_file_id", init=False
    )
    subscriptions: ClassVar[ToMany[social.Subscription]] = ToMany(lambda: social.Subscription, foreign_key="task_id")
    news: ClassVar[ToMany[social.News]] = ToMany(lambda: social.News, foreign_key="task_id")

    def add_comment(self, task_status: TaskStatus, text: str = "") -> Comment:
        """Comment on this task and set its status; returns the comment.

        The task's status fields are reloaded, and its ``comments`` relation
        (if loaded) includes the new comment. :meth:`comment` does the same
        with previews, attachments and a checklist.
        """
        return self.comment(task_status, text)


class Comment(KitsuModel):
    """A message on a task, which may change its status and carry previews,
    attachments, a checklist and mentions."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("text", "task_status.short_name")

    # relations=true: list rows then carry the id lists (previews,
    # attachment_files, mentions...) the relations below read.
    __route__: ClassVar[Route] = Route(api.COMMENTS, api.COMMENT, params={"relations": "true"}, merges_data=False)

    shotgun_id: int | None = None
    object_id: Id
    object_type: str = "Task"
    text: str | None = None
    data: dict[str, Any] | None = None
    replies: list[dict[str, Any]] | None = None
    checklist: list[dict[str, Any]] | None = None
    pinned: bool | None = None
    for_client: bool | None = None
    links: list[str] | None = None
    task_status_id: Id | None = None
    person_id: Id
    editor_id: Id | None = None
    preview_file_id: Id | None = None
    mention_ids: list[Id] | None = Field(default=None, alias="mentions")
    department_mention_ids: list[Id] | None = Field(default=None, alias="department_mentions")
    acknowledgement_ids: list[Id] | None = Field(default=None, alias="acknowledgements")
    # Ids on list routes; ``{id, name, extension, size}`` on data/comments/{id}.
    attachment_file_ids: list[Id] | list[dict[str, Any]] | None = Field(default=None, alias="attachment_files")
    # Ids; dicts ``{id, revision, extension...}`` on data/tasks/{id}/comments.
    preview_ids: list[Id] | list[dict[str, Any]] | None = Field(default=None, alias="previews")
    # The author's name and avatar, on data/comments/{id}.
    person: dict[str, Any] | None = computed()

    task: ToOne[Task] = ToOne(lambda: Task, "object_id", init=False)
    author: ToOne[people.Person] = ToOne(lambda: people.Person, "person_id", init=False)
    editor: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "editor_id", init=False)
    task_status: MaybeToOne[TaskStatus] = MaybeToOne(lambda: TaskStatus, "task_status_id", init=False)
    mentions: ClassVar[ToMany[people.Person]] = ToMany(lambda: people.Person, ids_field="mention_ids")
    previews: ClassVar[ToMany[reviews.PreviewFile]] = ToMany(
        lambda: reviews.PreviewFile, ids_field="preview_ids", reload_when_absent=True
    )
    attachments: ClassVar[ToMany[reviews.AttachmentFile]] = ToMany(
        lambda: reviews.AttachmentFile, foreign_key="comment_id"
    )


class TimeSpent(KitsuModel):
    """Time a person logged on a task on one day."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("date", "duration")

    __route__: ClassVar[Route] = Route(api.TIME_SPENTS, api.TIME_SPENT)

    duration: float
    date: dt.date
    task_id: Id
    person_id: Id

    task: ToOne[Task] = ToOne(lambda: Task, "task_id", init=False)
    person: ToOne[people.Person] = ToOne(lambda: people.Person, "person_id", init=False)
