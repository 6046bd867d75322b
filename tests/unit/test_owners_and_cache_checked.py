"""Behaviours of relation loading, object creation, gazu's calls and gazu's
memo that the mutation run found reached but not checked
(docs/mutation-testing.md): the project owners share, where a list of ids
is read; the list a relation of ids keeps its session in; the per-owner
route taken when the list route is refused; one request per owner for a
route relation, and the owner's own route for one owner of a per-project
relation; a loaded object named by a create's answer staying in its
session; a memo revalidating a read made with a query; the entry stored
last kept on a clock that did not move; the route an unexpected answer of
a gazu read names."""

from __future__ import annotations

import datetime
import re
import types
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

import gazu
from kitsu_models import errors
from kitsu_models.models import Asset, Budget, BudgetEntry, Episode, Person, Shot, Task
from kitsu_models.orm.relations import ToMany
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row

GAZU_HOST = "http://kitsu.test/api"


def sent_paths(mocked: responses.RequestsMock) -> list[str]:
    return [urlparse(str(call.request.url)).path for call in mocked.calls]


def ids(objects: Any) -> list[str]:
    return [obj.id for obj in objects]


# ------------------------------------------------------ _to_many, ids_field
def test_the_episodes_of_assets_of_one_project_are_read_in_that_projects_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """More ids than one request of ids carries, of a small per-project
    table: the owners' shared project's list is read once instead, and each
    owner's list keeps the session and the order of its ids."""
    cast_episodes: ToMany[Episode] = ToMany(lambda: Episode, ids_field="casting_episode_ids")
    cast_episodes.__set_name__(Asset, "cast_episodes")  # not set on the class: no other test sees it
    pid = new_id()
    episodes = [row("Episode", id=new_id(), project_id=pid) for _ in range(60)]
    wanted = [[episode["id"] for episode in episodes[:35]], [episode["id"] for episode in episodes[35:]][::-1]]
    assets = kitsu.assets.materialize(
        [row("Asset", "get", id=new_id(), project_id=pid, casting_episode_ids=listed) for listed in wanted]
    )
    mocked.get(API + f"data/projects/{pid}/episodes", json=episodes)
    kitsu.load_relation(cast_episodes, list(assets))
    assert sent_paths(mocked) == [f"/api/data/projects/{pid}/episodes"]
    for asset, listed in zip(assets, wanted):
        loaded = cast_episodes.cached(asset)
        assert ids(loaded) == listed
        assert loaded.session is kitsu


