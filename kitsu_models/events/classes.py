"""The typed event classes, one per event of the spec. Generated from
``catalog.TABLE`` by ``python -m kitsu_models.events.catalog``: do not edit.
"""

from __future__ import annotations

from ..models import (
    Asset, AssetInstance, AssetType, Comment, Concept, Department, Edit, Episode, MetadataDescriptor, Organisation,
    OutputFile, Person, Playlist, PreviewFile, Project, Scene, Sequence, Shot, Task, TaskStatus, TaskType,
    TimeSpent, WorkingFile,
)
from .base import Event, Subject


class AssetNew(Event):
    """``asset:new``."""

    name = "asset:new"
    keys = ('asset_id',)
    asset_id: str
    asset = Subject(Asset, "asset_id")


class AssetUpdate(Event):
    """``asset:update``."""

    name = "asset:update"
    keys = ('asset_id',)
    asset_id: str
    asset = Subject(Asset, "asset_id")


class AssetDelete(Event):
    """``asset:delete``."""

    name = "asset:delete"
    keys = ('asset_id',)
    asset_id: str
    asset = Subject(Asset, "asset_id")


class AssetNewLink(Event):
    """``asset:new-link``."""

    name = "asset:new-link"
    keys = ('asset_id',)
    asset_id: str
    asset = Subject(Asset, "asset_id")


class AssetRemoveLink(Event):
    """``asset:remove-link``."""

    name = "asset:remove-link"
    keys = ('asset_id',)
    asset_id: str
    asset = Subject(Asset, "asset_id")


class AssetCastingUpdate(Event):
    """``asset:casting-update``."""

    name = "asset:casting-update"
    keys = ('asset_id',)
    asset_id: str
    asset = Subject(Asset, "asset_id")


class AssetTypeNew(Event):
    """``asset-type:new``."""

    name = "asset-type:new"
    keys = ('asset_type_id',)
    asset_type_id: str
    asset_type = Subject(AssetType, "asset_type_id")


class AssetTypeUpdate(Event):
    """``asset-type:update``."""

    name = "asset-type:update"
    keys = ('asset_type_id',)
    asset_type_id: str
    asset_type = Subject(AssetType, "asset_type_id")


class AssetTypeDelete(Event):
    """``asset-type:delete``."""

    name = "asset-type:delete"
    keys = ('asset_type_id',)
    asset_type_id: str
    asset_type = Subject(AssetType, "asset_type_id")


class AssetInstanceNew(Event):
    """``asset_instance:new``."""

    name = "asset_instance:new"
    keys = ('asset_instance_id',)
    asset_instance_id: str
    asset_instance = Subject(AssetInstance, "asset_instance_id")


class AssetInstanceAddToShot(Event):
    """``asset_instance:add-to-shot``."""

    name = "asset_instance:add-to-shot"
    keys = ('asset_instance_id',)
    asset_instance_id: str
    asset_instance = Subject(AssetInstance, "asset_instance_id")


class AssetInstanceRemoveFromShot(Event):
    """``asset_instance:remove-from-shot``."""

    name = "asset_instance:remove-from-shot"
    keys = ('asset_instance_id',)
    asset_instance_id: str
    asset_instance = Subject(AssetInstance, "asset_instance_id")


class ShotNew(Event):
    """``shot:new``."""

    name = "shot:new"
    keys = ('shot_id',)
    shot_id: str
    shot = Subject(Shot, "shot_id")


class ShotUpdate(Event):
    """``shot:update``."""

    name = "shot:update"
    keys = ('shot_id',)
    shot_id: str
    shot = Subject(Shot, "shot_id")


class ShotDelete(Event):
    """``shot:delete``."""

    name = "shot:delete"
    keys = ('shot_id',)
    shot_id: str
    shot = Subject(Shot, "shot_id")


class ShotCastingUpdate(Event):
    """``shot:casting-update``."""

    name = "shot:casting-update"
    keys = ('shot_id',)
    shot_id: str
    shot = Subject(Shot, "shot_id")


class ShotAddToScene(Event):
    """``shot:add-to-scene``."""

    name = "shot:add-to-scene"
    keys = ('shot_id',)
    shot_id: str
    shot = Subject(Shot, "shot_id")


