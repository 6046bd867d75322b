"""kitsu-models: a typed, ORM-style SDK for Kitsu (Zou).

Everything public is importable from here::

    from kitsu_models import Kitsu, Project, Shot, Task, Comment, KitsuError

Submodules stay importable (``kitsu_models.models``, ``kitsu_models.errors``...).
The event classes live in :mod:`kitsu_models.events`, imported on first use
so that scripts without a listener do not pay for socket.io.
"""

import importlib
from typing import TYPE_CHECKING, Any

from .credentials import Secret, Tokens
from .errors import (
    AuthenticationError, BadRequestError, ConnectError, DeletedObjectError, DetachedObjectError, DownloadError,
    HostError, HTTPStatusError, InvalidArgumentError, InvalidTokenError, KitsuError,
    LazyLoadError, LocalFileNotFoundError, LoginFailedError, MethodNotAllowedError, MissingFieldError, ModelNotFoundError,
    NameResolutionError, NotFoundError, PartialBatchError, PayloadTooLargeError, PermissionDeniedError,
    RequestTimeoutError, ServerError, StillProcessingError, TaskStatusNotFoundError, TLSError, TransportError,
    UnexpectedAnswerError, UnprocessableEntityError, UploadError,
)
from .orm.collection import ModelList
from .policy import RetryPolicy, Timeout
from .session import Kitsu, RepositoryOf, default_session, set_default_session
from .streaming import ProgressCallback
from .transport import Transport

if TYPE_CHECKING:
    __version__: str  # served by __getattr__
    from .models import (
        Asset, AssetInstance, AssetType, AttachmentFile, CastingEntry, CastInEntry, Comment, Concept, Department,
        Edit, Entity, EntityLink, EntityType, Episode, FilePath, FileStatus, KitsuModel, MaybeToOne,
        MetadataDescriptor, Organisation, OutputFile, OutputType, Person, Playlist, PlaylistEntries, PlaylistEntry,
        PreviewFile, PreviewProcessingError, PreviewProcessingTimeoutError, Project, ProjectStatus, Scene, Sequence,
        Shot, Software, Task, TaskStatus, TaskType, TimeSpent, ToMany, ToOne, WorkingFile,
    )
    from .models import (
        Budget, BudgetEntry, BuildJob, Chat, ChatMessage, CustomAction, DataImportError, DayOff, DesktopLoginLog,
        HardwareItem, LoggedEvent, LoginLog, Milestone, News, Notification, PlaylistShareLink, Plugin,
        PreviewBackgroundFile, ProductionScheduleVersion, ProjectTemplate, SalaryScale, ScheduleItem, SearchFilter,
        SearchFilterGroup, StatusAutomation, Studio, Subscription,
    )
    from .repository import Repository
    from .validation import FieldValidationError
    from .user import UserContext, UserViews
    from .aio import AsyncKitsu, AsyncRepository

#: The names whose modules build Pydantic classes: imported on first use,
#: so ``import kitsu_models`` (and a script that only calls routes) does not
#: pay for Pydantic and the models.
_LAZY = {
    **{name: "kitsu_models.models" for name in (
        "Asset", "AssetInstance", "AssetType", "AttachmentFile", "CastingEntry", "CastInEntry", "Comment", "Concept",
        "Department", "Edit", "Entity", "EntityLink", "EntityType", "Episode", "FilePath", "FileStatus",
        "KitsuModel", "MaybeToOne", "MetadataDescriptor", "Organisation", "OutputFile", "OutputType", "Person",
        "Playlist", "PlaylistEntries", "PlaylistEntry", "PreviewFile", "PreviewProcessingError",
        "PreviewProcessingTimeoutError", "Project", "ProjectStatus", "Scene", "Sequence", "Shot", "Software",
        "Task", "TaskStatus", "TaskType", "TimeSpent", "ToMany", "ToOne", "WorkingFile",
    )},
    **{name: "kitsu_models.models" for name in (
        "Budget", "BudgetEntry", "BuildJob", "Chat", "ChatMessage", "CustomAction", "DataImportError", "DayOff",
        "DesktopLoginLog", "HardwareItem", "LoggedEvent", "LoginLog", "Milestone", "News", "Notification",
        "PlaylistShareLink", "Plugin", "PreviewBackgroundFile", "ProductionScheduleVersion", "ProjectTemplate",
        "SalaryScale", "ScheduleItem", "SearchFilter", "SearchFilterGroup", "StatusAutomation", "Studio",
        "Subscription",
    )},
    "FieldValidationError": "kitsu_models.validation",
    "AsyncKitsu": "kitsu_models.aio",
    "AsyncRepository": "kitsu_models.aio",
    "Repository": "kitsu_models.repository",
    "UserContext": "kitsu_models.user",
    "UserViews": "kitsu_models.user",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read from the package metadata when asked
        metadata: Any = importlib.import_module("importlib.metadata")
        try:
            return str(metadata.version("kitsu-models"))
        except metadata.PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+unknown"
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kitsu_models' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    # the session and its parts
    "Kitsu", "RepositoryOf", "Repository", "ModelList", "Transport", "UserViews", "UserContext",
    "AsyncKitsu", "AsyncRepository",
    "default_session", "set_default_session",
    # options
    "RetryPolicy", "Timeout", "Secret", "Tokens", "ProgressCallback",
    # models and relations
    "KitsuModel", "ToOne", "MaybeToOne", "ToMany",
    "Project", "ProjectStatus", "MetadataDescriptor", "Person", "Department", "Organisation",
    "EntityType", "AssetType", "Entity", "Asset", "Episode", "Sequence", "Shot", "Scene", "Edit", "Concept",
    "AssetInstance", "EntityLink", "CastingEntry", "CastInEntry",
    "TaskType", "TaskStatus", "Task", "Comment", "TimeSpent",
    "PreviewFile", "AttachmentFile", "Playlist", "PlaylistEntries", "PlaylistEntry",
    "OutputFile", "OutputType", "WorkingFile", "Software", "FileStatus", "FilePath",
    "Studio", "CustomAction", "StatusAutomation", "PreviewBackgroundFile", "ProjectTemplate", "HardwareItem",
    "SalaryScale", "Plugin", "DayOff", "Milestone", "ScheduleItem", "ProductionScheduleVersion", "Budget",
    "BudgetEntry", "Notification", "News", "Subscription", "Chat", "ChatMessage", "SearchFilter", "SearchFilterGroup",
    "LoggedEvent", "LoginLog", "DesktopLoginLog", "DataImportError", "BuildJob", "PlaylistShareLink",
    # errors
    "KitsuError", "InvalidArgumentError", "FieldValidationError", "LocalFileNotFoundError",
    "HostError", "UnexpectedAnswerError", "MissingFieldError", "TransportError", "ConnectError", "NameResolutionError", "RequestTimeoutError", "TLSError",
    "HTTPStatusError", "BadRequestError", "AuthenticationError", "LoginFailedError", "InvalidTokenError",
    "PermissionDeniedError", "NotFoundError", "ModelNotFoundError", "MethodNotAllowedError", "PayloadTooLargeError",
    "UnprocessableEntityError", "ServerError", "UploadError", "DownloadError", "StillProcessingError",
    "DetachedObjectError",
    "DeletedObjectError", "LazyLoadError", "PartialBatchError", "TaskStatusNotFoundError",
    "PreviewProcessingError", "PreviewProcessingTimeoutError",
    "__version__",
]
