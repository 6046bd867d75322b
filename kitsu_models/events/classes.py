"""The typed event classes, one per event of the spec. Generated from
``catalog.TABLE`` by ``python -m kitsu_models.events.catalog``: do not edit.
"""

from __future__ import annotations

from typing import ClassVar

from ..models import (
    Asset, AssetInstance, AssetType, Budget, BudgetEntry, BuildJob, Chat, ChatMessage, Comment, Concept, Department,
    Edit, EntityLink, Episode, MetadataDescriptor, News, Notification, Organisation, OutputFile, Person, Playlist,
    PreviewBackgroundFile, PreviewFile, ProductionScheduleVersion, Project, Scene, ScheduleItem, Sequence, Shot,
    Task, TaskStatus, TaskType, TimeSpent, WorkingFile,
)
from .base import Event, Record, Subject


class AssetNew(Event):
    """``asset:new``."""

    name: ClassVar[str] = "asset:new"
    keys: ClassVar[tuple[str, ...]] = ('asset_id',)
    asset_id: str
    asset: ClassVar[Subject[Asset]] = Subject(Asset, "asset_id")


class AssetUpdate(Event):
    """``asset:update``."""

    name: ClassVar[str] = "asset:update"
    keys: ClassVar[tuple[str, ...]] = ('asset_id',)
    asset_id: str
    asset: ClassVar[Subject[Asset]] = Subject(Asset, "asset_id")


class AssetDelete(Event):
    """``asset:delete``."""

    name: ClassVar[str] = "asset:delete"
    keys: ClassVar[tuple[str, ...]] = ('asset_id',)
    asset_id: str
    asset: ClassVar[Subject[Asset]] = Subject(Asset, "asset_id")


class AssetNewLink(Event):
    """``asset:new-link``."""

    name: ClassVar[str] = "asset:new-link"
    keys: ClassVar[tuple[str, ...]] = ('asset_id',)
    asset_id: str
    asset: ClassVar[Subject[Asset]] = Subject(Asset, "asset_id")


class AssetRemoveLink(Event):
    """``asset:remove-link``."""

    name: ClassVar[str] = "asset:remove-link"
    keys: ClassVar[tuple[str, ...]] = ('asset_id',)
    asset_id: str
    asset: ClassVar[Subject[Asset]] = Subject(Asset, "asset_id")


class AssetCastingUpdate(Event):
    """``asset:casting-update``."""

    name: ClassVar[str] = "asset:casting-update"
    keys: ClassVar[tuple[str, ...]] = ('asset_id',)
    asset_id: str
    asset: ClassVar[Subject[Asset]] = Subject(Asset, "asset_id")


class AssetTypeNew(Event):
    """``asset-type:new``."""

    name: ClassVar[str] = "asset-type:new"
    keys: ClassVar[tuple[str, ...]] = ('asset_type_id',)
    asset_type_id: str
    asset_type: ClassVar[Subject[AssetType]] = Subject(AssetType, "asset_type_id")


class AssetTypeUpdate(Event):
    """``asset-type:update``."""

    name: ClassVar[str] = "asset-type:update"
    keys: ClassVar[tuple[str, ...]] = ('asset_type_id',)
    asset_type_id: str
    asset_type: ClassVar[Subject[AssetType]] = Subject(AssetType, "asset_type_id")


class AssetTypeDelete(Event):
    """``asset-type:delete``."""

    name: ClassVar[str] = "asset-type:delete"
    keys: ClassVar[tuple[str, ...]] = ('asset_type_id',)
    asset_type_id: str
    asset_type: ClassVar[Subject[AssetType]] = Subject(AssetType, "asset_type_id")


class AssetInstanceNew(Event):
    """``asset_instance:new``."""

    name: ClassVar[str] = "asset_instance:new"
    keys: ClassVar[tuple[str, ...]] = ('asset_instance_id',)
    asset_instance_id: str
    asset_instance: ClassVar[Subject[AssetInstance]] = Subject(AssetInstance, "asset_instance_id")


class AssetInstanceAddToShot(Event):
    """``asset_instance:add-to-shot``."""

    name: ClassVar[str] = "asset_instance:add-to-shot"
    keys: ClassVar[tuple[str, ...]] = ('asset_instance_id',)
    asset_instance_id: str
    asset_instance: ClassVar[Subject[AssetInstance]] = Subject(AssetInstance, "asset_instance_id")


class AssetInstanceRemoveFromShot(Event):
    """``asset_instance:remove-from-shot``."""

    name: ClassVar[str] = "asset_instance:remove-from-shot"
    keys: ClassVar[tuple[str, ...]] = ('asset_instance_id',)
    asset_instance_id: str
    asset_instance: ClassVar[Subject[AssetInstance]] = Subject(AssetInstance, "asset_instance_id")


class ShotNew(Event):
    """``shot:new``."""

    name: ClassVar[str] = "shot:new"
    keys: ClassVar[tuple[str, ...]] = ('shot_id',)
    shot_id: str
    shot: ClassVar[Subject[Shot]] = Subject(Shot, "shot_id")


class ShotUpdate(Event):
    """``shot:update``."""

    name: ClassVar[str] = "shot:update"
    keys: ClassVar[tuple[str, ...]] = ('shot_id',)
    shot_id: str
    shot: ClassVar[Subject[Shot]] = Subject(Shot, "shot_id")


