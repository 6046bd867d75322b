"""The event listener: socket.io on the event stream, typed events, and no
gaps across reconnections.

Three threads, none of them the caller's:

- the **connector** keeps a socket.io connection to ``<event host>/events``
  (python-socketio, imported only when a stream starts). When it drops it
  waits with jittered backoff, refreshes the access token, reconnects, and
  reads what it missed from the server's event log (``data/events/last``,
  ``after`` the last logged event it knows, paged by 1,000);
- socket.io's own read thread only puts what arrives into a queue, in the
  order it arrives;
- the **dispatcher** takes events from the queue, in order, and calls the
  callbacks. A slow or failing callback never blocks the socket; one that
  raises is logged and the stream goes on.

Exactly once, in order: each event delivered live is remembered (name and
data) until the log shows it; a log entry already delivered live is
skipped. While the log is read, live events are held; after the read the
listener waits ``settle`` seconds, so that an event the log already holds
but the socket is still carrying arrives too (the server publishes an
event a moment before it logs it). A held event the log holds is delivered
once, at its place in the log; the log's other entries are delivered as
``event.replayed``; then the held events the log did not have yet. The log
has one-second timestamps, so the replay reads from the second of its
cursor and skips the log ids it has seen. Events are matched by name and
data, so of two events with the same name and data (the same task updated
twice) around a read, one may be delivered at the other's place; each is
still delivered once. Every ``checkpoint`` seconds the log is read the
same way while connected, which bounds what is remembered and catches an
event the socket lost silently. Events the server does not log
(``catalog.NOT_LOGGED``) cannot be replayed; reading the log needs a
manager's rights, so a listener logged in as an artist gets live events
only (a warning says so).
"""

from __future__ import annotations

import collections
import datetime as dt
import importlib
import json
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, overload

import requests

from .. import errors
from ..catalogue import LAST_EVENTS
from ..orm.session_api import Session
from ..policy import RetryPolicy
from .base import Event, GenericEvent, Subject
from .catalog import NOT_LOGGED
from .classes import EVENT_CLASSES

logger: logging.Logger = logging.getLogger("kitsu_models.events")
E = TypeVar("E", bound=Event)
Callback = Callable[[Any], object]
_STOP = object()
#: Entries per read of the event log (the server's maximum).
LOG_PAGE = 1000


def event_of(name: str, data: Mapping[str, Any], session: Session | None, **kwargs: Any) -> Event:
    """The typed event for ``name`` (a :class:`GenericEvent` for a name the
    catalog does not know)."""
    cls = EVENT_CLASSES.get(name)
    if cls is None:
        return GenericEvent(name, data, session, **kwargs)
    return cls(data, session, **kwargs)


def _key(name: str, data: Mapping[str, Any]) -> str:
    """What identifies an event across the socket and the log."""
    return name + json.dumps({k: v for k, v in data.items() if k != "id"}, sort_keys=True, default=str)


def _logged(entry: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The name and data of an entry of the event log."""
    return str(entry.get("name")), dict(entry.get("data") or {})


def _http_session(session: Session, url: str) -> requests.Session:
    """The HTTP session socket.io connects through, verifying TLS as the
    API's transport does: its ``verify`` (a CA bundle's path, or False)
    wins over ``REQUESTS_CA_BUNDLE``, its client certificate is sent, and
    the environment's proxies are kept."""
    http = requests.Session()
    http.trust_env = False  # else REQUESTS_CA_BUNDLE would replace a given bundle, or False
    verify = session.transport.verify
    # verify=True: the default CAs, or the environment's bundle, as for the API
    http.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True if verify is True else verify
    http.cert = session.transport.cert
    http.proxies = requests.utils.get_environ_proxies(url)
    return http


def _parse_cursor(since: str | dt.datetime) -> tuple[str, dict[str, str]]:
    """A ``since`` as the log position to start from: a cursor
    (``"<time> <id>,<id>"``, as :attr:`EventStream.cursor` gives), an ISO
    time or a datetime (UTC when naive), to the second."""
    if isinstance(since, dt.datetime):
        moment = since.astimezone(dt.timezone.utc).replace(tzinfo=None) if since.tzinfo else since
        return moment.isoformat(timespec="seconds"), {}
    if not isinstance(since, str):
        raise errors.InvalidArgumentError(f"since must be a datetime, an ISO time or a cursor, got {since!r:.80}")
    text, _, ids = since.strip().partition(" ")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise errors.InvalidArgumentError(f"since must be a datetime, an ISO time or a cursor, got {since!r:.80}") from None
    cursor = (moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment).isoformat(timespec="seconds")
    return cursor, {key: cursor for key in ids.split(",") if key}


