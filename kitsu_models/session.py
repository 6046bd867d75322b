"""``Kitsu``: one connection to one Kitsu server, the SDK's entry point.

Several sessions to several servers can live in one process; the only global
is an optional default session that ``gazu`` and quick scripts may use.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence as SequenceOf
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from . import catalogue as api
from . import errors
from .credentials import Secret, Tokens
from .exchange import Plan, drive
from .orm import loader, session_api
from .orm.prefetch import prefetch
from .policy import RetryPolicy, Timeout
from .session_base import BlockingSession, RepositoryOf, loaded
from .transport import Transport

if TYPE_CHECKING:
    from .events.stream import EventStream
    from .models import KitsuModel, Person
    from .orm.relations import Relation
    from .repository import Repository
    from .user import UserViews

__all__ = ["Kitsu", "RepositoryOf", "default_session", "set_default_session"]

M = TypeVar("M", bound="KitsuModel")


class Kitsu(BlockingSession):
    """A session with one Kitsu API: its transport, tokens and current user.

    >>> kitsu = Kitsu.login("http://127.0.0.1:8080", "admin@example.com", password)
    """

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
        super().__init__(event_host)
        self._me_lock = threading.Lock()  # threads of a prefetch may ask at once: one read
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
    def repository_of(self, model: type[M]) -> Repository[M]:
        """What ``kitsu.<models>`` gives: the model's repository."""
        return self.repository(model)

    @property
    def user(self) -> UserViews:
        """``kitsu.user``: the logged-in user's own views (``tasks_to_do()``...)."""
        views = self._views
        if views is None:
            views = self._views = loaded("kitsu_models.user").UserViews(self)
        return views

    def prefetch(self, items: SequenceOf[KitsuModel], paths: SequenceOf[str]) -> None:
        """Load the dotted relation ``paths`` on ``items`` (``ModelList.prefetch``)."""
        prefetch(items, paths)

    # A blocking session's awaited forms run the blocking ones (they block the loop: AsyncKitsu does not).
    async def aprefetch(self, items: SequenceOf[KitsuModel], paths: SequenceOf[str]) -> None:
        """:meth:`prefetch` (blocking: this session does not await)."""
        self.prefetch(items, paths)

    async def asave(self, obj: KitsuModel) -> None:
        """``obj.save()`` (blocking: this session does not await)."""
        obj.save(self)

    async def adelete(self, obj: KitsuModel, force: bool) -> bool:
        """``obj.delete()`` (blocking: this session does not await)."""
        return obj.delete(force=force)

    async def arefresh(self, obj: KitsuModel) -> None:
        """``obj.refresh()`` (blocking: this session does not await)."""
        obj.refresh()

    def load_relation(self, relation: Relation, objects: SequenceOf[KitsuModel]) -> None:
        """Load ``relation`` for ``objects`` and the lists they came with
        (:mod:`kitsu_models.orm.loader`: what a first access does)."""
        loader.load(relation, objects)

    def entity_type_name(self, entity_type_id: str) -> str | None:
        """The name of an entity type ("Shot", "Sequence", "Character"...),
        read once per session: it tells which class an entity row becomes."""
        if isinstance(entity_type_id, str):
            drive(self.plan_entity_types([entity_type_id]), self.transport.send)
        return super().entity_type_name(entity_type_id)

    # -------------------------------------------------------------- hosts
    @property
    def host(self) -> str:
        """The API root URL, as requests are sent to it."""
        return self.transport.base_url.rstrip("/")

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
        second_factor = {"totp": totp, "email_otp": email_otp, "recovery_code": recovery_code,
                         "fido_authentication_response": fido_authentication_response}
        answer, tokens = drive(self.plan_authenticate(email, password, second_factor), self.transport.send)
        self.transport.tokens = tokens
        return answer

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
        return drive(self.plan_me(), self.transport.send)

    def plan_me(self) -> Plan[Person]:
        """:attr:`me` as a plan, one thread at a time: the threads of a
        prefetch that all need the user (each board list checks the role)
        read it once. (A blocking plan runs in its caller's thread, so the
        lock is held across its one request.)"""
        with self._me_lock:
            return (yield from super().plan_me())

    def current_user(self) -> dict[str, Any]:
        """The logged-in user's record, as the server sends it."""
        return drive(self.plan_current_user(), self.transport.send)


def set_default_session(kitsu: Kitsu | None) -> None:
    """Make ``kitsu`` the session used where none is given (gazu's style)."""
    session_api.set_default_session(kitsu)


def default_session() -> Kitsu:
    """The default session; raises when none was set."""
    return cast(Kitsu, session_api.default_session())