class ShotRemoveFromScene(Event):
    """``shot:remove-from-scene``."""

    name = "shot:remove-from-scene"
    keys = ('shot_id',)
    shot_id: str
    shot = Subject(Shot, "shot_id")


class SequenceNew(Event):
    """``sequence:new``."""

    name = "sequence:new"
    keys = ('sequence_id',)
    sequence_id: str
    sequence = Subject(Sequence, "sequence_id")


class SequenceDelete(Event):
    """``sequence:delete``."""

    name = "sequence:delete"
    keys = ('sequence_id',)
    sequence_id: str
    sequence = Subject(Sequence, "sequence_id")


class SceneNew(Event):
    """``scene:new``."""

    name = "scene:new"
    keys = ('scene_id',)
    scene_id: str
    scene = Subject(Scene, "scene_id")


class SceneDelete(Event):
    """``scene:delete``."""

    name = "scene:delete"
    keys = ('scene_id',)
    scene_id: str
    scene = Subject(Scene, "scene_id")


class EpisodeNew(Event):
    """``episode:new``."""

    name = "episode:new"
    keys = ('episode_id',)
    episode_id: str
    episode = Subject(Episode, "episode_id")


class EpisodeDelete(Event):
    """``episode:delete``."""

    name = "episode:delete"
    keys = ('episode_id',)
    episode_id: str
    episode = Subject(Episode, "episode_id")


class EpisodeCastingUpdate(Event):
    """``episode:casting-update``."""

    name = "episode:casting-update"
    keys = ('episode_id',)
    episode_id: str
    episode = Subject(Episode, "episode_id")


class TaskNew(Event):
    """``task:new``."""

    name = "task:new"
    keys = ('task_id',)
    task_id: str
    task = Subject(Task, "task_id")


class TaskUpdate(Event):
    """``task:update``."""

    name = "task:update"
    keys = ('task_id',)
    task_id: str
    task = Subject(Task, "task_id")


class TaskDelete(Event):
    """``task:delete``."""

    name = "task:delete"
    keys = ('task_id',)
    task_id: str
    task = Subject(Task, "task_id")


class TaskAssign(Event):
    """``task:assign``."""

    name = "task:assign"
    keys = ('task_id',)
    task_id: str
    task = Subject(Task, "task_id")


class TaskUnassign(Event):
    """``task:unassign``."""

    name = "task:unassign"
    keys = ('task_id',)
    task_id: str
    task = Subject(Task, "task_id")


class TaskStatusChanged(Event):
    """``task:status-changed``."""

    name = "task:status-changed"
    keys = ('task_id',)
    task_id: str
    task = Subject(Task, "task_id")


class TaskToReview(Event):
    """``task:to-review``."""

    name = "task:to-review"
    keys = ('task_id',)
    task_id: str
    task = Subject(Task, "task_id")


class TaskUpdateCastingStats(Event):
    """``task:update-casting-stats``."""

    name = "task:update-casting-stats"
    keys = ('task_id',)
    task_id: str
    task = Subject(Task, "task_id")


class TaskTypeNew(Event):
    """``task-type:new``."""

    name = "task-type:new"
    keys = ('task_type_id',)
    task_type_id: str
    task_type = Subject(TaskType, "task_type_id")


class TaskStatusNew(Event):
    """``task-status:new``."""

    name = "task-status:new"
    keys = ('task_status_id',)
    task_status_id: str
    task_status = Subject(TaskStatus, "task_status_id")


class TaskStatusUpdate(Event):
    """``task-status:update``."""

    name = "task-status:update"
    keys = ('task_status_id',)
    task_status_id: str
    task_status = Subject(TaskStatus, "task_status_id")


class CommentNew(Event):
    """``comment:new``."""

    name = "comment:new"
    keys = ('comment_id',)
    comment_id: str
    comment = Subject(Comment, "comment_id")


class CommentUpdate(Event):
    """``comment:update``."""

    name = "comment:update"
    keys = ('comment_id',)
    comment_id: str
    comment = Subject(Comment, "comment_id")


