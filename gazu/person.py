"""``gazu.person``: people, departments, organisations, day-offs, time spent and presence.

The one-call functions are generated (``gazu/_generated/person.py``, from
``compat/functions/person.py``); those below need code of their own.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from kitsu_models import catalogue as api
from kitsu_models import errors
from kitsu_models.credentials import Secret

from ._calls import FIRST, LIST, ROW, Record, Ref, Row, call, record, ref, refs
from ._generated import person as _generated
from ._generated.person import *  # noqa: F403 (the one-call functions)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host


def get_all_month_time_spents(id: Ref, date: datetime.date, client: KitsuClient = default_client) -> list[Row]:  # noqa: A002
    """A person's time spent in the month of ``date`` (a ``datetime.date``)."""
    if not isinstance(date, datetime.date):
        raise errors.InvalidArgumentError(f"date must be a datetime.date, got {type(date).__name__}")
    ids = {"person_id": id, "year": date.year, "month": date.month}
    return call(client, "GET", api.PERSON_MONTH_TIME_SPENTS, ids, result=LIST)


@cache
def get_person_by_full_name(
    full_name: str, first_name: str | None = None, last_name: str | None = None, client: KitsuClient = default_client
) -> Row | None:
    """The person (not a bot) of this full name, or of this first and last name when both are given; or None."""
    both = first_name is not None and last_name is not None
    names = {"first_name": first_name, "last_name": last_name} if both else {"full_name": full_name}
    return call(client, "GET", api.PERSONS, params={**names, "is_bot": "False"}, result=FIRST)


@cache
def get_person_url(person: Ref, client: KitsuClient = default_client) -> str:
    """The person's page in Kitsu's web UI."""
    return f"{get_api_url_from_host(client)}/people/{ref(person, 'person')}/"


@cache
def get_organisation(client: KitsuClient = default_client) -> Row:
    """The studio's organisation (its settings), as the logged-in user sees it."""
    organisation: Row = call(client, "GET", api.AUTHENTICATED, result=ROW)["organisation"]
    return organisation


def new_department(name: str, color: str = "", archived: bool = False, client: KitsuClient = default_client) -> Row:
    """The department named ``name``, created when there is none."""
    found = get_department_by_name(name, client)
    body = {"name": name, "color": color, "archived": archived}
    return found if found is not None else call(client, "POST", api.DEPARTMENTS, body=body, result=ROW)


def new_person(
    first_name: str,
    last_name: str,
    email: str,
    phone: str = "",
    role: str = "user",
    desktop_login: str = "",
    departments: Sequence[Ref] = [],  # noqa: B006 (the spec's default; never mutated)
    password: str | Secret | None = None,
    active: bool = True,
    contract_type: str = "open-ended",
    client: KitsuClient = default_client,
) -> Row:
    """The person (not a bot) with this email, created when there is none;
    ``password`` is sent as given (None: the person has none yet)."""
    password = None if password is None else Secret.of(password)  # from here on, never a plain str in a traceback
    body = {
        "first_name": first_name, "last_name": last_name, "email": email, "phone": phone, "role": role,
        "desktop_login": desktop_login, "departments": refs(departments), "password": password, "active": active,
        "contract_type": contract_type,
    }
    found = get_person_by_email(email, client=client)
    return found if found is not None else call(client, "POST", api.PERSONS, body=body, result=ROW)


def update_person(person: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``person`` (its departments sent as ids; the dict is not changed)."""
    body = record(person)
    if "departments" in body:
        body["departments"] = refs(body["departments"])
    return call(client, "PUT", api.PERSON, {"person_id": person}, body=body, result=ROW)


def update_bot(bot: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of a bot (as :func:`update_person`)."""
    return update_person(bot, client)


def change_password_for_person(person: Ref, password: str | Secret, client: KitsuClient = default_client) -> Row:
    """Set a person's password (sent twice, as the server asks)."""
    password = Secret.of(password)  # from here on, never a plain str in a traceback
    body = {"password": password, "password_2": password}
    return call(client, "POST", api.PERSON_CHANGE_PASSWORD, {"person_id": person}, body=body, result=ROW)


__all__: list[str] = [
    "change_password_for_person", "get_all_month_time_spents", "get_organisation", "get_person_by_full_name",
    "get_person_url", "new_department", "new_person", "update_bot", "update_person",
]
__all__ += _generated.__all__