def _read_messages_in_order(client: Any) -> None:
    """Have socket.io hand each message to :meth:`EventStream._received` on
    its read thread, in the order they arrive. (engine.io starts a thread per
    message, which can reorder two close events; ``_received`` only queues,
    so the read thread is never held up.)"""
    engine = client.eio
    start = engine.start_background_task

    def start_task(target: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if getattr(target, "__func__", None) is type(client)._handle_eio_message:
            target(*args, **kwargs)
            return None
        return start(target, *args, **kwargs)

    engine.start_background_task = start_task


class EventStream:
    """``kitsu.events``: subscribe, then run (blocking), start (background)
    or iterate::

        stream = kitsu.events
        stream.on(TaskStatusChanged, lambda event: print(event.task.task_status.name))
        stream.on("shot:*", on_shot)          # every shot event
        stream.start()                       # ... stream.stop()

    ``live_models``: ``*:update`` events reload the objects already loaded
    in the session, ``*:delete`` events mark them deleted (and forget them).

    A listener delivers what happens once it is connected, nothing logged
    before. A daemon that resumes passes ``since``: a time (a datetime, or
    ISO text: the entries logged from that second on are replayed) or the
    :attr:`cursor` a listener had reached (exactly the entries after it).
    """

    def __init__(
        self,
        session: Session,
        *,
        replay: bool = True,
        live_models: bool = False,
        checkpoint: float = 30.0,
        settle: float = 0.25,
        reconnect: RetryPolicy | None = None,
        reconnecting: bool = True,
        url: str | None = None,
        socket_options: Mapping[str, Any] | None = None,
        since: str | dt.datetime | None = None,
    ) -> None:
        self.session = session
        self.replay = replay
        self.live_models = live_models
        self.checkpoint = checkpoint
        #: Seconds to wait after reading the log for the live events the
        #: socket is still carrying (see the module's docstring).
        self.settle = settle
        self.reconnect: RetryPolicy = reconnect or RetryPolicy(backoff=0.5, max_backoff=15.0)
        self.reconnecting = reconnecting
        self.url = url
        #: Options of ``socketio.Client`` (``ssl_verify``, ``logger``...).
        self.socket_options: dict[str, Any] = dict(socket_options or {})
        self._subscriptions: list[tuple[str, Callback]] = []
        self._queue: queue.Queue[Any] = queue.Queue()
        self._iterators: list[queue.Queue[Any]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._dropped = threading.Event()
        self._threads: list[threading.Thread] = []
        self._client: Any = None
        self._replaying = False
        self._held: list[tuple[str, dict[str, Any]]] = []
        self._live: collections.Counter[str] = collections.Counter()
        self._cursor: str | None = None
        self._seen_ids: dict[str, str] = {}
        self._can_replay = replay
        if since is not None:
            self._cursor, self._seen_ids = _parse_cursor(since)
        #: Figures of this stream: events delivered live and replayed,
        #: reconnections, callbacks that raised.
        self.stats: collections.Counter[str] = collections.Counter()

    # ---------------------------------------------------------- subscribing
    @overload
    def on(self, kind: type[E], callback: Callable[[E], object]) -> Callable[[], None]: ...
    @overload
    def on(self, kind: str, callback: Callable[[Event], object]) -> Callable[[], None]: ...

    def on(self, kind: type[Event] | str, callback: Callable[[Any], object]) -> Callable[[], None]:
        """Call ``callback(event)`` for events of ``kind``: an event class,
        an event name (``"task:new"``), every event of an entity
        (``"task:*"``) or ``"*"``. Returns a function that unsubscribes."""
        if not callable(callback):
            raise errors.InvalidArgumentError(f"callback must be callable, got {callback!r}")
        if isinstance(kind, type) and issubclass(kind, Event) and kind.name:
            pattern = kind.name
        elif isinstance(kind, str) and kind and (kind == "*" or ":" in kind):
            pattern = kind
        else:
            raise errors.InvalidArgumentError(f"subscribe to an event class, 'entity:action', 'entity:*' or '*', got {kind!r}")
        entry = (pattern, callback)
        with self._lock:
            self._subscriptions.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._subscriptions:
                    self._subscriptions.remove(entry)

        return unsubscribe

    # -------------------------------------------------------------- running
    def start(self) -> EventStream:
        """Connect and deliver in background threads; returns once connected
        (or raises the connection's error)."""
        if self._threads:
            raise errors.InvalidArgumentError("this event stream is already running")
        self._stopping.clear()
        self._queue = queue.Queue()  # nothing left from an earlier run
        first: queue.Queue[BaseException | None] = queue.Queue()
        connector = threading.Thread(target=self._connect_loop, args=(first,), name="kitsu-events-connector", daemon=True)
        dispatcher = threading.Thread(target=self._dispatch_loop, name="kitsu-events-dispatcher", daemon=True)
        self._threads = [connector, dispatcher]
        dispatcher.start()
        connector.start()
        failure = first.get()
        if failure is not None:
            self.stop()
            raise failure
        return self

    def run(self) -> None:
        """Connect (unless started already) and deliver until :meth:`stop`
        (from a callback or another thread) or Ctrl-C."""
        if not self._threads:
            self.start()
        try:
            while not self._stopping.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self, timeout: float = 10.0) -> None:
        """Disconnect and end the threads (none is left running)."""
        self._stopping.set()
        self._dropped.set()
        client = self._client
        if client is not None:
            try:
                client.disconnect()
            except Exception:  # noqa: BLE001 (already gone: nothing to undo)
                logger.debug("disconnect failed", exc_info=True)
        self._queue.put(_STOP)
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)
        self._threads = []
        for waiting in list(self._iterators):
            waiting.put(_STOP)

    def __iter__(self) -> Iterator[Event]:
        """Every event, as it is delivered (starts the stream if needed;
        ends when the stream stops)."""
        mine: queue.Queue[Any] = queue.Queue()
        with self._lock:
            self._iterators.append(mine)
        try:
            if not self._threads:
                self.start()
            while True:
                item = mine.get()
                if item is _STOP:
                    return
                yield item
        finally:
            with self._lock:
                self._iterators.remove(mine)

    def __enter__(self) -> EventStream:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def connected(self) -> bool:
        client = self._client
        return client is not None and bool(client.connected) and not self._dropped.is_set()

    # ----------------------------------------------------------- connecting
    def _connect_loop(self, first: queue.Queue[BaseException | None]) -> None:
        attempt = 0
        announced = False
        while not self._stopping.is_set():
            try:
                if announced:
                    self.session.transport.refresh_access_token()
                self._open()
                if self._cursor is None and not announced:
                    self._begin_now()
                else:
                    self._catch_up()
            except Exception as exc:  # noqa: BLE001 (reported to start(), or retried)
                self._close()
                if not announced:
                    first.put(exc)
                    return
                attempt += 1
                delay = self.reconnect.delay(min(attempt, 30))
                logger.warning("event stream: reconnecting in %.1f s (%s)", delay, type(exc).__name__)
                self._stopping.wait(delay)
                continue
            if not announced:
                announced = True
                first.put(None)
            attempt = 0
            self._watch()
            self._close()
            if not self.reconnecting:
                self._stopping.set()
                self._queue.put(_STOP)
            elif not self._stopping.is_set():
                self.stats["reconnections"] += 1
                self._stopping.wait(self.reconnect.delay(1))

    def _open(self) -> None:
        socketio = importlib.import_module("socketio")
        url = self.url or self.session.event_host
        options = {"logger": False, "engineio_logger": False, "http_session": _http_session(self.session, url),
                   "ssl_verify": self.session.transport.verify is not False,
                   **self.socket_options, "reconnection": False}  # reconnections are this class's job
        client = socketio.Client(**options)
        _read_messages_in_order(client)
        client.on("*", self._received, namespace="/events")
        client.on("disconnect", self._on_drop, namespace="/events")
        tokens = self.session.transport.tokens
        if tokens is None:
            raise errors.InvalidArgumentError("log in before listening to events")
        self._replaying = True
        self._dropped.clear()
        self._client = client
        try:
            client.connect(url, namespaces=["/events"], auth={"token": tokens.access.reveal()}, wait_timeout=10)
        except Exception as exc:  # noqa: BLE001 (socket.io's own errors: one of the SDK's instead)
            failure = errors.ConnectError("GET", "/events", f"the event stream did not connect ({type(exc).__name__}: {exc})")
        else:
            return
        raise failure  # outside the handler: no chain holds socket.io's state

    def _on_drop(self, *reason: Any) -> None:
        """socket.io's thread: the connection is gone."""
        self._dropped.set()

    def _watch(self) -> None:
        """Wait while connected, reading the log every ``checkpoint`` s."""
        while not self._stopping.is_set():
            if self._dropped.wait(self.checkpoint) or self._stopping.is_set():
                return
            try:
                self._catch_up()
            except errors.KitsuError:
                logger.warning("event stream: reading the event log failed", exc_info=True)

    def _close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.disconnect()
            except Exception:  # noqa: BLE001
                logger.debug("disconnect failed", exc_info=True)

    # ------------------------------------------------------------- receiving
    def _received(self, name: str, data: Any = None) -> None:
        """socket.io's thread: queue the event, nothing more."""
        payload = dict(data) if isinstance(data, Mapping) else {"value": data}
        with self._lock:
            if self._replaying:
                self._held.append((name, payload))
                return
            self._deliver_live(name, payload)
        # Hand the interpreter to the dispatcher now, rather than when this
        # thread next waits on the socket: the callback starts at once.
        time.sleep(0)

    def _deliver_live(self, name: str, payload: dict[str, Any]) -> None:
        if name not in NOT_LOGGED and self._can_replay:
            self._live[_key(name, payload)] += 1
        self.stats["live"] += 1
        self._queue.put(event_of(name, payload, self.session))

    def _begin_now(self) -> None:
        """The first connection without ``since``: the cursor is the log's
        newest entry, and the entries of its last second are read as a
        catch-up that replays none of them (they were logged before this
        listener started); live events held meanwhile are delivered."""
        if not self._can_replay:
            self._release_held()
            return
        try:
            newest = self.session.transport.get(LAST_EVENTS.fill(), {"limit": 1})
        except errors.PermissionDeniedError:
            self._no_replay()
            self._release_held()
            return
        if isinstance(newest, list) and newest and isinstance(newest[0], Mapping) and "created_at" in newest[0]:
            self._cursor = str(newest[0]["created_at"])
            self._catch_up(replay=False)
        else:
            self._release_held()

    @property
    def cursor(self) -> str | None:
        """Where this listener is in the server's event log: pass it as
        ``since`` to a later listener to deliver exactly what came after."""
        if self._cursor is None:
            return None
        start = (dt.datetime.fromisoformat(self._cursor) - dt.timedelta(seconds=1)).isoformat(timespec="seconds")
        seen = sorted(key for key, created in self._seen_ids.items() if created > start)
        return f"{self._cursor} {','.join(seen)}".strip()

    def _catch_up(self, replay: bool = True) -> None:
        """Deliver the logged events after the cursor that were not
        delivered live, in the log's order (or, without ``replay``, skip
        them), then what arrived meanwhile."""
        with self._lock:
            self._replaying = True
        try:
            missed = self._missed()
            if self.settle > 0 and self._not_delivered_live(missed):
                self._stopping.wait(self.settle)
            with self._lock:
                waiting: dict[str, collections.deque[dict[str, Any]]] = collections.defaultdict(collections.deque)
                for name, payload in self._held:
                    waiting[_key(name, payload)].append(payload)
                for entry in missed:
                    self._deliver_logged(entry, waiting, replay)
                left = {id(payload) for payloads in waiting.values() for payload in payloads}
                self._held = [(name, payload) for name, payload in self._held if id(payload) in left]
        finally:
            self._release_held()

    def _not_delivered_live(self, entries: list[dict[str, Any]]) -> bool:
        """Whether some of these log entries were not delivered live (yet)."""
        logged = collections.Counter(_key(*_logged(entry)) for entry in entries)
        with self._lock:
            return bool(logged - self._live)

    def _deliver_logged(
        self, entry: Mapping[str, Any], waiting: Mapping[str, collections.deque[dict[str, Any]]], replay: bool
    ) -> None:
        """One log entry (under the lock): skipped if delivered live before,
        delivered now if it is one of the held live events (``waiting``),
        else replayed (skipped without ``replay``)."""
        name, data = _logged(entry)
        key = _key(name, data)
        if self._live[key] > 0:
            self._live[key] -= 1
            if not self._live[key]:
                del self._live[key]
        elif waiting.get(key):
            self.stats["live"] += 1
            self._queue.put(event_of(name, waiting[key].popleft(), self.session))
        elif replay:
            self.stats["replayed"] += 1
            self._queue.put(event_of(name, data, self.session, replayed=True, log_id=str(entry.get("id"))))

    def _release_held(self) -> None:
        """End a replay: deliver the live events that arrived during it."""
        with self._lock:
            held, self._held, self._replaying = self._held, [], False
            for name, payload in held:
                self._deliver_live(name, payload)

    def _missed(self) -> list[dict[str, Any]]:
        """The log entries after the cursor not seen yet, oldest first (the
        cursor's own second is read again: the log's times are to the second)."""
        if not self._can_replay:
            return []
        params: dict[str, Any] = {"limit": LOG_PAGE}
        if self._cursor is not None:
            since = dt.datetime.fromisoformat(self._cursor) - dt.timedelta(seconds=1)
            params["after"] = since.isoformat(timespec="seconds")
        pages: list[dict[str, Any]] = []
        try:
            while True:
                page = self.session.transport.get(LAST_EVENTS.fill(), params)
                if not isinstance(page, list):
                    raise errors.UnexpectedAnswerError("GET", LAST_EVENTS.template, 200, "expected a list", str(page)[:80])
                pages += page
                if len(page) < LOG_PAGE:
                    break
                params = {**params, "cursor_event_id": page[-1]["id"]}
        except errors.PermissionDeniedError:
            self._no_replay()
            return []
        fresh = [entry for entry in reversed(pages) if str(entry.get("id")) not in self._seen_ids]
        if pages:
            self._cursor = str(pages[0]["created_at"])
            floor = (dt.datetime.fromisoformat(self._cursor) - dt.timedelta(seconds=2)).isoformat(timespec="seconds")
            self._seen_ids = {str(e["id"]): str(e["created_at"]) for e in pages if str(e["created_at"]) >= floor}
        return fresh

    def _no_replay(self) -> None:
        if self._can_replay:
            logger.warning("event stream: this user may not read the event log: live events only, no replay")
        self._can_replay = False
        self._live.clear()

    # ------------------------------------------------------------ delivering
    def _dispatch_loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            self._dispatch(item)

    def _dispatch(self, event: Event) -> None:
        if self.live_models:
            self._apply_to_models(event)
        name = event.event_name
        entity = name.split(":", 1)[0] + ":*"
        with self._lock:
            callbacks = [cb for pattern, cb in self._subscriptions if pattern in (name, entity, "*")]
            waiting = list(self._iterators)
        for callback in callbacks:
            try:
                callback(event)
            except Exception:  # noqa: BLE001 (a callback's error must not end the stream)
                self.stats["callback_errors"] += 1
                logger.exception("event stream: a callback for %s raised", name)
        for mine in waiting:
            mine.put(event)

    def _apply_to_models(self, event: Event) -> None:
        """``live_models``: refresh (or mark stale) a loaded object an
        ``:update`` event names; mark deleted the one a ``:delete`` names."""
        action = event.event_name.rsplit(":", 1)[-1]
        for key in event.keys:
            subject = getattr(type(event), key[:-3], None)
            if not isinstance(subject, Subject):
                continue
            model = subject.model
            loaded = self.session.identity.get(model, getattr(event, key))
            if loaded is None:
                continue
            try:
                if action == "delete":
                    self.session.identity.evict(loaded)
                    loaded.mark_deleted()
                elif action == "update":
                    self.session.repository(model).refresh(loaded)
            except errors.KitsuError:
                logger.warning("event stream: could not refresh %r", loaded, exc_info=True)
