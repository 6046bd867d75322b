"""gazu.search.search_entities: the query alone, or with the production's
id and the entity types' ids when given; the server's answer as is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import responses
from responses import matchers

import gazu

from .models_rows import new_id

HOST = "http://kitsu.test/api"
Client = gazu.client.KitsuClient
PROJECT, ASSET_TYPE, SHOT_TYPE = (new_id() for _ in range(3))


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def client() -> Client:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


def test_only_the_query_is_sent_when_nothing_narrows_it(fake: responses.RequestsMock, client: Client) -> None:
    answer = {"persons": [], "assets": [{"name": "hero"}], "shots": []}
    fake.post(f"{HOST}/data/search", json=answer, match=[matchers.json_params_matcher({"query": "hero"})])
    assert gazu.search.search_entities("hero", client=client) == answer


def test_the_production_and_the_entity_types_are_sent_as_ids(fake: responses.RequestsMock, client: Client) -> None:
    types: list[Any] = [{"id": ASSET_TYPE, "name": "Character"}, SHOT_TYPE]
    body = {"query": "sh", "project_id": PROJECT, "entity_types": [ASSET_TYPE, SHOT_TYPE]}
    fake.post(f"{HOST}/data/search", json={}, match=[matchers.json_params_matcher(body)])
    gazu.search.search_entities("sh", {"id": PROJECT}, types, client=client)
    assert types[0] == {"id": ASSET_TYPE, "name": "Character"}
    fake.post(f"{HOST}/data/search", json={}, match=[matchers.json_params_matcher({"query": "sh", "entity_types": []})])
    gazu.search.search_entities("sh", entity_types=[], client=client)
