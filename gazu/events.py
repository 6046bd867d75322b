"""``gazu.events``: gazu's listener API (official gazu 1.3.1's signatures),
on the SDK's event stream: callbacks get the event's data dict, as in
gazu, and a listener that reconnects also gets what it missed, replayed
from the server's event log (``kitsu_models.events.stream``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kitsu_models.events import EventStream

from .client import KitsuClient, default_client, get_event_host


def init(
    client: KitsuClient = default_client,
    ssl_verify: bool | None = None,
    reconnection: bool = True,
    logger: bool = False,
    **kwargs: Any,
) -> EventStream:
    """Connect to the client's event host (namespace ``/events``); returns
    the event client to add listeners to."""
    options: dict[str, Any] = {"logger": logger, **kwargs}
    if ssl_verify is not None:
        options["ssl_verify"] = ssl_verify
    stream = EventStream(client.kitsu, url=get_event_host(client), reconnecting=reconnection, socket_options=options)
    return stream.start()


def add_listener(event_client: EventStream, event_name: str, event_handler: Callable[[dict[str, Any]], object]) -> EventStream:
    """Call ``event_handler(data)`` for each ``event_name`` event."""
    event_client.on(event_name, lambda event: event_handler(event.data))
    return event_client


def run_client(event_client: EventStream) -> EventStream:
    """Deliver events until the client is stopped (it blocks the thread)."""
    event_client.run()
    return event_client
