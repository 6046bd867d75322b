"""Behaviours of ``Repository`` that the mutation run found reached but not
checked (docs/mutation-testing.md): the object ``first`` and ``get_by_name``
pick and what a name query sends and says when it finds nothing, the error a
body decoded without its source names, a page read again, the one-id last
chunk of a relation read for many owners, what creates and saves send and
the errors they name (a malformed answer, a record gone, a model without an
update route, an id that is not one, an object of another model), the list a
saved or refreshed object keeps (and the object itself, when the session forgot it), a plain delete's default, and the request a
blocking write names on an async session."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import AsyncKitsu, Task, errors
from kitsu_models.exchange import drive
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(str(call.request.url)).query)


def body(call: Any) -> Any:
    return json.loads(call.request.body or b"")


def two_tasks_of_two_statuses(kitsu: Kitsu) -> tuple[list[Task], list[str]]:
    """Two tasks loaded together (one list), each of its own task status;
    the statuses' ids."""
    statuses = [new_id(), new_id()]
    tasks = kitsu.tasks.materialize([row("Task", "get", id=new_id(), task_status_id=status) for status in statuses])
    return list(tasks), statuses


def statuses_asked(call: Any) -> list[str]:
    return sorted(json.loads(query(call)["id"][0]))


def assert_statuses_load_together(mocked: responses.RequestsMock, tasks: list[Task], statuses: list[str]) -> None:
    """The two tasks' statuses load in one request: the tasks are one list still."""
    mocked.get(API + "data/task-status", json=[row("TaskStatus", id=status) for status in statuses])
    sent = len(mocked.calls)
    assert tasks[0].task_status.id == statuses[0]
    assert statuses_asked(mocked.calls[-1]) == sorted(statuses)
    assert tasks[1].task_status.id == statuses[1] and len(mocked.calls) == sent + 1


