"""``gazu.person``: people, departments, organisations, day-offs, time spent and presence.
The table's functions are generated (``gazu/_generated/person.py``); the functions below are written by hand."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from kitsu_models import catalogue as api
from kitsu_models import errors
from kitsu_models.credentials import Secret

from ._calls import LIST, ROW, Ref, Row, call, refs
from ._generated import person as _generated
from ._generated.person import *  # noqa: F403 (the table's functions)
from .client import KitsuClient, default_client


def get_all_month_time_spents(id: Ref, date: datetime.date, client: KitsuClient = default_client) -> list[Row]:  # noqa: A002
    """A person's time spent in the month of ``date`` (a ``datetime.date``)."""
    if not isinstance(date, datetime.date):
        raise errors.InvalidArgumentError(f"date must be a datetime.date, got {type(date).__name__}")
    ids = {"person_id": id, "year": date.year, "month": date.month}
    return call(client, "GET", api.PERSON_MONTH_TIME_SPENTS, ids, result=LIST)


def new_person(
    first_name: str, last_name: str, email: str, phone: str = "", role: str = "user", desktop_login: str = "",
    departments: Sequence[Ref] = [],  # noqa: B006 (the spec's default; never mutated)
    password: str | Secret | None = None, active: bool = True, contract_type: str = "open-ended",
    client: KitsuClient = default_client,
) -> Row:
    """The person (not a bot) with this email, created when there is none (``password`` None: none yet)."""
    password = None if password is None else Secret.of(password)  # from here on, never a plain str in a traceback
    body = {
        "first_name": first_name, "last_name": last_name, "email": email, "phone": phone, "role": role,
        "desktop_login": desktop_login, "departments": refs(departments), "password": password, "active": active,
        "contract_type": contract_type,
    }
    found = get_person_by_email(email, client=client)
    return found if found is not None else call(client, "POST", api.PERSONS, body=body, result=ROW)


def change_password_for_person(person: Ref, password: str | Secret, client: KitsuClient = default_client) -> Row:
    """Set a person's password (sent twice, as the server asks)."""
    password = Secret.of(password)  # from here on, never a plain str in a traceback
    body = {"password": password, "password_2": password}
    return call(client, "POST", api.PERSON_CHANGE_PASSWORD, {"person_id": person}, body=body, result=ROW)


__all__: list[str] = ["change_password_for_person", "get_all_month_time_spents", "new_person"]
__all__ += _generated.__all__