class ShotDelete(Event):
    """``shot:delete``."""

    name: ClassVar[str] = "shot:delete"
    keys: ClassVar[tuple[str, ...]] = ('shot_id',)
    shot_id: str
    shot: ClassVar[Subject[Shot]] = Subject(Shot, "shot_id")


class ShotCastingUpdate(Event):
    """``shot:casting-update``."""

    name: ClassVar[str] = "shot:casting-update"
    keys: ClassVar[tuple[str, ...]] = ('shot_id',)
    shot_id: str
    shot: ClassVar[Subject[Shot]] = Subject(Shot, "shot_id")


class ShotAddToScene(Event):
    """``shot:add-to-scene``."""

    name: ClassVar[str] = "shot:add-to-scene"
    keys: ClassVar[tuple[str, ...]] = ('shot_id',)
    shot_id: str
    shot: ClassVar[Subject[Shot]] = Subject(Shot, "shot_id")


class ShotRemoveFromScene(Event):
    """``shot:remove-from-scene``."""

    name: ClassVar[str] = "shot:remove-from-scene"
    keys: ClassVar[tuple[str, ...]] = ('shot_id',)
    shot_id: str
    shot: ClassVar[Subject[Shot]] = Subject(Shot, "shot_id")


class SequenceNew(Event):
    """``sequence:new``."""

    name: ClassVar[str] = "sequence:new"
    keys: ClassVar[tuple[str, ...]] = ('sequence_id',)
    sequence_id: str
    sequence: ClassVar[Subject[Sequence]] = Subject(Sequence, "sequence_id")


class SequenceDelete(Event):
    """``sequence:delete``."""

    name: ClassVar[str] = "sequence:delete"
    keys: ClassVar[tuple[str, ...]] = ('sequence_id',)
    sequence_id: str
    sequence: ClassVar[Subject[Sequence]] = Subject(Sequence, "sequence_id")


class SceneNew(Event):
    """``scene:new``."""

    name: ClassVar[str] = "scene:new"
    keys: ClassVar[tuple[str, ...]] = ('scene_id',)
    scene_id: str
    scene: ClassVar[Subject[Scene]] = Subject(Scene, "scene_id")


class SceneDelete(Event):
    """``scene:delete``."""

    name: ClassVar[str] = "scene:delete"
    keys: ClassVar[tuple[str, ...]] = ('scene_id',)
    scene_id: str
    scene: ClassVar[Subject[Scene]] = Subject(Scene, "scene_id")


class EpisodeNew(Event):
    """``episode:new``."""

    name: ClassVar[str] = "episode:new"
    keys: ClassVar[tuple[str, ...]] = ('episode_id',)
    episode_id: str
    episode: ClassVar[Subject[Episode]] = Subject(Episode, "episode_id")


class EpisodeDelete(Event):
    """``episode:delete``."""

    name: ClassVar[str] = "episode:delete"
    keys: ClassVar[tuple[str, ...]] = ('episode_id',)
    episode_id: str
    episode: ClassVar[Subject[Episode]] = Subject(Episode, "episode_id")


class EpisodeCastingUpdate(Event):
    """``episode:casting-update``."""

    name: ClassVar[str] = "episode:casting-update"
    keys: ClassVar[tuple[str, ...]] = ('episode_id',)
    episode_id: str
    episode: ClassVar[Subject[Episode]] = Subject(Episode, "episode_id")


class TaskNew(Event):
    """``task:new``."""

    name: ClassVar[str] = "task:new"
    keys: ClassVar[tuple[str, ...]] = ('task_id',)
    task_id: str
    task: ClassVar[Subject[Task]] = Subject(Task, "task_id")


class TaskUpdate(Event):
    """``task:update``."""

    name: ClassVar[str] = "task:update"
    keys: ClassVar[tuple[str, ...]] = ('task_id',)
    task_id: str
    task: ClassVar[Subject[Task]] = Subject(Task, "task_id")


class TaskDelete(Event):
    """``task:delete``."""

    name: ClassVar[str] = "task:delete"
    keys: ClassVar[tuple[str, ...]] = ('task_id',)
    task_id: str
    task: ClassVar[Subject[Task]] = Subject(Task, "task_id")


class TaskAssign(Event):
    """``task:assign``."""

    name: ClassVar[str] = "task:assign"
    keys: ClassVar[tuple[str, ...]] = ('task_id',)
    task_id: str
    task: ClassVar[Subject[Task]] = Subject(Task, "task_id")


class TaskUnassign(Event):
    """``task:unassign``."""

    name: ClassVar[str] = "task:unassign"
    keys: ClassVar[tuple[str, ...]] = ('task_id',)
    task_id: str
    task: ClassVar[Subject[Task]] = Subject(Task, "task_id")


class TaskStatusChanged(Event):
    """``task:status-changed``."""

    name: ClassVar[str] = "task:status-changed"
    keys: ClassVar[tuple[str, ...]] = ('task_id',)
    task_id: str
    task: ClassVar[Subject[Task]] = Subject(Task, "task_id")


class TaskToReview(Event):
    """``task:to-review``."""

    name: ClassVar[str] = "task:to-review"
    keys: ClassVar[tuple[str, ...]] = ('task_id',)
    task_id: str
    task: ClassVar[Subject[Task]] = Subject(Task, "task_id")


