"""What every session shares, whichever way it does I/O: the repositories
of the models (``kitsu.projects``...), the identity map, the logged-in
user's record, the entity types, and the reads of them written once as
plans (:mod:`kitsu_models.exchange`). :class:`~kitsu_models.session.Kitsu`
runs the plans blocking; :class:`~kitsu_models.aio.AsyncKitsu` awaits them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

from . import catalogue as api
from . import answers, errors, exchange
from .credentials import Secret, Tokens
from .exchange import Plan
from .orm import registry
from .orm.identity import IdentityMap

if TYPE_CHECKING:
    from .aio.repository import AsyncRepository
    from .models import (
        Asset, AssetInstance, AssetType, AttachmentFile, Comment, Concept, Department, Edit, Entity, EntityLink,
        EntityType, Episode, FileStatus, KitsuModel, MetadataDescriptor, Organisation, OutputFile, OutputType,
        Person, Playlist, PreviewFile, Project, ProjectStatus, Scene, Sequence, Shot, Software, Task, TaskStatus,
        TaskType, TimeSpent, WorkingFile,
    )
    from .models import (
        Budget, BudgetEntry, BuildJob, Chat, ChatMessage, CustomAction, DataImportError, DayOff, DesktopLoginLog,
        HardwareItem, LoggedEvent, LoginLog, Milestone, News, Notification, PlaylistShareLink, Plugin,
        PreviewBackgroundFile, ProductionScheduleVersion, ProjectTemplate, SalaryScale, ScheduleItem, SearchFilter,
        SearchFilterGroup, StatusAutomation, Studio, Subscription,
    )
    from .repository import Repository

M = TypeVar("M", bound="KitsuModel")


def loaded(module: str) -> Any:
    """A module of the SDK that builds Pydantic classes, imported when first
    needed: a script that only logs in and calls routes never pays for it."""
    return importlib.import_module(module)


class RepositoryOf(Generic[M]):
    """``kitsu.projects`` and friends: the session's repository of a model
    (awaitable on an async session), named so that the models are imported
    on first use, not with the session."""

    def __init__(self, model: str) -> None:
        self.model_name = model
        self._model: type[M] | None = None

    @property
    def model(self) -> type[M]:
        """The model class (importing the models if not done yet)."""
        if self._model is None:
            loaded("kitsu_models.models")
            self._model = cast("type[M]", registry.model_class(self.model_name))
        return self._model

    @overload
    def __get__(self, kitsu: None, owner: type[Any]) -> RepositoryOf[M]: ...
    @overload
    def __get__(self, kitsu: BlockingSession, owner: type[Any]) -> Repository[M]: ...
    @overload
    def __get__(self, kitsu: AwaitingSession, owner: type[Any]) -> AsyncRepository[M]: ...
    def __get__(
        self, kitsu: SessionBase | None, owner: type[Any]
    ) -> RepositoryOf[M] | Repository[M] | AsyncRepository[M]:
        return self if kitsu is None else kitsu.repository_of(self.model)


class SessionBase:
    """The state and the reads both sessions share (see the module)."""

    projects: RepositoryOf[Project] = RepositoryOf("Project")
    project_statuses: RepositoryOf[ProjectStatus] = RepositoryOf("ProjectStatus")
    metadata_descriptors: RepositoryOf[MetadataDescriptor] = RepositoryOf("MetadataDescriptor")
    entity_types: RepositoryOf[EntityType] = RepositoryOf("EntityType")
    asset_types: RepositoryOf[AssetType] = RepositoryOf("AssetType")
    entities: RepositoryOf[Entity] = RepositoryOf("Entity")
    assets: RepositoryOf[Asset] = RepositoryOf("Asset")
    episodes: RepositoryOf[Episode] = RepositoryOf("Episode")
    sequences: RepositoryOf[Sequence] = RepositoryOf("Sequence")
    shots: RepositoryOf[Shot] = RepositoryOf("Shot")
    scenes: RepositoryOf[Scene] = RepositoryOf("Scene")
    edits: RepositoryOf[Edit] = RepositoryOf("Edit")
    concepts: RepositoryOf[Concept] = RepositoryOf("Concept")
    asset_instances: RepositoryOf[AssetInstance] = RepositoryOf("AssetInstance")
    entity_links: RepositoryOf[EntityLink] = RepositoryOf("EntityLink")
    task_types: RepositoryOf[TaskType] = RepositoryOf("TaskType")
    task_statuses: RepositoryOf[TaskStatus] = RepositoryOf("TaskStatus")
    tasks: RepositoryOf[Task] = RepositoryOf("Task")
    comments: RepositoryOf[Comment] = RepositoryOf("Comment")
    time_spents: RepositoryOf[TimeSpent] = RepositoryOf("TimeSpent")
    persons: RepositoryOf[Person] = RepositoryOf("Person")
    departments: RepositoryOf[Department] = RepositoryOf("Department")
    organisations: RepositoryOf[Organisation] = RepositoryOf("Organisation")
    softwares: RepositoryOf[Software] = RepositoryOf("Software")
    output_types: RepositoryOf[OutputType] = RepositoryOf("OutputType")
    file_statuses: RepositoryOf[FileStatus] = RepositoryOf("FileStatus")
    working_files: RepositoryOf[WorkingFile] = RepositoryOf("WorkingFile")
    output_files: RepositoryOf[OutputFile] = RepositoryOf("OutputFile")
    playlists: RepositoryOf[Playlist] = RepositoryOf("Playlist")
    preview_files: RepositoryOf[PreviewFile] = RepositoryOf("PreviewFile")
    attachment_files: RepositoryOf[AttachmentFile] = RepositoryOf("AttachmentFile")
    studios: RepositoryOf[Studio] = RepositoryOf("Studio")
    custom_actions: RepositoryOf[CustomAction] = RepositoryOf("CustomAction")
    status_automations: RepositoryOf[StatusAutomation] = RepositoryOf("StatusAutomation")
    preview_background_files: RepositoryOf[PreviewBackgroundFile] = RepositoryOf("PreviewBackgroundFile")
    project_templates: RepositoryOf[ProjectTemplate] = RepositoryOf("ProjectTemplate")
    hardware_items: RepositoryOf[HardwareItem] = RepositoryOf("HardwareItem")
    salary_scales: RepositoryOf[SalaryScale] = RepositoryOf("SalaryScale")
    plugins: RepositoryOf[Plugin] = RepositoryOf("Plugin")
    day_offs: RepositoryOf[DayOff] = RepositoryOf("DayOff")
    milestones: RepositoryOf[Milestone] = RepositoryOf("Milestone")
    schedule_items: RepositoryOf[ScheduleItem] = RepositoryOf("ScheduleItem")
    schedule_versions: RepositoryOf[ProductionScheduleVersion] = RepositoryOf("ProductionScheduleVersion")
    budgets: RepositoryOf[Budget] = RepositoryOf("Budget")
    budget_entries: RepositoryOf[BudgetEntry] = RepositoryOf("BudgetEntry")
    notifications: RepositoryOf[Notification] = RepositoryOf("Notification")
    news: RepositoryOf[News] = RepositoryOf("News")
    subscriptions: RepositoryOf[Subscription] = RepositoryOf("Subscription")
    chats: RepositoryOf[Chat] = RepositoryOf("Chat")
    chat_messages: RepositoryOf[ChatMessage] = RepositoryOf("ChatMessage")
    search_filters: RepositoryOf[SearchFilter] = RepositoryOf("SearchFilter")
    search_filter_groups: RepositoryOf[SearchFilterGroup] = RepositoryOf("SearchFilterGroup")
    logged_events: RepositoryOf[LoggedEvent] = RepositoryOf("LoggedEvent")
    login_logs: RepositoryOf[LoginLog] = RepositoryOf("LoginLog")
    desktop_login_logs: RepositoryOf[DesktopLoginLog] = RepositoryOf("DesktopLoginLog")
    import_errors: RepositoryOf[DataImportError] = RepositoryOf("DataImportError")
    build_jobs: RepositoryOf[BuildJob] = RepositoryOf("BuildJob")
    playlist_share_links: RepositoryOf[PlaylistShareLink] = RepositoryOf("PlaylistShareLink")

    def __init__(self, event_host: str | None = None) -> None:
        self._event_host = event_host
        self._user: dict[str, Any] | None = None
        self._me: Person | None = None
        self.identity: IdentityMap = IdentityMap()
        self.strict: bool = False
        self._repositories: dict[type[Any], Repository[Any]] = {}
        self._entity_type_names: dict[str, str] | None = None

    @property
    def host(self) -> str:
        """The API root URL, as requests are sent to it."""
        raise NotImplementedError

    @property
    def event_host(self) -> str:
        """Where the socket.io event stream is: given, or the host without ``/api``."""
        if self._event_host:
            return self._event_host.rstrip("/")
        host = self.host
        return host[: -len("/api")] if host.endswith("/api") else host

    def repository_of(self, model: type[M]) -> Any:
        """What ``kitsu.<models>`` gives: the session's kind of repository."""
        raise NotImplementedError

    def repository(self, model: type[M]) -> Repository[M]:
        """The repository of ``model`` in this session: its reads and writes,
        and the same as plans (an async session awaits those)."""
        repository = self._repositories.get(model)
        if repository is None:
            repository = self._repositories[model] = loaded("kitsu_models.repository").Repository(self, model)
        return repository

    # ------------------------------------------------------------ the user
    def plan_me(self) -> Plan[Person]:
        """The logged-in user as a typed Person (one object per session),
        as a plan: built once from the login answer and kept (reading it
        again must not merge that old record back over a refreshed or
        edited object); without a record (tokens given), read."""
        if self._user is None:
            record = yield from self.plan_current_user()
        elif self._me is not None and self._me.id == self._user.get("id") and not self._me.is_deleted:
            return self._me
        else:
            record = self._user
        me: Person = self.repository(loaded("kitsu_models.models").Person).materialize([record])[0]
        self._me = me
        return me

    def plan_current_user(self) -> Plan[dict[str, Any]]:
        """The logged-in user's record, as the server sends it (a plan)."""
        answer = yield from exchange.get(api.AUTHENTICATED.fill())
        user = answer.get("user") if isinstance(answer, dict) else None
        if not isinstance(user, dict):
            raise errors.UnexpectedAnswerError(
                "GET", "/" + api.AUTHENTICATED.template, 200, "expected the user's record", answers.excerpt(answer)
            )
        self._user = user
        return dict(user)

    # ------------------------------------------------------- entity types
    def entity_type_name(self, entity_type_id: str) -> str | None:
        """The name of an entity type ("Shot", "Sequence", "Character"...)
        among those known (:meth:`plan_entity_types`): it tells which class
        an entity row becomes."""
        if not isinstance(entity_type_id, str):
            return None  # a row naming no type: the polymorphic base's default class
        return (self._entity_type_names or {}).get(entity_type_id)

    def plan_entity_types(self, ids: Iterable[Any]) -> Plan[None]:
        """Know the entity types ``ids`` name: one read of the table when
        one of them is not known yet (a type made since: read again)."""
        known = self._entity_type_names
        if known is not None and all(not isinstance(i, str) or i in known for i in ids):
            return
        rows = yield from exchange.get(api.ENTITY_TYPES.fill())
        if not isinstance(rows, list):
            raise errors.UnexpectedAnswerError(
                "GET", "/" + api.ENTITY_TYPES.template, 200, "expected a list", answers.excerpt(rows)
            )
        self._entity_type_names = {
            row["id"]: str(row.get("name")) for row in rows if isinstance(row, dict) and isinstance(row.get("id"), str)
        }

    # ------------------------------------------------------------ logging in
    def plan_authenticate(
        self, email: str, password: Secret, second_factor: dict[str, Any]
    ) -> Plan[tuple[dict[str, Any], Tokens]]:
        """The login, as a plan: the server's whole answer (it holds the
        tokens: handle it with care) and the tokens. A refusal raises
        :class:`errors.LoginFailedError` (never echoing the password), a
        host that is not a Kitsu API :class:`errors.HostError`."""
        body = {"email": email, "password": password, "totp": None, "email_otp": None,
                "fido_authentication_response": None, "recovery_code": None, **second_factor}
        try:
            answer = yield from exchange.post(api.LOGIN.fill(), body, authenticate=False)
        except (errors.BadRequestError, errors.AuthenticationError) as exc:
            raise errors.LoginFailedError(exc.method, exc.path, exc.status, exc.message) from None
        except (errors.NotFoundError, errors.MethodNotAllowedError):
            raise errors.HostError(f"{self.host} has no Kitsu login route: {self._api_hint()}") from None
        except errors.UnexpectedAnswerError as exc:
            # A web page where the API should answer: Kitsu's front end (or
            # another site) at this URL, the API being elsewhere.
            raise errors.HostError(
                f"{self.host} answered the login with a page that is not the Kitsu API ({exc.problem}): "
                f"{self._api_hint()}"
            ) from None
        if not isinstance(answer, dict) or "login" not in answer:
            raise errors.HostError(f"{self.host} answered the login with JSON that is not Kitsu's: {self._api_hint()}")
        if not answer.get("login") or "access_token" not in answer:
            raise errors.LoginFailedError("POST", "/auth/login", 200, "the server refused the login")
        access, refresh, user = answer["access_token"], answer.get("refresh_token"), answer.get("user")
        if not (isinstance(access, str) and access and isinstance(refresh, (str, type(None)))
                and isinstance(user, (dict, type(None)))):
            keys = sorted(str(key) for key in answer)  # the values are tokens: only the keys are shown
            raise errors.UnexpectedAnswerError("POST", "/" + api.LOGIN.template, 200, "a login answer of another shape",
                                               f"keys {keys}")
        self._user = user
        return answer, Tokens.from_strings(access, refresh or None)

    @contextmanager
    def strict_mode(self) -> Iterator[None]:
        """Within this block, reading a relation that is not loaded raises
        :class:`errors.LazyLoadError`: a test's way to catch N+1 loops (an
        :class:`~kitsu_models.AsyncKitsu` raises it always)."""
        previous, self.strict = self.strict, True
        try:
            yield
        finally:
            self.strict = previous

    def _api_hint(self) -> str:
        """Where the API more likely is: behind Kitsu's web front, at /api."""
        if self.host.rstrip("/").endswith("/api"):
            return "is it the API root of a Kitsu server?"
        return f"the API is usually at {self.host.rstrip('/')}/api (try that URL)"


class BlockingSession(SessionBase):
    """A session whose repositories block (:class:`~kitsu_models.session.Kitsu`)."""


class AwaitingSession(SessionBase):
    """A session whose repositories are awaited (:class:`~kitsu_models.aio.AsyncKitsu`)."""
