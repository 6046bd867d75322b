"""``gazu.person``: what the contract tests cannot see: answers, list
queries taken as one record, get-or-create, passwords sent yet never held
as plain text by our frames, bad input refused before any request, the
caller's dicts left as given, loaded models kept coherent."""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

import gazu
from kitsu_models import errors
from tracebacks import everything_reachable, failure_of

HOST = "http://kitsu.test/api"
PERSON = "00000000-0000-4000-8000-000000000001"
DEPT = "00000000-0000-4000-8000-000000000002"
PASSWORD = "pw-Tulip-Orbit-5521"


@pytest.fixture
def client() -> gazu.client.KitsuClient:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def _body(call: Any) -> Any:
    return json.loads(call.request.body)


def _query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(call.request.url).query)


def _person(**fields: Any) -> dict[str, Any]:
    return {"id": PERSON, "type": "Person", "first_name": "Ada", "last_name": "L", "email": "ada@example.com", **fields}


def test_get_person_is_a_list_query_whose_first_row_is_returned(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/persons", json=[_person()])
    assert gazu.person.get_person(PERSON, client=client) == _person()
    gazu.person.get_person({"id": PERSON}, relations=True, client=client)
    assert [_query(call) for call in fake.calls] == [{"id": [PERSON]}, {"id": [PERSON], "relations": ["True"]}]
    fake.replace(responses.GET, f"{HOST}/data/persons", json=[])
    assert gazu.person.get_person(PERSON, client=client) is None


def test_people_are_looked_up_among_humans_with_pythons_spelling(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/persons", json=[])
    gazu.person.get_person_by_desktop_login("ada", client=client)
    gazu.person.get_person_by_email("bot@example.com", is_bot=True, client=client)
    gazu.person.get_person_by_full_name("Ada L", client=client)
    gazu.person.get_person_by_full_name("Ada L", "Ada", client=client)
    gazu.person.get_person_by_full_name("", "Ada", "L", client=client)
    assert [_query(call) for call in fake.calls] == [
        {"desktop_login": ["ada"], "is_bot": ["False"]},
        {"email": ["bot@example.com"], "is_bot": ["True"]},
        {"full_name": ["Ada L"], "is_bot": ["False"]},
        {"full_name": ["Ada L"], "is_bot": ["False"]},
        {"first_name": ["Ada"], "last_name": ["L"], "is_bot": ["False"]},
    ]


def test_all_persons_are_sorted_by_name(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/data/persons", json=[{"id": "2", "name": "Zoe"}, {"id": "1", "name": "ada"}])
    assert [p["id"] for p in gazu.person.all_persons(client=client)] == ["1", "2"]


def test_new_person_returns_the_existing_one_without_creating(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/persons", json=[_person(role="admin")])
    assert gazu.person.new_person("Ada", "L", "ada@example.com", password=PASSWORD, client=client)["role"] == "admin"
    assert [call.request.method for call in fake.calls] == ["GET"]
    assert _query(fake.calls[0]) == {"email": ["ada@example.com"], "is_bot": ["False"]}


def test_new_person_sends_the_password_and_department_ids(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/persons", json=[])
    fake.post(f"{HOST}/data/persons", json=_person())
    departments = [{"id": DEPT, "name": "Anim"}]
    gazu.person.new_person("Ada", "L", "ada@example.com", departments=departments, password=PASSWORD, client=client)
    assert _body(fake.calls[1]) == {
        "first_name": "Ada", "last_name": "L", "email": "ada@example.com", "phone": "", "role": "user",
        "desktop_login": "", "departments": [DEPT], "password": PASSWORD, "active": True,
        "contract_type": "open-ended",
    }
    assert departments == [{"id": DEPT, "name": "Anim"}]
    gazu.person.new_person("Bob", "M", "bob@example.com", client=client)
    assert _body(fake.calls[3])["password"] is None


def test_change_password_sends_it_twice(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.post(f"{HOST}/actions/persons/{PERSON}/change-password", json={"success": True})
    assert gazu.person.change_password_for_person({"id": PERSON}, PASSWORD, client=client) == {"success": True}
    assert _body(fake.calls[0]) == {"password": PASSWORD, "password_2": PASSWORD}


@pytest.mark.parametrize("name", ["new_person", "change_password_for_person"])
def test_a_refused_password_is_in_none_of_our_frames(
    name: str, client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/persons", json=[])
    fake.post(f"{HOST}/data/persons", status=400, json={"message": "bad"})
    fake.post(f"{HOST}/actions/persons/{PERSON}/change-password", status=400, json={"message": "bad"})
    calls = {
        "new_person": lambda: gazu.person.new_person("Ada", "L", "a@example.com", password=PASSWORD, client=client),
        "change_password_for_person": lambda: gazu.person.change_password_for_person(PERSON, PASSWORD, client=client),
    }
    failure = failure_of(calls[name])
    assert isinstance(failure, gazu.exception.ParameterException)
    assert PASSWORD not in everything_reachable(failure)


def test_new_department_is_get_or_create(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/data/departments", json=[{"id": DEPT, "name": "Anim", "color": "#000"}])
    assert gazu.person.new_department("Anim", "#fff", client=client)["color"] == "#000"
    fake.replace(responses.GET, f"{HOST}/data/departments", json=[])
    fake.post(f"{HOST}/data/departments", json={"id": DEPT, "name": "Anim"})
    gazu.person.new_department("Anim", "#fff", client=client)
    assert [call.request.method for call in fake.calls] == ["GET", "GET", "POST"]
    assert _body(fake.calls[2]) == {"name": "Anim", "color": "#fff", "archived": False}


def test_update_person_sends_department_ids_and_updates_the_loaded_person(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/persons/{PERSON}", json=_person())
    fake.put(f"{HOST}/data/persons/{PERSON}", json=_person(first_name="Augusta"))
    loaded = client.kitsu.persons.get(PERSON)
    given = {"id": PERSON, "first_name": "Augusta", "departments": [{"id": DEPT}]}
    kept = copy.deepcopy(given)
    gazu.person.update_bot(given, client=client)
    assert _body(fake.calls[-1]) == {"id": PERSON, "first_name": "Augusta", "departments": [DEPT]}
    assert given == kept
    assert loaded.first_name == "Augusta"


def test_new_bot_always_creates_a_bot(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.post(f"{HOST}/data/persons", json=_person(is_bot=True, access_token="t"))
    gazu.person.new_bot("Render farm", "farm@example.com", departments=[DEPT], client=client)
    assert _body(fake.calls[0]) == {
        "first_name": "Render farm", "last_name": "", "email": "farm@example.com", "role": "user",
        "departments": [DEPT], "active": True, "expiration_date": None, "is_bot": True,
    }


def test_get_organisation_is_the_authenticated_answers(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/auth/authenticated", json={"authenticated": True, "user": {}, "organisation": {"name": "Studio"}})
    assert gazu.person.get_organisation(client=client) == {"name": "Studio"}


def test_get_person_url_is_built_locally(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    assert gazu.person.get_person_url({"id": PERSON}, client=client) == f"http://kitsu.test/people/{PERSON}/"
    assert len(fake.calls) == 0


def test_the_presence_log_is_text_and_a_bad_month_is_refused_before_sending(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/persons/presence-logs/2026-03", body="person,day\nada,1\n")
    assert gazu.person.get_presence_log(2026, 3, client=client) == "person,day\nada,1\n"
    for month in (0, 13, "3/../x"):
        with pytest.raises(errors.InvalidArgumentError):
            gazu.person.get_presence_log(2026, month, client=client)  # type: ignore[arg-type]
    assert len(fake.calls) == 1


def test_a_months_time_spents_are_asked_by_its_date(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/data/persons/{PERSON}/time-spents/month/all/2026/02", json=[{"duration": 60}])
    assert gazu.person.get_all_month_time_spents(PERSON, datetime.date(2026, 2, 17), client=client) == [{"duration": 60}]
    with pytest.raises(errors.InvalidArgumentError):
        gazu.person.get_all_month_time_spents(PERSON, "2026-02-17", client=client)  # type: ignore[arg-type]
    assert len(fake.calls) == 1


def test_days_off_and_time_spent_paths(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/data/persons/{PERSON}/day-offs/month/2026/04", json=[])
    fake.get(f"{HOST}/data/persons/{PERSON}/time-spents", json=[])
    gazu.person.get_month_day_offs(PERSON, 2026, 4, client=client)
    gazu.person.get_time_spents_range(PERSON, "2026-01-01", "2026-01-31", client=client)
    assert _query(fake.calls[1]) == {"start_date": ["2026-01-01"], "end_date": ["2026-01-31"]}
    with pytest.raises(errors.InvalidArgumentError):
        gazu.person.get_time_spents_by_date(PERSON, "5 Jan", client=client)
    assert len(fake.calls) == 2


def test_remove_person_sends_force_as_gazu_does_and_evicts_the_loaded_person(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/persons/{PERSON}", json=_person())
    fake.delete(f"{HOST}/data/persons/{PERSON}", status=204)
    loaded = client.kitsu.persons.get(PERSON)
    gazu.person.remove_bot(PERSON, force=True, client=client)
    assert urlsplit(fake.calls[-1].request.url).query == "force=True"
    assert loaded.is_deleted