class CommentDelete(Event):
    """``comment:delete``."""

    name = "comment:delete"
    keys = ('comment_id',)
    comment_id: str
    comment = Subject(Comment, "comment_id")


class CommentReply(Event):
    """``comment:reply``."""

    name = "comment:reply"
    keys = ('comment_id',)
    comment_id: str
    comment = Subject(Comment, "comment_id")


class CommentDeleteReply(Event):
    """``comment:delete-reply``."""

    name = "comment:delete-reply"
    keys = ('comment_id',)
    comment_id: str
    comment = Subject(Comment, "comment_id")


class CommentAcknowledge(Event):
    """``comment:acknowledge``."""

    name = "comment:acknowledge"
    keys = ('comment_id', 'person_id')
    comment_id: str
    person_id: str
    comment = Subject(Comment, "comment_id")
    person = Subject(Person, "person_id")


class CommentUnacknowledge(Event):
    """``comment:unacknowledge``."""

    name = "comment:unacknowledge"
    keys = ('comment_id', 'person_id')
    comment_id: str
    person_id: str
    comment = Subject(Comment, "comment_id")
    person = Subject(Person, "person_id")


class PreviewFileNew(Event):
    """``preview-file:new``."""

    name = "preview-file:new"
    keys = ('preview_file_id',)
    preview_file_id: str
    preview_file = Subject(PreviewFile, "preview_file_id")


class PreviewFileUpdate(Event):
    """``preview-file:update``."""

    name = "preview-file:update"
    keys = ('preview_file_id',)
    preview_file_id: str
    preview_file = Subject(PreviewFile, "preview_file_id")


class PreviewFileDelete(Event):
    """``preview-file:delete``."""

    name = "preview-file:delete"
    keys = ('preview_file_id',)
    preview_file_id: str
    preview_file = Subject(PreviewFile, "preview_file_id")


class PreviewFileAddFile(Event):
    """``preview-file:add-file``."""

    name = "preview-file:add-file"
    keys = ('preview_file_id',)
    preview_file_id: str
    preview_file = Subject(PreviewFile, "preview_file_id")


class PreviewFileSetMain(Event):
    """``preview-file:set-main``."""

    name = "preview-file:set-main"
    keys = ('preview_file_id',)
    preview_file_id: str
    preview_file = Subject(PreviewFile, "preview_file_id")


class PreviewFileAnnotationUpdate(Event):
    """``preview-file:annotation-update``."""

    name = "preview-file:annotation-update"
    keys = ('preview_file_id',)
    preview_file_id: str
    preview_file = Subject(PreviewFile, "preview_file_id")


class PreviewBackgroundFileAddFile(Event):
    """``preview-background-file:add-file``."""

    name = "preview-background-file:add-file"
    keys = ('preview_background_file_id',)
    preview_background_file_id: str


class PreviewBackgroundFileUpdate(Event):
    """``preview-background-file:update``."""

    name = "preview-background-file:update"
    keys = ('preview_background_file_id',)
    preview_background_file_id: str


class WorkingFileNew(Event):
    """``working-file:new``."""

    name = "working-file:new"
    keys = ('working_file_id',)
    working_file_id: str
    working_file = Subject(WorkingFile, "working_file_id")


class OutputFileNew(Event):
    """``output-file:new``."""

    name = "output-file:new"
    keys = ('output_file_id',)
    output_file_id: str
    output_file = Subject(OutputFile, "output_file_id")


class OutputFileUpdate(Event):
    """``output-file:update``."""

    name = "output-file:update"
    keys = ('output_file_id',)
    output_file_id: str
    output_file = Subject(OutputFile, "output_file_id")


class OutputFileDelete(Event):
    """``output-file:delete``."""

    name = "output-file:delete"
    keys = ('output_file_id',)
    output_file_id: str
    output_file = Subject(OutputFile, "output_file_id")


class PersonNew(Event):
    """``person:new``."""

    name = "person:new"
    keys = ('person_id',)
    person_id: str
    person = Subject(Person, "person_id")


class PersonUpdate(Event):
    """``person:update``."""

    name = "person:update"
    keys = ('person_id',)
    person_id: str
    person = Subject(Person, "person_id")


