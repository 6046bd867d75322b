"""``gazu.person``: people, departments, organisations, presence logs."""

from __future__ import annotations

from typing import Any

from kitsu_models import checks, errors
from kitsu_models.ids import id_of
from kitsu_models.routes import path
from kitsu_models.streaming import StrPath

from . import paths
from ._calls import Record, Ref, Row, body_of, first, get_or_create, ids_of, read_by_name, read_row, write_row
from .cache import cache
from .client import KitsuClient, default_client, get, get_api_url_from_host, upload

#: gazu looks people up among humans only, with Python's spelling of False.
_HUMANS = {"is_bot": "False"}


@cache
def all_persons(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PERSONS)


@cache
def all_departments(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.DEPARTMENTS)


@cache
def all_organisations(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.ORGANISATIONS)


@cache
def get_organisation(client: KitsuClient = default_client) -> Row:
    """The studio's organisation (its settings), as the logged-in user sees it."""
    organisation: Row = read_row(client, paths.AUTHENTICATED)["organisation"]
    return organisation


@cache
def get_person(id: Ref, client: KitsuClient = default_client) -> Row | None:  # noqa: A002 (the spec's name)
    """The person, or None; a list query by id, as gazu sends it."""
    return first(client, paths.PERSONS, {"id": id_of(id, what="person")})


@cache
def get_person_by_desktop_login(desktop_login: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.PERSONS, {"desktop_login": desktop_login, **_HUMANS})


@cache
def get_person_by_email(email: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.PERSONS, {"email": email, **_HUMANS})


@cache
def get_person_by_full_name(full_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.PERSONS, {"full_name": full_name, **_HUMANS})


@cache
def get_person_url(person: Ref, client: KitsuClient = default_client) -> str:
    """The person's page in Kitsu's web UI."""
    return f"{get_api_url_from_host(client)}/people/{id_of(person, what='person')}/"


def get_presence_log(year: int, month: int, client: KitsuClient = default_client) -> str:
    """The month's presence log, as the CSV text the server sends."""
    year, month = checks.positive_int(year, "year"), checks.positive_int(month, "month")
    if month > 12:
        raise errors.InvalidArgumentError(f"month must be 1 to 12, got {month}")
    route = f"data/persons/presence-logs/{year}-{month:02}"
    text: str = get(route, json_response=False, client=client)
    return text


def new_person(
    first_name: str,
    last_name: str,
    email: str,
    phone: str = "",
    role: str = "user",
    desktop_login: str = "",
    departments: list[Ref] = [],  # noqa: B006 (the spec's default; never mutated)
    client: KitsuClient = default_client,
) -> Row:
    """The person with this email, created (without a password) when there is none."""
    body = {
        "first_name": first_name, "last_name": last_name, "email": email, "phone": phone, "role": role,
        "desktop_login": desktop_login, "departments": ids_of(departments, "department"), "password": None,
        "active": True, "contract_type": "open-ended",
    }
    return get_or_create(client, lambda: get_person_by_email(email, client=client), paths.PERSONS, body)


def update_person(person: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``person`` (its departments sent as ids)."""
    body = body_of(person)
    if "departments" in body:
        body["departments"] = ids_of(body["departments"], "department")
    return write_row(client, "PUT", paths.PERSON, body, person_id=person)


def set_avatar(person: Ref, file_path: StrPath, client: KitsuClient = default_client) -> Any:
    """Upload ``file_path`` as the person's avatar."""
    return upload(path(paths.PERSON_AVATAR, person_id=person), checks.source_file(file_path, "file_path"), client=client)