class TaskUpdateCastingStats(Event):
    """``task:update-casting-stats``."""

    name: ClassVar[str] = "task:update-casting-stats"
    keys: ClassVar[tuple[str, ...]] = ('task_id',)
    task_id: str
    task: ClassVar[Subject[Task]] = Subject(Task, "task_id")


class TaskTypeNew(Event):
    """``task-type:new``."""

    name: ClassVar[str] = "task-type:new"
    keys: ClassVar[tuple[str, ...]] = ('task_type_id',)
    task_type_id: str
    task_type: ClassVar[Subject[TaskType]] = Subject(TaskType, "task_type_id")


class TaskStatusNew(Event):
    """``task-status:new``."""

    name: ClassVar[str] = "task-status:new"
    keys: ClassVar[tuple[str, ...]] = ('task_status_id',)
    task_status_id: str
    task_status: ClassVar[Subject[TaskStatus]] = Subject(TaskStatus, "task_status_id")


class TaskStatusUpdate(Event):
    """``task-status:update``."""

    name: ClassVar[str] = "task-status:update"
    keys: ClassVar[tuple[str, ...]] = ('task_status_id',)
    task_status_id: str
    task_status: ClassVar[Subject[TaskStatus]] = Subject(TaskStatus, "task_status_id")


class CommentNew(Event):
    """``comment:new``."""

    name: ClassVar[str] = "comment:new"
    keys: ClassVar[tuple[str, ...]] = ('comment_id',)
    comment_id: str
    comment: ClassVar[Subject[Comment]] = Subject(Comment, "comment_id")


class CommentUpdate(Event):
    """``comment:update``."""

    name: ClassVar[str] = "comment:update"
    keys: ClassVar[tuple[str, ...]] = ('comment_id',)
    comment_id: str
    comment: ClassVar[Subject[Comment]] = Subject(Comment, "comment_id")


class CommentDelete(Event):
    """``comment:delete``."""

    name: ClassVar[str] = "comment:delete"
    keys: ClassVar[tuple[str, ...]] = ('comment_id',)
    comment_id: str
    comment: ClassVar[Subject[Comment]] = Subject(Comment, "comment_id")


class CommentReply(Event):
    """``comment:reply``."""

    name: ClassVar[str] = "comment:reply"
    keys: ClassVar[tuple[str, ...]] = ('comment_id',)
    comment_id: str
    comment: ClassVar[Subject[Comment]] = Subject(Comment, "comment_id")


class CommentDeleteReply(Event):
    """``comment:delete-reply``."""

    name: ClassVar[str] = "comment:delete-reply"
    keys: ClassVar[tuple[str, ...]] = ('comment_id',)
    comment_id: str
    comment: ClassVar[Subject[Comment]] = Subject(Comment, "comment_id")


class CommentAcknowledge(Event):
    """``comment:acknowledge``."""

    name: ClassVar[str] = "comment:acknowledge"
    keys: ClassVar[tuple[str, ...]] = ('comment_id', 'person_id')
    comment_id: str
    person_id: str
    comment: ClassVar[Subject[Comment]] = Subject(Comment, "comment_id")
    person: ClassVar[Subject[Person]] = Subject(Person, "person_id")


class CommentUnacknowledge(Event):
    """``comment:unacknowledge``."""

    name: ClassVar[str] = "comment:unacknowledge"
    keys: ClassVar[tuple[str, ...]] = ('comment_id', 'person_id')
    comment_id: str
    person_id: str
    comment: ClassVar[Subject[Comment]] = Subject(Comment, "comment_id")
    person: ClassVar[Subject[Person]] = Subject(Person, "person_id")


class PreviewFileNew(Event):
    """``preview-file:new``."""

    name: ClassVar[str] = "preview-file:new"
    keys: ClassVar[tuple[str, ...]] = ('preview_file_id',)
    preview_file_id: str
    preview_file: ClassVar[Subject[PreviewFile]] = Subject(PreviewFile, "preview_file_id")


class PreviewFileUpdate(Event):
    """``preview-file:update``."""

    name: ClassVar[str] = "preview-file:update"
    keys: ClassVar[tuple[str, ...]] = ('preview_file_id',)
    preview_file_id: str
    preview_file: ClassVar[Subject[PreviewFile]] = Subject(PreviewFile, "preview_file_id")


class PreviewFileDelete(Event):
    """``preview-file:delete``."""

    name: ClassVar[str] = "preview-file:delete"
    keys: ClassVar[tuple[str, ...]] = ('preview_file_id',)
    preview_file_id: str
    preview_file: ClassVar[Subject[PreviewFile]] = Subject(PreviewFile, "preview_file_id")


class PreviewFileAddFile(Event):
    """``preview-file:add-file``."""

    name: ClassVar[str] = "preview-file:add-file"
    keys: ClassVar[tuple[str, ...]] = ('preview_file_id',)
    preview_file_id: str
    preview_file: ClassVar[Subject[PreviewFile]] = Subject(PreviewFile, "preview_file_id")


class PreviewFileSetMain(Event):
    """``preview-file:set-main``."""

    name: ClassVar[str] = "preview-file:set-main"
    keys: ClassVar[tuple[str, ...]] = ('preview_file_id',)
    preview_file_id: str
    preview_file: ClassVar[Subject[PreviewFile]] = Subject(PreviewFile, "preview_file_id")


