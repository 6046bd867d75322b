"""The typed models of Kitsu."""

from ..orm.base import KitsuModel
from .breakdown import (
    Asset, AssetInstance, AssetType, CastingEntry, CastInEntry, Concept, Edit, Entity, EntityLink, EntityType, Episode,
    Scene, Sequence, Shot,
)
from .file_tree import FilePath
from .logs import DataImportError, DesktopLoginLog, LoggedEvent, LoginLog
from .files import FileStatus, OutputFile, OutputType, Software, WorkingFile
from .people import Department, Organisation, Person
from .planning import Budget, BudgetEntry, DayOff, Milestone, ProductionScheduleVersion, ScheduleItem
from .playlists import BuildJob, Playlist, PlaylistEntries, PlaylistEntry, PlaylistShareLink
from .previews import AttachmentFile, PreviewFile
from .processing import PreviewProcessingError, PreviewProcessingTimeoutError
from .production import MetadataDescriptor, Project, ProjectStatus
from ..orm.relations import MaybeToOne, ToMany, ToOne
from .social import Chat, ChatMessage, News, Notification, SearchFilter, SearchFilterGroup, Subscription
from .studio import (
    CustomAction, HardwareItem, Plugin, PreviewBackgroundFile, ProjectTemplate, SalaryScale, StatusAutomation, Studio,
)
from .tasks import Comment, Task, TaskStatus, TaskType, TimeSpent

__all__ = [
    "Asset", "AssetType", "CastInEntry", "CastingEntry", "Comment", "Concept", "Department", "Edit", "Entity", "EntityType",
    "Episode", "KitsuModel", "MaybeToOne", "MetadataDescriptor", "Organisation", "Person",
    "Project", "ProjectStatus", "Scene", "Sequence", "Shot", "Task", "TaskStatus", "TaskType",
    "TimeSpent", "ToMany", "ToOne",
    "AssetInstance", "EntityLink",
    "FilePath", "FileStatus", "OutputFile", "OutputType", "Software", "WorkingFile",
    "Playlist", "PlaylistEntries", "PlaylistEntry",
    "AttachmentFile", "PreviewFile", "PreviewProcessingError", "PreviewProcessingTimeoutError",
    "DataImportError", "DesktopLoginLog", "LoggedEvent", "LoginLog",
    "Budget", "BudgetEntry", "DayOff", "Milestone", "ProductionScheduleVersion", "ScheduleItem",
    "BuildJob", "PlaylistShareLink",
    "Chat", "ChatMessage", "News", "Notification", "SearchFilter", "SearchFilterGroup", "Subscription",
    "CustomAction", "HardwareItem", "Plugin", "PreviewBackgroundFile", "ProjectTemplate", "SalaryScale",
    "StatusAutomation", "Studio",
]
