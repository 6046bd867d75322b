"""gazu.studio: lists by name, a studio found by name or None, the
``force`` flag sent only when true, a studio dict sent as given."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses
from responses import matchers

import gazu

from .models_rows import new_id

HOST = "http://kitsu.test/api"
Client = gazu.client.KitsuClient
STUDIO = new_id()


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def client() -> Client:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


def test_studios_are_listed_by_name_and_found_by_name(fake: responses.RequestsMock, client: Client) -> None:
    fake.get(f"{HOST}/data/studios", json=[{"name": "north"}, {"name": "East"}],
             match=[matchers.query_param_matcher({})])
    assert [s["name"] for s in gazu.studio.all_studios(client=client)] == ["East", "north"]
    fake.get(f"{HOST}/data/studios", json=[{"id": STUDIO}, {"id": "other"}],
             match=[matchers.query_param_matcher({"name": "East"})])
    assert gazu.studio.get_studio_by_name("East", client=client) == {"id": STUDIO}
    fake.get(f"{HOST}/data/studios", json=[], match=[matchers.query_param_matcher({"name": "West"})])
    assert gazu.studio.get_studio_by_name("West", client=client) is None


def test_force_is_sent_only_when_true(fake: responses.RequestsMock, client: Client) -> None:
    fake.delete(f"{HOST}/data/studios/{STUDIO}", status=204, match=[matchers.query_param_matcher({})])
    gazu.studio.remove_studio({"id": STUDIO}, client=client)
    fake.delete(f"{HOST}/data/studios/{STUDIO}", status=204, match=[matchers.query_param_matcher({"force": "True"})])
    gazu.studio.remove_studio(STUDIO, force=True, client=client)


def test_a_studio_is_saved_as_given_and_left_unchanged(fake: responses.RequestsMock, client: Client) -> None:
    studio = {"id": STUDIO, "name": "North", "color": "#FF0000"}
    fake.put(f"{HOST}/data/studios/{STUDIO}", json={**studio, "updated_at": "now"},
             match=[matchers.json_params_matcher(studio)])
    assert gazu.studio.update_studio(studio, client=client)["updated_at"] == "now"
    assert studio == {"id": STUDIO, "name": "North", "color": "#FF0000"}
