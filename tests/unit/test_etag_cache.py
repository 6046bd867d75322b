"""The answers kept for conditional reads: long bodies kept compressed and
read back as sent, short ones kept as they are, the oldest dropped."""

from __future__ import annotations

import gc
import json

import responses

from kitsu_models.etag_cache import COMPRESS_FROM, CachedAnswer, EtagCache
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row


def test_a_long_body_is_kept_compressed_and_read_back_as_sent() -> None:
    body = json.dumps([{"id": str(index), "name": "task", "data": None} for index in range(2000)]).encode()
    entry = EtagCache().put("key", '"v1"', body)
    assert entry.compressed and len(entry.stored) * 10 < len(body)
    assert entry.body == body


def test_a_short_body_is_kept_as_it_is() -> None:
    body = b'[{"id": "p1"}]'
    entry = EtagCache().put("key", '"v1"', body)
    assert not entry.compressed and entry.stored is body and entry.body is body


def test_bodies_compress_from_the_threshold_on() -> None:
    below, at = b"x" * (COMPRESS_FROM - 1), b"x" * COMPRESS_FROM
    assert [CachedAnswer.keep('"e"', body).compressed for body in (below, at)] == [False, True]
    assert CachedAnswer.keep('"e"', at).body == at


def test_the_cache_gives_what_it_keeps_and_drops_the_least_recent() -> None:
    cache = EtagCache(size=2)
    cache.put("a", '"1"', b"A")
    cache.put("b", '"2"', b"B" * COMPRESS_FROM)
    assert cache.get("a") is not None  # now the most recent: "b" goes first
    cache.put("c", '"3"', b"C")
    assert cache.get("b") is None
    kept = [cache.get("a"), cache.get("c")]
    assert [(entry.etag, entry.body) for entry in kept if entry is not None] == [('"1"', b"A"), ('"3"', b"C")]
    cache.clear()
    assert cache.get("a") is None and cache.get("c") is None


def test_a_304_rebuilds_a_long_list_from_the_compressed_bytes(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """Objects the session let go are built again from the kept answer,
    every row as first sent."""
    sent = [{**row("Task", id=new_id()), "name": f"task {index}"} for index in range(300)]
    mocked.get(API + "data/tasks", json=sent, headers={"ETag": '"v1"'})
    entity_id = new_id()
    first = kitsu.tasks.filter(entity_id=entity_id)
    ids = first.ids()
    entry = next(iter(kitsu.transport.etag_cache._entries.values()))
    assert entry.compressed
    del first
    gc.collect()
    mocked.replace(responses.GET, API + "data/tasks", status=304, headers={"ETag": '"v1"'})
    again = kitsu.tasks.filter(entity_id=entity_id)
    assert again.ids() == ids and [task.name for task in again] == [f"task {index}" for index in range(300)]
    assert mocked.calls[-1].request.headers["If-None-Match"] == '"v1"'
