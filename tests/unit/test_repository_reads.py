"""The reads of ``Repository`` that the mutation run found reached but not
checked (docs/mutation-testing.md): criteria as query parameters (a key that
is not an id, a model not saved yet, a value the field cannot hold), rows
read by name, a record read by id (under its parents, of a model without a
record route, answered with something else than an object), the lists a
query gives, paged reads, ``get_many`` denied its model's list route, and
``reload_many``: by the query of a whole list or by ids, each object kept in
the list it was loaded with."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import Project, Shot, Task, errors
from kitsu_models.exchange import drive
from kitsu_models.orm.collection import ModelList
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row
from .test_repository_checked import assert_statuses_load_together, two_tasks_of_two_statuses


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(str(call.request.url)).query)


def path_of(call: Any) -> str:
    return urlparse(str(call.request.url)).path


def tasks_of_one_type(kitsu: Kitsu, mocked: responses.RequestsMock, count: int) -> tuple[ModelList[Task], str]:
    """``count`` tasks read as the whole list of one task type (the list's
    scope), in one request; the task type's id."""
    task_type_id = new_id()
    mocked.get(API + "data/tasks", json=[row("Task", "get", id=new_id(), task_type_id=task_type_id)
                                         for _ in range(count)])
    tasks = kitsu.tasks.filter(task_type_id=task_type_id)
    assert len(tasks) == count and tasks.scope == {"task_type_id": task_type_id}
    return tasks, task_type_id


# ------------------------------------------------- criteria as parameters
def test_a_key_named_like_an_id_that_is_not_one_is_sent_as_given(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A plugin's ``plugin_id`` is its name, not a UUID: alone or in an
    "any of" list, it is sent as it is, not refused as a malformed id."""
    mocked.get(API + "data/plugins", json=[])
    assert kitsu.plugins.filter(plugin_id="kitsu-publisher") == []
    assert kitsu.plugins.filter(plugin_id=["kitsu-publisher", "kitsu-review"]) == []
    assert [query(call)["plugin_id"] for call in mocked.calls] == [
        ["kitsu-publisher"], [json.dumps(["kitsu-publisher", "kitsu-review"])]]


def test_a_model_not_saved_yet_as_a_criterion_is_refused_naming_the_criterion(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.tasks.filter(project=Project(name="Agent 327"))
    assert str(caught.value) == "project_id must be a Kitsu id (UUID), got ''"
    assert len(mocked.calls) == 0


def test_a_value_its_field_cannot_hold_is_refused_naming_the_field_and_the_value(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Every value of an "any of" list is checked: those after a model, and
    those after an item of a list field (a shot's ``entities_in``)."""
    status = kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0]
    refused: dict[str, Callable[[], object]] = {
        "Shot.nb_frames cannot be 'many'": lambda: kitsu.shots.filter(nb_frames="many"),
        "Task.task_status_id cannot be 3": lambda: kitsu.tasks.filter(task_status_id=[status, 3]),
        "Shot.entities_in cannot be 3": lambda: kitsu.shots.filter(entities_in=[new_id(), 3]),
    }
    for message, query_of in refused.items():
        with pytest.raises(errors.InvalidArgumentError) as caught:
            query_of()
        assert str(caught.value) == message
    assert len(mocked.calls) == 0


