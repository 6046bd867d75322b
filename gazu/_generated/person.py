"""``gazu.person``'s table-made functions. Generated from ``compat/functions/person.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api
from kitsu_models.streaming import ProgressCallback, StrPath

from .. import client as gazu_client
from .._calls import BY_NAME, FIRST, LIST, ROW, Record, Ref, Row, TEXT, call, fields, flag, record, ref, refs, upload
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import person as gazu_person
else:
    gazu_person = Late("gazu.person")

__all__ = [
    "get_organisation", "get_person_by_full_name", "get_person_url", "new_department", "update_person", "update_bot",
    "all_organisations", "all_departments", "all_persons", "get_time_spents_range", "get_department_by_name",
    "get_department", "get_person", "get_person_by_desktop_login", "get_person_by_email", "update_department",
    "remove_department", "remove_person", "new_bot", "remove_bot", "set_avatar", "get_presence_log", "invite_person",
    "get_time_spents_by_date", "get_week_time_spents", "get_year_time_spents", "get_day_offs", "get_week_day_offs",
    "get_month_day_offs", "get_year_day_offs", "get_day_off", "new_day_off", "update_day_off", "remove_day_off",
    "add_person_to_department", "remove_person_from_department", "disable_two_factor_authentication",
    "clear_person_avatar",
]


@cache
def get_organisation(client: KitsuClient = default_client) -> Row:
    """The studio's organisation (its settings), as the user sees it."""
    answer = call(client, "GET", api.AUTHENTICATED, result=ROW)
    returned: Row = answer["organisation"]
    return returned


@cache
def get_person_by_full_name(
    full_name: str, first_name: str | None = None, last_name: str | None = None, client: KitsuClient = default_client,
) -> Row | None:
    """The person (not a bot) of this full name, or of this first and last name when both are given; or None."""
    return call(
        client, "GET", api.PERSONS,
        params={
            "first_name": first_name if last_name is not None else None,
            "last_name": last_name if first_name is not None else None,
            "full_name": full_name if first_name is None or last_name is None else None, "is_bot": "False",
        },
        result=FIRST,
    )


@cache
def get_person_url(person: Ref, client: KitsuClient = default_client) -> str:
    """The person's page in Kitsu's web UI."""
    return f"{gazu_client.get_api_url_from_host(client)}/people/{ref(person, 'person')}/"


def new_department(name: str, color: str = "", archived: bool = False, client: KitsuClient = default_client) -> Row:
    """The department named ``name``, created when there is none."""
    body = {"name": name, "color": color, "archived": archived}
    found = gazu_person.get_department_by_name(name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.DEPARTMENTS, body=body, result=ROW)