class PreviewFileAnnotationUpdate(Event):
    """``preview-file:annotation-update``."""

    name: ClassVar[str] = "preview-file:annotation-update"
    keys: ClassVar[tuple[str, ...]] = ('preview_file_id',)
    preview_file_id: str
    preview_file: ClassVar[Subject[PreviewFile]] = Subject(PreviewFile, "preview_file_id")


class PreviewBackgroundFileAddFile(Event):
    """``preview-background-file:add-file``."""

    name: ClassVar[str] = "preview-background-file:add-file"
    keys: ClassVar[tuple[str, ...]] = ('preview_background_file_id',)
    preview_background_file_id: str
    preview_background_file: ClassVar[Subject[PreviewBackgroundFile]] = Subject(PreviewBackgroundFile, "preview_background_file_id")


class PreviewBackgroundFileUpdate(Event):
    """``preview-background-file:update``."""

    name: ClassVar[str] = "preview-background-file:update"
    keys: ClassVar[tuple[str, ...]] = ('preview_background_file_id',)
    preview_background_file_id: str
    preview_background_file: ClassVar[Subject[PreviewBackgroundFile]] = Subject(PreviewBackgroundFile, "preview_background_file_id")


class WorkingFileNew(Event):
    """``working-file:new``."""

    name: ClassVar[str] = "working-file:new"
    keys: ClassVar[tuple[str, ...]] = ('working_file_id',)
    working_file_id: str
    working_file: ClassVar[Subject[WorkingFile]] = Subject(WorkingFile, "working_file_id")


class OutputFileNew(Event):
    """``output-file:new``."""

    name: ClassVar[str] = "output-file:new"
    keys: ClassVar[tuple[str, ...]] = ('output_file_id',)
    output_file_id: str
    output_file: ClassVar[Subject[OutputFile]] = Subject(OutputFile, "output_file_id")


class OutputFileUpdate(Event):
    """``output-file:update``."""

    name: ClassVar[str] = "output-file:update"
    keys: ClassVar[tuple[str, ...]] = ('output_file_id',)
    output_file_id: str
    output_file: ClassVar[Subject[OutputFile]] = Subject(OutputFile, "output_file_id")


class OutputFileDelete(Event):
    """``output-file:delete``."""

    name: ClassVar[str] = "output-file:delete"
    keys: ClassVar[tuple[str, ...]] = ('output_file_id',)
    output_file_id: str
    output_file: ClassVar[Subject[OutputFile]] = Subject(OutputFile, "output_file_id")


class PersonNew(Event):
    """``person:new``."""

    name: ClassVar[str] = "person:new"
    keys: ClassVar[tuple[str, ...]] = ('person_id',)
    person_id: str
    person: ClassVar[Subject[Person]] = Subject(Person, "person_id")


class PersonUpdate(Event):
    """``person:update``."""

    name: ClassVar[str] = "person:update"
    keys: ClassVar[tuple[str, ...]] = ('person_id',)
    person_id: str
    person: ClassVar[Subject[Person]] = Subject(Person, "person_id")


class PersonDelete(Event):
    """``person:delete``."""

    name: ClassVar[str] = "person:delete"
    keys: ClassVar[tuple[str, ...]] = ('person_id',)
    person_id: str
    person: ClassVar[Subject[Person]] = Subject(Person, "person_id")


class PersonSetThumbnail(Event):
    """``person:set-thumbnail``."""

    name: ClassVar[str] = "person:set-thumbnail"
    keys: ClassVar[tuple[str, ...]] = ('person_id',)
    person_id: str
    person: ClassVar[Subject[Person]] = Subject(Person, "person_id")


class OrganisationUpdate(Event):
    """``organisation:update``."""

    name: ClassVar[str] = "organisation:update"
    keys: ClassVar[tuple[str, ...]] = ('organisation_id',)
    organisation_id: str
    organisation: ClassVar[Subject[Organisation]] = Subject(Organisation, "organisation_id")


class OrganisationSetThumbnail(Event):
    """``organisation:set-thumbnail``."""

    name: ClassVar[str] = "organisation:set-thumbnail"
    keys: ClassVar[tuple[str, ...]] = ('organisation_id',)
    organisation_id: str
    organisation: ClassVar[Subject[Organisation]] = Subject(Organisation, "organisation_id")


class DepartmentNew(Event):
    """``department:new``."""

    name: ClassVar[str] = "department:new"
    keys: ClassVar[tuple[str, ...]] = ('department_id',)
    department_id: str
    department: ClassVar[Subject[Department]] = Subject(Department, "department_id")


class ProjectNew(Event):
    """``project:new``."""

    name: ClassVar[str] = "project:new"
    keys: ClassVar[tuple[str, ...]] = ('project_id',)
    project_id: str  # pyright: ignore[reportIncompatibleVariableOverride]
    project: ClassVar[Subject[Project]] = Subject(Project, "project_id")


class ProjectUpdate(Event):
    """``project:update``."""

    name: ClassVar[str] = "project:update"
    keys: ClassVar[tuple[str, ...]] = ('project_id',)
    project_id: str  # pyright: ignore[reportIncompatibleVariableOverride]
    project: ClassVar[Subject[Project]] = Subject(Project, "project_id")


