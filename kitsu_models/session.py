"""``Kitsu``: one connection to one Kitsu server, the SDK's entry point.

Several sessions to several servers can live in one process; the only global
is an optional default session that ``gazu`` and quick scripts may use.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from collections.abc import Sequence as SequenceOf
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

from . import catalogue as api
from . import errors
from . import answers, exchange
from .exchange import Plan, drive
from .answers import JSON
from .credentials import Secret, Tokens
from .orm import registry, session_api
from .orm.identity import IdentityMap
from .orm import loader
from .orm.prefetch import prefetch
from .policy import RetryPolicy, Timeout
from .transport import Transport

if TYPE_CHECKING:
    from .events.stream import EventStream
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
    from .orm.relations import Relation
    from .repository import Repository
    from .user import UserViews

M = TypeVar("M", bound="KitsuModel")


def _loaded(module: str) -> Any:
    """A module of the SDK that builds Pydantic classes, imported when first
    needed: a script that only logs in and calls routes never pays for it."""
    return importlib.import_module(module)


class RepositoryOf(Generic[M]):
    """``kitsu.projects`` and friends: the session's repository of a model,
    named so that the models are imported on first use, not with the session."""

    def __init__(self, model: str) -> None:
        self.model_name = model
        self._model: type[M] | None = None

    @property
    def model(self) -> type[M]:
        """The model class (importing the models if not done yet)."""
        if self._model is None:
            _loaded("kitsu_models.models")
            self._model = cast("type[M]", registry.model_class(self.model_name))
        return self._model

    @overload
    def __get__(self, kitsu: None, owner: type[Any]) -> RepositoryOf[M]: ...
    @overload
    def __get__(self, kitsu: Kitsu, owner: type[Any]) -> Repository[M]: ...
    def __get__(self, kitsu: Kitsu | None, owner: type[Any]) -> RepositoryOf[M] | Repository[M]:
        return self if kitsu is None else kitsu.repository(self.model)


class Kitsu:
    """A session with one Kitsu API: its transport, tokens and current user.

    >>> kitsu = Kitsu.login("http://127.0.0.1:8080", "admin@example.com", password)
    """

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

    def __init__(
        self,
        host: str,
        *,
        event_host: str | None = None,
        timeout: Timeout = Timeout(),
        retry: RetryPolicy = RetryPolicy(),
        tokens: Tokens | None = None,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
    ) -> None:
        self.transport: Transport = Transport(
            host, timeout=timeout, retry=retry, tokens=tokens, verify=verify, cert=cert
        )
        self._event_host = event_host
        self._user: dict[str, Any] | None = None
        self._me: Person | None = None
        self._me_lock = threading.Lock()  # threads of a prefetch may ask at once: one read
        self.identity: IdentityMap = IdentityMap()
        self.strict: bool = False
        self._repositories: dict[type[Any], Repository[Any]] = {}
        self._entity_type_names: dict[str, str] | None = None
        self._views: UserViews | None = None
        self._events: EventStream | None = None

    @classmethod
    def login(cls, host: str, email: str, password: str | Secret, **options: Any) -> Kitsu:
        """A new session on ``host``, logged in as ``email``."""
        password = Secret.of(password)  # from the first frame on, no plain text
        kitsu = cls(host, **options)
        try:
            kitsu.log_in(email, password)
        except BaseException:
            kitsu.close()
            raise
        return kitsu

    def __repr__(self) -> str:
        user = getattr(self, "_user", None)  # a session whose __init__ failed has none
        who = user.get("email") if user else None
        transport = getattr(self, "transport", None)
        host = transport.base_url.rstrip("/") if transport is not None else "(no transport)"
        return f"<Kitsu {host}{' as ' + who if who else ''}>"

    def __enter__(self) -> Kitsu:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self.transport.tokens is not None:
                self.log_out()
        finally:
            self.close()

    def close(self) -> None:
        """Close pooled connections (the tokens stay valid on the server)."""
        self.transport.close()

    # -------------------------------------------------------- repositories
    def repository(self, model: type[M]) -> Repository[M]:
        """The repository of ``model`` in this session."""
        repository = self._repositories.get(model)
        if repository is None:
            repository = self._repositories[model] = _loaded("kitsu_models.repository").Repository(self, model)
        return repository

    @property
    def user(self) -> UserViews:
        """``kitsu.user``: the logged-in user's own views (``tasks_to_do()``...)."""
        views = self._views
        if views is None:
            views = self._views = _loaded("kitsu_models.user").UserViews(self)
        return views

    @contextmanager
    def strict_mode(self) -> Iterator[None]:
        """Within this block, reading a relation that is not loaded raises
        :class:`errors.LazyLoadError`: a test's way to catch N+1 loops."""
        previous, self.strict = self.strict, True
        try:
            yield
        finally:
            self.strict = previous

    def prefetch(self, items: SequenceOf[KitsuModel], paths: SequenceOf[str]) -> None:
        """Load the dotted relation ``paths`` on ``items`` (``ModelList.prefetch``)."""
        prefetch(items, paths)

    def load_relation(self, relation: Relation, objects: SequenceOf[KitsuModel]) -> None:
        """Load ``relation`` for ``objects`` and the lists they came with
        (:mod:`kitsu_models.orm.loader`: what a first access does)."""
        loader.load(relation, objects)

    def entity_type_name(self, entity_type_id: str) -> str | None:
        """The name of an entity type ("Shot", "Sequence", "Character"...),
        read once per session: it tells which class an entity row becomes."""
        if not isinstance(entity_type_id, str):
            return None  # a row naming no type: the polymorphic base's default class
        drive(self.plan_entity_types([entity_type_id]), self.transport.send)
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

    # -------------------------------------------------------------- hosts
    @property
    def host(self) -> str:
        """The API root URL, as requests are sent to it."""
        return self.transport.base_url.rstrip("/")

    @property
    def event_host(self) -> str:
        """Where the socket.io event stream is: given, or the host without ``/api``."""
        if self._event_host:
            return self._event_host.rstrip("/")
        host = self.host
        return host[: -len("/api")] if host.endswith("/api") else host

    @property
    def events(self) -> EventStream:
        """The session's event stream: ``kitsu.events.on(TaskStatusChanged,
        callback)``, then ``run()``, ``start()`` or iterate
        (:mod:`kitsu_models.events`)."""
        events = self._events
        if events is None:
            # Imported on first use: scripts without a listener never pay
            # for the event classes and socket.io.
            stream: Any = importlib.import_module("kitsu_models.events.stream")
            events = self._events = stream.EventStream(self)
        return events

    def host_is_up(self) -> bool:
        """True when something answers HTTP at the API root."""
        try:
            self.transport.request("GET", "", authenticate=False, retry=RetryPolicy(attempts=1))
        except errors.KitsuError:
            return False
        return True

    def host_is_valid(self) -> bool:
        """True when the host is a Kitsu API: its index names Zou, and its
        login route answers an empty login with a refusal (not a 404)."""
        try:
            index = self.transport.get("", authenticate=False, retry=RetryPolicy(attempts=1))
        except errors.KitsuError:
            return False
        if not isinstance(index, dict) or index.get("api") != "Zou":
            return False
        try:
            self.transport.post(api.LOGIN.fill(), {"email": "", "password": ""}, authenticate=False)
        except (errors.BadRequestError, errors.AuthenticationError):
            return True
        except errors.KitsuError:
            return False
        return True

    def api_version(self) -> str:
        """The server's version, e.g. ``"1.0.97"``."""
        index = self.transport.get("", authenticate=False)
        if not isinstance(index, dict) or index.get("api") != "Zou":
            raise errors.HostError(f"{self.host} is not a Kitsu API (its index does not name Zou)")
        return str(index["version"])

    # ------------------------------------------------------- authentication
    @property
    def tokens(self) -> Tokens | None:
        return self.transport.tokens

    def set_tokens(self, tokens: Tokens | None) -> None:
        """Use tokens obtained elsewhere (another process, a saved session)."""
        self.transport.tokens = tokens
        self._user = None

    @property
    def is_authenticated(self) -> bool:
        return self.transport.tokens is not None

    def log_in(
        self,
        email: str,
        password: str | Secret,
        *,
        totp: str | None = None,
        email_otp: str | None = None,
        recovery_code: str | None = None,
        fido_authentication_response: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Log in and keep the tokens; returns the logged-in user's record.

        A refused login raises :class:`errors.LoginFailedError` (never
        echoing the password).
        """
        password = Secret.of(password)  # the first frame holding it: never plain text in a traceback
        answer = self.authenticate(
            email, password, totp=totp, email_otp=email_otp, recovery_code=recovery_code,
            fido_authentication_response=fido_authentication_response,
        )
        return dict(answer.get("user") or {})

    def authenticate(
        self,
        email: str,
        password: str | Secret,
        *,
        totp: str | None = None,
        email_otp: str | None = None,
        recovery_code: str | None = None,
        fido_authentication_response: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """:meth:`log_in`, returning the server's whole answer: the tokens
        are in it (gazu's ``log_in`` returns it), so handle it with care."""
        password = Secret.of(password)  # only the encoded body will hold the text
        body = {
            "email": email,
            "password": password,
            "totp": totp,
            "email_otp": email_otp,
            "fido_authentication_response": fido_authentication_response,
            "recovery_code": recovery_code,
        }
        try:
            answer: JSON = self.transport.post(api.LOGIN.fill(), body, authenticate=False)
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
        self.transport.tokens = Tokens.from_strings(access, refresh or None)
        self._user = user
        return answer

    def _api_hint(self) -> str:
        """Where the API more likely is: behind Kitsu's web front, at /api."""
        if self.host.rstrip("/").endswith("/api"):
            return "is it the API root of a Kitsu server?"
        return f"the API is usually at {self.host.rstrip('/')}/api (try that URL)"

    def log_out(self) -> None:
        """Revoke the session on the server and forget the tokens locally,
        even when the server refuses (an already expired token)."""
        try:
            self.transport.request("GET", api.LOGOUT.fill(), retry=RetryPolicy(attempts=1))
        except errors.HTTPStatusError:
            pass
        finally:
            self.transport.tokens = None
            self._user = None

    def refresh_token(self) -> None:
        """Get a new access token now, with the refresh token."""
        if not self.transport.refresh_access_token():
            raise errors.AuthenticationError("GET", "/auth/refresh-token", 401, "no usable refresh token")

    @property
    def me(self) -> Person:
        """The logged-in user as a typed Person (one object per session).

        Built once from the login answer and kept: reading ``me`` again
        must not merge that old record back over a refreshed or edited
        object. Without a record (tokens given), it is read from the server.
        """
        with self._me_lock:  # a prefetch's threads may ask at once
            return drive(self.plan_me(), self.transport.send)

    def plan_me(self) -> Plan[Person]:
        """:attr:`me` as a plan (:mod:`kitsu_models.exchange`)."""
        if self._user is None:
            record = yield from self.plan_current_user()
        elif self._me is not None and self._me.id == self._user.get("id") and not self._me.is_deleted:
            return self._me
        else:
            record = self._user
        self._me = self.persons.materialize([record])[0]
        return self._me

    def current_user(self) -> dict[str, Any]:
        """The logged-in user's record, as the server sends it."""
        return drive(self.plan_current_user(), self.transport.send)

    def plan_current_user(self) -> Plan[dict[str, Any]]:
        """:meth:`current_user` as a plan."""
        answer = yield from exchange.get(api.AUTHENTICATED.fill())
        user = answer.get("user") if isinstance(answer, dict) else None
        if not isinstance(user, dict):
            raise errors.UnexpectedAnswerError(
                "GET", "/" + api.AUTHENTICATED.template, 200, "expected the user's record", answers.excerpt(answer)
            )
        self._user = user
        return dict(user)


def set_default_session(kitsu: Kitsu | None) -> None:
    """Make ``kitsu`` the session used where none is given (gazu's style)."""
    session_api.set_default_session(kitsu)


def default_session() -> Kitsu:
    """The default session; raises when none was set."""
    return cast(Kitsu, session_api.default_session())