def update_person(person: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``person`` (its departments sent as ids; the dict is not changed)."""
    return call(client, "PUT", api.PERSON, {"person_id": person}, body=record(person, ["departments"]), result=ROW)


def update_bot(bot: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of a bot (as ``update_person``)."""
    return gazu_person.update_person(bot, client=client)


@cache
def all_organisations(client: KitsuClient = default_client) -> list[Row]:
    """Every organisation, by name."""
    return call(client, "GET", api.ORGANISATIONS, result=BY_NAME)


@cache
def all_departments(client: KitsuClient = default_client) -> list[Row]:
    """Every department, by name."""
    return call(client, "GET", api.DEPARTMENTS, result=BY_NAME)


@cache
def all_persons(client: KitsuClient = default_client) -> list[Row]:
    """Every person, by name."""
    return call(client, "GET", api.PERSONS, result=BY_NAME)


@cache
def get_time_spents_range(
    person_id: Ref, start_date: str, end_date: str, client: KitsuClient = default_client,
) -> list[Row]:
    """A person's time spent from ``start_date`` to ``end_date`` (YYYY-MM-DD)."""
    return call(
        client, "GET", api.PERSON_TIME_SPENTS, {"person_id": person_id},
        params={"start_date": start_date, "end_date": end_date}, result=LIST,
    )


@cache
def get_department_by_name(name: str, client: KitsuClient = default_client) -> Row | None:
    """The department named ``name``, or None."""
    return call(client, "GET", api.DEPARTMENTS, params={"name": name}, result=FIRST)


@cache
def get_department(department_id: Ref, client: KitsuClient = default_client) -> Row:
    """A department's record."""
    return call(client, "GET", api.DEPARTMENT, {"department_id": department_id}, result=ROW)


@cache
def get_person(id: Ref, relations: bool = False, client: KitsuClient = default_client) -> Row | None:
    """The person of this id (with their relations when asked), or None: a list query, as gazu sends it."""
    return call(client, "GET", api.PERSONS, params={"id": ref(id), "relations": flag(relations)}, result=FIRST)


@cache
def get_person_by_desktop_login(desktop_login: str, client: KitsuClient = default_client) -> Row | None:
    """The person (not a bot) of this desktop login, or None."""
    return call(client, "GET", api.PERSONS, params={"desktop_login": desktop_login, "is_bot": "False"}, result=FIRST)


@cache
def get_person_by_email(email: str, is_bot: bool = False, client: KitsuClient = default_client) -> Row | None:
    """The person (the bot with ``is_bot``) of this email, or None."""
    return call(client, "GET", api.PERSONS, params={"email": email, "is_bot": str(bool(is_bot))}, result=FIRST)


def update_department(department: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``department``."""
    return call(client, "PUT", api.DEPARTMENT, {"department_id": department}, body=record(department), result=ROW)


def remove_department(department: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a department."""
    return call(
        client, "DELETE", api.DEPARTMENT, {"department_id": department}, params={"force": flag(force)}, result=TEXT,
    )


def remove_person(person: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a person."""
    return call(client, "DELETE", api.PERSON, {"person_id": person}, params={"force": flag(force)}, result=TEXT)


def new_bot(
    name: str, email: str, role: str = "user", departments: Sequence[Ref] | None = None, active: bool = True,
    expiration_date: str | None = None, client: KitsuClient = default_client,
) -> Row:
    """Create a bot (always: no lookup); its access token is in the answer."""
    return call(
        client, "POST", api.PERSONS,
        body={
            "first_name": name, "last_name": "", "email": email, "role": role, "departments": refs(departments),
            "active": active, "expiration_date": expiration_date, "is_bot": True,
        },
        result=ROW,
    )


def remove_bot(bot: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a bot."""
    return call(client, "DELETE", api.PERSON, {"person_id": bot}, params={"force": flag(force)}, result=TEXT)


def set_avatar(
    person: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Upload a picture as the person's avatar."""
    return upload(client, api.PERSON_AVATAR, {"person_id": person}, [file_path], progress=progress_callback)


def get_presence_log(year: int, month: int, client: KitsuClient = default_client) -> str:
    """The month's presence log, as the CSV text the server sends (a month outside 1-12 is refused)."""
    return call(client, "GET", api.PRESENCE_LOG, {"year": year, "month": month}, result=TEXT)


def invite_person(person: Ref, client: KitsuClient = default_client) -> Any:
    """Email a person an invitation to Kitsu."""
    return call(client, "GET", api.PERSON_INVITE, {"person_id": person})


@cache
def get_time_spents_by_date(person: Ref, date: str, client: KitsuClient = default_client) -> list[Row]:
    """A person's time spent on a day (YYYY-MM-DD)."""
    return call(client, "GET", api.PERSON_DAY_TIME_SPENTS, {"person_id": person, "date": date}, result=LIST)


@cache
def get_week_time_spents(person: Ref, year: int, week: int, client: KitsuClient = default_client) -> Any:
    """A person's time spent in a week."""
    return call(client, "GET", api.PERSON_WEEK_TIME_SPENTS, {"person_id": person, "year": year, "week": week})


@cache
def get_year_time_spents(person: Ref, year: int, client: KitsuClient = default_client) -> Any:
    """A person's time spent in a year."""
    return call(client, "GET", api.PERSON_YEAR_TIME_SPENTS, {"person_id": person, "year": year})


@cache
def get_day_offs(person: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A person's days off."""
    return call(client, "GET", api.PERSON_DAY_OFFS, {"person_id": person}, result=LIST)


@cache
def get_week_day_offs(person: Ref, year: int, week: int, client: KitsuClient = default_client) -> list[Row]:
    """A person's days off in a week."""
    return call(client, "GET", api.PERSON_WEEK_DAY_OFFS, {"person_id": person, "year": year, "week": week}, result=LIST)


@cache
def get_month_day_offs(person: Ref, year: int, month: int, client: KitsuClient = default_client) -> list[Row]:
    """A person's days off in a month."""
    return call(
        client, "GET", api.PERSON_MONTH_DAY_OFFS, {"person_id": person, "year": year, "month": month}, result=LIST,
    )


@cache
def get_year_day_offs(person: Ref, year: int, client: KitsuClient = default_client) -> list[Row]:
    """A person's days off in a year."""
    return call(client, "GET", api.PERSON_YEAR_DAY_OFFS, {"person_id": person, "year": year}, result=LIST)


@cache
def get_day_off(day_off_id: Ref, client: KitsuClient = default_client) -> Row:
    """A day off's record."""
    return call(client, "GET", api.DAY_OFF, {"day_off_id": day_off_id}, result=ROW)


def new_day_off(
    person: Ref, date: str, end_date: str, description: str | None = None, client: KitsuClient = default_client,
) -> Row:
    """Give a person days off from ``date`` to ``end_date`` (inclusive; the server refuses an overlap)."""
    return call(
        client, "POST", api.DAY_OFFS,
        body=fields({"person_id": ref(person), "date": date, "end_date": end_date}, description=description),
        result=ROW,
    )


def update_day_off(day_off: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``day_off``."""
    return call(client, "PUT", api.DAY_OFF, {"day_off_id": day_off}, body=record(day_off), result=ROW)


def remove_day_off(day_off: Ref, client: KitsuClient = default_client) -> str:
    """Delete a day off."""
    return call(client, "DELETE", api.DAY_OFF, {"day_off_id": day_off}, result=TEXT)


def add_person_to_department(person: Ref, department: Ref, client: KitsuClient = default_client) -> Any:
    """Add a person to a department."""
    return call(
        client, "POST", api.PERSON_ADD_DEPARTMENT, {"person_id": person}, body={"department_id": ref(department)},
    )


def remove_person_from_department(person: Ref, department: Ref, client: KitsuClient = default_client) -> str:
    """Take a person out of a department."""
    return call(
        client, "DELETE", api.PERSON_DEPARTMENT, {"person_id": person, "department_id": department}, result=TEXT,
    )


def disable_two_factor_authentication(person: Ref, client: KitsuClient = default_client) -> str:
    """Turn off a person's two-factor authentication."""
    return call(client, "DELETE", api.PERSON_DISABLE_2FA, {"person_id": person}, result=TEXT)


def clear_person_avatar(person: Ref, client: KitsuClient = default_client) -> str:
    """Remove a person's avatar."""
    return call(client, "DELETE", api.PERSON_CLEAR_AVATAR, {"person_id": person}, result=TEXT)
