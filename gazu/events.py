"""``gazu.events``: gazu's listener API (official gazu 1.3.1's signatures),
on the SDK's event stream: callbacks get the event's data dict, as in
gazu, and a listener that reconnects also gets what it missed, replayed
from the server's event log (``kitsu_models.events.stream``); and the log
of logins."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from kitsu_models import catalogue as api
from kitsu_models.events import EventStream

from ._calls import call, refs
from .client import KitsuClient, default_client, get_event_host
from .helpers import validate_date_format

logger = logging.getLogger("gazu.events")


class EventClient:
    """What :func:`init` returns: used as gazu scripts use python-socketio's
    client (``on(name, handler, namespace)``, ``wait()``, ``disconnect()``,
    ``connected``), over the SDK's stream (``stream``: typed events)."""

    def __init__(self, stream: EventStream) -> None:
        self.stream = stream

    def on(self, event: str, handler: Callable[[dict[str, Any]], object] | None = None,
           namespace: str | None = None) -> Any:
        """Call ``handler(data)`` for each ``event`` event (as a decorator without ``handler``)."""
        def listen(function: Callable[[dict[str, Any]], object]) -> Callable[[dict[str, Any]], object]:
            self.stream.on(event, lambda received: function(received.data))
            return function

        return listen if handler is None else listen(handler)

    def wait(self) -> None:
        """Deliver events until :meth:`disconnect` (it blocks the thread)."""
        self.stream.run()

    def disconnect(self) -> None:
        self.stream.stop()

    stop = disconnect

    @property
    def connected(self) -> bool:
        return self.stream.connected


def init(
    client: KitsuClient = default_client,
    ssl_verify: bool | None = None,
    reconnection: bool = True,
    logger: bool = False,
    **kwargs: Any,
) -> EventClient:
    """Connect to the client's event host (namespace ``/events``); returns
    the event client to add listeners to."""
    options: dict[str, Any] = {"logger": logger, **kwargs}
    if ssl_verify is not None:
        options["ssl_verify"] = ssl_verify
    stream = EventStream(client.kitsu, url=get_event_host(client), reconnecting=reconnection, socket_options=options)
    return EventClient(stream.start())


def add_listener(
    event_client: EventClient, event_name: str, event_handler: Callable[[dict[str, Any]], object]
) -> EventClient:
    """Call ``event_handler(data)`` for each ``event_name`` event."""
    event_client.on(event_name, event_handler, "/events")
    return event_client


def run_client(event_client: EventClient) -> EventClient:
    """Deliver events until the client is stopped (it blocks the thread)."""
    event_client.wait()
    return event_client


def connect_error(data: Any) -> Any:
    """What gazu calls when a connection fails: logs ``data``, returns it."""
    logger.error("The connection failed! %s", data)
    return data


def get_last_login_logs(
    after: str | None = None,
    before: str | None = None,
    limit: int = 100,
    cursor_login_log_id: str | None = None,
    person_ids: Sequence[Any] | None = None,
    client: KitsuClient = default_client,
) -> Any:
    """The latest logins (newest first), between ``after`` and ``before``
    (YYYY-MM-DD[THH:MM:SS], checked before sending), of some people."""
    params = {
        "limit": limit, "after": None if after is None else validate_date_format(after),
        "before": None if before is None else validate_date_format(before),
        "cursor_login_log_id": cursor_login_log_id, "person_ids": refs(person_ids, "person") or None,
    }
    return call(client, "GET", api.LAST_LOGIN_LOGS, params=params)


__all__ = ["add_listener", "connect_error", "get_last_login_logs", "init", "run_client"]
