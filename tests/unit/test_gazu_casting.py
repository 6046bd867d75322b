"""gazu.casting's behaviours the contract test cannot see: the production
taken from the dict given (else read), casting lists sent as given, cached
casts as in gazu 1.3.1, paging of entity links, what a deletion returns,
and loaded entities expired by casting writes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import responses

import gazu

HOST = "http://kitsu.test/api"
PROJECT, SHOT, ASSET, LINK, SEQUENCE = (f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 6))


@pytest.fixture
def client() -> Iterator[gazu.client.KitsuClient]:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    with responses.RequestsMock() as fake:
        made.fake = fake  # type: ignore[attr-defined]
        yield made


def _sent(client: Any) -> list[tuple[str, str]]:
    return [(call.request.method, call.request.url.removeprefix(HOST + "/")) for call in client.fake.calls]


def test_a_casting_read_takes_the_production_from_the_dict_else_from_the_shot(client: Any) -> None:
    casting = [{"asset_id": ASSET, "nb_occurences": 2}]
    client.fake.add(responses.GET, f"{HOST}/data/projects/{PROJECT}/entities/{SHOT}/casting", json=casting)
    client.fake.add(responses.GET, f"{HOST}/data/shots/{SHOT}", json={"id": SHOT, "project_id": PROJECT})
    assert gazu.casting.get_shot_casting({"id": SHOT, "project_id": PROJECT}, client=client) == casting
    assert len(client.fake.calls) == 1
    assert gazu.casting.get_shot_casting(SHOT, client=client) == casting  # an id: the shot is read first
    assert _sent(client)[1:] == [("GET", f"data/shots/{SHOT}"),
                                 ("GET", f"data/projects/{PROJECT}/entities/{SHOT}/casting")]


def test_the_sequence_casting_is_the_answer_by_shot_id(client: Any) -> None:
    answer = {SHOT: [{"asset_id": ASSET, "nb_occurences": 1}]}
    client.fake.add(responses.GET, f"{HOST}/data/projects/{PROJECT}/sequences/{SEQUENCE}/casting", json=answer)
    assert gazu.casting.get_sequence_casting({"id": SEQUENCE, "project_id": PROJECT}, client=client) == answer


def test_a_casting_update_sends_the_list_as_given_and_expires_the_loaded_shot(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/entities/{SHOT}", json={"id": SHOT, "name": "SH010"})
    shot = client.kitsu.shots.get(SHOT)
    casting = [{"asset_id": ASSET, "nb_occurences": 1, "label": "animate"}]
    client.fake.add(responses.PUT, f"{HOST}/data/projects/{PROJECT}/entities/{SHOT}/casting", json=casting)
    gazu.casting.update_shot_casting(PROJECT, shot, casting, client=client)
    assert json.loads(client.fake.calls[-1].request.body) == casting
    assert casting == [{"asset_id": ASSET, "nb_occurences": 1, "label": "animate"}]
    assert "name" not in shot.__dict__  # expired: its next read loads it again


def test_cast_asset_is_cached_as_in_gazu_and_takes_one_entity_too(client: Any) -> None:
    route = f"{HOST}/data/projects/{PROJECT}/entities/casting/assets/{ASSET}"
    client.fake.add(responses.PUT, route, json=[])
    gazu.casting.cast_asset(PROJECT, {"id": SHOT}, ASSET, nb_occurences=2, client=client)
    assert json.loads(client.fake.calls[0].request.body) == {"entity_ids": [SHOT], "nb_occurences": 2}
    gazu.cache.enable()
    try:
        gazu.casting.cast_asset(PROJECT, [SHOT], ASSET, client=client)
        gazu.casting.cast_asset(PROJECT, [SHOT], ASSET, client=client)
        assert len(client.fake.calls) == 2  # the second identical call answered from the cache, as 1.3.1 does
        gazu.casting.uncast_asset(PROJECT, [SHOT], ASSET, client=client)
        gazu.casting.uncast_asset(PROJECT, [SHOT], ASSET, client=client)
        assert len(client.fake.calls) == 4  # uncasting is never cached
        assert json.loads(client.fake.calls[-1].request.body) == {"entity_ids": [SHOT], "nb_occurences": 0}
    finally:
        gazu.cache.clear_all()
        gazu.cache.disable()


def test_entity_links_send_the_limit_only_with_a_page(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/projects/{PROJECT}/entity-links", json=[])
    gazu.casting.all_entity_links_for_project(PROJECT, limit=10, client=client)
    gazu.casting.all_entity_links_for_project(PROJECT, page=2, limit=10, client=client)
    assert [route for _, route in _sent(client)] == [
        f"data/projects/{PROJECT}/entity-links", f"data/projects/{PROJECT}/entity-links?page=2&limit=10",
    ]


def test_deleting_an_entity_link_returns_it_as_gazu_does(client: Any) -> None:
    client.fake.add(responses.DELETE, f"{HOST}/data/entity-links/{LINK}", status=204)
    assert gazu.casting.delete_entity_link(LINK, client=client) == {"id": LINK}
    link = {"id": LINK, "entity_in_id": SHOT, "entity_out_id": ASSET}
    assert gazu.casting.delete_entity_link(link, client=client) is link
    assert len(client.fake.calls) == 2
