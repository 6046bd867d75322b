"""``gazu.events``: gazu 1.3.1's listener API on the SDK's event stream (callbacks get the event's data
dict; a listener that reconnects also gets what it missed, from the event log), and the log of logins."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kitsu_models.events import EventStream

from ._generated import events as _generated
from ._generated.events import *  # noqa: F403 (the table's functions)
from .client import KitsuClient, default_client, get_event_host

logger = logging.getLogger("gazu.events")
#: A listener: called with each event's data.
Handler = Callable[[dict[str, Any]], object]


class EventClient:
    """What :func:`init` returns: python-socketio's client as gazu uses it, over the SDK's ``stream``."""

    def __init__(self, stream: EventStream) -> None:
        self.stream = stream

    def on(self, event: str, handler: Handler | None = None, namespace: str | None = None) -> Any:
        """Call ``handler(data)`` for each ``event`` event (as a decorator without ``handler``)."""
        def listen(function: Handler) -> Handler:
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
    client: KitsuClient = default_client, ssl_verify: bool | None = None, reconnection: bool = True,
    logger: bool = False, **kwargs: Any,
) -> EventClient:
    """Connect to the client's event host (namespace ``/events``); returns the event client to listen on."""
    options: dict[str, Any] = {"logger": logger, **kwargs}
    if ssl_verify is not None:
        options["ssl_verify"] = ssl_verify
    stream = EventStream(client.kitsu, url=get_event_host(client), reconnecting=reconnection, socket_options=options)
    return EventClient(stream.start())


def add_listener(event_client: EventClient, event_name: str, event_handler: Handler) -> EventClient:
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


__all__: list[str] = ["add_listener", "connect_error", "init", "run_client"]
__all__ += _generated.__all__
