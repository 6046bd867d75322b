"""gazu.cache on gazu's own cached functions: off by default, per-function
controls as 1.3.1's, every value handed out a copy (of a miss and of a hit),
and beyond gazu, answers revalidated by ETag instead of trusted."""

from __future__ import annotations

import inspect
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
import responses

import gazu

HOST = "http://kitsu.test/api"
PROJECTS = f"{HOST}/data/projects"
P = "00000000-0000-4000-8000-000000000001"
TASKS = f"{HOST}/data/projects/{P}/tasks"


@pytest.fixture
def client() -> Iterator[gazu.client.KitsuClient]:
    client = gazu.client.create_client(HOST)
    client.tokens = {"access_token": "a.b.c", "refresh_token": None}
    gazu.cache.enable()
    gazu.cache.clear_all()
    yield client
    gazu.cache.clear_all()
    gazu.cache.disable()


@responses.activate
def test_a_hit_is_served_from_memory_and_every_value_handed_out_is_a_copy(client: Any) -> None:
    responses.get(PROJECTS, json=[{"id": P, "name": "a"}])
    missed = gazu.project.all_projects(client)
    hit = gazu.project.all_projects(client)
    missed[0]["name"] = "changed by the caller"
    hit[0]["name"] = "changed too"
    assert gazu.project.all_projects(client) == [{"id": P, "name": "a"}]
    assert gazu.project.all_projects(client) is not gazu.project.all_projects(client)
    assert len(responses.calls) == 1
    infos = gazu.project.all_projects.get_cache_infos()
    assert (infos["hits"], infos["misses"], infos["current_size"]) == (4, 1, 1)


@responses.activate
def test_with_an_etag_a_hit_is_revalidated_and_never_stale(client: Any) -> None:
    responses.get(TASKS, json=[{"id": P, "name": "a"}], headers={"ETag": '"v1"'})
    all_tasks = gazu.task.all_tasks_for_project
    assert all_tasks(P, client=client) == [{"id": P, "name": "a"}]
    responses.replace(responses.GET, TASKS, status=304, headers={"ETag": '"v1"'})
    assert all_tasks(P, client=client) == [{"id": P, "name": "a"}]
    assert responses.calls[-1].request.headers["If-None-Match"] == '"v1"'
    responses.replace(responses.GET, TASKS, json=[{"id": P, "name": "b"}], headers={"ETag": '"v2"'})
    assert all_tasks(P, client=client) == [{"id": P, "name": "b"}]  # changed on the server: the new answer
    assert all_tasks.get_cache_infos()["revalidated_hits"] == 2


@responses.activate
def test_the_cache_is_off_unless_enabled_and_per_function_controls_work(client: Any) -> None:
    responses.get(PROJECTS, json=[{"id": P, "name": "a"}])
    responses.get(f"{HOST}/data/project-status", json=[])
    all_projects = gazu.project.all_projects
    gazu.cache.disable()
    all_projects(client), all_projects(client)
    assert len(responses.calls) == 2 and all_projects.get_cache_infos()["current_size"] == 0
    gazu.cache.enable()
    all_projects.disable_cache()
    all_projects(client)
    assert len(responses.calls) == 3
    all_projects.enable_cache()
    all_projects.set_cache_expire(0.0001)
    all_projects(client)
    time.sleep(0.01)
    all_projects(client)
    assert all_projects.get_cache_infos()["expired_hits"] == 1
    all_projects.set_cache_expire(120)
    all_projects.set_cache_max_size(1)
    all_projects(client=client)  # a second key: the oldest entry goes
    assert all_projects.get_cache_infos()["current_size"] == 1
    gazu.cache.clear_all()
    assert all_projects.get_cache_infos()["current_size"] == 0


def test_cached_functions_have_gazus_controls_and_keep_their_signature() -> None:
    function = gazu.asset.get_asset
    for name in ("clear_cache", "set_cache_expire", "set_expire", "set_cache_max_size", "enable_cache",
                 "disable_cache", "get_cache_infos"):
        assert callable(getattr(function, name))
    assert list(inspect.signature(function).parameters) == ["asset_id", "client"]


