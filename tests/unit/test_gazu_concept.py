"""gazu.concept's hand-written behaviours: get-or-create, the links sent as
ids, the caller's dicts untouched, and loaded Concept models kept coherent
with gazu's writes (the catalogue's verbs)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import responses
from responses import matchers

import gazu
from kitsu_models.models import Concept

from .models_rows import new_id, row

HOST = "http://kitsu.test/api"
Client = gazu.client.KitsuClient
PROJECT, ASSET, OTHER = new_id(), new_id(), new_id()


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def client() -> Client:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


def test_new_concept_returns_the_existing_one_without_creating(fake: responses.RequestsMock, client: Client) -> None:
    found = {"id": new_id(), "name": "hero sketch"}
    fake.get(f"{HOST}/data/concepts", json=[found],
             match=[matchers.query_param_matcher({"project_id": PROJECT, "name": "hero sketch"})])
    assert gazu.concept.new_concept({"id": PROJECT}, "hero sketch", client=client) == found
    assert len(fake.calls) == 1


def test_new_concept_creates_with_the_links_as_ids(fake: responses.RequestsMock, client: Client) -> None:
    data = {"style": "ink"}
    links: list[Any] = [{"id": ASSET, "name": "hero"}, OTHER]
    given = copy.deepcopy((data, links))
    fake.get(f"{HOST}/data/concepts", json=[])
    body = {"name": "c1", "data": {"style": "ink"}, "entity_concept_links": [ASSET, OTHER]}
    fake.post(f"{HOST}/data/projects/{PROJECT}/concepts", json={"id": new_id(), **body},
              match=[matchers.json_params_matcher(body)])
    assert gazu.concept.new_concept(PROJECT, "c1", data=data, entity_concept_links=links, client=client)["name"] == "c1"
    assert (data, links) == given


def test_new_concept_takes_one_link_and_sends_a_description_only_when_given(
    fake: responses.RequestsMock, client: Client
) -> None:
    fake.get(f"{HOST}/data/concepts", json=[])
    body = {"name": "c2", "data": {}, "entity_concept_links": [ASSET], "description": "moody"}
    fake.post(f"{HOST}/data/projects/{PROJECT}/concepts", json=body, match=[matchers.json_params_matcher(body)])
    gazu.concept.new_concept(PROJECT, "c2", "moody", entity_concept_links={"id": ASSET}, client=client)
    fake.get(f"{HOST}/data/concepts", json=[])
    bare = {"name": "c3", "data": {}, "entity_concept_links": []}
    fake.post(f"{HOST}/data/projects/{PROJECT}/concepts", json=bare, match=[matchers.json_params_matcher(bare)])
    gazu.concept.new_concept(PROJECT, "c3", client=client)


def test_all_concepts_are_sorted_by_name(fake: responses.RequestsMock, client: Client) -> None:
    fake.get(f"{HOST}/data/projects/{PROJECT}/concepts", json=[{"name": "b"}, {"name": "A"}, {"name": None}])
    assert [c["name"] for c in gazu.concept.all_concepts_for_project(PROJECT, client=client)] == [None, "A", "b"]


def test_a_loaded_concept_follows_an_update_and_a_removal(fake: responses.RequestsMock, client: Client) -> None:
    concept_id = new_id()
    loaded_row = {**row("Concept", "get"), "id": concept_id, "name": "old", "canceled": False}
    concept = client.kitsu.repository(Concept).materialize([copy.deepcopy(loaded_row)])[0]
    fake.put(f"{HOST}/data/entities/{concept_id}", json={**loaded_row, "name": "new"})
    gazu.concept.update_concept({"id": concept_id, "name": "new"}, client=client)
    assert concept.name == "new"  # the answer merged into the loaded object
    fake.delete(f"{HOST}/data/concepts/{concept_id}", status=204)
    gazu.concept.remove_concept(concept, client=client)
    # Without force the server may only cancel it: the object is read again, not marked deleted.
    fake.get(f"{HOST}/data/concepts", json=[{**loaded_row, "name": "new", "canceled": True}])
    assert concept.canceled is True and not concept.is_deleted
