"""``Repository.iter(page_size=...)`` against the real server: on a paged
route it walks the pages lazily (``page``/``limit``), yielding every object
once; on a route that does not page it sends one list request."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from kitsu_models.models import Asset, Entity, Shot, Task
from kitsu_models.session import Kitsu

from .models_support import JSONDict, RequestLog, clone

pytestmark = pytest.mark.server

NB_TASKS = 7


@dataclass
class Production:
    kitsu: Kitsu
    project_id: str
    task_ids: list[str]
    entity_ids: list[str]


@pytest.fixture
def production(make_project: Callable[..., JSONDict], new_session: Callable[..., Kitsu]) -> Production:
    """A production with NB_TASKS tasks (on one asset, named t0, t1...)."""
    pid = make_project(task_types=["Modeling"], task_statuses=["Todo"], asset_types=["Character"])["id"]
    kitsu = new_session()
    character = kitsu.asset_types.get_by_name("Character")
    modeling = kitsu.task_types.first(name="Modeling", for_entity="Asset")
    todo = kitsu.task_statuses.get_by_name("Todo")
    assert modeling is not None
    asset = Asset(name="Hero", project_id=pid, entity_type_id=character.id).save(kitsu)
    other = Asset(name="Villain", project_id=pid, entity_type_id=character.id).save(kitsu)
    tasks = [
        Task(name=f"t{i}", project_id=pid, entity_id=asset.id, task_type_id=modeling.id, task_status_id=todo.id)
        .save(kitsu) for i in range(NB_TASKS)
    ]
    return Production(kitsu, pid, [t.id for t in tasks], [asset.id, other.id])


@pytest.mark.parametrize("page_size", [3, 7, 10])
def test_iter_walks_the_pages_of_a_paged_route(production: Production, page_size: int) -> None:
    kitsu = clone(production.kitsu)
    assert Task.__route__.paged
    with RequestLog(kitsu) as log:
        walked = kitsu.tasks.iter(page_size=page_size, project=production.project_id)
        first = next(walked)  # lazy: one page so far
        assert len(log) == 1, log.summary()
        tasks = [first, *walked]
    # Every task once.
    assert all(type(task) is Task for task in tasks)
    assert sorted(task.id for task in tasks) == sorted(production.task_ids)
    assert len({task.id for task in tasks}) == NB_TASKS
    # ceil(n / page_size) pages, and one more (empty) when the last is full.
    pages = math.ceil(NB_TASKS / page_size) + (1 if NB_TASKS % page_size == 0 else 0)
    assert len(log) == pages, log.summary()
    for number, sent in enumerate(log.sent, 1):
        assert (sent.method, sent.path) == ("GET", "data/tasks")
        assert sent.params == {
            "relations": "true", "project_id": production.project_id, "limit": str(page_size), "page": str(number)
        }
    # The objects are the session's: a later query gives the same ones.
    assert kitsu.tasks.get(tasks[0].id) is tasks[0]
    again = kitsu.tasks.filter(project=production.project_id).by_id()
    assert sorted(again) == sorted(production.task_ids)
    assert all(again[task.id] is task for task in tasks)


def test_iter_filters_like_filter(production: Production) -> None:
    kitsu = clone(production.kitsu)
    named = list(kitsu.tasks.iter(page_size=2, project=production.project_id, name="t3"))
    assert [task.name for task in named] == ["t3"]
    assert list(kitsu.tasks.iter(page_size=2, entity_id=production.entity_ids[1])) == []


@pytest.mark.parametrize("model", [Entity, Shot, Asset], ids=lambda m: m.__name__)
def test_iter_on_a_route_that_does_not_page_sends_one_list_request(
    production: Production, model: type[Entity]
) -> None:
    kitsu = clone(production.kitsu)
    assert not model.__route__.paged
    with RequestLog(kitsu) as log:
        found = list(kitsu.repository(model).iter(page_size=1, project=production.project_id))
    reads = [s for s in log.sent if s.path != "data/entity-types"]  # the class of each entity row
    assert len(reads) == 1, log.summary()
    pid = production.project_id
    path = {Entity: "data/entities", Asset: f"data/projects/{pid}/assets", Shot: f"data/projects/{pid}/shots"}[model]
    assert (reads[0].method, reads[0].path) == ("GET", path)
    assert "page" not in reads[0].params and "limit" not in reads[0].params
    expected = {Entity: production.entity_ids, Asset: production.entity_ids, Shot: []}[model]
    assert sorted(item.id for item in found) == sorted(expected)
    assert all(type(item) is Asset for item in found)
