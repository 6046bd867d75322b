"""gazu.edit's hand-written behaviours: the web UI URL, get-or-create in
the episode (sent as ``episode_id``), update_edit_data sending only the new
keys (both deliberate departures), and loaded Edit models kept coherent."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest
import responses
from responses import matchers

import gazu
from kitsu_models.models import Edit

from .models_rows import new_id, row

HOST = "http://kitsu.test/api"
Client = gazu.client.KitsuClient
PROJECT, EPISODE, EDIT = new_id(), new_id(), new_id()


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def client() -> Client:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


@pytest.mark.parametrize(("episode", "page"), [
    (None, f"productions/{PROJECT}/edits/{EDIT}/"),
    (EPISODE, f"productions/{PROJECT}/episodes/{EPISODE}/edits/{EDIT}/"),
], ids=["without-episode", "in-its-episode"])  # not the random ids: the same in every pytest-xdist worker
def test_the_edit_url_is_under_its_episode_when_it_has_one(
    fake: responses.RequestsMock, client: Client, episode: str | None, page: str
) -> None:
    fake.get(f"{HOST}/data/edits/{EDIT}", json={"id": EDIT, "project_id": PROJECT, "episode_id": episode})
    assert gazu.edit.get_edit_url({"id": EDIT}, client=client) == f"http://kitsu.test/{page}"


def test_new_edit_returns_the_existing_one_without_creating(fake: responses.RequestsMock, client: Client) -> None:
    found = {"id": EDIT, "name": "cut"}
    fake.get(f"{HOST}/data/edits/all", json=[found],
             match=[matchers.query_param_matcher({"project_id": PROJECT, "name": "cut"})])
    assert gazu.edit.new_edit(PROJECT, "cut", episode=EPISODE, client=client) == found
    assert len(fake.calls) == 1


def test_new_edit_creates_in_the_episode(fake: responses.RequestsMock, client: Client) -> None:
    # As episode_id, the key Zou reads (gazu 1.3.1's parent_id is ignored: its edit lands in no episode).
    data = {"fps": 24}
    fake.get(f"{HOST}/data/edits/all", json=[])
    body = {"name": "cut", "data": {"fps": 24}, "episode_id": EPISODE}
    fake.post(f"{HOST}/data/projects/{PROJECT}/edits", json={"id": EDIT, **body},
              match=[matchers.json_params_matcher(body)])
    assert gazu.edit.new_edit(PROJECT, "cut", data=data, episode={"id": EPISODE}, client=client)["id"] == EDIT
    assert data == {"fps": 24}


def test_update_edit_data_sends_only_the_new_keys_and_a_loaded_edit_follows(
    fake: responses.RequestsMock, client: Client
) -> None:
    loaded_row = {**row("Edit", "get"), "id": EDIT, "data": {"kept": 1}}
    edit = client.kitsu.repository(Edit).materialize([copy.deepcopy(loaded_row)])[0]
    data = {"lens": 35}
    fake.put(f"{HOST}/data/entities/{EDIT}", json={**loaded_row, "data": {"kept": 1, "lens": 35}},
             match=[matchers.json_params_matcher({"id": EDIT, "data": {"lens": 35}})])
    assert gazu.edit.update_edit_data(edit, data, client=client)["data"] == {"kept": 1, "lens": 35}
    assert [call.request.method for call in fake.calls] == ["PUT"]  # nothing read first
    assert edit.data == {"kept": 1, "lens": 35}
    assert data == {"lens": 35}


def test_removing_a_loaded_edit_without_force_reads_it_again(fake: responses.RequestsMock, client: Client) -> None:
    loaded_row = {**row("Edit", "get"), "id": EDIT, "canceled": False}
    edit = client.kitsu.repository(Edit).materialize([copy.deepcopy(loaded_row)])[0]
    fake.delete(f"{HOST}/data/edits/{EDIT}", status=204, match=[matchers.query_param_matcher({})])
    gazu.edit.remove_edit(edit, client=client)
    fake.get(f"{HOST}/data/edits", json=[{**loaded_row, "canceled": True}])  # it had tasks: only canceled
    assert edit.canceled is True and not edit.is_deleted
