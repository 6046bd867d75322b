"""Queries of ``Repository`` that the mutation run found reached but not
checked (docs/mutation-testing.md): the criteria the server cannot filter
on and the route parameter a criterion may replace, "any of" lists of 50
values and more, the list a name query gives and the objects it leaves out,
the list (cohort) an object found again belongs to, rows given to
``materialize`` (known objects kept in their lists, ``owned`` rows taken as
they are, what is not a row refused), a list answer holding a row without
an id, the entity types read again for a type made since, and a
blocking query on an async session."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import AsyncKitsu, Sequence, Shot, Task, errors
from kitsu_models.orm.state import origin_of
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row
from .test_drivers import (  # noqa: F401 (driver, script: the fixtures)
    Reply, Script, close, done, driver, run, script, session,
)
from .test_repository_checked import statuses_asked, two_tasks_of_two_statuses


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(str(call.request.url)).query)


def named(name: str) -> dict[str, Any]:
    """A project row of this name."""
    return {**row("Project", id=new_id()), "name": name}


# ------------------------------------------------------------- criteria
def test_a_criterion_the_server_cannot_filter_on_is_refused_naming_the_field(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """An id list of a many-to-many link (aliased: ``assignee_ids``) and a
    column some routes compute (``project_name``): the server would ignore
    the key and answer every task."""
    for field, value in (("assignee_ids", [new_id()]), ("project_name", "Agent 327")):
        with pytest.raises(errors.InvalidArgumentError) as caught:
            kitsu.tasks.filter(**{field: value})
        assert str(caught.value) == f"Task.{field} cannot be filtered on by the server"
    assert len(mocked.calls) == 0


def test_a_criterion_naming_no_field_is_refused_naming_it(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.tasks.filter(task_type_id=new_id(), colour="red")
    assert str(caught.value) == "Task has no field 'colour' to filter on"
    assert len(mocked.calls) == 0


def test_a_routes_own_parameter_given_as_a_criterion_replaces_its_default(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """The task list is asked ``relations=true`` unless the query says
    otherwise: ``relations=False`` is sent as ``relations=false``."""
    task_type_id = new_id()
    mocked.get(API + "data/tasks", json=[])
    assert kitsu.tasks.filter(task_type_id=task_type_id, relations=False) == []
    assert query(mocked.calls[0]) == {"relations": ["false"], "task_type_id": [task_type_id]}


# ------------------------------------------------------ "any of" lists
def test_a_list_of_more_than_50_is_read_by_50_each_time_with_a_list_of_50_whole(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """51 task types and 50 statuses: the task types in two requests (50,
    then the 51st), the 50 statuses whole in both."""
    task_types, statuses = [new_id() for _ in range(51)], [new_id() for _ in range(50)]
    answers = [row("Task", "get", id=new_id(), task_type_id=task_types[0]),
               row("Task", "get", id=new_id(), task_type_id=task_types[50])]
    for answer in answers:
        mocked.get(API + "data/tasks", json=[answer])
    found = kitsu.tasks.filter(task_type_id=task_types, task_status_id=statuses)
    assert [task.id for task in found] == [answer["id"] for answer in answers]
    sent = [query(call) for call in mocked.calls]
    assert [json.loads(one["task_type_id"][0]) for one in sent] == [task_types[:50], task_types[50:]]
    assert [json.loads(one["task_status_id"][0]) for one in sent] == [statuses, statuses]


def test_two_criteria_listing_more_than_50_values_are_refused_before_any_request(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Each read by 50 values, they would take a request per pair of
    chunks: only one criterion of a query may list more than 50."""
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.tasks.filter(task_type_id=[new_id() for _ in range(51)], task_status_id=[new_id() for _ in range(51)])
    assert str(caught.value) == "at most one criterion may list more than 50 values"
    assert len(mocked.calls) == 0


