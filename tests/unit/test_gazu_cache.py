"""gazu.cache: gazu's memo (off by default, per-function controls, copies),
and beyond gazu, answers revalidated by ETag instead of trusted."""

from __future__ import annotations

import inspect
import time
from collections.abc import Iterator
from typing import Any

import pytest
import responses

import gazu
from gazu import _calls

HOST = "http://kitsu.test/api"
ROUTE = f"{HOST}/data/things"


@pytest.fixture
def client() -> Iterator[gazu.client.KitsuClient]:
    client = gazu.client.create_client(HOST)
    client.tokens = {"access_token": "a.b.c", "refresh_token": None}
    gazu.cache.enable()
    yield client
    gazu.cache.disable()


def _reader() -> Any:
    @gazu.cache.cache
    def all_things(client: gazu.client.KitsuClient = gazu.client.default_client) -> list[dict[str, Any]]:
        return _calls.read_list(client, "data/things")

    return all_things


@responses.activate
def test_without_an_etag_a_hit_is_served_from_memory_as_a_copy(client: Any) -> None:
    responses.get(ROUTE, json=[{"name": "a"}])
    all_things = _reader()
    first = all_things(client)
    first[0]["name"] = "changed by the caller"
    assert all_things(client) == [{"name": "a"}]
    assert len(responses.calls) == 1
    infos = all_things.get_cache_infos()
    assert (infos["hits"], infos["misses"], infos["current_size"]) == (1, 1, 1)


@responses.activate
def test_with_an_etag_a_hit_is_revalidated_and_never_stale(client: Any) -> None:
    responses.get(ROUTE, json=[{"name": "a"}], headers={"ETag": '"v1"'})
    all_things = _reader()
    assert all_things(client) == [{"name": "a"}]
    responses.replace(responses.GET, ROUTE, status=304, headers={"ETag": '"v1"'})
    assert all_things(client) == [{"name": "a"}]
    assert responses.calls[-1].request.headers["If-None-Match"] == '"v1"'
    responses.replace(responses.GET, ROUTE, json=[{"name": "b"}], headers={"ETag": '"v2"'})
    assert all_things(client) == [{"name": "b"}]  # changed on the server: the new answer
    assert all_things.get_cache_infos()["revalidated_hits"] == 2


@responses.activate
def test_the_cache_is_off_unless_enabled_and_per_function_controls_work(client: Any) -> None:
    responses.get(ROUTE, json=[{"name": "a"}])
    all_things = _reader()
    gazu.cache.disable()
    all_things(client), all_things(client)
    assert len(responses.calls) == 2 and all_things.get_cache_infos()["current_size"] == 0
    gazu.cache.enable()
    all_things.disable_cache()
    all_things(client)
    assert len(responses.calls) == 3
    all_things.enable_cache()
    all_things.set_cache_expire(0.0001)
    all_things(client)
    time.sleep(0.01)
    all_things(client)
    assert all_things.get_cache_infos()["expired_hits"] == 1
    all_things.set_cache_max_size(0)
    all_things(client)
    assert all_things.get_cache_infos()["current_size"] == 0
    gazu.cache.clear_all()


def test_cached_spec_functions_have_gazus_controls_and_keep_their_signature() -> None:
    function = gazu.asset.get_asset
    for name in ("clear_cache", "set_cache_expire", "set_expire", "set_cache_max_size", "enable_cache",
                 "disable_cache", "get_cache_infos"):
        assert callable(getattr(function, name))
    assert list(inspect.signature(function).parameters) == ["asset_id", "client"]