def test_the_modules_helpers_work_on_stores_of_gazus_shape() -> None:
    store: dict[str, Any] = {}
    calls: list[int] = []

    def answer(value: int) -> list[int]:
        calls.append(value)
        return [value]

    assert gazu.cache.get_cache_key((1,), {}) == "[1]" and gazu.cache.get_cache_key((), {}) == ""
    value = gazu.cache.insert_value(answer, store, (2,), {})
    value.append(3)
    assert gazu.cache.get_value(store, "[2]") == [2] and calls == [2]
    assert not gazu.cache.is_cache_expired(store, {"expire": 0}, "[2]")
    gazu.cache.insert_value(answer, store, (4,), {})
    assert gazu.cache.remove_oldest_entry(store, 1) == "[2]" and list(store) == ["[4]"]
    assert gazu.cache.remove_oldest_entry(store, 0) is None  # 0: no limit, as in gazu


@responses.activate
def test_clearing_a_cache_forgets_its_answers_and_its_counts(client: Any) -> None:
    responses.get(PROJECTS, json=[{"id": P, "name": "a"}])
    gazu.project.all_projects(client)
    gazu.project.all_projects(client)
    gazu.project.all_projects.clear_cache()
    infos = gazu.project.all_projects.get_cache_infos()
    assert (infos["hits"], infos["misses"], infos["current_size"]) == (0, 0, 0)
    gazu.project.all_projects(client)
    assert len(responses.calls) == 2  # asked again: nothing was kept


def test_the_helpers_key_every_kind_of_argument_and_evict_the_least_recent() -> None:
    import datetime as dt

    from kitsu_models.session import Kitsu

    when = dt.datetime(2026, 1, 2)
    assert gazu.cache.get_cache_key((), {"b": 1, "a": when}) == '{"a": "2026-01-02 00:00:00", "b": 1}'
    assert gazu.cache.get_cache_key((1,), {"a": 2}) == '[[1], {"a": 2}]'
    task = Kitsu(HOST).tasks.materialize([{"id": P, "name": "main"}])[0]
    assert json.loads(gazu.cache.get_cache_key((task,), {})) == [["Task", P]]
    ada, bob, anonymous = (gazu.client.create_client(HOST) for _ in range(3))
    ada.tokens, bob.tokens = {"access_token": "a.a.a"}, {"access_token": "b.b.b"}
    keys = {gazu.cache.get_cache_key((), {"client": c}) for c in (ada, bob, anonymous)}
    assert len(keys) == 3 and "a.a.a" not in "".join(keys)  # per user, the token itself never kept
    assert json.loads(gazu.cache.get_cache_key((anonymous,), {}))[0][:2] == [HOST, None]
    store: dict[str, Any] = {}
    assert gazu.cache.insert_value(lambda value, extra=0: value + extra, store, (4,), {"extra": 1}) == 5
    time.sleep(0.001)
    gazu.cache.insert_value(lambda value: value, store, (2,), {})
    assert gazu.cache.remove_oldest_entry(store, 1) == '[[4], {"extra": 1}]' and list(store) == ["[2]"]


def test_switching_the_cache_reports_its_state_and_a_size_of_zero_is_no_limit(client: Any) -> None:
    assert gazu.cache.disable() is False and gazu.cache.cache_settings["enabled"] is False
    assert gazu.cache.enable() is True and gazu.cache.cache_settings["enabled"] is True
    all_projects = gazu.project.all_projects
    all_projects.disable_cache()
    assert all_projects.get_cache_infos()["enabled"] is False
    all_projects.enable_cache()
    all_projects.set_cache_max_size(0)
    with responses.RequestsMock() as mocked:
        mocked.get(PROJECTS, json=[])
        for _ in range(3):
            all_projects(client)
            client.tokens = {"access_token": f"{time.monotonic()}.b.c"}  # another key each time
    assert all_projects.get_cache_infos()["current_size"] == 3