# ------------------------------------------------------------------ first
def test_first_gives_the_first_object_the_server_answered(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task_type_id = new_id()
    rows = [row("Task", "get", id=new_id(), task_type_id=task_type_id) for _ in range(2)]
    mocked.get(API + "data/tasks", json=rows)
    found = kitsu.tasks.first(task_type_id=task_type_id)
    assert found is not None and found.id == rows[0]["id"]
    assert found is kitsu.tasks.get(rows[0]["id"])


# ------------------------------------------------------------ get_by_name
def test_get_by_name_asks_the_name_and_keeps_the_exact_match_of_the_servers_pattern(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """The server matches names case-insensitively: of its answer, the
    object named exactly so is the one returned."""
    loose, exact = ({**row("Project", id=new_id()), "name": name} for name in ("agent 327", "Agent 327"))
    mocked.get(API + "data/projects", json=[loose, exact])
    assert kitsu.projects.get_by_name("Agent 327").id == exact["id"]
    assert query(mocked.calls[0])["name"] == ["Agent 327"]


def test_get_by_name_finding_nothing_names_the_model_the_name_and_every_scope_criterion(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    project_id, task_type_id = new_id(), new_id()
    mocked.get(API + "data/tasks", json=[])
    with pytest.raises(errors.ModelNotFoundError) as caught:
        kitsu.tasks.get_by_name("main", project=project_id, task_type=task_type_id)
    where = f"named 'main' (project='{project_id}', task_type='{task_type_id}')"
    assert (caught.value.model, caught.value.key) == ("Task", where)
    assert str(caught.value) == f"no Task {where}"
    sent = query(mocked.calls[0])
    assert (sent["name"], sent["project_id"], sent["task_type_id"]) == (["main"], [project_id], [task_type_id])


# ------------------------------------------------------------- decode_list
def test_a_body_decoded_without_its_source_is_an_error_naming_no_route(kitsu: Kitsu) -> None:
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        kitsu.tasks.decode_list(b"<html>a proxy's page</html>")
    assert (caught.value.method, caught.value.path, caught.value.problem) == ("GET", "/", "the answer is not JSON")


# ---------------------------------------------------------------- paging
def test_a_page_read_again_is_asked_anew_not_revalidated(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """Paged reads never send ``If-None-Match``, even for a page whose
    answer carried an ``ETag`` the time before."""
    rows = [row("Task", "get", id=new_id())]
    mocked.get(API + "data/tasks", json=rows, headers={"ETag": '"page-1"'})
    for _ in range(2):
        assert [task.id for task in kitsu.tasks.iter(page_size=2)] == [rows[0]["id"]]
    assert len(mocked.calls) == 2
    assert all("If-None-Match" not in call.request.headers for call in mocked.calls)


# -------------------------------------------- plan_filter_into_one_cohort
def test_the_children_of_many_owners_come_by_lists_of_50_ids_and_a_lone_last_id_plain(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """51 assets of no one project: their tasks are read by 50 owner ids,
    then by the 51st alone, as a plain id; each asset gets its own."""
    assets = kitsu.assets.materialize([row("Asset", id=new_id()) for _ in range(51)])
    first_task = row("Task", "get", id=new_id(), entity_id=assets[0].id)
    last_task = row("Task", "get", id=new_id(), entity_id=assets[50].id)
    mocked.get(API + "data/tasks", json=[first_task])  # the answer to the 50 ids
    mocked.get(API + "data/tasks", json=[last_task])  # to the 51st
    assert [task.id for task in assets[0].tasks] == [first_task["id"]]
    assert [task.id for task in assets[50].tasks] == [last_task["id"]]
    assert assets[1].tasks == []
    asked = [query(call)["entity_id"] for call in mocked.calls]
    assert asked == [[json.dumps([asset.id for asset in assets[:50]])], [assets[50].id]]


# ---------------------------------------------------------------- create
def test_a_create_sends_the_values_it_was_given_as_their_json(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """A value of ``data`` that JSON has no type for (a UUID) goes as the
    text pydantic writes for it."""
    reference = uuid.uuid4()
    task = Task(project_id=new_id(), task_type_id=new_id(), task_status_id=new_id(), entity_id=new_id(),
                data={"reference": reference})
    answer = row("Task", "get", id=new_id(), data={"reference": str(reference)})
    mocked.post(API + "data/tasks", json=answer)
    assert task.save(kitsu) is task and task.id == answer["id"]
    assert body(mocked.calls[0])["data"] == {"reference": str(reference)}


def test_a_create_answered_with_something_else_than_json_names_the_post(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    task = Task(project_id=new_id(), task_type_id=new_id(), task_status_id=new_id(), entity_id=new_id())
    mocked.post(API + "data/tasks", body="<html>a proxy's page</html>", content_type="text/html")
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        task.save(kitsu)
    error = caught.value
    assert (error.method, error.path, error.status, error.problem) == (
        "POST", "/data/tasks", 200, "the answer (text/html) is not JSON")
    assert not task.id


@pytest.mark.parametrize("answer", [{"name": "no id"}, {"id": ""}, {"id": None}, [{"id": "x"}], None])
def test_a_create_answered_without_the_created_record_is_an_unexpected_answer(
    kitsu: Kitsu, mocked: responses.RequestsMock, answer: Any
) -> None:
    """No id to adopt: the object stays unsaved, with the values it was given."""
    task = Task(project_id=new_id(), task_type_id=new_id(), task_status_id=new_id(), entity_id=new_id(), name="main")
    if answer is None:
        mocked.post(API + "data/tasks", status=201)
    else:
        mocked.post(API + "data/tasks", json=answer)
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        task.save(kitsu)
    error = caught.value
    assert (error.method, error.path, error.status, error.problem) == ("POST", "/data/tasks", 200, "expected the created Task")
    assert error.excerpt == repr(repr(answer))  # what came instead
    assert not task.id and task.name == "main" and len(kitsu.identity) == 0


# --------------------------------------------------------- ids in writes
def test_an_id_field_holding_an_empty_id_is_refused_by_name_before_any_write(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A model may hold "" for "none" (some routes send it), a write never
    sends it: refused naming the model's field, the change kept."""
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    task.task_status_id = ""
    with pytest.raises(errors.InvalidArgumentError) as caught:
        task.save()
    assert str(caught.value) == "Task.task_status_id must be a Kitsu id (UUID), got ''"
    assert task.changes() == {"task_status_id": ""}
    new = Task(project_id=new_id(), task_type_id=new_id(), task_status_id="", entity_id=new_id())
    with pytest.raises(errors.InvalidArgumentError) as caught:
        new.save(kitsu)
    assert str(caught.value) == "Task.task_status_id must be a Kitsu id (UUID), got ''"
    assert len(mocked.calls) == 0


# ---------------------------------------------------------------- update
def test_a_save_answered_with_something_else_than_json_names_the_put_and_keeps_the_changes(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), description="old")])[0]
    task.description = "new"
    mocked.put(API + f"data/tasks/{task.id}", body="<html>a proxy's page</html>", content_type="text/html")
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        task.save()
    error = caught.value
    assert (error.method, error.path, error.status, error.problem) == (
        "PUT", f"/data/tasks/{task.id}", 200, "the answer (text/html) is not JSON")
    assert task.changes() == {"description": "new"}


def test_a_data_save_whose_record_is_gone_names_the_object_and_sends_nothing(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Where the server replaces ``data`` whole, the save reads the record
    first: a 404 there is the object's, named by its id."""
    project = kitsu.projects.materialize([row("Project", id=new_id(), data={"a": 1})])[0]
    assert project.data is not None
    project.data["b"] = 2
    item = f"data/projects/{project.id}"
    mocked.get(API + item, status=404, json={"message": "not found"})
    with pytest.raises(errors.ModelNotFoundError) as caught:
        project.save()
    assert (caught.value.model, caught.value.key, caught.value.path) == ("Project", project.id, "/" + item)
    assert [call.request.method for call in mocked.calls] == ["GET"]
    assert project.changes() == {"data": {"b": 2}}


def test_a_model_without_an_update_route_refuses_a_save_before_any_request(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    log = kitsu.login_logs.materialize([{"id": new_id(), "person_id": new_id(), "origin": "script"}])[0]
    log.origin = "web"
    with pytest.raises(errors.InvalidArgumentError) as caught:
        log.save()
    assert str(caught.value) == "LoginLog objects cannot be updated through the API"
    assert len(mocked.calls) == 0 and log.changes() == {"origin": "web"}


def test_a_route_that_nulls_what_is_not_sent_gets_every_field_in_the_models_types(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """The fields sent along with the change are the model's JSON: a daily
    salary the server sent as 300 goes as the float the model declares."""
    project_id, budget_id, entry_id = new_id(), new_id(), new_id()
    budget = kitsu.budgets.materialize([{"id": budget_id, "name": "v1", "project_id": project_id}])[0]
    fields: dict[str, Any] = {
        "id": entry_id, "budget_id": budget_id, "department_id": new_id(), "person_id": None,
        "start_date": "2026-01-01", "months_duration": 3, "daily_salary": 300, "position": "artist",
        "seniority": "senior", "exceptions": {},
    }
    entry = kitsu.budget_entries.materialize([fields])[0]
    entry.months_duration = 4
    mocked.put(API + f"data/projects/{project_id}/budgets/{budget_id}/entries/{entry_id}",
               json={**fields, "months_duration": 4})
    entry.save()
    sent = body(mocked.calls[0])
    assert sent["daily_salary"] == 300.0 and isinstance(sent["daily_salary"], float)
    assert (sent["start_date"], sent["months_duration"]) == ("2026-01-01", 4) and entry.budget is budget


def test_a_saved_object_stays_in_its_list_for_its_own_relations(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """After a save, a relation read on the saved object loads for the whole
    list it was loaded with (one request for both tasks' statuses)."""
    tasks, statuses = two_tasks_of_two_statuses(kitsu)
    tasks[0].description = "new"
    mocked.put(API + f"data/tasks/{tasks[0].id}",
               json=row("Task", "get", id=tasks[0].id, task_status_id=statuses[0], description="new"))
    tasks[0].save()
    assert_statuses_load_together(mocked, tasks, statuses)


# --------------------------------------------------------------- refresh
def test_a_refreshed_object_stays_in_its_list_for_its_own_relations(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    tasks, statuses = two_tasks_of_two_statuses(kitsu)
    mocked.get(API + f"data/tasks/{tasks[0].id}",
               json=row("Task", "get", id=tasks[0].id, task_status_id=statuses[0], description="theirs"))
    assert tasks[0].refresh() is tasks[0] and tasks[0].description == "theirs"
    assert_statuses_load_together(mocked, tasks, statuses)


def test_an_object_the_session_forgot_still_gets_its_own_refresh_and_save(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """After ``identity.clear()``, a refresh or a save fills the object it was
    called on (it is the known object of its id again), not a new copy nor
    a copy loaded since."""
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), description="mine")])[0]
    kitsu.identity.clear()
    mocked.get(API + f"data/tasks/{task.id}", json=row("Task", "get", id=task.id, description="theirs"))
    assert task.refresh() is task and task.description == "theirs"
    assert kitsu.identity.get(Task, task.id) is task
    kitsu.identity.clear()
    task.priority = 3
    mocked.put(API + f"data/tasks/{task.id}", json=row("Task", "get", id=task.id, priority=3, description="saved"))
    task.save()
    assert task.description == "saved" and task.priority == 3 and task.changes() == {}
    assert kitsu.identity.get(Task, task.id) is task
    kitsu.identity.clear()
    twin = kitsu.tasks.materialize([row("Task", "get", id=task.id, description="a copy")])[0]
    mocked.get(API + f"data/tasks/{task.id}", json=row("Task", "get", id=task.id, description="fresh"))
    assert task.refresh() is task and task.description == "fresh"  # not the copy loaded since
    assert twin.description == "a copy" and kitsu.identity.get(Task, task.id) is task


def test_objects_the_session_forgot_get_their_own_reload_and_missing_fields(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """After ``identity.clear()``, ``reload_many`` fills the objects given, and
    the first read of a field a partial object lacks gets the server's value
    (it used to fill a new copy, leaving the field at the model's default)."""
    full = row("Task", "get", id=new_id(), difficulty=5, description="theirs")
    task = kitsu.tasks.materialize([{**full, "description": "old"}])[0]
    kitsu.identity.clear()
    mocked.get(API + "data/tasks", json=[full])
    kitsu.tasks.reload_many([task])
    assert task.description == "theirs" and kitsu.identity.get(Task, task.id) is task
    other = row("Task", "get", id=new_id(), difficulty=5)
    lacking = kitsu.tasks.materialize([{k: v for k, v in other.items() if k != "difficulty"}])[0]
    kitsu.identity.clear()
    mocked.get(API + "data/tasks", json=[other])
    assert lacking.difficulty == 5 and kitsu.identity.get(Task, lacking.id) is lacking


def test_a_record_read_under_its_parents_keeps_their_ids_for_its_later_paths(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A budget entry's path takes its budget's project: read with the
    parents' ids, the entry refreshes and saves through them, with no budget
    loaded (the session may have let it go)."""
    project_id, budget_id, entry_id = new_id(), new_id(), new_id()
    path = API + f"data/projects/{project_id}/budgets/{budget_id}/entries/{entry_id}"
    entry_row = {"id": entry_id, "budget_id": budget_id, "department_id": new_id(), "start_date": "2026-01-01",
                 "months_duration": 3, "daily_salary": 300.0}
    mocked.get(path, json=entry_row)
    entry = kitsu.budget_entries.get(entry_id, project_id=project_id, budget_id=budget_id)
    mocked.get(path, json={**entry_row, "months_duration": 4})
    assert entry.refresh().months_duration == 4
    entry.months_duration = 6
    mocked.put(path, json={**entry_row, "months_duration": 6})
    entry.save()
    assert [(call.request.method, call.request.url) for call in mocked.calls] == [("GET", path)] * 2 + [("PUT", path)]
    assert kitsu.budget_entries.get(entry_id, project_id=project_id, budget_id=budget_id) is entry


# ------------------------------------------------ an object of another model
def test_a_repository_refuses_an_object_of_another_model_before_any_request(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A time spent holds a ``task_id``, a task a ``task_status_id``: another
    model's routes could be filled from them (deleting the task's status), but
    each repository refuses what is not its model (changes kept, nothing sent)."""
    spent = kitsu.time_spents.materialize([
        {"id": new_id(), "task_id": new_id(), "person_id": new_id(), "duration": 60.0, "date": "2026-01-05"}
    ])[0]
    spent.duration = 120.0
    wrong: Any = spent
    for use in (kitsu.tasks.update, kitsu.tasks.refresh, kitsu.tasks.delete, kitsu.tasks.create):
        with pytest.raises(errors.InvalidArgumentError) as caught:
            use(wrong)
        assert str(caught.value) == "Task repository: expected a Task, got a TimeSpent"
    task: Any = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    with pytest.raises(errors.InvalidArgumentError, match="TaskStatus repository: expected a TaskStatus, got a Task"):
        kitsu.task_statuses.delete(task)
    unchanged: Any = kitsu.time_spents.materialize([
        {"id": new_id(), "task_id": new_id(), "person_id": new_id(), "duration": 60.0, "date": "2026-01-05"}
    ])[0]
    with pytest.raises(errors.InvalidArgumentError, match="Task repository: expected a Task, got a TimeSpent"):
        kitsu.tasks.update(unchanged)  # nothing to send, still not a task
    assert len(mocked.calls) == 0
    assert spent.changes() == {"duration": 120.0}
    assert not spent.is_deleted and not task.is_deleted


# ---------------------------------------------------------------- delete
def test_a_plain_delete_by_the_repository_or_its_plan_asks_no_force_and_may_only_cancel(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Without ``force``, the server may only cancel a shot: it is read
    again, stays usable, and the delete answers False."""
    shots = kitsu.shots.materialize([row("Shot", "get", id=new_id(), canceled=False) for _ in range(2)])
    for shot in shots:
        mocked.delete(API + f"data/shots/{shot.id}", status=204)
        mocked.get(API + f"data/entities/{shot.id}", json=row("Shot", "get", id=shot.id, canceled=True))
    assert kitsu.shots.delete(shots[0]) is False
    assert drive(kitsu.shots.plan_delete(shots[1]), kitsu.transport.send) is False
    deletes = [call for call in mocked.calls if call.request.method == "DELETE"]
    assert [query(call) for call in deletes] == [{}, {}]
    assert all(shot.canceled is True and not shot.is_deleted for shot in shots)


# -------------------------------------------------------- an async session
def test_an_async_sessions_materialized_list_belongs_to_the_session() -> None:
    kitsu = AsyncKitsu(API)
    try:
        rows = [row("Task", "get", id=new_id()) for _ in range(2)]
        tasks = asyncio.run(kitsu.tasks.materialize(rows))
        assert tasks.session is kitsu and [task.id for task in tasks] == [r["id"] for r in rows]
    finally:
        asyncio.run(kitsu.aclose())


def test_a_blocking_write_on_an_async_sessions_object_is_refused_naming_the_request() -> None:
    """``save()`` and ``delete()`` would block: the error names the request
    (its method and path) that was not sent, and what to await instead."""
    kitsu = AsyncKitsu(API)
    try:
        task = asyncio.run(kitsu.tasks.materialize([row("Task", "get", id=new_id())]))[0]
        task.description = "new"
        new = Task(project_id=new_id(), task_type_id=new_id(), task_status_id=new_id(), entity_id=new_id())
        for write, request in ((task.save, f"PUT /data/tasks/{task.id}"), (lambda: new.save(kitsu), "POST /data/tasks"),
                               (task.delete, f"DELETE /data/tasks/{task.id}")):
            with pytest.raises(errors.InvalidArgumentError) as caught:
                write()
            assert str(caught.value).startswith(f"{request}: a blocking operation on an async session: await ")
        assert task.changes() == {"description": "new"} and not task.is_deleted and not new.id
    finally:
        asyncio.run(kitsu.aclose())