class ProjectDelete(Event):
    """``project:delete``."""

    name: ClassVar[str] = "project:delete"
    keys: ClassVar[tuple[str, ...]] = ('project_id',)
    project_id: str  # pyright: ignore[reportIncompatibleVariableOverride]
    project: ClassVar[Subject[Project]] = Subject(Project, "project_id")


class ProjectSetThumbnail(Event):
    """``project:set-thumbnail``."""

    name: ClassVar[str] = "project:set-thumbnail"
    keys: ClassVar[tuple[str, ...]] = ('project_id',)
    project_id: str  # pyright: ignore[reportIncompatibleVariableOverride]
    project: ClassVar[Subject[Project]] = Subject(Project, "project_id")


class MetadataDescriptorNew(Event):
    """``metadata-descriptor:new``."""

    name: ClassVar[str] = "metadata-descriptor:new"
    keys: ClassVar[tuple[str, ...]] = ('metadata_descriptor_id',)
    metadata_descriptor_id: str
    metadata_descriptor: ClassVar[Subject[MetadataDescriptor]] = Subject(MetadataDescriptor, "metadata_descriptor_id")


class MetadataDescriptorUpdate(Event):
    """``metadata-descriptor:update``."""

    name: ClassVar[str] = "metadata-descriptor:update"
    keys: ClassVar[tuple[str, ...]] = ('metadata_descriptor_id',)
    metadata_descriptor_id: str
    metadata_descriptor: ClassVar[Subject[MetadataDescriptor]] = Subject(MetadataDescriptor, "metadata_descriptor_id")


class MetadataDescriptorDelete(Event):
    """``metadata-descriptor:delete``."""

    name: ClassVar[str] = "metadata-descriptor:delete"
    keys: ClassVar[tuple[str, ...]] = ('metadata_descriptor_id',)
    metadata_descriptor_id: str
    metadata_descriptor: ClassVar[Subject[MetadataDescriptor]] = Subject(MetadataDescriptor, "metadata_descriptor_id")


class EditNew(Event):
    """``edit:new``."""

    name: ClassVar[str] = "edit:new"
    keys: ClassVar[tuple[str, ...]] = ('edit_id',)
    edit_id: str
    edit: ClassVar[Subject[Edit]] = Subject(Edit, "edit_id")


class EditUpdate(Event):
    """``edit:update``."""

    name: ClassVar[str] = "edit:update"
    keys: ClassVar[tuple[str, ...]] = ('edit_id',)
    edit_id: str
    edit: ClassVar[Subject[Edit]] = Subject(Edit, "edit_id")


class EditDelete(Event):
    """``edit:delete``."""

    name: ClassVar[str] = "edit:delete"
    keys: ClassVar[tuple[str, ...]] = ('edit_id',)
    edit_id: str
    edit: ClassVar[Subject[Edit]] = Subject(Edit, "edit_id")


class ConceptNew(Event):
    """``concept:new``."""

    name: ClassVar[str] = "concept:new"
    keys: ClassVar[tuple[str, ...]] = ('concept_id',)
    concept_id: str
    concept: ClassVar[Subject[Concept]] = Subject(Concept, "concept_id")


class ConceptUpdate(Event):
    """``concept:update``."""

    name: ClassVar[str] = "concept:update"
    keys: ClassVar[tuple[str, ...]] = ('concept_id',)
    concept_id: str
    concept: ClassVar[Subject[Concept]] = Subject(Concept, "concept_id")


class ConceptDelete(Event):
    """``concept:delete``."""

    name: ClassVar[str] = "concept:delete"
    keys: ClassVar[tuple[str, ...]] = ('concept_id',)
    concept_id: str
    concept: ClassVar[Subject[Concept]] = Subject(Concept, "concept_id")


class PlaylistDelete(Event):
    """``playlist:delete``."""

    name: ClassVar[str] = "playlist:delete"
    keys: ClassVar[tuple[str, ...]] = ('playlist_id',)
    playlist_id: str
    playlist: ClassVar[Subject[Playlist]] = Subject(Playlist, "playlist_id")


class PlaylistAddEntity(Event):
    """``playlist:add_entity``."""

    name: ClassVar[str] = "playlist:add_entity"
    keys: ClassVar[tuple[str, ...]] = ('playlist_id',)
    playlist_id: str
    playlist: ClassVar[Subject[Playlist]] = Subject(Playlist, "playlist_id")


class NotificationNew(Event):
    """``notification:new``."""

    name: ClassVar[str] = "notification:new"
    keys: ClassVar[tuple[str, ...]] = ('notification_id',)
    notification_id: str
    notification: ClassVar[Subject[Notification]] = Subject(Notification, "notification_id")


class NotificationRead(Event):
    """``notification:read``."""

    name: ClassVar[str] = "notification:read"
    keys: ClassVar[tuple[str, ...]] = ('notification_id',)
    notification_id: str
    notification: ClassVar[Subject[Notification]] = Subject(Notification, "notification_id")


class NotificationUnread(Event):
    """``notification:unread``."""

    name: ClassVar[str] = "notification:unread"
    keys: ClassVar[tuple[str, ...]] = ('notification_id',)
    notification_id: str
    notification: ClassVar[Subject[Notification]] = Subject(Notification, "notification_id")