# --------------------------------------------------- _to_many, foreign_key
def test_budgets_refused_the_entries_list_read_each_budgets_own_entries(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A user the server refuses ``data/budget-entries`` (403) gets each
    budget's entries through the budget's own route."""
    pid = new_id()
    budgets = kitsu.repository_of(Budget).materialize(
        [{"id": new_id(), "name": f"v{n}", "revision": n, "currency": "EUR", "project_id": pid} for n in (1, 2)]
    )
    mocked.get(re.compile(re.escape(API + "data/budget-entries") + r".*"), status=403, json={"message": "no"})
    entries = {budget.id: [{"id": new_id(), "budget_id": budget.id, "department_id": new_id()} for _ in range(2)]
               for budget in budgets}
    for budget in budgets:
        mocked.get(API + f"data/projects/{pid}/budgets/{budget.id}/entries", json=entries[budget.id])
    kitsu.load_relation(Budget.entries, list(budgets))
    for budget in budgets:
        loaded = Budget.entries.cached(budget)
        assert ids(loaded) == [entry["id"] for entry in entries[budget.id]]
        assert all(isinstance(entry, BudgetEntry) for entry in loaded)
    assert sent_paths(mocked) == ["/api/data/budget-entries"] + [
        f"/api/data/projects/{pid}/budgets/{budget.id}/entries" for budget in budgets
    ]


# -------------------------------------------------------- _to_many, routes
def test_the_tasks_of_two_persons_are_read_by_one_request_per_person(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    persons = kitsu.persons.materialize([row("Person", id=new_id()) for _ in range(2)])
    tasks = {person.id: row("Task", "get", id=new_id(), assignees=[person.id]) for person in persons}
    for person in persons:
        mocked.get(API + f"data/persons/{person.id}/tasks", json=[tasks[person.id]])
    kitsu.load_relation(Person.tasks, list(persons))
    assert [ids(Person.tasks.cached(person)) for person in persons] == [[tasks[p.id]["id"]] for p in persons]
    assert sent_paths(mocked) == [f"/api/data/persons/{person.id}/tasks" for person in persons]


def test_the_casting_of_a_shot_loaded_alone_is_read_through_its_own_route(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """One owner: its own casting, not its whole project's."""
    pid = new_id()
    shot = kitsu.shots.materialize([row("Shot", "get", id=new_id(), project_id=pid)])[0]
    fox = new_id()
    mocked.get(API + f"data/projects/{pid}/entities/{shot.id}/casting",
               json=[{"asset_id": fox, "asset_name": "Fox", "nb_occurences": 2}])
    assert [(entry.asset_id, entry.nb_occurences) for entry in shot.casting] == [(fox, 2)]
    assert sent_paths(mocked) == [f"/api/data/projects/{pid}/entities/{shot.id}/casting"]


# ------------------------------------------------------ IdentityMap.adopt
def test_a_create_answering_the_id_of_a_loaded_object_makes_the_created_one_known_and_no_twin(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """The new task was already read (an event listener read it by id
    before the POST answered): the created object becomes the session's
    one object of that id; the early one is forgotten, as by
    ``identity.clear()``, and the two never share their values."""
    answer = row("Task", "create", id=new_id(), description="made")
    seen = kitsu.tasks.materialize([row("Task", "get", id=answer["id"], description="seen early")])[0]
    mocked.post(API + "data/tasks", json=answer)
    new = Task(project_id=answer["project_id"], task_type_id=answer["task_type_id"],
               task_status_id=answer["task_status_id"], entity_id=answer["entity_id"], description="made")
    assert new.save(kitsu) is new and new.id == answer["id"]
    assert new.session is kitsu and kitsu.identity.get(Task, answer["id"]) is new
    assert new.description == "made" and new.changes() == {}
    assert seen.session is kitsu and seen.description == "seen early"
    seen.description = "edited through the early copy"
    assert new.description == "made" and new.changes() == {}
    assert seen.changes() == {"description": "edited through the early copy"}


# ------------------------------------------------------------- gazu.cache
@pytest.fixture
def client() -> Iterator[gazu.client.KitsuClient]:
    """A gazu client on the fake API, gazu's memo on and empty."""
    made = gazu.client.create_client(GAZU_HOST)
    made.tokens = {"access_token": "a.b.c"}
    gazu.cache.enable()
    gazu.cache.clear_all()
    yield made
    gazu.cache.clear_all()
    gazu.cache.disable()


def test_a_memo_of_a_read_with_a_query_revalidates_it_and_is_never_stale(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock
) -> None:
    statuses = f"{GAZU_HOST}/data/task-status"
    first, renamed = {"id": new_id(), "name": "WIP"}, {"id": new_id(), "name": "WIP"}
    mocked.get(statuses, json=[first], headers={"ETag": '"v1"'})
    by_name = gazu.task.get_task_status_by_name
    assert by_name("WIP", client=client) == first
    mocked.replace(responses.GET, statuses, json=[renamed], headers={"ETag": '"v2"'})
    assert by_name("WIP", client=client) == renamed  # changed on the server: the new answer
    assert len(mocked.calls) == 2
    second = mocked.calls[1].request
    assert second.headers["If-None-Match"] == '"v1"'
    assert parse_qs(urlparse(str(second.url)).query) == {"name": ["WIP"]}
    assert by_name.get_cache_infos()["revalidated_hits"] == 1


class StoppedClock:
    """gazu.cache's ``datetime`` module, on a clock the test moves by hand."""

    def __init__(self) -> None:
        self.at = datetime.datetime(2026, 3, 4, 5, 6, 7)
        clock = self

        class Now(datetime.datetime):
            @classmethod
            def now(cls, tz: datetime.tzinfo | None = None) -> Now:
                return cls(*clock.at.timetuple()[:6])

        self.module = types.SimpleNamespace(datetime=Now, timedelta=datetime.timedelta)


def test_an_entry_stored_again_is_the_last_evicted_when_the_clock_did_not_move(
    monkeypatch: pytest.MonkeyPatch, client: gazu.client.KitsuClient
) -> None:
    """A coarse clock gives entries stored one after the other the same
    time: the one stored last is still the most recent."""
    clock = StoppedClock()
    monkeypatch.setattr(gazu.cache, "datetime", clock.module)
    asked: list[str] = []

    def read(key: str) -> str:
        asked.append(key)
        return key.upper()

    cached = gazu.cache.cache(read, maxsize=2, expire=10)
    try:
        assert (cached("a"), cached("b")) == ("A", "B")
        clock.at += datetime.timedelta(seconds=60)  # both expired
        assert (cached("b"), cached("a")) == ("B", "A")  # stored again, at one same time: "a" last
        assert cached("c") == "C"  # one too many: "b" goes
        assert cached("a") == "A" and asked == ["a", "b", "b", "a", "c"]
        assert cached("b") == "B" and asked[-1] == "b"
    finally:
        gazu.cache.cached_functions.remove(cached)


# ------------------------------------------------------------ _calls._shaped
def test_a_list_read_answered_with_a_record_names_its_route(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock
) -> None:
    shot = new_id()
    mocked.get(f"{GAZU_HOST}/data/shots/{shot}/tasks", json={"id": shot})
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        gazu.task.all_tasks_for_shot(shot, client=client)
    error = caught.value
    assert (error.path, error.status, error.problem) == (f"data/shots/{shot}/tasks", 200, "expected a list")
    assert str(error).startswith(f"data/shots/{shot}/tasks -> 200: expected a list")
