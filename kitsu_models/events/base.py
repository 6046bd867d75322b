"""What every event is: its name, the time it was received, the server's
data, its ids as attributes, and subjects that load through the session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar, overload

from .. import errors
from ..orm.base import KitsuModel
from ..orm.session_api import Session

M = TypeVar("M", bound=KitsuModel)


class Event:
    """An event of the stream. ``data`` is the server's payload as sent;
    each id the spec names is an attribute (``event.task_id``).

    ``replayed`` is True for an event read from the server's event log after
    a disconnection (``log_id`` is then its id in that log)."""

    name: ClassVar[str] = ""
    keys: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        data: Mapping[str, Any],
        session: Session | None = None,
        *,
        received_at: dt.datetime | None = None,
        replayed: bool = False,
        log_id: str | None = None,
    ) -> None:
        self.data: dict[str, Any] = dict(data)
        self.session = session
        self.received_at: dt.datetime = received_at or dt.datetime.now(dt.timezone.utc)
        self.replayed = replayed
        self.log_id = log_id
        project = self.data.get("project_id")
        self.project_id: str | None = str(project) if project else None
        for key in self.keys:
            value = self.data.get(key)
            setattr(self, key, "" if value is None else str(value))

    @property
    def event_name(self) -> str:
        return self.name

    def __repr__(self) -> str:
        ids = ", ".join(f"{key}={getattr(self, key)!r}" for key in self.keys)
        return f"{type(self).__name__}({ids}{', replayed' if self.replayed else ''})"


class GenericEvent(Event):
    """An event whose name this SDK does not know (a newer server's): kept,
    with its name and data, never dropped."""

    def __init__(self, event_name: str, data: Mapping[str, Any], session: Session | None = None, **kwargs: Any) -> None:
        super().__init__(data, session, **kwargs)
        self._name = event_name

    @property
    def event_name(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return f"GenericEvent({self._name!r}, {self.data!r})"


class Subject(Generic[M]):
    """``event.task``: the model an id of the event names, loaded through
    the event's session (the identity map first). A subject deleted since
    raises :class:`errors.ModelNotFoundError`."""

    def __init__(self, model: type[M], key: str) -> None:
        self.model = model
        self.key = key

    @overload
    def __get__(self, event: None, owner: type[Event]) -> Subject[M]: ...
    @overload
    def __get__(self, event: Event, owner: type[Event]) -> M: ...

    def __get__(self, event: Event | None, owner: type[Event]) -> Subject[M] | M:
        if event is None:
            return self
        if event.session is None:
            raise errors.InvalidArgumentError(f"{type(event).__name__} has no session to load its {self.key} from")
        item = self.model.__route__.item
        # A record under its parents (a budget under its project) is read with their ids from the event.
        within = {name: getattr(event, name, None) or event.data.get(name)
                  for name in (item.placeholders[:-1] if item is not None else ())}
        return event.session.repository(self.model).get(getattr(event, self.key), **within)


class Record(Generic[M]):
    """``event.message``: the record an event's data is (a chat message, an
    entity link), as a model merged into the event's session; with no
    session, a detached model."""

    def __init__(self, model: type[M]) -> None:
        self.model = model

    @overload
    def __get__(self, event: None, owner: type[Event]) -> Record[M]: ...
    @overload
    def __get__(self, event: Event, owner: type[Event]) -> M: ...

    def __get__(self, event: Event | None, owner: type[Event]) -> Record[M] | M:
        if event is None:
            return self
        if event.session is None:
            return self.model.model_validate(event.data)
        return event.session.repository(self.model).materialize([event.data])[0]