class NotificationAllRead(Event):
    """``notification:all-read``."""

    name: ClassVar[str] = "notification:all-read"
    keys: ClassVar[tuple[str, ...]] = ('person_id',)
    person_id: str
    person: ClassVar[Subject[Person]] = Subject(Person, "person_id")


class ChatNewMessage(Event):
    """``chat:new-message``."""

    name: ClassVar[str] = "chat:new-message"
    keys: ClassVar[tuple[str, ...]] = ()
    message: ClassVar[Record[ChatMessage]] = Record(ChatMessage)


class ChatDeletedMessage(Event):
    """``chat:deleted-message``."""

    name: ClassVar[str] = "chat:deleted-message"
    keys: ClassVar[tuple[str, ...]] = ()
    message: ClassVar[Record[ChatMessage]] = Record(ChatMessage)


class ChatJoined(Event):
    """``chat:joined``."""

    name: ClassVar[str] = "chat:joined"
    keys: ClassVar[tuple[str, ...]] = ()
    chat: ClassVar[Record[Chat]] = Record(Chat)


class ChatLeft(Event):
    """``chat:left``."""

    name: ClassVar[str] = "chat:left"
    keys: ClassVar[tuple[str, ...]] = ()
    chat: ClassVar[Record[Chat]] = Record(Chat)


class NewsNew(Event):
    """``news:new``."""

    name: ClassVar[str] = "news:new"
    keys: ClassVar[tuple[str, ...]] = ('news_id',)
    news_id: str
    news: ClassVar[Subject[News]] = Subject(News, "news_id")


class NewsDelete(Event):
    """``news:delete``."""

    name: ClassVar[str] = "news:delete"
    keys: ClassVar[tuple[str, ...]] = ('news_id',)
    news_id: str
    news: ClassVar[Subject[News]] = Subject(News, "news_id")


class BudgetCreate(Event):
    """``budget:create``."""

    name: ClassVar[str] = "budget:create"
    keys: ClassVar[tuple[str, ...]] = ('budget_id',)
    budget_id: str
    budget: ClassVar[Subject[Budget]] = Subject(Budget, "budget_id")


class BudgetUpdate(Event):
    """``budget:update``."""

    name: ClassVar[str] = "budget:update"
    keys: ClassVar[tuple[str, ...]] = ('budget_id',)
    budget_id: str
    budget: ClassVar[Subject[Budget]] = Subject(Budget, "budget_id")


class BudgetDelete(Event):
    """``budget:delete``."""

    name: ClassVar[str] = "budget:delete"
    keys: ClassVar[tuple[str, ...]] = ('budget_id',)
    budget_id: str
    budget: ClassVar[Subject[Budget]] = Subject(Budget, "budget_id")


class BudgetEntryCreate(Event):
    """``budget-entry:create``."""

    name: ClassVar[str] = "budget-entry:create"
    keys: ClassVar[tuple[str, ...]] = ('budget_entry_id', 'budget_id')
    budget_entry_id: str
    budget_id: str
    budget_entry: ClassVar[Subject[BudgetEntry]] = Subject(BudgetEntry, "budget_entry_id")
    budget: ClassVar[Subject[Budget]] = Subject(Budget, "budget_id")


class BudgetEntryUpdate(Event):
    """``budget-entry:update``."""

    name: ClassVar[str] = "budget-entry:update"
    keys: ClassVar[tuple[str, ...]] = ('budget_entry_id', 'budget_id')
    budget_entry_id: str
    budget_id: str
    budget_entry: ClassVar[Subject[BudgetEntry]] = Subject(BudgetEntry, "budget_entry_id")
    budget: ClassVar[Subject[Budget]] = Subject(Budget, "budget_id")


class BudgetEntryDelete(Event):
    """``budget-entry:delete``."""

    name: ClassVar[str] = "budget-entry:delete"
    keys: ClassVar[tuple[str, ...]] = ('budget_entry_id', 'budget_id')
    budget_entry_id: str
    budget_id: str
    budget_entry: ClassVar[Subject[BudgetEntry]] = Subject(BudgetEntry, "budget_entry_id")
    budget: ClassVar[Subject[Budget]] = Subject(Budget, "budget_id")


class ScheduleItemNew(Event):
    """``schedule-item:new``."""

    name: ClassVar[str] = "schedule-item:new"
    keys: ClassVar[tuple[str, ...]] = ('schedule_item_id',)
    schedule_item_id: str
    schedule_item: ClassVar[Subject[ScheduleItem]] = Subject(ScheduleItem, "schedule_item_id")


class ProductionScheduleVersionUpdate(Event):
    """``production_schedule_version:update``."""

    name: ClassVar[str] = "production_schedule_version:update"
    keys: ClassVar[tuple[str, ...]] = ('production_schedule_version_id',)
    production_schedule_version_id: str
    production_schedule_version: ClassVar[Subject[ProductionScheduleVersion]] = Subject(ProductionScheduleVersion, "production_schedule_version_id")


class TimeSpentNew(Event):
    """``time-spent:new``."""

    name: ClassVar[str] = "time-spent:new"
    keys: ClassVar[tuple[str, ...]] = ('time_spent_id',)
    time_spent_id: str
    time_spent: ClassVar[Subject[TimeSpent]] = Subject(TimeSpent, "time_spent_id")


