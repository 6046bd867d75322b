"""Behaviours of the identity map, ``ModelList`` and the repository's
materialising paths that the mutation run found reached but not checked
(docs/mutation-testing.md): which objects the map holds and when it sweeps
the dead ones, what ``alive``, ``seed`` and ``merge_known`` answer for rows
of another class or without an id, a bounded repr, a list's prefetch with no
session of its own, the caller's rows left unchanged, the session a loaded
list keeps, and the argument an error names."""

from __future__ import annotations

import asyncio
import copy
import gc
import re
from typing import Any

import pytest
import responses

from kitsu_models import Asset, Shot, Task, TaskStatus, TaskType, errors
from kitsu_models.exchange import drive
from kitsu_models.orm.collection import ModelList
from kitsu_models.orm.identity import IdentityMap
from kitsu_models.orm.state import Origin, origin_of
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row


def entries(identity: IdentityMap) -> int:
    """The entries the map holds, dead ones (not swept yet) included."""
    return sum(len(refs) for refs in identity._roots.values())


def add_dead(kitsu: Kitsu, identity: IdentityMap, count: int) -> None:
    """``count`` task statuses added to ``identity``, then let go."""
    statuses = kitsu.task_statuses.materialize([row("TaskStatus", id=new_id()) for _ in range(count)])
    for status in statuses:
        identity.add(status)
    del statuses, status
    gc.collect()


def load_one(kitsu: Kitsu, identity: IdentityMap, **changes: Any) -> list[TaskStatus]:
    """One task status materialised by ``identity`` (kept alive by the caller)."""
    return identity.materialize(TaskStatus, [row("TaskStatus", **{"id": new_id(), **changes})], Origin(kitsu))


# ------------------------------------------------------- ModelList.prefetch
def test_prefetch_of_a_list_made_without_a_session_uses_its_first_members(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A one-member list built by user code (no session of its own) loads
    through its member's session."""
    status = row("TaskStatus", id=new_id())
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), task_status_id=status["id"])])[0]
    mocked.get(re.compile(re.escape(API) + "data/task-status.*"), json=[status])
    alone: ModelList[Task] = ModelList([task])
    assert alone.prefetch("task_status") is alone
    assert len(mocked.calls) == 1
    assert task.task_status.id == status["id"]
    assert len(mocked.calls) == 1  # read by the prefetch, not on access


def test_aprefetch_of_a_list_made_without_a_session_uses_its_first_members(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    status = row("TaskStatus", id=new_id())
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), task_status_id=status["id"])])[0]
    mocked.get(re.compile(re.escape(API) + "data/task-status.*"), json=[status])
    alone: ModelList[Task] = ModelList([task])
    assert asyncio.run(alone.aprefetch("task_status")) is alone
    assert len(mocked.calls) == 1
    assert task.task_status.id == status["id"]
    assert len(mocked.calls) == 1


# ------------------------------------------------------- ModelList.__repr__
def test_repr_of_one_member_says_item_in_the_singular(kitsu: Kitsu) -> None:
    tasks = kitsu.tasks.materialize([row("Task", "get", id=new_id())])
    assert repr(tasks) == f"ModelList(1 item: [{tasks[0]!r}])"


def test_repr_of_two_members_says_items_and_separates_them_by_a_comma(kitsu: Kitsu) -> None:
    tasks = kitsu.tasks.materialize([row("Task", "get", id=new_id()) for _ in range(2)])
    assert repr(tasks) == f"ModelList(2 items: [{tasks[0]!r}, {tasks[1]!r}])"


def test_repr_of_exactly_five_members_shows_them_all_with_no_more_count(kitsu: Kitsu) -> None:
    tasks = kitsu.tasks.materialize([row("Task", "get", id=new_id()) for _ in range(5)])
    assert repr(tasks) == "ModelList(5 items: [" + ", ".join(repr(task) for task in tasks) + "])"


# --------------------------------------------------------------- registry
def test_a_model_class_defined_later_is_found_by_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from kitsu_models.orm import registry
    from kitsu_models.orm.base import KitsuModel
    from kitsu_models.orm.registry import find, model_class

    monkeypatch.setattr(registry, "_classes", dict(registry._classes))  # the class is gone after the test

    class IdentityCheckedProbe(KitsuModel):
        label: str | None = None

    assert model_class("IdentityCheckedProbe") is IdentityCheckedProbe
    assert find("IdentityCheckedProbe") is IdentityCheckedProbe


