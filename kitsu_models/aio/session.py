"""``AsyncKitsu``: a session whose I/O is awaited, over the same models,
identity map, route catalogue, request building, answer reading, errors,
retry policy, token refresh and id checks as :class:`~kitsu_models.Kitsu`:
only the I/O differs (``aiohttp``).

Loading is explicit, as in SQLAlchemy's AsyncSession: ``await``
``kitsu.projects.get(id)`` and friends, ``await obj.aprefetch(...)`` (and on
lists), after which attributes read what was loaded with no I/O; reading a
relation that is not loaded raises :class:`~kitsu_models.errors.LazyLoadError`
naming what to prefetch. The blocking operations of the models (a comment,
a publish...) are not available on this session: they say so.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from typing_extensions import Self, Unpack

from .. import catalogue as api
from .. import errors
from ..credentials import Secret, Tokens
from ..exchange import Request, adrive, drive
from ..orm import loader
from ..orm.prefetch import Step, steps_of
from ..policy import RetryPolicy
from ..session_base import AwaitingSession, loaded
from ..transport import Transport, TransportSettings
from .repository import AsyncRepository
from .transport import AsyncTransport

if TYPE_CHECKING:
    from ..events.base import Event
    from ..models import KitsuModel, Person
    from ..orm.relations import Relation

#: Loads of a prefetch in flight at once (as the blocking prefetch's threads).
MAX_PARALLEL = 4


class AsyncKitsu(AwaitingSession):
    """A session with one Kitsu API whose I/O is awaited.

    >>> kitsu = await AsyncKitsu.login("http://127.0.0.1:8080", "admin@example.com", password)
    >>> project = await kitsu.projects.get_by_name("Agent 327")
    >>> await project.aprefetch("assets.tasks.task_status")
    """

    def __init__(
        self, host: str, *, event_host: str | None = None, tokens: Tokens | None = None,
        **settings: Unpack[TransportSettings],
    ) -> None:
        self.http: AsyncTransport = AsyncTransport(host, tokens=tokens, **settings)
        self._settings = settings
        #: What the models' blocking paths would send through: refuses, saying what to await instead.
        self.transport: Transport = _NotHere(host, **settings)
        super().__init__(event_host)
        self._awaited: dict[type[Any], AsyncRepository[Any]] = {}

    @classmethod
    async def login(
        cls, host: str, email: str, password: str | Secret, **options: Any
    ) -> AsyncKitsu:
        """A new session on ``host``, logged in as ``email``."""
        password = Secret.of(password)  # from the first frame on, no plain text
        kitsu = cls(host, **options)
        try:
            await kitsu.log_in(email, password)
        except BaseException:
            await kitsu.aclose()
            raise
        return kitsu

    def __repr__(self) -> str:
        user = getattr(self, "_user", None)
        who = user.get("email") if user else None
        http = getattr(self, "http", None)
        host = http.base_url.rstrip("/") if http is not None else "(no transport)"
        return f"<AsyncKitsu {host}{' as ' + who if who else ''}>"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self.http.tokens is not None:
                await self.log_out()
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        """Close the pooled connections (the tokens stay valid on the server)."""
        await self.http.aclose()

    @property
    def host(self) -> str:
        return self.http.base_url.rstrip("/")

    @property
    def tokens(self) -> Tokens | None:
        return self.http.tokens

    def set_tokens(self, tokens: Tokens | None) -> None:
        """Use tokens obtained elsewhere (another process, a saved session)."""
        self.http.tokens = tokens
        self._user = None

    @property
    def is_authenticated(self) -> bool:
        return self.http.tokens is not None

    # -------------------------------------------------------- repositories
    def repository_of(self, model: type[Any]) -> AsyncRepository[Any]:
        """What ``kitsu.<models>`` gives: the model's awaited repository."""
        repository = self._awaited.get(model)
        if repository is None:
            repository = self._awaited[model] = AsyncRepository(self.repository(model), self.http.send)
        return repository

    async def _run(self, plan: Any) -> Any:
        return await adrive(plan, self.http.send)

    # ------------------------------------------------------ authentication
    async def log_in(self, email: str, password: str | Secret, **second_factor: Any) -> dict[str, Any]:
        """Log in and keep the tokens; returns the logged-in user's record
        (``second_factor``: ``totp``, ``email_otp``, ``recovery_code``...)."""
        password = Secret.of(password)  # the first frame holding it: never plain text in a traceback
        answer, tokens = await self._run(self.plan_authenticate(email, password, second_factor))
        self.http.tokens = tokens
        return dict(answer.get("user") or {})

    async def log_out(self) -> None:
        """Revoke the session on the server and forget the tokens locally."""
        try:
            await self.http.request("GET", api.LOGOUT.fill(), retry=RetryPolicy(attempts=1))
        except errors.HTTPStatusError:
            pass
        finally:
            self.http.tokens = None
            self._user = None

    async def refresh_token(self) -> None:
        """Get a new access token now, with the refresh token."""
        if not await self.http.refresh_access_token():
            raise errors.AuthenticationError("GET", "/auth/refresh-token", 401, "no usable refresh token")

    async def fetch_me(self) -> Person:
        """The logged-in user as a typed Person (read once a session)."""
        me: Person = await self._run(self.plan_me())
        return me

    @property
    def me(self) -> Person:
        """The logged-in user, once known (after the login, or :meth:`fetch_me`)."""
        if self._user is None:
            raise errors.LazyLoadError("the logged-in user is not loaded: await kitsu.fetch_me()")
        me: Person = drive(self.plan_me(), self.transport.send)  # from the login's record: no request
        return me

    # ----------------------------------------------------------- loading
    def load_relation(self, relation: Relation, objects: Sequence[KitsuModel]) -> None:
        """An attribute never does I/O here: what is not loaded says what to prefetch."""
        owner = type(objects[0]).__name__
        raise errors.LazyLoadError(
            f"{owner}.{relation.name} is not loaded: await obj.aprefetch({relation.name!r}) (or a list's, "
            f"or the path down to it from where you started) first"
        )

    def prefetch(self, items: Sequence[KitsuModel], paths: Sequence[str]) -> None:
        """Refused: this session's loads are awaited (:meth:`aprefetch`)."""
        raise errors.LazyLoadError("this session awaits its loads: await obj.aprefetch(...) or list.aprefetch(...)")

    async def aprefetch(self, items: Sequence[KitsuModel], paths: Sequence[str], parallel: int = MAX_PARALLEL) -> None:
        """Load the dotted relation ``paths`` on ``items``: a batch per
        relation and level, the independent ones concurrently (up to
        ``parallel`` at once), each level as soon as what it hangs from came."""
        gate = asyncio.Semaphore(parallel)
        locks: dict[Any, asyncio.Lock] = {}

        async def run(step: Step) -> None:
            # Steps loading one class run one after the other: the second finds what the first read.
            async with locks.setdefault(step.target, asyncio.Lock()), gate:
                below = await self._run(step.plan())
            await asyncio.gather(*(run(next_step) for next_step in below))

        await asyncio.gather(*(run(step) for step in steps_of(items, paths)))

    async def asave(self, obj: KitsuModel) -> None:
        """Create ``obj``, or send its changes (``await obj.asave()``)."""
        await self.repository_of(type(obj)).save(obj)

    async def adelete(self, obj: KitsuModel, force: bool) -> bool:
        """Delete ``obj`` (``await obj.adelete()``); True when it is gone."""
        deleted: bool = await self.repository_of(type(obj)).delete(obj, force=force)
        return deleted

    async def arefresh(self, obj: KitsuModel) -> None:
        """Read ``obj`` again (``await obj.arefresh()``)."""
        await self.repository_of(type(obj)).refresh(obj)

    async def load(self, relation: Relation, objects: Sequence[KitsuModel]) -> None:
        """Load one relation on ``objects`` (and the lists they came with)."""
        await self._run(loader.plan(relation, objects))

    # ------------------------------------------------------------- events
    async def events(self, *kinds: str, since: Any = None, replay: bool = True) -> AsyncGenerator[Event, None]:
        """``async for event in kitsu.events()``: the event stream, with the
        blocking listener's reconnection, replay and exactly-once delivery
        (its socket runs on a thread of its own; events come to the loop).
        ``kinds``: event names or patterns (``"task:*"``), all by default.
        An event's subjects are read from the identity map, else awaited:
        ``await kitsu.tasks.get(event.task_id)``."""
        stream_module: Any = loaded("kitsu_models.events.stream")
        listener = self._listener_session()
        stream = stream_module.EventStream(listener, since=since, replay=replay)
        loop = asyncio.get_running_loop()
        arrived: asyncio.Queue[Event] = asyncio.Queue()

        def deliver(event: Event) -> None:
            event.session = self
            loop.call_soon_threadsafe(arrived.put_nowait, event)

        for kind in kinds or ("*",):
            stream.on(kind, deliver)
        await asyncio.to_thread(stream.start)
        try:
            while True:
                yield await arrived.get()
        finally:
            await asyncio.to_thread(stream.stop)
            listener.close()

    def _listener_session(self) -> Any:
        """A blocking session (a :class:`~kitsu_models.Kitsu`) with this one's
        host and tokens, for the listener's own thread (its log reads and
        token refreshes): the session layer is this one's sibling."""
        session_module: Any = loaded("kitsu_models.session")
        return session_module.Kitsu(
            self.host, event_host=self._event_host, tokens=self.http.tokens,
            **{key: value for key, value in self._settings.items() if key in ("timeout", "retry", "verify", "cert")},
        )


class _NotHere(Transport):
    """The blocking transport an async session's models would reach: it
    sends nothing, and says what to await instead."""

    def _exchange(self, request: Request) -> Any:
        if request.method == "GET":
            raise errors.LazyLoadError(
                f"{request.route} is not loaded and this session awaits its reads: await the repository's "
                "get/filter/first..., or obj.aprefetch(...)"
            )
        raise errors.InvalidArgumentError(
            f"{request.method} {request.route}: a blocking operation on an async session: await "
            "obj.asave(), obj.adelete(), or the AsyncKitsu method for it"
        )


__all__ = ["AsyncKitsu"]