class TimeSpentUpdate(Event):
    """``time-spent:update``."""

    name: ClassVar[str] = "time-spent:update"
    keys: ClassVar[tuple[str, ...]] = ('time_spent_id',)
    time_spent_id: str
    time_spent: ClassVar[Subject[TimeSpent]] = Subject(TimeSpent, "time_spent_id")


class TimeSpentDelete(Event):
    """``time-spent:delete``."""

    name: ClassVar[str] = "time-spent:delete"
    keys: ClassVar[tuple[str, ...]] = ('time_spent_id',)
    time_spent_id: str
    time_spent: ClassVar[Subject[TimeSpent]] = Subject(TimeSpent, "time_spent_id")


class EntityLinkNew(Event):
    """``entity-link:new``."""

    name: ClassVar[str] = "entity-link:new"
    keys: ClassVar[tuple[str, ...]] = ()
    link: ClassVar[Record[EntityLink]] = Record(EntityLink)


class EntityLinkUpdate(Event):
    """``entity-link:update``."""

    name: ClassVar[str] = "entity-link:update"
    keys: ClassVar[tuple[str, ...]] = ()
    link: ClassVar[Record[EntityLink]] = Record(EntityLink)


class EntityLinkDelete(Event):
    """``entity-link:delete``."""

    name: ClassVar[str] = "entity-link:delete"
    keys: ClassVar[tuple[str, ...]] = ()
    link: ClassVar[Record[EntityLink]] = Record(EntityLink)


class BuildJobNew(Event):
    """``build-job:new``."""

    name: ClassVar[str] = "build-job:new"
    keys: ClassVar[tuple[str, ...]] = ('build_job_id', 'playlist_id')
    build_job_id: str
    playlist_id: str
    build_job: ClassVar[Subject[BuildJob]] = Subject(BuildJob, "build_job_id")
    playlist: ClassVar[Subject[Playlist]] = Subject(Playlist, "playlist_id")


class BuildJobUpdate(Event):
    """``build-job:update``."""

    name: ClassVar[str] = "build-job:update"
    keys: ClassVar[tuple[str, ...]] = ('build_job_id', 'playlist_id')
    build_job_id: str
    playlist_id: str
    build_job: ClassVar[Subject[BuildJob]] = Subject(BuildJob, "build_job_id")
    playlist: ClassVar[Subject[Playlist]] = Subject(Playlist, "playlist_id")


class BuildJobDelete(Event):
    """``build-job:delete``."""

    name: ClassVar[str] = "build-job:delete"
    keys: ClassVar[tuple[str, ...]] = ('build_job_id', 'playlist_id')
    build_job_id: str
    playlist_id: str
    build_job: ClassVar[Subject[BuildJob]] = Subject(BuildJob, "build_job_id")
    playlist: ClassVar[Subject[Playlist]] = Subject(Playlist, "playlist_id")


__all__ = [
    "AssetNew", "AssetUpdate", "AssetDelete", "AssetNewLink", "AssetRemoveLink", "AssetCastingUpdate",
    "AssetTypeNew", "AssetTypeUpdate", "AssetTypeDelete", "AssetInstanceNew", "AssetInstanceAddToShot",
    "AssetInstanceRemoveFromShot", "ShotNew", "ShotUpdate", "ShotDelete", "ShotCastingUpdate", "ShotAddToScene",
    "ShotRemoveFromScene", "SequenceNew", "SequenceDelete", "SceneNew", "SceneDelete", "EpisodeNew",
    "EpisodeDelete", "EpisodeCastingUpdate", "TaskNew", "TaskUpdate", "TaskDelete", "TaskAssign", "TaskUnassign",
    "TaskStatusChanged", "TaskToReview", "TaskUpdateCastingStats", "TaskTypeNew", "TaskStatusNew",
    "TaskStatusUpdate", "CommentNew", "CommentUpdate", "CommentDelete", "CommentReply", "CommentDeleteReply",
    "CommentAcknowledge", "CommentUnacknowledge", "PreviewFileNew", "PreviewFileUpdate", "PreviewFileDelete",
    "PreviewFileAddFile", "PreviewFileSetMain", "PreviewFileAnnotationUpdate", "PreviewBackgroundFileAddFile",
    "PreviewBackgroundFileUpdate", "WorkingFileNew", "OutputFileNew", "OutputFileUpdate", "OutputFileDelete",
    "PersonNew", "PersonUpdate", "PersonDelete", "PersonSetThumbnail", "OrganisationUpdate",
    "OrganisationSetThumbnail", "DepartmentNew", "ProjectNew", "ProjectUpdate", "ProjectDelete",
    "ProjectSetThumbnail", "MetadataDescriptorNew", "MetadataDescriptorUpdate", "MetadataDescriptorDelete",
    "EditNew", "EditUpdate", "EditDelete", "ConceptNew", "ConceptUpdate", "ConceptDelete", "PlaylistDelete",
    "PlaylistAddEntity", "NotificationNew", "NotificationRead", "NotificationUnread", "NotificationAllRead",
    "ChatNewMessage", "ChatDeletedMessage", "ChatJoined", "ChatLeft", "NewsNew", "NewsDelete", "BudgetCreate",
    "BudgetUpdate", "BudgetDelete", "BudgetEntryCreate", "BudgetEntryUpdate", "BudgetEntryDelete",
    "ScheduleItemNew", "ProductionScheduleVersionUpdate", "TimeSpentNew", "TimeSpentUpdate", "TimeSpentDelete",
    "EntityLinkNew", "EntityLinkUpdate", "EntityLinkDelete", "BuildJobNew", "BuildJobUpdate", "BuildJobDelete",
]

