"""``gazu.user``: what the contract tests cannot see: answers, sorting,
authentication checks, the log-in date, bad input refused before sending."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

import pytest
import responses

import gazu
from kitsu_models import errors

HOST = "http://kitsu.test/api"
CHAT = "00000000-0000-4000-8000-000000000001"
PROJECT = "00000000-0000-4000-8000-000000000002"
NOTIFICATION = "00000000-0000-4000-8000-000000000003"


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


def test_is_authenticated_is_the_servers_answer(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/auth/authenticated", json={"authenticated": True, "user": {}})
    assert gazu.user.is_authenticated(client=client) is True


def test_is_authenticated_is_false_when_the_token_is_refused(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/auth/authenticated", status=401, json={"msg": "Missing Authorization Header"})
    assert gazu.user.is_authenticated(client=client) is False


def test_other_failures_of_is_authenticated_are_raised(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/auth/authenticated", status=500, json={"message": "down"})
    with pytest.raises(gazu.exception.ServerErrorException):
        gazu.user.is_authenticated(client=client)


def test_a_desktop_log_in_is_dated_now(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.post(f"{HOST}/data/user/desktop-login-logs", json={"id": "log-1"})
    before = datetime.datetime.now()
    assert gazu.user.log_desktop_session_log_in(client=client) == {"id": "log-1"}
    sent = datetime.datetime.fromisoformat(_body(fake.calls[0])["date"])
    assert before <= sent <= datetime.datetime.now()


def test_the_users_lists_are_sorted_by_name_as_gazu_sorts_them(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/user/projects/open", json=[{"id": "2", "name": "Zed"}, {"id": "1", "name": "alpha"}])
    fake.get(f"{HOST}/data/user/tasks", json=[{"id": "2", "name": "Zed"}, {"id": "1", "name": "alpha"}])
    assert [p["id"] for p in gazu.user.all_open_projects(client=client)] == ["1", "2"]
    assert [t["id"] for t in gazu.user.all_tasks_to_do(client=client)] == ["2", "1"]  # as answered


def test_leaving_a_chat_deletes_its_join_route(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.post(f"{HOST}/actions/user/chats/{CHAT}/join", json={"id": CHAT})
    fake.delete(f"{HOST}/actions/user/chats/{CHAT}/join", status=204)
    gazu.user.join_chat({"id": CHAT}, client=client)
    assert gazu.user.leave_chat(CHAT, client=client) == ""
    assert [(call.request.method, _body(call) if call.request.body else None) for call in fake.calls] == [
        ("POST", {}), ("DELETE", None),
    ]


def test_new_filter_always_sends_project_and_entity_type(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.post(f"{HOST}/data/user/filters", json={"id": "f1"})
    gazu.user.new_filter("Heroes", "hero", "asset", client=client)
    gazu.user.new_filter("Heroes", "hero", "asset", {"id": PROJECT}, "Asset", client=client)
    assert [_body(call) for call in fake.calls] == [
        {"name": "Heroes", "query": "hero", "list_type": "asset", "project_id": None, "entity_type": None},
        {"name": "Heroes", "query": "hero", "list_type": "asset", "project_id": PROJECT, "entity_type": "Asset"},
    ]


def test_update_notification_sends_the_dict_as_given_and_leaves_it(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.put(f"{HOST}/data/user/notifications/{NOTIFICATION}", json={"id": NOTIFICATION, "read": True})
    given = {"id": NOTIFICATION, "read": True}
    assert gazu.user.update_notification(given, client=client)["read"] is True
    assert _body(fake.calls[0]) == {"id": NOTIFICATION, "read": True}
    assert given == {"id": NOTIFICATION, "read": True}


def test_a_date_that_is_not_iso_is_refused_before_sending(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    for call in (
        lambda: gazu.user.get_day_off("2026-1-5", client=client),
        lambda: gazu.user.get_time_spents_by_date("../../auth/logout", client=client),
        lambda: gazu.user.get_task_time_spent(CHAT, "5 Jan", client=client),
    ):
        with pytest.raises(errors.InvalidArgumentError):
            call()
    assert len(fake.calls) == 0