class PersonDelete(Event):
    """``person:delete``."""

    name = "person:delete"
    keys = ('person_id',)
    person_id: str
    person = Subject(Person, "person_id")


class PersonSetThumbnail(Event):
    """``person:set-thumbnail``."""

    name = "person:set-thumbnail"
    keys = ('person_id',)
    person_id: str
    person = Subject(Person, "person_id")


class OrganisationUpdate(Event):
    """``organisation:update``."""

    name = "organisation:update"
    keys = ('organisation_id',)
    organisation_id: str
    organisation = Subject(Organisation, "organisation_id")


class OrganisationSetThumbnail(Event):
    """``organisation:set-thumbnail``."""

    name = "organisation:set-thumbnail"
    keys = ('organisation_id',)
    organisation_id: str
    organisation = Subject(Organisation, "organisation_id")


class DepartmentNew(Event):
    """``department:new``."""

    name = "department:new"
    keys = ('department_id',)
    department_id: str
    department = Subject(Department, "department_id")


class ProjectNew(Event):
    """``project:new``."""

    name = "project:new"
    keys = ('project_id',)
    project_id: str
    project = Subject(Project, "project_id")


class ProjectUpdate(Event):
    """``project:update``."""

    name = "project:update"
    keys = ('project_id',)
    project_id: str
    project = Subject(Project, "project_id")


class ProjectDelete(Event):
    """``project:delete``."""

    name = "project:delete"
    keys = ('project_id',)
    project_id: str
    project = Subject(Project, "project_id")


class ProjectSetThumbnail(Event):
    """``project:set-thumbnail``."""

    name = "project:set-thumbnail"
    keys = ('project_id',)
    project_id: str
    project = Subject(Project, "project_id")


class MetadataDescriptorNew(Event):
    """``metadata-descriptor:new``."""

    name = "metadata-descriptor:new"
    keys = ('metadata_descriptor_id',)
    metadata_descriptor_id: str
    metadata_descriptor = Subject(MetadataDescriptor, "metadata_descriptor_id")


class MetadataDescriptorUpdate(Event):
    """``metadata-descriptor:update``."""

    name = "metadata-descriptor:update"
    keys = ('metadata_descriptor_id',)
    metadata_descriptor_id: str
    metadata_descriptor = Subject(MetadataDescriptor, "metadata_descriptor_id")


class MetadataDescriptorDelete(Event):
    """``metadata-descriptor:delete``."""

    name = "metadata-descriptor:delete"
    keys = ('metadata_descriptor_id',)
    metadata_descriptor_id: str
    metadata_descriptor = Subject(MetadataDescriptor, "metadata_descriptor_id")


class EditNew(Event):
    """``edit:new``."""

    name = "edit:new"
    keys = ('edit_id',)
    edit_id: str
    edit = Subject(Edit, "edit_id")


class EditUpdate(Event):
    """``edit:update``."""

    name = "edit:update"
    keys = ('edit_id',)
    edit_id: str
    edit = Subject(Edit, "edit_id")


class EditDelete(Event):
    """``edit:delete``."""

    name = "edit:delete"
    keys = ('edit_id',)
    edit_id: str
    edit = Subject(Edit, "edit_id")


class ConceptNew(Event):
    """``concept:new``."""

    name = "concept:new"
    keys = ('concept_id',)
    concept_id: str
    concept = Subject(Concept, "concept_id")


class ConceptUpdate(Event):
    """``concept:update``."""

    name = "concept:update"
    keys = ('concept_id',)
    concept_id: str
    concept = Subject(Concept, "concept_id")


class ConceptDelete(Event):
    """``concept:delete``."""

    name = "concept:delete"
    keys = ('concept_id',)
    concept_id: str
    concept = Subject(Concept, "concept_id")


class PlaylistDelete(Event):
    """``playlist:delete``."""

    name = "playlist:delete"
    keys = ('playlist_id',)
    playlist_id: str
    playlist = Subject(Playlist, "playlist_id")


class PlaylistAddEntity(Event):
    """``playlist:add_entity``."""

    name = "playlist:add_entity"
    keys = ('playlist_id',)
    playlist_id: str
    playlist = Subject(Playlist, "playlist_id")


