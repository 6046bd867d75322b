"""What the server records: LoggedEvent (its event log), LoginLog,
DesktopLoginLog, DataImportError."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from .. import catalogue as api
from ..orm.base import Id, KitsuModel
from ..orm.relations import MaybeToOne, ToOne
from ..routes import Route
from . import people, production


class LoggedEvent(KitsuModel):
    """An event of the server's event log (what the live stream sent, kept:
    :mod:`kitsu_models.events` replays them typed)."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("name",)
    __route__: ClassVar[Route] = Route(api.LOGGED_EVENTS, api.LOGGED_EVENT)

    name: str
    user_id: Id | None = None
    project_id: Id | None = None
    data: dict[str, Any] | None = None

    user: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "user_id", init=False)
    project: MaybeToOne[production.Project] = MaybeToOne(lambda: production.Project, "project_id", init=False)


class LoginLog(KitsuModel):
    """A login: who, from where (``origin``: web, script...)."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("origin", "created_at")
    __route__: ClassVar[Route] = Route(api.LAST_LOGIN_LOGS, paged=False)

    person_id: Id
    ip_address: str | None = None
    origin: str | None = None

    person: ToOne[people.Person] = ToOne(lambda: people.Person, "person_id", init=False)


class DesktopLoginLog(KitsuModel):
    """A log-in to a workstation a person recorded (for timesheets)."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("date",)
    __route__: ClassVar[Route] = Route(create=api.PERSON_DESKTOP_LOGINS, create_fields=("date",))

    person_id: Id
    date: dt.datetime

    person: ToOne[people.Person] = ToOne(lambda: people.Person, "person_id", init=False)


class DataImportError(KitsuModel):
    """An event of a ShotGrid import the server could not apply, kept with
    its data to retry."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("source",)
    __route__: ClassVar[Route] = Route(api.IMPORT_ERRORS, delete=api.IMPORT_ERROR)

    event_data: dict[str, Any]
    source: Literal["csv", "shotgun"] | None = None