# --------------------------------------------------------- IdentityMap.alive
def test_alive_gives_only_objects_of_the_class_asked_not_others_of_its_root(kitsu: Kitsu) -> None:
    """Assets and shots share the entity ids: ``alive(Shot)`` leaves the
    assets out, and dead entries are skipped."""
    asset = kitsu.assets.materialize([row("Asset", id=new_id())])[0]
    shot = kitsu.shots.materialize([row("Shot", id=new_id())])[0]
    kitsu.shots.materialize([row("Shot", id=new_id())])  # let go at once
    gc.collect()
    assert kitsu.identity.alive(Shot) == [shot]
    assert kitsu.identity.alive(Asset) == [asset]


# ------------------------------------------------------ sweeping the map
def test_entries_added_one_by_one_count_toward_the_sweep_of_dead_ones(kitsu: Kitsu) -> None:
    """The map sweeps its dead entries once more than 1024 were added:
    1023 added, one loaded (1024: kept), one more loaded (swept)."""
    identity = IdentityMap()
    add_dead(kitsu, identity, 1023)
    first = load_one(kitsu, identity)
    assert entries(identity) == 1024
    second = load_one(kitsu, identity)
    assert entries(identity) == 2
    assert len(identity) == 2 and identity.get(TaskStatus, second[0].id) is second[0]
    assert identity.get(TaskStatus, first[0].id) is first[0]


def test_seeded_objects_count_toward_the_sweep_of_dead_ones(kitsu: Kitsu) -> None:
    identity = IdentityMap()
    for _ in range(1023):
        identity.seed(TaskType, {"id": new_id(), "name": "layout"}, Origin(kitsu))
    gc.collect()
    first = load_one(kitsu, identity)
    assert entries(identity) == 1024
    second = load_one(kitsu, identity)
    assert entries(identity) == 2
    assert [first[0], second[0]] == identity.alive(TaskStatus)


def test_clear_forgets_every_object_and_restarts_the_count_to_the_sweep(kitsu: Kitsu) -> None:
    identity = IdentityMap()
    add_dead(kitsu, identity, 1023)
    kept = load_one(kitsu, identity)
    identity.clear()
    assert identity.get(TaskStatus, kept[0].id) is None and entries(identity) == 0
    add_dead(kitsu, identity, 1023)
    first = load_one(kitsu, identity)
    assert entries(identity) == 1024  # 1024 since the clear: not swept yet
    assert identity.get(TaskStatus, first[0].id) is first[0]


def test_after_a_sweep_of_few_survivors_the_next_comes_after_1024_more(kitsu: Kitsu) -> None:
    identity = IdentityMap()
    add_dead(kitsu, identity, 1025)
    first = load_one(kitsu, identity)
    assert entries(identity) == 1  # swept: the one loaded is left
    add_dead(kitsu, identity, 1023)
    second = load_one(kitsu, identity)
    assert entries(identity) == 2  # 1 + 1023 + 1 = 1025 > 1024: swept again
    assert identity.alive(TaskStatus) == [first[0], second[0]]


def test_a_map_whose_every_object_is_gone_is_swept_empty(kitsu: Kitsu) -> None:
    """The sweep a row without an id triggers leaves nothing, and no error."""
    identity = IdentityMap()
    add_dead(kitsu, identity, 1025)
    no_id = row("TaskStatus")
    del no_id["id"]
    built = identity.materialize(TaskStatus, [no_id], Origin(kitsu))
    assert built[0].id == "" and entries(identity) == 0 and len(identity) == 0


# --------------------------------------------------------- IdentityMap.evict
def test_deleting_an_object_the_session_forgot_deletes_it(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    status = kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0]
    kitsu.identity.clear()
    mocked.delete(API + f"data/task-status/{status.id}", status=204)
    assert kitsu.task_statuses.delete(status) is True
    assert status.is_deleted
    assert [call.request.method for call in mocked.calls] == ["DELETE"]


# --------------------------------------------------- IdentityMap.merge_known
def test_merge_known_ignores_a_row_whose_id_is_not_a_string(kitsu: Kitsu) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    assert kitsu.identity.merge_known(Task, {"id": [task.id], "name": "renamed"}) is None
    assert kitsu.identity.merge_known(Task, {"id": "", "name": "renamed"}) is None
    assert task.name != "renamed"