class NotificationNew(Event):
    """``notification:new``."""

    name = "notification:new"
    keys = ('notification_id',)
    notification_id: str


class NotificationRead(Event):
    """``notification:read``."""

    name = "notification:read"
    keys = ('notification_id',)
    notification_id: str


class NotificationUnread(Event):
    """``notification:unread``."""

    name = "notification:unread"
    keys = ('notification_id',)
    notification_id: str


class NotificationAllRead(Event):
    """``notification:all-read``."""

    name = "notification:all-read"
    keys = ('person_id',)
    person_id: str
    person = Subject(Person, "person_id")


class ChatNewMessage(Event):
    """``chat:new-message``."""

    name = "chat:new-message"
    keys = ()


class ChatDeletedMessage(Event):
    """``chat:deleted-message``."""

    name = "chat:deleted-message"
    keys = ()


class ChatJoined(Event):
    """``chat:joined``."""

    name = "chat:joined"
    keys = ()


class ChatLeft(Event):
    """``chat:left``."""

    name = "chat:left"
    keys = ()


class NewsNew(Event):
    """``news:new``."""

    name = "news:new"
    keys = ('news_id',)
    news_id: str


class NewsDelete(Event):
    """``news:delete``."""

    name = "news:delete"
    keys = ('news_id',)
    news_id: str


class BudgetCreate(Event):
    """``budget:create``."""

    name = "budget:create"
    keys = ('budget_id',)
    budget_id: str


class BudgetUpdate(Event):
    """``budget:update``."""

    name = "budget:update"
    keys = ('budget_id',)
    budget_id: str


class BudgetDelete(Event):
    """``budget:delete``."""

    name = "budget:delete"
    keys = ('budget_id',)
    budget_id: str


class BudgetEntryCreate(Event):
    """``budget-entry:create``."""

    name = "budget-entry:create"
    keys = ('budget_entry_id',)
    budget_entry_id: str


class BudgetEntryUpdate(Event):
    """``budget-entry:update``."""

    name = "budget-entry:update"
    keys = ('budget_entry_id',)
    budget_entry_id: str


class BudgetEntryDelete(Event):
    """``budget-entry:delete``."""

    name = "budget-entry:delete"
    keys = ('budget_entry_id',)
    budget_entry_id: str


class ScheduleItemNew(Event):
    """``schedule-item:new``."""

    name = "schedule-item:new"
    keys = ('schedule_item_id',)
    schedule_item_id: str


class ProductionScheduleVersionUpdate(Event):
    """``production_schedule_version:update``."""

    name = "production_schedule_version:update"
    keys = ('production_schedule_version_id',)
    production_schedule_version_id: str


class TimeSpentNew(Event):
    """``time-spent:new``."""

    name = "time-spent:new"
    keys = ('time_spent_id',)
    time_spent_id: str
    time_spent = Subject(TimeSpent, "time_spent_id")


class TimeSpentUpdate(Event):
    """``time-spent:update``."""

    name = "time-spent:update"
    keys = ('time_spent_id',)
    time_spent_id: str
    time_spent = Subject(TimeSpent, "time_spent_id")


class TimeSpentDelete(Event):
    """``time-spent:delete``."""

    name = "time-spent:delete"
    keys = ('time_spent_id',)
    time_spent_id: str
    time_spent = Subject(TimeSpent, "time_spent_id")


class EntityLinkNew(Event):
    """``entity-link:new``."""

    name = "entity-link:new"
    keys = ()


class EntityLinkUpdate(Event):
    """``entity-link:update``."""

    name = "entity-link:update"
    keys = ()


class EntityLinkDelete(Event):
    """``entity-link:delete``."""

    name = "entity-link:delete"
    keys = ()


class BuildJobNew(Event):
    """``build-job:new``."""

    name = "build-job:new"
    keys = ('build_job_id',)
    build_job_id: str


class BuildJobUpdate(Event):
    """``build-job:update``."""

    name = "build-job:update"
    keys = ('build_job_id',)
    build_job_id: str


class BuildJobDelete(Event):
    """``build-job:delete``."""

    name = "build-job:delete"
    keys = ('build_job_id',)
    build_job_id: str


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