#: Every event class, by event name.
EVENT_CLASSES: dict[str, type[Event]] = {
    "asset:new": AssetNew,
    "asset:update": AssetUpdate,
    "asset:delete": AssetDelete,
    "asset:new-link": AssetNewLink,
    "asset:remove-link": AssetRemoveLink,
    "asset:casting-update": AssetCastingUpdate,
    "asset-type:new": AssetTypeNew,
    "asset-type:update": AssetTypeUpdate,
    "asset-type:delete": AssetTypeDelete,
    "asset_instance:new": AssetInstanceNew,
    "asset_instance:add-to-shot": AssetInstanceAddToShot,
    "asset_instance:remove-from-shot": AssetInstanceRemoveFromShot,
    "shot:new": ShotNew,
    "shot:update": ShotUpdate,
    "shot:delete": ShotDelete,
    "shot:casting-update": ShotCastingUpdate,
    "shot:add-to-scene": ShotAddToScene,
    "shot:remove-from-scene": ShotRemoveFromScene,
    "sequence:new": SequenceNew,
    "sequence:delete": SequenceDelete,
    "scene:new": SceneNew,
    "scene:delete": SceneDelete,
    "episode:new": EpisodeNew,
    "episode:delete": EpisodeDelete,
    "episode:casting-update": EpisodeCastingUpdate,
    "task:new": TaskNew,
    "task:update": TaskUpdate,
    "task:delete": TaskDelete,
    "task:assign": TaskAssign,
    "task:unassign": TaskUnassign,
    "task:status-changed": TaskStatusChanged,
    "task:to-review": TaskToReview,
    "task:update-casting-stats": TaskUpdateCastingStats,
    "task-type:new": TaskTypeNew,
    "task-status:new": TaskStatusNew,
    "task-status:update": TaskStatusUpdate,
    "comment:new": CommentNew,
    "comment:update": CommentUpdate,
    "comment:delete": CommentDelete,
    "comment:reply": CommentReply,
    "comment:delete-reply": CommentDeleteReply,
    "comment:acknowledge": CommentAcknowledge,
    "comment:unacknowledge": CommentUnacknowledge,
    "preview-file:new": PreviewFileNew,
    "preview-file:update": PreviewFileUpdate,
    "preview-file:delete": PreviewFileDelete,
    "preview-file:add-file": PreviewFileAddFile,
    "preview-file:set-main": PreviewFileSetMain,
    "preview-file:annotation-update": PreviewFileAnnotationUpdate,
    "preview-background-file:add-file": PreviewBackgroundFileAddFile,
    "preview-background-file:update": PreviewBackgroundFileUpdate,
    "working-file:new": WorkingFileNew,
    "output-file:new": OutputFileNew,
    "output-file:update": OutputFileUpdate,
    "output-file:delete": OutputFileDelete,
    "person:new": PersonNew,
    "person:update": PersonUpdate,
    "person:delete": PersonDelete,
    "person:set-thumbnail": PersonSetThumbnail,
    "organisation:update": OrganisationUpdate,
    "organisation:set-thumbnail": OrganisationSetThumbnail,
    "department:new": DepartmentNew,
    "project:new": ProjectNew,
    "project:update": ProjectUpdate,
    "project:delete": ProjectDelete,
    "project:set-thumbnail": ProjectSetThumbnail,
    "metadata-descriptor:new": MetadataDescriptorNew,
    "metadata-descriptor:update": MetadataDescriptorUpdate,
    "metadata-descriptor:delete": MetadataDescriptorDelete,
    "edit:new": EditNew,
    "edit:update": EditUpdate,
    "edit:delete": EditDelete,
    "concept:new": ConceptNew,
    "concept:update": ConceptUpdate,
    "concept:delete": ConceptDelete,
    "playlist:delete": PlaylistDelete,
    "playlist:add_entity": PlaylistAddEntity,
    "notification:new": NotificationNew,
    "notification:read": NotificationRead,
    "notification:unread": NotificationUnread,
    "notification:all-read": NotificationAllRead,
    "chat:new-message": ChatNewMessage,
    "chat:deleted-message": ChatDeletedMessage,
    "chat:joined": ChatJoined,
    "chat:left": ChatLeft,
    "news:new": NewsNew,
    "news:delete": NewsDelete,
    "budget:create": BudgetCreate,
    "budget:update": BudgetUpdate,
    "budget:delete": BudgetDelete,
    "budget-entry:create": BudgetEntryCreate,
    "budget-entry:update": BudgetEntryUpdate,
    "budget-entry:delete": BudgetEntryDelete,
    "schedule-item:new": ScheduleItemNew,
    "production_schedule_version:update": ProductionScheduleVersionUpdate,
    "time-spent:new": TimeSpentNew,
    "time-spent:update": TimeSpentUpdate,
    "time-spent:delete": TimeSpentDelete,
    "entity-link:new": EntityLinkNew,
    "entity-link:update": EntityLinkUpdate,
    "entity-link:delete": EntityLinkDelete,
    "build-job:new": BuildJobNew,
    "build-job:update": BuildJobUpdate,
    "build-job:delete": BuildJobDelete,
}