# ---------------------------------------------------------- name queries
def test_the_list_a_name_query_gives_is_the_sessions_and_keeps_the_querys_scope(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Of the server's case-insensitive matches, only the exact one is kept:
    in a list of the session, scoped by the query as any query's list."""
    loose, exact = named("agent 327"), named("Agent 327")
    mocked.get(API + "data/projects", json=[loose, exact])
    found = kitsu.projects.filter(name="Agent 327")
    assert [project.id for project in found] == [exact["id"]]
    assert found.session is kitsu and found.scope == {"name": "Agent 327"}


def test_a_name_query_leaves_out_an_object_whose_record_has_no_name(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A project row without its name is read again by id for it; its whole
    record lacking it too, it is no match (as ``rows`` leaves its row out),
    and the query does not fail."""
    nameless, exact = row("Project", id=new_id()), named("Agent 327")
    del nameless["name"]
    mocked.get(API + "data/projects", json=[nameless, exact])
    mocked.get(API + "data/projects", json=[dict(nameless)])  # the record read again
    assert [project.id for project in kitsu.projects.filter(name="Agent 327")] == [exact["id"]]
    assert query(mocked.calls[1])["id"] == [json.dumps([nameless["id"]])]


# ------------------------------------------------------- lists (cohorts)
def test_an_object_a_query_finds_again_joins_that_querys_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A task loaded with another, found again by a query with a third:
    its status then loads with the third's, not with the first list's."""
    tasks, statuses = two_tasks_of_two_statuses(kitsu)
    third_status = new_id()
    third = row("Task", "get", id=new_id(), task_status_id=third_status)
    mocked.get(API + "data/tasks", json=[row("Task", "get", id=tasks[0].id, task_status_id=statuses[0]), third])
    found = kitsu.tasks.filter(task_status_id=[statuses[0], third_status])
    assert found[0] is tasks[0]
    mocked.get(API + "data/task-status", json=[row("TaskStatus", id=status) for status in (statuses[0], third_status)])
    assert tasks[0].task_status.id == statuses[0]
    assert statuses_asked(mocked.calls[-1]) == sorted([statuses[0], third_status])
    assert found[1].task_status.id == third_status and len(mocked.calls) == 2


def test_a_row_given_to_materialize_leaves_its_known_object_in_its_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A row from elsewhere (an event) for a task loaded with another is
    merged into it; the task stays in its list: its status loads with its
    neighbour's."""
    tasks, statuses = two_tasks_of_two_statuses(kitsu)
    merged = kitsu.tasks.materialize([row("Task", "get", id=tasks[0].id, task_status_id=statuses[0],
                                          description="from an event")])
    assert merged[0] is tasks[0] and tasks[0].description == "from an event"
    mocked.get(API + "data/task-status", json=[row("TaskStatus", id=status) for status in statuses])
    assert tasks[0].task_status.id == statuses[0]
    assert statuses_asked(mocked.calls[0]) == sorted(statuses)
    assert tasks[1].task_status.id == statuses[1] and len(mocked.calls) == 1


# ----------------------------------------------------------- materialize
def test_materialize_takes_owned_rows_as_the_objects_storage_and_copies_others(kitsu: Kitsu) -> None:
    """``owned=True`` hands over fresh dicts: they become the objects'
    fields, uncopied; without it, the caller's dicts are left alone."""
    owned, given = row("Task", "get", id=new_id()), row("Task", "get", id=new_id())
    task = kitsu.tasks.materialize([owned], owned=True)[0]
    assert vars(task) is owned
    other = kitsu.tasks.materialize([given])[0]
    assert vars(other) is not given and given == row("Task", "get", id=other.id)


def test_an_async_sessions_materialize_copies_the_rows_and_leaves_known_objects_in_their_lists() -> None:
    """As the blocking ``materialize``: a known object stays in the list it
    was loaded with (its relations load with its neighbours'), and the
    caller's nested values never become the objects' storage."""
    kitsu = AsyncKitsu(API)
    try:
        tasks = asyncio.run(kitsu.tasks.materialize([row("Task", "get", id=new_id(), data={"a": 1}) for _ in range(2)]))
        event = row("Task", "get", id=tasks[0].id, data={"a": 2})
        merged = asyncio.run(kitsu.tasks.materialize([event]))
        event["data"]["a"] = 99
        assert merged[0] is tasks[0] and tasks[0].data == {"a": 2}
        first, second = origin_of(tasks[0]), origin_of(tasks[1])
        assert first is not None and second is not None
        assert first.cohort is second.cohort and first.cohort is not None and len(first.cohort) == 2
        owned = row("Task", "get", id=new_id())
        assert vars(asyncio.run(kitsu.tasks.materialize([owned], owned=True))[0]) is owned
    finally:
        asyncio.run(kitsu.aclose())


def test_materialize_refuses_what_is_not_a_row_quoting_at_most_80_characters_and_keeps_nothing(
    kitsu: Kitsu,
) -> None:
    good = row("Task", "get", id=new_id())
    bad = ["x" * 100]
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.tasks.materialize([good, bad])  # type: ignore[list-item]
    assert str(caught.value) == f"a Task row must be a dict, got {repr(bad)[:80]}"
    assert kitsu.identity.get(Task, good["id"]) is None


# ------------------------------------------------------ malformed answers
def test_a_list_answer_holding_a_row_without_an_id_is_a_malformed_answer(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A task is read by its id: a list row that names none is refused, not
    made an object no read could find again."""
    kept = row("Task", "get", id=new_id())
    anonymous = row("Task", "get")
    del anonymous["id"]
    mocked.get(API + "data/tasks", json=[kept, anonymous])
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        kitsu.tasks.filter(task_type_id=kept["task_type_id"])
    assert caught.value.problem == "a Task row without an id"


# --------------------------------------------------------- async session
def test_entities_of_a_type_made_since_the_types_were_read_become_that_kind(
    script: tuple[Script, str], driver: str
) -> None:
    """The entity types are read once a session, and again for a row of a
    type made since: on both sessions (an async one cannot read them while
    it builds the objects), the sequence is a ``Sequence``."""
    scripted, host = script
    shot_row, sequence_row = row("Shot", id=new_id()), row("Sequence", id=new_id(), entity_type_id=new_id())
    shot_type = {"id": shot_row["entity_type_id"], "name": "Shot"}
    scripted.on("GET", "/data/entity-types", Reply(body=[shot_type]),
                Reply(body=[shot_type, {"id": sequence_row["entity_type_id"], "name": "Sequence"}]))

    async def test() -> None:
        kitsu = session(driver, host)
        try:
            shots = await done(kitsu.entities.materialize([shot_row]))
            sequences = await done(kitsu.entities.materialize([sequence_row]))
            assert type(shots[0]) is Shot and type(sequences[0]) is Sequence
            assert scripted.count("GET", "/data/entity-types") == 2 and len(scripted.seen) == 2
        finally:
            await close(kitsu)

    run(test)


def test_a_blocking_query_on_an_async_session_sends_nothing_and_says_to_await_it() -> None:
    """The blocking repository of an async session (``kitsu.repository``,
    whose plans the session awaits) cannot read: its query is a
    ``LazyLoadError`` naming the list it would have read."""
    kitsu = AsyncKitsu(API)
    try:
        with pytest.raises(errors.LazyLoadError) as caught:
            kitsu.repository(Task).filter(task_type_id=new_id())
        assert str(caught.value) == (
            "/data/tasks is not loaded and this session awaits its reads: await the repository's "
            "get/filter/first..., or obj.aprefetch(...)"
        )
    finally:
        asyncio.run(kitsu.aclose())