def test_merge_known_keeps_no_part_of_the_callers_row(kitsu: Kitsu) -> None:
    """The row's nested values are copied: the caller changing them after
    the merge leaves the object as merged."""
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), data={})])[0]
    event_row: dict[str, Any] = {"id": task.id, "data": {"notes": {"text": "first"}}}
    assert kitsu.identity.merge_known(Task, event_row) is task
    event_row["data"]["notes"]["text"] = "changed by the caller"
    assert task.data == {"notes": {"text": "first"}}


# ---------------------------------------------------------- IdentityMap.seed
def test_seed_without_an_id_or_with_an_empty_one_makes_no_object(kitsu: Kitsu) -> None:
    origin = Origin(kitsu)
    assert kitsu.identity.seed(TaskType, {"name": "layout"}, origin) is None
    assert kitsu.identity.seed(TaskType, {"id": "", "name": "layout"}, origin) is None
    assert len(kitsu.identity) == 0


def test_a_seeded_object_is_partial_even_when_every_field_it_lacks_may_be_none(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A task type seeded from a joined name lacks only optional fields, but
    is partial still: the first read of one loads its record."""
    full = row("TaskType", "get", id=new_id(), color="#ff0000")
    seeded = kitsu.identity.seed(TaskType, {"id": full["id"], "name": full["name"]}, Origin(kitsu))
    assert seeded is not None and seeded.is_partial
    mocked.get(re.compile(re.escape(API) + "data/task-types.*"), json=[full])
    assert seeded.color == "#ff0000"
    assert len(mocked.calls) == 1 and not seeded.is_partial


# ------------------------------------------------- Repository.materialize
def test_materialize_leaves_the_callers_rows_unchanged_and_unshared(kitsu: Kitsu) -> None:
    given = row("Task", "get", id=new_id(), assignees=[new_id()], data={"notes": "first"})
    before = copy.deepcopy(given)
    task = kitsu.tasks.materialize([given])[0]
    assert given == before  # no alias renamed, no key taken away
    given["data"]["notes"] = "changed by the caller"
    assert task.data == {"notes": "first"} and task.assignee_ids == before["assignees"]


def test_plan_materialize_copies_the_callers_rows_by_default_as_materialize(kitsu: Kitsu) -> None:
    """The plan (what async sessions and loaders drive) takes the rows over
    only when told ``owned=True``."""
    given = row("Task", "get", id=new_id(), assignees=[new_id()], data={"notes": "first"})
    before = copy.deepcopy(given)
    task = drive(kitsu.tasks.plan_materialize([given]), kitsu.transport.send)[0]
    assert given == before
    given["data"]["notes"] = "changed by the caller"
    assert task.data == {"notes": "first"} and task.assignee_ids == before["assignees"]


# -------------------------------------------- Repository.plan_materialize_list
def test_a_list_materialised_from_rows_read_elsewhere_keeps_the_session_and_scope(kitsu: Kitsu) -> None:
    project_id = new_id()
    rows = [row("Task", "get", id=new_id(), project_id=project_id) for _ in range(2)]
    tasks = drive(kitsu.tasks.plan_materialize_list(rows, {"project_id": project_id}), kitsu.transport.send)
    assert tasks.session is kitsu and tasks.scope == {"project_id": project_id}
    assert all(getattr(origin_of(task), "cohort", None) is tasks for task in tasks)


# ------------------------------------- Repository.plan_filter_into_one_cohort
def test_the_children_of_many_owners_make_one_list_of_the_session(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    owners = [new_id(), new_id()]
    rows = [row("Task", "get", id=new_id(), entity_id=owner) for owner in owners]
    mocked.get(API + "data/tasks", json=rows)
    tasks = drive(kitsu.tasks.plan_filter_into_one_cohort("entity_id", owners, {}), kitsu.transport.send)
    assert tasks.session is kitsu and [task.id for task in tasks] == [r["id"] for r in rows]
    assert all(getattr(origin_of(task), "cohort", None) is tasks for task in tasks)


# ----------------------------------------------------- ids named in errors
def test_saving_an_object_whose_id_is_not_one_names_the_models_id(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id="not-an-id")])[0]
    task.name = "renamed"
    with pytest.raises(errors.InvalidArgumentError) as caught:
        task.save()
    assert str(caught.value).startswith("Task id must be a Kitsu id (UUID), got 'not-an-id'")
    assert len(mocked.calls) == 0


def test_get_of_a_known_object_under_a_parent_that_is_no_id_names_the_parent(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.tasks.get(task.id, project_id="not-an-id")
    assert str(caught.value).startswith("project_id must be a Kitsu id (UUID), got 'not-an-id'")
    assert len(mocked.calls) == 0