# ------------------------------------------------------------------ rows
def test_rows_by_name_are_the_rows_named_exactly_so(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """The server matches names case-insensitively: of its rows, those
    named exactly as asked are returned, as the server sent them."""
    loose, exact = ({**row("Project", id=new_id()), "name": name} for name in ("agent 327", "Agent 327"))
    mocked.get(API + "data/projects", json=[loose, exact])
    assert kitsu.projects.rows(name="Agent 327") == [exact]
    assert query(mocked.calls[0])["name"] == ["Agent 327"]


# ------------------------------------------------------- one record by id
def test_a_record_under_its_parents_is_read_and_loaded_with_their_ids(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    project_id, budget_id, entry_id = new_id(), new_id(), new_id()
    fields = {"id": entry_id, "budget_id": budget_id, "department_id": new_id(), "start_date": "2026-01-01",
              "months_duration": 3, "daily_salary": 300.0}
    item = f"data/projects/{project_id}/budgets/{budget_id}/entries/{entry_id}"
    mocked.get(API + item, json=fields)
    assert kitsu.budget_entries.row(entry_id, project_id=project_id, budget_id=budget_id) == fields
    entry = kitsu.budget_entries.load(entry_id, project_id=project_id, budget_id=budget_id)
    assert entry.id == entry_id and entry.months_duration == 3
    assert [path_of(call) for call in mocked.calls] == ["/api/" + item] * 2


def test_a_read_by_id_refuses_what_is_not_an_id_naming_the_models_id(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    reads: dict[str, Callable[[str], object]] = {
        "row": kitsu.tasks.row, "load": kitsu.tasks.load, "get_many": lambda bad: kitsu.tasks.get_many([bad]),
    }
    for name, read in reads.items():
        with pytest.raises(errors.InvalidArgumentError) as caught:
            read("nope")
        assert str(caught.value) == "Task id must be a Kitsu id (UUID), got 'nope'", name
    assert len(mocked.calls) == 0


def test_a_model_without_a_record_route_refuses_a_read_by_id_naming_itself(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.login_logs.row(new_id())
    assert str(caught.value) == "LoginLog has no route to read one record"
    assert len(mocked.calls) == 0


def test_a_record_answered_with_something_else_than_an_object_names_the_get(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    task_id = new_id()
    mocked.get(API + f"data/tasks/{task_id}", json=[])
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        kitsu.tasks.row(task_id)
    error = caught.value
    assert (error.method, error.path, error.status, error.problem, error.excerpt) == (
        "GET", f"/data/tasks/{task_id}", 200, "expected an object", "'[]'")
    assert str(error) == f"GET /data/tasks/{task_id} -> 200: expected an object: '[]'"


def test_a_known_object_loaded_again_stays_in_its_list_for_its_own_relations(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """``load`` merges the record into the known object, which keeps the
    list it was loaded with: its status loads with its neighbour's."""
    tasks, statuses = two_tasks_of_two_statuses(kitsu)
    mocked.get(API + f"data/tasks/{tasks[0].id}",
               json=row("Task", "get", id=tasks[0].id, task_status_id=statuses[0], description="theirs"))
    assert kitsu.tasks.load(tasks[0].id) is tasks[0] and tasks[0].description == "theirs"
    assert_statuses_load_together(mocked, tasks, statuses)


# ------------------------------------------------------------ query lists
def test_the_lists_of_a_query_a_decoded_answer_and_a_page_belong_to_the_session(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    task_type_id = new_id()
    rows = [row("Task", "get", id=new_id(), task_type_id=task_type_id) for _ in range(2)]
    mocked.get(API + "data/tasks", json=rows)
    found = kitsu.tasks.filter(task_type_id=task_type_id)
    assert found.session is kitsu and found.scope == {"task_type_id": task_type_id}
    decoded = kitsu.tasks.decode_list(json.dumps(rows).encode(), source="data/tasks")
    assert decoded.session is kitsu and list(decoded) == list(found)
    page, more = drive(kitsu.tasks.plan_page(1, 2, set()), kitsu.transport.send)
    assert page.session is kitsu and list(page) == list(found) and more


def test_a_dedicated_list_route_is_asked_with_the_parameters_given(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    spent = {"id": new_id(), "task_id": new_id(), "person_id": new_id(), "duration": 60.0, "date": "2026-01-05"}
    mocked.get(API + "data/user/time-spents", json=[spent])
    dates = {"start_date": "2026-01-05", "end_date": "2026-01-09"}
    found = kitsu.time_spents.load_route("data/user/time-spents", dates)
    assert [item.id for item in found] == [spent["id"]] and found.session is kitsu
    assert query(mocked.calls[0]) == {"start_date": ["2026-01-05"], "end_date": ["2026-01-09"]}


# ---------------------------------------------------------------- paging
def test_a_paged_read_asks_pages_of_100_unless_told(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    rows = [row("Task", "get", id=new_id())]
    mocked.get(API + "data/tasks", json=rows)
    assert [task.id for task in kitsu.tasks.iter()] == [rows[0]["id"]]
    sent = query(mocked.calls[0])
    assert (sent["page"], sent["limit"]) == (["1"], ["100"]) and len(mocked.calls) == 1


def test_a_page_that_is_the_previous_one_again_is_a_typed_error(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Page 2 holding exactly the rows of page 1 (a server ignoring ``page``)
    would page for ever: an error, and no page 3 is asked."""
    rows = [row("Task", "get", id=new_id()) for _ in range(2)]
    mocked.get(API + "data/tasks", json=rows)
    mocked.get(API + "data/tasks", json=rows)
    mocked.get(API + "data/tasks", json=[])
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        list(kitsu.tasks.iter(page_size=2))
    assert (caught.value.path, caught.value.problem) == ("/data/tasks", "page 2 repeats earlier rows")
    assert len(mocked.calls) == 2


# ------------------------------------------------ get_many denied its list
def test_get_many_denied_its_models_list_reads_the_entities_and_keeps_its_kind(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Artists may not read ``data/shots`` but may read ``data/entities``:
    the ids are looked up there, and only the shots among them returned.
    A model that is its own root (a task) has no other route: the 403 is
    the caller's."""
    shot_row, asset_row = row("Shot", id=new_id()), row("Asset", id=new_id())
    mocked.get(API + "data/shots", status=403, json={"message": "not allowed"})
    mocked.get(API + "data/entities", json=[shot_row, asset_row])
    mocked.get(API + "data/entity-types", json=[{"id": shot_row["entity_type_id"], "name": "Shot"},
                                                {"id": asset_row["entity_type_id"], "name": "Character"}])
    wanted = [shot_row["id"], asset_row["id"]]
    found = kitsu.shots.get_many(wanted)
    assert list(found) == [shot_row["id"]] and type(found[shot_row["id"]]) is Shot
    assert [path_of(call) for call in mocked.calls] == [
        "/api/data/shots", "/api/data/entities", "/api/data/entity-types"]
    assert query(mocked.calls[1])["id"] == [json.dumps(wanted)]
    mocked.get(API + "data/tasks", status=403, json={"message": "not allowed"})
    with pytest.raises(errors.PermissionDeniedError):
        kitsu.tasks.get_many([new_id()])
    assert len(mocked.calls) == 4


# ------------------------------------------------------------ reload_many
def test_a_whole_list_of_more_than_50_is_reloaded_by_its_query_and_stays_that_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """51 tasks that are the whole list of their task type: read again by
    that query, in one request (not two batches of ids), and still that
    list afterwards (reloaded again the same way)."""
    tasks, task_type_id = tasks_of_one_type(kitsu, mocked, 51)
    for description in ("first", "second"):
        mocked.get(API + "data/tasks", json=[
            row("Task", "get", id=task.id, task_type_id=task_type_id, description=description) for task in tasks])
        kitsu.tasks.reload_many(tasks)
        assert {task.description for task in tasks} == {description}
    assert [query(call) for call in mocked.calls[1:]] == [{"relations": ["true"], "task_type_id": [task_type_id]}] * 2


def test_a_whole_list_of_50_is_reloaded_by_its_ids(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    tasks, _ = tasks_of_one_type(kitsu, mocked, 50)
    mocked.get(API + "data/tasks", json=[])
    kitsu.tasks.reload_many(tasks)
    assert query(mocked.calls[1]) == {"relations": ["true"], "id": [json.dumps(tasks.ids())]}


def test_more_than_50_objects_not_all_of_one_list_are_reloaded_by_their_ids(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """50 tasks of a list of 51 and one task made by hand (of no list),
    first or last: not one whole list, so read again by their ids."""
    tasks, _ = tasks_of_one_type(kitsu, mocked, 51)
    made = Task(id=new_id(), project_id=new_id(), task_type_id=new_id(), task_status_id=new_id(),
                entity_id=new_id())
    mocked.get(API + "data/tasks", json=[])
    for objects in ([*tasks[:50], made], [made, *tasks[:50]]):
        kitsu.tasks.reload_many(objects)
    asked = [query(call) for call in mocked.calls[1:]]
    assert all(set(sent) == {"relations", "id"} for sent in asked)
    ids = [task.id for task in tasks[:50]]
    assert [json.loads(sent["id"][0]) for sent in asked] == [ids, [made.id], [made.id, *ids[:49]], [ids[49]]]


def test_an_object_reloaded_by_its_id_stays_in_its_list_for_its_own_relations(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    tasks, statuses = two_tasks_of_two_statuses(kitsu)
    mocked.get(API + "data/tasks",
               json=[row("Task", "get", id=tasks[0].id, task_status_id=statuses[0], description="theirs")])
    kitsu.tasks.reload_many([tasks[0]])
    assert tasks[0].description == "theirs" and query(mocked.calls[0])["id"] == [json.dumps([tasks[0].id])]
    assert_statuses_load_together(mocked, tasks, statuses)


def test_a_shot_reloaded_through_the_entities_stays_in_its_list_for_its_own_relations(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Denied ``data/shots``, the reload reads ``data/entities``; the shot
    keeps its list: its sequence loads with its neighbour's."""
    sequences = [new_id(), new_id()]
    shot_rows = [row("Shot", id=new_id(), parent_id=sequence) for sequence in sequences]
    shots = kitsu.shots.materialize(shot_rows)
    mocked.get(API + "data/shots", status=403, json={"message": "not allowed"})
    mocked.get(API + "data/entities",
               json=[row("Shot", id=shots[0].id, parent_id=sequences[0], description="theirs")])
    mocked.get(API + "data/entity-types", json=[{"id": shot_rows[0]["entity_type_id"], "name": "Shot"}])
    kitsu.shots.reload_many([shots[0]])
    assert shots[0].description == "theirs"
    mocked.get(API + "data/sequences", json=[row("Sequence", id=sequence) for sequence in sequences])
    assert shots[0].sequence.id == sequences[0]
    assert path_of(mocked.calls[-1]) == "/api/data/sequences"
    assert sorted(json.loads(query(mocked.calls[-1])["id"][0])) == sorted(sequences)
    assert shots[1].sequence.id == sequences[1] and len(mocked.calls) == 4


def test_reload_many_refuses_an_object_without_an_id_or_of_another_model(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    status: Any = kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0]
    new = Task(project_id=new_id(), task_type_id=new_id(), task_status_id=new_id(), entity_id=new_id())
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.tasks.reload_many([new])
    assert str(caught.value) == "Task id must be a Kitsu id (UUID), got ''"
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.tasks.reload_many([status])
    assert str(caught.value) == "Task id: expected a Task or its id, got a TaskStatus"
    assert len(mocked.calls) == 0
